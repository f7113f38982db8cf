package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"newsdesk/internal/news"
)

// apiSearchAnswer is the JSON of /api/v1/search.
type apiSearchAnswer struct {
	Query    string           `json:"query"`
	Edition  string           `json:"edition"` // "" when every edition was searched
	Total    int              `json:"total"`
	Page     int              `json:"page"`
	Pages    int              `json:"pages"`
	Results  []apiSearchHit   `json:"results"`
	Sections []apiSectionHits `json:"sections"`
	Media    []apiMediaHits   `json:"media"`
}

// apiSearchHit is one story found. The *_html fields are the headline
// and snippet as escaped HTML with the words found in <mark>.
type apiSearchHit struct {
	ID           int64     `json:"id"`
	Edition      string    `json:"edition"`
	URL          string    `json:"url"`
	Headline     string    `json:"headline"`
	HeadlineHTML string    `json:"headline_html"`
	SnippetHTML  string    `json:"snippet_html"`
	Lead         string    `json:"lead"`
	Section      apiRef    `json:"section"`
	Labels       []string  `json:"labels"`
	PublishedAt  time.Time `json:"published_at"`
}

type apiRef struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type apiSectionHits struct {
	Edition string `json:"edition"`
	Slug    string `json:"slug"`
	Name    string `json:"name"`
	Count   int    `json:"count"`
}

type apiMediaHits struct {
	Media string `json:"media"`
	Count int    `json:"count"`
}

// apiSearch serves /api/v1/search with the search page's parameters (see
// site_search.go); without an edition it searches the default edition.
// Malformed parameters are a 400 with the reason; any query text is
// valid. Answers are private: a story is found the moment it is
// published.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadSite(r, "")
	if err != nil {
		return err
	}
	form := readSearchForm(r.URL.Query())
	if form.Edition != "" && form.Edition != "all" && form.Edition != st.ed.Code {
		eds, err := s.loadEditions(r.Context())
		if err != nil {
			return err
		}
		ed, ok := news.FindEdition(eds, form.Edition)
		if !ok {
			return news.Errorf(news.ErrInvalid, "search: edition %q does not exist", form.Edition)
		}
		if st, err = s.siteFor(r, eds, ed); err != nil {
			return err
		}
	}
	q, ok, err := s.searchQuery(r.Context(), st, form)
	if err != nil {
		return err
	}
	res := news.SearchResult{Page: q.Page}
	if ok {
		if res, err = s.store.Search(r.Context(), q); err != nil {
			return err
		}
	}
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return err
	}
	prefixes := editionPrefixes(eds)
	a := apiSearchAnswer{Query: form.Q, Edition: q.Edition, Total: res.Total, Page: res.Page, Pages: res.Pages,
		Results: []apiSearchHit{}, Sections: []apiSectionHits{}, Media: []apiMediaHits{}}
	for _, h := range res.Hits {
		x := h.Story
		labels := []string{}
		for _, l := range x.Labels {
			labels = append(labels, string(l))
		}
		a.Results = append(a.Results, apiSearchHit{
			ID: x.ID, Edition: x.Edition, URL: s.baseURL(r) + prefixes[x.Edition] + x.Path(),
			Headline: x.Headline, HeadlineHTML: string(marked(h.Headline)), SnippetHTML: string(marked(h.Snippet)),
			Lead: x.Lead, Section: apiRef{Slug: x.Section.Slug, Name: x.Section.Name}, Labels: labels,
			PublishedAt: x.PublishedAt.UTC(),
		})
	}
	for _, f := range res.Sections {
		a.Sections = append(a.Sections, apiSectionHits{Edition: f.Section.Edition, Slug: f.Section.Slug, Name: f.Section.Name, Count: f.Count})
	}
	for _, f := range res.Media {
		a.Media = append(a.Media, apiMediaHits{Media: string(f.Label), Count: f.Count})
	}
	b, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("web: search json: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", searchCacheControl)
	h.Set("ETag", contentETag(b))
	http.ServeContent(w, r, "", noValidators, bytes.NewReader(append(b, '\n')))
	return nil
}
