// Package webhook tells the URLs that admins register about what happens
// to stories. Each pass queues the events the store derives from its
// changes, then sends the deliveries that are due: signed with the
// webhook's secret, retried with growing delays while the receiver fails,
// and recorded so the desk can show the log. Several nodes may run passes
// at once: the store hands each delivery to one of them at a time.
package webhook

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"newsdesk/internal/news"
)

// Store is what the worker needs of the store.
type Store interface {
	Editions(ctx context.Context) ([]news.Edition, error)
	QueueWebhookEvents(ctx context.Context, encode func(news.WebhookEvent) ([]byte, error)) (int, error)
	ClaimDeliveries(ctx context.Context, limit int, lease time.Duration) ([]news.Delivery, error)
	FinishAttempt(ctx context.Context, id int64, out news.Outcome) error
}

// DefaultBackoff are the waits before each retry: a receiver that is down
// for a deploy gets the delivery within minutes, one down for a day still
// gets it. After the last, the delivery is marked failed.
var DefaultBackoff = []time.Duration{
	30 * time.Second, 2 * time.Minute, 10 * time.Minute, 30 * time.Minute,
	2 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour,
}

// Defaults for a Worker's zero fields.
const (
	defaultPoll    = time.Second
	defaultTimeout = 10 * time.Second
	claimBatch     = 20
)

// Worker queues and sends webhook deliveries. Build it with its fields set;
// zero durations take the defaults above.
type Worker struct {
	Store   Store
	Client  *http.Client // nil means one with a 10 s timeout
	Log     *slog.Logger
	BaseURL string // absolute origin for story URLs in payloads
	Backoff []time.Duration
	Poll    time.Duration
}

// Run makes a pass every Poll until ctx ends, logging failures and going
// on: a database that is briefly away delays deliveries, it loses none.
func (w *Worker) Run(ctx context.Context) error {
	poll := w.Poll
	if poll <= 0 {
		poll = defaultPoll
	}
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		if err := w.Pass(ctx); err != nil && ctx.Err() == nil {
			w.logger().WarnContext(ctx, "webhooks: pass failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Pass queues the events since the last pass and sends every delivery that
// is due.
func (w *Worker) Pass(ctx context.Context) error {
	eds, err := w.Store.Editions(ctx)
	if err != nil {
		return err
	}
	enc := encoder{baseURL: w.BaseURL, editions: eds}
	if _, err := w.Store.QueueWebhookEvents(ctx, enc.encode); err != nil {
		return err
	}
	client := w.Client
	if client == nil {
		client = &http.Client{Timeout: defaultTimeout}
	}
	for {
		// The lease outlasts an attempt, so no other node sends the same
		// delivery while this one is still waiting for the receiver.
		batch, err := w.Store.ClaimDeliveries(ctx, claimBatch, 2*client.Timeout+time.Minute)
		if err != nil {
			return err
		}
		for _, d := range batch {
			out := w.attempt(ctx, client, d)
			if err := w.Store.FinishAttempt(ctx, d.ID, out); err != nil {
				return err
			}
			if !out.Delivered() {
				w.logger().InfoContext(ctx, "webhooks: delivery failed", "delivery", d.ID, "url", d.URL, "attempt", d.Attempts, "err", out.Error, "retry", out.Retry)
			}
		}
		if len(batch) < claimBatch {
			return nil
		}
	}
}

func (w *Worker) logger() *slog.Logger {
	if w.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return w.Log
}
