package web

import (
	"fmt"
	"net/http"

	"newsdesk/internal/news"
)

// authorPage serves "/authors/{author}" and "/{edition}/authors/{author}":
// the published stories of one byline in the edition, newest first.
func (s *Server) authorPage(w http.ResponseWriter, r *http.Request) error {
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	a, err := s.authorOfPath(r)
	if err != nil {
		return err
	}
	page, err := pageNumber(r)
	if err != nil {
		return err
	}
	list, err := s.store.ListStories(r.Context(), news.StoryFilter{Edition: st.ed.Code, AuthorID: a.ID, Status: news.StatusPublished, Page: page})
	if err != nil {
		return fmt.Errorf("web: author %s: %w", a.Slug, err)
	}
	if err := checkPage(list, page); err != nil {
		return err
	}
	addKeys(r, news.AuthorKey(a.ID))
	addKeys(r, storyKeys(list.Stories)...)
	p := &listPage{basePage: st.base(r, ""), Kicker: st.ui.By, Heading: a.Name}
	p.Alternates = append(st.feedLinks(a.Name, authorPath(a)), p.Alternates...)
	s.fillList(p, st, list, st.path(authorPath(a)), page)
	return s.render(w, r, http.StatusOK, "list", p, noValidators)
}

// authorFeed serves "/authors/{author}/feed.xml" and its siblings, in any
// edition.
func (s *Server) authorFeed(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadSite(r, r.PathValue("edition"))
	if err != nil {
		return err
	}
	if r.PathValue("edition") != "" && st.ed.Default {
		return errNotFound
	}
	a, err := s.authorOfPath(r)
	if err != nil {
		return err
	}
	f := news.StoryFilter{Edition: st.ed.Code, AuthorID: a.ID}
	return s.serveFeed(w, r, st, a.Name, authorPath(a), f, news.AuthorKey(a.ID))
}

// authorOfPath is the author the path names by slug.
func (s *Server) authorOfPath(r *http.Request) (news.Author, error) {
	slug := r.PathValue("author")
	if !news.ValidSlug(slug) {
		return news.Author{}, errNotFound
	}
	a, err := s.store.AuthorBySlug(r.Context(), slug)
	if err != nil {
		return news.Author{}, fmt.Errorf("web: author %s: %w", slug, err)
	}
	return a, nil
}

// authorPath is an author's page within an edition.
func authorPath(a news.Author) string { return "/authors/" + a.Slug }
