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

// storyNotesPage is the data of templates/story_notes.html: a
// published story's corrections, clarifications and updates, oldest
// first, and the form that adds one.
type storyNotesPage struct {
	deskPage
	StoryID   int64
	Headline  string
	Status    news.Status
	PublicURL string // empty unless published
	Notes     []deskNote
	CanAdd    bool // the user may add a note and the story is published
	Kinds     []news.NoteKind
	Form      noteForm
	Error     formError
	TimeZone  string
}

// notesText is what the page of a story's notes says.
type notesText struct {
	Title, StoryN, Back, Heading, ReadersSee, Kind, Time, Note, By, NoneYet string // Title: %s, the headline; StoryN: %d
	Add, Text, TextHint, TimeHint, AddButton, OnlyPublished, Added          string // TimeHint: %s, the zone; OnlyPublished: %s, the status; Added: %s, the kind
	NoteKinds                                                               map[news.NoteKind]string
}

// deskNote is a stored note as the desk lists it.
type deskNote struct {
	Kind news.NoteKind
	At   string
	Text string
	By   string
}

// noteForm is the add form as typed.
type noteForm struct {
	Kind string
	Text string
	At   string // datetime-local in the edition's zone; empty means now
}

// storyNotes serves /desk/stories/{id}/notes.
func (s *Desk) storyNotes(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := storyedit.MayOpen(u, &x); err != nil {
		return err
	}
	p, err := s.notesPage(r, u, &x)
	if err != nil {
		return err
	}
	p.Form.Kind = string(news.NoteCorrection)
	return s.renderDesk(w, r, http.StatusOK, "story_notes", p)
}

// noteAdd adds the posted note, then shows the list again; a refused note
// comes back in its form with the problems beside the fields.
func (s *Desk) noteAdd(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := news.Authorize(u, news.ActAddNote, &x); err != nil {
		return err
	}
	f := noteForm{
		Kind: r.PostFormValue("kind"),
		Text: strings.TrimSpace(r.PostFormValue("text")),
		At:   strings.TrimSpace(r.PostFormValue("at")),
	}
	eds, err := s.site.Editions(r.Context())
	if err != nil {
		return err
	}
	ed, _ := news.FindEdition(eds, x.Edition)
	n := news.Note{StoryID: x.ID, Kind: news.NoteKind(f.Kind), Text: f.Text, AuthorID: u.ID}
	if f.At != "" {
		if n.At, err = storyedit.ParseLocalTime(f.At, s.location(ed)); err != nil {
			err = storyedit.FieldError("at", "must be a date and time such as 2026-03-01 09:30")
		}
	}
	if err == nil {
		_, err = s.store.AddNote(r.Context(), n)
	}
	if fe, ok := asFormError(err, s.deskWords(r, u)); ok {
		p, perr := s.notesPage(r, u, &x)
		if perr != nil {
			return perr
		}
		p.Form, p.Error = f, fe
		return s.renderDesk(w, r, respond.Status(err), "story_notes", p)
	}
	if err != nil {
		return err
	}
	t := s.deskWords(r, u).Notes
	s.sessions.Flash(r, upperFirst(fmt.Sprintf(t.Added, t.NoteKinds[news.NoteKind(f.Kind)])))
	return deskRedirect(w, r, "/desk/stories/"+strconv.FormatInt(x.ID, 10)+"/notes")
}

// notesPage builds the page of x's notes for u.
func (s *Desk) notesPage(r *http.Request, u news.User, x *news.Story) (*storyNotesPage, error) {
	dp, err := s.newDeskPage(r, u, "stories")
	if err != nil {
		return nil, err
	}
	dp.Title = fmt.Sprintf(dp.T.Notes.Title, x.Headline)
	ed, _ := news.FindEdition(dp.Editions, x.Edition)
	loc := s.location(ed)
	p := &storyNotesPage{
		deskPage: dp, StoryID: x.ID, Headline: x.Headline, Status: x.Status, Kinds: news.NoteKinds,
		CanAdd:   x.Status == news.StatusPublished && news.Can(u, news.ActAddNote, x),
		TimeZone: ed.TimeZone,
	}
	if x.Status == news.StatusPublished {
		p.PublicURL = ed.PathPrefix() + x.Path()
	}
	names := map[int64]string{}
	for _, n := range x.Notes {
		by, ok := names[n.AuthorID]
		if !ok && n.AuthorID != 0 {
			if a, err := s.store.User(r.Context(), n.AuthorID); err == nil {
				by = a.DisplayName()
			}
			names[n.AuthorID] = by
		}
		p.Notes = append(p.Notes, deskNote{Kind: n.Kind, At: dp.T.Time(n.At, loc), Text: n.Text, By: by})
	}
	return p, nil
}
