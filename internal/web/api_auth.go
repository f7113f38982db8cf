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
		if _, ok, err := s.requestKey(w, r); !ok || err != nil {
			return err
		}
		return h(w, r)
	})
}

// staffHandler is an action a member of staff takes through the admin
// API: it gets the token's owner and returns an error instead of writing
// one.
type staffHandler func(w http.ResponseWriter, r *http.Request, u news.User) error

// withToken adapts a desk handler to the admin API: the request must carry
// the personal token of a member of staff, and the handler acts as them,
// under the desk's role checks. Public pages a write touched are purged
// before the answer leaves, as after a desk write.
func (s *Server) withToken(h staffHandler) http.Handler {
	return s.api(func(w http.ResponseWriter, r *http.Request) error {
		k, ok, err := s.requestKey(w, r)
		if !ok || err != nil {
			return err
		}
		if k.UserID == 0 {
			return news.Errorf(news.ErrForbidden, "a content API key cannot change anything: use a personal token made at /desk/account/tokens")
		}
		u, err := s.store.User(r.Context(), k.UserID)
		if err != nil {
			return err
		}
		if u.Disabled || !u.Role.Staff() {
			return news.Errorf(news.ErrForbidden, "the token's account has no access to the desk")
		}
		err = h(w, r, u)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.CatchUpAfterWrite(r)
		}
		return err
	})
}

// requestKey finds the working key the request carries, as
// "Authorization: Bearer KEY" or "X-API-Key: KEY". Without one it answers
// 401 itself and reports false.
func (s *Server) requestKey(w http.ResponseWriter, r *http.Request) (news.APIKey, bool, error) {
	raw := r.Header.Get("X-API-Key")
	if v, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		raw = strings.TrimSpace(v)
	}
	if raw == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsdesk"`)
		writeAPIError(w, http.StatusUnauthorized, "an API key is required: send it as Authorization: Bearer KEY")
		return news.APIKey{}, false, nil
	}
	k, err := s.store.APIKeyFor(r.Context(), raw)
	if news.ErrorCode(err) == news.ErrNotFound {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsdesk", error="invalid_token"`)
		writeAPIError(w, http.StatusUnauthorized, "the API key is not valid or has been revoked")
		return news.APIKey{}, false, nil
	}
	return k, err == nil, err
}
