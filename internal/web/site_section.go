package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"newsdesk/internal/news"
)

// listPage is the data of a section or tag page: a paginated list of
// stories under a heading.
type listPage struct {
	basePage
	Kicker  string // what kind of list: "Section", "Topic"
	Heading string
	Stories []storyCard
	Pager   pager
}

// sectionPage serves "/{edition}/{section}/" for editions other than the
// default one; the default edition's sections come through
// editionOrSectionPage.
func (s *Server) sectionPage(w http.ResponseWriter, r *http.Request) error {
	if h := s.podcastPath(r); h != nil {
		return h(w, r)
	}
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	return s.renderSection(w, r, st, r.PathValue("section"))
}

// renderSection renders page N of a section of the site's edition. The
// section comes from the navigation already loaded, saving a query.
func (s *Server) renderSection(w http.ResponseWriter, r *http.Request, st *site, slug string) error {
	sec, ok := st.section(slug)
	if !ok {
		var done bool
		var err error
		if sec, done, err = s.sectionOrRedirect(w, r, st, slug); err != nil || done {
			return err
		}
	}
	page, err := pageNumber(r)
	if err != nil {
		return err
	}
	list, err := s.store.ListStories(r.Context(), sectionFilter(sec, page, 0))
	if err != nil {
		return fmt.Errorf("web: section %s/%s: %w", st.ed.Code, slug, err)
	}
	if err := checkPage(list, page); err != nil {
		return err
	}
	addKeys(r, news.SectionKey(sec.ID))
	addKeys(r, storyKeys(list.Stories)...)
	path := st.path("/" + sec.Slug + "/")
	p := &listPage{basePage: st.base(r, sec.Slug), Kicker: st.ui.Section, Heading: sec.Name}
	p.Alternates = append(st.feedLinks(sec.Name, "/"+sec.Slug+"/"), p.Alternates...)
	s.fillList(p, st, list, path, page)
	p.Stories = withoutSection(p.Stories)
	crumbs, err := st.breadcrumbs(sec, "", "")
	if err != nil {
		return err
	}
	p.JSONLD = []template.JS{crumbs}
	return s.render(w, r, http.StatusOK, "list", p, noValidators)
}

// sectionFilter selects a section's published stories. It leaves the
// edition out: the section belongs to one edition already, and naming both
// leads SQLite to walk the edition's index instead of the section's, some
// fifteen times slower at 100,000 stories.
func sectionFilter(sec news.Section, page, limit int) news.StoryFilter {
	return news.StoryFilter{SectionID: sec.ID, Status: news.StatusPublished, Page: page, Limit: limit}
}

// fillList sets what section and tag pages share: cards, pager, title,
// canonical and metadata.
func (s *Server) fillList(p *listPage, st *site, list news.StoryList, path string, page int) {
	p.Stories = st.cards(list.Stories, cardLeadRunes)
	p.Pager = newPager(path, page, list.Pages)
	p.Title = p.Heading + " — " + st.settings.SiteName
	if page > 1 {
		p.Title = p.Heading + " — " + st.ui.PageOf + " " + strconv.Itoa(page) + " — " + st.settings.SiteName
	}
	p.Description = p.Heading + " — " + st.settings.SiteName
	if len(p.Stories) > 0 {
		p.Description = p.Heading + ": " + p.Stories[0].Headline
	}
	p.Canonical = st.origin + pageURL(path, page)
	p.PrevURL, p.NextURL = st.abs(p.Pager.PrevURL), st.abs(p.Pager.NextURL)
	p.Meta = listMeta(&p.basePage, st)
}

// slashless answers "/{first}": "/world" and "/ru" lack only their trailing
// slash and are redirected; any other name is not found.
func (s *Server) slashless(w http.ResponseWriter, r *http.Request) error {
	return s.addSlash(w, r, "", r.PathValue("first"))
}

// notFound answers every URL that no route matched.
func notFound(http.ResponseWriter, *http.Request) error { return errNotFound }

// addSlash redirects ".../{slug}" to ".../{slug}/" when that is an edition's
// front page or a section page, and is not found otherwise. code is the
// edition prefix the URL carries, "" for none.
func (s *Server) addSlash(w http.ResponseWriter, r *http.Request, code, slug string) error {
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return err
	}
	if code == "" {
		if ed, ok := news.FindEdition(eds, slug); ok && !ed.Default {
			http.Redirect(w, r, withQuery(r, "/"+slug+"/"), http.StatusMovedPermanently)
			return nil
		}
	}
	ed, ok := news.FindEdition(eds, code)
	if !ok {
		return errNotFound
	}
	if slug == "podcasts" && code != "" { // "/podcasts" has a route of its own
		http.Redirect(w, r, withQuery(r, "/"+code+"/podcasts/"), http.StatusMovedPermanently)
		return nil
	}
	if _, err := s.store.SectionBySlug(r.Context(), ed.Code, slug); err != nil {
		if !errors.Is(err, news.ErrNotFound) {
			return err
		}
		// A renamed section's old name goes straight to the new one.
		sec, rerr := s.store.SectionRedirect(r.Context(), ed.Code, slug)
		if rerr != nil {
			return rerr
		}
		slug = sec.Slug
	}
	http.Redirect(w, r, withQuery(r, ed.PathPrefix()+"/"+slug+"/"), http.StatusMovedPermanently)
	return nil
}

// sectionOrRedirect finds a section that the navigation, read up to
// navTTL ago, does not list yet: one just created or renamed. Failing that,
// a renamed section's old slug is redirected to its page, and done is set.
func (s *Server) sectionOrRedirect(w http.ResponseWriter, r *http.Request, st *site, slug string) (sec news.Section, done bool, err error) {
	if !news.ValidSlug(slug) {
		// "/ru/Мир/" and "/World/": a slug typed in its own script or
		// case leads to the section whose slug it makes.
		canon, ok := canonicalSlug(slug)
		if !ok {
			return news.Section{}, false, errNotFound
		}
		if sec, ok := st.section(canon); ok {
			http.Redirect(w, r, withQuery(r, st.path("/"+sec.Slug+"/")), http.StatusMovedPermanently)
			return news.Section{}, true, nil
		}
		slug = canon
	}
	ctx := r.Context()
	sec, err = s.store.SectionBySlug(ctx, st.ed.Code, slug)
	if !errors.Is(err, news.ErrNotFound) {
		return sec, false, err
	}
	sec, err = s.store.SectionRedirect(ctx, st.ed.Code, slug)
	if err != nil {
		return news.Section{}, false, err
	}
	http.Redirect(w, r, withQuery(r, st.path("/"+sec.Slug+"/")), http.StatusMovedPermanently)
	return news.Section{}, true, nil
}

// canonicalSlug returns the slug that an address segment typed otherwise
// (in Cyrillic, or with capitals) stands for, and whether it differs.
func canonicalSlug(seg string) (string, bool) {
	canon := news.Slugify(seg)
	return canon, canon != "" && canon != seg && news.ValidSlug(canon)
}

// withQuery keeps the request's query string on a redirect target, so that
// "/world?page=2" lands on page 2.
func withQuery(r *http.Request, path string) string {
	if r.URL.RawQuery == "" {
		return path
	}
	return path + "?" + r.URL.RawQuery
}
