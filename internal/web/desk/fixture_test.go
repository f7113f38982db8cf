package desk

import (
	"context"
	"fmt"
	"html"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web"
	"newsdesk/internal/web/session"
	"newsdesk/internal/web/webtest"
)

// fixture is a newsroom in a real SQLite store (or PostgreSQL schema),
// served by the real site with the desk mounted, wired as newsdesk serve
// wires them.
type fixture struct {
	store   *store.Store
	dbPath  string
	site    *web.Server
	srv     *Desk
	handler http.Handler
	// stories named by what the tests need of them
	lead     news.Story // the newest English story: video label, updated, tags, bylines
	russian  news.Story
	draft    news.Story
	world    news.Section
	business news.Section
}

// newFixture opens a SQLite store in a temporary folder and fills it
// through the store's API.
func newFixture(t testing.TB, n int) *fixture {
	t.Helper()
	return newFixtureOn(t, n, filepath.Join(t.TempDir(), "newsdesk.db"))
}

// newFixtureOn is newFixture on the database dbPath names: a SQLite file
// or an empty PostgreSQL schema.
func newFixtureOn(t testing.TB, n int, dbPath string) *fixture {
	t.Helper()
	st, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	room := webtest.Fill(t, st, n)
	f := &fixture{store: st, dbPath: dbPath, lead: room.Lead, russian: room.Russian, draft: room.Draft, world: room.World, business: room.Business}
	f.site, f.srv, f.handler = newSite(t, st, "https://news.example", testMedia(t))
	return f
}

// newSite wires the site and the desk over st as newsdesk serve does:
// one set of sessions, the desk mounted at /desk/.
func newSite(t testing.TB, st *store.Store, baseURL string, lib *media.Library) (*web.Server, *Desk, http.Handler) {
	t.Helper()
	logger := slog.New(slog.DiscardHandler)
	sessions := session.New(st.Sessions(), st, strings.HasPrefix(baseURL, "https://"), logger)
	site, err := web.NewServer(web.Config{BaseURL: baseURL, Media: lib, Sessions: sessions, Static: []fs.FS{StaticFiles()}}, st, logger)
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	d, err := New(Config{BaseURL: baseURL, Media: lib, Static: site.StaticURL, Icon: web.Icon}, st, site, sessions, logger)
	if err != nil {
		t.Fatalf("new desk: %v", err)
	}
	return site, d, site.HandlerWithDesk(d)
}

// serve is another node over the same store: a site and desk of their
// own.
func serve(t testing.TB, st *store.Store, baseURL string) http.Handler {
	t.Helper()
	_, _, h := newSite(t, st, baseURL, nil)
	return h
}

// response is a finished request.
type response struct {
	status int
	header http.Header
	body   string
}

// get requests path from the fixture's handler.
func (f *fixture) get(t testing.TB, path string) response {
	t.Helper()
	return f.do(t, httptest.NewRequest(http.MethodGet, path, nil))
}

func (f *fixture) do(t testing.TB, r *http.Request) response {
	t.Helper()
	w := httptest.NewRecorder()
	f.handler.ServeHTTP(w, r)
	body, _ := io.ReadAll(w.Result().Body)
	return response{status: w.Code, header: w.Result().Header, body: string(body)}
}

// mustGet requests path and fails unless the status is want.
func (f *fixture) mustGet(t testing.TB, path string, want int) response {
	t.Helper()
	res := f.get(t, path)
	if res.status != want {
		t.Fatalf("GET %s: status %d, want %d\n%.600s", path, res.status, want, res.body)
	}
	return res
}

// storyPath is the lead story's address.
func (f *fixture) storyPath() string { return fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug) }

// apiGet requests path from the content API with key and fails unless
// the status is want.
func (f *fixture) apiGet(t *testing.T, key, path string, want int) response {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if key != "" {
		r.Header.Set("Authorization", "Bearer "+key)
	}
	res := f.do(t, r)
	if res.status != want {
		t.Fatalf("GET %s: status %d, want %d\n%.400s", path, res.status, want, res.body)
	}
	return res
}

// tokenRequest sends body (JSON unless ctype says otherwise) with a token.
func (df *deskFixture) tokenRequest(t *testing.T, token, method, path, body, ctype string) response {
	t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if ctype == "" {
		ctype = "application/json"
	}
	r.Header.Set("Content-Type", ctype)
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	return df.do(t, r)
}

var (
	invisible = regexp.MustCompile(`(?is)<head\b.*?</head>|<script\b.*?</script>|<style\b.*?</style>|<title\b.*?</title>`)
	anyTag    = regexp.MustCompile(`(?s)<[^>]*>`)
	spaces    = regexp.MustCompile(`\s+`)
)

// visibleText is roughly what a reader (or a text extractor) sees: the
// body's text without tags, scripts, styles or the head.
func visibleText(page string) string {
	s := invisible.ReplaceAllString(page, " ")
	s = anyTag.ReplaceAllString(s, " ")
	return spaces.ReplaceAllString(html.UnescapeString(s), " ")
}

// mustContain fails unless every want is in s.
func mustContain(t testing.TB, what, s string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(s, want) {
			t.Errorf("%s does not contain %q", what, want)
		}
	}
}

// frontHeadlines returns the headlines of a home page's front grid in
// order, leaving out the section blocks below it.
func frontHeadlines(t *testing.T, body string) []string {
	t.Helper()
	start := strings.Index(body, `<section class="front"`)
	if start < 0 {
		return nil
	}
	front := body[start:]
	front = front[:strings.Index(front, "</section>")]
	var out []string
	for _, m := range cardTitle.FindAllStringSubmatch(front, -1) {
		out = append(out, m[1])
	}
	return out
}

var cardTitle = regexp.MustCompile(`<h3 class="card-title"><a href="[^"]*">([^<]*)</a>`)
