package web

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// waitFor calls cond until it holds or the deadline passes.
func waitFor(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// watch runs the server's watcher until the test ends and waits until the
// cache is ready.
func watch(t *testing.T, srv *Server) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Watch(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Watch: %v", err)
		}
	})
	waitFor(t, 5*time.Second, "cache ready", func() bool { _, ready := srv.cache.begin(); return ready })
}

// renameFromElsewhere changes a story's headline through a store of its
// own, as `newsdesk import` or another node would.
func renameFromElsewhere(t *testing.T, dsn string, id int64, headline string) {
	t.Helper()
	ctx := context.Background()
	other, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	st, err := other.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	st.Headline = headline
	if err := other.UpdateStory(ctx, &st); err != nil {
		t.Fatal(err)
	}
}

// TestCacheSeesOtherProcesses: a write by another process on the same
// SQLite file shows within the poll interval.
func TestCacheSeesOtherProcesses(t *testing.T) {
	f := newFixture(t, 3)
	watch(t, f.srv)
	path := f.storyPath()
	f.mustGet(t, path, http.StatusOK)
	if !f.cached(path) {
		t.Fatal("story page not cached while the watcher runs")
	}
	renameFromElsewhere(t, f.dbPath, f.lead.ID, "Renamed by another process")
	waitFor(t, 10*pollInterval, "the other process's change on the page", func() bool {
		return strings.Contains(f.mustGet(t, path, http.StatusOK).body, "Renamed by another process")
	})
}

// TestCacheListensOnPostgres: on PostgreSQL a change made through another
// connection reaches the cache by notification, with polling turned off.
func TestCacheListensOnPostgres(t *testing.T) {
	dsn := storetest.Postgres(t)
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, e := range news.StarterEditions() {
		if err := st.SaveEdition(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	sec, err := st.EnsureSection(ctx, "en", "World")
	if err != nil {
		t.Fatal(err)
	}
	story := &news.Story{Edition: "en", Section: sec, Headline: "Harbour reopens", Status: news.StatusPublished, PublishedAt: time.Now().Add(-time.Hour)}
	if err := st.CreateStory(ctx, story); err != nil {
		t.Fatal(err)
	}
	srv, err := NewServer(Config{BaseURL: "https://news.example", Static: deskStatic}, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	srv.poll = time.Hour // only a notification can bring the change
	watch(t, srv)
	h := withDesk(t, srv, st)
	get := func() string {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, story.Path(), nil))
		if w.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", story.Path(), w.Code)
		}
		return w.Body.String()
	}
	get()
	if key, _ := srv.cacheKey(httptest.NewRequest(http.MethodGet, story.Path(), nil)); srv.cache.get(key) == nil {
		t.Fatal("story page not cached")
	}
	renameFromElsewhere(t, dsn, story.ID, "Harbour reopens after repairs")
	waitFor(t, 10*time.Second, "the notified change on the page", func() bool {
		return strings.Contains(get(), "Harbour reopens after repairs")
	})
}
