package feeds

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// rss is the root of an RSS 2.0 document with the extensions feed readers
// expect: atom:link for the feed's own address, content:encoded for full
// text and dc:creator for bylines.
type rss struct {
	XMLName      xml.Name   `xml:"rss"`
	Version      string     `xml:"version,attr"`
	XMLNSAtom    string     `xml:"xmlns:atom,attr"`
	XMLNSContent string     `xml:"xmlns:content,attr"`
	XMLNSDC      string     `xml:"xmlns:dc,attr"`
	Channel      rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          atomLink  `xml:"atom:link"`
	Image         *rssImage `xml:"image,omitempty"`
	Items         []rssItem `xml:"item"`
}

type rssImage struct {
	URL   string `xml:"url"`
	Title string `xml:"title"`
	Link  string `xml:"link"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	GUID        rssGUID       `xml:"guid"`
	PubDate     string        `xml:"pubDate,omitempty"`
	Description string        `xml:"description,omitempty"`
	Content     *cdata        `xml:"content:encoded,omitempty"`
	Creators    []string      `xml:"dc:creator"`
	Categories  []string      `xml:"category"`
	Enclosure   *rssEnclosure `xml:"enclosure,omitempty"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

// cdata keeps HTML readable in the document; encoding/xml splits any "]]>"
// inside it safely.
type cdata struct {
	Text string `xml:",cdata"`
}

// WriteRSS writes f as RSS 2.0. RSS allows one enclosure per item, so only
// the first is written; Atom and JSON Feed carry them all.
func WriteRSS(w io.Writer, f Feed) error {
	if f.Self == "" {
		return errNoSelf
	}
	doc := rss{
		Version:      "2.0",
		XMLNSAtom:    "http://www.w3.org/2005/Atom",
		XMLNSContent: "http://purl.org/rss/1.0/modules/content/",
		XMLNSDC:      "http://purl.org/dc/elements/1.1/",
		Channel: rssChannel{
			Title:       f.Title,
			Link:        f.Link,
			Description: orTitle(f.Description, f.Title),
			Language:    f.Language,
			Self:        atomLink{Href: f.Self, Rel: "self", Type: "application/rss+xml"},
		},
	}
	if u := f.updated(); !u.IsZero() {
		doc.Channel.LastBuildDate = u.Format(time.RFC1123Z)
	}
	if f.Icon != "" {
		doc.Channel.Image = &rssImage{URL: f.Icon, Title: f.Title, Link: f.Link}
	}
	for _, it := range f.Items {
		item := rssItem{
			Title:       it.Title,
			Link:        it.URL,
			GUID:        rssGUID{IsPermaLink: it.ID == it.URL, Value: it.ID},
			Description: it.Summary,
			Creators:    it.Authors,
			Categories:  it.Categories,
		}
		if !it.Published.IsZero() {
			item.PubDate = it.Published.UTC().Format(time.RFC1123Z)
		}
		if it.ContentHTML != "" {
			item.Content = &cdata{Text: it.ContentHTML}
		}
		if len(it.Enclosures) > 0 {
			e := it.Enclosures[0]
			item.Enclosure = &rssEnclosure{URL: e.URL, Length: e.Length, Type: e.Type}
		}
		doc.Channel.Items = append(doc.Channel.Items, item)
	}
	return encodeXML(w, doc)
}

// encodeXML writes the XML declaration and v, indented for people who
// open a feed to see why their reader shows something odd.
func encodeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("feeds: write: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("feeds: encode: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("feeds: write: %w", err)
	}
	return nil
}

// orTitle returns s, or the title when s is empty: RSS requires a
// channel description.
func orTitle(s, title string) string {
	if strings.TrimSpace(s) == "" {
		return title
	}
	return s
}

// lengthAttr formats a byte count, leaving out unknown sizes.
func lengthAttr(n int64) string {
	if n <= 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}
