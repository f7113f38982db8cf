package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"newsdesk/internal/web/respond"
	"strings"
	"time"
)

// cachedPage is page through the page cache.
func (s *Server) cachedPage(h handlerFunc) http.Handler { return s.cached(s.page(h)) }

// cached serves a public page from the page cache, rendering it with next
// on a miss and storing the result with the keys next named through
// addKeys. Requests the cache cannot key, and everything while no watcher
// runs, go straight to next.
func (s *Server) cached(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := s.cache
		key, ok := s.cacheKey(r)
		if c == nil || !ok {
			next.ServeHTTP(w, r)
			return
		}
		if e := c.get(key); e != nil {
			e.serve(w, r)
			return
		}
		gen, ready := c.begin()
		if !ready {
			next.ServeHTTP(w, r)
			return
		}
		// One render of a page at a time: when a change has just purged
		// the home page, the readers asking for it meanwhile wait for that
		// render rather than each doing it again. A waiter whose page was
		// not stored (an error, a change meanwhile) renders it itself.
		if wait := c.claim(key); wait != nil {
			select {
			case <-wait:
			case <-r.Context().Done():
				return
			}
			if e := c.get(key); e != nil {
				e.serve(w, r)
				return
			}
			gen, _ = c.begin()
		} else {
			defer c.release(key)
		}
		// Render the whole page whatever the request asked: a HEAD, a
		// conditional or a range request is answered from the entry.
		keys := &pageKeys{}
		full := r.Clone(context.WithValue(r.Context(), pageKeysKey{}, keys))
		full.Method = http.MethodGet
		for _, h := range []string{"If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range", "Range"} {
			full.Header.Del(h)
		}
		body, release := respond.Buffer()
		defer release()
		rec := &pageRecorder{header: http.Header{}, body: body}
		next.ServeHTTP(rec, full)
		e, ok := rec.entry(key, keys.list)
		if !ok {
			rec.replay(w)
			return
		}
		c.put(e, gen)
		e.serve(w, r)
	})
}

// cacheKey names the page a request asks for: the origin its links are
// made for, its path and its page number. Other query parameters would
// let anyone fill the cache with copies of one page, so requests with
// them are not cached.
func (s *Server) cacheKey(r *http.Request) (string, bool) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return "", false
	}
	key := s.baseURL(r) + r.URL.Path
	if r.URL.RawQuery == "" {
		return key, true
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil || len(q) != 1 || len(q["page"]) != 1 {
		return "", false
	}
	p := q.Get("page")
	if p == "" || p[0] == '0' || strings.Trim(p, "0123456789") != "" || len(p) > 6 {
		return "", false
	}
	return key + "?page=" + p, true
}

// pageKeys gathers the surrogate keys of what a page shows.
type pageKeys struct {
	list []string
	seen map[string]bool
}

type pageKeysKey struct{}

// addKeys names what the page being rendered shows, for the page cache.
// Handlers name every story, list and navigation they show; it does
// nothing when the page is not being cached.
func addKeys(r *http.Request, keys ...string) {
	if pk, ok := r.Context().Value(pageKeysKey{}).(*pageKeys); ok {
		if pk.seen == nil {
			pk.seen = make(map[string]bool, len(keys))
		}
		for _, k := range keys {
			if !pk.seen[k] {
				pk.seen[k] = true
				pk.list = append(pk.list, k)
			}
		}
	}
}

// pageRecorder holds a rendered response until it is known whether it
// can be cached.
type pageRecorder struct {
	header http.Header
	status int
	body   *bytes.Buffer // pooled (respond.Buffer); the entry keeps a copy
}

func (p *pageRecorder) Header() http.Header { return p.header }

func (p *pageRecorder) WriteHeader(status int) {
	if p.status == 0 {
		p.status = status
	}
}

func (p *pageRecorder) Write(b []byte) (int, error) {
	if p.status == 0 {
		p.status = http.StatusOK
	}
	return p.body.Write(b)
}

// entry makes a cache entry of a response that is the same for every
// reader: a 200 with a body, no cookie, and no Cache-Control forbidding a
// shared cache.
func (p *pageRecorder) entry(url string, keys []string) (*cacheEntry, bool) {
	h := p.header
	cc := h.Get("Cache-Control")
	if p.status != http.StatusOK || len(keys) == 0 || h.Get("Set-Cookie") != "" || h.Get("Vary") != "" ||
		strings.Contains(cc, "private") || strings.Contains(cc, "no-store") {
		return nil, false
	}
	var modified time.Time
	if lm := h.Get("Last-Modified"); lm != "" {
		modified, _ = http.ParseTime(lm)
	}
	kept := h.Clone()
	for _, k := range []string{"Content-Length", "Content-Range", "Accept-Ranges", "Last-Modified"} {
		kept.Del(k) // ServeContent sets them for each request
	}
	// A CDN in front may purge by these keys as this cache does.
	kept.Set("Surrogate-Key", strings.Join(keys, " "))
	return &cacheEntry{url: url, keys: keys, body: bytes.Clone(p.body.Bytes()), header: kept, modified: modified}, true
}

// replay writes the recorded response as it was.
func (p *pageRecorder) replay(w http.ResponseWriter) {
	if p.status == 0 {
		return // the handler wrote nothing: the reader had gone
	}
	for k, v := range p.header {
		w.Header()[k] = v
	}
	w.WriteHeader(p.status)
	_, _ = w.Write(p.body.Bytes())
}

// Watch keeps the page cache exact until ctx ends: it reads the changes
// every pollInterval and, on PostgreSQL, as soon as another node notifies
// one. The cache serves only while Watch runs. It returns nil when ctx
// ends.
func (s *Server) Watch(ctx context.Context) error {
	c := s.cache
	if c == nil {
		<-ctx.Done()
		return nil
	}
	var last int64
	for {
		var err error
		if last, err = s.store.LastChange(ctx); err == nil {
			break
		}
		s.log.WarnContext(ctx, "page cache: read last change", "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Second):
		}
	}
	c.start(last)
	defer c.stop()

	wake := make(chan struct{}, 1)
	go s.listenChanges(ctx, wake)
	tick := time.NewTicker(s.poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		case <-wake:
		}
		if err := c.catchUp(ctx); err != nil && ctx.Err() == nil {
			s.log.WarnContext(ctx, "page cache: read changes; cache emptied until they can be read", "err", err)
		}
	}
}

// listenChanges signals wake whenever the store is notified of a change,
// reconnecting after failures, until ctx ends.
func (s *Server) listenChanges(ctx context.Context, wake chan<- struct{}) {
	for ctx.Err() == nil {
		err := s.store.WatchChanges(ctx, func() {
			select {
			case wake <- struct{}{}:
			default:
			}
		})
		if err == nil {
			continue
		}
		s.log.WarnContext(ctx, "page cache: listen for changes", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// CatchUpAfterWrite purges the public pages a write changed before its
// answer leaves (net/http sends a small response when the handler
// returns), so the next page the writer opens shows it. It is not cut
// short by a writer who has gone: the readers have not. The desk calls it
// after each write, as the admin API does.
func (s *Server) CatchUpAfterWrite(r *http.Request) {
	if err := s.cache.catchUp(context.WithoutCancel(r.Context())); err != nil {
		s.log.WarnContext(r.Context(), "page cache: read changes after a write", "err", err)
	}
}
