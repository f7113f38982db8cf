package news

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// Settings are the site-wide settings an admin changes on the desk: the
// publication's name and its own channels elsewhere, which every page links
// to in its footer.
type Settings struct {
	SiteName string
	// Channels maps a channel's Key (see SiteChannels) to the address of
	// the outlet's own page there. Empty means the outlet has none.
	Channels map[string]string
	// FeedSummary makes the feeds carry each story's lead only, sending
	// readers to the site for the rest; by default they carry the body.
	FeedSummary bool
	// MediaLimits is the largest upload accepted of each kind of media, in
	// bytes; a kind missing takes DefaultMediaLimits'.
	MediaLimits map[MediaKind]int64
}

// DefaultMediaLimits are the upload limits until an admin sets others.
var DefaultMediaLimits = map[MediaKind]int64{
	MediaImage:    20 << 20,
	MediaVideo:    500 << 20,
	MediaAudio:    200 << 20,
	MediaDocument: 50 << 20,
}

// MaxMediaLimit bounds what an admin may set as an upload limit.
const MaxMediaLimit = 8 << 30

// MediaLimit returns the upload limit of kind k.
func (s Settings) MediaLimit(k MediaKind) int64 {
	if n := s.MediaLimits[k]; n > 0 {
		return n
	}
	return DefaultMediaLimits[k]
}

// Channel is a place outside the site where the outlet publishes.
type Channel struct {
	Key  string // settings key, e.g. "telegram"
	Name string // shown in the footer, e.g. "Telegram"
}

// SiteChannels are the channels a site may link to, in footer order.
var SiteChannels = []Channel{
	{"facebook", "Facebook"}, {"x", "X"}, {"instagram", "Instagram"}, {"youtube", "YouTube"},
	{"telegram", "Telegram"}, {"vk", "VK"}, {"radio", "Radio"}, {"podcasts", "Podcasts"},
}

// DefaultSiteName is the publication's name until an admin sets one.
const DefaultSiteName = "newsdesk"

// MaxSiteNameLen limits the publication's name, shown in every title.
const MaxSiteNameLen = 60

// DefaultSettings are a new newsroom's settings.
func DefaultSettings() Settings {
	return Settings{SiteName: DefaultSiteName, Channels: map[string]string{}, MediaLimits: map[MediaKind]int64{}}
}

// Validate checks the settings: a name, and http or https addresses for
// the channels that are set.
func (s Settings) Validate() error {
	v := ValidationErrors{}
	switch n := utf8.RuneCountInString(strings.TrimSpace(s.SiteName)); {
	case n == 0:
		v.Add("site_name", "is required")
	case n > MaxSiteNameLen:
		v.Add("site_name", "is too long")
	}
	known := map[string]bool{}
	for _, c := range SiteChannels {
		known[c.Key] = true
	}
	for key, addr := range s.Channels {
		if !known[key] {
			v.Add("channel_"+key, "is not a known channel")
			continue
		}
		if addr == "" {
			continue
		}
		u, err := url.Parse(addr)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(addr) > 500 {
			v.Add("channel_"+key, "must be an http:// or https:// address")
		}
	}
	for k, n := range s.MediaLimits {
		if !k.Valid() {
			v.Add("media_limit_"+string(k), "is not a known kind of media")
		} else if n <= 0 || n > MaxMediaLimit {
			v.Add("media_limit_"+string(k), "must be between 1 byte and 8 GB")
		}
	}
	return v.Err("settings")
}
