package feeds

import (
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// jsonFeedVersion is the JSON Feed version these documents follow.
const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url,omitempty"`
	FeedURL     string     `json:"feed_url"`
	Description string     `json:"description,omitempty"`
	Icon        string     `json:"icon,omitempty"`
	Language    string     `json:"language,omitempty"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string           `json:"id"`
	URL           string           `json:"url,omitempty"`
	Title         string           `json:"title,omitempty"`
	ContentHTML   string           `json:"content_html,omitempty"`
	ContentText   string           `json:"content_text,omitempty"`
	Summary       string           `json:"summary,omitempty"`
	Image         string           `json:"image,omitempty"`
	DatePublished string           `json:"date_published,omitempty"`
	DateModified  string           `json:"date_modified,omitempty"`
	Authors       []jsonAuthor     `json:"authors,omitempty"`
	Tags          []string         `json:"tags,omitempty"`
	Attachments   []jsonAttachment `json:"attachments,omitempty"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonAttachment struct {
	URL         string `json:"url"`
	MimeType    string `json:"mime_type"`
	SizeInBytes int64  `json:"size_in_bytes,omitempty"`
}

// WriteJSON writes f as JSON Feed 1.1. An item needs content_html or
// content_text, so a summary-only feed carries its summary as the text.
func WriteJSON(w io.Writer, f Feed) error {
	if f.Self == "" {
		return errNoSelf
	}
	doc := jsonFeed{
		Version:     jsonFeedVersion,
		Title:       f.Title,
		HomePageURL: f.Link,
		FeedURL:     f.Self,
		Description: f.Description,
		Icon:        f.Icon,
		Language:    f.Language,
		Items:       make([]jsonItem, 0, len(f.Items)),
	}
	for _, it := range f.Items {
		item := jsonItem{
			ID:          it.ID,
			URL:         it.URL,
			Title:       it.Title,
			ContentHTML: it.ContentHTML,
			Summary:     it.Summary,
			Image:       it.Image,
			Tags:        it.Categories,
		}
		if it.ContentHTML == "" {
			item.ContentText = it.Summary
		}
		if !it.Published.IsZero() {
			item.DatePublished = it.Published.UTC().Format(time.RFC3339)
		}
		if m := it.modified(); !m.IsZero() && m.After(it.Published) {
			item.DateModified = m.UTC().Format(time.RFC3339)
		}
		for _, a := range it.Authors {
			item.Authors = append(item.Authors, jsonAuthor{Name: a})
		}
		for _, e := range it.Enclosures {
			item.Attachments = append(item.Attachments, jsonAttachment{URL: e.URL, MimeType: e.Type, SizeInBytes: e.Length})
		}
		doc.Items = append(doc.Items, item)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("feeds: encode json feed: %w", err)
	}
	return nil
}
