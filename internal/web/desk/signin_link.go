package desk

import (
	"fmt"
	"net/http"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/session"
)

// signInLinkPage is the data of templates/signin_link.html: the page
// a one-time link opens, asking its holder to choose a password.
type signInLinkPage struct {
	deskPage
	Person news.User
	Token  string
	Form   formError
}

// deskSignInLinkForm shows the page of a one-time sign-in link without
// using the link: mail scanners and chat previews fetch links with GET,
// and must not burn them.
func (s *Desk) deskSignInLinkForm(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	u, err := s.store.TokenUser(r.Context(), token, store.TokenSignIn)
	if err != nil {
		return err
	}
	// The token is in the URL: keep it out of Referer headers of links
	// followed from this page.
	w.Header().Set("Referrer-Policy", "no-referrer")
	t := s.deskWords(r, u)
	p := &signInLinkPage{deskPage: deskPage{T: t, Title: t.SignIn.LinkTitle}, Person: u, Token: token}
	return s.renderDesk(w, r, http.StatusOK, "signin_link", p)
}

// deskSignInLink uses a one-time link: it sets the password chosen and
// signs the holder in. The link works once, whoever is first.
func (s *Desk) deskSignInLink(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	token := r.PathValue("token")
	w.Header().Set("Referrer-Policy", "no-referrer")
	pw, confirm := r.PostFormValue("password"), r.PostFormValue("confirm")
	// Check the password before using the link, so a typo does not cost
	// the link.
	u, err := s.store.TokenUser(ctx, token, store.TokenSignIn)
	if err != nil {
		return err
	}
	t := s.deskWords(r, u)
	p := &signInLinkPage{deskPage: deskPage{T: t, Title: t.SignIn.LinkTitle}, Person: u, Token: token}
	if ferr := session.PasswordError(pw, confirm); ferr != nil {
		p.Form, _ = asFormError(ferr, t)
		return s.renderDesk(w, r, http.StatusBadRequest, "signin_link", p)
	}
	hash, err := auth.HashPassword(pw, auth.DefaultParams)
	if err != nil {
		return err
	}
	if u, err = s.store.UseToken(ctx, token, store.TokenSignIn); err != nil {
		return err
	}
	if u.Disabled || !u.Role.Staff() {
		return news.Errorf(news.ErrForbidden, "this account has no access to the desk")
	}
	if err := s.store.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	if err := s.sessions.Start(r, u); err != nil {
		return err
	}
	s.sessions.Flash(r, fmt.Sprintf(t.SignIn.Done, u.DisplayName()))
	return deskRedirect(w, r, "/desk/")
}
