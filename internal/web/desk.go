package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"newsdesk/internal/news"
)

// deskHandler is a desk page or action: it gets the signed-in member of
// staff and returns an error instead of writing one.
type deskHandler func(w http.ResponseWriter, r *http.Request, u news.User) error

// Session keys.
const (
	sessionUser  = "uid"   // the signed-in user's id
	sessionEpoch = "epoch" // the user's session epoch at sign-in
	sessionFlash = "flash" // a message for the next desk page
)

// staff adapts h to http.Handler for signed-in staff only. A request
// without a valid session is sent to the sign-in page (GET) or refused with
// 401; a signed-in reader is refused with 403. Every desk response is
// private and never stored. Errors from h become a desk error page, or
// JSON for requests that prefer it.
func (s *Server) staff(h deskHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		u, ok, err := s.sessionUser(r)
		switch {
		case err != nil:
			s.deskError(w, r, news.User{}, err)
			return
		case !ok:
			s.needSignIn(w, r)
			return
		case !u.Role.Staff():
			s.deskError(w, r, u, news.Errorf(news.ErrForbidden, "your account has no access to the desk"))
			return
		}
		err = h(w, r, u)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.catchUpAfterWrite(r)
		}
		if err != nil {
			if clientGone(r) {
				s.log.DebugContext(r.Context(), "client went away", "method", r.Method, "path", r.URL.Path, "err", err)
				return
			}
			s.deskError(w, r, u, err)
		}
	})
}

// catchUpAfterWrite purges the public pages a write changed before its
// answer leaves (net/http sends a small response when the handler returns),
// so the next page the writer opens shows it. It is not cut short by a
// writer who has gone: the readers have not.
func (s *Server) catchUpAfterWrite(r *http.Request) {
	if err := s.cache.catchUp(context.WithoutCancel(r.Context())); err != nil {
		s.log.WarnContext(r.Context(), "page cache: read changes after a write", "err", err)
	}
}

// deskOpen adapts a desk handler that needs no signed-in user (the
// sign-in pages) to http.Handler, with desk error pages.
func (s *Server) deskOpen(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil && !clientGone(r) {
			s.deskError(w, r, news.User{}, err)
		}
	})
}

// sessionUser returns the user the request's session belongs to. ok is
// false without a session, or when the session is no longer good: the user
// is gone or disabled, or signed out everywhere since (a newer epoch).
// Such a session is destroyed.
func (s *Server) sessionUser(r *http.Request) (u news.User, ok bool, err error) {
	ctx := r.Context()
	id := s.sessions.GetInt64(ctx, sessionUser)
	if id == 0 {
		return news.User{}, false, nil
	}
	u, err = s.store.User(ctx, id)
	if err != nil && !errors.Is(err, news.ErrNotFound) {
		return news.User{}, false, err
	}
	if err != nil || u.Disabled || s.sessions.GetInt64(ctx, sessionEpoch) != u.SessionEpoch {
		if err := s.sessions.Destroy(ctx); err != nil {
			return news.User{}, false, err
		}
		return news.User{}, false, nil
	}
	return u, true, nil
}

// needSignIn sends a signed-out GET to the sign-in page, to come back
// after, and refuses anything else: replaying a form after signing in
// would surprise more than help.
func (s *Server) needSignIn(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		http.Redirect(w, r, "/desk/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	s.deskError(w, r, news.User{}, errSignedOut)
}

// errSignedOut is the error for an action without a valid session; the
// desk says it in its words (deskText.SignedOutError).
var errSignedOut = &news.Error{Code: "", Message: "your session has ended: sign in again"}

// deskStatus is statusOf, plus 401 for errSignedOut.
func deskStatus(err error) int {
	if errors.Is(err, errSignedOut) {
		return http.StatusUnauthorized
	}
	return statusOf(err)
}

// deskError answers a failed desk request: an error page, or JSON
// {"error": ..., "fields": {...}} when the client prefers JSON, in the
// language of u's desk. Internal errors are logged once and shown without
// their details.
func (s *Server) deskError(w http.ResponseWriter, r *http.Request, u news.User, err error) {
	t := s.deskWords(r, u)
	status := deskStatus(err)
	msg := t.errorMessage(err)
	switch {
	case status == http.StatusInternalServerError:
		s.log.ErrorContext(r.Context(), "desk request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = t.InternalError
	case errors.Is(err, errSignedOut):
		msg = t.SignedOutError
	}
	if wantsJSON(r) {
		body := map[string]any{"error": msg}
		var e *news.Error
		if errors.As(err, &e) && len(e.Fields) > 0 {
			fields := map[string]string{}
			for k, v := range e.Fields {
				fields[k] = t.Say(v)
			}
			body["fields"] = fields
		}
		if jerr := s.writeJSON(w, status, body); jerr != nil {
			s.log.ErrorContext(r.Context(), "desk error failed", "path", r.URL.Path, "err", jerr)
		}
		return
	}
	heading := fmt.Sprintf(t.Error.Heading, status)
	if h, ok := t.Error.Headings[strconv.Itoa(status)]; ok {
		heading = h
	}
	p := &deskErrorPage{Status: status, Heading: heading, Message: msg}
	p.deskPage = deskPage{Title: heading, User: u, T: t}
	if u.ID != 0 {
		if dp, perr := s.newDeskPage(r, u, ""); perr == nil {
			p.deskPage = dp
			p.Title = heading
		}
	}
	if rerr := s.renderDesk(w, r, status, "error", p); rerr != nil {
		s.log.ErrorContext(r.Context(), "desk error page failed", "path", r.URL.Path, "err", rerr)
		plainError(w, status)
	}
}

// deskErrorPage is the data of templates/desk/error.html.
type deskErrorPage struct {
	deskPage
	Status  int
	Heading string
	Message string
}

// deskErrorText is what the desk's error page says.
type deskErrorText struct {
	Eyebrow, Heading      string            // "Error %d"
	Headings              map[string]string // by status code, as HTTP names them
	BackToStories, SignIn string
}

// wantsJSON reports whether the request's Accept header ranks
// application/json above text/html.
func wantsJSON(r *http.Request) bool {
	var qJSON, qHTML float64 = -1, -1
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		switch mt {
		case "application/json":
			qJSON = max(qJSON, q)
		case "text/html":
			qHTML = max(qHTML, q)
		}
	}
	return qJSON > 0 && qJSON > qHTML
}

// deskPage is the part of every desk page's data that the layout uses.
// Each page's data struct embeds it.
type deskPage struct {
	Title    string
	T        *deskText // the words, in the language of the user's desk
	User     news.User // zero on the signed-out pages
	Section  string    // the active navigation item: "stories", "home", "sections", "tags", "staff", "account"
	Flash    string    // a message left by the previous action
	Editions []news.Edition
}

// Can reports whether the page's user may take the action (a news.Action
// as text), for showing only the controls that will work.
func (p deskPage) Can(action string) bool { return news.Can(p.User, news.Action(action), nil) }

// SignedIn reports whether the page is shown to a signed-in user.
func (p deskPage) SignedIn() bool { return p.User.ID != 0 }

// newDeskPage fills the layout's data for u: the words of u's desk, the
// navigation item, the editions and the flash message waiting in the
// session, if any. The caller sets the title, in those words.
func (s *Server) newDeskPage(r *http.Request, u news.User, navItem string) (deskPage, error) {
	eds, err := s.store.Editions(r.Context())
	if err != nil {
		return deskPage{}, err
	}
	return deskPage{
		T: s.desk.forLang(deskLanguage(u, eds)), User: u, Section: navItem, Editions: eds,
		Flash: s.sessions.PopString(r.Context(), sessionFlash),
	}, nil
}

// signedOutPage fills the layout's data for a page shown before signing
// in, in the words of the default edition's language.
func (s *Server) signedOutPage(r *http.Request, title func(*deskText) string) deskPage {
	t := s.deskWords(r, news.User{})
	return deskPage{T: t, Title: title(t)}
}

// flash leaves msg for the next desk page the user sees, typically after a
// redirect that follows a successful form.
func (s *Server) flash(r *http.Request, msg string) {
	s.sessions.Put(r.Context(), sessionFlash, msg)
}

// renderDesk renders templates/desk/<name>.html inside the desk layout into
// a buffer and writes it only when that succeeded. Desk pages are private
// and change with every action, so they are never stored.
func (s *Server) renderDesk(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	t, ok := s.pages.desk[name]
	if !ok {
		return fmt.Errorf("web: render desk: no page %q", name)
	}
	return writePrivate(w, r, t, status, "desk "+name, data)
}

// writeJSON writes v as a JSON response that is never stored.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("web: write json: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
	return nil
}

// formError is a refused form's problem, for showing beside its fields:
// the overall message and one message per field.
type formError struct {
	Message string
	Fields  map[string]string
	english map[string]string // the fields' messages as the domain wrote them
}

// Field returns the message for the named field, or "".
func (f formError) Field(name string) string { return f.Fields[name] }

// asFormError returns err as a formError in the desk's words t when it is
// a validation or conflict error the person filling the form can fix;
// anything else is for deskError.
func asFormError(err error, t *deskText) (formError, bool) {
	switch news.ErrorCode(err) {
	case news.ErrInvalid, news.ErrConflict:
	default:
		return formError{}, false
	}
	f := formError{Message: t.Say(news.ErrorMessage(err))}
	var e *news.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		f.Message = t.FixFields
		f.Fields, f.english = map[string]string{}, e.Fields
		for k, v := range e.Fields {
			f.Fields[k] = t.Say(v)
		}
	}
	return f, true
}

// deskRedirect answers a successful form with 303 See Other, so that
// reloading the next page does not send the form again.
func deskRedirect(w http.ResponseWriter, r *http.Request, to string) error {
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// deskHome redirects /desk/ to the story list, the desk's first page.
func (s *Server) deskHome(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/desk/stories", http.StatusFound)
}
