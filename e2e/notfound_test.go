package e2e

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// storyPathRE matches a story path of the default edition: /{section}/{id}-{slug}.
var storyPathRE = regexp.MustCompile(`^/([a-z0-9-]+)/(\d+)-([a-z0-9-]+)$`)

// TestNotFound asks for stories that do not exist, in a real section and in
// an unknown one, and wants the site's own 404 page: status 404, an HTML
// page with a heading and a way back to the home page.
func TestNotFound(t *testing.T) {
	s := startSite(t, siteOptions{})
	ctx := newBrowser(t)
	open(t, ctx, s.URL+"/", 200)
	story := evalJS[string](t, ctx, `(() => {
		const a = [...document.querySelectorAll('a[href]')].map(a => new URL(a.href))
			.find(u => u.origin === location.origin && /^\/[a-z0-9-]+\/\d+-[a-z0-9-]+$/.test(u.pathname));
		return a ? a.pathname : '';
	})()`)
	m := storyPathRE.FindStringSubmatch(story)
	if m == nil {
		t.Fatalf("home page links to no story; cannot make up a missing one next to it")
	}
	for _, c := range []struct{ name, path string }{
		{"unknown story", "/" + m[1] + "/999999999-" + m[3]},
		{"unknown section", "/no-such-section/999999999-no-such-story"},
		{"unknown tag", "/tags/no-such-tag-anywhere"},
	} {
		path := c.path
		t.Run(c.name, func(t *testing.T) {
			resp, err := http.Get(s.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: status %d, want 404", path, resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("GET %s: Content-Type %q, want an HTML page", path, ct)
			}
			open(t, ctx, s.URL+path, http.StatusNotFound)
			checkNotFoundPage(t, ctx)
		})
	}
	open(t, ctx, s.URL+"/"+m[1]+"/999999999-"+m[3], http.StatusNotFound)
	screenshots(t, ctx, "notfound")
}

// notFoundFacts is what the reader sees on the 404 page.
type notFoundFacts struct {
	Lang     string   `json:"lang"`
	Title    string   `json:"title"`
	H1s      []string `json:"h1s"`
	HomeLink bool     `json:"homeLink"`
	Text     string   `json:"text"`
}

// checkNotFoundPage wants a page of the site, not a bare error string.
func checkNotFoundPage(t *testing.T, ctx context.Context) {
	t.Helper()
	f := evalJS[notFoundFacts](t, ctx, `({
		lang: document.documentElement.lang,
		title: document.title,
		h1s: [...document.querySelectorAll('h1')].map(e => e.innerText.trim()),
		homeLink: [...document.querySelectorAll('a[href]')].some(a => new URL(a.href).pathname === '/'),
		text: document.body.innerText,
	})`)
	if f.Lang == "" {
		t.Errorf("404 page has no <html lang>")
	}
	if strings.TrimSpace(f.Title) == "" {
		t.Errorf("404 page has no <title>")
	}
	if len(f.H1s) != 1 || f.H1s[0] == "" {
		t.Errorf("404 page h1 elements = %q, want one heading", f.H1s)
	}
	if !f.HomeLink {
		t.Errorf("404 page has no link to the home page")
	}
	t.Logf("404 page text:\n%s", f.Text)
}
