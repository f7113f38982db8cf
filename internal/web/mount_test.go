package web

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/auth"
	"newsdesk/internal/i18n"
	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/web/desk"
	"newsdesk/internal/web/webtest"
)

// The site's tests run with the real desk mounted at /desk/, wired as
// newsdesk serve wires it: readers' accounts and the admin API meet the
// desk's sessions, sign-in and media library.

// withDesk returns srv's handler with a desk over st mounted, sharing
// srv's sessions.
func withDesk(t testing.TB, srv *Server, st desk.Store) http.Handler {
	t.Helper()
	d, err := desk.New(desk.Config{BaseURL: srv.cfg.BaseURL, Media: srv.cfg.Media, Static: srv.StaticURL, Icon: Icon}, st, srv, srv.sessions, srv.log)
	if err != nil {
		t.Fatalf("new desk: %v", err)
	}
	return srv.HandlerWithDesk(d)
}

// deskPassword is every test user's password.
const deskPassword = "correct horse battery"

// deskFixture is the fixture's newsroom with one user of every role.
type deskFixture struct {
	*fixture
	users map[news.Role]news.User
}

func newDeskFixture(t testing.TB) *deskFixture {
	t.Helper()
	f := newFixture(t, 3)
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

// deskMessage returns a message of the desk's catalog in a language.
func deskMessage(t testing.TB, lang, id string) string {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return c.Lang(lang).T(id)
}

// client is a browser of the desk and of readers' accounts: it keeps the
// session cookie.
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

// storyIDFrom reads the story id from the editor URL a save redirects to.
func storyIDFrom(t testing.TB, res response) int64 {
	t.Helper()
	wantStatus(t, "save", res, http.StatusSeeOther)
	m := regexp.MustCompile(`^/desk/stories/(\d+)$`).FindStringSubmatch(res.header.Get("Location"))
	if m == nil {
		t.Fatalf("save redirected to %q, want the story's editor", res.header.Get("Location"))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func testMedia(t testing.TB) *media.Library { return webtest.Media(t) }

func pngFile(n int) []byte { return webtest.PNG(n) }

func jpegWithGPS(w, h int) []byte { return webtest.JPEGWithGPS(w, h) }

func mp4File(t testing.TB, w, h, frames, fps int) []byte { return webtest.MP4(t, w, h, frames, fps) }

// mediaItem and uploadResult are the desk's JSON answer to an upload.
type mediaItem struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type uploadResult struct {
	Items  []mediaItem `json:"items"`
	Errors []struct {
		Name  string `json:"name"`
		Error string `json:"error"`
	} `json:"errors,omitempty"`
}

// uploadJSON sends files as the desk's script does and decodes the answer.
func (c *client) uploadJSON(t testing.TB, files ...any) (response, uploadResult) {
	t.Helper()
	ctype, body := webtest.MultipartBody(nil, files...)
	r := httptest.NewRequest(http.MethodPost, "/desk/media", body)
	r.Header.Set("Content-Type", ctype)
	r.Header.Set("Accept", "application/json")
	res := c.do(r)
	var out uploadResult
	if res.status == http.StatusOK {
		if err := json.Unmarshal([]byte(res.body), &out); err != nil {
			t.Fatalf("upload answer: %v\n%s", err, res.body)
		}
	}
	return res, out
}

// storyValues is a complete, valid editor form for the fixture's World
// section.
func (df *deskFixture) storyValues(headline string) url.Values {
	return url.Values{
		"headline": {headline},
		"lead":     {"The lead of " + headline + "."},
		"body":     {"<p>First paragraph of " + headline + ".</p><h2>More</h2><p>Second.</p>"},
		"edition":  {"en"},
		"section":  {strconv.FormatInt(df.world.ID, 10)},
		"tags":     {"Harbour, Night shift"},
		"bylines":  {"Anna Marsh"},
	}
}

// story reads a story back from the store.
func (df *deskFixture) story(t testing.TB, id int64) news.Story {
	t.Helper()
	st, err := df.store.Story(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// with returns v with the given pairs set.
func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

// deskStatic are the desk's static files, which the site serves.
var deskStatic = []fs.FS{desk.StaticFiles()}
