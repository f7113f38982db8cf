package main

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// TestServePublishesMissedSchedule: a story that fell due while newsdesk
// was stopped is on the site soon after it starts again.
func TestServePublishesMissedSchedule(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, filepath.Join(dir, "newsdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ensureEditions(ctx, s); err != nil {
		t.Fatal(err)
	}
	sec, err := s.EnsureSection(ctx, "en", "World")
	if err != nil {
		t.Fatal(err)
	}
	st := &news.Story{Edition: "en", Section: sec, Headline: "Fell due overnight", Slug: "fell-due-overnight",
		Status: news.StatusScheduled, PublishedAt: time.Now().Add(-8 * time.Hour)}
	if err := s.CreateStory(ctx, st); err != nil {
		t.Fatal(err)
	}
	s.Close()

	base := startServer(t, "--data", dir)
	// The first pass of the scheduler runs as the server starts; the bound
	// only keeps a broken scheduler from hanging the test.
	for deadline := time.Now().Add(20 * time.Second); ; {
		code, _ := get(t, base+st.Path())
		if code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s = %d; the missed story was not published", st.Path(), code)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
