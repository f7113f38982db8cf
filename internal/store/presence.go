package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"newsdesk/internal/news"
)

// Presence in the editor lives in story_presence, a row per story and user
// renewed by heartbeats. The rows are ordered by since: the first present
// user is the one editing the story. Taking a story over removes the
// others' rows, so that a returning heartbeat of someone who lost the
// story comes back with a later since and finds the taker ahead of it.

// Heartbeat records that userID has story storyID open now, keeping the
// time the user arrived, and returns everyone present, the one editing
// first. Rows older than news.PresenceExpiry are removed on the way.
func (s *Store) Heartbeat(ctx context.Context, storyID, userID int64) ([]news.Presence, error) {
	var present []news.Presence
	err := s.update(ctx, func(tx *tx) error {
		if err := tx.mustHaveStory(ctx, storyID); err != nil {
			return err
		}
		if err := tx.expirePresence(ctx, storyID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `
			INSERT INTO story_presence (story_id, user_id, since, seen_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (story_id, user_id) DO UPDATE SET seen_at = excluded.seen_at`,
			storyID, userID, tx.now, tx.now); err != nil {
			return err
		}
		var err error
		present, err = tx.present(ctx, storyID, tx.now.Add(-news.PresenceExpiry))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: heartbeat on story %d: %w", storyID, err)
	}
	return present, nil
}

// TakeOver makes userID the one editing story storyID: the others present
// are removed, and their next heartbeat finds userID editing.
func (s *Store) TakeOver(ctx context.Context, storyID, userID int64) ([]news.Presence, error) {
	var present []news.Presence
	err := s.update(ctx, func(tx *tx) error {
		if err := tx.mustHaveStory(ctx, storyID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM story_presence WHERE story_id = ?`, storyID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO story_presence (story_id, user_id, since, seen_at) VALUES (?, ?, ?, ?)`,
			storyID, userID, tx.now, tx.now); err != nil {
			return err
		}
		var err error
		present, err = tx.present(ctx, storyID, tx.now.Add(-news.PresenceExpiry))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: take over story %d: %w", storyID, err)
	}
	return present, nil
}

// Present returns the users who have sent a heartbeat on the story since
// the given time, the one editing first.
func (s *Store) Present(ctx context.Context, storyID int64, since time.Time) ([]news.Presence, error) {
	var present []news.Presence
	err := s.view(ctx, func(tx *tx) (err error) {
		present, err = tx.present(ctx, storyID, since)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: presence on story %d: %w", storyID, err)
	}
	return present, nil
}

// Leave records that userID closed story storyID.
func (s *Store) Leave(ctx context.Context, storyID, userID int64) error {
	err := s.update(ctx, func(tx *tx) error {
		_, err := tx.exec(ctx, `DELETE FROM story_presence WHERE story_id = ? AND user_id = ?`, storyID, userID)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: leave story %d: %w", storyID, err)
	}
	return nil
}

func (tx *tx) present(ctx context.Context, storyID int64, since time.Time) ([]news.Presence, error) {
	return queryAll(ctx, tx, scanPresence, `
		SELECT p.story_id, p.user_id, COALESCE(NULLIF(u.name, ''), u.email, ''), p.since, p.seen_at
		FROM story_presence p LEFT JOIN users u ON u.id = p.user_id
		WHERE p.story_id = ? AND p.seen_at >= ?
		ORDER BY p.since, p.user_id`, storyID, normTime(since))
}

func (tx *tx) expirePresence(ctx context.Context, storyID int64) error {
	_, err := tx.exec(ctx, `DELETE FROM story_presence WHERE story_id = ? AND seen_at < ?`,
		storyID, tx.now.Add(-news.PresenceExpiry))
	return err
}

// mustHaveStory returns not found unless the story exists.
func (tx *tx) mustHaveStory(ctx context.Context, storyID int64) error {
	var exists bool
	if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)`, storyID).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return notFound("story %d", storyID)
	}
	return nil
}

func scanPresence(r scanner) (news.Presence, error) {
	var (
		p           news.Presence
		since, seen sql.NullTime
	)
	if err := r.Scan(&p.StoryID, &p.UserID, &p.UserName, &since, &seen); err != nil {
		return news.Presence{}, err
	}
	p.Since, p.SeenAt = goTime(since), goTime(seen)
	return p, nil
}
