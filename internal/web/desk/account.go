package desk

import (
	"fmt"
	"html/template"
	"net/http"
	"slices"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// accountPage is the data of templates/account.html.
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
func (s *Desk) deskAccount(w http.ResponseWriter, r *http.Request, u news.User) error {
	return s.renderAccount(w, r, u, http.StatusOK, func(*accountPage) {})
}

func (s *Desk) renderAccount(w http.ResponseWriter, r *http.Request, u news.User, status int, fill func(*accountPage)) error {
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
func (s *Desk) deskLanguages(dp deskPage, chosen string) []option {
	ed, _ := news.FindEdition(dp.Editions, "")
	def := s.desk.For(ed.Language).LanguageName
	opts := []option{{Value: "", Label: fmt.Sprintf(dp.T.Account.DefaultLanguage, def), Selected: chosen == ""}}
	for _, lang := range s.words.Languages() {
		opts = append(opts, option{Value: lang, Label: s.desk.For(lang).LanguageName, Selected: chosen == lang})
	}
	return opts
}

// deskAccountSave saves the user's own name and the language of their
// desk, which must be one the catalogs have; a form without a language
// keeps the one chosen.
func (s *Desk) deskAccountSave(w http.ResponseWriter, r *http.Request, u news.User) error {
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
		return s.renderAccount(w, r, u, respond.Status(err), func(p *accountPage) {
			p.Name, p.NameForm = name, ferr
			p.Languages = s.deskLanguages(p.deskPage, edited.Language)
		})
	}
	t := s.deskWords(r, edited)
	if edited.Language != u.Language {
		s.sessions.Flash(r, fmt.Sprintf(t.Account.LanguageSaved, t.LanguageName))
	} else {
		s.sessions.Flash(r, t.Account.NameSaved)
	}
	return deskRedirect(w, r, "/desk/account")
}

// checkDeskLanguage refuses a language the desk is not written in.
func (s *Desk) checkDeskLanguage(lang string) error {
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
func (s *Desk) deskAccountPassword(w http.ResponseWriter, r *http.Request, u news.User) error {
	err := s.sessions.ChangePassword(r, u, r.PostFormValue("current"), r.PostFormValue("password"), r.PostFormValue("confirm"))
	if ferr, ok := asFormError(err, s.deskWords(r, u)); ok {
		return s.renderAccount(w, r, u, http.StatusBadRequest, func(p *accountPage) { p.PasswordForm = ferr })
	}
	if err != nil {
		return err
	}
	s.sessions.Flash(r, s.deskWords(r, u).Account.PasswordChanged)
	return deskRedirect(w, r, "/desk/account")
}

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}
