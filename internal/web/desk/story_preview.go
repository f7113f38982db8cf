package desk

import (
	"net/http"
	"strings"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/storyedit"
)

// storyPreview renders the editor's unsaved form as the public story page:
// the same template and data the site uses, so what the editor sees is what
// readers will see. Nothing is saved. The body is sanitised like every
// saved one (storyedit.ParseForm does it).
func (s *Desk) storyPreview(w http.ResponseWriter, r *http.Request, u news.User) error {
	f, err := storyedit.ParseForm(r)
	if err != nil {
		return err
	}
	eds, err := s.site.Editions(r.Context())
	if err != nil {
		return err
	}
	var x news.Story
	at, _ := f.Apply(&x, eds) // a preview shows what it can of a form still being written
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
	return s.site.PreviewForm(w, r, x)
}

// storyPrivatePreview shows a stored story, whatever its status, as its
// public page will look: a link editors share with each other before
// publication. Only signed-in staff reach it.
func (s *Desk) storyPrivatePreview(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := storyedit.MayOpen(u, &x); err != nil {
		return err
	}
	return s.site.PreviewStory(w, r, x)
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
func (s *Desk) tagSuggest(w http.ResponseWriter, r *http.Request, u news.User) error {
	q := r.URL.Query()
	tags, err := s.store.SuggestTags(r.Context(), q.Get("edition"), strings.TrimSpace(q.Get("q")), maxTagSuggestions)
	if err != nil {
		return err
	}
	out := make([]tagSuggestion, len(tags))
	for i, t := range tags {
		out[i] = tagSuggestion{Name: t.Name, Slug: t.Slug}
	}
	return respond.JSON(w, http.StatusOK, out)
}
