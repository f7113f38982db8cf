package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestStmtCacheNeverWaits checks that a reader asking for a statement not
// yet prepared runs on at once even when every connection of the pool is
// taken, as it is under load, and that the statement is ready once a
// connection comes free.
func TestStmtCacheNeverWaits(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "newsdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var held []*sql.Conn
	for range s.read.Stats().MaxOpenConnections {
		c, err := s.read.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	const query = `SELECT COUNT(*) FROM stories`
	start := time.Now()
	if st := s.readStmts.get(query); st != nil {
		t.Fatalf("get of a new query = %v, want nil until prepared", st)
	}
	if took := time.Since(start); took > 100*time.Millisecond {
		t.Errorf("get waited %v for a connection", took)
	}
	for _, c := range held {
		c.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.readStmts.get(query) == nil {
		if time.Now().After(deadline) {
			t.Fatal("statement not prepared once connections were free")
		}
		time.Sleep(time.Millisecond)
	}
}
