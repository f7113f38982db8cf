package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/session"
)

// Readers sign in at /account/signin with their address and password.
// Staff may sign in there too: they get the same bookmarks, and their
// account page sends them to the desk for the rest. Readers can never
// reach the desk (staff() refuses them).

// accountSignInForm shows the sign-in form, or sends a signed-in reader
// on to where they were going.
func (s *Server) accountSignInForm(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	next, bookmark := r.URL.Query().Get("next"), r.URL.Query().Get("bookmark")
	if q.signedIn() {
		return s.finishSignIn(w, r, q, q.u, next, bookmark)
	}
	p := s.signInPage(r, q, next, bookmark)
	switch r.URL.Query().Get("done") {
	case "signedout":
		p.Notice = q.a.SignedOut
	case "deleted":
		p.Notice = q.a.Deleted
	}
	return s.renderPrivate(w, r, http.StatusOK, "account", p)
}

func (s *Server) signInPage(r *http.Request, q *accountReq, next, bookmark string) *readerPage {
	p := q.page(r, "signin", q.a.SignInTitle)
	p.Next, p.Bookmark = localPath(next, ""), validBookmark(bookmark)
	if p.Bookmark != "" {
		p.Intro = q.a.NeedSignIn
	}
	p.Links.SignUp = q.url("/account/signup", "next", p.Next, "bookmark", p.Bookmark)
	// The header's links carry the reader's errand too.
	p.AccountLinks.SignUp = p.Links.SignUp
	return p
}

// accountSignIn checks the address and password (Sessions.CheckSignIn throttles
// failures per account and client) and starts a session. An unconfirmed
// account gets a new confirmation link instead.
func (s *Server) accountSignIn(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	email := news.NormalizeEmail(r.PostFormValue("email"))
	p := s.signInPage(r, q, r.PostFormValue("next"), r.PostFormValue("bookmark"))
	p.Email = email
	u, ok, wait, err := s.sessions.CheckSignIn(r, email, r.PostFormValue("password"))
	switch {
	case err != nil:
		return err
	case wait > 0:
		return s.refuse(w, r, p, http.StatusTooManyRequests, "", q.a.tooMany(session.RetryAfter(w, wait)))
	case !ok:
		return s.refuse(w, r, p, http.StatusUnauthorized, "", q.a.BadCredentials)
	case u.Disabled:
		return s.refuse(w, r, p, http.StatusForbidden, "", q.a.Disabled)
	case u.Unconfirmed:
		// A new link, within the limits of mail to one address.
		if wait, err := s.mailWait(r, "signup", email); err != nil {
			return err
		} else if wait == 0 {
			if err := s.sendConfirmation(r, q, u, p.Next, p.Bookmark); err != nil {
				return err
			}
		}
		return s.refuse(w, r, p, http.StatusForbidden, "", q.a.Unconfirmed)
	}
	if err := s.sessions.Start(r, u); err != nil {
		return err
	}
	session.SetReaderHint(w, r, s.secure(r))
	return s.finishSignIn(w, r, q, u, p.Next, p.Bookmark)
}

// finishSignIn makes the bookmark the reader asked for before signing in,
// if any, and sends them back: to the story's button (#bookmark-ID), to
// next, or to their account.
func (s *Server) finishSignIn(w http.ResponseWriter, r *http.Request, q *accountReq, u news.User, next, bookmark string) error {
	to := localPath(next, q.url("/account/"))
	if id, err := strconv.ParseInt(validBookmark(bookmark), 10, 64); err == nil {
		err := s.store.AddBookmark(r.Context(), u.ID, id)
		switch {
		case errors.Is(err, news.ErrNotFound):
			// Taken down meanwhile: nothing to save, and nothing to say.
		case err != nil:
			return err
		case !strings.Contains(to, "#"):
			to += "#bookmark-" + strconv.FormatInt(id, 10)
		}
	}
	return seeOther(w, r, to)
}

// validBookmark keeps a story id given with a sign-in, else "".
func validBookmark(v string) string {
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		return strconv.FormatInt(id, 10)
	}
	return ""
}

// accountSignOut ends the session, signed in or not.
func (s *Server) accountSignOut(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	session.ClearReaderHint(w, s.secure(r))
	return seeOther(w, r, q.url("/account/signin", "done", "signedout"))
}

// accountSignUpForm shows the sign-up form.
func (s *Server) accountSignUpForm(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	next, bookmark := r.URL.Query().Get("next"), r.URL.Query().Get("bookmark")
	if q.signedIn() {
		return s.finishSignIn(w, r, q, q.u, next, bookmark)
	}
	return s.renderPrivate(w, r, http.StatusOK, "account", s.signUpPage(r, q, next, bookmark))
}

func (s *Server) signUpPage(r *http.Request, q *accountReq, next, bookmark string) *readerPage {
	p := q.page(r, "signup", q.a.SignUpTitle)
	p.Next, p.Bookmark = localPath(next, ""), validBookmark(bookmark)
	p.Links.SignIn = q.url("/account/signin", "next", p.Next, "bookmark", p.Bookmark)
	p.AccountLinks.SignIn = p.Links.SignIn
	return p
}

// accountSignUp creates an unconfirmed reader account and mails the link
// that confirms it. The answer is the same whether or not the address
// has an account already: its owner is mailed instead, with links to sign
// in and to reset the password. Requests are throttled per address and
// client, counted whether they succeed or not.
func (s *Server) accountSignUp(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	ctx := r.Context()
	email, pw := news.NormalizeEmail(r.PostFormValue("email")), r.PostFormValue("password")
	p := s.signUpPage(r, q, r.PostFormValue("next"), r.PostFormValue("bookmark"))
	p.Email = email
	if msg := q.checkEmail(email); msg != "" {
		return s.refuse(w, r, p, http.StatusBadRequest, "email", msg)
	}
	if msg := q.checkNewPassword(pw); msg != "" {
		return s.refuse(w, r, p, http.StatusBadRequest, "password", msg)
	}
	if wait, err := s.mailWait(r, "signup", email); err != nil {
		return err
	} else if wait > 0 {
		return s.refuse(w, r, p, http.StatusTooManyRequests, "", q.a.tooMany(session.RetryAfter(w, wait)))
	}
	// Hash first, whatever follows, so that the answer takes as long for
	// an address with an account as for one without.
	hash, err := auth.HashPassword(pw, auth.DefaultParams)
	if err != nil {
		return err
	}
	u, err := s.store.UserByEmail(ctx, email)
	switch {
	case errors.Is(err, news.ErrNotFound):
		u, err = s.store.CreateUser(ctx, news.User{Email: email, Role: news.RoleReader, PasswordHash: hash, Unconfirmed: true})
		if errors.Is(err, news.ErrConflict) {
			// Signed up twice at once: the first request mails the link.
			break
		}
		if err != nil {
			return err
		}
		err = s.sendConfirmation(r, q, u, p.Next, p.Bookmark)
	case err != nil:
		return err
	case u.Unconfirmed:
		// Never confirmed: the newest sign-up's password counts, and only
		// the newest link works.
		if err := s.store.SetPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		err = s.sendConfirmation(r, q, u, p.Next, p.Bookmark)
	default:
		err = s.sendMail(r, q, email, q.a.MailExistsSubject, q.a.MailExists,
			s.abs(r, q.url("/account/signin")), s.abs(r, q.url("/account/reset")))
	}
	if err != nil {
		return err
	}
	return s.renderSent(w, r, q, email)
}

// renderSent tells the reader to look for the message sent to email.
func (s *Server) renderSent(w http.ResponseWriter, r *http.Request, q *accountReq, email string) error {
	p := q.page(r, "sent", q.a.SentTitle)
	p.Intro = fmt.Sprintf(q.a.SentText, email)
	return s.renderPrivate(w, r, http.StatusOK, "account", p)
}

// sendConfirmation mails u a new link that confirms the address and signs
// in, carrying where the reader was going and the bookmark they wanted.
func (s *Server) sendConfirmation(r *http.Request, q *accountReq, u news.User, next, bookmark string) error {
	data := url.Values{}
	for k, v := range map[string]string{"next": next, "bookmark": bookmark, "ed": q.st.ed.Code} {
		if v != "" {
			data.Set(k, v)
		}
	}
	raw, err := s.store.CreateTokenData(r.Context(), u.ID, store.TokenConfirm, data.Encode(), confirmLinkTTL)
	if err != nil {
		return err
	}
	return s.sendMail(r, q, u.Email, q.a.MailConfirmSubject, q.a.MailConfirm, s.abs(r, q.url("/account/confirm/"+raw)))
}

// accountConfirmForm shows the page of a confirmation link without using
// it: mail scanners fetch links, and must neither confirm nor sign in.
func (s *Server) accountConfirmForm(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	token := r.PathValue("token")
	if _, _, err := s.store.TokenData(r.Context(), token, store.TokenConfirm); err != nil {
		return err
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	p := q.page(r, "link", q.a.ConfirmTitle)
	p.Intro, p.Button, p.Action = q.a.ConfirmText, q.a.ConfirmButton, "/account/confirm/"+token
	return s.renderPrivate(w, r, http.StatusOK, "account", p)
}

// accountConfirm uses a confirmation link: the address is confirmed, the
// reader signed in, the bookmark they wanted made, and they are back where
// they were.
func (s *Server) accountConfirm(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	w.Header().Set("Referrer-Policy", "no-referrer")
	u, data, err := s.store.UseTokenData(r.Context(), r.PathValue("token"), store.TokenConfirm)
	if err != nil {
		return err
	}
	if u.Disabled {
		return news.Errorf(news.ErrForbidden, "this account is disabled")
	}
	if err := s.store.ConfirmUser(r.Context(), u.ID); err != nil {
		return err
	}
	if err := s.sessions.Start(r, u); err != nil {
		return err
	}
	session.SetReaderHint(w, r, s.secure(r))
	pending, _ := url.ParseQuery(data)
	return s.finishSignIn(w, r, q, u, pending.Get("next"), pending.Get("bookmark"))
}
