package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

func TestHomePage(t *testing.T) {
	f := newFixture(t, englishStories)
	res := f.mustGet(t, "/", http.StatusOK)
	mustContain(t, "home page", res.body,
		`<html lang="en">`, "<main", "<article", `<h1 class="visually-hidden">`,
		f.lead.Headline, "Harbour council story number 1<", // top story and the latest
		`<h2 class="block-title"><a href="/business/">Business`, // a section block
		`href="/tags/harbour"`, // popular topics
		`href="/?page=2"`, `<link rel="next" href="https://news.example/?page=2">`,
		`<link rel="canonical" href="https://news.example/">`,
		`<a href="/ru/" lang="ru" hreflang="ru">Русский</a>`,
	)
	if strings.Contains(res.body, f.draft.Headline) {
		t.Error("home page lists a draft")
	}
	// One link leads on to the rest of the latest news; numbers start on page 2.
	mustContain(t, "home page", res.body, `<a class="button button-quiet" rel="next" href="/?page=2">More latest news`)
	if strings.Contains(res.body, `class="pager"`) {
		t.Error("front page shows page numbers")
	}
	// The top story's video label is a badge in its kicker, not headline text.
	mustContain(t, "home page", res.body,
		`<span class="badge badge-video"><svg class="icon icon-video" aria-hidden="true"`,
		`<h3 class="card-title"><a href="/world/`+fmt.Sprint(f.lead.ID)+`-locals-want-troops-out">`+f.lead.Headline+`</a></h3>`)
	if strings.Contains(res.body, f.russian.Headline) {
		t.Error("English home page lists a Russian story")
	}
	if got := res.header.Get("Cache-Control"); !strings.Contains(got, "public") || !strings.Contains(got, "max-age=") {
		t.Errorf("Cache-Control = %q, want a short public max-age", got)
	}
}

func TestPagination(t *testing.T) {
	f := newFixture(t, englishStories)
	// 46 published English stories: 5 home pages of 11, 2 World pages of
	// 20 (31 stories), 3 pages of the Harbour tag.
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/?page=2", http.StatusOK, []string{`rel="prev" href="/"`, `href="/?page=3"`, `aria-current="page">2<`}},
		{"/?page=5", http.StatusOK, []string{`rel="prev" href="/?page=4"`}},
		{"/?page=6", http.StatusNotFound, nil},
		{"/?page=0", http.StatusNotFound, nil},
		{"/?page=two", http.StatusNotFound, nil},
		{"/world/", http.StatusOK, []string{`rel="next" href="/world/?page=2"`}},
		{"/world/?page=2", http.StatusOK, []string{`rel="prev" href="/world/"`}},
		{"/world/?page=3", http.StatusNotFound, nil},
		{"/tags/harbour?page=3", http.StatusOK, []string{`href="/tags/harbour?page=2"`}},
		{"/tags/harbour?page=4", http.StatusNotFound, nil},
		{"/sport/?page=2", http.StatusNotFound, nil},
		{"/ru/?page=2", http.StatusNotFound, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := f.mustGet(t, tt.path, tt.status)
			mustContain(t, tt.path, res.body, tt.want...)
		})
	}
	t.Run("page 2 has no top story or blocks", func(t *testing.T) {
		res := f.mustGet(t, "/?page=2", http.StatusOK)
		if strings.Contains(res.body, "card-top") || strings.Contains(res.body, `class="blocks"`) {
			t.Error("page 2 of the home page repeats the front page's top story or blocks")
		}
	})
}

func TestSectionPage(t *testing.T) {
	f := newFixture(t, englishStories)
	res := f.mustGet(t, "/world/", http.StatusOK)
	mustContain(t, "section page", res.body,
		"<main", "<h1>World</h1>", `<a href="/world/" aria-current="page">World</a>`,
		f.lead.Headline, `<time datetime="`,
		`<link rel="canonical" href="https://news.example/world/">`,
	)
	if strings.Contains(res.body, "story number 3<") {
		t.Error("World lists a Business story")
	}
	empty := f.mustGet(t, "/sport/", http.StatusOK)
	mustContain(t, "empty section", empty.body, "<h1>Sport</h1>", "No stories here yet.")
}

func TestTagPage(t *testing.T) {
	f := newFixture(t, englishStories)
	res := f.mustGet(t, "/tags/air-strikes", http.StatusOK)
	mustContain(t, "tag page", res.body, "<h1>Air strikes</h1>", f.lead.Headline, "<main", "<article")
	if strings.Contains(res.body, "story number") {
		t.Error("tag page lists a story without the tag")
	}
	ru := f.mustGet(t, "/ru/tags/irak", http.StatusOK)
	mustContain(t, "Russian tag page", ru.body, `<html lang="ru">`, "<h1>Ирак</h1>", f.russian.Headline)
}

func TestNotFound(t *testing.T) {
	f := newFixture(t, englishStories)
	paths := []string{
		"/world/999999-no-such-story",
		fmt.Sprintf("/world/%d-%s", f.draft.ID, f.draft.Slug),   // not published
		fmt.Sprintf("/mir/%d-%s", f.russian.ID, f.russian.Slug), // another edition's story
		fmt.Sprintf("/ru/world/%d-%s", f.lead.ID, f.lead.Slug),  // likewise
		fmt.Sprintf("/xx/world/%d-%s", f.lead.ID, f.lead.Slug),  // unknown edition
		"/no-such-section/", "/ru/no-such-section/", "/xx/world/", // unknown section or edition
		"/tags/no-such-tag", "/ru/tags/harbour", "/xx/tags/harbour",
		"/no/such/page/at/all", "/favicon.ico", "/world/0123-leading-zero",
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			res := f.mustGet(t, p, http.StatusNotFound)
			mustContain(t, "404 page", res.body, "<main", `<p class="error-code">404</p>`, `<meta name="robots" content="noindex">`)
		})
	}
	t.Run("in the edition's language", func(t *testing.T) {
		res := f.mustGet(t, "/ru/no-such-section/", http.StatusNotFound)
		mustContain(t, "Russian 404 page", res.body, `<html lang="ru">`, "Страница не найдена")
	})
}

func TestRedirects(t *testing.T) {
	f := newFixture(t, englishStories)
	canonical := fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug)
	ruCanonical := fmt.Sprintf("/ru/mir/%d-%s", f.russian.ID, f.russian.Slug)
	tests := []struct{ path, location string }{
		{fmt.Sprintf("/world/%d-old-slug", f.lead.ID), canonical},
		{fmt.Sprintf("/business/%d-%s", f.lead.ID, f.lead.Slug), canonical},
		{fmt.Sprintf("/world/%d", f.lead.ID), canonical},
		{"/en" + canonical, canonical},
		{fmt.Sprintf("/ru/world/%d-x", f.russian.ID), ruCanonical},
		{"/en/", "/"},
		{"/en/world/", "/world/"},
		{"/world", "/world/"},
		{"/ru", "/ru/"},
		{"/ru/mir", "/ru/mir/"},
		{"/world?page=2", "/world/?page=2"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := f.mustGet(t, tt.path, http.StatusMovedPermanently)
			if got := res.header.Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
		})
	}
}

func TestRussianEdition(t *testing.T) {
	f := newFixture(t, 3)
	home := f.mustGet(t, "/ru/", http.StatusOK)
	mustContain(t, "Russian home", home.body, `<html lang="ru">`, f.russian.Headline, `href="/ru/mir/"`, "Последние новости",
		`<a href="/ru/" lang="ru" hreflang="ru" aria-current="true">`)
	if strings.Contains(home.body, f.lead.Headline) {
		t.Error("Russian home page lists an English story")
	}
	f.mustGet(t, "/ru/mir/", http.StatusOK)
	story := f.mustGet(t, fmt.Sprintf("/ru/mir/%d-%s", f.russian.ID, f.russian.Slug), http.StatusOK)
	// 02:43 UTC is 05:43 in Moscow, in the edition's date format.
	mustContain(t, "Russian story", story.body, `<html lang="ru">`, `<time datetime="2018-01-31T02:43:00Z">31 января 2018, 05:43</time>`,
		`href="/ru/tags/irak"`, `"inLanguage":"ru"`)
}

func TestHealthz(t *testing.T) {
	f := newFixture(t, 1)
	res := f.mustGet(t, "/healthz", http.StatusOK)
	if strings.TrimSpace(res.body) != "ok" {
		t.Errorf("body = %q, want ok", res.body)
	}
	f.store.Close()
	f.mustGet(t, "/healthz", http.StatusServiceUnavailable)
}

func TestHeadAndConditionalRequests(t *testing.T) {
	f := newFixture(t, 3)
	path := fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug)
	head := f.do(t, httptest.NewRequest(http.MethodHead, path, nil))
	if head.status != http.StatusOK || head.body != "" {
		t.Errorf("HEAD: status %d, body %d bytes; want 200 and no body", head.status, len(head.body))
	}
	res := f.mustGet(t, path, http.StatusOK)
	etag := res.header.Get("ETag")
	if etag == "" {
		t.Fatal("story page has no ETag")
	}
	if got, want := res.header.Get("Last-Modified"), "Wed, 31 Jan 2018 04:13:00 GMT"; got != want {
		t.Errorf("Last-Modified = %q, want %q (the update time)", got, want)
	}
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.Header.Set("If-None-Match", etag)
	if again := f.do(t, r); again.status != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", again.status)
	}
}

func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t, 1)
	for _, p := range []string{"/", "/no-such-page/"} {
		res := f.get(t, p)
		for name, want := range map[string]string{
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "strict-origin-when-cross-origin",
			"Content-Security-Policy": "default-src 'self'",
		} {
			if got := res.header.Get(name); !strings.HasPrefix(got, want) {
				t.Errorf("%s: %s = %q, want %q", p, name, got, want)
			}
		}
	}
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("x=1"))
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	if res := f.do(t, r); res.status != http.StatusForbidden {
		t.Errorf("cross-origin POST: status %d, want 403", res.status)
	}
}

var stylesheet = regexp.MustCompile(`<link rel="stylesheet" href="(/static/site\.[0-9a-f]{10}\.css)">`)

func TestStaticFiles(t *testing.T) {
	f := newFixture(t, 1)
	m := stylesheet.FindStringSubmatch(f.mustGet(t, "/", http.StatusOK).body)
	if m == nil {
		t.Fatal("home page links no content-hashed stylesheet")
	}
	res := f.mustGet(t, m[1], http.StatusOK)
	if got := res.header.Get("Cache-Control"); !strings.Contains(got, "max-age=31536000") {
		t.Errorf("Cache-Control = %q, want a year", got)
	}
	if got := res.header.Get("Content-Type"); !strings.HasPrefix(got, "text/css") {
		t.Errorf("Content-Type = %q, want text/css", got)
	}
	if !strings.Contains(res.body, ".story-body") {
		t.Error("stylesheet looks empty")
	}
	f.mustGet(t, "/static/site.0000000000.css", http.StatusNotFound)
}

var svgTag = regexp.MustCompile(`<svg\b[^>]*>`)

func TestIconsAreHidden(t *testing.T) {
	f := newFixture(t, englishStories)
	for _, p := range []string{"/", "/world/", "/tags/harbour", fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug), "/nope/"} {
		body := f.get(t, p).body
		svgs := svgTag.FindAllString(body, -1)
		if len(svgs) == 0 {
			t.Errorf("%s: no icons at all", p)
		}
		for _, svg := range svgs {
			if !strings.Contains(svg, `aria-hidden="true"`) {
				t.Errorf("%s: icon without aria-hidden: %s", p, svg)
			}
		}
	}
}

func TestPanicRecovery(t *testing.T) {
	f := newFixture(t, 1)
	srv, err := NewServer(Config{Static: deskStatic}, f.store, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := srv.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), "Something went wrong") {
		t.Errorf("panic: status %d, body %.200q; want the 500 page", w.Code, w.Body.String())
	}
}

func TestHomeBlocksForEverySection(t *testing.T) {
	f := newFixture(t, englishStories)
	ctx := context.Background()
	// Seven more sections, each with one story older than any on the
	// front page's latest list, as `newsdesk import` adds "News".
	names := []string{"Science", "Technology", "Culture", "Health", "Travel", "Opinion", "News"}
	for i, name := range names {
		sec, err := f.store.EnsureSection(ctx, "en", name)
		if err != nil {
			t.Fatal(err)
		}
		h := name + " desk files its first story"
		err = f.store.CreateStory(ctx, &news.Story{
			Edition: "en", Section: sec, Slug: news.Slugify(h), Headline: h, Lead: "A lead.", Body: "<p>Text.</p>",
			Status: news.StatusPublished, PublishedAt: time.Date(2017, 6, 1+i, 9, 0, 0, 0, time.UTC),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	body := f.mustGet(t, "/", http.StatusOK).body
	blocks := regexp.MustCompile(`<h2 class="block-title"><a href="(/[^"]+/)">`).FindAllStringSubmatch(body, -1)
	var got []string
	for _, b := range blocks {
		got = append(got, b[1])
	}
	// Every section with stories, in navigation order; Sport has none.
	want := []string{"/world/", "/business/", "/science/", "/technology/", "/culture/", "/health/", "/travel/", "/opinion/", "/news/"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("section blocks = %q, want %q", got, want)
	}
	mustContain(t, "home page", body, "News desk files its first story")
}
