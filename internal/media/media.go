// Package media takes uploads into newsdesk's media library and serves
// them: it decides a file's type from its content, refuses what is not an
// accepted image, video, audio file or document, removes camera metadata
// from images, reads sizes and durations, stores files under keys derived
// from their content hash, and makes the smaller widths of images.
//
// Another package that holds a media item's id gets the item, and so its
// public address, from the store:
//
//	m, err := st.Media(ctx, id) // news.Media
//	url := m.URL()              // "/media/" + m.Key, served with ranges
//
// and the file itself from the Library's Storage: lib.Storage.Open(ctx, m.Key).
// New files come in through Library.Ingest, which the desk's upload
// endpoint (POST /desk/media) calls; the store's CreateMedia records them.
package media

import (
	"errors"
	"fmt"
	"time"

	"newsdesk/internal/news"
)

// Info is what a file's content tells about it.
type Info struct {
	Kind     news.MediaKind
	MIME     string
	Ext      string // file name extension with its dot: ".jpg"
	Width    int
	Height   int
	Duration time.Duration
}

// Limits gives the largest upload accepted of each kind, in bytes.
type Limits map[news.MediaKind]int64

// DefaultLimits are the sizes accepted until an admin sets others: the
// settings' defaults.
var DefaultLimits = Limits(news.DefaultMediaLimits)

// Max returns the largest of the limits: no upload of any kind is larger.
func (l Limits) Max() int64 {
	var m int64
	for _, n := range l {
		m = max(m, n)
	}
	return m
}

// invalid returns a domain error whose message the uploader sees.
func invalid(format string, args ...any) error {
	return news.Errorf(news.ErrInvalid, format, args...)
}

// errTruncated is wrapped by probes that find a file cut short.
var errTruncated = errors.New("the file is cut short")

func truncated(what string) error {
	return fmt.Errorf("%s: %w", what, errTruncated)
}
