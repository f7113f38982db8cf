package desk

import (
	"net/http"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/session"
	"newsdesk/internal/web/words"
)

// signInPage is the data of templates/signin.html.
type signInPage struct {
	deskPage
	Email  string
	Next   string
	Error  string
	Notice string
}

// deskSignInForm shows the sign-in form, or sends staff who are already
// signed in on to where they were going.
func (s *Desk) deskSignInForm(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	next := safeNext(r.URL.Query().Get("next"))
	if u, ok, err := s.sessions.User(r); err != nil {
		return err
	} else if ok && u.Role.Staff() {
		return deskRedirect(w, r, next)
	}
	p := &signInPage{deskPage: s.signedOutPage(r, signInTitle), Next: next}
	switch r.URL.Query().Get("signedout") {
	case "1":
		p.Notice = p.T.SignIn.SignedOut
	case "everywhere":
		p.Notice = p.T.SignIn.SignedOutEverywhere
	}
	return s.renderDesk(w, r, http.StatusOK, "signin", p)
}

// signInText is what the sign-in pages say. A wrong address and a wrong
// password get the same message, BadCredentials, so the form does not
// tell which addresses have accounts.
type signInText struct {
	Title, Heading, Submit, Help, SignedOut, SignedOutEverywhere string
	BadCredentials, NoDesk, Disabled                             string
	TooMany                                                      words.Plural // minutes to wait
	// The page of a one-time link.
	LinkTitle, Welcome, ChooseFor, LinkOnce string // Welcome: %s, the name
	NewPassword, PasswordHint, Repeat       string
	Repeated, SetPassword, Done             string // Done: %s, the name
}

func signInTitle(t *deskText) string { return t.SignIn.Title }

// deskSignIn checks an address and password and starts a session for
// staff. Past the limits of failed attempts (Sessions.CheckSignIn) the form answers
// 429 with Retry-After, across every node since the failures are in the
// database.
func (s *Desk) deskSignIn(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	email := news.NormalizeEmail(r.PostFormValue("email"))
	p := &signInPage{deskPage: s.signedOutPage(r, signInTitle), Email: email, Next: safeNext(r.PostFormValue("next"))}
	say := p.T.SignIn
	u, ok, wait, err := s.sessions.CheckSignIn(r, email, r.PostFormValue("password"))
	switch {
	case err != nil:
		return err
	case wait > 0:
		mins := session.RetryAfter(w, wait)
		p.Error = say.TooMany.N(mins)
		return s.renderDesk(w, r, http.StatusTooManyRequests, "signin", p)
	case !ok:
		p.Error = say.BadCredentials
		return s.renderDesk(w, r, http.StatusUnauthorized, "signin", p)
	case u.Disabled || !u.Role.Staff():
		p.Error = say.NoDesk
		if u.Disabled {
			p.Error = say.Disabled
		}
		return s.renderDesk(w, r, http.StatusForbidden, "signin", p)
	}
	if err := s.sessions.Start(r, u); err != nil {
		return err
	}
	// The site's script may then show staff their bookmarks too.
	session.SetReaderHint(w, r, session.Secure(s.cfg.BaseURL, r))
	return deskRedirect(w, r, p.Next)
}

// deskSignOut ends this session. It needs no valid session: signing out
// of an expired one still clears the cookie.
func (s *Desk) deskSignOut(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	session.ClearReaderHint(w, session.Secure(s.cfg.BaseURL, r))
	return deskRedirect(w, r, "/desk/signin?signedout=1")
}

// deskSignOutEverywhere ends every session of the user, on every device,
// by raising the session epoch.
func (s *Desk) deskSignOutEverywhere(w http.ResponseWriter, r *http.Request, u news.User) error {
	if _, err := s.store.EndSessions(r.Context(), u.ID); err != nil {
		return err
	}
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	return deskRedirect(w, r, "/desk/signin?signedout=everywhere")
}

// safeNext keeps a post-sign-in destination only when it is a desk path
// on this site, so the sign-in form cannot be used to send people
// elsewhere.
func safeNext(next string) string {
	if (next == "/desk" || strings.HasPrefix(next, "/desk/")) && !strings.ContainsAny(next, "\\\r\n") && !strings.HasPrefix(next, "/desk/signin") {
		return next
	}
	return "/desk/"
}
