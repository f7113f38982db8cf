package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// scheduled returns a story scheduled for at.
func scheduled(sec news.Section, headline string, at time.Time, tags ...string) *news.Story {
	st := story(sec, 0, headline, tags...)
	st.Status = news.StatusScheduled
	st.PublishedAt = at
	return st
}

// total counts the stories that f selects.
func total(t *testing.T, s *store.Store, f news.StoryFilter) int {
	t.Helper()
	list, err := s.ListStories(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return list.Total
}

func TestPublishDue(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		now := time.Now().UTC()
		due := scheduled(n.world, "Due an hour ago", now.Add(-time.Hour), "Elections")
		later := scheduled(n.world, "Due tomorrow", now.Add(24*time.Hour), "Elections")
		draft := story(n.world, 1, "A draft")
		draft.Status = news.StatusDraft
		mustCreate(t, s, due, later, draft)

		next, ok, err := s.NextDue(ctx)
		if err != nil || !ok || !next.Equal(due.PublishedAt) {
			t.Errorf("NextDue = %v, %v, %v; want %v", next, ok, err, due.PublishedAt)
		}
		published, err := s.PublishDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ids(published), []int64{due.ID}; !slices.Equal(got, want) {
			t.Fatalf("published %v, want %v", got, want)
		}
		got, err := s.Story(ctx, due.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != news.StatusPublished || got.Version != 2 || !got.PublishedAt.Equal(due.PublishedAt) {
			t.Errorf("after publishing: %s version %d at %v, want published version 2 at %v",
				got.Status, got.Version, got.PublishedAt, due.PublishedAt)
		}
		revs, err := s.StoryRevisions(ctx, due.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(revs) != 2 || revs[1].Version != 2 || revs[1].UserID != 0 || revs[1].Story.Status != news.StatusPublished {
			t.Errorf("revisions after publishing: %+v", revs)
		}

		tag, err := s.TagBySlug(ctx, "en", "elections")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			f    news.StoryFilter
			want int
		}{
			{"edition published", news.StoryFilter{Edition: "en", Status: news.StatusPublished}, 1},
			{"edition scheduled", news.StoryFilter{Edition: "en", Status: news.StatusScheduled}, 1},
			{"tag published", news.StoryFilter{TagID: tag.ID, Status: news.StatusPublished}, 1},
			{"tag scheduled", news.StoryFilter{TagID: tag.ID, Status: news.StatusScheduled}, 1},
			{"section published", news.StoryFilter{SectionID: n.world.ID, Status: news.StatusPublished}, 1},
		} {
			if got := total(t, s, c.f); got != c.want {
				t.Errorf("%s: %d stories, want %d", c.name, got, c.want)
			}
		}

		// Nothing more is due; tomorrow's story is next.
		again, err := s.PublishDue(ctx)
		if err != nil || len(again) != 0 {
			t.Errorf("second PublishDue = %v, %v; want nothing", ids(again), err)
		}
		if next, ok, err := s.NextDue(ctx); err != nil || !ok || !next.Equal(later.PublishedAt) {
			t.Errorf("NextDue = %v, %v, %v; want %v", next, ok, err, later.PublishedAt)
		}
	})
}

func TestNextDueNone(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		setupNewsroom(t, s)
		if next, ok, err := s.NextDue(context.Background()); err != nil || ok || !next.IsZero() {
			t.Errorf("NextDue = %v, %v, %v; want nothing scheduled", next, ok, err)
		}
	})
}

// TestPublishDueRace lets several stores on one database, as several
// newsdesk processes would be, and several goroutines on each, publish 50
// due stories at once: each story is published exactly once.
func TestPublishDueRace(t *testing.T) {
	dsns := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "race.db") },
		"postgres": postgresURL,
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			url := dsn(t)
			stores := []*store.Store{openStore(t, url)}
			n := setupNewsroom(t, stores[0])
			for range 3 {
				stores = append(stores, openStore(t, url))
			}
			const count = 50
			now := time.Now().UTC()
			var sts []*news.Story
			for i := range count {
				sts = append(sts, scheduled(n.world, fmt.Sprintf("Race %d", i), now.Add(-time.Duration(i)*time.Minute), "Race"))
			}
			if err := stores[0].CreateStories(ctx, sts); err != nil {
				t.Fatal(err)
			}

			var (
				mu   sync.Mutex
				seen = map[int64]int{}
				wg   sync.WaitGroup
			)
			for _, s := range stores {
				for range 3 {
					wg.Go(func() {
						published, err := s.PublishDue(ctx)
						if err != nil {
							t.Errorf("PublishDue: %v", err)
						}
						mu.Lock()
						defer mu.Unlock()
						for _, st := range published {
							seen[st.ID]++
						}
					})
				}
			}
			wg.Wait()
			s := stores[0]
			for _, st := range sts {
				if seen[st.ID] != 1 {
					t.Errorf("story %d published %d times, want once", st.ID, seen[st.ID])
				}
				revs, err := s.StoryRevisions(ctx, st.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(revs) != 2 {
					t.Errorf("story %d has %d revisions, want 2", st.ID, len(revs))
				}
			}
			tag, err := s.TagBySlug(ctx, "en", "race")
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				f    news.StoryFilter
				want int
			}{
				{news.StoryFilter{Edition: "en", Status: news.StatusPublished}, count},
				{news.StoryFilter{Edition: "en", Status: news.StatusScheduled}, 0},
				{news.StoryFilter{TagID: tag.ID, Status: news.StatusPublished}, count},
				{news.StoryFilter{TagID: tag.ID, Status: news.StatusScheduled}, 0},
			} {
				if got := total(t, s, c.f); got != c.want {
					t.Errorf("%+v: total %d, want %d", c.f, got, c.want)
				}
			}
			// The tag page's index reads story_tags.status, not the counts.
			list, err := s.ListStories(ctx, news.StoryFilter{TagID: tag.ID, Status: news.StatusPublished, Limit: count, NoTotal: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(list.Stories); got != count {
				t.Errorf("tag list holds %d published stories, want %d", got, count)
			}
		})
	}
}
