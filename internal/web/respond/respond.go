// Package respond writes the answers that the public site, readers'
// accounts and the desk share: the status of a domain error, private
// pages rendered into a buffer first, JSON that nobody stores, and the
// plain text of last resort.
package respond

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"newsdesk/internal/news"
)

// Status maps a domain error code to an HTTP status. Anything without a
// code is an internal error.
func Status(err error) int {
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

// ClientGone reports whether the request's own context was canceled, which
// net/http does when the client disconnects. Any error after that is taken
// as its consequence: database drivers report the cancellation in their own
// words (SQLite's "interrupted") rather than always as context.Canceled.
// A deadline running out is not the client's doing and stays an error.
func ClientGone(r *http.Request) bool {
	return errors.Is(r.Context().Err(), context.Canceled)
}

// PlainError is the last resort when no page can be rendered.
func PlainError(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(http.StatusText(status) + "\n"))
}

// bufferPool recycles render buffers: a story page is tens of kilobytes and
// allocating that per request shows up under load.
var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Buffer returns an empty pooled buffer, which release gives back.
func Buffer() (buf *bytes.Buffer, release func()) {
	buf = bufferPool.Get().(*bytes.Buffer)
	buf.Reset()
	return buf, func() { bufferPool.Put(buf) }
}

// WritePrivate executes t's layout into a buffer and writes it only when
// that succeeded, as a page nobody may store: desk and account pages.
func WritePrivate(w http.ResponseWriter, r *http.Request, t *template.Template, status int, name string, data any) error {
	buf, release, err := ExecuteLayout(t, name, data)
	if err != nil {
		return err
	}
	defer release()
	WriteNoStore(w, r, status, buf)
	return nil
}

// ExecuteLayout executes t's layout into a pooled buffer, which release
// gives back.
func ExecuteLayout(t *template.Template, name string, data any) (buf *bytes.Buffer, release func(), err error) {
	buf, release = Buffer()
	if err := t.ExecuteTemplate(buf, "layout", data); err != nil {
		release()
		return nil, nil, fmt.Errorf("web: render %s: %w", name, err)
	}
	return buf, release, nil
}

// WriteNoStore writes a rendered page that no cache may keep.
func WriteNoStore(w http.ResponseWriter, r *http.Request, status int, buf *bytes.Buffer) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		// A failed write means the reader has gone: nobody is left to tell.
		_, _ = w.Write(buf.Bytes())
	}
}

// JSON writes v as a JSON response that is never stored.
func JSON(w http.ResponseWriter, status int, v any) error {
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

// WantsJSON reports whether the request's Accept header ranks
// application/json above text/html.
func WantsJSON(r *http.Request) bool {
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
