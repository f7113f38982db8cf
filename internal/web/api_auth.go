package web

import (
	"net/http"
	"strings"

	"newsdesk/internal/news"
)

// keyCacheControl is the caching of answers to requests with an API key:
// they must not be shared by a CDN with requests without one, but may be
// revalidated by ETag.
const keyCacheControl = "private, max-age=0"

// keyed adapts a content API handler to http.Handler for requests that
// carry a working API key: "Authorization: Bearer KEY" or "X-API-Key:
// KEY". Others get 401 with a JSON error.
func (s *Server) keyed(h handlerFunc) http.Handler {
	return s.api(func(w http.ResponseWriter, r *http.Request) error {
		raw := r.Header.Get("X-API-Key")
		if v, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			raw = strings.TrimSpace(v)
		}
		if raw == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="newsdesk"`)
			writeAPIError(w, http.StatusUnauthorized, "an API key is required: send it as Authorization: Bearer KEY")
			return nil
		}
		if _, err := s.store.APIKeyFor(r.Context(), raw); err != nil {
			if news.ErrorCode(err) != news.ErrNotFound {
				return err
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="newsdesk", error="invalid_token"`)
			writeAPIError(w, http.StatusUnauthorized, "the API key is not valid or has been revoked")
			return nil
		}
		return h(w, r)
	})
}
