package news

import (
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Show is a podcast show of one edition: its page lists its episodes and
// its feed is what podcast apps subscribe to.
type Show struct {
	ID          int64
	Edition     string
	Slug        string // unique in the edition; the show's URL and feed stay at it
	Title       string
	Description string // plain text
	Author      string
	// Category is from Apple's list of podcast categories, optionally
	// with a subcategory after a slash: "News/Daily News".
	Category   string
	Language   string // BCP 47; empty means the edition's language
	Explicit   bool
	OwnerEmail string // the feed's owner, asked by podcast:locked and itunes:owner
	Locked     bool   // podcast:locked: other platforms may not import the feed
	// Cover is the cover art: an image of the media library.
	Cover     MediaRef
	CreatedAt time.Time
	Version   int
}

// MediaRef is an item of the media library as a show or an episode uses
// it: its id, public address, type and size, copied from the item when
// it is chosen. Files of the library never change, so the copy stays
// true; zero when nothing is chosen.
type MediaRef struct {
	ID   int64
	URL  string
	Type string // MIME type
	Size int64  // bytes
}

// Episode is one episode of a show, published like a story: a draft, then
// scheduled or published.
type Episode struct {
	ID     int64
	ShowID int64
	Slug   string
	// GUID is assigned once when the episode is created and never
	// changes, so that podcast apps never list it twice.
	GUID        string
	Title       string
	Description string // plain text
	Audio       MediaRef
	Duration    time.Duration // read from the audio file
	Season      int           // 0 for none
	Number      int           // 0 for none
	Explicit    bool
	Status      Status    // draft, scheduled or published
	PublishedAt time.Time // the scheduled time when scheduled
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int
	// Show is filled by the store's reads of episodes with their show.
	Show Show `json:"-"`
}

// Limits on podcast fields.
const (
	MaxShowTitleLen   = 200
	MaxDescriptionLen = 4000
	MaxAuthorLen      = 200
	MaxCategoryLen    = 100
)

// PodcastCategories are the top categories of Apple's list that the desk
// offers; a subcategory may follow one after a slash.
var PodcastCategories = []string{
	"Arts", "Business", "Comedy", "Education", "Fiction", "Government", "History",
	"Health & Fitness", "Kids & Family", "Leisure", "Music", "News",
	"Religion & Spirituality", "Science", "Society & Culture", "Sports",
	"Technology", "True Crime", "TV & Film",
}

// Path is the show's page relative to its edition: "/podcasts/{slug}/".
func (s Show) Path() string { return "/podcasts/" + s.Slug + "/" }

// FeedPath is the show's podcast feed relative to its edition.
func (s Show) FeedPath() string { return s.Path() + "feed.xml" }

// CategoryParts splits Category into the category and its subcategory.
func (s Show) CategoryParts() (string, string) {
	c, sub, _ := strings.Cut(s.Category, "/")
	return strings.TrimSpace(c), strings.TrimSpace(sub)
}

// Normalize trims the show's texts and fills its slug from its title.
func (s *Show) Normalize() {
	s.Title = strings.TrimSpace(s.Title)
	s.Description = strings.TrimSpace(s.Description)
	s.Author = strings.TrimSpace(s.Author)
	s.Category = strings.TrimSpace(s.Category)
	s.Language = strings.TrimSpace(s.Language)
	s.OwnerEmail = strings.TrimSpace(s.OwnerEmail)
	s.Slug = Slugify(strings.TrimSpace(s.Slug))
	if s.Slug == "" {
		s.Slug = Slugify(s.Title)
	}
}

// Validate checks a show before it is saved.
func (s *Show) Validate() error {
	v := ValidationErrors{}
	checkPodcastText(v, "title", s.Title, MaxShowTitleLen, true)
	checkPodcastText(v, "description", s.Description, MaxDescriptionLen, false)
	checkPodcastText(v, "author", s.Author, MaxAuthorLen, false)
	checkPodcastText(v, "category", s.Category, MaxCategoryLen, false)
	if s.Edition == "" {
		v.Add("edition", "is required")
	}
	switch s.Slug {
	case "":
		v.Add("slug", "is required")
	case "tags": // "/podcasts/tags/..." would be an edition's tag page
		v.Add("slug", "is reserved")
	}
	if c, _ := s.CategoryParts(); c != "" && !knownCategory(c) {
		v.Add("category", "is not one of Apple's podcast categories")
	}
	if s.OwnerEmail != "" {
		if a, err := mail.ParseAddress(s.OwnerEmail); err != nil || a.Address != s.OwnerEmail {
			v.Add("owner_email", "is not an e-mail address")
		}
	}
	if s.Locked && s.OwnerEmail == "" {
		v.Add("owner_email", "is required when the feed is locked")
	}
	return v.Err("show")
}

func knownCategory(c string) bool {
	for _, k := range PodcastCategories {
		if k == c {
			return true
		}
	}
	return false
}

// Path is the episode's page relative to its edition:
// "/podcasts/{show}/{id}-{slug}".
func (e Episode) Path(show Show) string {
	return show.Path() + strconv.FormatInt(e.ID, 10) + "-" + e.Slug
}

// Normalize trims the episode's texts and fills its slug from its title.
func (e *Episode) Normalize() {
	e.Title = strings.TrimSpace(e.Title)
	e.Description = strings.TrimSpace(e.Description)
	e.Slug = Slugify(strings.TrimSpace(e.Slug))
	if e.Slug == "" {
		e.Slug = Slugify(e.Title)
	}
}

// Validate checks an episode before it is saved. A scheduled or
// published episode needs its audio: apps cannot play one without.
func (e *Episode) Validate() error {
	v := ValidationErrors{}
	checkPodcastText(v, "title", e.Title, MaxShowTitleLen, true)
	checkPodcastText(v, "description", e.Description, MaxDescriptionLen, false)
	if e.Slug == "" {
		v.Add("slug", "is required")
	}
	if e.Season < 0 || e.Season > 9999 {
		v.Add("season", "must be a number from 0 to 9999")
	}
	if e.Number < 0 || e.Number > 99999 {
		v.Add("number", "must be a number from 0 to 99999")
	}
	switch e.Status {
	case StatusDraft:
	case StatusScheduled, StatusPublished:
		if e.Audio.ID == 0 {
			v.Add("audio", "is required before the episode is published or scheduled")
		}
		if e.PublishedAt.IsZero() {
			v.Add("published_at", "is required")
		}
	default:
		v.Add("status", "must be draft, scheduled or published")
	}
	return v.Err("episode")
}

// checkPodcastText adds an error when text is longer than max runes, or empty
// when required.
func checkPodcastText(v ValidationErrors, field, text string, max int, required bool) {
	switch {
	case required && text == "":
		v.Add(field, "is required")
	case utf8.RuneCountInString(text) > max:
		v.Add(field, "must be at most "+strconv.Itoa(max)+" characters")
	}
}

// FormatDuration writes a duration as players show it: "27:33", or
// "1:02:05" past the hour.
func FormatDuration(d time.Duration) string {
	s := int64((d + time.Second/2) / time.Second)
	if s < 0 {
		s = 0
	}
	h, m, sec := s/3600, s/60%60, s%60
	pad := func(n int64) string {
		if n < 10 {
			return "0" + strconv.FormatInt(n, 10)
		}
		return strconv.FormatInt(n, 10)
	}
	if h > 0 {
		return strconv.FormatInt(h, 10) + ":" + pad(m) + ":" + pad(sec)
	}
	return strconv.FormatInt(m, 10) + ":" + pad(sec)
}

// ShowKey names a show's page and feed; PodcastsKey names an edition's
// list of shows at /podcasts/ and the latest episodes other pages show.
func ShowKey(id int64) string { return "show:" + strconv.FormatInt(id, 10) }

// PodcastsKey names the edition's podcast lists.
func PodcastsKey(edition string) string { return "podcasts:" + edition }

// EpisodeKey names one episode's page.
func EpisodeKey(id int64) string { return "episode:" + strconv.FormatInt(id, 10) }

// DurationText is the episode's duration as players show it.
func (e Episode) DurationText() string { return FormatDuration(e.Duration) }
