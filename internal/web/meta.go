package web

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// metaTag is one <meta> element: OpenGraph uses property=, Twitter and
// description use name=.
type metaTag struct {
	Property string
	Name     string
	Content  string
}

// listMeta is the social metadata of front, section and tag pages.
func listMeta(b *basePage, st *site) []metaTag {
	return []metaTag{
		{Property: "og:type", Content: "website"},
		{Property: "og:site_name", Content: st.settings.SiteName},
		{Property: "og:title", Content: b.Title},
		{Property: "og:description", Content: b.Description},
		{Property: "og:url", Content: b.Canonical},
		{Property: "og:locale", Content: st.ed.Language},
		{Name: "twitter:card", Content: "summary"},
		{Name: "twitter:title", Content: b.Title},
		{Name: "twitter:description", Content: b.Description},
	}
}

// storyMeta builds a story page's OpenGraph and Twitter tags and its
// schema.org NewsArticle. The social title is the story's social title when
// set; the visible headline appears only in the page body.
func storyMeta(st *site, x *news.Story, canonical, description string) ([]metaTag, template.JS, error) {
	title := x.Headline
	if x.SocialTitle != "" {
		title = x.SocialTitle
	}
	published := x.PublishedAt.UTC().Format(rfc3339)
	modified := x.Modified().UTC().Format(rfc3339)
	meta := make([]metaTag, 0, 14+len(x.Tags))
	meta = append(meta,
		metaTag{Property: "og:type", Content: "article"},
		metaTag{Property: "og:site_name", Content: st.settings.SiteName},
		metaTag{Property: "og:title", Content: title},
		metaTag{Property: "og:description", Content: description},
		metaTag{Property: "og:url", Content: canonical},
		metaTag{Property: "og:locale", Content: st.ed.Language},
		metaTag{Property: "article:published_time", Content: published},
		metaTag{Property: "article:modified_time", Content: modified},
		metaTag{Property: "article:section", Content: x.Section.Name},
	)
	keywords := make([]string, 0, len(x.Tags))
	for _, t := range x.Tags {
		meta = append(meta, metaTag{Property: "article:tag", Content: t.Name})
		keywords = append(keywords, t.Name)
	}
	// A story with a featured image gets the large card with its picture.
	card, image := "summary", st.abs(x.FeaturedImage)
	if image != "" && !strings.HasPrefix(x.FeaturedImage, "/") {
		image = x.FeaturedImage // already absolute
	}
	if image != "" {
		card = "summary_large_image"
		meta = append(meta, metaTag{Property: "og:image", Content: image}, metaTag{Name: "twitter:image", Content: image})
	}
	meta = append(meta,
		metaTag{Name: "twitter:card", Content: card},
		metaTag{Name: "twitter:title", Content: title},
		metaTag{Name: "twitter:description", Content: description},
	)
	article := ldNewsArticle{
		Context:          "https://schema.org",
		Type:             "NewsArticle",
		Headline:         x.Headline,
		Description:      description,
		URL:              canonical,
		DatePublished:    published,
		DateModified:     modified,
		Publisher:        ldThing{Type: "Organization", Name: st.settings.SiteName, URL: st.origin + "/"},
		MainEntityOfPage: ldThing{Type: "WebPage", ID: canonical},
		ArticleSection:   x.Section.Name,
		Keywords:         keywords,
		InLanguage:       st.ed.Language,
	}
	if image != "" {
		article.Image = []string{image}
	}
	article.Video = st.videoObject(x, description, image)
	// Every note is told as a CorrectionComment, the kind schema.org
	// offers for notes on a published article; its name says which kind.
	for _, n := range x.Notes {
		article.Correction = append(article.Correction, ldCorrection{
			Type: "CorrectionComment", Name: st.ui.noteKind(n.Kind), Text: n.Text, DatePublished: n.At.UTC().Format(rfc3339),
		})
	}
	for _, a := range x.Bylines {
		article.Author = append(article.Author, ldThing{Type: "Person", Name: a.Name})
	}
	if len(article.Author) == 0 {
		// Agency copy and imports often carry no byline; search engines
		// want an author, and the publication stands behind the story.
		article.Author = []ldThing{article.Publisher}
	}
	ld, err := jsonLD(article)
	if err != nil {
		return nil, "", fmt.Errorf("web: story %d: %w", x.ID, err)
	}
	return meta, ld, nil
}

// ldNewsArticle is the schema.org NewsArticle search engines read.
type ldNewsArticle struct {
	Context          string         `json:"@context"`
	Type             string         `json:"@type"`
	Headline         string         `json:"headline"`
	Description      string         `json:"description,omitempty"`
	URL              string         `json:"url"`
	DatePublished    string         `json:"datePublished"`
	DateModified     string         `json:"dateModified"`
	Author           []ldThing      `json:"author"`
	Publisher        ldThing        `json:"publisher"`
	MainEntityOfPage ldThing        `json:"mainEntityOfPage"`
	ArticleSection   string         `json:"articleSection"`
	Keywords         []string       `json:"keywords,omitempty"`
	InLanguage       string         `json:"inLanguage"`
	Image            []string       `json:"image,omitempty"`
	Correction       []ldCorrection `json:"correction,omitempty"`
	Video            *ldVideo       `json:"video,omitempty"`
}

// ldVideo is a schema.org VideoObject: a story's lead video.
type ldVideo struct {
	Type           string `json:"@type"`
	Name           string `json:"name"`
	Description    string `json:"description"`
	ContentURL     string `json:"contentUrl"`
	EncodingFormat string `json:"encodingFormat,omitempty"`
	UploadDate     string `json:"uploadDate"`
	Duration       string `json:"duration,omitempty"`
	ThumbnailURL   string `json:"thumbnailUrl,omitempty"`
	Width          int    `json:"width,omitempty"`
	Height         int    `json:"height,omitempty"`
}

// videoObject describes the story's lead video, nil when it has none. Its
// thumbnail is the story's image.
func (st *site) videoObject(x *news.Story, description, image string) *ldVideo {
	for _, sm := range x.Media {
		m := sm.Media
		if sm.Role != news.RoleLead || m.Kind != news.MediaVideo {
			continue
		}
		v := &ldVideo{
			Type: "VideoObject", Name: x.Headline, Description: cmp.Or(m.Caption, description),
			ContentURL: st.abs(m.URL()), EncodingFormat: m.MIME, UploadDate: m.CreatedAt.UTC().Format(rfc3339),
			ThumbnailURL: image, Width: m.Width, Height: m.Height,
		}
		if m.CreatedAt.IsZero() {
			v.UploadDate = x.PublishedAt.UTC().Format(rfc3339)
		}
		if m.Duration > 0 {
			v.Duration = "PT" + strconv.FormatInt(int64(m.Duration.Round(time.Second)/time.Second), 10) + "S"
		}
		return v
	}
	return nil
}

// ldBreadcrumbs is a schema.org BreadcrumbList.
type ldBreadcrumbs struct {
	Context string         `json:"@context"`
	Type    string         `json:"@type"`
	Items   []ldBreadcrumb `json:"itemListElement"`
}

type ldBreadcrumb struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item,omitempty"`
}

// breadcrumbs is the trail from the edition's front page through the
// section to a story (when headline is set) for search results.
func (st *site) breadcrumbs(sec news.Section, headline, canonical string) (template.JS, error) {
	list := ldBreadcrumbs{Context: "https://schema.org", Type: "BreadcrumbList", Items: []ldBreadcrumb{
		{Type: "ListItem", Position: 1, Name: st.ui.Home, Item: st.abs(st.path("/"))},
		{Type: "ListItem", Position: 2, Name: sec.Name, Item: st.abs(st.path("/" + sec.Slug + "/"))},
	}}
	if headline != "" {
		list.Items = append(list.Items, ldBreadcrumb{Type: "ListItem", Position: 3, Name: headline, Item: canonical})
	}
	return jsonLD(list)
}

// ldOrganization is the publication as a schema.org NewsMediaOrganization,
// with its channels elsewhere as sameAs.
type ldOrganization struct {
	Context string   `json:"@context"`
	Type    string   `json:"@type"`
	Name    string   `json:"name"`
	URL     string   `json:"url"`
	SameAs  []string `json:"sameAs,omitempty"`
}

// organization describes the publication on its front pages.
func (st *site) organization() (template.JS, error) {
	org := ldOrganization{Context: "https://schema.org", Type: "NewsMediaOrganization", Name: st.settings.SiteName, URL: st.origin + "/"}
	for _, c := range news.SiteChannels {
		if addr := st.settings.Channels[c.Key]; addr != "" {
			org.SameAs = append(org.SameAs, addr)
		}
	}
	return jsonLD(org)
}

// ldCorrection is a schema.org CorrectionComment: one note on the story.
type ldCorrection struct {
	Type          string `json:"@type"`
	Name          string `json:"name"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished"`
}

// ldThing is a schema.org Person, Organization or WebPage.
type ldThing struct {
	Type string `json:"@type"`
	ID   string `json:"@id,omitempty"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// jsonLD encodes v for a <script type="application/ld+json"> element.
// encoding/json escapes <, > and & as \u003c and so on, so no text inside
// can close the script element; the result is then safe as template.JS.
func jsonLD(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode JSON-LD: %w", err)
	}
	return template.JS(b), nil
}
