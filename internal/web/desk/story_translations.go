package desk

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/storyedit"
)

// storyTranslationsPage is the data of templates/story_translations.html:
// a story's versions in other editions, and the forms that start, link and
// unlink them.
type storyTranslationsPage struct {
	deskPage
	StoryID      int64
	Headline     string
	Edition      news.Edition
	Translations []deskTranslation
	// Missing are the editions the story has no version in: one can be
	// started there, or an existing story linked.
	Missing []news.Edition
	CanLink bool
	CanNew  bool
	Error   formError
	Other   string // the link form as typed
}

// translationsText is what the page of a story's translations says.
type translationsText struct {
	Title, StoryN, Heading, Versions, Headline, SwitchLeads, UnlinkConfirm, Unlink string // Title: %s, the headline; StoryN: %d
	NoneYet, Start, StartIntro, StartButton, Link, StoryRef, StoryRefHint          string
	TheStory, LinkButton, Started, Linked, Unlinked                                string
}

// deskTranslation is a translation as the desk lists it.
type deskTranslation struct {
	news.Translation
	EditionName string
	PublicURL   string // empty unless published
	CanOpen     bool
}

// storyTranslations serves /desk/stories/{id}/translations.
func (s *Desk) storyTranslations(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := storyedit.MayOpen(u, &x); err != nil {
		return err
	}
	p, err := s.translationsPage(r, u, &x)
	if err != nil {
		return err
	}
	return s.renderDesk(w, r, http.StatusOK, "story_translations", p)
}

// storyTranslate starts a translation, links a story as one, or unlinks
// the story from its translations, as the posted action says.
func (s *Desk) storyTranslate(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	back := "/desk/stories/" + strconv.FormatInt(x.ID, 10) + "/translations"
	other := strings.TrimSpace(r.PostFormValue("other"))
	switch r.PostFormValue("action") {
	case "start":
		if err := storyedit.MayOpen(u, &x); err != nil {
			return err
		}
		if err := news.Authorize(u, news.ActCreateStory, nil); err != nil {
			return err
		}
		draft, err := s.store.StartTranslation(r.Context(), x.ID, r.PostFormValue("edition"), u.ID)
		if err != nil {
			return s.translationFormError(w, r, u, &x, other, err)
		}
		s.sessions.Flash(r, s.deskWords(r, u).Translations.Started)
		return deskRedirect(w, r, "/desk/stories/"+strconv.FormatInt(draft.ID, 10))
	case "link":
		if err := news.Authorize(u, news.ActEditStory, &x); err != nil {
			return err
		}
		id, ok := storyIDIn(other)
		if !ok {
			return s.translationFormError(w, r, u, &x, other, storyedit.FieldError("other", "must be a story's number or address"))
		}
		y, err := s.store.Story(r.Context(), id)
		if err != nil {
			return s.translationFormError(w, r, u, &x, other, storyedit.FieldError("other", "names no story"))
		}
		if err := news.Authorize(u, news.ActEditStory, &y); err != nil {
			return err
		}
		if err := s.store.LinkTranslations(r.Context(), x.ID, y.ID); err != nil {
			return s.translationFormError(w, r, u, &x, other, err)
		}
		s.sessions.Flash(r, s.deskWords(r, u).Translations.Linked)
	case "unlink":
		if err := news.Authorize(u, news.ActEditStory, &x); err != nil {
			return err
		}
		if err := s.store.UnlinkTranslation(r.Context(), x.ID); err != nil {
			return err
		}
		s.sessions.Flash(r, s.deskWords(r, u).Translations.Unlinked)
	default:
		return news.Errorf(news.ErrInvalid, "unknown action")
	}
	return deskRedirect(w, r, back)
}

// translationFormError shows the page again with the refusal beside the
// forms, or returns err when it is not a form's problem.
func (s *Desk) translationFormError(w http.ResponseWriter, r *http.Request, u news.User, x *news.Story, other string, err error) error {
	fe, ok := asFormError(err, s.deskWords(r, u))
	if !ok {
		return err
	}
	p, perr := s.translationsPage(r, u, x)
	if perr != nil {
		return perr
	}
	p.Error, p.Other = fe, other
	return s.renderDesk(w, r, respond.Status(err), "story_translations", p)
}

// storyIDIn reads a story's number from itself or from a story's address,
// public ("/ru/mir/12-slug") or on the desk ("/desk/stories/12").
func storyIDIn(s string) (int64, bool) {
	if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
		return id, true
	}
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
		if j := strings.IndexByte(s, '/'); j >= 0 {
			s = s[j:]
		}
	}
	s, _, _ = strings.Cut(s, "?")
	parts := strings.Split(strings.Trim(s, "/"), "/")
	last := parts[len(parts)-1]
	if len(parts) == 3 && parts[0] == "desk" && parts[1] == "stories" {
		id, err := strconv.ParseInt(last, 10, 64)
		return id, err == nil && id > 0
	}
	if len(parts) < 2 {
		return 0, false
	}
	return parseStorySegment(last)
}

// translationsPage builds the page of x's translations for u.
func (s *Desk) translationsPage(r *http.Request, u news.User, x *news.Story) (*storyTranslationsPage, error) {
	dp, err := s.newDeskPage(r, u, "stories")
	if err != nil {
		return nil, err
	}
	dp.Title = fmt.Sprintf(dp.T.Translations.Title, x.Headline)
	ed, _ := news.FindEdition(dp.Editions, x.Edition)
	p := &storyTranslationsPage{
		deskPage: dp, StoryID: x.ID, Headline: x.Headline, Edition: ed,
		CanLink: news.Can(u, news.ActEditStory, x),
		CanNew:  news.Can(u, news.ActCreateStory, nil),
	}
	for _, e := range dp.Editions {
		if e.Code == x.Edition {
			continue
		}
		t, ok := x.TranslationIn(e.Code)
		if !ok {
			p.Missing = append(p.Missing, e)
			continue
		}
		dt := deskTranslation{Translation: t, EditionName: e.Name}
		if t.Status == news.StatusPublished {
			dt.PublicURL = e.PathPrefix() + t.Path()
		}
		if y, err := s.store.Story(r.Context(), t.ID); err == nil {
			dt.CanOpen = storyedit.MayOpen(u, &y) == nil
		}
		p.Translations = append(p.Translations, dt)
	}
	return p, nil
}
