package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
)

// Token purposes.
const (
	// TokenSignIn is a one-time sign-in link: from `newsdesk user add`,
	// an invitation, or an admin's new link for someone locked out.
	TokenSignIn = "signin"
	// TokenConfirm confirms a reader's address after sign-up; its data is
	// what the reader was doing when they signed up (see web).
	TokenConfirm = "confirm"
	// TokenReset sets a new password for a reader who forgot it.
	TokenReset = "reset"
	// TokenEmail moves an account to the address in its data, once the
	// link mailed there is followed.
	TokenEmail = "email"
)

// errBadToken is what every unusable link gets, so that a guesser learns
// nothing about which tokens once existed.
var errBadToken = news.Errorf(news.ErrNotFound, "this link is not valid: it may have been used already or expired")

// CreateToken makes a one-time token for the user and purpose, valid for
// ttl, and returns the raw token to put in a link. Only its hash is stored.
// Earlier unused tokens of the same purpose are dropped: the newest link is
// the only one that works.
func (s *Store) CreateToken(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error) {
	return s.CreateTokenData(ctx, userID, purpose, "", ttl)
}

// CreateTokenData is CreateToken for a token that carries data, returned
// by TokenData and UseTokenData.
func (s *Store) CreateTokenData(ctx context.Context, userID int64, purpose, data string, ttl time.Duration) (string, error) {
	raw, hash := auth.NewToken()
	err := s.update(ctx, func(tx *tx) error {
		if _, err := tx.exec(ctx, `DELETE FROM user_tokens WHERE (user_id = ? AND purpose = ? AND used_at IS NULL) OR expires_at < ?`,
			userID, purpose, tx.now); err != nil {
			return err
		}
		_, err := tx.exec(ctx, `INSERT INTO user_tokens (token_hash, user_id, purpose, data, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
			hash, userID, purpose, data, tx.now, tx.now.Add(ttl))
		return err
	})
	if err != nil {
		return "", fmt.Errorf("store: create %s token for user %d: %w", purpose, userID, err)
	}
	return raw, nil
}

// TokenUser returns the user a valid, unused token belongs to, without
// using it: for the page that asks the holder to confirm.
func (s *Store) TokenUser(ctx context.Context, raw, purpose string) (news.User, error) {
	u, _, err := s.TokenData(ctx, raw, purpose)
	return u, err
}

// TokenData is TokenUser that also returns the token's data.
func (s *Store) TokenData(ctx context.Context, raw, purpose string) (news.User, string, error) {
	var u news.User
	var data string
	err := s.view(ctx, func(tx *tx) error {
		var err error
		u, err = scanUser(tx.queryRow(ctx, `SELECT `+userColumns+` FROM user_tokens t JOIN users u ON u.id = t.user_id
			WHERE t.token_hash = ? AND t.purpose = ? AND t.used_at IS NULL AND t.expires_at > ?`,
			auth.HashToken(raw), purpose, tx.now))
		if errors.Is(err, sql.ErrNoRows) {
			return errBadToken
		}
		if err != nil {
			return err
		}
		return tx.queryRow(ctx, `SELECT data FROM user_tokens WHERE token_hash = ?`, auth.HashToken(raw)).Scan(&data)
	})
	if err != nil {
		return news.User{}, "", fmt.Errorf("store: %s token: %w", purpose, err)
	}
	return u, data, nil
}

// UseToken marks a valid token used and returns its user. Marking is one
// conditional UPDATE, so of two requests racing with one link only one
// succeeds.
func (s *Store) UseToken(ctx context.Context, raw, purpose string) (news.User, error) {
	u, _, err := s.UseTokenData(ctx, raw, purpose)
	return u, err
}

// UseTokenData is UseToken that also returns the token's data.
func (s *Store) UseTokenData(ctx context.Context, raw, purpose string) (news.User, string, error) {
	var u news.User
	var data string
	err := s.update(ctx, func(tx *tx) error {
		var id int64
		err := tx.queryRow(ctx, `UPDATE user_tokens SET used_at = ?
			WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id, data`,
			tx.now, auth.HashToken(raw), purpose, tx.now).Scan(&id, &data)
		if errors.Is(err, sql.ErrNoRows) {
			return errBadToken
		}
		if err != nil {
			return err
		}
		u, err = scanUser(tx.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, id))
		return err
	})
	if err != nil {
		return news.User{}, "", fmt.Errorf("store: use %s token: %w", purpose, err)
	}
	return u, data, nil
}
