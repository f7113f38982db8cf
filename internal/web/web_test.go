package web

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
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
	for _, e := range news.StarterEditions() {
		if err := st.SaveEdition(ctx, e); err != nil {
			t.Fatalf("save edition: %v", err)
		}
	}
	ensure := func(ed, name string) news.Section {
		sec, err := st.EnsureSection(ctx, ed, name)
		if err != nil {
			t.Fatalf("ensure section %s: %v", name, err)
		}
		return sec
	}
	f.world, f.business = ensure("en", "World"), ensure("en", "Business")
	ensure("en", "Sport") // a section without stories
	mir := ensure("ru", "Мир")

	base := time.Date(2018, 1, 31, 2, 43, 0, 0, time.UTC)
	var batch []*news.Story
	for i := n; i >= 1; i-- {
		sec := f.world
		if i%3 == 0 {
			sec = f.business
		}
		h := fmt.Sprintf("Harbour council story number %d", i)
		batch = append(batch, &news.Story{
			Edition: "en", Section: sec, Slug: news.Slugify(h), Headline: h,
			Lead:        fmt.Sprintf("Lead paragraph of story %d about the harbour.", i),
			Body:        fmt.Sprintf("<p>Body of story %d.</p><p>A second paragraph.</p>", i),
			Status:      news.StatusPublished,
			PublishedAt: base.Add(-time.Duration(i) * time.Hour),
			Tags:        []news.Tag{{Name: "Harbour"}, {Name: fmt.Sprintf("Topic %d", i%4)}},
			Bylines:     []news.Author{{Name: "Anna Marsh"}},
		})
	}
	if err := st.CreateStories(ctx, batch); err != nil {
		t.Fatalf("create stories: %v", err)
	}
	f.lead = news.Story{
		Edition: "en", Section: f.world, Slug: "locals-want-troops-out", Headline: "Locals want troops out after air strike",
		Lead:        "Locals recounted the details of an air strike.",
		Body:        `<p>"We demand the departure," a member of the tribe said.</p><p>The incident is under investigation.</p>`,
		Status:      news.StatusPublished,
		PublishedAt: base,
		UpdatedAt:   base.Add(90 * time.Minute),
		Labels:      []news.MediaLabel{news.LabelVideo},
		Tags:        []news.Tag{{Name: "Harbour"}, {Name: "Air strikes"}},
		Bylines:     []news.Author{{Name: "Anna Marsh"}, {Name: "Oleg Petrov"}},
	}
	f.russian = news.Story{
		Edition: "ru", Section: mir, Slug: news.Slugify("Жители требуют вывода войск"), Headline: "Жители требуют вывода войск",
		Lead: "Местные жители рассказали о последствиях удара.", Body: "<p>Текст новости.</p>",
		Status: news.StatusPublished, PublishedAt: base, Tags: []news.Tag{{Name: "Ирак"}},
	}
	f.draft = news.Story{
		Edition: "en", Section: f.world, Slug: "unfinished-draft", Headline: "An unfinished draft",
		Status: news.StatusDraft,
	}
	for _, s := range []*news.Story{&f.lead, &f.russian, &f.draft} {
		if err := st.CreateStory(ctx, s); err != nil {
			t.Fatalf("create story %q: %v", s.Headline, err)
		}
	}
	srv, err := NewServer(Config{BaseURL: "https://news.example", Media: testMedia(t)}, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	f.srv, f.handler = srv, srv.Handler()
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
