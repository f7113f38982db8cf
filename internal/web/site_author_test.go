package web

import (
	"net/http"
	"slices"
	"strconv"
	"testing"

	"github.com/mmcdole/gofeed"
)

func TestAuthorPagesAndFeeds(t *testing.T) {
	f := newFixture(t, 3)
	page := f.mustGet(t, "/authors/oleg-petrov", http.StatusOK).body
	mustContain(t, "author page", page, "<h1", "Oleg Petrov", f.lead.Headline, `href="https://news.example/authors/oleg-petrov/feed.xml"`)
	f.mustGet(t, "/ru/authors/anna-marsh", http.StatusOK)
	mustContain(t, "story page", f.mustGet(t, "/world/"+itoaID(f.lead.ID)+"-"+f.lead.Slug, http.StatusOK).body,
		`<a class="author" href="/authors/oleg-petrov" rel="author">Oleg Petrov</a>`)

	feed, err := gofeed.NewParser().ParseString(f.mustGet(t, "/authors/anna-marsh/feed.xml", http.StatusOK).body)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range feed.Items {
		titles = append(titles, it.Title)
	}
	if feed.Title != "Anna Marsh — newsdesk" || len(titles) != 4 || !slices.Contains(titles, f.lead.Headline) {
		t.Errorf("feed %q: %q", feed.Title, titles)
	}
	if ru, err := gofeed.NewParser().ParseString(f.mustGet(t, "/ru/authors/anna-marsh/feed.atom", http.StatusOK).body); err != nil || len(ru.Items) != 0 {
		t.Errorf("Russian feed of an English author: %v, %v", ru, err)
	}
	// The default edition's pages have no prefix.
	if res := f.get(t, "/en/authors/anna-marsh"); res.status != http.StatusMovedPermanently || res.header.Get("Location") != "/authors/anna-marsh" {
		t.Errorf("/en/authors/anna-marsh: %d to %q", res.status, res.header.Get("Location"))
	}
	for _, path := range []string{"/authors/nobody", "/authors/Nobody%20Here", "/authors/nobody/feed.xml", "/authors/anna-marsh/feed.txt"} {
		f.mustGet(t, path, http.StatusNotFound)
	}
}

func itoaID(id int64) string { return strconv.FormatInt(id, 10) }
