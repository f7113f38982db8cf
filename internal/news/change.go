package news

import (
	"strconv"
	"time"
)

// Change is one committed write, named by the surrogate keys of what it
// touched: every public page built from one of those things is stale. The
// store records a change in the same transaction as the write, so a page
// cache that reads the changes in order misses none.
type Change struct {
	ID   int64 // rises in commit order
	At   time.Time
	Keys []string
}

// Surrogate keys. A story write names the story and every list it was or
// is in (its edition, section, tags and bylines, before and after); a page
// names the same keys for what it shows. The edition, section, tag and
// author keys are also the scopes of the store's story counts.

// StoryKey names one story: its page and the cards that show it.
func StoryKey(id int64) string { return "story:" + strconv.FormatInt(id, 10) }

// EditionKey names the lists of an edition: its front page.
func EditionKey(code string) string { return "e:" + code }

// SectionKey names a section's list of stories.
func SectionKey(id int64) string { return "s:" + strconv.FormatInt(id, 10) }

// TagKey names a tag's list of stories.
func TagKey(id int64) string { return "t:" + strconv.FormatInt(id, 10) }

// AuthorKey names an author's list of stories.
func AuthorKey(id int64) string { return "a:" + strconv.FormatInt(id, 10) }

// NavKey names what every page of an edition shows in its header and
// footer: the edition's sections. Creating, renaming, moving or deleting a
// section changes it.
func NavKey(edition string) string { return "nav:" + edition }

// Keys naming what every page, or a whole kind of page, shows.
const (
	// KeyEditions names the list of editions in every page's edition
	// switch; saving an edition changes it.
	KeyEditions = "editions"
	// KeySite names the site's settings, which every page shows: the
	// publication's name and its channels; saving the settings changes it.
	KeySite = "site"
	// KeyFeed names the feeds; KeySitemap the sitemaps.
	KeyFeed    = "feed"
	KeySitemap = "sitemap"
)
