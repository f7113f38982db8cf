package webhook_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
	"newsdesk/internal/webhook"
)

const secret = "a-secret-of-some-length"

// receiver is a webhook endpoint on loopback that refuses the first fail
// requests with 503 and accepts the rest, checking each signature.
type receiver struct {
	mu       sync.Mutex
	fail     int
	got      []received
	badSigns int
}

type received struct {
	event, delivery string
	body            []byte
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if err := webhook.Verify(secret, r.Header.Get(webhook.HeaderSignature), body, time.Now(), 5*time.Minute); err != nil {
		rc.badSigns++
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	if rc.fail > 0 {
		rc.fail--
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		return
	}
	rc.got = append(rc.got, received{r.Header.Get(webhook.HeaderEvent), r.Header.Get(webhook.HeaderDelivery), body})
	w.WriteHeader(http.StatusNoContent)
}

func (rc *receiver) received() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.got...)
}

// newsroom opens the store at dsn with the starter editions and one
// section of the edition.
func newsroom(t *testing.T, dsn, edition, section string) (*store.Store, news.Section) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, e := range news.StarterEditions() {
		if err := s.SaveEdition(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	sec, err := s.EnsureSection(ctx, edition, section)
	if err != nil {
		t.Fatal(err)
	}
	return s, sec
}

func TestDeliveryRetriedUntilAccepted(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, sec := newsroom(t, dsn, "ru", "Мир")

		rc := &receiver{fail: 2}
		srv := httptest.NewServer(rc)
		t.Cleanup(srv.Close)
		hook, err := s.CreateWebhook(ctx, news.Webhook{URL: srv.URL + "/hook", Events: news.WebhookEvents, Secret: secret, Active: true})
		if err != nil {
			t.Fatal(err)
		}

		st := &news.Story{Edition: "ru", Section: sec, Headline: "Переговоры возобновились", Slug: "peregovory",
			Status: news.StatusPublished, PublishedAt: time.Now().Add(-time.Minute), Tags: []news.Tag{{Name: "Дипломатия"}}}
		if err := s.CreateStory(ctx, st); err != nil {
			t.Fatal(err)
		}

		w := &webhook.Worker{Store: s, BaseURL: "https://news.example", Backoff: []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}}
		// Each pass sends what is due; the retries are due a millisecond
		// after each failure, so a handful of passes must get it through.
		for i := 0; i < 50 && len(rc.received()) == 0; i++ {
			if err := w.Pass(ctx); err != nil {
				t.Fatal(err)
			}
			time.Sleep(5 * time.Millisecond)
		}
		got := rc.received()
		if len(got) != 1 {
			t.Fatalf("receiver got %d deliveries, want 1", len(got))
		}
		if got[0].event != news.EventStoryPublished {
			t.Errorf("event header %q", got[0].event)
		}
		var p struct {
			ID    string
			Event string
			Story struct {
				ID       int64
				URL      string
				Headline string
				Tags     []string
			}
		}
		if err := json.Unmarshal(got[0].body, &p); err != nil {
			t.Fatal(err)
		}
		if p.Event != news.EventStoryPublished || p.Story.ID != st.ID || p.Story.Headline != st.Headline ||
			p.Story.URL != "https://news.example/ru/mir/"+itoa(st.ID)+"-peregovory" || len(p.Story.Tags) != 1 {
			t.Errorf("payload %s", got[0].body)
		}

		log, err := s.WebhookDeliveries(ctx, hook.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 1 || log[0].Status != news.DeliveryDelivered || log[0].Attempts != 3 || log[0].LastCode != 204 {
			t.Errorf("log = %+v, want one delivery, delivered at the third attempt", log)
		}
		if rc.badSigns != 0 {
			t.Errorf("%d requests with a bad signature", rc.badSigns)
		}
	})
}

func TestDeliveryGivesUp(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, sec := newsroom(t, dsn, "en", "World")
		// Nothing listens here once the server is closed.
		srv := httptest.NewServer(http.NotFoundHandler())
		srv.Close()
		hook, err := s.CreateWebhook(ctx, news.Webhook{URL: srv.URL, Events: news.WebhookEvents, Secret: secret, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		st := &news.Story{Edition: "en", Section: sec, Headline: "Talks resume", Slug: "talks-resume", Status: news.StatusPublished, PublishedAt: time.Now()}
		if err := s.CreateStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		w := &webhook.Worker{Store: s, Backoff: []time.Duration{time.Millisecond}}
		for range 10 {
			if err := w.Pass(ctx); err != nil {
				t.Fatal(err)
			}
			time.Sleep(5 * time.Millisecond)
		}
		log, err := s.WebhookDeliveries(ctx, hook.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 1 || log[0].Status != news.DeliveryFailed || log[0].Attempts != 2 || log[0].LastError == "" {
			t.Errorf("log = %+v, want one delivery failed after two attempts", log)
		}
	})
}

func TestVerify(t *testing.T) {
	body := []byte(`{"event":"story.published"}`)
	now := time.Unix(1_700_000_000, 0)
	sig := webhook.Sign(secret, now, body)
	if !strings.HasPrefix(sig, "t=1700000000,v1=") {
		t.Errorf("signature %q", sig)
	}
	for _, tc := range []struct {
		name   string
		secret string
		header string
		body   []byte
		at     time.Time
		want   error
	}{
		{"good", secret, sig, body, now, nil},
		{"other secret", "another-secret-entirely", sig, body, now, webhook.ErrBadSignature},
		{"body changed", secret, sig, []byte(`{"event":"story.unpublished"}`), now, webhook.ErrBadSignature},
		{"replayed later", secret, sig, body, now.Add(time.Hour), webhook.ErrStale},
		{"no time", secret, "v1=abc", body, now, webhook.ErrBadSignature},
		{"empty", secret, "", body, now, webhook.ErrBadSignature},
	} {
		if err := webhook.Verify(tc.secret, tc.header, tc.body, tc.at, 5*time.Minute); err != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestEpisodePayload(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, _ := newsroom(t, dsn, "ru", "Мир")
		var got []byte
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got, _ = io.ReadAll(r.Body)
		}))
		t.Cleanup(srv.Close)
		if _, err := s.CreateWebhook(ctx, news.Webhook{URL: srv.URL, Events: []string{news.EventEpisodePublished}, Secret: secret, Active: true}); err != nil {
			t.Fatal(err)
		}
		show := news.Show{Edition: "ru", Title: "Утренний выпуск", Description: "Новости", Author: "Редакция"}
		if err := s.CreateShow(ctx, &show); err != nil {
			t.Fatal(err)
		}
		e := news.Episode{ShowID: show.ID, Title: "Выпуск 1", Status: news.StatusPublished, PublishedAt: time.Now().Add(-time.Minute),
			Audio: news.MediaRef{ID: 9, URL: "/media/a.mp3", Type: "audio/mpeg", Size: 1234}, Duration: 27*time.Minute + 33*time.Second, Number: 1}
		if err := s.CreateEpisode(ctx, &e); err != nil {
			t.Fatal(err)
		}
		w := &webhook.Worker{Store: s, BaseURL: "https://news.example"}
		if err := w.Pass(ctx); err != nil {
			t.Fatal(err)
		}
		var p struct {
			Event   string
			Episode struct {
				ID              int64
				GUID            string
				URL             string
				AudioURL        string  `json:"audio_url"`
				DurationSeconds float64 `json:"duration_seconds"`
				Show            string
			}
		}
		if err := json.Unmarshal(got, &p); err != nil {
			t.Fatalf("payload %q: %v", got, err)
		}
		ep := p.Episode
		if p.Event != news.EventEpisodePublished || ep.ID != e.ID || ep.GUID != e.GUID || ep.Show != show.Title ||
			ep.URL != "https://news.example/ru/podcasts/"+show.Slug+"/"+strconv.FormatInt(e.ID, 10)+"-"+e.Slug ||
			ep.AudioURL != "https://news.example/media/a.mp3" || ep.DurationSeconds != 1653 {
			t.Errorf("payload %s", got)
		}
	})
}
