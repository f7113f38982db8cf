package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// encodeEvent is a payload that names the event and the story's headline,
// so a test can read back what was queued.
func encodeEvent(ev news.WebhookEvent) ([]byte, error) {
	return json.Marshal(map[string]any{"event": ev.Name, "story": ev.Story.ID, "headline": ev.Story.Headline})
}

// queued runs one pass of QueueWebhookEvents and returns "event headline"
// for each delivery it queued for hook, oldest first.
func queued(t *testing.T, s *store.Store, hook int64, before int) []string {
	t.Helper()
	ctx := context.Background()
	if _, err := s.QueueWebhookEvents(ctx, encodeEvent); err != nil {
		t.Fatal(err)
	}
	ds, err := s.WebhookDeliveries(ctx, hook, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(ds) - 1 - before; i >= 0; i-- {
		var p struct{ Event, Headline string }
		if err := json.Unmarshal(ds[i].Payload, &p); err != nil {
			t.Fatal(err)
		}
		if p.Event != ds[i].Event {
			t.Errorf("payload event %q, delivery event %q", p.Event, ds[i].Event)
		}
		got = append(got, p.Event+" "+p.Headline)
	}
	return got
}

func TestWebhookEvents(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		old := story(n.world, 0, "Published before webhooks")
		mustCreate(t, s, old)
		// Whatever was published before a webhook existed is not announced.
		if _, err := s.QueueWebhookEvents(ctx, encodeEvent); err != nil {
			t.Fatal(err)
		}
		all, err := s.CreateWebhook(ctx, news.Webhook{URL: "https://hooks.example/all", Events: news.WebhookEvents, Secret: "0123456789abcdef0123", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		onlyPub, err := s.CreateWebhook(ctx, news.Webhook{URL: "http://127.0.0.1:9/pub", Events: []string{news.EventStoryPublished}, Secret: "0123456789abcdef0123", Active: true})
		if err != nil {
			t.Fatal(err)
		}

		draft := story(n.world, 1, "Draft then published")
		draft.Status = news.StatusDraft
		mustCreate(t, s, draft)
		if got := queued(t, s, all.ID, 0); len(got) != 0 {
			t.Fatalf("a draft queued %v", got)
		}

		draft.Status = news.StatusPublished
		if err := s.UpdateStory(ctx, draft); err != nil {
			t.Fatal(err)
		}
		draft.Headline = "Draft then published, corrected"
		if err := s.UpdateStory(ctx, draft); err != nil {
			t.Fatal(err)
		}
		got := queued(t, s, all.ID, 0)
		// Both saves fell into one pass: the story is announced once, as
		// it now is.
		if want := []string{"story.published Draft then published, corrected"}; !slices.Equal(got, want) {
			t.Errorf("after publishing: %v, want %v", got, want)
		}
		if got := queued(t, s, all.ID, 1); len(got) != 0 {
			t.Errorf("a pass without changes queued %v", got)
		}

		old.Headline = "Published before webhooks, updated"
		if err := s.UpdateStory(ctx, old); err != nil {
			t.Fatal(err)
		}
		if got, want := queued(t, s, all.ID, 1), []string{"story.updated Published before webhooks, updated"}; !slices.Equal(got, want) {
			t.Errorf("after an update: %v, want %v", got, want)
		}

		draft.Status = news.StatusDraft
		if err := s.UpdateStory(ctx, draft); err != nil {
			t.Fatal(err)
		}
		if got, want := queued(t, s, all.ID, 2), []string{"story.unpublished Draft then published, corrected"}; !slices.Equal(got, want) {
			t.Errorf("after unpublishing: %v, want %v", got, want)
		}
		old.Status = news.StatusTrashed
		if err := s.UpdateStory(ctx, old); err != nil {
			t.Fatal(err)
		}
		if got, want := queued(t, s, all.ID, 3), []string{"story.unpublished Published before webhooks, updated"}; !slices.Equal(got, want) {
			t.Errorf("after trashing: %v, want %v", got, want)
		}
		// Deleting it for ever announces nothing more.
		if err := s.DeleteStory(ctx, old.ID, old.Version); err != nil {
			t.Fatal(err)
		}
		if got := queued(t, s, all.ID, 4); len(got) != 0 {
			t.Errorf("after deleting: %v", got)
		}

		pub, err := s.WebhookDeliveries(ctx, onlyPub.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(pub) != 1 || pub[0].Event != news.EventStoryPublished {
			t.Errorf("the published-only webhook got %+v", pub)
		}

		// A paused webhook is queued nothing.
		if err := s.SetWebhookActive(ctx, all.ID, false); err != nil {
			t.Fatal(err)
		}
		again := story(n.world, 5, "After the pause")
		mustCreate(t, s, again)
		if got := queued(t, s, all.ID, 4); len(got) != 0 {
			t.Errorf("a paused webhook was queued %v", got)
		}
	})
}

func TestWebhookDeliveryAttempts(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		hook, err := s.CreateWebhook(ctx, news.Webhook{URL: "https://hooks.example/x", Events: news.WebhookEvents, Secret: "0123456789abcdef0123", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		mustCreate(t, s, story(n.world, 0, "One"), story(n.world, 1, "Two"))
		if k, err := s.QueueWebhookEvents(ctx, encodeEvent); err != nil || k != 2 {
			t.Fatalf("queued %d events, %v; want 2", k, err)
		}

		claimed, err := s.ClaimDeliveries(ctx, 10, time.Minute)
		if err != nil || len(claimed) != 2 {
			t.Fatalf("claimed %d, %v; want 2", len(claimed), err)
		}
		if claimed[0].URL != hook.URL || claimed[0].Secret != hook.Secret || claimed[0].Attempts != 1 {
			t.Errorf("claimed %+v", claimed[0])
		}
		// Claimed deliveries are leased: a second claim finds nothing.
		if again, err := s.ClaimDeliveries(ctx, 10, time.Minute); err != nil || len(again) != 0 {
			t.Fatalf("second claim got %d, %v", len(again), err)
		}

		if err := s.FinishAttempt(ctx, claimed[0].ID, news.Outcome{Code: 204}); err != nil {
			t.Fatal(err)
		}
		retry := time.Now().Add(-time.Second)
		if err := s.FinishAttempt(ctx, claimed[1].ID, news.Outcome{Code: 503, Error: "503 Service Unavailable", Retry: retry}); err != nil {
			t.Fatal(err)
		}
		due, err := s.ClaimDeliveries(ctx, 10, time.Minute)
		if err != nil || len(due) != 1 || due[0].ID != claimed[1].ID || due[0].Attempts != 2 {
			t.Fatalf("retry claim = %+v, %v", due, err)
		}
		if err := s.FinishAttempt(ctx, due[0].ID, news.Outcome{Error: "connection refused"}); err != nil {
			t.Fatal(err)
		}
		log, err := s.WebhookDeliveries(ctx, hook.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[int64]news.Delivery{}
		for _, d := range log {
			byID[d.ID] = d
		}
		if d := byID[claimed[0].ID]; d.Status != news.DeliveryDelivered || d.LastCode != 204 || d.DoneAt.IsZero() {
			t.Errorf("delivered: %+v", d)
		}
		if d := byID[claimed[1].ID]; d.Status != news.DeliveryFailed || d.LastError != "connection refused" || d.Attempts != 2 {
			t.Errorf("failed: %+v", d)
		}

		if err := s.DeleteWebhook(ctx, hook.ID); err != nil {
			t.Fatal(err)
		}
		_, err = s.Webhook(ctx, hook.ID)
		wantCode(t, err, news.ErrNotFound)
		wantCode(t, s.SetWebhookActive(ctx, hook.ID, true), news.ErrNotFound)
	})
}

func TestWebhookValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		hook news.Webhook
	}{
		{"relative url", news.Webhook{URL: "/hook", Events: news.WebhookEvents, Secret: "0123456789abcdef"}},
		{"ftp url", news.Webhook{URL: "ftp://x.example/", Events: news.WebhookEvents, Secret: "0123456789abcdef"}},
		{"credentials", news.Webhook{URL: "https://u:p@x.example/", Events: news.WebhookEvents, Secret: "0123456789abcdef"}},
		{"no events", news.Webhook{URL: "https://x.example/", Secret: "0123456789abcdef"}},
		{"unknown event", news.Webhook{URL: "https://x.example/", Events: []string{"story.liked"}, Secret: "0123456789abcdef"}},
		{"short secret", news.Webhook{URL: "https://x.example/", Events: news.WebhookEvents, Secret: "short"}},
	} {
		if err := tc.hook.Validate(); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("%s: %v, want invalid", tc.name, err)
		}
	}
}

func TestWebhookEpisodeEvents(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		setupNewsroom(t, s)
		hook, err := s.CreateWebhook(ctx, news.Webhook{URL: "https://hooks.example/pod", Events: []string{news.EventEpisodePublished}, Secret: "0123456789abcdef0123", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		show := newShow(t, s, "The Morning Brief")
		e := newEpisode(t, s, show, "Episode one", news.StatusDraft, time.Time{})
		encode := func(ev news.WebhookEvent) ([]byte, error) {
			return json.Marshal(map[string]any{"event": ev.Name, "headline": ev.Episode.Title + " of " + ev.Episode.Show.Title})
		}
		pass := func() []string {
			t.Helper()
			if _, err := s.QueueWebhookEvents(ctx, encode); err != nil {
				t.Fatal(err)
			}
			ds, err := s.WebhookDeliveries(ctx, hook.ID, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range ds {
				got = append(got, string(d.Payload))
			}
			return got
		}
		if got := pass(); len(got) != 0 {
			t.Fatalf("a draft episode queued %v", got)
		}
		e.Status, e.PublishedAt = news.StatusPublished, time.Now().Add(-time.Minute)
		if err := s.UpdateEpisode(ctx, &e); err != nil {
			t.Fatal(err)
		}
		want := []string{`{"event":"episode.published","headline":"Episode one of The Morning Brief"}`}
		if got := pass(); !slices.Equal(got, want) {
			t.Fatalf("after publishing: %v, want %v", got, want)
		}
		// Editing a published episode announces nothing new; publishing it
		// again after taking it down does.
		e.Title = "Episode one, edited"
		if err := s.UpdateEpisode(ctx, &e); err != nil {
			t.Fatal(err)
		}
		if got := pass(); len(got) != 1 {
			t.Errorf("an edit queued %v", got)
		}
		e.Status = news.StatusDraft
		if err := s.UpdateEpisode(ctx, &e); err != nil {
			t.Fatal(err)
		}
		if got := pass(); len(got) != 1 {
			t.Errorf("taking it down queued %v", got)
		}
		e.Status = news.StatusPublished
		if err := s.UpdateEpisode(ctx, &e); err != nil {
			t.Fatal(err)
		}
		if got := pass(); len(got) != 2 || got[0] != `{"event":"episode.published","headline":"Episode one, edited of The Morning Brief"}` {
			t.Errorf("after publishing again: %v", got)
		}
	})
}
