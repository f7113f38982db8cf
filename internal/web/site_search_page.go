package web

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"newsdesk/internal/news"
)

// searchPage is the data of templates/search.html.
type searchPage struct {
	basePage
	S        *searchText
	Form     searchForm
	Action   string
	Problems []string // what is wrong with the form, when anything is
	Searched bool
	Total    int
	Found    string // "12 results"
	Hits     []searchHitView
	Pager    pager
	// Facets: the result counts per section and media type, each a link
	// to the search narrowed to it, or widened again when it is current.
	SectionFacets  []facetLink
	MediaFacets    []facetLink
	EditionOptions []option
	SectionOptions []option
	MediaOptions   []option
	SortOptions    []option
}

// searchHitView is one result: its card with the found words marked.
type searchHitView struct {
	URL      string
	Headline template.HTML
	Snippet  template.HTML
	Section  navLink
	Date     string
	DateTime string
	Labels   []labelView
}

// facetLink is one count of a facet.
type facetLink struct {
	Name    string
	Count   int
	URL     string
	Current bool
}

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// searchPath picks the search page for "/{edition}/search", which the
// routes send to the story page: ServeMux cannot tell it from
// "/static/{file}". A story's segment always starts with its id, so no
// story is called "search". The page cache keeps no search: it does not
// cache requests with query parameters other than the page.
func (s *Server) searchPath(r *http.Request) handlerFunc {
	if r.PathValue("edition") != "" || r.PathValue("story") != "search" {
		return nil
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		r.SetPathValue("edition", r.PathValue("section"))
		return s.searchPageHandler(w, r)
	}
}

// searchPageHandler serves "/search" and "/{edition}/search". It is never
// kept in the page cache, and shared caches are told not to keep it: a
// published story is found at once.
func (s *Server) searchPageHandler(w http.ResponseWriter, r *http.Request) error {
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	form := readSearchForm(r.URL.Query())
	p := &searchPage{basePage: st.base(r, ""), S: st.ui.Search, Form: form, Action: st.path("/search")}
	p.Title = p.S.Search + " — " + p.SiteName
	if form.Q != "" {
		p.Title = form.Q + " — " + p.Title
	}
	p.NoIndex = true
	if p.SectionOptions, err = s.searchSections(r, st, form); err != nil {
		return err
	}
	p.fillOptions(st)
	status := http.StatusOK
	f := form
	f.Page = 0
	if f.values().Encode() != "" {
		if status, err = s.runSearch(r, st, p); err != nil {
			return err
		}
	}
	w.Header().Set("Cache-Control", searchCacheControl)
	return s.render(w, r, status, "search", p, noValidators)
}

// runSearch searches and fills the results, facets and pager; a form
// with mistakes is answered 400 with the reasons.
func (s *Server) runSearch(r *http.Request, st *site, p *searchPage) (int, error) {
	q, ok, err := s.searchQuery(r.Context(), st, p.Form)
	if errors.Is(err, news.ErrInvalid) {
		p.Problems = p.S.problems(err)
		return http.StatusBadRequest, nil
	}
	if err != nil {
		return 0, err
	}
	p.Searched = true
	res := news.SearchResult{Page: q.Page}
	if ok {
		if res, err = s.store.Search(r.Context(), q); err != nil {
			return 0, err
		}
	}
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return 0, err
	}
	prefixes := editionPrefixes(eds)
	for _, h := range res.Hits {
		x := h.Story
		prefix := prefixes[x.Edition]
		p.Hits = append(p.Hits, searchHitView{
			URL: prefix + x.Path(), Headline: marked(h.Headline), Snippet: marked(h.Snippet),
			Section: navLink{Name: x.Section.Name, URL: prefix + "/" + x.Section.Slug + "/"},
			Date:    st.formatDate(x.PublishedAt), DateTime: x.PublishedAt.UTC().Format(rfc3339),
			Labels: st.labels(x.Labels),
		})
	}
	p.Total = res.Total
	p.Found = st.lang.N("count.results", res.Total)
	p.Pager = searchPager(p.Form, p.Action, res.Page, res.Pages)
	for _, fc := range res.Sections {
		cur := fc.Section.Slug == p.Form.Section && q.Edition == fc.Section.Edition
		p.SectionFacets = append(p.SectionFacets, facetLink{Name: fc.Section.Name, Count: fc.Count, Current: cur,
			URL: p.Form.url(p.Action, func(f *searchForm) {
				f.Page, f.Section = 0, fc.Section.Slug
				if cur {
					f.Section = ""
				}
				if q.Edition == "" {
					f.Edition = fc.Section.Edition
				}
			})})
	}
	for _, fc := range res.Media {
		cur := string(fc.Label) == p.Form.Media
		p.MediaFacets = append(p.MediaFacets, facetLink{Name: st.ui.label(fc.Label), Count: fc.Count, Current: cur,
			URL: p.Form.url(p.Action, func(f *searchForm) {
				f.Page, f.Media = 0, string(fc.Label)
				if cur {
					f.Media = ""
				}
			})})
	}
	return http.StatusOK, nil
}

// searchSections lists the sections of the edition searched for the
// section filter; none when every edition is searched.
func (s *Server) searchSections(r *http.Request, st *site, form searchForm) ([]option, error) {
	secs := st.sections
	switch form.Edition {
	case "", st.ed.Code:
	case "all":
		return nil, nil
	default:
		var err error
		if secs, err = s.loadSections(r.Context(), form.Edition); err != nil {
			return nil, err
		}
	}
	out := []option{{Value: "", Label: st.ui.Search.AnySection}}
	for _, sec := range secs {
		out = append(out, option{Value: sec.Slug, Label: sec.Name, Selected: sec.Slug == form.Section})
	}
	return out, nil
}

// fillOptions lists the choices of the edition, media and sort selects.
func (p *searchPage) fillOptions(st *site) {
	p.EditionOptions = append(p.EditionOptions, option{Value: "all", Label: p.S.AllEditions, Selected: p.Form.Edition == "all"})
	for _, e := range st.editions {
		sel := p.Form.Edition == e.Code || (p.Form.Edition == "" && e.Code == st.ed.Code)
		p.EditionOptions = append(p.EditionOptions, option{Value: e.Code, Label: e.Name, Selected: sel})
	}
	p.MediaOptions = []option{{Value: "", Label: p.S.AnyMedia}}
	for _, l := range news.MediaLabels {
		p.MediaOptions = append(p.MediaOptions, option{Value: string(l), Label: st.ui.label(l), Selected: string(l) == p.Form.Media})
	}
	p.SortOptions = []option{
		{Value: string(news.SortRelevance), Label: p.S.Relevance, Selected: p.Form.Sort != string(news.SortNewest)},
		{Value: string(news.SortNewest), Label: p.S.Newest, Selected: p.Form.Sort == string(news.SortNewest)},
	}
}

// searchPager is the pager of a search: its links keep the search's
// parameters.
func searchPager(f searchForm, path string, page, pages int) pager {
	p := pager{Page: page, Pages: pages}
	at := func(n int) string { return f.url(path, func(f *searchForm) { f.Page = n }) }
	if pages <= 1 {
		return p
	}
	if page > 1 {
		p.PrevURL = at(page - 1)
	}
	if page < pages {
		p.NextURL = at(page + 1)
	}
	for n := 1; n <= pages; n++ {
		switch {
		case n == 1 || n == pages || (n >= page-2 && n <= page+2):
			p.Items = append(p.Items, pageItem{N: n, URL: at(n), Current: n == page})
		case len(p.Items) > 0 && !p.Items[len(p.Items)-1].Gap:
			p.Items = append(p.Items, pageItem{Gap: true})
		}
	}
	return p
}

// searchText is the search page's words in one language, filled from the
// catalogs' "ui.Search." messages with the rest of uiText.
type searchText struct {
	Search, Query, Submit, Filters, Edition, AllEditions, Section, AnySection string
	Media, AnyMedia, From, To, Sort, Relevance, Newest, NoResults, Problem    string
	Sections, MediaTypes, Hint                                                string
	// Problems say what is wrong with a field of the form (searchFields);
	// the page's has %d, the last page.
	Problems map[string]string
}

// searchFields are the fields of the search form that can be wrong.
var searchFields = []string{"sort", "media", "page", "from", "to"}

// problems lists what is wrong with the form, field by field, from the
// validation error of searchQuery.
func (t *searchText) problems(err error) []string {
	var e *news.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return []string{news.ErrorMessage(err)}
	}
	var out []string
	for _, f := range searchFields {
		if _, ok := e.Fields[f]; ok {
			out = append(out, strings.ReplaceAll(t.Problems[f], "%d", strconv.Itoa(news.MaxSearchPage)))
		}
	}
	return out
}
