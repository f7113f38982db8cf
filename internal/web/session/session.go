// Package session is the signed-in state that the desk and readers'
// accounts share: one session cookie, server-side sessions (scs over the
// store's sessions table), who a session belongs to, signing in with
// throttled failures, changing a password, and messages left for the next
// page.
package session

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// Store is what sessions read and write of users and failed sign-ins.
// *store.Store satisfies it.
type Store interface {
	User(ctx context.Context, id int64) (news.User, error)
	UserByEmail(ctx context.Context, email string) (news.User, error)
	SetPassword(ctx context.Context, id int64, hash string) error
	EndSessions(ctx context.Context, id int64) (news.User, error)
	RecordSignInFailure(ctx context.Context, keys ...string) error
	SignInFailures(ctx context.Context, key string, since time.Time) ([]time.Time, error)
	ClearSignInFailures(ctx context.Context, key string) error
}

// Keys of a session's values.
const (
	KeyUser  = "uid"   // the signed-in user's id
	KeyEpoch = "epoch" // the user's session epoch at sign-in
	KeyFlash = "flash" // a message for the next page
)

// Session lifetimes: a member of staff stays signed in for a working
// fortnight at most, and is signed out after three idle days.
const (
	Lifetime    = 14 * 24 * time.Hour
	IdleTimeout = 3 * 24 * time.Hour
)

// Sessions are the site's sessions: the scs manager, which loads and
// saves them, and the users they belong to.
type Sessions struct {
	*scs.SessionManager
	users Store
}

// New configures scs over st: an HttpOnly, SameSite=Lax cookie for the
// whole site (the desk and readers' accounts share it), Secure when the
// site is served over HTTPS.
func New(st scs.Store, users Store, secure bool, logger *slog.Logger) *Sessions {
	sm := scs.New()
	sm.Store = st
	sm.Lifetime = Lifetime
	sm.IdleTimeout = IdleTimeout
	sm.Cookie.Name = "newsdesk_session"
	sm.Cookie.Path = "/"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		logger.ErrorContext(r.Context(), "session failed", "method", r.Method, "path", r.URL.Path, "err", err)
		respond.PlainError(w, http.StatusInternalServerError)
	}
	return &Sessions{SessionManager: sm, users: users}
}

// ErrSignedOut is the error for an action without a valid session; the
// desk and the account pages say it in their words.
var ErrSignedOut = &news.Error{Code: "", Message: "your session has ended: sign in again"}

// Status is respond.Status, plus 401 for ErrSignedOut.
func Status(err error) int {
	if errors.Is(err, ErrSignedOut) {
		return http.StatusUnauthorized
	}
	return respond.Status(err)
}

// User returns the user the request's session belongs to. ok is false
// without a session, or when the session is no longer good: the user is
// gone or disabled, or signed out everywhere since (a newer epoch). Such
// a session is destroyed.
func (s *Sessions) User(r *http.Request) (u news.User, ok bool, err error) {
	ctx := r.Context()
	id := s.GetInt64(ctx, KeyUser)
	if id == 0 {
		return news.User{}, false, nil
	}
	u, err = s.users.User(ctx, id)
	if err != nil && !errors.Is(err, news.ErrNotFound) {
		return news.User{}, false, err
	}
	if err != nil || u.Disabled || s.GetInt64(ctx, KeyEpoch) != u.SessionEpoch {
		if err := s.Destroy(ctx); err != nil {
			return news.User{}, false, err
		}
		return news.User{}, false, nil
	}
	return u, true, nil
}

// Start signs u in: a new session token (so a token planted before
// sign-in is worthless after it), the user and their session epoch.
func (s *Sessions) Start(r *http.Request, u news.User) error {
	ctx := r.Context()
	if err := s.RenewToken(ctx); err != nil {
		return err
	}
	s.Put(ctx, KeyUser, u.ID)
	s.Put(ctx, KeyEpoch, u.SessionEpoch)
	return nil
}

// Flash leaves msg for the next page the user sees, typically after a
// redirect that follows a successful form.
func (s *Sessions) Flash(r *http.Request, msg string) {
	s.Put(r.Context(), KeyFlash, msg)
}

// CheckSignIn checks an address and password, for the desk's sign-in and
// readers' alike. Failed attempts are recorded per account and per client
// address; past the limits wait says how long the client must wait, and
// nothing is checked. ok reports whether the password matched; the caller
// still decides whether the account may sign in where it asked.
func (s *Sessions) CheckSignIn(r *http.Request, email, pw string) (u news.User, ok bool, wait time.Duration, err error) {
	ctx := r.Context()
	keys := []string{"user:" + email, "addr:" + ClientAddr(r)}
	wait, err = s.ThrottleWait(r, keys, auth.AccountThrottle, auth.AddressThrottle)
	if err != nil || wait > 0 {
		return news.User{}, false, wait, err
	}
	u, err = s.users.UserByEmail(ctx, email)
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
		return news.User{}, false, 0, s.users.RecordSignInFailure(ctx, keys...)
	}
	return u, true, 0, s.users.ClearSignInFailures(ctx, keys[0])
}

// ThrottleWait is how long the client must wait before trying again: the
// longest wait of the throttles, each counting the failures under the key
// at the same index.
func (s *Sessions) ThrottleWait(r *http.Request, keys []string, throttles ...auth.Throttle) (time.Duration, error) {
	now := time.Now()
	var wait time.Duration
	for i, th := range throttles {
		failures, err := s.users.SignInFailures(r.Context(), keys[i], now.Add(-th.Window))
		if err != nil {
			return 0, err
		}
		wait = max(wait, th.RetryAfter(failures, now))
	}
	return wait, nil
}

// RetryAfter sets the Retry-After header for a throttled request and
// returns the wait in whole minutes, for the message.
func RetryAfter(w http.ResponseWriter, wait time.Duration) int {
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	return int(math.Ceil(wait.Minutes()))
}

// ClientAddr is the client's IP address, the key of per-address
// throttling.
func ClientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// ReaderHintCookie tells the site's script that this browser has a
// session, so that only signed-in readers ask for their bookmark state. It
// holds no secret (the session cookie is HttpOnly) and is never trusted.
const ReaderHintCookie = "newsdesk_reader"

// SetReaderHint sets the reader hint cookie, unless the request has it.
func SetReaderHint(w http.ResponseWriter, r *http.Request, secure bool) {
	if _, err := r.Cookie(ReaderHintCookie); err == nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: ReaderHintCookie, Value: "1", Path: "/", MaxAge: int(Lifetime.Seconds()),
		SameSite: http.SameSiteLaxMode, Secure: secure})
}

// ClearReaderHint removes the reader hint cookie.
func ClearReaderHint(w http.ResponseWriter, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: ReaderHintCookie, Value: "", Path: "/", MaxAge: -1, SameSite: http.SameSiteLaxMode, Secure: secure})
}

// Secure reports whether cookies must be Secure: the site's address,
// baseURL, is https, or the request came over TLS.
func Secure(baseURL string, r *http.Request) bool {
	return strings.HasPrefix(baseURL, "https://") || r.TLS != nil
}
