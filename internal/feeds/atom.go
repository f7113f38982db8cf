package feeds

import (
	"encoding/xml"
	"io"
	"time"
)

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr,omitempty"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Icon     string      `xml:"icon,omitempty"`
	Author   *atomPerson `xml:"author,omitempty"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href   string `xml:"href,attr"`
	Rel    string `xml:"rel,attr,omitempty"`
	Type   string `xml:"type,attr,omitempty"`
	Length string `xml:"length,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    *atomText      `xml:"content,omitempty"`
}

// WriteAtom writes f as an Atom 1.0 feed. Atom requires an author for every
// entry; an entry without a byline takes the feed's title as its author.
func WriteAtom(w io.Writer, f Feed) error {
	if f.Self == "" {
		return errNoSelf
	}
	doc := atomFeed{
		Lang:     f.Language,
		ID:       f.Self,
		Title:    f.Title,
		Subtitle: f.Description,
		Updated:  atomTime(f.updated()),
		Links: []atomLink{
			{Href: f.Link, Rel: "alternate", Type: "text/html"},
			{Href: f.Self, Rel: "self", Type: "application/atom+xml"},
		},
		Icon:   f.Icon,
		Author: &atomPerson{Name: f.Title},
	}
	for _, it := range f.Items {
		e := atomEntry{
			ID:      it.ID,
			Title:   it.Title,
			Updated: atomTime(it.modified()),
			Links:   []atomLink{{Href: it.URL, Rel: "alternate", Type: "text/html"}},
		}
		if !it.Published.IsZero() {
			e.Published = atomTime(it.Published)
		}
		for _, a := range it.Authors {
			e.Authors = append(e.Authors, atomPerson{Name: a})
		}
		for _, c := range it.Categories {
			e.Categories = append(e.Categories, atomCategory{Term: c})
		}
		for _, enc := range it.Enclosures {
			e.Links = append(e.Links, atomLink{Href: enc.URL, Rel: "enclosure", Type: enc.Type, Length: lengthAttr(enc.Length)})
		}
		if it.Summary != "" {
			e.Summary = &atomText{Type: "text", Text: it.Summary}
		}
		if it.ContentHTML != "" {
			e.Content = &atomText{Type: "html", Text: it.ContentHTML}
		}
		doc.Entries = append(doc.Entries, e)
	}
	return encodeXML(w, doc)
}

// atomTime formats t as RFC 3339 in UTC, as Atom requires.
func atomTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}
