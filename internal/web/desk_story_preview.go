package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// storyPreview renders the editor's unsaved form as the public story page:
// the same template and data the site uses, so what the editor sees is what
// readers will see. Nothing is saved. The body is sanitised like every
// saved one (parseStoryForm does it).
func (s *Server) storyPreview(w http.ResponseWriter, r *http.Request, u news.User) error {
	f, err := parseStoryForm(r)
	if err != nil {
		return err
	}
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return err
	}
	var x news.Story
	at, _ := f.apply(&x, eds) // a preview shows what it can of a form still being written
	st, err := s.loadSite(r, x.Edition)
	if err != nil {
		return err
	}
	x.Edition = st.ed.Code
	if sec, ok := sectionByID(st.sections, x.Section.ID); ok {
		x.Section = sec
	} else if len(st.sections) > 0 {
		x.Section = st.sections[0]
	}
	if x.Slug == "" {
		x.Slug = "untitled"
	}
	for i := range x.Tags {
		x.Tags[i].Slug = news.Slugify(x.Tags[i].Name)
	}
	x.Status, x.PublishedAt = news.StatusPublished, time.Now()
	if !at.IsZero() {
		x.PublishedAt = at
	}
	if f.ID != 0 {
		x.ID = f.ID
	}
	return s.renderPreview(w, r, st, &x, nil)
}

// storyPrivatePreview shows a stored story, whatever its status, as its
// public page will look: a link editors share with each other before
// publication. Only signed-in staff reach it.
func (s *Server) storyPrivatePreview(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := mayOpen(u, &x); err != nil {
		return err
	}
	st, err := s.loadSite(r, x.Edition)
	if err != nil {
		return err
	}
	if x.PublishedAt.IsZero() {
		x.PublishedAt = time.Now() // as it would be if published now
	}
	related, err := s.store.RelatedStories(r.Context(), x, relatedCount)
	if err != nil {
		return fmt.Errorf("web: related stories of %d: %w", x.ID, err)
	}
	return s.renderPreview(w, r, st, &x, related)
}

// renderPreview renders x with the public story template. Previews are
// private: never stored by caches nor indexed.
func (s *Server) renderPreview(w http.ResponseWriter, r *http.Request, st *site, x *news.Story, related []news.Story) error {
	p, err := st.storyPage(r, x, related)
	if err != nil {
		return err
	}
	p.NoIndex = true
	buf := bufferPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufferPool.Put(buf)
	if err := s.pages.pages["story"].ExecuteTemplate(buf, "layout", p); err != nil {
		return fmt.Errorf("web: render preview of %q: %w", x.Headline, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
	return nil
}

// sectionByID finds a section among secs.
func sectionByID(secs []news.Section, id int64) (news.Section, bool) {
	for _, sec := range secs {
		if sec.ID == id {
			return sec, true
		}
	}
	return news.Section{}, false
}

// tagSuggestion is one answer of the tag suggestions.
type tagSuggestion struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// maxTagSuggestions bounds the list under the tags field.
const maxTagSuggestions = 8

// tagSuggest answers GET /desk/tags/suggest?edition=&q= with the edition's
// tags that match what was typed, as JSON.
func (s *Server) tagSuggest(w http.ResponseWriter, r *http.Request, u news.User) error {
	q := r.URL.Query()
	tags, err := s.store.SuggestTags(r.Context(), q.Get("edition"), strings.TrimSpace(q.Get("q")), maxTagSuggestions)
	if err != nil {
		return err
	}
	out := make([]tagSuggestion, len(tags))
	for i, t := range tags {
		out[i] = tagSuggestion{Name: t.Name, Slug: t.Slug}
	}
	return s.writeJSON(w, http.StatusOK, out)
}
