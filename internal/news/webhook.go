package news

import (
	"net/url"
	"slices"
	"time"
)

// Webhook events: what a registered URL can be told about.
const (
	EventStoryPublished   = "story.published"
	EventStoryUpdated     = "story.updated"
	EventStoryUnpublished = "story.unpublished"
	EventEpisodePublished = "episode.published"
)

// WebhookEvents lists every event in the order the desk offers them.
var WebhookEvents = []string{EventStoryPublished, EventStoryUpdated, EventStoryUnpublished, EventEpisodePublished}

// MaxWebhookURLLen bounds a webhook's URL.
const MaxWebhookURLLen = 2000

// Webhook is a URL that newsdesk tells about events, signing each delivery
// with the webhook's secret.
type Webhook struct {
	ID        int64
	URL       string
	Events    []string
	Secret    string
	Active    bool
	CreatedBy int64
	CreatedAt time.Time
}

// Wants reports whether the webhook is told about event.
func (w Webhook) Wants(event string) bool {
	return w.Active && slices.Contains(w.Events, event)
}

// Validate checks the URL and events.
func (w Webhook) Validate() error {
	v := ValidationErrors{}
	u, err := url.Parse(w.URL)
	switch {
	case err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https"):
		v.Add("url", "must be an absolute http or https URL")
	case len(w.URL) > MaxWebhookURLLen:
		v.Add("url", "is too long")
	case u.User != nil:
		v.Add("url", "must not carry a user name or password")
	}
	if len(w.Events) == 0 {
		v.Add("events", "choose at least one event")
	}
	for _, e := range w.Events {
		if !slices.Contains(WebhookEvents, e) {
			v.Add("events", "unknown event "+e)
		}
	}
	if len(w.Secret) < 16 {
		v.Add("secret", "must be at least 16 characters")
	}
	return v.Err("webhook")
}

// WebhookEvent is one thing that happened to a subject: a story or a
// podcast episode.
type WebhookEvent struct {
	Name    string
	Subject string // "story:12", "episode:7"
	At      time.Time
	Story   Story   // for story events: the story as it is now, or its id alone when it is gone
	Episode Episode // for episode events, with its show
}

// DeliveryStatus is where a delivery is in its life.
type DeliveryStatus string

// Delivery statuses: pending until the receiver answers 2xx (delivered) or
// the attempts run out (failed).
const (
	DeliveryPending   DeliveryStatus = "pending"
	DeliveryDelivered DeliveryStatus = "delivered"
	DeliveryFailed    DeliveryStatus = "failed"
)

// Delivery is one event sent, or to be sent, to one webhook.
type Delivery struct {
	ID          int64
	WebhookID   int64
	URL         string // the webhook's, for sending
	Secret      string // the webhook's, for signing
	Event       string
	Subject     string
	Payload     []byte
	Status      DeliveryStatus
	Attempts    int
	NextAttempt time.Time
	LastCode    int    // HTTP status of the last attempt; 0 when none came
	LastError   string // why the last attempt failed
	CreatedAt   time.Time
	DoneAt      time.Time
}

// Outcome is the result of one attempt to deliver.
type Outcome struct {
	Code  int    // HTTP status, 0 when the request failed
	Error string // empty on success
	// Retry is when to try again after a failure; zero means give up.
	Retry time.Time
}

// Delivered reports whether the receiver accepted the delivery.
func (o Outcome) Delivered() bool { return o.Error == "" && o.Code >= 200 && o.Code < 300 }
