package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

// startCache makes the fixture's page cache ready without a watcher, so
// that only the catch-ups a test asks for purge it: what a cached page
// shows is then up to the test, not to a clock.
func (f *fixture) startCache(t *testing.T) {
	t.Helper()
	last, err := f.store.LastChange(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f.srv.cache.start(last)
}

// cached reports whether the page at path is in the cache.
func (f *fixture) cached(path string) bool {
	key, ok := f.srv.cacheKey(httptest.NewRequest(http.MethodGet, path, nil))
	return ok && f.srv.cache.get(key) != nil
}

// storyPath is the lead story's address.
func (f *fixture) storyPath() string { return fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug) }

// TestCachePurgedByWrites: every cached page that shows a story changes as
// soon as the cache catches up after a write to it, as the desk does after
// each of its writes; until then the cache answers.
func TestCachePurgedByWrites(t *testing.T) {
	f := newFixture(t, 12)
	f.startCache(t)
	ctx := context.Background()
	pages := []string{f.storyPath(), "/", "/world/", "/tags/air-strikes"}
	for _, p := range pages {
		f.mustGet(t, p, http.StatusOK)
		if !f.cached(p) {
			t.Fatalf("%s is not cached after a GET", p)
		}
	}

	for _, tc := range []struct {
		name  string
		write func(t *testing.T)
		// what each page shows after the catch-up; "" for pages that
		// need only be purged
		want map[string]string
	}{
		{"headline", func(t *testing.T) {
			st, err := f.store.Story(ctx, f.lead.ID)
			if err != nil {
				t.Fatal(err)
			}
			st.Headline = "Locals want troops out, council says"
			if err := f.store.UpdateStory(ctx, &st); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{
			f.storyPath(): "Locals want troops out, council says", "/": "Locals want troops out, council says",
			"/world/": "Locals want troops out, council says", "/tags/air-strikes": "Locals want troops out, council says",
		}},
		{"note", func(t *testing.T) {
			if _, err := f.store.AddNote(ctx, news.Note{StoryID: f.lead.ID, Kind: news.NoteCorrection, Text: "The strike was on Tuesday."}); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{f.storyPath(): "The strike was on Tuesday.", "/": "", "/world/": "", "/tags/air-strikes": ""}},
		{"tag rename", func(t *testing.T) {
			tag, err := f.store.TagBySlug(ctx, "en", "air-strikes")
			if err != nil {
				t.Fatal(err)
			}
			tag.Name, tag.Slug = "Airstrikes", ""
			if err := f.store.UpdateTag(ctx, &tag); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{f.storyPath(): ">Airstrikes</a>", "/": ">Airstrikes</a>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := map[string]string{}
			for p := range tc.want {
				before[p] = f.mustGet(t, p, http.StatusOK).body
			}
			tc.write(t)
			for p := range tc.want {
				if got := f.mustGet(t, p, http.StatusOK).body; got != before[p] {
					t.Errorf("%s changed before the cache caught up: not served from the cache", p)
				}
			}
			if err := f.srv.cache.catchUp(ctx); err != nil {
				t.Fatal(err)
			}
			for p, want := range tc.want {
				if f.cached(p) {
					t.Errorf("%s still cached after the catch-up", p)
				}
				if body := f.mustGet(t, p, http.StatusOK).body; want != "" && !strings.Contains(body, want) {
					t.Errorf("%s does not show %q after the catch-up", p, want)
				}
			}
		})
	}

	t.Run("other pages stay", func(t *testing.T) {
		f.mustGet(t, "/business/", http.StatusOK)
		if _, err := f.store.AddNote(ctx, news.Note{StoryID: f.lead.ID, Kind: news.NoteUpdate, Text: "More."}); err != nil {
			t.Fatal(err)
		}
		if err := f.srv.cache.catchUp(ctx); err != nil {
			t.Fatal(err)
		}
		if !f.cached("/business/") {
			t.Error("a note on a World story purged the Business page")
		}
	})
}

// TestCacheHTTP: pages from the cache answer as rendered ones do, and what
// must not be cached is not.
func TestCacheHTTP(t *testing.T) {
	f := newFixture(t, englishStories)
	f.startCache(t)
	path := f.storyPath()
	first := f.mustGet(t, path, http.StatusOK)
	etag, modified := first.header.Get("ETag"), first.header.Get("Last-Modified")
	if etag == "" || modified == "" {
		t.Fatalf("story page without validators: ETag %q, Last-Modified %q", etag, modified)
	}
	if !f.cached(path) {
		t.Fatal("story page not cached")
	}
	keys := strings.Fields(first.header.Get("Surrogate-Key"))
	for _, want := range []string{news.StoryKey(f.lead.ID), news.NavKey("en"), news.KeyEditions, news.TagKey(f.lead.Tags[0].ID)} {
		if !slices.Contains(keys, want) {
			t.Errorf("Surrogate-Key %q lacks %s", keys, want)
		}
	}
	req := func(method string, header ...string) *http.Request {
		r := httptest.NewRequest(method, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		return r
	}
	for _, tc := range []struct {
		name   string
		r      *http.Request
		status int
		body   string
	}{
		{"from the cache", req(http.MethodGet), http.StatusOK, first.body},
		{"If-None-Match", req(http.MethodGet, "If-None-Match", etag), http.StatusNotModified, ""},
		{"If-Modified-Since", req(http.MethodGet, "If-Modified-Since", modified), http.StatusNotModified, ""},
		{"HEAD", req(http.MethodHead), http.StatusOK, ""},
		{"range", req(http.MethodGet, "Range", "bytes=0-14"), http.StatusPartialContent, first.body[:15]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := f.do(t, tc.r)
			if res.status != tc.status || res.body != tc.body {
				t.Errorf("status %d, body %.80q; want %d, %.80q", res.status, res.body, tc.status, tc.body)
			}
			if tc.status == http.StatusOK {
				for _, h := range []string{"ETag", "Last-Modified", "Cache-Control", "Content-Type"} {
					if got, want := res.header.Get(h), first.header.Get(h); got != want {
						t.Errorf("%s = %q, want %q", h, got, want)
					}
				}
			}
		})
	}

	for _, tc := range []struct {
		path   string
		status int
		cached bool
	}{
		{"/world/99999-no-such-story", http.StatusNotFound, false},
		{"/no-such-section/", http.StatusNotFound, false},
		{"/world/?page=99", http.StatusNotFound, false},
		{"/world/?page=2", http.StatusOK, true},
		{"/world/?utm_source=x", http.StatusOK, false},
		{fmt.Sprintf("/business/%d-%s", f.lead.ID, f.lead.Slug), http.StatusMovedPermanently, false},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res := f.get(t, tc.path)
			if res.status != tc.status {
				t.Fatalf("status %d, want %d", res.status, tc.status)
			}
			if got := f.cached(tc.path); got != tc.cached {
				t.Errorf("cached = %v, want %v", got, tc.cached)
			}
			if res.status == http.StatusNotFound && res.header.Get("Cache-Control") != "no-store" {
				t.Errorf("error page Cache-Control = %q, want no-store", res.header.Get("Cache-Control"))
			}
		})
	}
}

// TestCacheKeyNamesTheOrigin: without a configured base URL pages link to
// the host they were asked for, so each host has its own entries.
func TestCacheKeyNamesTheOrigin(t *testing.T) {
	srv := &Server{}
	key := func(target, host string) string {
		r := httptest.NewRequest(http.MethodGet, target, nil)
		r.Host = host
		k, _ := srv.cacheKey(r)
		return k
	}
	if a, b := key("/", "news.example"), key("/", "evil.example"); a == b {
		t.Errorf("two hosts share the cache key %q", a)
	}
	for target, want := range map[string]bool{"/x/?page=2": true, "/x/?page=02": false, "/x/?page=2&page=3": false, "/x/?q=1": false, "/x/": true} {
		r := httptest.NewRequest(http.MethodGet, target, nil)
		if _, ok := srv.cacheKey(r); ok != want {
			t.Errorf("cacheKey(%s) ok = %v, want %v", target, ok, want)
		}
	}
	if _, ok := srv.cacheKey(httptest.NewRequest(http.MethodPost, "/", nil)); ok {
		t.Error("a POST has a cache key")
	}
}

func TestPageCacheBounds(t *testing.T) {
	entry := func(url string, keys ...string) *cacheEntry {
		return &cacheEntry{url: url, keys: keys, body: make([]byte, 1000)}
	}
	one := entry("a", "story:1").size()
	c := newPageCache(nil, 8*one+one/2, nil) // room for eight of them
	c.start(0)
	gen, _ := c.begin()
	c.put(entry("a", "story:1"), gen)
	c.put(entry("b", "story:2"), gen)
	for i := 3; i <= 8; i++ {
		c.put(entry(fmt.Sprint(i), "story:"+fmt.Sprint(i)), gen)
	}
	c.get("a") // a is used again: b is now the oldest
	c.put(entry("9", "story:9"), gen)
	for url, want := range map[string]bool{"a": true, "b": false, "3": true, "9": true} {
		if got := c.get(url) != nil; got != want {
			t.Errorf("%s cached = %v, want %v", url, got, want)
		}
	}
	if c.size > c.max {
		t.Errorf("size %d over the bound %d", c.size, c.max)
	}
	if _, ok := c.byKey["story:2"]; ok {
		t.Error("an evicted entry is still indexed by its key")
	}
	if c.put(&cacheEntry{url: "big", keys: []string{"x"}, body: make([]byte, c.max)}, gen); c.get("big") != nil {
		t.Error("an entry of the whole cache's size was stored")
	}

	// A page rendered while a change to what it shows was applied is not
	// stored; one that the change does not concern is.
	gen, _ = c.begin()
	c.apply([]news.Change{{ID: 1, Keys: []string{"story:80"}}})
	c.put(entry("stale", "story:80"), gen)
	c.put(entry("fresh", "story:90"), gen)
	if c.get("stale") != nil || c.get("fresh") == nil {
		t.Errorf("after a change to story:80: stale cached %v, fresh cached %v; want false, true", c.get("stale") != nil, c.get("fresh") != nil)
	}
	c.stop()
	if c.get("fresh") != nil || c.len() != 0 {
		t.Error("a stopped cache still serves")
	}
}

func TestPageRecorderCacheable(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		header []string
		keys   []string
		want   bool
	}{
		{"page", 200, []string{"Cache-Control", "public, max-age=0, s-maxage=60"}, []string{"story:1"}, true},
		{"no keys", 200, nil, nil, false},
		{"error", 404, nil, []string{"story:1"}, false},
		{"redirect", 301, nil, []string{"story:1"}, false},
		{"cookie", 200, []string{"Set-Cookie", "session=1"}, []string{"story:1"}, false},
		{"private", 200, []string{"Cache-Control", "private"}, []string{"story:1"}, false},
		{"no-store", 200, []string{"Cache-Control", "no-store"}, []string{"story:1"}, false},
		{"vary", 200, []string{"Vary", "Cookie"}, []string{"story:1"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &pageRecorder{header: http.Header{}, body: new(bytes.Buffer)}
			for i := 0; i+1 < len(tc.header); i += 2 {
				rec.header.Set(tc.header[i], tc.header[i+1])
			}
			rec.WriteHeader(tc.status)
			rec.Write([]byte("page"))
			if _, got := rec.entry("/", tc.keys); got != tc.want {
				t.Errorf("cacheable = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestCacheCatchUpCancelled: a catch-up cut short (a desk writer who hung
// up) leaves the cache as it was, to be caught up by the next read.
func TestCacheCatchUpCancelled(t *testing.T) {
	f := newFixture(t, 3)
	f.startCache(t)
	f.mustGet(t, f.storyPath(), http.StatusOK)
	if _, err := f.store.AddNote(context.Background(), news.Note{StoryID: f.lead.ID, Kind: news.NoteUpdate, Text: "Later."}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.srv.cache.catchUp(ctx); err == nil {
		t.Fatal("catch-up with a cancelled context succeeded")
	}
	if _, ready := f.srv.cache.begin(); !ready || !f.cached(f.storyPath()) {
		t.Fatalf("a cancelled catch-up emptied the cache (ready %v)", ready)
	}
	if err := f.srv.cache.catchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "story page", f.mustGet(t, f.storyPath(), http.StatusOK).body, "Later.")
}

// TestCacheOneRenderAtATime: readers asking for a page being rendered wait
// for that render and get its page.
func TestCacheOneRenderAtATime(t *testing.T) {
	c := newPageCache(nil, DefaultCacheSize, nil)
	if c.claim("/") != nil {
		t.Fatal("the first claim of a page waits")
	}
	wait := c.claim("/")
	if wait == nil {
		t.Fatal("a second claim of a page being rendered does not wait")
	}
	c.release("/")
	<-wait // closed by release: a hang here fails the test by its timeout
	if c.claim("/") != nil {
		t.Error("a page is still claimed after its render ended")
	}
	c.release("/")

	f := newFixture(t, englishStories)
	f.startCache(t)
	want := ""
	bodies := make(chan string, 16)
	for range cap(bodies) {
		go func() {
			w := httptest.NewRecorder()
			f.handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/world/", nil))
			bodies <- fmt.Sprint(w.Code, " ", w.Body.String())
		}()
	}
	for range cap(bodies) {
		got := <-bodies
		if want == "" {
			want = got
		}
		if got != want || !strings.HasPrefix(got, "200 ") {
			t.Fatalf("concurrent readers of one page got different answers: %.60q and %.60q", got, want)
		}
	}
}

// TestCacheNoStaleAfterRacingWrites: readers keep rendering and caching
// pages while a writer changes the story they show, catching up after each
// write as the desk does. However their renders and the catch-ups
// interleave, once the writes are done every page shows the last one.
func TestCacheNoStaleAfterRacingWrites(t *testing.T) {
	f := newFixture(t, 12)
	f.startCache(t)
	ctx := context.Background()
	pages := []string{f.storyPath(), "/", "/world/", "/tags/air-strikes"}
	stop := make(chan struct{})
	readersDone := make(chan struct{})
	const readers = 4
	for i := range readers {
		go func() {
			defer func() { readersDone <- struct{}{} }()
			for n := i; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				w := httptest.NewRecorder()
				f.handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, pages[n%len(pages)], nil))
			}
		}()
	}
	const writes = 25
	last := ""
	for i := range writes {
		st, err := f.store.Story(ctx, f.lead.ID)
		if err != nil {
			t.Fatal(err)
		}
		last = fmt.Sprintf("Locals want troops out, version %d", i)
		st.Headline = last
		if err := f.store.UpdateStory(ctx, &st); err != nil {
			t.Fatal(err)
		}
		if err := f.srv.cache.catchUp(ctx); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	for range readers {
		<-readersDone
	}
	for _, p := range pages {
		if body := f.mustGet(t, p, http.StatusOK).body; !strings.Contains(body, last) {
			t.Errorf("%s does not show the last headline %q after the writes", p, last)
		}
	}
}
