package store_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// newShow stores a show in the English edition.
func newShow(t *testing.T, s *store.Store, title string) news.Show {
	t.Helper()
	sh := news.Show{Edition: "en", Title: title, Description: "About " + title, Author: "Desk", Category: "News/Daily News",
		OwnerEmail: "pod@example.com", Locked: true, Cover: news.MediaRef{ID: 3, URL: "/media/cover.jpg", Type: "image/jpeg", Size: 1234}}
	if err := s.CreateShow(context.Background(), &sh); err != nil {
		t.Fatal(err)
	}
	return sh
}

// newEpisode stores an episode of the show with audio, in the status.
func newEpisode(t *testing.T, s *store.Store, show news.Show, title string, status news.Status, at time.Time) news.Episode {
	t.Helper()
	e := news.Episode{ShowID: show.ID, Title: title, Description: "On " + title, Status: status, PublishedAt: at,
		Audio:    news.MediaRef{ID: 9, URL: "/media/a.mp3", Type: "audio/mpeg", Size: 26451234},
		Duration: 27*time.Minute + 33*time.Second, Season: 1, Number: 2}
	if err := s.CreateEpisode(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestShows(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		ctx := context.Background()
		s := openStore(t, dsn)
		setupNewsroom(t, s)
		sh := newShow(t, s, "The Morning Brief")
		if sh.ID == 0 || sh.Slug != "the-morning-brief" || sh.Version != 1 {
			t.Fatalf("created %+v", sh)
		}
		got, err := s.ShowBySlug(ctx, "en", "the-morning-brief")
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != sh.Title || got.Cover != sh.Cover || !got.Locked || got.OwnerEmail != "pod@example.com" || !got.CreatedAt.Equal(sh.CreatedAt) {
			t.Errorf("read back %+v, want %+v", got, sh)
		}
		dup := news.Show{Edition: "en", Title: "The Morning Brief"}
		wantCode(t, s.CreateShow(ctx, &dup), news.ErrConflict)
		wantCode(t, s.CreateShow(ctx, &news.Show{Edition: "en", Title: "X", Locked: true}), news.ErrInvalid)

		got.Title, got.Explicit = "The Evening Brief", true
		if err := s.UpdateShow(ctx, &got); err != nil {
			t.Fatal(err)
		}
		stale := sh
		stale.Title = "Stale"
		wantCode(t, s.UpdateShow(ctx, &stale), news.ErrConflict)
		if again, _ := s.Show(ctx, sh.ID); again.Title != "The Evening Brief" || !again.Explicit || again.Version != 2 {
			t.Errorf("after update %+v", again)
		}
		ru := news.Show{Edition: "ru", Title: "Утренний выпуск"}
		if err := s.CreateShow(ctx, &ru); err != nil {
			t.Fatal(err)
		}
		en, _ := s.Shows(ctx, "en")
		all, _ := s.Shows(ctx, "")
		if len(en) != 1 || len(all) != 2 || ru.Slug != "utrenniy-vypusk" {
			t.Errorf("%d English shows, %d in all, Russian slug %q", len(en), len(all), ru.Slug)
		}
		_, err = s.Show(ctx, 999)
		wantCode(t, err, news.ErrNotFound)
	})
}

func TestEpisodes(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		ctx := context.Background()
		s := openStore(t, dsn)
		setupNewsroom(t, s)
		sh := newShow(t, s, "The Brief")
		var last int64
		changedKeys(t, s, &last)
		draft := newEpisode(t, s, sh, "Draft episode", news.StatusDraft, time.Time{})
		if keys := changedKeys(t, s, &last); !slices.Equal(keys, []string{news.EpisodeKey(draft.ID)}) {
			t.Errorf("a draft's keys %v, want its own only", keys)
		}
		pub := newEpisode(t, s, sh, "Talks resume", news.StatusPublished, baseTime)
		if keys := changedKeys(t, s, &last); !slices.Contains(keys, news.ShowKey(sh.ID)) || !slices.Contains(keys, news.PodcastsKey("en")) {
			t.Errorf("a published episode's keys %v name neither its show nor the podcast lists", keys)
		}
		got, err := s.Episode(ctx, pub.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.GUID == "" || got.GUID != pub.GUID || got.Duration != 27*time.Minute+33*time.Second || got.Audio != pub.Audio ||
			got.Show.Slug != "the-brief" || !got.PublishedAt.Equal(baseTime) || got.Season != 1 || got.Number != 2 {
			t.Errorf("read back %+v", got)
		}
		if got.GUID == draft.GUID {
			t.Error("two episodes share a guid")
		}

		// An edit keeps the guid and records when it was made.
		got.Title, got.Slug = "Talks resume again", ""
		if err := s.UpdateEpisode(ctx, &got); err != nil {
			t.Fatal(err)
		}
		again, _ := s.Episode(ctx, pub.ID)
		if again.GUID != pub.GUID || again.Slug != "talks-resume-again" || again.UpdatedAt.IsZero() || again.Version != 2 {
			t.Errorf("after edit %+v", again)
		}
		stale := pub
		wantCode(t, s.UpdateEpisode(ctx, &stale), news.ErrConflict)
		noAudio := news.Episode{ShowID: sh.ID, Title: "No audio", Status: news.StatusPublished, PublishedAt: baseTime}
		wantCode(t, s.CreateEpisode(ctx, &noAudio), news.ErrInvalid)

		list, err := s.Episodes(ctx, store.EpisodeFilter{ShowID: sh.ID})
		if err != nil || len(list) != 2 || list[0].ID != draft.ID {
			t.Errorf("desk list %v, %v; want the draft first", len(list), err)
		}
		list, _ = s.Episodes(ctx, store.EpisodeFilter{Edition: "en", Published: true})
		if len(list) != 1 || list[0].ID != pub.ID {
			t.Errorf("published list has %d episodes", len(list))
		}
		list, _ = s.Episodes(ctx, store.EpisodeFilter{Edition: "ru", Published: true})
		if len(list) != 0 {
			t.Errorf("the Russian edition lists %d English episodes", len(list))
		}
	})
}

// TestPublishDueEpisodes: several stores on one database publish due
// episodes between them at once, each exactly once, and NextDue names
// the next one due.
func TestPublishDueEpisodes(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		ctx := context.Background()
		first := openStore(t, dsn)
		setupNewsroom(t, first)
		sh := newShow(t, first, "The Brief")
		now := time.Now().UTC()
		const count = 30
		for i := range count {
			newEpisode(t, first, sh, "Due", news.StatusScheduled, now.Add(-time.Duration(i+1)*time.Minute))
		}
		later := newEpisode(t, first, sh, "Tomorrow", news.StatusScheduled, now.Add(24*time.Hour))
		next, ok, err := first.NextDue(ctx)
		if err != nil || !ok || !next.Equal(now.Add(-count*time.Minute).Truncate(time.Microsecond)) {
			t.Errorf("NextDue = %v, %v, %v", next, ok, err)
		}
		var (
			mu   sync.Mutex
			seen = map[int64]int{}
			wg   sync.WaitGroup
		)
		for range 4 {
			s := openStore(t, dsn)
			wg.Go(func() {
				eps, err := s.PublishDueEpisodes(ctx)
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				defer mu.Unlock()
				for _, e := range eps {
					seen[e.ID]++
				}
			})
		}
		wg.Wait()
		if len(seen) != count {
			t.Errorf("%d episodes published, want %d", len(seen), count)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("episode %d published %d times", id, n)
			}
		}
		if e, _ := first.Episode(ctx, later.ID); e.Status != news.StatusScheduled {
			t.Errorf("the episode due tomorrow is %s", e.Status)
		}
		next, ok, _ = first.NextDue(ctx)
		if !ok || !next.Equal(later.PublishedAt) {
			t.Errorf("NextDue = %v, %v; want %v", next, ok, later.PublishedAt)
		}
	})
}

// TestMediaOfPodcastsKept: a library item that an episode plays or a show
// shows as its cover cannot be deleted; once neither uses it, it can.
func TestMediaOfPodcastsKept(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		ctx := context.Background()
		s := openStore(t, dsn)
		setupNewsroom(t, s)
		add := func(hash, key string, kind news.MediaKind, mime string) news.Media {
			m, _, err := s.CreateMedia(ctx, news.Media{Hash: hash, Key: key, Kind: kind, MIME: mime, Name: key, Size: 10, Duration: time.Minute})
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		audio := add(strings.Repeat("a", 64), strings.Repeat("a", 32)+".mp3", news.MediaAudio, "audio/mpeg")
		cover := add(strings.Repeat("b", 64), strings.Repeat("b", 32)+".png", news.MediaImage, "image/png")
		sh := news.Show{Edition: "en", Title: "Kept", Cover: news.MediaRef{ID: cover.ID, URL: cover.URL()}}
		if err := s.CreateShow(ctx, &sh); err != nil {
			t.Fatal(err)
		}
		e := news.Episode{ShowID: sh.ID, Title: "Kept", Status: news.StatusDraft, Audio: news.MediaRef{ID: audio.ID, URL: audio.URL()}}
		if err := s.CreateEpisode(ctx, &e); err != nil {
			t.Fatal(err)
		}
		for _, m := range []news.Media{audio, cover} {
			_, err := s.DeleteMedia(ctx, m.ID)
			wantCode(t, err, news.ErrConflict)
		}
		e.Audio = news.MediaRef{}
		if err := s.UpdateEpisode(ctx, &e); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DeleteMedia(ctx, audio.ID); err != nil {
			t.Errorf("delete audio no episode plays: %v", err)
		}
	})
}
