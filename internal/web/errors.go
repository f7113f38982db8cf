package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"newsdesk/internal/news"
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
		case clientGone(r):
			s.log.DebugContext(r.Context(), "client went away", "method", r.Method, "path", r.URL.Path, "err", err)
		default:
			onError(w, r, err)
		}
	})
}

// clientGone reports whether the request's own context was canceled, which
// net/http does when the client disconnects. Any error after that is taken
// as its consequence: database drivers report the cancellation in their own
// words (SQLite's "interrupted") rather than always as context.Canceled.
// A deadline running out is not the client's doing and stays an error.
func clientGone(r *http.Request) bool {
	return errors.Is(r.Context().Err(), context.Canceled)
}

// errNotFound is returned by handlers for URLs that name nothing.
var errNotFound = news.Errorf(news.ErrNotFound, "page not found")

// statusOf maps a domain error code to an HTTP status. Anything without a
// code is an internal error.
func statusOf(err error) int {
	switch news.ErrorCode(err) {
	case news.ErrNotFound:
		return http.StatusNotFound
	case news.ErrInvalid:
		return http.StatusBadRequest
	case news.ErrForbidden:
		return http.StatusForbidden
	case news.ErrConflict:
		return http.StatusConflict
	case news.ErrTooLarge:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// serveError logs internal errors, once, and renders the error page in the
// edition the URL names, falling back to plain text when even that fails
// (for instance when the database is down).
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
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
		plainError(w, status)
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
		plainError(w, status)
	}
}

// errorPage is the data of the error template.
type errorPage struct {
	basePage
	Status  int
	Heading string
	Message string
}

// plainError is the last resort when no page can be rendered.
func plainError(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(http.StatusText(status) + "\n"))
}
