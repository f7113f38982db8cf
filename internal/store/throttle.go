package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// failureHorizon is how long failed sign-ins are kept; no throttle looks
// further back.
const failureHorizon = 24 * time.Hour

// RecordSignInFailure notes a failed sign-in under each key ("user:<email>",
// "addr:<ip>"), in the database so that every node counts the same
// failures. Failures older than a day, under any key, are dropped, so that
// guesses at made-up addresses do not pile up.
func (s *Store) RecordSignInFailure(ctx context.Context, keys ...string) error {
	err := s.update(ctx, func(tx *tx) error {
		if _, err := tx.exec(ctx, `DELETE FROM sign_in_failures WHERE at < ?`, tx.now.Add(-failureHorizon)); err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := tx.exec(ctx, `INSERT INTO sign_in_failures (key, at) VALUES (?, ?)`, k, tx.now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: record sign-in failure: %w", err)
	}
	return nil
}

// SignInFailures returns the times of the failures under key since the
// given time, oldest first.
func (s *Store) SignInFailures(ctx context.Context, key string, since time.Time) ([]time.Time, error) {
	var ts []time.Time
	err := s.view(ctx, func(tx *tx) error {
		var err error
		ts, err = queryAll(ctx, tx, func(r scanner) (time.Time, error) {
			var at sql.NullTime
			err := r.Scan(&at)
			return goTime(at), err
		}, `SELECT at FROM sign_in_failures WHERE key = ? AND at > ? ORDER BY at`, key, normTime(since))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: sign-in failures: %w", err)
	}
	return ts, nil
}

// ClearSignInFailures forgets the failures under key, after the account's
// owner signed in.
func (s *Store) ClearSignInFailures(ctx context.Context, key string) error {
	err := s.update(ctx, func(tx *tx) error {
		_, err := tx.exec(ctx, `DELETE FROM sign_in_failures WHERE key = ?`, key)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: clear sign-in failures: %w", err)
	}
	return nil
}
