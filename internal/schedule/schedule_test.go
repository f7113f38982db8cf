package schedule

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

func open(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newsroom gives s its editions and a section, and returns the section.
func newsroom(t *testing.T, s *store.Store) news.Section {
	t.Helper()
	ctx := context.Background()
	for _, e := range news.StarterEditions() {
		if err := s.SaveEdition(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	sec, err := s.EnsureSection(ctx, "en", "World")
	if err != nil {
		t.Fatal(err)
	}
	return sec
}

func schedule(t *testing.T, s *store.Store, sec news.Section, headline string, at time.Time) *news.Story {
	t.Helper()
	st := &news.Story{
		Edition: "en", Section: sec, Headline: headline, Slug: news.Slugify(headline),
		Status: news.StatusScheduled, PublishedAt: at,
	}
	if err := s.CreateStory(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return st
}

// start runs the scheduler on s until the test ends and returns a channel
// of what each pass published, and the log.
func start(t *testing.T, s *store.Store) (<-chan []news.Story, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	passes := make(chan []news.Story, 100)
	var log syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, s, slog.New(slog.NewTextHandler(&log, nil)), func(p []news.Story) {
			select {
			case passes <- p:
			case <-ctx.Done():
			}
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("Run returned %v, want context.Canceled", err)
		}
	})
	return passes, &log
}

// next waits for the scheduler's next pass; the bound only keeps a broken
// scheduler from hanging the test.
func next(t *testing.T, passes <-chan []news.Story) []news.Story {
	t.Helper()
	select {
	case p := <-passes:
		return p
	case <-time.After(30 * time.Second):
		t.Fatal("the scheduler made no pass")
		return nil
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestRunAfterRestart: a story that fell due while newsdesk was stopped is
// published by the first pass after it starts, and a story not yet due is
// left alone.
func TestRunAfterRestart(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		ctx := context.Background()
		before := open(t, dsn)
		sec := newsroom(t, before)
		missed := schedule(t, before, sec, "Due while stopped", time.Now().Add(-time.Hour))
		future := schedule(t, before, sec, "Due next week", time.Now().Add(7*24*time.Hour))
		before.Close()

		after := open(t, dsn)
		passes, log := start(t, after)
		first := next(t, passes)
		if len(first) != 1 || first[0].ID != missed.ID {
			t.Fatalf("first pass published %d stories, want story %d", len(first), missed.ID)
		}
		for id, want := range map[int64]news.Status{missed.ID: news.StatusPublished, future.ID: news.StatusScheduled} {
			got, err := after.Story(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != want {
				t.Errorf("story %d is %s, want %s", id, got.Status, want)
			}
		}
		if !strings.Contains(log.String(), "published scheduled story") || !strings.Contains(log.String(), "Due while stopped") {
			t.Errorf("log does not name the published story:\n%s", log.String())
		}
	})
}

// TestRunWakesWhenDue: a story scheduled a moment ahead is published by a
// later pass, not before its time.
func TestRunWakesWhenDue(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		s := open(t, dsn)
		sec := newsroom(t, s)
		passes, _ := start(t, s)
		if p := next(t, passes); len(p) != 0 {
			t.Fatalf("first pass published %d stories, want none", len(p))
		}
		due := time.Now().Add(300 * time.Millisecond)
		st := schedule(t, s, sec, "Due in a moment", due)
		for {
			p := next(t, passes)
			if len(p) == 0 {
				continue
			}
			if p[0].ID != st.ID {
				t.Fatalf("published story %d, want %d", p[0].ID, st.ID)
			}
			if time.Now().Before(due) {
				t.Errorf("published before its time")
			}
			return
		}
	})
}

// TestRunSeveralProcesses: schedulers on several stores of one database
// publish 50 due stories between them, each exactly once.
func TestRunSeveralProcesses(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		first := open(t, dsn)
		sec := newsroom(t, first)
		const count = 50
		for i := range count {
			schedule(t, first, sec, fmt.Sprintf("Story %d", i), time.Now().Add(-time.Duration(i)*time.Second))
		}
		seen := map[int64]int{}
		var all []<-chan []news.Story
		for range 4 {
			passes, _ := start(t, open(t, dsn))
			all = append(all, passes)
		}
		// Every scheduler's first pass runs at start, so after it all 50
		// are published by one of them.
		for _, passes := range all {
			for _, st := range next(t, passes) {
				seen[st.ID]++
			}
		}
		if len(seen) != count {
			t.Errorf("%d stories published, want %d", len(seen), count)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("story %d published %d times", id, n)
			}
		}
	})
}

// TestRunPublishesEpisodes: a podcast episode scheduled a moment ahead is
// published by a later pass, not before its time, and logged.
func TestRunPublishesEpisodes(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, dsn string) {
		t.Parallel()
		ctx := context.Background()
		s := open(t, dsn)
		newsroom(t, s)
		show := news.Show{Edition: "en", Title: "The Brief"}
		if err := s.CreateShow(ctx, &show); err != nil {
			t.Fatal(err)
		}
		due := time.Now().Add(300 * time.Millisecond)
		ep := news.Episode{ShowID: show.ID, Title: "Due in a moment", Status: news.StatusScheduled, PublishedAt: due,
			Audio: news.MediaRef{ID: 1, URL: "/media/a.mp3", Type: "audio/mpeg", Size: 10}}
		if err := s.CreateEpisode(ctx, &ep); err != nil {
			t.Fatal(err)
		}
		passes, log := start(t, s)
		for {
			next(t, passes)
			got, err := s.Episode(ctx, ep.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != news.StatusPublished {
				continue
			}
			if time.Now().Before(due) {
				t.Errorf("published before its time")
			}
			if !strings.Contains(log.String(), "published scheduled episode") {
				t.Errorf("log does not name the episode:\n%s", log.String())
			}
			return
		}
	})
}
