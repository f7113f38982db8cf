package web

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

// sitemapDoc reads a sitemap or a sitemap index.
type sitemapDoc struct {
	XMLName  xml.Name
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
		News *struct {
			Name     string `xml:"publication>name"`
			Language string `xml:"publication>language"`
			Date     string `xml:"publication_date"`
			Title    string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

func (f *fixture) sitemap(t *testing.T, path string) sitemapDoc {
	t.Helper()
	res := f.mustGet(t, path, http.StatusOK)
	if !strings.HasPrefix(res.header.Get("Content-Type"), "application/xml") {
		t.Errorf("%s: content type %q", path, res.header.Get("Content-Type"))
	}
	wellFormed(t, path, res.body)
	var d sitemapDoc
	if err := xml.Unmarshal([]byte(res.body), &d); err != nil {
		t.Fatalf("%s: %v\n%.500s", path, err, res.body)
	}
	return d
}

// wellFormed checks a document with Debian's xmllint when it is there.
func wellFormed(t *testing.T, name, doc string) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		return
	}
	file := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("xmllint", "--noout", file).CombinedOutput(); err != nil {
		t.Errorf("%s: xmllint: %v\n%s", name, err, out)
	}
}

func (d sitemapDoc) locs() []string {
	var out []string
	for _, s := range d.Sitemaps {
		out = append(out, s.Loc)
	}
	for _, u := range d.URLs {
		out = append(out, u.Loc)
	}
	return out
}

func TestSitemaps(t *testing.T) {
	f := newFixture(t, 3)
	ctx := context.Background()

	robots := f.mustGet(t, "/robots.txt", http.StatusOK).body
	mustContain(t, "robots.txt", robots, "Disallow: /desk/", "Disallow: /account/", "Sitemap: https://news.example/sitemap.xml")

	index := f.sitemap(t, "/sitemap.xml")
	want := []string{"https://news.example/sitemaps/en-pages.xml", "https://news.example/sitemaps/en-stories-1.xml",
		"https://news.example/sitemaps/ru-pages.xml", "https://news.example/sitemaps/ru-stories-1.xml", "https://news.example/sitemaps/news.xml"}
	if index.XMLName.Local != "sitemapindex" || !slices.Equal(index.locs(), want) {
		t.Errorf("index %s %q, want %q", index.XMLName.Local, index.locs(), want)
	}

	lead := "https://news.example/world/" + strconv.FormatInt(f.lead.ID, 10) + "-" + f.lead.Slug
	stories := f.sitemap(t, "/sitemaps/en-stories-1.xml")
	if got := stories.locs(); len(got) != 4 || got[0] != lead || slices.Contains(got, "https://news.example/world/"+strconv.FormatInt(f.draft.ID, 10)+"-"+f.draft.Slug) {
		t.Errorf("English stories %q", got)
	}
	if stories.URLs[0].LastMod != "2018-01-31T04:13:00Z" || len(stories.URLs[0].Links) != 0 {
		t.Errorf("lead entry %+v", stories.URLs[0])
	}

	pages := f.sitemap(t, "/sitemaps/en-pages.xml").locs()
	for _, p := range []string{"https://news.example/", "https://news.example/world/", "https://news.example/sport/", "https://news.example/tags/air-strikes", "https://news.example/tags/harbour",
		"https://news.example/authors/anna-marsh", "https://news.example/authors/oleg-petrov"} {
		if !slices.Contains(pages, p) {
			t.Errorf("pages sitemap lacks %s: %q", p, pages)
		}
	}
	// An author has a page in the editions where a published story credits
	// them, and a draft's byline gives none.
	draftBy := news.Story{Edition: "ru", Section: f.russian.Section, Headline: "Черновик", Slug: "chernovik", Status: news.StatusDraft, Bylines: []news.Author{{Name: "Ivan Draft"}}}
	if err := f.store.CreateStory(ctx, &draftBy); err != nil {
		t.Fatal(err)
	}
	ruPages := f.sitemap(t, "/sitemaps/ru-pages.xml").locs()
	if !slices.Contains(ruPages, "https://news.example/ru/tags/irak") || slices.ContainsFunc(ruPages, func(p string) bool { return strings.Contains(p, "/authors/") }) {
		t.Errorf("Russian pages sitemap %q", ruPages)
	}
	f.mustGet(t, "/authors/anna-marsh", http.StatusOK)

	// Translations are hreflang alternates of each other.
	if err := f.store.LinkTranslations(ctx, f.lead.ID, f.russian.ID); err != nil {
		t.Fatal(err)
	}
	ru := "https://news.example/ru/mir/" + strconv.FormatInt(f.russian.ID, 10) + "-" + f.russian.Slug
	for path, loc := range map[string]string{"/sitemaps/en-stories-1.xml": lead, "/sitemaps/ru-stories-1.xml": ru} {
		d := f.sitemap(t, path)
		i := slices.Index(d.locs(), loc)
		if i < 0 {
			t.Fatalf("%s lacks %s", path, loc)
		}
		var got []string
		for _, l := range d.URLs[i].Links {
			got = append(got, l.Rel+" "+l.Hreflang+" "+l.Href)
		}
		if want := []string{"alternate en " + lead, "alternate ru " + ru}; !slices.Equal(got, want) {
			t.Errorf("%s: alternates %q, want %q", path, got, want)
		}
	}

	// The news sitemap has the last two days only.
	fresh := news.Story{Edition: "ru", Section: f.russian.Section, Headline: "Свежая новость", Slug: "svezhaya", Status: news.StatusPublished, PublishedAt: time.Now().Add(-time.Hour)}
	if err := f.store.CreateStory(ctx, &fresh); err != nil {
		t.Fatal(err)
	}
	nd := f.sitemap(t, "/sitemaps/news.xml")
	if len(nd.URLs) != 1 || nd.URLs[0].News == nil {
		t.Fatalf("news sitemap %+v", nd)
	}
	if n := nd.URLs[0].News; n.Name != "newsdesk" || n.Language != "ru" || n.Title != "Свежая новость" || n.Date == "" {
		t.Errorf("news entry %+v", n)
	}

	for _, path := range []string{"/sitemaps/xx-stories-1.xml", "/sitemaps/en-stories-0.xml", "/sitemaps/en-stories-01.xml",
		"/sitemaps/en-stories-2.xml", "/sitemaps/en-foo.xml", "/sitemaps/news.txt", "/sitemaps/-pages.xml"} {
		f.mustGet(t, path, http.StatusNotFound)
	}
}

// TestSitemapSchemas serves every kind of sitemap of a newsroom like the
// demo's (two editions, translations, stories of the last two days,
// bylines, tags, podcasts) from a real server and checks each against the
// sitemaps.org and Google News schemas with Debian's xmllint.
func TestSitemapSchemas(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint (Debian's libxml2-utils) is not installed")
	}
	f := newPodcastFixture(t)
	ctx := context.Background()
	if err := f.store.LinkTranslations(ctx, f.lead.ID, f.russian.ID); err != nil {
		t.Fatal(err)
	}
	// Fresh stories for the news sitemap: a translated pair, and one whose
	// headline needs escaping.
	fresh := []*news.Story{
		{Edition: "en", Section: f.world, Headline: "Ferry strike ends", Slug: "ferry-strike-ends", Lead: "Crews return.", Body: "<p>Ferries sail again.</p>",
			Status: news.StatusPublished, PublishedAt: time.Now().Add(-2 * time.Hour), Bylines: []news.Author{{Name: "Anna Marsh"}}},
		{Edition: "ru", Section: f.russian.Section, Headline: "Забастовка паромщиков окончена", Slug: "zabastovka", Lead: "Экипажи вернулись.",
			Status: news.StatusPublished, PublishedAt: time.Now().Add(-time.Hour), Bylines: []news.Author{{Name: "Ольга Смирнова"}}},
		{Edition: "en", Section: f.business, Headline: `Q&A: why "rates" <rise>`, Slug: "q-a-rates", Status: news.StatusPublished,
			PublishedAt: time.Now().Add(-30 * time.Minute), UpdatedAt: time.Now(), Tags: []news.Tag{{Name: "Rates & prices"}}},
	}
	for _, s := range fresh {
		if err := f.store.CreateStory(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.store.LinkTranslations(ctx, fresh[0].ID, fresh[1].ID); err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(f.handler)
	defer srv.Close()
	fetch := func(loc string) string {
		t.Helper()
		path, ok := strings.CutPrefix(loc, "https://news.example")
		if !ok {
			t.Fatalf("sitemap address %q is not the site's", loc)
		}
		res, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %v", path, res.StatusCode, err)
		}
		return string(body)
	}

	index := fetch("https://news.example/sitemap.xml")
	validSitemap(t, "siteindex.xsd", "/sitemap.xml", index)
	var idx sitemapDoc
	if err := xml.Unmarshal([]byte(index), &idx); err != nil {
		t.Fatal(err)
	}
	// Each kind must be there and use what the schemas check, so that the
	// test cannot pass on sitemaps that leave them out.
	var alternates, newsEntries, authors, episodes int
	for _, loc := range idx.locs() {
		doc := fetch(loc)
		validSitemap(t, "urlset.xsd", loc, doc)
		var d sitemapDoc
		if err := xml.Unmarshal([]byte(doc), &d); err != nil {
			t.Fatal(err)
		}
		for _, u := range d.URLs {
			alternates += len(u.Links)
			if u.News != nil {
				newsEntries++
			}
			if strings.Contains(u.Loc, "/authors/") {
				authors++
			}
			if strings.Contains(u.Loc, "/podcasts/") && u.LastMod != "" {
				episodes++
			}
		}
	}
	if len(idx.locs()) != 5 || alternates == 0 || newsEntries != 3 || authors != 3 || episodes == 0 {
		t.Errorf("%d sitemaps with %d alternates, %d news entries, %d author pages, %d episodes", len(idx.locs()), alternates, newsEntries, authors, episodes)
	}
}

// validSitemap checks a sitemap against the schema of testdata/sitemaps
// with xmllint, offline.
func validSitemap(t *testing.T, schema, name, doc string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "sitemap.xml")
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	xsd := filepath.Join("testdata", "sitemaps", schema)
	out, err := exec.Command("xmllint", "--nonet", "--noout", "--schema", xsd, file).CombinedOutput()
	if err != nil {
		t.Errorf("%s is not valid against %s: %v\n%s\n%.2000s", name, schema, err, out, doc)
	}
}
