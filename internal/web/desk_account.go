package web

import (
	"fmt"
	"html/template"
	"net/http"
	"slices"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
)

// accountPage is the data of templates/desk/account.html.
type accountPage struct {
	deskPage
	Name         string
	Languages    []option // the desk's languages, the user's chosen
	NameForm     formError
	PasswordForm formError
}

// deskAccountText is what the desk's account page says.
type deskAccountText struct {
	Profile, Role, Name, Language, LanguageHint, SaveProfile string
	DefaultLanguage                                          string        // %s: the default edition's language
	TokensText                                               template.HTML // links the tokens page
	Current, This, PasswordHint, Repeat, ChangePassword      string
	Devices, DevicesText, SignOutConfirm, SignOutEverywhere  string
	NameSaved, LanguageSaved, PasswordChanged                string
}

// deskAccount shows the signed-in user's own account: name, password,
// and signing out on every device.
func (s *Server) deskAccount(w http.ResponseWriter, r *http.Request, u news.User) error {
	return s.renderAccount(w, r, u, http.StatusOK, func(*accountPage) {})
}

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, u news.User, status int, fill func(*accountPage)) error {
	dp, err := s.newDeskPage(r, u, "account")
	if err != nil {
		return err
	}
	dp.Title = dp.T.YourAccount
	p := &accountPage{deskPage: dp, Name: u.Name, Languages: s.deskLanguages(dp, u.Language)}
	fill(p)
	return s.renderDesk(w, r, status, "account", p)
}

// deskLanguages lists the languages the desk is written in, each named in
// itself, after the choice of following the default edition's; chosen is
// selected.
func (s *Server) deskLanguages(dp deskPage, chosen string) []option {
	ed, _ := findEdition(dp.Editions, "")
	def := s.desk.forLang(ed.Language).LanguageName
	opts := []option{{Value: "", Label: fmt.Sprintf(dp.T.Account.DefaultLanguage, def), Selected: chosen == ""}}
	for _, lang := range s.words.Languages() {
		opts = append(opts, option{Value: lang, Label: s.desk.forLang(lang).LanguageName, Selected: chosen == lang})
	}
	return opts
}

// deskAccountSave saves the user's own name and the language of their
// desk, which must be one the catalogs have; a form without a language
// keeps the one chosen.
func (s *Server) deskAccountSave(w http.ResponseWriter, r *http.Request, u news.User) error {
	name := r.PostFormValue("name")
	edited := u
	edited.Name = name
	if _, sent := r.PostForm["language"]; sent {
		edited.Language = r.PostFormValue("language")
	}
	err := s.checkDeskLanguage(edited.Language)
	if err == nil {
		_, err = s.store.UpdateUser(r.Context(), edited)
	}
	if err != nil {
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderAccount(w, r, u, statusOf(err), func(p *accountPage) {
			p.Name, p.NameForm = name, ferr
			p.Languages = s.deskLanguages(p.deskPage, edited.Language)
		})
	}
	t := s.deskWords(r, edited)
	if edited.Language != u.Language {
		s.flash(r, fmt.Sprintf(t.Account.LanguageSaved, t.LanguageName))
	} else {
		s.flash(r, t.Account.NameSaved)
	}
	return deskRedirect(w, r, "/desk/account")
}

// checkDeskLanguage refuses a language the desk is not written in.
func (s *Server) checkDeskLanguage(lang string) error {
	if lang == "" || slices.Contains(s.words.Languages(), lang) {
		return nil
	}
	v := news.ValidationErrors{}
	v.Add("language", "is not a language the desk is written in")
	return v.Err("user")
}

// deskAccountPassword changes the user's password after checking the
// current one, then signs the user out everywhere else: whoever knew the
// old password is out.
func (s *Server) deskAccountPassword(w http.ResponseWriter, r *http.Request, u news.User) error {
	err := s.changePassword(r, u, r.PostFormValue("current"), r.PostFormValue("password"), r.PostFormValue("confirm"))
	if ferr, ok := asFormError(err, s.deskWords(r, u)); ok {
		return s.renderAccount(w, r, u, http.StatusBadRequest, func(p *accountPage) { p.PasswordForm = ferr })
	}
	if err != nil {
		return err
	}
	s.flash(r, s.deskWords(r, u).Account.PasswordChanged)
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
