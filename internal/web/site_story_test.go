package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

func TestStoryPage(t *testing.T) {
	f := newFixture(t, englishStories)
	path := fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug)
	res := f.mustGet(t, path, http.StatusOK)

	t.Run("structure", func(t *testing.T) {
		mustContain(t, "story page", res.body,
			`<html lang="en">`, "<main", `<h1 id="story-title" class="story-title">`+f.lead.Headline+`</h1>`, `<article class="story" aria-labelledby="story-title">`,
			`<time datetime="2018-01-31T02:43:00Z">31 Jan, 2018 02:43</time>`,
			`Updated <time datetime="2018-01-31T04:13:00Z">31 Jan, 2018 04:13</time>`,
			`<p class="story-lead">`+f.lead.Lead+`</p>`,
			`<p>"We demand the departure," a member of the tribe said.</p>`, // the body as stored, not escaped again
			`<a class="author" href="/authors/anna-marsh" rel="author">Anna Marsh</a>, <a class="author" href="/authors/oleg-petrov" rel="author">Oleg Petrov</a>`,
			`<a href="/world/">World</a>`,
			`<a href="/tags/air-strikes" rel="tag">`,
			`<aside class="related"`,
		)
	})

	t.Run("headline once in the visible text", func(t *testing.T) {
		text := visibleText(res.body)
		if n := strings.Count(text, f.lead.Headline); n != 1 {
			t.Errorf("headline appears %d times in the visible text, want 1:\n%s", n, text)
		}
		if !strings.Contains(res.body, "<title>"+f.lead.Headline+" — newsdesk</title>") {
			t.Error("title is not the headline and site name")
		}
	})

	t.Run("labels are badges beside the headline", func(t *testing.T) {
		h1 := regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`).FindStringSubmatch(res.body)
		if h1 == nil || h1[1] != f.lead.Headline {
			t.Errorf("h1 = %q, want exactly the headline", h1)
		}
		mustContain(t, "story page", res.body, `<span class="badge badge-video"><svg class="icon icon-video" aria-hidden="true"`)
		if strings.Contains(visibleText(res.body), "(VIDEO)") {
			t.Error("label typed into the text")
		}
	})

	t.Run("related stories", func(t *testing.T) {
		related := res.body[strings.Index(res.body, `<aside class="related"`):]
		if n := strings.Count(related, "<article"); n != relatedCount {
			t.Errorf("%d related stories, want %d", n, relatedCount)
		}
		if strings.Contains(related, f.lead.Headline) {
			t.Error("story is related to itself")
		}
	})
}

func TestStoryMeta(t *testing.T) {
	f := newFixture(t, 3)
	path := fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug)
	body := f.mustGet(t, path, http.StatusOK).body
	canonical := "https://news.example" + path

	meta := map[string][]string{}
	for _, m := range regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`).FindAllStringSubmatch(body, -1) {
		meta[m[1]] = append(meta[m[1]], html.UnescapeString(m[2]))
	}
	want := map[string]string{
		"og:type":                "article",
		"og:title":               f.lead.Headline,
		"og:description":         f.lead.Lead,
		"og:url":                 canonical,
		"og:site_name":           "newsdesk",
		"article:published_time": "2018-01-31T02:43:00Z",
		"article:modified_time":  "2018-01-31T04:13:00Z",
		"article:section":        "World",
		"twitter:card":           "summary",
		"twitter:title":          f.lead.Headline,
		"twitter:description":    f.lead.Lead,
		"description":            f.lead.Lead,
	}
	for name, w := range want {
		if got := meta[name]; len(got) != 1 || got[0] != w {
			t.Errorf("meta %s = %q, want %q", name, got, w)
		}
	}
	if got := strings.Join(meta["article:tag"], ","); got != "Harbour,Air strikes" && got != "Air strikes,Harbour" {
		t.Errorf("article:tag = %q, want both tags", got)
	}
	mustContain(t, "story page", body, `<link rel="canonical" href="`+canonical+`">`)

	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var ld struct {
		Context, Type, Headline, DatePublished, DateModified, ArticleSection, InLanguage string
		Author                                                                           []struct{ Type, Name string }
		Publisher                                                                        struct{ Type, Name string }
		MainEntityOfPage                                                                 struct{ Type, ID string }
		Keywords                                                                         []string
	}
	if err := json.Unmarshal([]byte(strings.NewReplacer(`"@context"`, `"context"`, `"@type"`, `"type"`, `"@id"`, `"id"`).Replace(m[1])), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	if ld.Context != "https://schema.org" || ld.Type != "NewsArticle" || ld.Headline != f.lead.Headline ||
		ld.DatePublished != "2018-01-31T02:43:00Z" || ld.DateModified != "2018-01-31T04:13:00Z" ||
		ld.ArticleSection != "World" || ld.InLanguage != "en" {
		t.Errorf("JSON-LD = %+v", ld)
	}
	if len(ld.Author) != 2 || ld.Author[0].Type != "Person" || ld.Author[0].Name != "Anna Marsh" {
		t.Errorf("JSON-LD authors = %+v", ld.Author)
	}
	if ld.Publisher.Type != "Organization" || ld.Publisher.Name != "newsdesk" {
		t.Errorf("JSON-LD publisher = %+v", ld.Publisher)
	}
	if ld.MainEntityOfPage.Type != "WebPage" || ld.MainEntityOfPage.ID != canonical {
		t.Errorf("JSON-LD mainEntityOfPage = %+v", ld.MainEntityOfPage)
	}
	if len(ld.Keywords) != 2 {
		t.Errorf("JSON-LD keywords = %q", ld.Keywords)
	}
}

func TestJSONLDCannotCloseScript(t *testing.T) {
	ld, err := jsonLD(map[string]string{"headline": `</script><script>alert(1)</script> & more`})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(ld), "<") || strings.Contains(string(ld), "&") {
		t.Errorf("JSON-LD %s holds raw < or &", ld)
	}
}

func TestCanonicalFromRequest(t *testing.T) {
	f := newFixture(t, 1)
	srv, err := NewServer(Config{Static: deskStatic}, f.store, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.handler = withDesk(t, srv, f.store)
	body := f.mustGet(t, fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug), http.StatusOK).body
	mustContain(t, "story page", body, fmt.Sprintf(`<link rel="canonical" href="http://example.com/world/%d-%s">`, f.lead.ID, f.lead.Slug))
}

func TestStoryPageWithoutRelated(t *testing.T) {
	f := newFixture(t, englishStories)
	ctx := context.Background()
	sport, err := f.store.EnsureSection(ctx, "en", "Sport")
	if err != nil {
		t.Fatal(err)
	}
	// Alone in its section and sharing no tag: nothing is related to it.
	lone := news.Story{
		Edition: "en", Section: sport, Slug: "rowing-club-opens-boathouse", Headline: "Rowing club opens its new boathouse",
		Lead: "The club's new boathouse opened on Saturday.", Body: "<p>Text.</p>",
		Status: news.StatusPublished, PublishedAt: time.Date(2018, 1, 30, 9, 0, 0, 0, time.UTC),
		Tags: []news.Tag{{Name: "Rowing"}},
	}
	if err := f.store.CreateStory(ctx, &lone); err != nil {
		t.Fatal(err)
	}
	body := f.mustGet(t, fmt.Sprintf("/sport/%d-%s", lone.ID, lone.Slug), http.StatusOK).body
	mustContain(t, "story without related stories", body, `<main id="primary" class="wrap site-primary columns solo">`, lone.Headline)
	if strings.Contains(body, `class="related"`) {
		t.Error("story page without related stories has a related column")
	}
	// A story with related stories keeps its second column.
	with := f.mustGet(t, fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug), http.StatusOK).body
	if !strings.Contains(with, `<main id="primary" class="wrap site-primary columns">`) {
		t.Error("story page with related stories lost its two-column layout")
	}
}

func TestJSONLDAuthorWithoutByline(t *testing.T) {
	f := newFixture(t, 1)
	body := f.mustGet(t, "/ru"+f.russian.Path(), http.StatusOK).body
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var ld struct {
		Author []map[string]string `json:"author"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if len(ld.Author) != 1 || ld.Author[0]["@type"] != "Organization" || ld.Author[0]["name"] != news.DefaultSiteName {
		t.Errorf("JSON-LD author of a story without byline = %v, want the publishing organisation", ld.Author)
	}
	if strings.Contains(m[1], `"keywords"`) != (len(f.russian.Tags) > 0) {
		t.Errorf("JSON-LD keywords present = %v with %d tags", strings.Contains(m[1], `"keywords"`), len(f.russian.Tags))
	}
}
