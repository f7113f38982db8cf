package web

import (
	"context"
	"fmt"
	"sync"
	"time"

	"newsdesk/internal/news"
)

// navTTL is how long the editions and an edition's sections, read for the
// header of every page, are reused before the store is asked again.
//
// Why a cache at all: the two queries are about 6% of a story page's CPU.
// Why it expires by itself: the page cache resets it when it reads a change
// to the editions or sections, but only while Server.Watch runs; without a
// watcher nothing would. One second is less than readers can notice. Why
// bounded: it holds one editions list and one sections list per edition
// that list names.
const navTTL = time.Second

// navCache holds the lists the navigation is built from. The slices it hands
// out are shared between requests and must not be modified. The page cache
// resets it when a change touches them, so that pages rendered after the
// change show it; gen makes sure that a list read before a reset is not
// kept after it.
type navCache struct {
	mu       sync.Mutex
	gen      uint64
	editions []news.Edition
	edsRead  time.Time
	sections map[string]navSections // by edition code
	settings *news.Settings
	setRead  time.Time
}

// reset forgets every list.
func (c *navCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.editions, c.sections, c.settings = nil, nil, nil
}

// navSections is one edition's sections as last read.
type navSections struct {
	list []news.Section
	read time.Time
}

// Editions returns every edition as the navigation holds them: the desk
// reads them so too.
func (s *Server) Editions(ctx context.Context) ([]news.Edition, error) { return s.loadEditions(ctx) }

// loadEditions reads every edition, reusing a list at most navTTL old.
func (s *Server) loadEditions(ctx context.Context) ([]news.Edition, error) {
	c := &s.nav
	c.mu.Lock()
	eds, read, gen := c.editions, c.edsRead, c.gen
	c.mu.Unlock()
	if eds != nil && time.Since(read) < navTTL {
		return eds, nil
	}
	eds, err := s.store.Editions(ctx)
	if err != nil {
		return nil, fmt.Errorf("web: load editions: %w", err)
	}
	c.mu.Lock()
	if c.gen == gen {
		c.editions, c.edsRead = eds, time.Now()
	}
	c.mu.Unlock()
	return eds, nil
}

// loadSettings reads the site's settings, reusing them at most navTTL.
func (s *Server) loadSettings(ctx context.Context) (news.Settings, error) {
	c := &s.nav
	c.mu.Lock()
	set, read, gen := c.settings, c.setRead, c.gen
	c.mu.Unlock()
	if set != nil && time.Since(read) < navTTL {
		return *set, nil
	}
	fresh, err := s.store.Settings(ctx)
	if err != nil {
		return news.Settings{}, fmt.Errorf("web: load settings: %w", err)
	}
	c.mu.Lock()
	if c.gen == gen {
		c.settings, c.setRead = &fresh, time.Now()
	}
	c.mu.Unlock()
	return fresh, nil
}

// loadSections reads the sections of an edition the store has just named,
// reusing a list at most navTTL old.
func (s *Server) loadSections(ctx context.Context, edition string) ([]news.Section, error) {
	c := &s.nav
	c.mu.Lock()
	cached, ok := c.sections[edition]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Since(cached.read) < navTTL {
		return cached.list, nil
	}
	secs, err := s.store.Sections(ctx, edition)
	if err != nil {
		return nil, fmt.Errorf("web: load sections of %s: %w", edition, err)
	}
	c.mu.Lock()
	if c.gen == gen {
		if c.sections == nil {
			c.sections = map[string]navSections{}
		}
		c.sections[edition] = navSections{list: secs, read: time.Now()}
	}
	c.mu.Unlock()
	return secs, nil
}
