package web

import (
	"errors"
	"fmt"
	"net/http"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/session"
)

// accountSettings shows the signed-in reader's account: the address,
// a link to the bookmarks, signing out, and forms to change the address
// and the password and to delete the account.
func (s *Server) accountSettings(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	p := s.settingsPage(r, q)
	return s.renderPrivate(w, r, http.StatusOK, "account", p)
}

func (s *Server) settingsPage(r *http.Request, q *accountReq) *readerPage {
	p := q.page(r, "settings", q.a.SettingsTitle)
	p.Notice = s.sessions.PopString(r.Context(), session.KeyFlash)
	return p
}

// checkCurrent checks the signed-in reader's password for a change to the
// account, throttled as sign-ins are, and answers the form when it is
// wrong or throttled (done true).
func (s *Server) checkCurrent(w http.ResponseWriter, r *http.Request, q *accountReq, p *readerPage, field string) (done bool, err error) {
	_, ok, wait, err := s.sessions.CheckSignIn(r, q.u.Email, r.PostFormValue(field))
	switch {
	case err != nil:
		return true, err
	case wait > 0:
		return true, s.refuse(w, r, p, http.StatusTooManyRequests, "", q.a.tooMany(session.RetryAfter(w, wait)))
	case !ok:
		return true, s.refuse(w, r, p, http.StatusBadRequest, field, q.a.WrongCurrent)
	}
	return false, nil
}

// accountEmail mails a link to a new address; the account moves there
// when the link is followed, so a typo cannot lock the reader out. An
// address that has an account already gets a note instead, and the
// answer is the same.
func (s *Server) accountEmail(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	if q.u.Role.Staff() {
		return news.Errorf(news.ErrForbidden, "staff accounts change their address on the desk")
	}
	email := news.NormalizeEmail(r.PostFormValue("email"))
	p := s.settingsPage(r, q)
	p.Email = email
	if msg := q.checkEmail(email); msg != "" || email == q.u.Email {
		return s.refuse(w, r, p, http.StatusBadRequest, "email", q.a.BadEmail)
	}
	if done, err := s.checkCurrent(w, r, q, p, "email_password"); done {
		return err
	}
	if wait, err := s.mailWait(r, "email", email); err != nil {
		return err
	} else if wait > 0 {
		return s.refuse(w, r, p, http.StatusTooManyRequests, "", q.a.tooMany(session.RetryAfter(w, wait)))
	}
	_, err := s.store.UserByEmail(r.Context(), email)
	switch {
	case err == nil:
		err = s.sendMail(r, q, email, q.a.MailExistsSubject, q.a.MailExists,
			s.abs(r, q.url("/account/signin")), s.abs(r, q.url("/account/reset")))
	case errors.Is(err, news.ErrNotFound):
		var raw string
		if raw, err = s.store.CreateTokenData(r.Context(), q.u.ID, store.TokenEmail, email, emailLinkTTL); err != nil {
			return err
		}
		err = s.sendMail(r, q, email, q.a.MailEmailSubject, q.a.MailEmail, email, s.abs(r, q.url("/account/email/"+raw)))
	}
	if err != nil {
		return err
	}
	s.sessions.Flash(r, fmt.Sprintf(q.a.EmailSent, email))
	return seeOther(w, r, q.url("/account/"))
}

// accountEmailLinkForm shows the page of a link to a new address.
func (s *Server) accountEmailLinkForm(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	token := r.PathValue("token")
	_, email, err := s.store.TokenData(r.Context(), token, store.TokenEmail)
	if err != nil {
		return err
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	p := q.page(r, "link", q.a.EmailLinkTitle)
	p.Intro, p.Button, p.Action = email, q.a.EmailLinkButton, "/account/email/"+token
	return s.renderPrivate(w, r, http.StatusOK, "account", p)
}

// accountEmailLink moves the account to the address the link was mailed
// to. It needs no session: the link itself proves the new address, and
// its owner signed in with the password to ask for it.
func (s *Server) accountEmailLink(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	w.Header().Set("Referrer-Policy", "no-referrer")
	u, email, err := s.store.UseTokenData(r.Context(), r.PathValue("token"), store.TokenEmail)
	if err != nil {
		return err
	}
	u.Email = email
	if _, err := s.store.UpdateUser(r.Context(), u); err != nil {
		return err
	}
	if q.signedIn() && q.u.ID == u.ID {
		s.sessions.Flash(r, fmt.Sprintf(q.a.EmailChanged, email))
		return seeOther(w, r, q.url("/account/"))
	}
	return seeOther(w, r, q.url("/account/signin", "next", q.url("/account/")))
}

// accountPassword changes the password (changePassword: other devices are
// signed out).
func (s *Server) accountPassword(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	pw, confirm := r.PostFormValue("password"), r.PostFormValue("confirm")
	p := s.settingsPage(r, q)
	if done, err := s.checkCurrent(w, r, q, p, "current"); done {
		return err
	}
	if msg := q.checkNewPassword(pw); msg != "" {
		return s.refuse(w, r, p, http.StatusBadRequest, "password", msg)
	}
	if pw != confirm {
		return s.refuse(w, r, p, http.StatusBadRequest, "confirm", q.a.Mismatch)
	}
	if err := s.sessions.ChangePassword(r, q.u, r.PostFormValue("current"), pw, confirm); err != nil {
		return err
	}
	s.sessions.Flash(r, q.a.PasswordChanged)
	return seeOther(w, r, q.url("/account/"))
}

// accountDelete deletes the reader's account and bookmarks, after the
// password, and signs out.
func (s *Server) accountDelete(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	if q.u.Role.Staff() {
		return news.Errorf(news.ErrForbidden, "staff accounts are deleted by an admin on the desk")
	}
	if done, err := s.checkCurrent(w, r, q, s.settingsPage(r, q), "delete_password"); done {
		return err
	}
	if err := s.store.DeleteReader(r.Context(), q.u.ID); err != nil {
		return err
	}
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	session.ClearReaderHint(w, s.secure(r))
	return seeOther(w, r, q.url("/account/signin", "done", "deleted"))
}
