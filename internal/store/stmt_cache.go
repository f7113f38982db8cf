package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// maxCachedStmts bounds the cache: queries with IN lists vary with the
// number of ids, and rarely seen lengths are not worth keeping.
const maxCachedStmts = 256

// prepareWait is how long preparing a statement for the cache may wait for
// a free connection.
const prepareWait = 5 * time.Millisecond

// stmtCache holds statements prepared on one pool, by query text.
// database/sql prepares each one on a connection the first time it runs
// there and reuses it after.
type stmtCache struct {
	db *sql.DB
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: make(map[string]*sql.Stmt)}
}

// get returns the statement for query, or nil when it cannot be cached:
// the caller then runs the query unprepared, which reports any error.
func (c *stmtCache) get(ctx context.Context, query string) *sql.Stmt {
	c.mu.RLock()
	st := c.m[query]
	c.mu.RUnlock()
	if st != nil {
		return st
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st := c.m[query]; st != nil {
		return st
	}
	if len(c.m) >= maxCachedStmts {
		return nil
	}
	// Preparing takes a connection of its own from the pool. When every
	// connection is in a transaction waiting here, none would come free:
	// give up after a moment and run the query unprepared this time.
	ctx, cancel := context.WithTimeout(ctx, prepareWait)
	defer cancel()
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.m[query] = st
	return st
}

func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.m {
		st.Close()
		delete(c.m, q)
	}
}
