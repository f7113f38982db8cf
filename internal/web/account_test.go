package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/mail"
	"newsdesk/internal/mail/mailtest"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// readerPassword is the password of the tests' readers.
const readerPassword = "lantern harbour evening"

// accountFixture is the fixture's newsroom served with mail going to a
// real SMTP server, mailpit.
type accountFixture struct {
	*fixture
	mp *mailtest.Mailpit
}

func newAccountFixture(t *testing.T, stories int) *accountFixture {
	t.Helper()
	mp := mailtest.Start(t)
	f := newFixture(t, stories)
	mailer, err := mail.New(mail.Settings{Host: "127.0.0.1", Port: mp.SMTPPort, From: "Daily News <news@news.example>", TLS: mail.TLSNone}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := NewServer(Config{BaseURL: "https://news.example", Static: deskStatic, Mailer: mailer}, f.store, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	f.srv, f.handler = srv, withDesk(t, srv, f.store)
	return &accountFixture{fixture: f, mp: mp}
}

// browser is a reader's browser from its own client address, so that the
// per-address throttles of one test do not meet another's.
func (af *accountFixture) browser(t *testing.T, addr string) *client {
	return &client{t: t, h: af.handler, addr: addr}
}

// localLink turns a link of a mail into the path the handler is asked for.
func localLink(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil || u.Host != "news.example" || u.Scheme != "https" {
		t.Fatalf("link %q is not on https://news.example", link)
	}
	return u.RequestURI()
}

// signUp signs a new reader up and confirms the address through the link
// mailed to it, returning the signed-in browser.
func (af *accountFixture) signUp(t *testing.T, email, addr string) *client {
	t.Helper()
	c := af.browser(t, addr)
	res := c.post("/account/signup", url.Values{"email": {email}, "password": {readerPassword}})
	wantStatus(t, "sign up", res, http.StatusOK)
	link := localLink(t, af.mp.Last(t, email).Link(t, "/account/confirm/"))
	wantStatus(t, "confirm", c.post(link, nil), http.StatusSeeOther)
	if c.cookie == nil {
		t.Fatal("confirming set no session cookie")
	}
	return c
}

func TestAccountSignUp(t *testing.T) {
	af := newAccountFixture(t, 3)
	ctx := context.Background()
	c := af.browser(t, "192.0.2.10")

	res := c.get("/account/signup")
	wantStatus(t, "GET /account/signup", res, http.StatusOK)
	mustContain(t, "sign-up page", res.body, `name="email"`, `name="password"`, `autocomplete="new-password"`, `action="/account/signup"`)
	if got := res.header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", got)
	}
	if c.cookie != nil {
		t.Error("the sign-up form set a session cookie")
	}

	for _, tt := range []struct {
		name, email, password, field string
	}{
		{"malformed address", "reader-at-example.org", readerPassword, "email"},
		{"address with a name", "Reader <reader@example.org>", readerPassword, "email"},
		{"short password", "reader@example.org", "short", "password"},
		{"common password", "reader@example.org", "Password12345", "password"},
		{"long password", "reader@example.org", strings.Repeat("x", 300), "password"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := c.post("/account/signup", url.Values{"email": {tt.email}, "password": {tt.password}})
			wantStatus(t, "sign up", res, http.StatusBadRequest)
			mustContain(t, "refused sign-up", res.body, `id="`+tt.field+`-error"`, `aria-invalid="true"`)
			if _, err := af.store.UserByEmail(ctx, "reader@example.org"); !errors.Is(err, news.ErrNotFound) {
				t.Errorf("a refused sign-up made an account: %v", err)
			}
		})
	}

	res = c.post("/account/signup", url.Values{"email": {"Reader@Example.org"}, "password": {readerPassword}, "next": {"/world/"}})
	wantStatus(t, "sign up", res, http.StatusOK)
	newText := visibleText(res.body)
	mustContain(t, "answer", newText, "Check your e-mail", "reader@example.org")
	u, err := af.store.UserByEmail(ctx, "reader@example.org")
	if err != nil || u.Role != news.RoleReader || !u.Unconfirmed {
		t.Fatalf("after sign-up: %+v, %v; want an unconfirmed reader", u, err)
	}
	m := af.mp.Message(t, "reader@example.org")
	if m.From.Address != "news@news.example" || !strings.Contains(m.Subject, "Confirm") {
		t.Errorf("mail from %v, subject %q", m.From, m.Subject)
	}
	link := localLink(t, m.Link(t, "/account/confirm/"))

	t.Run("sign-in before confirming", func(t *testing.T) {
		b := af.browser(t, "192.0.2.11")
		res := b.post("/account/signin", url.Values{"email": {"reader@example.org"}, "password": {readerPassword}, "next": {"/world/"}})
		wantStatus(t, "sign in", res, http.StatusForbidden)
		mustContain(t, "answer", visibleText(res.body), "Confirm your e-mail address first")
		if b.cookie != nil {
			t.Error("an unconfirmed account got a session")
		}
		if n := len(af.mp.Messages(t, "reader@example.org")); n != 2 {
			t.Errorf("%d messages to the reader, want the first link and a new one", n)
		}
		link = localLink(t, af.mp.Last(t, "reader@example.org").Link(t, "/account/confirm/"))
	})

	// Opening the link shows a button and uses nothing: mail scanners
	// open links too.
	for range 2 {
		res := c.get(link)
		wantStatus(t, "GET the link", res, http.StatusOK)
		if res.header.Get("Referrer-Policy") != "no-referrer" {
			t.Error("the link's page may leak its token in Referer")
		}
	}
	res = c.post(link, nil)
	wantStatus(t, "confirm", res, http.StatusSeeOther)
	if got := res.header.Get("Location"); got != "/world/" {
		t.Errorf("after confirming: Location %q, want where the reader signed up from", got)
	}
	ck := c.cookie
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || !ck.Secure || ck.Path != "/" {
		t.Fatalf("session cookie = %+v, want HttpOnly, SameSite=Lax, Secure, Path=/", ck)
	}
	if u, _ := af.store.User(ctx, u.ID); u.Unconfirmed {
		t.Error("the address is still unconfirmed")
	}
	res = c.get("/account/")
	wantStatus(t, "account page", res, http.StatusOK)
	mustContain(t, "account page", visibleText(res.body), "reader@example.org", "Change your password", "Delete your account")

	t.Run("used link", func(t *testing.T) {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			res := af.browser(t, "192.0.2.12").do(newRequest(method, link))
			wantStatus(t, method+" a used link", res, http.StatusNotFound)
			mustContain(t, "answer", visibleText(res.body), "This link is not valid")
		}
	})

	t.Run("expired link", func(t *testing.T) {
		raw, err := af.store.CreateTokenData(ctx, u.ID, store.TokenConfirm, "", -time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		res := af.browser(t, "192.0.2.13").post("/account/confirm/"+raw, nil)
		wantStatus(t, "an expired link", res, http.StatusNotFound)
	})

	t.Run("an address with an account", func(t *testing.T) {
		b := af.browser(t, "192.0.2.14")
		res := b.post("/account/signup", url.Values{"email": {"reader@example.org"}, "password": {"another long password"}})
		wantStatus(t, "sign up again", res, http.StatusOK)
		if got := visibleText(res.body); got != newText {
			t.Errorf("signing up with a taken address answers\n%s\nwhere a new address got\n%s", got, newText)
		}
		m := af.mp.Last(t, "reader@example.org")
		mustContain(t, "mail", m.Text, "already has", "/account/reset")
		if u, _ := af.store.UserByEmail(ctx, "reader@example.org"); u.PasswordHash == "" || b.post("/account/signin", url.Values{"email": {"reader@example.org"}, "password": {"another long password"}}).status != http.StatusUnauthorized {
			t.Error("signing up again changed the password of a confirmed account")
		}
	})

	t.Run("sign out", func(t *testing.T) {
		res := c.post("/account/signout", nil)
		wantStatus(t, "sign out", res, http.StatusSeeOther)
		if c.cookie != nil {
			t.Error("signing out kept the cookie")
		}
		res = c.get("/account/")
		wantStatus(t, "account page signed out", res, http.StatusSeeOther)
		if got := res.header.Get("Location"); got != "/account/signin?next=%2Faccount%2F" {
			t.Errorf("Location = %q", got)
		}
	})
}

func newRequest(method, path string) *http.Request {
	r, _ := http.NewRequest(method, path, nil)
	if method == http.MethodPost {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	r.RequestURI = path
	return r
}

func TestAccountSignIn(t *testing.T) {
	af := newAccountFixture(t, 3)
	af.signUp(t, "ann@example.org", "192.0.2.20")

	for _, tt := range []struct {
		name, email, password string
	}{
		{"wrong password", "ann@example.org", "not her password"},
		{"unknown address", "nobody@example.org", readerPassword},
		{"malformed address", "ann", readerPassword},
		{"empty", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := af.browser(t, "198.51.100."+tt.name[:1])
			res := c.post("/account/signin", url.Values{"email": {tt.email}, "password": {tt.password}})
			wantStatus(t, "sign in", res, http.StatusUnauthorized)
			mustContain(t, "answer", visibleText(res.body), af.srv.ui.For("en").Account.BadCredentials)
			if c.cookie != nil {
				t.Error("a refused sign-in set a session cookie")
			}
		})
	}

	t.Run("renews the session", func(t *testing.T) {
		c := af.browser(t, "192.0.2.21")
		c.get("/account/signin") // no cookie yet
		planted := &http.Cookie{Name: "newsdesk_session", Value: "planted-token-value-0123456789abcdefghijk"}
		c.cookie = planted
		res := c.post("/account/signin", url.Values{"email": {"ann@example.org"}, "password": {readerPassword}, "next": {"https://evil.example/"}})
		wantStatus(t, "sign in", res, http.StatusSeeOther)
		if c.cookie == nil || c.cookie.Value == planted.Value {
			t.Error("signing in kept a session token from before")
		}
		if got := res.header.Get("Location"); got != "/account/" {
			t.Errorf("next to another site: Location %q, want /account/", got)
		}
	})

	t.Run("throttled per account", func(t *testing.T) {
		for i := range 5 {
			c := af.browser(t, "203.0.113."+string(rune('1'+i)))
			wantStatus(t, "wrong password", c.post("/account/signin", url.Values{"email": {"ann@example.org"}, "password": {"guess number " + string(rune('a'+i))}}), http.StatusUnauthorized)
		}
		c := af.browser(t, "203.0.113.99")
		res := c.post("/account/signin", url.Values{"email": {"ann@example.org"}, "password": {readerPassword}})
		wantStatus(t, "sign in past the limit", res, http.StatusTooManyRequests)
		if ra := res.header.Get("Retry-After"); ra == "" || ra == "0" {
			t.Errorf("Retry-After = %q", ra)
		}
		if c.cookie != nil {
			t.Error("a throttled sign-in got a session, with the right password")
		}
	})

	t.Run("throttled per client", func(t *testing.T) {
		c := af.browser(t, "203.0.113.200")
		for i := range 20 {
			c.post("/account/signin", url.Values{"email": {"guess" + string(rune('a'+i)) + "@example.org"}, "password": {"whatever it is"}})
		}
		res := c.post("/account/signin", url.Values{"email": {"someone@example.org"}, "password": {"whatever it is"}})
		wantStatus(t, "21st sign-in from one client", res, http.StatusTooManyRequests)
		if res.header.Get("Retry-After") == "" {
			t.Error("no Retry-After")
		}
	})
}

func TestAccountReaderNeverReachesTheDesk(t *testing.T) {
	af := newAccountFixture(t, 3)
	c := af.signUp(t, "reader@example.org", "192.0.2.30")
	for _, path := range []string{"/desk/stories", "/desk/account", "/desk/staff", "/desk/stories/new"} {
		res := c.get(path)
		wantStatus(t, "reader GET "+path, res, http.StatusForbidden)
	}
	res := c.post("/desk/stories/new", url.Values{"headline": {"A reader's story"}})
	wantStatus(t, "reader POST /desk/stories/new", res, http.StatusForbidden)
	res = af.browser(t, "192.0.2.31").post("/desk/signin", url.Values{"email": {"reader@example.org"}, "password": {readerPassword}})
	wantStatus(t, "reader signs in at the desk", res, http.StatusForbidden)
	mustContain(t, "answer", visibleText(res.body), deskMessage(t, "en", "desk.SignIn.NoDesk"))
	// The reader's session still works on the account pages.
	wantStatus(t, "account page", c.get("/account/"), http.StatusOK)
}

func TestAccountReset(t *testing.T) {
	af := newAccountFixture(t, 3)
	ctx := context.Background()
	af.signUp(t, "ann@example.org", "192.0.2.40")
	other := af.signUp(t, "ann-on-phone@example.org", "192.0.2.41")
	c := af.browser(t, "192.0.2.42")

	res := c.post("/account/reset", url.Values{"email": {"not-an-address"}})
	wantStatus(t, "reset a malformed address", res, http.StatusBadRequest)

	res = c.post("/account/reset", url.Values{"email": {"ann@example.org"}})
	wantStatus(t, "reset", res, http.StatusOK)
	known := strings.ReplaceAll(visibleText(res.body), "ann@example.org", "ADDRESS")
	res = c.post("/account/reset", url.Values{"email": {"nobody@example.org"}})
	wantStatus(t, "reset an address without an account", res, http.StatusOK)
	if unknown := strings.ReplaceAll(visibleText(res.body), "nobody@example.org", "ADDRESS"); unknown != known {
		t.Errorf("the answers tell which address has an account:\n%s\n%s", known, unknown)
	}
	mustContain(t, "mail to an unknown address", af.mp.Message(t, "nobody@example.org").Text, "no account", "/account/signup")

	link := localLink(t, af.mp.Last(t, "ann@example.org").Link(t, "/account/reset/"))
	wantStatus(t, "GET the reset link", c.get(link), http.StatusOK)
	for _, tt := range []struct{ name, pw, confirm, field string }{
		{"short", "short", "short", "password"},
		{"common", "qwertyuiop123", "qwertyuiop123", "password"},
		{"mismatch", "a new long password", "a new long passwort", "confirm"},
	} {
		res := c.post(link, url.Values{"password": {tt.pw}, "confirm": {tt.confirm}})
		wantStatus(t, "reset, "+tt.name, res, http.StatusBadRequest)
		mustContain(t, tt.name, res.body, `id="`+tt.field+`-error"`)
	}
	res = c.post(link, url.Values{"password": {"a new long password"}, "confirm": {"a new long password"}})
	wantStatus(t, "reset", res, http.StatusSeeOther)
	if c.cookie == nil {
		t.Error("a reset did not sign in")
	}
	wantStatus(t, "reuse the link", af.browser(t, "192.0.2.43").post(link, url.Values{"password": {"yet another password"}, "confirm": {"yet another password"}}), http.StatusNotFound)
	wantStatus(t, "old password", af.browser(t, "192.0.2.44").post("/account/signin", url.Values{"email": {"ann@example.org"}, "password": {readerPassword}}), http.StatusUnauthorized)
	wantStatus(t, "new password", af.browser(t, "192.0.2.45").post("/account/signin", url.Values{"email": {"ann@example.org"}, "password": {"a new long password"}}), http.StatusSeeOther)
	// Another reader's session is untouched; a reset ends the account's own.
	wantStatus(t, "another reader", other.get("/account/"), http.StatusOK)

	t.Run("expired link", func(t *testing.T) {
		u, _ := af.store.UserByEmail(ctx, "ann@example.org")
		raw, err := af.store.CreateToken(ctx, u.ID, store.TokenReset, -time.Second)
		if err != nil {
			t.Fatal(err)
		}
		wantStatus(t, "expired link", c.get("/account/reset/"+raw), http.StatusNotFound)
	})

	t.Run("throttled", func(t *testing.T) {
		b := af.browser(t, "192.0.2.46")
		// One reset of this address was asked for above.
		for range 2 {
			wantStatus(t, "another reset", b.post("/account/reset", url.Values{"email": {"ann@example.org"}}), http.StatusOK)
		}
		res := b.post("/account/reset", url.Values{"email": {"ann@example.org"}})
		wantStatus(t, "fourth reset within the hour", res, http.StatusTooManyRequests)
		if res.header.Get("Retry-After") == "" {
			t.Error("no Retry-After")
		}
		d := af.browser(t, "192.0.2.47")
		for i := range 10 {
			d.post("/account/signup", url.Values{"email": {"many" + string(rune('a'+i)) + "@example.org"}, "password": {readerPassword}})
		}
		wantStatus(t, "11th sign-up from one client", d.post("/account/signup", url.Values{"email": {"more@example.org"}, "password": {readerPassword}}), http.StatusTooManyRequests)
		// Per address: three sign-ups an hour, from any clients.
		for i := range 3 {
			e := af.browser(t, "198.18.0."+string(rune('1'+i)))
			wantStatus(t, "sign-up", e.post("/account/signup", url.Values{"email": {"popular@example.org"}, "password": {readerPassword}}), http.StatusOK)
		}
		res = af.browser(t, "198.18.0.9").post("/account/signup", url.Values{"email": {"popular@example.org"}, "password": {readerPassword}})
		wantStatus(t, "fourth sign-up of one address", res, http.StatusTooManyRequests)
		if n := len(af.mp.Messages(t, "popular@example.org")); n != 3 {
			t.Errorf("%d messages to the address, want 3", n)
		}
		if _, err := af.store.UserByEmail(ctx, "more@example.org"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("a throttled sign-up made an account: %v", err)
		}
	})
}

// TestAccountRussian: account pages and mail speak the edition's language
// that links and forms carry as ?ed=, and the Russian edition's buttons
// carry it.
func TestAccountRussian(t *testing.T) {
	af := newAccountFixture(t, 3)
	c := af.browser(t, "192.0.2.110")
	res := c.get("/account/signup?ed=ru")
	wantStatus(t, "Russian sign-up page", res, http.StatusOK)
	mustContain(t, "Russian sign-up page", res.body, `<html lang="ru">`, `name="ed" value="ru"`, af.srv.ui.For("ru").Account.SignUpIntro)
	res = c.post("/account/signup", url.Values{"email": {"ivan@example.org"}, "password": {"кор"}, "ed": {"ru"}})
	wantStatus(t, "short password", res, http.StatusBadRequest)
	mustContain(t, "refusal", visibleText(res.body), "Пароль должен быть не короче 10 символов")
	res = c.post("/account/signup", url.Values{"email": {"ivan@example.org"}, "password": {readerPassword}, "ed": {"ru"}})
	wantStatus(t, "sign up", res, http.StatusOK)
	mustContain(t, "answer", visibleText(res.body), "Проверьте почту")
	m := af.mp.Message(t, "ivan@example.org")
	mustContain(t, "mail", m.Subject+m.Text, "Подтвердите адрес", "?ed=ru")
	wantStatus(t, "confirm", c.post(localLink(t, m.Link(t, "/account/confirm/")), nil), http.StatusSeeOther)
	res = c.get("/account/?ed=ru")
	mustContain(t, "Russian account page", visibleText(res.body), "Вы вошли как", "Удалить учётную запись")
	story := af.get(t, "/ru"+af.russian.Path())
	wantStatus(t, "Russian story", story, http.StatusOK)
	mustContain(t, "Russian story", story.body, `name="ed" value="ru"`, `href="/account/signin?ed=ru&amp;next=`, af.srv.ui.For("ru").Account.Save)
	wantStatus(t, "unknown edition", af.browser(t, "192.0.2.111").get("/account/signin?ed=xx"), http.StatusOK)
}

// TestAccountMailToLog: without an SMTP server the links go to the log.
func TestAccountMailToLog(t *testing.T) {
	f := newFixture(t, 3)
	var log lockedLog
	srv, err := NewServer(Config{BaseURL: "https://news.example", Static: deskStatic}, f.store, slog.New(slog.NewTextHandler(&log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	c := &client{t: t, h: withDesk(t, srv, f.store), addr: "192.0.2.120"}
	wantStatus(t, "sign up", c.post("/account/signup", url.Values{"email": {"logged@example.org"}, "password": {readerPassword}}), http.StatusOK)
	mustContain(t, "log", log.String(), "mail not sent, no SMTP host configured", "to=logged@example.org", "https://news.example/account/confirm/")
}

// lockedLog is a log destination the test reads back.
type lockedLog struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
