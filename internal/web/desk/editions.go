package desk

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// editionsPage is the data of templates/editions.html.
type editionsPage struct {
	deskPage
	List []editionForm
	New  editionForm
	// Zones are suggestions for the time zone field; any IANA zone works.
	Zones []string
}

// editionForm is one edition's form as typed, with its problems.
type editionForm struct {
	news.Edition
	T       *deskText
	ID      string // prefix of the form's element ids: the code, or "new"
	Example string // now, in the edition's date format and zone
	Form    formError
}

// editionsText is what the editions page says.
type editionsText struct {
	Title, Intro, Default, SaveEdition, ViewHome, New, Code, CodeHint, Create string // SaveEdition: %s, the name
	Name, Language, LanguageHint, TimeZone, DateFormat, DateFormatHint, Now   string
	DefaultCheck, TheDefault, Created, Saved                                  string // Created: name, then path; Saved: name
}

// commonZones are offered in the time zone field: the zones newsrooms
// most often publish in. Any other IANA name may be typed.
var commonZones = []string{
	"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
	"Europe/Rome", "Europe/Warsaw", "Europe/Kyiv", "Europe/Moscow", "Europe/Istanbul", "Asia/Dubai", "Asia/Kolkata",
	"Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "Africa/Lagos", "Africa/Nairobi", "America/New_York",
	"America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "America/Mexico_City",
}

// deskEditions lists the editions, each with its form, and a form for a
// new one. Admins only.
func (s *Desk) deskEditions(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageEditions, nil); err != nil {
		return err
	}
	return s.renderEditions(w, r, u, http.StatusOK, func(*editionsPage) {})
}

func (s *Desk) renderEditions(w http.ResponseWriter, r *http.Request, u news.User, status int, fill func(*editionsPage)) error {
	dp, err := s.newDeskPage(r, u, "editions")
	if err != nil {
		return err
	}
	dp.Title = dp.T.Editions.Title
	p := &editionsPage{deskPage: dp, Zones: commonZones}
	for _, ed := range dp.Editions {
		p.List = append(p.List, editionForm{Edition: ed, ID: ed.Code, Example: s.exampleDate(ed)})
	}
	p.New = editionForm{Edition: news.Edition{TimeZone: "UTC", DateFormat: "2 Jan 2006, 15:04"}, ID: "new"}
	fill(p)
	for i := range p.List {
		p.List[i].T = dp.T
	}
	p.New.T = dp.T
	return s.renderDesk(w, r, status, "editions", p)
}

// exampleDate shows the edition's date format on the current time, in its
// language as the site writes it, or "" when the format or zone is
// unusable.
func (s *Desk) exampleDate(ed news.Edition) string {
	loc, err := time.LoadLocation(ed.TimeZone)
	if err != nil || ed.DateFormat == "" {
		return ""
	}
	return s.words.Lang(ed.Language).Date(time.Now().In(loc), ed.DateFormat)
}

// readEditionForm reads an edition's fields from the posted form.
func readEditionForm(r *http.Request, code string) news.Edition {
	get := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	return news.Edition{
		Code: code, Name: get("name"), Language: get("language"), TimeZone: get("time_zone"),
		DateFormat: get("date_format"), Default: r.PostFormValue("default") == "1",
	}
}

// deskEditionCreate adds an edition; its code cannot be changed later, as
// it is in the address of every page of the edition.
func (s *Desk) deskEditionCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageEditions, nil); err != nil {
		return err
	}
	ed := readEditionForm(r, strings.ToLower(strings.TrimSpace(r.PostFormValue("code"))))
	_, err := s.store.Edition(r.Context(), ed.Code)
	switch {
	case err == nil:
		err = &news.Error{Code: news.ErrConflict, Message: "edition " + ed.Code + " exists already",
			Fields: map[string]string{"code": "is taken by another edition"}}
	case errors.Is(err, news.ErrNotFound) || ed.Code == "":
		err = s.store.SaveEdition(r.Context(), ed)
	}
	if err != nil {
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderEditions(w, r, u, respond.Status(err), func(p *editionsPage) {
			p.New = editionForm{Edition: ed, ID: "new", Form: ferr}
		})
	}
	s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Editions.Created, ed.Name, ed.PathPrefix()+"/"))
	return deskRedirect(w, r, "/desk/editions")
}

// deskEditionSave changes an edition's name, language, zone, date format
// or default flag. The default edition stays the default until another
// one is made the default, so the site always has a home at "/".
func (s *Desk) deskEditionSave(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageEditions, nil); err != nil {
		return err
	}
	old, err := s.store.Edition(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	ed := readEditionForm(r, old.Code)
	if old.Default && !ed.Default {
		err = &news.Error{Code: news.ErrInvalid, Message: "the site needs a default edition",
			Fields: map[string]string{"default": "stays until you make another edition the default"}}
	} else {
		err = s.store.SaveEdition(r.Context(), ed)
	}
	if err != nil {
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderEditions(w, r, u, respond.Status(err), func(p *editionsPage) {
			for i := range p.List {
				if p.List[i].Code == ed.Code {
					p.List[i] = editionForm{Edition: ed, ID: ed.Code, Example: s.exampleDate(ed), Form: ferr}
				}
			}
		})
	}
	s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Editions.Saved, ed.Name))
	return deskRedirect(w, r, "/desk/editions")
}
