package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
)

// apiKeyPrefix marks newsdesk's API keys, so a leaked one is recognised
// by secret scanners and by people.
const apiKeyPrefix = "ndk_"

// apiKeyTouch is how stale a key's last use may get before a request
// records it again: one write an hour, not one a request.
const apiKeyTouch = time.Hour

const apiKeyColumns = `id, COALESCE(user_id, 0), name, prefix, COALESCE(created_by, 0), created_at, last_used_at, revoked_at`

func scanAPIKey(r scanner) (news.APIKey, error) {
	var k news.APIKey
	var used, revoked sql.NullTime
	err := r.Scan(&k.ID, &k.UserID, &k.Name, &k.Prefix, &k.CreatedBy, &k.CreatedAt, &used, &revoked)
	k.CreatedAt, k.LastUsedAt, k.RevokedAt = k.CreatedAt.UTC(), goTime(used), goTime(revoked)
	return k, err
}

// CreateAPIKey makes a content key named name and returns it, in full for
// this one time, with its record.
func (s *Store) CreateAPIKey(ctx context.Context, name string, createdBy int64) (string, news.APIKey, error) {
	return s.createKey(ctx, news.APIKey{Name: strings.TrimSpace(name), CreatedBy: createdBy})
}

// CreateUserToken makes a personal token of the user, named name.
func (s *Store) CreateUserToken(ctx context.Context, userID int64, name string) (string, news.APIKey, error) {
	return s.createKey(ctx, news.APIKey{UserID: userID, Name: strings.TrimSpace(name), CreatedBy: userID})
}

func (s *Store) createKey(ctx context.Context, k news.APIKey) (string, news.APIKey, error) {
	if err := k.Validate(); err != nil {
		return "", news.APIKey{}, err
	}
	token, _ := auth.NewToken()
	raw := apiKeyPrefix + token
	hash := auth.HashToken(raw)
	k.Prefix = raw[:len(apiKeyPrefix)+6]
	err := s.update(ctx, func(tx *tx) error {
		k.CreatedAt = tx.now
		return tx.queryRow(ctx, `INSERT INTO api_keys (user_id, name, key_hash, prefix, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, nullID(k.UserID), k.Name, hash, k.Prefix, nullID(k.CreatedBy), k.CreatedAt).Scan(&k.ID)
	})
	if err != nil {
		return "", news.APIKey{}, fmt.Errorf("store: create API key: %w", err)
	}
	return raw, k, nil
}

// APIKeyFor returns the working key that raw is, recording its use at most
// hourly. Anything else is news.ErrNotFound.
func (s *Store) APIKeyFor(ctx context.Context, raw string) (news.APIKey, error) {
	if !strings.HasPrefix(raw, apiKeyPrefix) {
		return news.APIKey{}, notFound("API key")
	}
	var k news.APIKey
	err := s.view(ctx, func(tx *tx) (err error) {
		k, err = scanAPIKey(tx.queryRow(ctx, `SELECT `+apiKeyColumns+` FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL`, auth.HashToken(raw)))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("API key")
		}
		return err
	})
	if err != nil {
		return news.APIKey{}, fmt.Errorf("store: API key: %w", err)
	}
	if now := s.now(); now.Sub(k.LastUsedAt) > apiKeyTouch {
		err := s.update(ctx, func(tx *tx) error {
			_, err := tx.exec(ctx, `UPDATE api_keys SET last_used_at = ? WHERE id = ?`, tx.now, k.ID)
			return err
		})
		if err != nil {
			return news.APIKey{}, fmt.Errorf("store: API key %d: %w", k.ID, err)
		}
	}
	return k, nil
}

// APIKeys lists every content key, revoked ones too, newest first.
func (s *Store) APIKeys(ctx context.Context) ([]news.APIKey, error) {
	var keys []news.APIKey
	err := s.view(ctx, func(tx *tx) (err error) {
		keys, err = queryAll(ctx, tx, scanAPIKey, `SELECT `+apiKeyColumns+` FROM api_keys WHERE user_id IS NULL ORDER BY id DESC`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: API keys: %w", err)
	}
	return keys, nil
}

// UserTokens lists the user's personal tokens, revoked ones too, newest
// first.
func (s *Store) UserTokens(ctx context.Context, userID int64) ([]news.APIKey, error) {
	var keys []news.APIKey
	err := s.view(ctx, func(tx *tx) (err error) {
		keys, err = queryAll(ctx, tx, scanAPIKey, `SELECT `+apiKeyColumns+` FROM api_keys WHERE user_id = ? ORDER BY id DESC`, userID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: tokens of user %d: %w", userID, err)
	}
	return keys, nil
}

// RevokeUserToken stops one of the user's own tokens from working.
func (s *Store) RevokeUserToken(ctx context.Context, userID, id int64) error {
	err := s.update(ctx, func(tx *tx) error {
		return tx.execOne(ctx, notFound("token %d", id), `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL`, tx.now, id, userID)
	})
	if err != nil {
		return fmt.Errorf("store: revoke token %d: %w", id, err)
	}
	return nil
}

// RevokeAPIKey stops a content key from working, for good.
func (s *Store) RevokeAPIKey(ctx context.Context, id int64) error {
	err := s.update(ctx, func(tx *tx) error {
		return tx.execOne(ctx, notFound("API key %d", id), `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id IS NULL AND revoked_at IS NULL`, tx.now, id)
	})
	if err != nil {
		return fmt.Errorf("store: revoke API key %d: %w", id, err)
	}
	return nil
}
