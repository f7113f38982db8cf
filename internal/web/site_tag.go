package web

import (
	"errors"
	"fmt"
	"net/http"

	"newsdesk/internal/news"
)

// tagPage serves "/tags/{tag}" and "/{edition}/tags/{tag}": the published
// stories of one topic, newest first.
func (s *Server) tagPage(w http.ResponseWriter, r *http.Request) error {
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	slug := r.PathValue("tag")
	if !news.ValidSlug(slug) {
		// "/ru/tags/Ирак": a tag typed in its own script leads to its page.
		canon, ok := canonicalSlug(slug)
		if !ok {
			return errNotFound
		}
		http.Redirect(w, r, withQuery(r, st.path("/tags/"+canon)), http.StatusMovedPermanently)
		return nil
	}
	page, err := pageNumber(r)
	if err != nil {
		return err
	}
	tag, err := s.store.TagBySlug(r.Context(), st.ed.Code, slug)
	if errors.Is(err, news.ErrNotFound) {
		// A renamed or merged tag's old slug leads to the tag it became.
		if tag, err = s.store.TagRedirect(r.Context(), st.ed.Code, slug); err == nil {
			http.Redirect(w, r, withQuery(r, st.path("/tags/"+tag.Slug)), http.StatusMovedPermanently)
			return nil
		}
	}
	if err != nil {
		return fmt.Errorf("web: tag %s/%s: %w", st.ed.Code, slug, err)
	}
	list, err := s.store.ListStories(r.Context(), news.StoryFilter{Edition: st.ed.Code, TagID: tag.ID, Status: news.StatusPublished, Page: page})
	if err != nil {
		return fmt.Errorf("web: tag %s/%s: %w", st.ed.Code, slug, err)
	}
	if err := checkPage(list, page); err != nil {
		return err
	}
	addKeys(r, news.TagKey(tag.ID))
	addKeys(r, storyKeys(list.Stories)...)
	p := &listPage{basePage: st.base(r, ""), Kicker: st.ui.Topic, Heading: tag.Name}
	p.Alternates = append(st.feedLinks(tag.Name, "/tags/"+tag.Slug), p.Alternates...)
	s.fillList(p, st, list, st.path("/tags/"+tag.Slug), page)
	return s.render(w, r, http.StatusOK, "list", p, noValidators)
}
