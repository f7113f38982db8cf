package news

import (
	"strconv"
	"time"
)

// StoryLink is what a sitemap needs of a published story: its address,
// when it last changed, its translation group, and for news sitemaps its
// headline and publication time.
type StoryLink struct {
	ID               int64
	Edition          string
	SectionSlug      string
	Slug             string
	Headline         string
	PublishedAt      time.Time
	UpdatedAt        time.Time
	TranslationGroup int64
}

// Path is the story's URL path within its edition, as Story.Path.
func (l StoryLink) Path() string {
	return "/" + l.SectionSlug + "/" + strconv.FormatInt(l.ID, 10) + "-" + l.Slug
}

// Modified is the later of the published and updated times.
func (l StoryLink) Modified() time.Time {
	if l.UpdatedAt.After(l.PublishedAt) {
		return l.UpdatedAt
	}
	return l.PublishedAt
}
