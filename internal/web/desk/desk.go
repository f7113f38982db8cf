package desk

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/session"
)

// deskHandler is a desk page or action: it gets the signed-in member of
// staff and returns an error instead of writing one.
type deskHandler func(w http.ResponseWriter, r *http.Request, u news.User) error

// staff adapts h to http.Handler for signed-in staff only. A request
// without a valid session is sent to the sign-in page (GET) or refused with
// 401; a signed-in reader is refused with 403. Every desk response is
// private and never stored. Errors from h become a desk error page, or
// JSON for requests that prefer it.
func (s *Desk) staff(h deskHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		u, ok, err := s.sessions.User(r)
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
			s.site.CatchUpAfterWrite(r)
		}
		if err != nil {
			if respond.ClientGone(r) {
				s.log.DebugContext(r.Context(), "client went away", "method", r.Method, "path", r.URL.Path, "err", err)
				return
			}
			s.deskError(w, r, u, err)
		}
	})
}

// open adapts a desk handler that needs no signed-in user (the
// sign-in pages) to http.Handler, with desk error pages.
func (s *Desk) open(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil && !respond.ClientGone(r) {
			s.deskError(w, r, news.User{}, err)
		}
	})
}

// needSignIn sends a signed-out GET to the sign-in page, to come back
// after, and refuses anything else: replaying a form after signing in
// would surprise more than help.
func (s *Desk) needSignIn(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		http.Redirect(w, r, "/desk/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	s.deskError(w, r, news.User{}, session.ErrSignedOut)
}

// deskError answers a failed desk request: an error page, or JSON
// {"error": ..., "fields": {...}} when the client prefers JSON, in the
// language of u's desk. Internal errors are logged once and shown without
// their details.
func (s *Desk) deskError(w http.ResponseWriter, r *http.Request, u news.User, err error) {
	t := s.deskWords(r, u)
	status := session.Status(err)
	msg := t.errorMessage(err)
	switch {
	case status == http.StatusInternalServerError:
		s.log.ErrorContext(r.Context(), "desk request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = t.InternalError
	case errors.Is(err, session.ErrSignedOut):
		msg = t.SignedOutError
	}
	if respond.WantsJSON(r) {
		body := map[string]any{"error": msg}
		var e *news.Error
		if errors.As(err, &e) && len(e.Fields) > 0 {
			fields := map[string]string{}
			for k, v := range e.Fields {
				fields[k] = t.Say(v)
			}
			body["fields"] = fields
		}
		if jerr := respond.JSON(w, status, body); jerr != nil {
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
		respond.PlainError(w, status)
	}
}

// deskErrorPage is the data of templates/error.html.
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
func (s *Desk) newDeskPage(r *http.Request, u news.User, navItem string) (deskPage, error) {
	eds, err := s.store.Editions(r.Context())
	if err != nil {
		return deskPage{}, err
	}
	return deskPage{
		T: s.desk.For(deskLanguage(u, eds)), User: u, Section: navItem, Editions: eds,
		Flash: s.sessions.PopString(r.Context(), session.KeyFlash),
	}, nil
}

// signedOutPage fills the layout's data for a page shown before signing
// in, in the words of the default edition's language.
func (s *Desk) signedOutPage(r *http.Request, title func(*deskText) string) deskPage {
	t := s.deskWords(r, news.User{})
	return deskPage{T: t, Title: title(t)}
}

// flash leaves msg for the next desk page the user sees, typically after a
// redirect that follows a successful form.
func (s *Desk) flash(r *http.Request, msg string) {
	s.sessions.Put(r.Context(), session.KeyFlash, msg)
}

// renderDesk renders templates/<name>.html inside the desk layout into
// a buffer and writes it only when that succeeded. Desk pages are private
// and change with every action, so they are never stored.
func (s *Desk) renderDesk(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("desk: render desk: no page %q", name)
	}
	return respond.WritePrivate(w, r, t, status, "desk "+name, data)
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

// home redirects /desk/ to the story list, the desk's first page.
func (s *Desk) home(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/desk/stories", http.StatusFound)
}
