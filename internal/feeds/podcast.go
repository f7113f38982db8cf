package feeds

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"
)

// Podcast is one show's podcast feed: RSS 2.0 with the iTunes tags that
// Apple Podcasts and most apps read, and the Podcasting 2.0 tags
// (podcast:guid, podcast:locked, season and episode numbers).
type Podcast struct {
	Title       string
	Description string // plain text
	Language    string // BCP 47, e.g. "en" or "ru"
	Link        string // absolute URL of the show's page
	Self        string // absolute URL of the feed itself
	Image       string // absolute URL of the cover art; apps want a square
	Author      string
	// Category and Subcategory are from Apple's list, e.g. "News" and
	// "Daily News"; Subcategory may be empty.
	Category    string
	Subcategory string
	Explicit    bool
	OwnerName   string
	OwnerEmail  string
	// Locked asks podcast platforms not to let anyone but the owner
	// (OwnerEmail) import the feed elsewhere.
	Locked   bool
	Updated  time.Time
	Episodes []Episode
}

// Episode is one episode in a podcast feed.
type Episode struct {
	// ID is the item's guid: assigned once, it never changes, so apps
	// never download an episode twice.
	ID          string
	URL         string // absolute URL of the episode's page
	Title       string
	Description string // plain text
	Published   time.Time
	Audio       Enclosure
	Duration    time.Duration
	Season      int // 0 when the show has no seasons
	Number      int // 0 when unnumbered
	Explicit    bool
	Image       string // absolute URL of the episode's own art; optional
}

// podcastNamespace is Podcasting 2.0's namespace for podcast:guid, whose
// UUIDv5 is taken over the feed URL without its scheme.
const podcastNamespace = "ead4c236-bf58-58c6-a2c6-a0b6f591bd5f"

// PodcastGUID returns the podcast:guid of the feed at feedURL: the UUIDv5
// of the URL without scheme and trailing slashes, as Podcasting 2.0
// defines it, so that any app computes the same one.
func PodcastGUID(feedURL string) string {
	name := feedURL
	if _, rest, ok := strings.Cut(name, "://"); ok {
		name = rest
	}
	name = strings.TrimRight(name, "/")
	ns, _ := hex.DecodeString(strings.ReplaceAll(podcastNamespace, "-", ""))
	h := sha1.New()
	h.Write(ns)
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	x := hex.EncodeToString(u)
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

type podcastRSS struct {
	XMLName      xml.Name       `xml:"rss"`
	Version      string         `xml:"version,attr"`
	XMLNSItunes  string         `xml:"xmlns:itunes,attr"`
	XMLNSPodcast string         `xml:"xmlns:podcast,attr"`
	XMLNSAtom    string         `xml:"xmlns:atom,attr"`
	Channel      podcastChannel `xml:"channel"`
}

type podcastChannel struct {
	Title         string          `xml:"title"`
	Link          string          `xml:"link"`
	Description   string          `xml:"description"`
	Language      string          `xml:"language,omitempty"`
	LastBuildDate string          `xml:"lastBuildDate,omitempty"`
	Self          atomLink        `xml:"atom:link"`
	Image         *rssImage       `xml:"image,omitempty"`
	Author        string          `xml:"itunes:author,omitempty"`
	Summary       string          `xml:"itunes:summary,omitempty"`
	ItunesImage   *itunesImage    `xml:"itunes:image,omitempty"`
	Category      *itunesCategory `xml:"itunes:category,omitempty"`
	Explicit      string          `xml:"itunes:explicit"`
	Type          string          `xml:"itunes:type"`
	Owner         *itunesOwner    `xml:"itunes:owner,omitempty"`
	GUID          string          `xml:"podcast:guid"`
	Locked        *podcastLocked  `xml:"podcast:locked,omitempty"`
	Items         []podcastItem   `xml:"item"`
}

type itunesImage struct {
	Href string `xml:"href,attr"`
}

type itunesCategory struct {
	Text string          `xml:"text,attr"`
	Sub  *itunesCategory `xml:"itunes:category,omitempty"`
}

type itunesOwner struct {
	Name  string `xml:"itunes:name,omitempty"`
	Email string `xml:"itunes:email"`
}

type podcastLocked struct {
	Owner string `xml:"owner,attr,omitempty"`
	Value string `xml:",chardata"`
}

type podcastItem struct {
	Title          string       `xml:"title"`
	Link           string       `xml:"link"`
	GUID           rssGUID      `xml:"guid"`
	PubDate        string       `xml:"pubDate,omitempty"`
	Description    string       `xml:"description,omitempty"`
	Enclosure      rssEnclosure `xml:"enclosure"`
	ItunesTitle    string       `xml:"itunes:title"`
	Duration       string       `xml:"itunes:duration"`
	ItunesImage    *itunesImage `xml:"itunes:image,omitempty"`
	Explicit       string       `xml:"itunes:explicit"`
	ItunesSeason   int          `xml:"itunes:season,omitempty"`
	ItunesEpisode  int          `xml:"itunes:episode,omitempty"`
	EpisodeType    string       `xml:"itunes:episodeType"`
	PodcastSeason  int          `xml:"podcast:season,omitempty"`
	PodcastEpisode int          `xml:"podcast:episode,omitempty"`
}

// WritePodcast writes p as a podcast RSS feed. Episodes without audio
// cannot be listened to in an app and are left out.
func WritePodcast(w io.Writer, p Podcast) error {
	if p.Self == "" {
		return errNoSelf
	}
	ch := podcastChannel{
		Title:       p.Title,
		Link:        p.Link,
		Description: orTitle(p.Description, p.Title),
		Language:    p.Language,
		Self:        atomLink{Href: p.Self, Rel: "self", Type: "application/rss+xml"},
		Author:      p.Author,
		Summary:     p.Description,
		Explicit:    strconv.FormatBool(p.Explicit),
		Type:        "episodic",
		GUID:        PodcastGUID(p.Self),
		Locked:      &podcastLocked{Value: "no"},
	}
	if p.Image != "" {
		ch.Image = &rssImage{URL: p.Image, Title: p.Title, Link: p.Link}
		ch.ItunesImage = &itunesImage{Href: p.Image}
	}
	if p.Category != "" {
		ch.Category = &itunesCategory{Text: p.Category}
		if p.Subcategory != "" {
			ch.Category.Sub = &itunesCategory{Text: p.Subcategory}
		}
	}
	if p.OwnerEmail != "" {
		ch.Owner = &itunesOwner{Name: p.OwnerName, Email: p.OwnerEmail}
		ch.Locked.Owner = p.OwnerEmail
	}
	if p.Locked {
		ch.Locked.Value = "yes"
	}
	updated := p.Updated
	for _, e := range p.Episodes {
		if e.Audio.URL == "" {
			continue
		}
		if e.Published.After(updated) {
			updated = e.Published
		}
		item := podcastItem{
			Title:          e.Title,
			Link:           e.URL,
			GUID:           rssGUID{IsPermaLink: false, Value: e.ID},
			Description:    e.Description,
			Enclosure:      rssEnclosure{URL: e.Audio.URL, Length: e.Audio.Length, Type: e.Audio.Type},
			ItunesTitle:    e.Title,
			Duration:       strconv.FormatInt(int64((e.Duration+time.Second/2)/time.Second), 10),
			Explicit:       strconv.FormatBool(e.Explicit || p.Explicit),
			ItunesSeason:   e.Season,
			ItunesEpisode:  e.Number,
			EpisodeType:    "full",
			PodcastSeason:  e.Season,
			PodcastEpisode: e.Number,
		}
		if !e.Published.IsZero() {
			item.PubDate = e.Published.UTC().Format(time.RFC1123Z)
		}
		if e.Image != "" {
			item.ItunesImage = &itunesImage{Href: e.Image}
		}
		ch.Items = append(ch.Items, item)
	}
	if !updated.IsZero() {
		ch.LastBuildDate = updated.UTC().Format(time.RFC1123Z)
	}
	return encodeXML(w, podcastRSS{
		Version:      "2.0",
		XMLNSItunes:  "http://www.itunes.com/dtds/podcast-1.0.dtd",
		XMLNSPodcast: "https://podcastindex.org/namespace/1.0",
		XMLNSAtom:    "http://www.w3.org/2005/Atom",
		Channel:      ch,
	})
}
