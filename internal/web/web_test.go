package web

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/webtest"
)

// fixture is a newsroom in a real SQLite store, served by a real Server.
type fixture struct {
	store   *store.Store
	dbPath  string
	srv     *Server
	handler http.Handler
	// stories named by what the tests need of them
	lead     news.Story // the newest English story: video label, updated, tags, bylines
	russian  news.Story
	draft    news.Story
	world    news.Section
	business news.Section
}

// englishStories fills more than two pages of the World section.
const englishStories = 45

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
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{store: st, dbPath: dbPath}
	room := webtest.Fill(t, st, n)
	f.lead, f.russian, f.draft, f.world, f.business = room.Lead, room.Russian, room.Draft, room.World, room.Business
	srv, err := NewServer(Config{BaseURL: "https://news.example", Static: deskStatic, Media: testMedia(t)}, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	f.srv, f.handler = srv, withDesk(t, srv, st)
	return f
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
