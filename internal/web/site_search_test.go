package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

func TestSearchPage(t *testing.T) {
	f := newFixture(t, 5)
	ctx := context.Background()

	res := f.mustGet(t, "/search?q=troops+striking", http.StatusOK)
	mustContain(t, "search page", res.body,
		`Locals want <mark>troops</mark> out after air <mark>strike</mark>`,
		`<meta name="robots" content="noindex">`, `name="q" type="search" value="troops striking"`)
	if cc := res.header.Get("Cache-Control"); cc != searchCacheControl {
		t.Errorf("Cache-Control %q, want %q", cc, searchCacheControl)
	}
	if strings.Contains(res.body, f.russian.Headline) {
		t.Error("the English search shows a Russian story")
	}

	// Russian forms and the edition's own search page.
	res = f.mustGet(t, "/ru/search?q="+url.QueryEscape("войска"), http.StatusOK)
	mustContain(t, "Russian search", res.body, `<mark>войск</mark>`, `1 результат`)

	// Snippets are escaped, marks aside.
	x := f.lead
	x.Body = `<p>Officials said &lt;script&gt;alert(1)&lt;/script&gt; was the strike's code name.</p>`
	if err := f.store.UpdateStory(ctx, &x); err != nil {
		t.Fatal(err)
	}
	res = f.mustGet(t, "/search?q=code+name", http.StatusOK)
	mustContain(t, "escaped snippet", res.body, `&lt;script&gt;alert(1)&lt;/script&gt; was the strike&#39;s <mark>code</mark> <mark>name</mark>`)
	if strings.Contains(res.body, "<script>alert") {
		t.Error("the snippet lets markup through")
	}

	// Facets link to narrower searches and count per section and media.
	res = f.mustGet(t, "/search?q=harbour", http.StatusOK)
	mustContain(t, "facets", res.body, `World <span class="count">`, `Business <span class="count">`,
		`href="/search?media=video&amp;q=harbour"`, `Video <span class="count">1</span>`)
	res = f.mustGet(t, "/search?q=harbour&section=business", http.StatusOK)
	if strings.Contains(res.body, "/world/") && strings.Contains(res.body, `class="card search-hit"`) {
		for _, line := range strings.Split(res.body, "\n") {
			if strings.Contains(line, `class="card-title"`) && strings.Contains(line, "/world/") {
				t.Errorf("a World story in a Business search: %s", line)
			}
		}
	}

	// A story is found the moment it is published, and not once trashed.
	draft := f.draft
	draft.Status, draft.PublishedAt = news.StatusPublished, time.Now()
	if err := f.store.UpdateStory(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "after publishing", f.mustGet(t, "/search?q=unfinished", http.StatusOK).body, `<mark>unfinished</mark>`)
	draft.Status = news.StatusTrashed
	if err := f.store.UpdateStory(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	if body := f.mustGet(t, "/search?q=unfinished", http.StatusOK).body; !strings.Contains(body, "No stories match") {
		t.Error("a trashed story is still found")
	}

	// Whatever a reader types is a search, never an error page.
	for _, q := range []string{`"`, `-`, `OR`, `"unbalanced`, `NEAR(a b)`, `a*`, `col:x`, `'; DROP TABLE stories;--`, "\xff", strings.Repeat("x ", 2000)} {
		if res := f.get(t, "/search?q="+url.QueryEscape(q)); res.status != http.StatusOK {
			t.Errorf("q=%q: status %d", q, res.status)
		}
	}
	// Unknown filters find nothing; malformed ones say why.
	for _, p := range []string{"section=nowhere", "tag=nothing", "author=nobody", "edition=zz"} {
		if body := f.mustGet(t, "/search?q=harbour&"+p, http.StatusOK).body; !strings.Contains(body, "No stories match") {
			t.Errorf("%s found stories", p)
		}
	}
	for _, p := range []string{"from=yesterday", "media=gif", "sort=random", "page=0", "page=x"} {
		res := f.get(t, "/search?q=harbour&"+p)
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, "Please correct the search") {
			t.Errorf("%s: status %d", p, res.status)
		}
	}
	// Without a query or a filter the page is the form alone.
	if body := f.mustGet(t, "/search", http.StatusOK).body; strings.Contains(body, "search-count") {
		t.Error("an empty search shows results")
	}
}

func TestSearchAPI(t *testing.T) {
	f := newFixture(t, 25)
	var a apiSearchAnswer
	get := func(q string, want int) {
		t.Helper()
		res := f.mustGet(t, "/api/v1/search?"+q, want)
		if want != http.StatusOK {
			return
		}
		a = apiSearchAnswer{}
		if err := json.Unmarshal([]byte(res.body), &a); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	get("q=harbour+council&sort=newest&page=2", http.StatusOK)
	if a.Total != 25 || a.Pages != 2 || a.Page != 2 || len(a.Results) != 5 {
		t.Errorf("total %d, pages %d, page %d, results %d", a.Total, a.Pages, a.Page, len(a.Results))
	}
	if r := a.Results[0]; !strings.HasPrefix(r.URL, "https://news.example/") || !strings.Contains(r.HeadlineHTML, "<mark>Harbour</mark>") {
		t.Errorf("first result %+v", r)
	}
	get("q=troops&edition=all", http.StatusOK)
	if len(a.Results) != 1 || a.Results[0].ID != f.lead.ID || a.Edition != "" {
		t.Errorf("every edition: %+v", a)
	}
	get("q="+url.QueryEscape("войска")+"&edition=ru", http.StatusOK)
	if len(a.Results) != 1 || a.Results[0].ID != f.russian.ID || !strings.Contains(a.Results[0].URL, "/ru/") {
		t.Errorf("Russian: %+v", a)
	}
	get("q=harbour&media=video", http.StatusOK)
	if len(a.Results) != 1 || len(a.Media) != 1 || a.Media[0].Media != "video" {
		t.Errorf("media: %+v", a)
	}
	get("q="+url.QueryEscape(`"unbalanced -`), http.StatusOK)
	for _, q := range []string{"from=2018-13-01", "edition=zz", "media=x"} {
		res := f.get(t, "/api/v1/search?q=a&"+q)
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, `"message"`) {
			t.Errorf("%s: %d %s", q, res.status, res.body)
		}
	}
}
