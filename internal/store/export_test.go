package store

import "time"

// SetClock replaces the store's clock, for tests of what happens as time
// passes. Call it before the store is used concurrently.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// SetRankLimits bounds how many stories SQLite's search scores, for tests
// of searches that find more than that.
func (s *Store) SetRankLimits(all, fields int) { s.rank = rankLimits{all: all, fields: fields} }
