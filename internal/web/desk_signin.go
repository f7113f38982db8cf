package web

import (
	"errors"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
)

// signInPage is the data of templates/desk/signin.html.
type signInPage struct {
	deskPage
	Email  string
	Next   string
	Error  string
	Notice string
}

// deskSignInForm shows the sign-in form, or sends staff who are already
// signed in on to where they were going.
func (s *Server) deskSignInForm(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	next := safeNext(r.URL.Query().Get("next"))
	if u, ok, err := s.sessionUser(r); err != nil {
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
	TooMany                                                      plural // minutes to wait
	// The page of a one-time link.
	LinkTitle, Welcome, ChooseFor, LinkOnce string // Welcome: %s, the name
	NewPassword, PasswordHint, Repeat       string
	Repeated, SetPassword, Done             string // Done: %s, the name
}

func signInTitle(t *deskText) string { return t.SignIn.Title }

// deskSignIn checks an address and password and starts a session for
// staff. Past the limits of failed attempts (checkSignIn) the form answers
// 429 with Retry-After, across every node since the failures are in the
// database.
func (s *Server) deskSignIn(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	email := news.NormalizeEmail(r.PostFormValue("email"))
	p := &signInPage{deskPage: s.signedOutPage(r, signInTitle), Email: email, Next: safeNext(r.PostFormValue("next"))}
	say := p.T.SignIn
	u, ok, wait, err := s.checkSignIn(r, email, r.PostFormValue("password"))
	switch {
	case err != nil:
		return err
	case wait > 0:
		mins := retryAfter(w, wait)
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
	if err := s.startSession(r, u); err != nil {
		return err
	}
	// The site's script may then show staff their bookmarks too.
	setReaderHint(w, r, s.secure(r))
	return deskRedirect(w, r, p.Next)
}

// checkSignIn checks an address and password, for the desk's sign-in and
// readers' alike. Failed attempts are recorded per account and per client
// address; past the limits wait says how long the client must wait, and
// nothing is checked. ok reports whether the password matched; the caller
// still decides whether the account may sign in where it asked.
func (s *Server) checkSignIn(r *http.Request, email, pw string) (u news.User, ok bool, wait time.Duration, err error) {
	ctx := r.Context()
	keys := []string{"user:" + email, "addr:" + clientAddr(r)}
	wait, err = s.throttleWait(r, keys, auth.AccountThrottle, auth.AddressThrottle)
	if err != nil || wait > 0 {
		return news.User{}, false, wait, err
	}
	u, err = s.store.UserByEmail(ctx, email)
	switch {
	case errors.Is(err, news.ErrNotFound):
		auth.WasteTime(pw)
	case err != nil:
		return news.User{}, false, 0, err
	case u.PasswordHash == "":
		// Invited, no password yet: take as long as a check would, so the
		// answer's timing does not tell such accounts apart.
		auth.WasteTime(pw)
	default:
		if ok, err = auth.CheckPassword(u.PasswordHash, pw); err != nil {
			return news.User{}, false, 0, err
		}
	}
	if !ok {
		return news.User{}, false, 0, s.store.RecordSignInFailure(ctx, keys...)
	}
	return u, true, 0, s.store.ClearSignInFailures(ctx, keys[0])
}

// throttleWait is how long the client must wait before trying again: the
// longest wait of the throttles, each counting the failures under the key
// at the same index.
func (s *Server) throttleWait(r *http.Request, keys []string, throttles ...auth.Throttle) (time.Duration, error) {
	now := time.Now()
	var wait time.Duration
	for i, th := range throttles {
		failures, err := s.store.SignInFailures(r.Context(), keys[i], now.Add(-th.Window))
		if err != nil {
			return 0, err
		}
		wait = max(wait, th.RetryAfter(failures, now))
	}
	return wait, nil
}

// retryAfter sets the Retry-After header for a throttled request and
// returns the wait in whole minutes, for the message.
func retryAfter(w http.ResponseWriter, wait time.Duration) int {
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	return int(math.Ceil(wait.Minutes()))
}

// startSession signs u in: a new session token (so a token planted before
// sign-in is worthless after it), the user and their session epoch.
func (s *Server) startSession(r *http.Request, u news.User) error {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, sessionUser, u.ID)
	s.sessions.Put(ctx, sessionEpoch, u.SessionEpoch)
	return nil
}

// deskSignOut ends this session. It needs no valid session: signing out
// of an expired one still clears the cookie.
func (s *Server) deskSignOut(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	clearReaderHint(w, s.secure(r))
	return deskRedirect(w, r, "/desk/signin?signedout=1")
}

// deskSignOutEverywhere ends every session of the user, on every device,
// by raising the session epoch.
func (s *Server) deskSignOutEverywhere(w http.ResponseWriter, r *http.Request, u news.User) error {
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

// clientAddr is the client's IP address, the key of per-address
// throttling.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
