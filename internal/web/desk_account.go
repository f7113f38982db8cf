package web

import (
	"net/http"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
)

// accountPage is the data of templates/desk/account.html.
type accountPage struct {
	deskPage
	Name         string
	NameForm     formError
	PasswordForm formError
}

// deskAccount shows the signed-in user's own account: name, password,
// and signing out on every device.
func (s *Server) deskAccount(w http.ResponseWriter, r *http.Request, u news.User) error {
	return s.renderAccount(w, r, u, http.StatusOK, func(*accountPage) {})
}

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, u news.User, status int, fill func(*accountPage)) error {
	dp, err := s.newDeskPage(r, u, "Your account", "account")
	if err != nil {
		return err
	}
	p := &accountPage{deskPage: dp, Name: u.Name}
	fill(p)
	return s.renderDesk(w, r, status, "account", p)
}

// deskAccountSave saves the user's own name.
func (s *Server) deskAccountSave(w http.ResponseWriter, r *http.Request, u news.User) error {
	name := r.PostFormValue("name")
	edited := u
	edited.Name = name
	if _, err := s.store.UpdateUser(r.Context(), edited); err != nil {
		ferr, ok := asFormError(err)
		if !ok {
			return err
		}
		return s.renderAccount(w, r, u, statusOf(err), func(p *accountPage) { p.Name, p.NameForm = name, ferr })
	}
	s.flash(r, "Your name is saved.")
	return deskRedirect(w, r, "/desk/account")
}

// deskAccountPassword changes the user's password after checking the
// current one, then signs the user out everywhere else: whoever knew the
// old password is out.
func (s *Server) deskAccountPassword(w http.ResponseWriter, r *http.Request, u news.User) error {
	err := s.changePassword(r, u, r.PostFormValue("current"), r.PostFormValue("password"), r.PostFormValue("confirm"))
	if ferr, ok := asFormError(err); ok {
		return s.renderAccount(w, r, u, http.StatusBadRequest, func(p *accountPage) { p.PasswordForm = ferr })
	}
	if err != nil {
		return err
	}
	s.flash(r, "Your password is changed. Other devices are signed out.")
	return deskRedirect(w, r, "/desk/account")
}

// changePassword sets u's new password after checking the current one,
// then ends every other session of u and renews this one. A wrong current
// password or a refused new one is an ErrInvalid naming the field.
func (s *Server) changePassword(r *http.Request, u news.User, current, pw, confirm string) error {
	ctx := r.Context()
	if u.PasswordHash != "" {
		ok, err := auth.CheckPassword(u.PasswordHash, current)
		if err != nil {
			return err
		}
		if !ok {
			return &news.Error{Code: news.ErrInvalid, Message: "the current password is wrong",
				Fields: map[string]string{"current": "is not your current password"}}
		}
	}
	if err := passwordError(pw, confirm); err != nil {
		return err
	}
	hash, err := auth.HashPassword(pw, auth.DefaultParams)
	if err != nil {
		return err
	}
	if err := s.store.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	if u, err = s.store.EndSessions(ctx, u.ID); err != nil {
		return err
	}
	return s.startSession(r, u)
}
