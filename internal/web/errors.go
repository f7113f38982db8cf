package web

import (
	"errors"
	"net/http"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// handlerFunc is a page handler: it writes a response on success and
// returns an error otherwise, leaving the error page to one place.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// page adapts a handlerFunc to http.Handler, turning its error into a page.
// A reader who left before the page was ready gets nothing: there is no one
// to show an error page to, and it is no fault of the site, so it is noted
// at debug level and logRequests records status 499.
func (s *Server) page(h handlerFunc) http.Handler {
	return s.handle(h, s.serveError)
}

// handle adapts a handlerFunc to http.Handler, answering its error with
// onError unless the client has gone.
func (s *Server) handle(h handlerFunc, onError func(http.ResponseWriter, *http.Request, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		switch {
		case err == nil:
		case respond.ClientGone(r):
			s.log.DebugContext(r.Context(), "client went away", "method", r.Method, "path", r.URL.Path, "err", err)
		default:
			onError(w, r, err)
		}
	})
}

// errNotFound is returned by handlers for URLs that name nothing.
var errNotFound = news.Errorf(news.ErrNotFound, "page not found")

// serveError logs internal errors, once, and renders the error page in the
// edition the URL names, falling back to plain text when even that fails
// (for instance when the database is down).
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	status := respond.Status(err)
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	// The first path segment may name the edition; if it does not, the
	// page is shown in the default edition.
	code, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	st, lerr := s.loadSite(r, code)
	if errors.Is(lerr, news.ErrNotFound) && code != "" {
		st, lerr = s.loadSite(r, "")
	}
	if lerr != nil {
		if status != http.StatusInternalServerError {
			s.log.ErrorContext(r.Context(), "error page failed", "path", r.URL.Path, "err", lerr)
		}
		respond.PlainError(w, status)
		return
	}
	p := &errorPage{Status: status}
	p.basePage = st.base(r, "")
	p.NoIndex = true
	if status == http.StatusNotFound {
		p.Heading, p.Message = p.UI.NotFoundTitle, p.UI.NotFoundText
	} else {
		p.Heading, p.Message = p.UI.ErrorTitle, p.UI.ErrorText
	}
	p.Title = p.Heading + " — " + p.SiteName
	if rerr := s.render(w, r, status, "error", p, noValidators); rerr != nil {
		s.log.ErrorContext(r.Context(), "error page failed", "path", r.URL.Path, "err", rerr)
		respond.PlainError(w, status)
	}
}

// errorPage is the data of the error template.
type errorPage struct {
	basePage
	Status  int
	Heading string
	Message string
}
