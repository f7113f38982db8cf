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

// prepareWait is how long a statement's preparation may wait for a free
// connection before it is left for a later use of the query.
const prepareWait = time.Second

// stmtCache holds statements prepared on one pool, by query text.
// database/sql prepares each one on a connection the first time it runs
// there and reuses it after.
type stmtCache struct {
	db *sql.DB
	mu sync.RWMutex
	// m maps a query to its statement, or to nil while it is being
	// prepared.
	m       map[string]*sql.Stmt
	closed  bool
	pending sync.WaitGroup // preparations running in the background
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: make(map[string]*sql.Stmt)}
}

// get returns the statement for query, or nil when there is none yet: the
// caller then runs the query unprepared, which also reports any error.
//
// A statement missing from the cache is prepared in the background.
// Preparing takes a connection of its own from the pool, and under load
// every connection is in a transaction whose goroutine may be the one
// asking: waiting here could hold up every reader until the wait ran out,
// query after query.
func (c *stmtCache) get(query string) *sql.Stmt {
	c.mu.RLock()
	st, known := c.m[query]
	c.mu.RUnlock()
	if known {
		return st
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, known := c.m[query]; known || c.closed || len(c.m) >= maxCachedStmts {
		return st
	}
	c.m[query] = nil
	c.pending.Go(func() { c.prepare(query) })
	return nil
}

// prepare prepares query and keeps the statement, or forgets the query
// so that a later get tries again.
func (c *stmtCache) prepare(query string) {
	ctx, cancel := context.WithTimeout(context.Background(), prepareWait)
	defer cancel()
	st, err := c.db.PrepareContext(ctx, query)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil || c.closed {
		delete(c.m, query)
		if st != nil {
			st.Close()
		}
		return
	}
	c.m[query] = st
}

// close closes the statements. It waits for the preparations under way,
// so that none opens a connection once the store is closed.
func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.pending.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.m {
		if st != nil {
			st.Close()
		}
		delete(c.m, q)
	}
}
