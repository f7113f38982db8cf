package webhook

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// payload is the JSON body of a delivery. ID is the same for every
// delivery of one event, so a receiver can ignore a repeat.
type payload struct {
	ID        string          `json:"id"`
	Event     string          `json:"event"`
	CreatedAt time.Time       `json:"created_at"`
	Story     *storyPayload   `json:"story,omitempty"`
	Episode   *episodePayload `json:"episode,omitempty"`
}

type episodePayload struct {
	ID          int64     `json:"id"`
	GUID        string    `json:"guid"`
	Edition     string    `json:"edition"`
	Show        string    `json:"show"`
	Title       string    `json:"title"`
	URL         string    `json:"url"`
	AudioURL    string    `json:"audio_url"`
	AudioType   string    `json:"audio_type"`
	Duration    float64   `json:"duration_seconds"`
	Season      int       `json:"season,omitempty"`
	Number      int       `json:"number,omitempty"`
	PublishedAt time.Time `json:"published_at"`
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
	if ev.Name == news.EventEpisodePublished {
		return e.encodeEpisode(ev)
	}
	st := ev.Story
	p := payload{
		ID:        ev.Subject + "/" + strconv.Itoa(st.Version) + "/" + ev.Name,
		Event:     ev.Name,
		CreatedAt: ev.At.UTC(),
		Story: &storyPayload{
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

// encodeEpisode is the payload of an episode's publication.
func (e encoder) encodeEpisode(ev news.WebhookEvent) ([]byte, error) {
	ep := ev.Episode
	audio := ep.Audio.URL
	if strings.HasPrefix(audio, "/") {
		audio = e.baseURL + audio
	}
	return json.Marshal(payload{
		ID:        ev.Subject + "/" + ev.Name,
		Event:     ev.Name,
		CreatedAt: ev.At.UTC(),
		Episode: &episodePayload{
			ID: ep.ID, GUID: ep.GUID, Edition: ep.Show.Edition, Show: ep.Show.Title, Title: ep.Title,
			URL:      e.baseURL + e.prefix(ep.Show.Edition) + ep.Path(ep.Show),
			AudioURL: audio, AudioType: ep.Audio.Type, Duration: ep.Duration.Seconds(),
			Season: ep.Season, Number: ep.Number, PublishedAt: ep.PublishedAt.UTC(),
		},
	})
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
