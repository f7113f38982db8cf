package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsdesk/internal/news"
)

// DeleteStory removes a story for ever with its tags, bylines, revisions
// and notes. Only a story in the trash can be deleted, and only at the
// version the caller last saw, so that nobody deletes a story that someone
// else has just restored.
func (s *Store) DeleteStory(ctx context.Context, id int64, version int) error {
	err := s.update(ctx, func(tx *tx) error {
		old, err := tx.storyWhere(ctx, `s.id = ?`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("story %d", id)
		}
		if err != nil {
			return err
		}
		if old.Version != version {
			return news.Errorf(news.ErrConflict, "story %d was changed by someone else", id)
		}
		if old.Status != news.StatusTrashed {
			return news.Errorf(news.ErrConflict, "only a story in the trash can be deleted for ever; move it to the trash first")
		}
		// The version in the condition catches a save that committed
		// between the read above and this delete on PostgreSQL.
		res, err := tx.exec(ctx, `DELETE FROM stories WHERE id = ? AND version = ?`, id, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return news.Errorf(news.ErrConflict, "story %d was changed by someone else", id)
		}
		if err := tx.unindexStory(ctx, id); err != nil {
			return err
		}
		tx.count(storyScopes(&old), old.Status, -1)
		tx.recordStoryChange(&old, nil)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: delete story %d: %w", id, err)
	}
	return nil
}
