package feeds

import (
	"encoding/xml"
	"io"
	"time"
)

// Sitemaps (sitemaps.org) tell search engines every page to crawl; a news
// sitemap (Google News) the stories of the last two days with their
// publication; xhtml:link alternates name a page's translations.

// MaxSitemapURLs is the most URLs one sitemap may hold.
const MaxSitemapURLs = 50000

// SitemapRef is one sitemap listed in a sitemap index.
type SitemapRef struct {
	Loc     string
	LastMod time.Time // zero when unknown
}

// SitemapURL is one page in a sitemap.
type SitemapURL struct {
	Loc        string
	LastMod    time.Time
	Alternates []Alternate // the page itself and its translations, for hreflang
	News       *NewsEntry  // set in news sitemaps only
}

// Alternate is a version of a page in a language.
type Alternate struct {
	Hreflang string
	Href     string
}

// NewsEntry is what a news sitemap tells of a story.
type NewsEntry struct {
	Publication string // the publication's name
	Language    string // ISO 639 code, as Google News wants: "en", "ru", "zh-cn"
	Published   time.Time
	Title       string
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	XMLNS    string       `xml:"xmlns,attr"`
	Sitemaps []sitemapLoc `xml:"sitemap"`
}

type sitemapLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlSet struct {
	XMLName    xml.Name `xml:"urlset"`
	XMLNS      string   `xml:"xmlns,attr"`
	XMLNSNews  string   `xml:"xmlns:news,attr,omitempty"`
	XMLNSXHTML string   `xml:"xmlns:xhtml,attr,omitempty"`
	URLs       []urlXML `xml:"url"`
}

type urlXML struct {
	Loc        string      `xml:"loc"`
	LastMod    string      `xml:"lastmod,omitempty"`
	News       *newsXML    `xml:"news:news,omitempty"`
	Alternates []xhtmlLink `xml:"xhtml:link"`
}

type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type newsXML struct {
	Publication struct {
		Name     string `xml:"news:name"`
		Language string `xml:"news:language"`
	} `xml:"news:publication"`
	PublicationDate string `xml:"news:publication_date"`
	Title           string `xml:"news:title"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// WriteSitemapIndex writes a sitemap index of the sitemaps.
func WriteSitemapIndex(w io.Writer, maps []SitemapRef) error {
	doc := sitemapIndex{XMLNS: sitemapNS}
	for _, m := range maps {
		doc.Sitemaps = append(doc.Sitemaps, sitemapLoc{Loc: m.Loc, LastMod: w3cTime(m.LastMod)})
	}
	return encodeXML(w, doc)
}

// WriteSitemap writes a sitemap of the URLs, declaring the news and xhtml
// namespaces only when an entry uses them.
func WriteSitemap(w io.Writer, urls []SitemapURL) error {
	doc := urlSet{XMLNS: sitemapNS}
	for _, u := range urls {
		x := urlXML{Loc: u.Loc, LastMod: w3cTime(u.LastMod)}
		for _, a := range u.Alternates {
			x.Alternates = append(x.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a.Hreflang, Href: a.Href})
			doc.XMLNSXHTML = "http://www.w3.org/1999/xhtml"
		}
		if n := u.News; n != nil {
			x.News = &newsXML{PublicationDate: w3cTime(n.Published), Title: n.Title}
			x.News.Publication.Name, x.News.Publication.Language = n.Publication, n.Language
			doc.XMLNSNews = "http://www.google.com/schemas/sitemap-news/0.9"
		}
		doc.URLs = append(doc.URLs, x)
	}
	return encodeXML(w, doc)
}

// w3cTime formats t as the W3C datetime sitemaps use, "" for zero.
func w3cTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
