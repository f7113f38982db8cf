package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestSQLitePragmas checks that both pools read the file through a memory
// map, and that a pragma given in the URL replaces the store's own.
func TestSQLitePragmas(t *testing.T) {
	cases := []struct {
		name, query string
		mapped      bool
	}{
		{"default", "", true},
		{"caller turns the map off", "?_pragma=mmap_size(0)", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(context.Background(), filepath.Join(t.TempDir(), "newsdesk.db")+c.query)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for name, db := range map[string]*sql.DB{"read": s.read, "write": s.write} {
				var n int64
				if err := db.QueryRow(`PRAGMA mmap_size`).Scan(&n); err != nil {
					t.Fatal(err)
				}
				// SQLite caps the size at its compiled maximum.
				if got := n >= 1<<30; got != c.mapped {
					t.Errorf("%s pool: mmap_size = %d, want mapped %v", name, n, c.mapped)
				}
			}
		})
	}
}
