package desk

import (
	"fmt"
	"net/http"
	"slices"
	"unicode"
	"unicode/utf8"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
)

// storyConflict answers a save refused because someone else saved the
// story since f.Version: 409 with the editor holding everything typed, who
// saved meanwhile and when, and a word diff of what they changed. The
// refused text is kept as a rejected revision, so neither version is lost
// whatever the writer does next. The form now carries the current version:
// saving it again replaces the other person's version, knowingly.
func (s *Desk) storyConflict(w http.ResponseWriter, r *http.Request, u news.User, current news.Story, f storyedit.Form) error {
	ctx := r.Context()
	revs, err := s.store.StoryRevisions(ctx, current.ID)
	if err != nil {
		return fmt.Errorf("desk: revisions after a conflict: %w", err)
	}
	base, latest := current, news.Revision{CreatedAt: current.CreatedAt}
	for _, rev := range revs {
		if rev.Kind == news.RevisionRejected {
			continue
		}
		if rev.Version == f.Version {
			base = rev.Story
		}
		if rev.Version == current.Version {
			latest = rev
		}
	}
	eds, err := s.store.Editions(ctx)
	if err != nil {
		return fmt.Errorf("desk: editions: %w", err)
	}
	ed, _ := news.FindEdition(eds, current.Edition)
	t := s.deskWords(r, u)
	c := &storyConflict{
		By:       latest.UserName,
		At:       t.Time(latest.CreatedAt, s.location(ed)),
		Headline: changedOnly(markup.DiffWords(base.Headline, current.Headline)),
		Lead:     changedOnly(markup.DiffWords(base.Lead, current.Lead)),
		Body:     changedOnly(markup.DiffHTML(base.Body, current.Body)),
	}
	msg := fmt.Sprintf(t.Story.ConflictBy, c.By, c.At)
	switch {
	case latest.UserID == u.ID:
		msg = fmt.Sprintf(t.Story.ConflictByYou, c.At)
	case c.By == "":
		msg = fmt.Sprintf(t.Story.ConflictByNobody, c.At)
	}
	c.Others = otherFieldsChanged(&base, &current)
	// Keep what was typed, even a form with invalid fields: a revision is
	// a record of text, not a story to publish.
	rejected := current
	_, _ = f.Apply(&rejected, eds)
	rejected.Version = f.Version
	if _, err := s.store.RecordRejectedRevision(ctx, rejected, u.ID); err != nil {
		return fmt.Errorf("desk: keep the refused save of story %d: %w", current.ID, err)
	}
	p, err := s.storyEditor(r, u, &current)
	if err != nil {
		return err
	}
	f.Version = current.Version
	keepTyped(p, f, &current)
	p.Conflict = c
	p.Error = formError{Message: msg}
	return s.renderDesk(w, r, http.StatusConflict, "story_edit", p)
}

// changedOnly returns ops when they change anything, else nil, so that
// the page lists only the fields that changed.
func changedOnly(ops []markup.DiffOp) []markup.DiffOp {
	if !markup.DiffChanged(ops) {
		return nil
	}
	return ops
}

// upperFirst capitalises the first letter of a sentence.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// otherFieldsChanged reports whether fields besides the headline, lead and
// body differ between two versions of a story.
func otherFieldsChanged(a, b *news.Story) bool {
	tagNames := func(ts []news.Tag) []string {
		out := make([]string, len(ts))
		for i, t := range ts {
			out[i] = t.Name
		}
		return out
	}
	authorNames := func(as []news.Author) []string {
		out := make([]string, len(as))
		for i, x := range as {
			out[i] = x.Name
		}
		return out
	}
	return a.Section.ID != b.Section.ID || a.Slug != b.Slug || a.Status != b.Status ||
		a.SEOTitle != b.SEOTitle || a.SocialTitle != b.SocialTitle || a.Description != b.Description ||
		a.FeaturedImage != b.FeaturedImage || !a.PublishedAt.Equal(b.PublishedAt) ||
		!slices.Equal(tagNames(a.Tags), tagNames(b.Tags)) || !slices.Equal(authorNames(a.Bylines), authorNames(b.Bylines))
}
