package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// logBuffer collects a server's log lines for a test to read.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// loggedServer serves the fixture's store with a server that logs every
// level into the returned buffer.
func loggedServer(t *testing.T, f *fixture) (http.Handler, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	srv, err := NewServer(Config{Static: deskStatic}, f.store, slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	return withDesk(t, srv, f.store), logs
}

func TestClientGone(t *testing.T) {
	f := newFixture(t, 3)
	h, logs := loggedServer(t, f)
	paths := []string{"/", "/world/", "/tags/harbour", "/world/1-x", "/healthz"}
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // the reader left before the page was read from the store
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil).WithContext(ctx))
			if w.Body.Len() != 0 || w.Header().Get("Content-Type") != "" {
				t.Errorf("wrote a response to a client that has gone: %d bytes, Content-Type %q", w.Body.Len(), w.Header().Get("Content-Type"))
			}
		})
	}
	got := logs.String()
	if strings.Contains(got, "level=ERROR") || strings.Contains(got, "status=500") {
		t.Errorf("a client going away was logged as a failure:\n%s", got)
	}
	if n := strings.Count(got, "status=499"); n != len(paths) {
		t.Errorf("%d request lines with status 499, want %d:\n%s", n, len(paths), got)
	}
	if !strings.Contains(got, `level=DEBUG msg="client went away"`) || !strings.Contains(got, "context canceled") {
		t.Errorf("no debug line naming the cancellation:\n%s", got)
	}
}

func TestInternalErrorIsLogged(t *testing.T) {
	f := newFixture(t, 1)
	h, logs := loggedServer(t, f)
	f.store.Close() // the database is gone while the reader waits
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", w.Code)
	}
	got := logs.String()
	if !strings.Contains(got, `level=ERROR msg="request failed"`) || !strings.Contains(got, "status=500") {
		t.Errorf("an internal error was not logged as one:\n%s", got)
	}
}
