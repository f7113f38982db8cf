package web

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// The JSON API under /api/v1/ answers errors in JSON, never with a page:
// {"error": {"status": 404, "message": "page not found"}}.

// api adapts a handlerFunc to http.Handler for the JSON API, turning its
// error into a JSON error with the status of its domain code.
func (s *Server) api(h handlerFunc) http.Handler {
	return s.handle(h, s.serveAPIError)
}

// serveAPIError logs internal errors, once, and answers with the error's
// status and safe message.
func (s *Server) serveAPIError(w http.ResponseWriter, r *http.Request, err error) {
	status := respond.Status(err)
	msg := news.ErrorMessage(err)
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	writeAPIError(w, status, msg)
}

// apiError is the body of an API error.
type apiError struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeAPIError(w http.ResponseWriter, status int, msg string) {
	var e apiError
	e.Error.Status, e.Error.Message = status, msg
	b, _ := json.Marshal(e)
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// writePublicJSON writes v as a public, cacheable JSON answer that
// conditional requests can revalidate.
func writePublicJSON(w http.ResponseWriter, r *http.Request, v any) error {
	return writeJSONCached(w, r, v, pageMaxAge)
}

// writeJSONCached writes v with an ETag, answering conditional requests,
// under the given Cache-Control.
func writeJSONCached(w http.ResponseWriter, r *http.Request, v any, cacheControl string) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("web: write json: %w", err)
	}
	b = append(b, '\n')
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", cacheControl)
	h.Set("ETag", contentETag(b))
	http.ServeContent(w, r, "", noValidators, bytes.NewReader(b))
	return nil
}

// openAPIDoc describes the JSON API under /api/v1/. A test checks that it
// names every API route of routes.go and that the server answers every
// path it names.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves /api/v1/openapi.json with the site's own address as the
// server.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		return err
	}
	doc["servers"] = []map[string]string{{"url": s.baseURL(r) + "/api/v1"}}
	return writePublicJSON(w, r, doc)
}
