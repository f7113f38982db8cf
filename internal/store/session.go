package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"newsdesk/internal/auth"
)

// SessionStore keeps the desk's server-side sessions in the sessions
// table. It implements scs.Store and scs.CtxStore. Rows are keyed by a
// hash of the cookie's token, so the table alone cannot be used to take
// over a session.
type SessionStore struct {
	s *Store
	// lastSweep is when expired rows were last deleted (Unix seconds).
	lastSweep atomic.Int64
}

// sweepEvery is how often a commit also deletes expired sessions.
const sweepEvery = 5 * time.Minute

// Sessions returns the session store over s.
func (s *Store) Sessions() *SessionStore { return &SessionStore{s: s} }

// FindCtx returns the data of an unexpired session.
func (ss *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	err := ss.s.view(ctx, func(tx *tx) error {
		return tx.queryRow(ctx, `SELECT data FROM sessions WHERE token = ? AND expiry > ?`, auth.HashToken(token), tx.now).Scan(&b)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("store: find session: %w", err)
	}
	return b, true, nil
}

// CommitCtx saves the session's data and expiry, replacing what was there.
// Now and then it also deletes the expired sessions.
func (ss *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	now := ss.s.now()
	sweep := false
	if last := ss.lastSweep.Load(); now.Unix()-last >= int64(sweepEvery/time.Second) {
		sweep = ss.lastSweep.CompareAndSwap(last, now.Unix())
	}
	err := ss.s.update(ctx, func(tx *tx) error {
		if sweep {
			if _, err := tx.exec(ctx, `DELETE FROM sessions WHERE expiry < ?`, tx.now); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `INSERT INTO sessions (token, data, expiry) VALUES (?, ?, ?)
			ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`,
			auth.HashToken(token), b, normTime(expiry))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: commit session: %w", err)
	}
	return nil
}

// DeleteCtx removes the session; a missing one is no error.
func (ss *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	err := ss.s.update(ctx, func(tx *tx) error {
		_, err := tx.exec(ctx, `DELETE FROM sessions WHERE token = ?`, auth.HashToken(token))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// DeleteExpiredSessions removes every expired session now.
func (ss *SessionStore) DeleteExpiredSessions(ctx context.Context) error {
	err := ss.s.update(ctx, func(tx *tx) error {
		_, err := tx.exec(ctx, `DELETE FROM sessions WHERE expiry < ?`, tx.now)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete expired sessions: %w", err)
	}
	return nil
}

// Find is FindCtx without a context, for scs.Store.
func (ss *SessionStore) Find(token string) ([]byte, bool, error) {
	return ss.FindCtx(context.Background(), token)
}

// Commit is CommitCtx without a context, for scs.Store.
func (ss *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, b, expiry)
}

// Delete is DeleteCtx without a context, for scs.Store.
func (ss *SessionStore) Delete(token string) error {
	return ss.DeleteCtx(context.Background(), token)
}
