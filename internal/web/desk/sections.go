package desk

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/session"
	"newsdesk/internal/web/storyedit"
)

// deskSectionsPage is the data of templates/sections.html: an
// edition's sections with a form to create one and, on each row, forms to
// rename, move and delete it.
type deskSectionsPage struct {
	deskPage
	Edition  news.Edition
	Sections []news.SectionCount
	Create   manageForm
	Edit     manageForm // the row whose form was refused, as typed
	Error    string     // a refusal that belongs to no field
	SiteURL  string
}

// sectionsText is what the sections page says.
type sectionsText struct {
	Title, New, Name, AddressEmpty, PositionLast, Create, Intro, Position         string
	NameOf, AddressOf, PositionOf, DeleteConfirm, MoveFirst, None, Created, Saved string // %s: the name; Created then the address
	Moved, Deleted                                                                string // Moved: the old address, then the new
}

// manageForm is a section or tag form as typed, with its errors.
type manageForm struct {
	ID                         int64
	Name, Slug, Position, Into string
	Errors                     formError
}

// For returns the typed form when it belongs to row id, else nothing:
// the templates fill each row from it or from the stored values.
func (f manageForm) For(id int64) *manageForm {
	if f.ID == id && id != 0 {
		return &f
	}
	return nil
}

// deskSections serves GET /desk/sections?edition=.
func (s *Desk) deskSections(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.newSectionsPage(r, u, r.URL.Query().Get("edition"))
	if err != nil {
		return err
	}
	return s.renderSections(w, r, p, http.StatusOK)
}

// deskSectionCreate serves POST /desk/sections.
func (s *Desk) deskSectionCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.newSectionsPage(r, u, r.PostFormValue("edition"))
	if err != nil {
		return err
	}
	form := readManageForm(r, 0)
	sec := news.Section{Edition: p.Edition.Code, Name: form.Name, Slug: form.Slug}
	err = form.position(&sec.Position)
	if err == nil && form.Position == "" {
		sec.Position, err = s.nextPosition(r, p.Edition.Code)
	}
	if err == nil {
		err = s.store.CreateSection(r.Context(), &sec)
	}
	if err != nil {
		p.Create = form
		return s.refuseManage(w, r, p.T, err, &p.Create.Errors, &p.Error, func(status int) error { return s.renderSections(w, r, p, status) })
	}
	s.sessions.Flash(r, fmt.Sprintf(p.T.Sections.Created, sec.Name, p.Edition.PathPrefix()+"/"+sec.Slug+"/"))
	return deskRedirect(w, r, sectionsURL(p.Edition.Code))
}

// deskSectionUpdate serves POST /desk/sections/{id}: rename or move. A new
// slug leaves the old one redirecting to it.
func (s *Desk) deskSectionUpdate(w http.ResponseWriter, r *http.Request, u news.User) error {
	sec, p, err := s.sectionAndPage(r, u)
	if err != nil {
		return err
	}
	form := readManageForm(r, sec.ID)
	old := sec
	sec.Name, sec.Slug = form.Name, form.Slug
	err = form.position(&sec.Position)
	if err == nil && form.Position == "" {
		sec.Position = old.Position
	}
	if err == nil {
		err = s.store.UpdateSection(r.Context(), &sec)
	}
	if err != nil {
		p.Edit = form
		return s.refuseManage(w, r, p.T, err, &p.Edit.Errors, &p.Error, func(status int) error { return s.renderSections(w, r, p, status) })
	}
	msg := fmt.Sprintf(p.T.Sections.Saved, sec.Name)
	if sec.Slug != old.Slug {
		msg += " " + fmt.Sprintf(p.T.Sections.Moved, p.Edition.PathPrefix()+"/"+old.Slug+"/", p.Edition.PathPrefix()+"/"+sec.Slug+"/")
	}
	s.sessions.Flash(r, msg)
	return deskRedirect(w, r, sectionsURL(p.Edition.Code))
}

// deskSectionDelete serves POST /desk/sections/{id}/delete: only a
// section without stories goes.
func (s *Desk) deskSectionDelete(w http.ResponseWriter, r *http.Request, u news.User) error {
	sec, p, err := s.sectionAndPage(r, u)
	if err != nil {
		return err
	}
	if err := s.store.DeleteSection(r.Context(), sec.ID); err != nil {
		p.Edit.ID = sec.ID
		return s.refuseManage(w, r, p.T, err, &p.Edit.Errors, &p.Error, func(status int) error { return s.renderSections(w, r, p, status) })
	}
	s.sessions.Flash(r, fmt.Sprintf(p.T.Sections.Deleted, sec.Name))
	return deskRedirect(w, r, sectionsURL(p.Edition.Code))
}

// sectionAndPage reads the section named in the path and starts the page
// of its edition.
func (s *Desk) sectionAndPage(r *http.Request, u news.User) (news.Section, *deskSectionsPage, error) {
	if err := news.Authorize(u, news.ActManageSections, nil); err != nil {
		return news.Section{}, nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return news.Section{}, nil, errNotFound
	}
	sec, err := s.store.Section(r.Context(), id)
	if err != nil {
		return news.Section{}, nil, err
	}
	p, err := s.newSectionsPage(r, u, sec.Edition)
	return sec, p, err
}

func (s *Desk) newSectionsPage(r *http.Request, u news.User, code string) (*deskSectionsPage, error) {
	if err := news.Authorize(u, news.ActManageSections, nil); err != nil {
		return nil, err
	}
	dp, err := s.newDeskPage(r, u, "sections")
	if err != nil {
		return nil, err
	}
	dp.Title = dp.T.Sections.Title
	ed, ok := news.FindEdition(dp.Editions, code)
	if !ok {
		return nil, news.Errorf(news.ErrNotFound, "there is no edition %q", code)
	}
	return &deskSectionsPage{deskPage: dp, Edition: ed, SiteURL: ed.PathPrefix()}, nil
}

func (s *Desk) renderSections(w http.ResponseWriter, r *http.Request, p *deskSectionsPage, status int) error {
	var err error
	if p.Sections, err = s.store.SectionCounts(r.Context(), p.Edition.Code); err != nil {
		return err
	}
	return s.renderDesk(w, r, status, "sections", p)
}

// nextPosition is the position after the edition's last section.
func (s *Desk) nextPosition(r *http.Request, edition string) (int, error) {
	secs, err := s.store.SectionCounts(r.Context(), edition)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, sec := range secs {
		n = max(n, sec.Position)
	}
	return n + 1, nil
}

func sectionsURL(edition string) string { return "/desk/sections?edition=" + url.QueryEscape(edition) }

// readManageForm reads a section or tag form; an empty slug is made from
// the name by the store.
func readManageForm(r *http.Request, id int64) manageForm {
	return manageForm{
		ID:       id,
		Name:     strings.TrimSpace(r.PostFormValue("name")),
		Slug:     strings.TrimSpace(r.PostFormValue("slug")),
		Position: strings.TrimSpace(r.PostFormValue("position")),
		Into:     strings.TrimSpace(r.PostFormValue("into")),
	}
}

// position reads the typed position into pos, leaving it when empty.
func (f manageForm) position(pos *int) error {
	if f.Position == "" {
		return nil
	}
	n, err := strconv.Atoi(f.Position)
	if err != nil || n < 0 || n > 10000 {
		return storyedit.FieldError("position", "must be a whole number from 0 to 10000")
	}
	*pos = n
	return nil
}

// refuseManage shows a section or tag page again after a refused form:
// field errors beside the fields of the form at fault (errs), anything
// else above the list (msg). Other errors go to the desk's error page.
func (s *Desk) refuseManage(w http.ResponseWriter, r *http.Request, t *deskText, err error, errs *formError, msg *string, render func(status int) error) error {
	fe, ok := asFormError(err, t)
	if !ok {
		return err
	}
	if len(fe.Fields) > 0 {
		*errs = fe
	} else {
		*msg = fe.Message
	}
	return render(session.Status(err))
}

// formField is one input of a desk row form, for the "field" template.
type formField struct {
	F, N, V, L, E string // form id, name, value, label, error
	Show          bool   // the label is shown; else only screen readers read it
}

// fieldOf builds a formField in a template.
func fieldOf(form, name, value, label, err string, show bool) formField {
	return formField{F: form, N: name, V: value, L: label, E: err, Show: show}
}
