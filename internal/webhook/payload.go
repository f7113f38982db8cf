package webhook

import (
	"encoding/json"
	"strconv"
	"time"

	"newsdesk/internal/news"
)

// payload is the JSON body of a delivery. ID is the same for every
// delivery of one event, so a receiver can ignore a repeat.
type payload struct {
	ID        string       `json:"id"`
	Event     string       `json:"event"`
	CreatedAt time.Time    `json:"created_at"`
	Story     storyPayload `json:"story"`
}

type storyPayload struct {
	ID          int64      `json:"id"`
	Edition     string     `json:"edition,omitempty"`
	URL         string     `json:"url,omitempty"`
	Headline    string     `json:"headline,omitempty"`
	Lead        string     `json:"lead,omitempty"`
	Section     string     `json:"section,omitempty"`
	Tags        []string   `json:"tags,omitempty"`
	Status      string     `json:"status,omitempty"`
	Version     int        `json:"version,omitempty"`
	PublishedAt *time.Time `json:"published_at,omitempty"`
	UpdatedAt   *time.Time `json:"updated_at,omitempty"`
}

// encoder turns events into payloads, knowing the editions' URL prefixes.
type encoder struct {
	baseURL  string
	editions []news.Edition
}

func (e encoder) encode(ev news.WebhookEvent) ([]byte, error) {
	st := ev.Story
	p := payload{
		ID:        ev.Subject + "/" + strconv.Itoa(st.Version) + "/" + ev.Name,
		Event:     ev.Name,
		CreatedAt: ev.At.UTC(),
		Story: storyPayload{
			ID: st.ID, Edition: st.Edition, Headline: st.Headline, Lead: st.Lead,
			Section: st.Section.Name, Status: string(st.Status), Version: st.Version,
			PublishedAt: timeOrNil(st.PublishedAt), UpdatedAt: timeOrNil(st.UpdatedAt),
		},
	}
	for _, t := range st.Tags {
		p.Story.Tags = append(p.Story.Tags, t.Name)
	}
	if st.Slug != "" && st.Status == news.StatusPublished {
		p.Story.URL = e.baseURL + e.prefix(st.Edition) + st.Path()
	}
	return json.Marshal(p)
}

// prefix is the edition's path prefix, "" for the default edition.
func (e encoder) prefix(code string) string {
	for _, ed := range e.editions {
		if ed.Code == code {
			return ed.PathPrefix()
		}
	}
	return ""
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}
