package web

import (
	"bytes"
	"container/list"
	"context"
	"net/http"
	"slices"
	"sync"
	"time"

	"newsdesk/internal/news"
)

// The page cache keeps rendered public pages in memory, so that a page is
// rendered once per change to what it shows rather than once per reader.
// It is exact: every page carries the surrogate keys of what it shows
// (news.StoryKey and its neighbours), every write records the keys it
// touched as a change in the same transaction, and the cache purges the
// pages of each change as it reads them. It reads them right after each
// desk write on this node, when PostgreSQL notifies a change from another
// node, and every pollInterval for what other processes wrote (`newsdesk
// import` on the same SQLite file).
//
// The cache serves only while Server.Watch runs: without it, changes from
// elsewhere would go unseen. It stores only whole 200 responses that are
// the same for every reader: never error pages, redirects, responses that
// set a cookie or say private or no-store.

// DefaultCacheSize bounds the memory of the page cache when Config leaves
// it at zero: some thousands of story pages.
const DefaultCacheSize = 64 << 20

// pollInterval is how often the cache reads changes that no notification
// announced.
const pollInterval = 500 * time.Millisecond

// changesPerRead is how many changes one read of the store returns.
const changesPerRead = 500

// recentChanges is how many applied changes the cache remembers, to tell
// whether a page rendered while they were applied may still be stored.
const recentChanges = 256

// entryOverhead approximates the memory of an entry beside its body.
const entryOverhead = 512

// pageCache is a size-bounded LRU of rendered pages with an index from
// surrogate key to the pages that carry it.
type pageCache struct {
	store Store
	max   int64
	// changed is told the keys of the changes applied, for the caches
	// that pages are built from (navigation, popular topics).
	changed func(keys []string)

	mu    sync.Mutex
	size  int64
	lru   list.List // of *cacheEntry, most recently used first
	byURL map[string]*list.Element
	byKey map[string]map[*cacheEntry]struct{}
	// started is set while a watcher runs; ready while the changes are
	// read without failure; last is the id of the last change applied.
	started bool
	ready   bool
	last    int64
	// gen counts the changes applied; recent holds the keys of the last
	// ones, recent[i] being those of change gen-len(recent)+i+1.
	gen    uint64
	recent [][]string

	catching sync.Mutex // one reader of the changes at a time

	// rendering holds, per page being rendered for the cache, a channel
	// closed when the render is done.
	rendering map[string]chan struct{}
}

// cacheEntry is one rendered page and what serving it again needs.
type cacheEntry struct {
	url      string
	keys     []string
	body     []byte
	header   http.Header // as the handler set it, but for what ServeContent sets
	modified time.Time
}

func (e *cacheEntry) size() int64 {
	n := int64(len(e.body) + len(e.url) + entryOverhead)
	for _, k := range e.keys {
		n += int64(len(k)) + 48
	}
	return n
}

// serve writes the entry, answering HEAD, conditional and range requests
// as http.ServeContent does.
func (e *cacheEntry) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, v := range e.header {
		h[k] = v
	}
	http.ServeContent(w, r, "", e.modified, bytes.NewReader(e.body))
}

func newPageCache(st Store, max int64, changed func(keys []string)) *pageCache {
	return &pageCache{
		store: st, max: max, changed: changed,
		byURL: map[string]*list.Element{},
		byKey: map[string]map[*cacheEntry]struct{}{},

		rendering: map[string]chan struct{}{},
	}
}

// claim marks url as being rendered and returns nil, or, when another
// request is rendering it already, a channel closed when that is done.
func (c *pageCache) claim(url string) <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, ok := c.rendering[url]; ok {
		return ch
	}
	c.rendering[url] = make(chan struct{})
	return nil
}

// release ends the render that claim gave to the caller.
func (c *pageCache) release(url string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	close(c.rendering[url])
	delete(c.rendering, url)
}

// get returns the page cached under url, marking it recently used.
func (c *pageCache) get(url string) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.ready {
		return nil
	}
	el, ok := c.byURL[url]
	if !ok {
		return nil
	}
	c.lru.MoveToFront(el)
	return el.Value.(*cacheEntry)
}

// begin returns the generation a render starts at, and whether the cache
// is ready to store what it renders.
func (c *pageCache) begin() (uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen, c.ready
}

// put stores e, rendered from the state of generation gen, unless a change
// applied since then touched one of its keys: the page may show what that
// change replaced. When too many changes went by to tell, it is dropped.
func (c *pageCache) put(e *cacheEntry, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.ready || e.size() > c.max/8 {
		return
	}
	if missed := c.gen - gen; missed > 0 {
		if missed > uint64(len(c.recent)) {
			return
		}
		mine := make(map[string]bool, len(e.keys))
		for _, k := range e.keys {
			mine[k] = true
		}
		for _, keys := range c.recent[len(c.recent)-int(missed):] {
			for _, k := range keys {
				if mine[k] {
					return
				}
			}
		}
	}
	if el, ok := c.byURL[e.url]; ok {
		c.remove(el)
	}
	c.byURL[e.url] = c.lru.PushFront(e)
	c.size += e.size()
	for _, k := range e.keys {
		set := c.byKey[k]
		if set == nil {
			set = map[*cacheEntry]struct{}{}
			c.byKey[k] = set
		}
		set[e] = struct{}{}
	}
	for c.size > c.max {
		c.remove(c.lru.Back())
	}
}

// remove drops an entry and its index entries; c.mu is held.
func (c *pageCache) remove(el *list.Element) {
	e := c.lru.Remove(el).(*cacheEntry)
	delete(c.byURL, e.url)
	c.size -= e.size()
	for _, k := range e.keys {
		set := c.byKey[k]
		delete(set, e)
		if len(set) == 0 {
			delete(c.byKey, k)
		}
	}
}

// apply purges the pages of each change, in order. The caches that pages
// are built from are told first: a render that starts after the purge
// must not build on what they held before the change.
func (c *pageCache) apply(chs []news.Change) {
	if c.changed != nil {
		var all []string
		for _, ch := range chs {
			all = append(all, ch.Keys...)
		}
		if len(all) > 0 {
			c.changed(all)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ch := range chs {
		for _, k := range ch.Keys {
			for e := range c.byKey[k] {
				c.remove(c.byURL[e.url])
			}
		}
		c.gen++
		c.recent = append(c.recent, ch.Keys)
		if len(c.recent) > recentChanges {
			c.recent = slices.Delete(c.recent, 0, len(c.recent)-recentChanges)
		}
		c.last = ch.ID
	}
}

// start makes the cache ready, applying changes after last from now on.
func (c *pageCache) start(last int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.started, c.ready, c.last = true, true, last
}

// stop empties the cache and stores nothing until start: nobody keeps it
// in step any more.
func (c *pageCache) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.started, c.ready = false, false
	c.clear()
}

// clear drops every entry; c.mu is held. Pages being rendered now were
// read before it, so the generation moves past them.
func (c *pageCache) clear() {
	c.lru.Init()
	c.byURL = map[string]*list.Element{}
	c.byKey = map[string]map[*cacheEntry]struct{}{}
	c.size = 0
	c.gen += recentChanges + 1
	c.recent = nil
}

// catchUp reads the changes committed since the last one applied and
// purges their pages. Desk handlers call it after each write, so that the
// writer's next page view shows the write. When the changes cannot be read
// the cache empties itself and stores nothing until a read succeeds: it
// would not know what to purge. It returns the error for the log.
func (c *pageCache) catchUp(ctx context.Context) error {
	if c == nil {
		return nil
	}
	c.catching.Lock()
	defer c.catching.Unlock()
	c.mu.Lock()
	last, started := c.last, c.started
	c.mu.Unlock()
	if !started {
		return nil
	}
	for {
		chs, err := c.store.ChangesAfter(ctx, last, changesPerRead)
		if err != nil && ctx.Err() != nil {
			return err // stopped, not failed: the next read resumes at last
		}
		if err != nil {
			c.mu.Lock()
			c.ready = false
			c.clear()
			c.mu.Unlock()
			return err
		}
		c.apply(chs)
		if len(chs) > 0 {
			last = chs[len(chs)-1].ID
		}
		if len(chs) < changesPerRead {
			break
		}
	}
	c.mu.Lock()
	c.ready = c.started
	c.mu.Unlock()
	return nil
}

// len reports the number of cached pages, for tests.
func (c *pageCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}
