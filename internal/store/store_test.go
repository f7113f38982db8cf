package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// forEachStore runs fn against a fresh SQLite store and, when
// NEWSDESK_TEST_DATABASE_URL names a PostgreSQL server, against a fresh
// PostgreSQL schema.
func forEachStore(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		fn(t, openSQLite(t))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		fn(t, openPostgres(t))
	})
}

func openSQLite(t *testing.T) *store.Store {
	t.Helper()
	return openStore(t, storetest.SQLite(t))
}

// openPostgres opens a store in a schema of its own, dropped when the test
// ends, so that tests running at once do not see each other's rows.
func openPostgres(t *testing.T) *store.Store {
	t.Helper()
	return openStore(t, postgresURL(t))
}

// postgresURL is storetest.Postgres with the signature of a subtest's
// address maker.
func postgresURL(t *testing.T) string { return storetest.Postgres(t) }

func openStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestOpenTwice(t *testing.T) {
	ctx := context.Background()
	dsns := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "twice.db") },
		"postgres": postgresURL,
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			url := dsn(t)
			first := openStore(t, url)
			if got, want := first.Dialect(), name; got != want {
				t.Errorf("Dialect() = %q, want %q", got, want)
			}
			if err := first.SaveEdition(ctx, news.StarterEditions()[0]); err != nil {
				t.Fatal(err)
			}
			// Migrating an up-to-date database again must change nothing.
			second := openStore(t, url)
			if err := second.Ping(ctx); err != nil {
				t.Fatalf("Ping: %v", err)
			}
			eds, err := second.Editions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(eds), 1; got != want {
				t.Errorf("editions after reopening = %d, want %d", got, want)
			}
		})
	}
}

// newsroom holds what most story tests need: both starter editions and a
// few sections.
type newsroom struct {
	world, business, sport news.Section
	ruNews                 news.Section
}

func setupNewsroom(t *testing.T, s *store.Store) newsroom {
	t.Helper()
	ctx := context.Background()
	for _, e := range news.StarterEditions() {
		if err := s.SaveEdition(ctx, e); err != nil {
			t.Fatalf("SaveEdition(%s): %v", e.Code, err)
		}
	}
	var n newsroom
	for _, x := range []struct {
		sec           *news.Section
		edition, name string
	}{
		{&n.world, "en", "World"}, {&n.business, "en", "Business"}, {&n.sport, "en", "Sport"},
		{&n.ruNews, "ru", "Новости"},
	} {
		sec, err := s.EnsureSection(ctx, x.edition, x.name)
		if err != nil {
			t.Fatalf("EnsureSection(%s, %s): %v", x.edition, x.name, err)
		}
		*x.sec = sec
	}
	return n
}

// baseTime is a fixed clock for the stories that tests create.
var baseTime = time.Date(2018, 1, 31, 2, 43, 0, 0, time.UTC)

// story returns a valid published story in sec; each call's headline and
// time differ by n.
func story(sec news.Section, n int, headline string, tags ...string) *news.Story {
	st := &news.Story{
		Edition:     sec.Edition,
		Section:     news.Section{ID: sec.ID},
		Headline:    headline,
		Slug:        news.Slugify(headline),
		Lead:        "Lead of " + headline,
		Body:        "<p>Body of " + headline + "</p>",
		Status:      news.StatusPublished,
		PublishedAt: baseTime.Add(time.Duration(n) * time.Hour),
	}
	for _, tag := range tags {
		st.Tags = append(st.Tags, news.Tag{Name: tag})
	}
	return st
}

func mustCreate(t *testing.T, s *store.Store, sts ...*news.Story) {
	t.Helper()
	for _, st := range sts {
		if err := s.CreateStory(context.Background(), st); err != nil {
			t.Fatalf("CreateStory(%q): %v", st.Headline, err)
		}
	}
}

// wantCode fails the test unless err carries the domain error code.
func wantCode(t *testing.T, err error, code news.Code) *news.Error {
	t.Helper()
	if !errors.Is(err, code) {
		t.Fatalf("error = %v, want %q", err, code)
	}
	var e *news.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v carries no *news.Error", err)
	}
	return e
}

func ids(sts []news.Story) []int64 {
	out := make([]int64, len(sts))
	for i, st := range sts {
		out[i] = st.ID
	}
	return out
}
