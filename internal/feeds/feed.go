// Package feeds encodes newsdesk's syndication formats: RSS 2.0, Atom and
// JSON Feed 1.1 from one Feed value. The encoders are pure: the web layer
// gathers the stories, and decides what a feed holds and where it lives.
package feeds

import (
	"errors"
	"time"
)

// Feed is one feed: an edition, a section, a tag or an author's stories.
type Feed struct {
	Title       string
	Description string
	Language    string    // BCP 47, e.g. "en" or "ru"
	Link        string    // absolute URL of the page the feed follows
	Self        string    // absolute URL of the feed itself
	Icon        string    // absolute URL of the site's icon; optional
	Updated     time.Time // the newest change to any item
	Items       []Item
}

// Item is one story in a feed.
type Item struct {
	// ID never changes once the story is published, even when its
	// headline, slug or section do, so readers do not see it twice.
	ID      string
	URL     string
	Title   string
	Summary string // plain text
	// ContentHTML is the story's sanitised body; empty for summary-only
	// feeds.
	ContentHTML string
	Published   time.Time
	Updated     time.Time
	Authors     []string
	Categories  []string
	Image       string // absolute URL of the featured image; optional
	Enclosures  []Enclosure
}

// Enclosure is a media file attached to an item.
type Enclosure struct {
	URL    string
	Type   string // MIME type
	Length int64  // bytes
}

// errNoSelf is returned for a feed that does not know its own URL, which
// every format here requires (atom:link rel=self, Atom id, feed_url).
var errNoSelf = errors.New("feeds: feed has no self URL")

// modified is when an item last changed.
func (it Item) modified() time.Time {
	if it.Updated.After(it.Published) {
		return it.Updated
	}
	return it.Published
}

// updated is the feed's last change: the given time, else its newest item.
func (f Feed) updated() time.Time {
	u := f.Updated
	for _, it := range f.Items {
		if m := it.modified(); m.After(u) {
			u = m
		}
	}
	return u.UTC()
}
