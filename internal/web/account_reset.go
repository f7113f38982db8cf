package web

import (
	"errors"
	"net/http"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/session"
)

// accountResetForm asks for the address of a forgotten password.
func (s *Server) accountResetForm(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	return s.renderPrivate(w, r, http.StatusOK, "account", q.page(r, "reset", q.a.ResetTitle))
}

// accountReset mails a link that sets a new password. The answer is the
// same whether or not the address has an account: an address without one
// is mailed that it has none, with a link to sign up. Requests are
// throttled per address and client.
func (s *Server) accountReset(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	email := news.NormalizeEmail(r.PostFormValue("email"))
	p := q.page(r, "reset", q.a.ResetTitle)
	p.Email = email
	if msg := q.checkEmail(email); msg != "" {
		return s.refuse(w, r, p, http.StatusBadRequest, "email", msg)
	}
	if wait, err := s.mailWait(r, "reset", email); err != nil {
		return err
	} else if wait > 0 {
		return s.refuse(w, r, p, http.StatusTooManyRequests, "", q.a.tooMany(session.RetryAfter(w, wait)))
	}
	u, err := s.store.UserByEmail(r.Context(), email)
	switch {
	case errors.Is(err, news.ErrNotFound) || err == nil && u.Disabled:
		err = s.sendMail(r, q, email, q.a.MailNoAccountSubject, q.a.MailNoAccount, s.abs(r, q.url("/account/signup")))
	case err != nil:
		return err
	default:
		var raw string
		if raw, err = s.store.CreateToken(r.Context(), u.ID, store.TokenReset, resetLinkTTL); err != nil {
			return err
		}
		err = s.sendMail(r, q, email, q.a.MailResetSubject, q.a.MailReset, s.abs(r, q.url("/account/reset/"+raw)))
	}
	if err != nil {
		return err
	}
	return s.renderSent(w, r, q, email)
}

// resetLinkPage is the form of a reset link.
func (q *accountReq) resetLinkPage(r *http.Request, token string) *readerPage {
	p := q.page(r, "link", q.a.NewPasswordTitle)
	p.NewPassword, p.Button, p.Action = true, q.a.SavePassword, "/account/reset/"+token
	return p
}

// accountResetLinkForm shows the form of a reset link without using it.
func (s *Server) accountResetLinkForm(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	token := r.PathValue("token")
	if _, err := s.store.TokenUser(r.Context(), token, store.TokenReset); err != nil {
		return err
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	return s.renderPrivate(w, r, http.StatusOK, "account", q.resetLinkPage(r, token))
}

// accountResetLink uses a reset link: the new password is set, every
// other session ends, and the reader is signed in here. Following the
// link also proves the address, so an unconfirmed account is confirmed.
func (s *Server) accountResetLink(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	ctx := r.Context()
	token := r.PathValue("token")
	w.Header().Set("Referrer-Policy", "no-referrer")
	pw, confirm := r.PostFormValue("password"), r.PostFormValue("confirm")
	// Check the password before using the link, so a typo does not cost it.
	if _, err := s.store.TokenUser(ctx, token, store.TokenReset); err != nil {
		return err
	}
	if msg := q.checkNewPassword(pw); msg != "" {
		return s.refuse(w, r, q.resetLinkPage(r, token), http.StatusBadRequest, "password", msg)
	}
	if pw != confirm {
		return s.refuse(w, r, q.resetLinkPage(r, token), http.StatusBadRequest, "confirm", q.a.Mismatch)
	}
	hash, err := auth.HashPassword(pw, auth.DefaultParams)
	if err != nil {
		return err
	}
	u, err := s.store.UseToken(ctx, token, store.TokenReset)
	if err != nil {
		return err
	}
	if u.Disabled {
		return news.Errorf(news.ErrForbidden, "this account is disabled")
	}
	if err := s.store.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	if err := s.store.ConfirmUser(ctx, u.ID); err != nil {
		return err
	}
	if u, err = s.store.EndSessions(ctx, u.ID); err != nil {
		return err
	}
	if err := s.sessions.Start(r, u); err != nil {
		return err
	}
	session.SetReaderHint(w, r, s.secure(r))
	s.sessions.Flash(r, q.a.PasswordChanged)
	return seeOther(w, r, q.url("/account/"))
}
