package news

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Status is where a story is in its life.
type Status string

// Story statuses. Only published stories are visible on the public site. A
// story in review is a draft that its writer has submitted for an editor to
// publish.
const (
	StatusDraft     Status = "draft"
	StatusReview    Status = "review"
	StatusScheduled Status = "scheduled"
	StatusPublished Status = "published"
	StatusTrashed   Status = "trashed"
)

// Statuses lists every status in the order the desk shows them.
var Statuses = []Status{StatusDraft, StatusReview, StatusScheduled, StatusPublished, StatusTrashed}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	switch s {
	case StatusDraft, StatusReview, StatusScheduled, StatusPublished, StatusTrashed:
		return true
	}
	return false
}

// MediaLabel marks a story as carrying a kind of media. Labels are shown next
// to the headline and are derived from the story's media, never typed into
// the headline.
type MediaLabel string

// Media labels, in the order they are shown.
const (
	LabelVideo  MediaLabel = "video"
	LabelPhotos MediaLabel = "photos"
	LabelAudio  MediaLabel = "audio"
)

// MediaLabels lists every label in display order.
var MediaLabels = []MediaLabel{LabelVideo, LabelPhotos, LabelAudio}

// ParseMediaLabel reads a label case-insensitively, accepting the singular
// and plural forms a headline suffix may use ("VIDEO", "PHOTO", "PHOTOS",
// "AUDIO", "PODCAST").
func ParseMediaLabel(s string) (MediaLabel, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "video", "videos":
		return LabelVideo, true
	case "photo", "photos", "gallery", "pictures":
		return LabelPhotos, true
	case "audio", "podcast":
		return LabelAudio, true
	}
	return "", false
}

// Limits on story fields, checked by Validate.
const (
	MaxHeadlineLen = 300
	MaxLeadLen     = 2000
	MaxBodyLen     = 1 << 20
	MaxSEOLen      = 300
	MaxImageURLLen = 2000
)

// Story is one news story in one edition.
type Story struct {
	ID      int64
	Edition string
	Section Section
	Slug    string

	Headline string
	Lead     string // plain text: the first paragraph, shown in lists too
	Body     string // sanitised HTML; see package markup

	Status      Status
	PublishedAt time.Time // zero until first published; the scheduled time when scheduled
	UpdatedAt   time.Time // zero unless edited after publication
	CreatedAt   time.Time

	Tags    []Tag
	Bylines []Author
	Labels  []MediaLabel

	// TranslationGroup links a story to its versions in other editions; zero
	// when the story has none. The store's LinkTranslations and
	// StartTranslation set it; saving a story keeps it.
	TranslationGroup int64

	SEOTitle    string // <title> when set, else the headline
	SocialTitle string // og:title when set, else the headline
	Description string // meta description when set, else the lead
	// FeaturedImage is the URL of the picture shown above the body and
	// given to social networks; empty when the story has none.
	FeaturedImage string
	SourceKey     string // identifies an imported source, so re-imports are no-ops
	Version       int    // incremented by each save; a stale save is a conflict

	// OwnerID is the staff user who created the story, zero for imported
	// and generated stories. Contributors and authors may change only the
	// stories they own.
	OwnerID int64
	// EditedBy is the staff user making the current save, recorded with its
	// revision; it is not a property of the story itself.
	EditedBy int64 `json:"-"`
	// Media are the library items attached to the story: its lead video
	// or image, gallery, audio and attachments, in order. Single-story
	// reads fill them; lists leave them nil. Saving a story with nil Media
	// keeps the media it has; any other value replaces them, and a story
	// with media gets its Labels from them (see LabelsFor).
	Media []StoryMedia `json:",omitempty"`
	// Translations are the story's versions in other editions, filled by
	// single-story reads; lists leave them nil.
	Translations []Translation `json:",omitempty"`
	// FeaturedMedia is the library item FeaturedImage names, when it names
	// one; single-story reads fill it, for the image's widths and alt text.
	// It is not saved.
	FeaturedMedia *Media `json:"-"`
	// BodyMedia are the library images the body shows (<img src="/media/...">),
	// filled by single-story reads so that pages can offer their widths.
	BodyMedia []Media `json:"-"`
	// Notes are the corrections, clarifications and updates attached to the
	// story after publication, oldest first. Only single-story reads fill
	// them; lists leave them empty.
	Notes []Note
}

// Validate checks the story's fields before it is saved.
func (s *Story) Validate() error {
	v := ValidationErrors{}
	if s.Edition == "" {
		v.Add("edition", "is required")
	}
	if s.Section.ID == 0 {
		v.Add("section", "is required")
	}
	switch h := strings.TrimSpace(s.Headline); {
	case h == "":
		v.Add("headline", "is required")
	case utf8.RuneCountInString(h) > MaxHeadlineLen:
		v.Add("headline", "must be at most "+strconv.Itoa(MaxHeadlineLen)+" characters")
	}
	if utf8.RuneCountInString(s.Lead) > MaxLeadLen {
		v.Add("lead", "must be at most "+strconv.Itoa(MaxLeadLen)+" characters")
	}
	if len(s.Body) > MaxBodyLen {
		v.Add("body", "is too long")
	}
	if !ValidSlug(s.Slug) {
		v.Add("slug", "must be lower-case letters, digits and hyphens")
	}
	for field, text := range map[string]string{"seo_title": s.SEOTitle, "social_title": s.SocialTitle, "description": s.Description} {
		if utf8.RuneCountInString(text) > MaxSEOLen {
			v.Add(field, "must be at most "+strconv.Itoa(MaxSEOLen)+" characters")
		}
	}
	if s.FeaturedImage != "" && !ValidImageURL(s.FeaturedImage) {
		v.Add("featured_image", "must be an http:// or https:// address, or a path on this site such as /media/photo.jpg")
	}
	if !s.Status.Valid() {
		v.Add("status", "is not a known status")
	}
	if (s.Status == StatusPublished || s.Status == StatusScheduled) && s.PublishedAt.IsZero() {
		v.Add("published_at", "is required to publish or schedule")
	}
	for _, l := range s.Labels {
		if _, ok := ParseMediaLabel(string(l)); !ok {
			v.Add("labels", "holds an unknown media label "+strconv.Quote(string(l)))
		}
	}
	return v.Err("story")
}

// ValidImageURL reports whether u may be the source of an image on a
// page: an absolute http(s) URL with a host, or a path on this site. Other
// schemes (javascript:, data:) and protocol-relative URLs are refused.
func ValidImageURL(u string) bool {
	if len(u) > MaxImageURLLen || strings.ContainsAny(u, " \t\r\n\"'<>\\") {
		return false
	}
	if strings.HasPrefix(u, "/") {
		return !strings.HasPrefix(u, "//")
	}
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok || (!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https")) {
		return false
	}
	host, _, _ := strings.Cut(rest, "/")
	return host != "" && !strings.ContainsAny(host, "?#@")
}

// Path is the story's URL path within its edition, without the edition
// prefix: /{section}/{id}-{slug}.
func (s *Story) Path() string {
	return "/" + s.Section.Slug + "/" + strconv.FormatInt(s.ID, 10) + "-" + s.Slug
}

// HasLabel reports whether the story carries label l.
func (s *Story) HasLabel(l MediaLabel) bool {
	for _, x := range s.Labels {
		if x == l {
			return true
		}
	}
	return false
}

// Modified is the later of the published and updated times: what feeds and
// caches call the last modification.
func (s *Story) Modified() time.Time {
	if s.UpdatedAt.After(s.PublishedAt) {
		return s.UpdatedAt
	}
	return s.PublishedAt
}

// StoryFilter selects stories for a list. Zero fields do not filter.
type StoryFilter struct {
	Edition   string
	SectionID int64
	TagID     int64
	AuthorID  int64
	Status    Status // empty means every status but trashed
	OwnerID   int64
	// Query matches stories whose headline contains it, case-insensitively:
	// the desk's quick search.
	Query   string
	Exclude []int64
	// After continues a list of published stories past the story it names,
	// for paging by cursor: it keeps the stories published before it.
	After *StoryCursor
	Limit int // defaults to DefaultPageSize
	Page  int // 1-based
	// NoTotal skips counting the matches, for lists that show no total
	// and no pages, such as the blocks of a front page: the list's Total
	// and Pages are then zero.
	NoTotal bool
	// DeskOrder lists the most recent first by publication time or, for
	// stories never published, by creation time, as the desk shows them:
	// drafts then sit among the stories of their day instead of after
	// every dated one.
	DeskOrder bool
}

// StoryCursor is a place in a list of published stories, newest first:
// the publication time and id of the last story seen.
type StoryCursor struct {
	PublishedAt time.Time
	ID          int64
}

// DefaultPageSize is the number of stories on one page of a list.
const DefaultPageSize = 20

// Offset returns the row offset of the filter's page.
func (f StoryFilter) Offset() int {
	if f.Page <= 1 {
		return 0
	}
	return (f.Page - 1) * f.PageSize()
}

// PageSize returns the filter's limit, or DefaultPageSize when unset.
func (f StoryFilter) PageSize() int {
	if f.Limit <= 0 {
		return DefaultPageSize
	}
	return f.Limit
}

// StoryList is one page of a story list with the total across all pages.
type StoryList struct {
	Stories []Story
	Total   int
	Page    int
	Pages   int
}

// RevisionKind says how a revision came about.
type RevisionKind string

// Revision kinds. A rejected revision keeps the text of a save that was
// refused because someone else had saved the story first: its Version is
// the version the refused save started from.
const (
	RevisionSave     RevisionKind = "save"
	RevisionRejected RevisionKind = "rejected"
	RevisionRestore  RevisionKind = "restore"
)

// Revision is a saved state of a story: every save records one, so no
// version of a story is ever lost.
type Revision struct {
	ID        int64
	StoryID   int64
	Version   int
	Kind      RevisionKind
	UserID    int64  // the staff user who saved it; zero for imports and the scheduler
	UserName  string // the user's display name when read back, "" when UserID is zero
	CreatedAt time.Time
	Story     Story // the story as it was saved
}
