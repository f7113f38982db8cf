package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/session"
	"newsdesk/internal/web/words"
)

// Readers' accounts live under /account/: sign-up, sign-in, password
// reset, the account's settings and the bookmarks. Their pages wear the
// public site's layout in the language of the reader's edition, which
// links and forms carry as ?ed=CODE (none for the default edition). They
// are private and never cached; the session cookie is read only here and
// on the desk, never on the public pages, which stay the same for
// everyone.

// accountReq is what an account handler gets: the site in the reader's
// edition and the signed-in user, zero when signed out.
type accountReq struct {
	st *site
	u  news.User
	a  *accountText
}

// signedIn reports whether a user is signed in.
func (q *accountReq) signedIn() bool { return q.u.ID != 0 }

// url returns an account path in the reader's edition (site.accountURL).
func (q *accountReq) url(path string, kv ...string) string { return q.st.accountURL(path, kv...) }

type accountHandler func(w http.ResponseWriter, r *http.Request, q *accountReq) error

// account adapts h to http.Handler for anyone; reader adapts it for a
// signed-in user only.
func (s *Server) account(h accountHandler) http.Handler { return s.accountFor(h, false) }
func (s *Server) reader(h accountHandler) http.Handler  { return s.accountFor(h, true) }

// accountFor resolves the edition and the session's user for h. Without a
// user where one is needed, a GET is sent to sign in and back, anything
// else is refused with 401. Errors become an error page in the reader's
// language, or JSON for clients that prefer it.
func (s *Server) accountFor(h accountHandler, needUser bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		q, err := s.accountRequest(w, r)
		if err == nil && needUser && !q.signedIn() {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, q.url("/account/signin", "next", r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			err = session.ErrSignedOut
		}
		if err == nil {
			err = h(w, r, q)
		}
		if err != nil && !respond.ClientGone(r) {
			s.accountError(w, r, q, err)
		}
	})
}

// accountRequest reads the edition from ?ed= (the default edition when
// absent or unknown) and the user from the session.
func (s *Server) accountRequest(w http.ResponseWriter, r *http.Request) (*accountReq, error) {
	st, err := s.loadSite(r, r.FormValue("ed"))
	if errors.Is(err, news.ErrNotFound) {
		st, err = s.loadSite(r, "")
	}
	if err != nil {
		return nil, err
	}
	q := &accountReq{st: st, a: st.ui.Account}
	u, ok, err := s.sessions.User(r)
	if err != nil {
		return q, err
	}
	if ok {
		q.u = u
		session.SetReaderHint(w, r, s.secure(r))
	} else if _, err := r.Cookie(session.ReaderHintCookie); err == nil {
		session.ClearReaderHint(w, s.secure(r))
	}
	return q, nil
}

// accountError answers a failed account request: JSON {"error": ...} for
// scripts, else the site's error page with the message.
func (s *Server) accountError(w http.ResponseWriter, r *http.Request, q *accountReq, err error) {
	if q == nil {
		s.serveError(w, r, err)
		return
	}
	status := session.Status(err)
	msg := words.Sentence(q.a.say(news.ErrorMessage(err)))
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "account request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = q.st.ui.ErrorText
	}
	if respond.WantsJSON(r) {
		body := map[string]any{"error": msg}
		if status == http.StatusUnauthorized {
			body["signin"] = q.url("/account/signin")
		}
		if jerr := respond.JSON(w, status, body); jerr != nil {
			s.log.ErrorContext(r.Context(), "account error failed", "path", r.URL.Path, "err", jerr)
		}
		return
	}
	p := &errorPage{Status: status, Message: msg}
	p.basePage = q.st.base(r, "")
	p.NoIndex = true
	p.Heading = q.st.ui.ErrorTitle
	if status == http.StatusNotFound {
		p.Heading = q.st.ui.NotFoundTitle
	}
	p.Title = p.Heading + " — " + p.SiteName
	if rerr := s.render(w, r, status, "error", p, noValidators); rerr != nil {
		s.log.ErrorContext(r.Context(), "account error page failed", "path", r.URL.Path, "err", rerr)
		respond.PlainError(w, status)
	}
}

// renderPrivate renders a public page template for one reader: the same
// layout as the public pages, but never stored by anyone.
func (s *Server) renderPrivate(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	t, ok := s.pages.pages[name]
	if !ok {
		return fmt.Errorf("web: render: no page %q", name)
	}
	return respond.WritePrivate(w, r, t, status, name, data)
}

// seeOther answers a successful form with 303 See Other.
func seeOther(w http.ResponseWriter, r *http.Request, to string) error {
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// localPath keeps a return address only when it is a path on this site,
// so that no form of the site can send a reader elsewhere; anything else
// is fallback.
func localPath(p, fallback string) string {
	if p == "" || p[0] != '/' || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n\t") {
		return fallback
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return fallback
	}
	return p
}

// secure reports whether cookies must be Secure: the site is configured
// with an https address, or the request came over TLS.
func (s *Server) secure(r *http.Request) bool {
	return strings.HasPrefix(s.cfg.BaseURL, "https://") || r.TLS != nil
}

// readerPage is the data of templates/account.html: one of the account
// forms (View), with what the reader typed and what was wrong with it.
type readerPage struct {
	basePage
	A        *accountText
	View     string // signin, signup, sent, reset, link, settings
	Heading  string
	Intro    string
	Notice   string
	Error    string            // about the whole form
	Fields   map[string]string // about single fields, by input name
	Ed       string            // edition code carried by the forms
	Email    string
	Next     string
	Bookmark string // a story to bookmark after signing in
	Action   string // where the link page's form posts
	Button   string
	// NewPassword asks for a new password on a link page.
	NewPassword bool
	User        news.User
	Staff       bool
	Links       accountLinks
}

// page fills the layout and the account links for a view.
func (q *accountReq) page(r *http.Request, view, heading string) *readerPage {
	p := &readerPage{basePage: q.st.base(r, ""), A: q.a, View: view, Heading: heading, User: q.u, Staff: q.u.Role.Staff()}
	p.Title = heading + " — " + p.SiteName
	p.NoIndex = true
	if !q.st.ed.Default {
		p.Ed = q.st.ed.Code
	}
	p.Links = q.st.accountLinks("")
	return p
}

// accountFieldView is one labelled input of an account form.
type accountFieldView struct {
	Name, Label, Type, Auto, Value, Error string
}

func accountField(p *readerPage, name, label, typ, auto, value string) accountFieldView {
	return accountFieldView{Name: name, Label: label, Type: typ, Auto: auto, Value: value, Error: p.Fields[name]}
}

// refuse renders p again with status and a message about the form or
// one field (when field is not empty).
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, p *readerPage, status int, field, msg string) error {
	if field == "" {
		p.Error = msg
	} else {
		p.Fields = map[string]string{field: msg}
	}
	return s.renderPrivate(w, r, status, "account", p)
}
