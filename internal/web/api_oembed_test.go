package web

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestOEmbed(t *testing.T) {
	f := newFixture(t, 1)
	story := "https://news.example/world/" + strconv.FormatInt(f.lead.ID, 10) + "-locals-want-troops-out"

	// The story page names its oEmbed address.
	page := f.mustGet(t, "/world/"+strconv.FormatInt(f.lead.ID, 10)+"-locals-want-troops-out", http.StatusOK).body
	m := regexp.MustCompile(`<link rel="alternate" type="application/json&#43;oembed" title="[^"]*" href="([^"]+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("story page has no oEmbed discovery link")
	}
	endpoint, err := url.Parse(html.UnescapeString(m[1]))
	if err != nil || endpoint.Query().Get("url") != story {
		t.Fatalf("discovery link %q", m[1])
	}

	res := f.mustGet(t, endpoint.RequestURI(), http.StatusOK)
	var got oembedAnswer
	if err := json.Unmarshal([]byte(res.body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != "1.0" || got.Type != "rich" || got.Title != f.lead.Headline || got.ProviderName != "newsdesk" ||
		got.ProviderURL != "https://news.example/" || got.AuthorName != "Anna Marsh, Oleg Petrov" || got.Width != oembedWidth || got.Height == 0 {
		t.Errorf("answer %+v", got)
	}
	mustContain(t, "card", got.HTML, `<a href="`+story+`">Locals want troops out after air strike</a>`, "Locals recounted the details of an air strike.", "<time datetime=\"2018-01-31T02:43:00Z\">")
	if strings.Contains(got.HTML, "<script") {
		t.Error("the card carries a script")
	}
	if res.header.Get("ETag") == "" || !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
		t.Errorf("headers %v", res.header)
	}

	res = f.mustGet(t, "/api/v1/oembed?maxwidth=320&url="+url.QueryEscape(story), http.StatusOK)
	if err := json.Unmarshal([]byte(res.body), &got); err != nil || got.Width != 320 {
		t.Errorf("maxwidth=320 gave width %d, %v", got.Width, err)
	}
	ru := "https://news.example/ru/mir/" + strconv.FormatInt(f.russian.ID, 10) + "-" + f.russian.Slug
	res = f.mustGet(t, "/api/v1/oembed?url="+url.QueryEscape(ru), http.StatusOK)
	if err := json.Unmarshal([]byte(res.body), &got); err != nil || got.Title != f.russian.Headline {
		t.Errorf("Russian story: %+v, %v", got, err)
	}

	for _, tc := range []struct {
		query  string
		status int
	}{
		{"", http.StatusBadRequest},
		{"url=%zz", http.StatusBadRequest},
		{"url=" + url.QueryEscape("https://elsewhere.example/world/1-x"), http.StatusNotFound},
		{"url=" + url.QueryEscape("https://news.example/world/"+strconv.FormatInt(f.draft.ID, 10)+"-unfinished-draft"), http.StatusNotFound},
		{"url=" + url.QueryEscape("https://news.example/ru/world/"+strconv.FormatInt(f.lead.ID, 10)+"-x"), http.StatusNotFound},
		{"url=" + url.QueryEscape("https://news.example/world/"), http.StatusNotFound},
		{"url=" + url.QueryEscape(story) + "&format=xml", http.StatusNotImplemented},
	} {
		res := f.get(t, "/api/v1/oembed?"+tc.query)
		if res.status != tc.status {
			t.Errorf("%q: status %d, want %d: %s", tc.query, res.status, tc.status, res.body)
			continue
		}
		var e apiError
		if err := json.Unmarshal([]byte(res.body), &e); err != nil || e.Error.Status != tc.status || e.Error.Message == "" {
			t.Errorf("%q: error body %q", tc.query, res.body)
		}
	}
}
