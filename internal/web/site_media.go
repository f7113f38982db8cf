package web

import (
	"errors"
	"mime"
	"net/http"
	"path"
	"strings"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
)

// mediaTypes are the Content-Types of the files the library serves, by
// extension, so that they do not depend on the system's MIME tables.
var mediaTypes = map[string]string{
	".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp", ".gif": "image/gif",
	".mp4": "video/mp4", ".webm": "video/webm",
	".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
	".pdf": "application/pdf",
}

// mediaFile serves a file of the media library, and the widths of its
// images, with range requests (206 Partial Content) so that players can
// seek and downloads resume. Keys hold the hash of the content, so a file
// never changes under its URL and may be cached for a year; the key is its
// ETag. ?download=NAME asks the browser to save it under NAME.
func (s *Server) mediaFile(w http.ResponseWriter, r *http.Request) error {
	key := r.PathValue("key")
	ctype, ok := mediaTypes[path.Ext(key)]
	if s.cfg.Media == nil || !ok || !media.ValidKey(key) {
		return errNotFound
	}
	f, err := s.cfg.Media.Open(r.Context(), key)
	if errors.Is(err, news.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("ETag", `"`+strings.TrimSuffix(key, path.Ext(key))+`"`)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	// The files are served as they are, never as a page of this site:
	// nothing in them runs with its origin. A PDF gets no policy, which
	// browsers' own viewers of PDF would take as a reason to refuse it.
	if ctype == "application/pdf" {
		h.Del("Content-Security-Policy")
	} else {
		h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	}
	if name := r.URL.Query().Get("download"); name != "" {
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": path.Base(name)}))
	}
	http.ServeContent(w, r, "", f.ModTime(), f)
	return nil
}
