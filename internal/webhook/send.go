package webhook

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"newsdesk/internal/news"
)

// Headers of every delivery.
const (
	HeaderSignature = "Newsdesk-Signature"
	HeaderEvent     = "Newsdesk-Event"
	HeaderDelivery  = "Newsdesk-Delivery"
)

// attempt sends one delivery and says how it went, and when to try again.
func (w *Worker) attempt(ctx context.Context, client *http.Client, d news.Delivery) news.Outcome {
	out := w.post(ctx, client, d)
	if out.Delivered() {
		return out
	}
	backoff := w.Backoff
	if backoff == nil {
		backoff = DefaultBackoff
	}
	// d.Attempts counts this attempt; the first retry waits backoff[0].
	if d.Attempts <= len(backoff) {
		out.Retry = time.Now().Add(backoff[d.Attempts-1])
	}
	return out
}

// post makes the request. Any 2xx answer is success; redirects are not
// followed, since a receiver that moved should be registered again.
func (w *Worker) post(ctx context.Context, client *http.Client, d news.Delivery) news.Outcome {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(d.Payload))
	if err != nil {
		return news.Outcome{Error: err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "newsdesk-webhooks")
	req.Header.Set(HeaderEvent, d.Event)
	req.Header.Set(HeaderDelivery, strconv.FormatInt(d.ID, 10))
	req.Header.Set(HeaderSignature, Sign(d.Secret, time.Now(), d.Payload))
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		return news.Outcome{Error: err.Error()}
	}
	defer resp.Body.Close()
	// Read a little of the answer so the connection can be reused.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	out := news.Outcome{Code: resp.StatusCode}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		out.Error = fmt.Sprintf("receiver answered %s", resp.Status)
	}
	return out
}
