package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// changedKeys returns the keys of the changes after *last, sorted and
// without repeats, and moves *last past them.
func changedKeys(t *testing.T, s *store.Store, last *int64) []string {
	t.Helper()
	chs, err := s.ChangesAfter(context.Background(), *last, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range chs {
		if c.ID <= *last {
			t.Errorf("change %d after %d", c.ID, *last)
		}
		*last = c.ID
		keys = append(keys, c.Keys...)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func TestChangesOfStoryWrites(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		last, err := s.LastChange(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if last == 0 {
			t.Error("LastChange = 0 after saving editions and sections")
		}
		sec := func(x news.Section) string { return news.SectionKey(x.ID) }
		tag := func(st *news.Story, i int) string { return news.TagKey(st.Tags[i].ID) }
		pub := story(n.world, 1, "Published", "Harbour")
		pub.Bylines = []news.Author{{Name: "Anna Marsh"}}
		draft := story(n.world, 2, "Draft", "Harbour")
		draft.Status = news.StatusDraft
		var oldAuthor string // the byline the move drops
		due := story(n.sport, 5, "Due now", "Harbour")
		due.Status, due.PublishedAt = news.StatusScheduled, time.Now().Add(-time.Minute)

		for _, tc := range []struct {
			name  string
			write func(t *testing.T)
			want  func() []string
		}{
			{"publish", func(t *testing.T) { mustCreate(t, s, pub) }, func() []string {
				return []string{news.StoryKey(pub.ID), "e:en", sec(n.world), tag(pub, 0), news.AuthorKey(pub.Bylines[0].ID), news.KeyFeed, news.KeySitemap}
			}},
			{"draft names only itself", func(t *testing.T) { mustCreate(t, s, draft) }, func() []string {
				return []string{news.StoryKey(draft.ID)}
			}},
			{"move names the old lists and the new", func(t *testing.T) {
				edit := *pub
				edit.Section = news.Section{ID: n.business.ID}
				edit.Tags = []news.Tag{{Name: "Port"}}
				edit.Bylines = nil
				oldAuthor = news.AuthorKey(pub.Bylines[0].ID)
				if err := s.UpdateStory(ctx, &edit); err != nil {
					t.Fatal(err)
				}
				*pub = edit
			}, func() []string {
				port, _ := s.TagBySlug(ctx, "en", "port")
				harbour, _ := s.TagBySlug(ctx, "en", "harbour")
				return []string{news.StoryKey(pub.ID), "e:en", sec(n.world), sec(n.business),
					news.TagKey(harbour.ID), news.TagKey(port.ID), oldAuthor, news.KeyFeed, news.KeySitemap}
			}},
			{"note", func(t *testing.T) {
				if _, err := s.AddNote(ctx, news.Note{StoryID: pub.ID, Kind: news.NoteCorrection, Text: "Fixed.", At: time.Now()}); err != nil {
					t.Fatal(err)
				}
			}, func() []string {
				return []string{news.StoryKey(pub.ID), "e:en", sec(n.business), tag(pub, 0), news.KeyFeed, news.KeySitemap}
			}},
			{"scheduled story falls due", func(t *testing.T) {
				mustCreate(t, s, due)
				published, err := s.PublishDue(ctx)
				if err != nil || len(published) != 1 {
					t.Fatalf("PublishDue = %d stories, %v; want 1", len(published), err)
				}
			}, func() []string {
				return []string{news.StoryKey(due.ID), "e:en", sec(n.sport), tag(due, 0), news.KeyFeed, news.KeySitemap}
			}},
			{"section", func(t *testing.T) {
				if _, err := s.EnsureSection(ctx, "ru", "Спорт"); err != nil {
					t.Fatal(err)
				}
			}, func() []string { return []string{news.NavKey("ru"), news.KeySitemap} }},
			{"edition", func(t *testing.T) {
				if err := s.SaveEdition(ctx, news.StarterEditions()[1]); err != nil {
					t.Fatal(err)
				}
			}, func() []string { return []string{news.KeyEditions} }},
			{"a failed write names nothing", func(t *testing.T) {
				bad := story(n.world, 3, "")
				if err := s.CreateStories(ctx, []*news.Story{story(n.world, 4, "Fine"), bad}); err == nil {
					t.Fatal("CreateStories with an invalid story succeeded")
				}
			}, func() []string { return nil }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				tc.write(t)
				want := tc.want()
				slices.Sort(want)
				if got := changedKeys(t, s, &last); !slices.Equal(got, want) {
					t.Errorf("keys = %v\nwant %v", got, want)
				}
			})
		}
	})
}

// TestChangesInCommitOrder has writers in separate stores publish at once
// while a reader follows the changes by id: it must see every change, so
// no id may become visible after a larger one was read.
func TestChangesInCommitOrder(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		ctx := context.Background()
		first := openStore(t, dsn)
		n := setupNewsroom(t, first)
		start, err := first.LastChange(ctx)
		if err != nil {
			t.Fatal(err)
		}
		const writers, each = 6, 15
		var wg sync.WaitGroup
		done := make(chan struct{})
		for w := range writers {
			s := openStore(t, dsn)
			wg.Go(func() {
				for i := range each {
					st := story(n.world, w*100+i, fmt.Sprintf("Writer %d story %d", w, i), fmt.Sprintf("Tag %d", i%3))
					if err := s.CreateStory(ctx, st); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		go func() { wg.Wait(); close(done) }()

		reader := openStore(t, dsn)
		seen := map[int64]bool{}
		last := start
		follow := func() {
			chs, err := reader.ChangesAfter(ctx, last, 50)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range chs {
				seen[c.ID] = true
				last = c.ID
			}
		}
		for running := true; running; {
			select {
			case <-done:
				running = false
			default:
			}
			follow()
		}
		follow()
		all, err := reader.ChangesAfter(ctx, start, 10000)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != writers*each {
			t.Errorf("%d changes, want %d", len(all), writers*each)
		}
		for _, c := range all {
			if !seen[c.ID] {
				t.Errorf("change %d was passed over by a reader following the ids", c.ID)
			}
		}
	})
}

// TestWatchChanges: on PostgreSQL, a change committed through one store
// wakes a watcher on another at once.
func TestWatchChanges(t *testing.T) {
	dsn := storetest.Postgres(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	writer, watcher := openStore(t, dsn), openStore(t, dsn)
	n := setupNewsroom(t, writer)
	woken := make(chan struct{}, 16)
	stopped := make(chan error, 1)
	go func() {
		stopped <- watcher.WatchChanges(ctx, func() {
			select {
			case woken <- struct{}{}:
			default:
			}
		})
	}()
	wait := func(what string) {
		t.Helper()
		select {
		case <-woken:
		case <-time.After(10 * time.Second):
			t.Fatalf("no wake-up %s within 10 s", what)
		}
	}
	wait("once listening")
	mustCreate(t, writer, story(n.world, 1, "Wakes the watcher"))
	wait("after a change")
	cancel()
	if err := <-stopped; err != nil {
		t.Errorf("WatchChanges after cancel = %v, want nil", err)
	}
}

// TestWatchChangesSQLite: SQLite cannot notify; WatchChanges waits for the
// end of ctx without waking anyone.
func TestWatchChangesSQLite(t *testing.T) {
	s := openSQLite(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.WatchChanges(ctx, func() { t.Error("woken on SQLite") }); err != nil {
		t.Errorf("WatchChanges = %v", err)
	}
	if !strings.HasPrefix(s.Dialect(), "sqlite") {
		t.Errorf("Dialect = %q", s.Dialect())
	}
}
