package web

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store/storetest"
)

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

// forEachSiteStore runs fn over the public site's fixture on SQLite and,
// when NEWSDESK_TEST_DATABASE_URL names a PostgreSQL server, on a schema
// of its own there.
func forEachSiteStore(t *testing.T, fn func(t *testing.T, f *fixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newFixture(t, englishStories)) })
	t.Run("postgres", func(t *testing.T) {
		fn(t, newFixtureOn(t, englishStories, storetest.Postgres(t)))
	})
}

var cardTitle = regexp.MustCompile(`<h3 class="card-title"><a href="[^"]*">([^<]*)</a>`)

func TestHomeCuration(t *testing.T) { forEachSiteStore(t, testHomeCuration) }

func testHomeCuration(t *testing.T, f *fixture) {
	ctx := context.Background()
	byNumber := func(n int) news.Story {
		t.Helper()
		list, err := f.store.ListStories(ctx, news.StoryFilter{Query: fmt.Sprintf("story number %d", n), Edition: "en"})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range list.Stories {
			if st.Headline == fmt.Sprintf("Harbour council story number %d", n) {
				return st
			}
		}
		t.Fatalf("no story number %d", n)
		return news.Story{}
	}
	top, second, third := byNumber(30), f.lead, byNumber(5)
	if err := f.store.SetHomeSlots(ctx, "en", []int64{top.ID, second.ID, third.ID}); err != nil {
		t.Fatal(err)
	}

	res := f.mustGet(t, "/", http.StatusOK)
	got := frontHeadlines(t, res.body)
	want := []string{top.Headline, second.Headline, third.Headline,
		"Harbour council story number 1", "Harbour council story number 2"}
	if len(got) < len(want) || strings.Join(got[:len(want)], "|") != strings.Join(want, "|") {
		t.Fatalf("front page starts with %q, want %q", got, want)
	}
	if !strings.Contains(res.body, `<article class="card card-top">`) ||
		!regexp.MustCompile(`card-top">\s*(<p class="kicker">.*?</p>)?\s*<h3 class="card-title"><a href="[^"]*">`+top.Headline).MatchString(res.body) {
		t.Errorf("the top story is not the chosen one")
	}

	// Every published story is on exactly one page of the latest news.
	seen := map[string]int{}
	for page := 1; ; page++ {
		path := "/"
		if page > 1 {
			path = fmt.Sprintf("/?page=%d", page)
		}
		res := f.get(t, path)
		if res.status == http.StatusNotFound && page > 1 {
			break
		}
		if res.status != http.StatusOK {
			t.Fatalf("GET %s: %d", path, res.status)
		}
		for _, h := range frontHeadlines(t, res.body) {
			seen[h]++
		}
	}
	if got, want := len(seen), englishStories+1; got != want {
		t.Errorf("the home pages show %d stories, want every one of the %d published", got, want)
	}
	for h, n := range seen {
		if n != 1 {
			t.Errorf("%q is on %d pages", h, n)
		}
	}

	// A chosen story that leaves the site leaves the home page at once.
	cur, err := f.store.Story(ctx, top.ID)
	if err != nil {
		t.Fatal(err)
	}
	cur.Status = news.StatusDraft
	if err := f.store.UpdateStory(ctx, &cur); err != nil {
		t.Fatal(err)
	}
	got = frontHeadlines(t, f.mustGet(t, "/", http.StatusOK).body)
	if len(got) < 2 || got[0] != second.Headline || got[1] != third.Headline {
		t.Errorf("after unpublishing the top story the front page starts with %q", got)
	}
	// Cleared, the newest story leads again.
	if err := f.store.SetHomeSlots(ctx, "en", nil); err != nil {
		t.Fatal(err)
	}
	got = frontHeadlines(t, f.mustGet(t, "/", http.StatusOK).body)
	if len(got) == 0 || got[0] != f.lead.Headline || len(got) != homeListSize {
		t.Errorf("without chosen stories the front page shows %q", got)
	}
}

func TestOldSlugsRedirect(t *testing.T) { forEachSiteStore(t, testOldSlugsRedirect) }

func testOldSlugsRedirect(t *testing.T, f *fixture) {
	ctx := context.Background()
	// Read the navigation first, so that it is cached when the rename
	// lands: the new slug must answer all the same.
	f.mustGet(t, "/world/", http.StatusOK)
	world := f.world
	world.Name, world.Slug = "International", "international"
	if err := f.store.UpdateSection(ctx, &world); err != nil {
		t.Fatal(err)
	}
	f.mustGet(t, "/international/", http.StatusOK)

	mir, err := f.store.SectionBySlug(ctx, "ru", "mir")
	if err != nil {
		t.Fatal(err)
	}
	mir.Slug = "v-mire"
	if err := f.store.UpdateSection(ctx, &mir); err != nil {
		t.Fatal(err)
	}
	harbour, err := f.store.TagBySlug(ctx, "en", "harbour")
	if err != nil {
		t.Fatal(err)
	}
	harbour.Name, harbour.Slug = "Port", ""
	if err := f.store.UpdateTag(ctx, &harbour); err != nil {
		t.Fatal(err)
	}
	from, err := f.store.TagBySlug(ctx, "en", "topic-1")
	if err != nil {
		t.Fatal(err)
	}
	into, err := f.store.TagBySlug(ctx, "en", "topic-2")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.store.MergeTags(ctx, from.ID, into.ID); err != nil {
		t.Fatal(err)
	}

	// The navigation read before the renames may list the old slugs for
	// up to navTTL; a server started now has none of it.
	srv, err := NewServer(Config{BaseURL: "https://news.example", Static: deskStatic}, f.store, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.handler = withDesk(t, srv, f.store)
	tests := []struct{ path, location string }{
		{"/world/", "/international/"},
		{"/world/?page=2", "/international/?page=2"},
		{"/world", "/international/"},
		{"/en/world/", "/world/"}, // the default edition's prefix goes first
		{"/ru/mir/", "/ru/v-mire/"},
		{"/ru/mir", "/ru/v-mire/"},
		{"/tags/harbour", "/tags/port"},
		{"/tags/topic-1?page=2", "/tags/topic-2?page=2"},
		{fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug), fmt.Sprintf("/international/%d-%s", f.lead.ID, f.lead.Slug)},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := f.mustGet(t, tt.path, http.StatusMovedPermanently)
			if got := res.header.Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
		})
	}
	for _, p := range []string{"/tags/port", "/tags/topic-2", "/ru/v-mire/"} {
		f.mustGet(t, p, http.StatusOK)
	}
	// Redirects belong to their edition and their kind.
	for _, p := range []string{"/ru/world/", "/ru/tags/harbour", "/tags/world", "/harbour/"} {
		f.mustGet(t, p, http.StatusNotFound)
	}
}
