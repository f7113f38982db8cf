package desk

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"newsdesk/internal/auth"
	"newsdesk/internal/i18n"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/session"
)

// deskPassword is every test user's password.
const deskPassword = "correct horse battery"

// deskFixture is the fixture's newsroom with one user of every role.
type deskFixture struct {
	*fixture
	users map[news.Role]news.User
}

func newDeskFixture(t testing.TB) *deskFixture {
	t.Helper()
	return newDeskFixtureOn(t, newFixture(t, 3))
}

// newDeskFixtureOn adds users of every role to f.
func newDeskFixtureOn(t testing.TB, f *fixture) *deskFixture {
	t.Helper()
	df := &deskFixture{fixture: f, users: map[news.Role]news.User{}}
	hash, err := auth.HashPassword(deskPassword, auth.DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range append(news.StaffRoles, news.RoleReader) {
		df.users[role] = df.addUser(t, string(role)+"@example.com", role, hash)
	}
	return df
}

func (df *deskFixture) addUser(t testing.TB, email string, role news.Role, hash string) news.User {
	t.Helper()
	ctx := context.Background()
	u, err := df.store.CreateUser(ctx, news.User{Email: email, Name: strings.ToUpper(email[:1]) + email[1:strings.Index(email, "@")], Role: role})
	if err != nil {
		t.Fatal(err)
	}
	if hash != "" {
		if err := df.store.SetPassword(ctx, u.ID, hash); err != nil {
			t.Fatal(err)
		}
		u.PasswordHash = hash
	}
	return u
}

// deskWordsOf returns the desk's words in a language, from the catalogs.
func deskWordsOf(t testing.TB, lang string) *deskText {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	texts, err := newDeskTexts(c)
	if err != nil {
		t.Fatal(err)
	}
	return texts.For(lang)
}

// client is a browser of the desk: it keeps the session cookie.
type client struct {
	t       testing.TB
	h       http.Handler
	cookie  *http.Cookie
	addr    string // RemoteAddr host
	headers map[string]string
}

func (df *deskFixture) client(t testing.TB) *client {
	return &client{t: t, h: df.handler, addr: "192.0.2.1"}
}

// signedIn returns a client signed in as the user of the given role.
func (df *deskFixture) signedIn(t testing.TB, role news.Role) *client {
	t.Helper()
	c := df.client(t)
	res := c.post("/desk/signin", url.Values{"email": {df.users[role].Email}, "password": {deskPassword}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("sign in as %s: status %d\n%.400s", role, res.status, res.body)
	}
	return c
}

func (c *client) get(path string) response {
	return c.do(httptest.NewRequest(http.MethodGet, path, nil))
}

func (c *client) post(path string, form url.Values) response {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(r)
}

func (c *client) do(r *http.Request) response {
	c.t.Helper()
	r.RemoteAddr = c.addr + ":4711"
	if c.cookie != nil {
		r.AddCookie(c.cookie)
	}
	for k, v := range c.headers {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, r)
	res := w.Result()
	for _, ck := range res.Cookies() {
		if ck.Name == "newsdesk_session" {
			if ck.MaxAge < 0 || ck.Value == "" {
				c.cookie = nil
			} else {
				c.cookie = ck
			}
		}
	}
	body, _ := io.ReadAll(res.Body)
	return response{status: w.Code, header: res.Header, body: string(body)}
}

func wantStatus(t testing.TB, what string, res response, want int) {
	t.Helper()
	if res.status != want {
		t.Fatalf("%s: status %d, want %d\n%.600s", what, res.status, want, visibleText(res.body))
	}
}

func TestDeskSignIn(t *testing.T) {
	df := newDeskFixture(t)
	editor := df.users[news.RoleEditor]
	invited := df.addUser(t, "invited@example.com", news.RoleAuthor, "")

	t.Run("form", func(t *testing.T) {
		res := df.client(t).get("/desk/signin?next=/desk/stories")
		wantStatus(t, "GET /desk/signin", res, http.StatusOK)
		mustContain(t, "sign-in page", res.body, `name="email"`, `type="password"`, `value="/desk/stories"`, `autocomplete="current-password"`, `<label for="password">`)
		if got := res.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("Cache-Control = %q, want no-store", got)
		}
		if res.header.Get("Set-Cookie") != "" {
			t.Error("the sign-in form set a cookie before anyone signed in")
		}
	})

	tests := []struct {
		name, email, password string
		want                  int
		wantText              string
	}{
		{"wrong password", editor.Email, "wrong password!", http.StatusUnauthorized, deskWordsOf(t, "en").SignIn.BadCredentials},
		{"unknown address", "nobody@example.com", deskPassword, http.StatusUnauthorized, deskWordsOf(t, "en").SignIn.BadCredentials},
		{"empty", "", "", http.StatusUnauthorized, deskWordsOf(t, "en").SignIn.BadCredentials},
		{"reader", df.users[news.RoleReader].Email, deskPassword, http.StatusForbidden, deskWordsOf(t, "en").SignIn.NoDesk},
		{"invited, no password yet", invited.Email, "", http.StatusUnauthorized, deskWordsOf(t, "en").SignIn.BadCredentials},
		{"address in another case", "  EDITOR@Example.com ", deskPassword, http.StatusSeeOther, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := df.client(t)
			c.addr = "198.51.100." + tt.name[:1] // keep the address throttle out of it
			res := c.post("/desk/signin", url.Values{"email": {tt.email}, "password": {tt.password}})
			wantStatus(t, "POST /desk/signin", res, tt.want)
			if tt.wantText != "" {
				mustContain(t, "page", visibleText(res.body), tt.wantText)
				if c.cookie != nil {
					t.Error("a refused sign-in set a session cookie")
				}
			}
		})
	}

	t.Run("cookie and next", func(t *testing.T) {
		c := df.client(t)
		res := c.post("/desk/signin", url.Values{"email": {editor.Email}, "password": {deskPassword}, "next": {"/desk/stories?status=draft"}})
		wantStatus(t, "sign in", res, http.StatusSeeOther)
		if got := res.header.Get("Location"); got != "/desk/stories?status=draft" {
			t.Errorf("Location = %q", got)
		}
		ck := c.cookie
		if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || !ck.Secure || ck.Path != "/" {
			t.Fatalf("session cookie = %+v, want HttpOnly, SameSite=Lax, Secure, Path=/", ck)
		}
		// Signing in again renews the token: the old one is worthless.
		old := *ck
		wantStatus(t, "sign in again", c.post("/desk/signin", url.Values{"email": {editor.Email}, "password": {deskPassword}}), http.StatusSeeOther)
		if c.cookie.Value == old.Value {
			t.Error("signing in kept the session token")
		}
		stale := df.client(t)
		stale.cookie = &old
		wantStatus(t, "signed-in page with the old token", stale.get("/desk/signin"), http.StatusOK)
	})

	t.Run("already signed in", func(t *testing.T) {
		c := df.signedIn(t, news.RoleAuthor)
		res := c.get("/desk/signin?next=/desk/account")
		wantStatus(t, "GET /desk/signin", res, http.StatusSeeOther)
		if got := res.header.Get("Location"); got != "/desk/account" {
			t.Errorf("Location = %q", got)
		}
	})
}

func TestSafeNext(t *testing.T) {
	tests := map[string]string{
		"":                     "/desk/",
		"/desk/stories?q=x":    "/desk/stories?q=x",
		"/desk":                "/desk",
		"https://evil.example": "/desk/",
		"//evil.example/desk/": "/desk/",
		"/desk/\\evil":         "/desk/",
		"/deskevil":            "/desk/",
		"/":                    "/desk/",
		"/desk/signin":         "/desk/",
	}
	for in, want := range tests {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeskSignInThrottle(t *testing.T) {
	df := newDeskFixture(t)
	author := df.users[news.RoleAuthor]
	bad := url.Values{"email": {author.Email}, "password": {"not the password"}}
	good := url.Values{"email": {author.Email}, "password": {deskPassword}}

	// Per account: the failures come from different addresses.
	for i := range auth.AccountThrottle.Limit {
		c := df.client(t)
		c.addr = "203.0.113." + string(rune('1'+i))
		wantStatus(t, "failed sign-in", c.post("/desk/signin", bad), http.StatusUnauthorized)
	}
	c := df.client(t)
	c.addr = "203.0.113.99"
	res := c.post("/desk/signin", good)
	wantStatus(t, "sign-in after too many failures, even with the right password", res, http.StatusTooManyRequests)
	if ra := res.header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Errorf("Retry-After = %q, want seconds", ra)
	}
	mustContain(t, "throttled page", visibleText(res.body), "Too many failed sign-ins")

	// Another node over the same database counts the same failures.
	c2 := &client{t: t, h: serve(t, df.store, ""), addr: "203.0.113.100"}
	wantStatus(t, "sign-in on another node", c2.post("/desk/signin", good), http.StatusTooManyRequests)

	// Other accounts are not held up by this one's failures.
	wantStatus(t, "another account", c.post("/desk/signin", url.Values{"email": {df.users[news.RoleEditor].Email}, "password": {deskPassword}}), http.StatusSeeOther)

	// Per address: one address trying many accounts is stopped, whichever
	// account it tries next.
	guesser := df.client(t)
	guesser.addr = "198.51.100.200"
	for i := range auth.AddressThrottle.Limit {
		form := url.Values{"email": {"guess" + strings.Repeat("x", i) + "@example.com"}, "password": {"guess"}}
		wantStatus(t, "guess", guesser.post("/desk/signin", form), http.StatusUnauthorized)
	}
	wantStatus(t, "address over the limit", guesser.post("/desk/signin", url.Values{"email": {df.users[news.RoleContributor].Email}, "password": {deskPassword}}), http.StatusTooManyRequests)
}

func TestDeskSessions(t *testing.T) {
	df := newDeskFixture(t)
	ctx := context.Background()
	// A desk page of the skeleton: who is signed in.
	probe := df.srv.sessions.LoadAndSave(df.srv.staff(func(w http.ResponseWriter, r *http.Request, u news.User) error {
		if msg := r.PostFormValue("flash"); msg != "" {
			df.srv.sessions.Flash(r, msg)
			return deskRedirect(w, r, "/desk/probe")
		}
		p, err := df.srv.newDeskPage(r, u, "")
		if err != nil {
			return err
		}
		return respond.JSON(w, http.StatusOK, map[string]any{"email": u.Email, "flash": p.Flash})
	}))
	on := func(c *client) *client { c2 := *c; c2.h = probe; return &c2 }

	t.Run("signed out", func(t *testing.T) {
		c := on(df.client(t))
		res := c.get("/desk/probe?x=1")
		wantStatus(t, "GET signed out", res, http.StatusSeeOther)
		if got, want := res.header.Get("Location"), "/desk/signin?next="+url.QueryEscape("/desk/probe?x=1"); got != want {
			t.Errorf("Location = %q, want %q", got, want)
		}
		res = c.post("/desk/probe", nil)
		wantStatus(t, "POST signed out", res, http.StatusUnauthorized)
		r := httptest.NewRequest(http.MethodPost, "/desk/probe", nil)
		r.Header.Set("Accept", "application/json")
		res = c.do(r)
		wantStatus(t, "POST signed out, JSON", res, http.StatusUnauthorized)
		mustContain(t, "JSON error", res.body, `{"error":"Your session has ended: sign in again"}`)
	})

	t.Run("reader", func(t *testing.T) {
		c := df.client(t)
		// Readers cannot sign in at the desk; give one a session directly.
		ctx2, _ := df.srv.sessions.Load(ctx, "")
		df.srv.sessions.Put(ctx2, session.KeyUser, df.users[news.RoleReader].ID)
		df.srv.sessions.Put(ctx2, session.KeyEpoch, int64(0))
		token, expiry, err := df.srv.sessions.Commit(ctx2)
		if err != nil {
			t.Fatal(err)
		}
		c.cookie = &http.Cookie{Name: "newsdesk_session", Value: token, Expires: expiry}
		wantStatus(t, "reader on the desk", on(c).get("/desk/probe"), http.StatusForbidden)
	})

	t.Run("flash once", func(t *testing.T) {
		c := on(df.signedIn(t, news.RoleEditor))
		wantStatus(t, "leave a flash", c.post("/desk/probe", url.Values{"flash": {"Story saved."}}), http.StatusSeeOther)
		res := c.get("/desk/probe")
		wantStatus(t, "probe", res, http.StatusOK)
		mustContain(t, "probe", res.body, `"email":"editor@example.com"`, `"flash":"Story saved."`)
		res = c.get("/desk/probe")
		mustContain(t, "second probe", res.body, `"flash":""`)
	})

	t.Run("sign out", func(t *testing.T) {
		c := df.signedIn(t, news.RoleAuthor)
		kept := *c.cookie
		res := c.post("/desk/signout", nil)
		wantStatus(t, "sign out", res, http.StatusSeeOther)
		old := on(df.client(t))
		old.cookie = &kept
		wantStatus(t, "old cookie after sign-out", old.get("/desk/probe"), http.StatusSeeOther)
	})

	t.Run("sign out everywhere", func(t *testing.T) {
		laptop, phone := df.signedIn(t, news.RoleContributor), df.signedIn(t, news.RoleContributor)
		wantStatus(t, "phone before", on(phone).get("/desk/probe"), http.StatusOK)
		wantStatus(t, "sign out everywhere", laptop.post("/desk/signout/everywhere", nil), http.StatusSeeOther)
		wantStatus(t, "phone after", on(phone).get("/desk/probe"), http.StatusSeeOther)
		wantStatus(t, "laptop after", on(laptop).get("/desk/probe"), http.StatusSeeOther)
		// Signing in again works under the new epoch.
		wantStatus(t, "signed in again", on(df.signedIn(t, news.RoleContributor)).get("/desk/probe"), http.StatusOK)
	})

	t.Run("disabled", func(t *testing.T) {
		u := df.addUser(t, "leaving@example.com", news.RoleEditor, df.users[news.RoleEditor].PasswordHash)
		c := df.client(t)
		wantStatus(t, "sign in", c.post("/desk/signin", url.Values{"email": {u.Email}, "password": {deskPassword}}), http.StatusSeeOther)
		u.Disabled = true
		if _, err := df.store.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		wantStatus(t, "session of a disabled user", on(c).get("/desk/probe"), http.StatusSeeOther)
		res := c.post("/desk/signin", url.Values{"email": {u.Email}, "password": {deskPassword}})
		wantStatus(t, "disabled user signs in", res, http.StatusForbidden)
		mustContain(t, "page", visibleText(res.body), deskWordsOf(t, "en").SignIn.Disabled)
	})

	t.Run("cross-site forgery", func(t *testing.T) {
		c := df.signedIn(t, news.RoleAdmin)
		c.headers = map[string]string{"Sec-Fetch-Site": "cross-site"}
		wantStatus(t, "cross-site sign-out everywhere", c.post("/desk/signout/everywhere", nil), http.StatusForbidden)
		c.headers = map[string]string{"Origin": "https://evil.example"}
		wantStatus(t, "foreign origin", c.post("/desk/signout/everywhere", nil), http.StatusForbidden)
		c.headers = nil
		wantStatus(t, "still signed in", on(c).get("/desk/probe"), http.StatusOK)
	})
}

func TestDeskSignInLink(t *testing.T) {
	df := newDeskFixture(t)
	ctx := context.Background()
	u := df.addUser(t, "new@example.com", news.RoleAuthor, "")
	raw, err := df.store.CreateToken(ctx, u.ID, store.TokenSignIn, 60_000_000_000)
	if err != nil {
		t.Fatal(err)
	}
	path := "/desk/signin/" + raw
	c := df.client(t)
	for range 2 { // looking does not use the link
		res := c.get(path)
		wantStatus(t, "GET link", res, http.StatusOK)
		mustContain(t, "link page", res.body, "new@example.com", `autocomplete="new-password"`)
		if got := res.header.Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("Referrer-Policy = %q", got)
		}
	}
	res := c.post(path, url.Values{"password": {"short"}, "confirm": {"short"}})
	wantStatus(t, "short password", res, http.StatusBadRequest)
	mustContain(t, "page", visibleText(res.body), "Password must be at least 10 characters")
	res = c.post(path, url.Values{"password": {deskPassword}, "confirm": {deskPassword + "x"}})
	wantStatus(t, "confirmation differs", res, http.StatusBadRequest)
	mustContain(t, "page", visibleText(res.body), "does not match")

	res = c.post(path, url.Values{"password": {deskPassword}, "confirm": {deskPassword}})
	wantStatus(t, "good password", res, http.StatusSeeOther)
	if c.cookie == nil {
		t.Fatal("no session after using the link")
	}
	wantStatus(t, "link used again", df.client(t).get(path), http.StatusNotFound)
	wantStatus(t, "link used again, POST", df.client(t).post(path, url.Values{"password": {deskPassword}, "confirm": {deskPassword}}), http.StatusNotFound)
	wantStatus(t, "unknown link", df.client(t).get("/desk/signin/nosuchtoken"), http.StatusNotFound)
	// The password chosen now signs in.
	wantStatus(t, "sign in with the new password", df.client(t).post("/desk/signin", url.Values{"email": {u.Email}, "password": {deskPassword}}), http.StatusSeeOther)
}
