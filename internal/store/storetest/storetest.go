// Package storetest gives the tests of every package the databases that
// newsdesk runs on: a SQLite file in the test's temporary folder and, when
// NEWSDESK_TEST_DATABASE_URL names a PostgreSQL server, a schema of its own
// there, so that tests running at once do not see each other's rows.
package storetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// EnvDatabaseURL names the PostgreSQL database the tests may create
// schemas in.
const EnvDatabaseURL = "NEWSDESK_TEST_DATABASE_URL"

// SQLite returns the path of a new SQLite file, removed with the test's
// temporary folder.
func SQLite(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "newsdesk.db")
}

// Postgres returns the URL of a new, empty PostgreSQL schema that is
// dropped when the test ends. It skips the test when EnvDatabaseURL is
// not set.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvDatabaseURL)
	if base == "" {
		t.Skip(EnvDatabaseURL + " is not set; skipping PostgreSQL")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", base, err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 8)
	rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", base, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// ForEach runs fn in a subtest "sqlite" with a new SQLite file and in a
// subtest "postgres" with a new PostgreSQL schema, skipped when
// EnvDatabaseURL is not set. fn may call t.Parallel.
func ForEach(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}
