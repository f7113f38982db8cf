package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsdesk/internal/news"
)

// ConfirmUser marks the user's address confirmed: its owner followed a
// link mailed to it.
func (s *Store) ConfirmUser(ctx context.Context, id int64) error {
	err := s.update(ctx, func(tx *tx) error {
		return tx.execOne(ctx, notFound("user %d", id), `UPDATE users SET unconfirmed = FALSE WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("store: confirm user %d: %w", id, err)
	}
	return nil
}

// DeleteReader deletes a reader's account and everything kept about it,
// in one transaction: bookmarks, one-time links, presence rows, recorded
// sign-in failures under the address, and the user. Sessions hold only the
// user's id and stop being accepted with the user; their rows expire.
// Staff accounts are not deleted here: their stories and notes name them,
// and the newsroom needs its admins.
func (s *Store) DeleteReader(ctx context.Context, id int64) error {
	err := s.update(ctx, func(tx *tx) error {
		u, err := scanUser(tx.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("user %d", id)
		}
		if err != nil {
			return err
		}
		if u.Role != news.RoleReader {
			return news.Errorf(news.ErrForbidden, "%s is a staff account: an admin manages it on the desk", u.Email)
		}
		for _, q := range []string{
			`DELETE FROM bookmarks WHERE user_id = ?`,
			`DELETE FROM user_tokens WHERE user_id = ?`,
			`DELETE FROM story_presence WHERE user_id = ?`,
		} {
			if _, err := tx.exec(ctx, q, id); err != nil {
				return err
			}
		}
		// Failures and mail requests are counted under the address
		// (web: "user:", "signup:user:", "reset:user:", "email:user:").
		if _, err := tx.exec(ctx, `DELETE FROM sign_in_failures WHERE key IN (?, ?, ?, ?)`,
			"user:"+u.Email, "signup:user:"+u.Email, "reset:user:"+u.Email, "email:user:"+u.Email); err != nil {
			return err
		}
		return tx.execOne(ctx, notFound("user %d", id), `DELETE FROM users WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("store: delete reader %d: %w", id, err)
	}
	return nil
}
