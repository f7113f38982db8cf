package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"newsdesk/internal/news"
)

// StoryRevisions returns every saved version of the story, oldest first.
func (s *Store) StoryRevisions(ctx context.Context, id int64) ([]news.Revision, error) {
	var revs []news.Revision
	err := s.view(ctx, func(tx *tx) error {
		rows, err := tx.query(ctx, `
			SELECT story_id, version, created_at, snapshot FROM story_revisions
			WHERE story_id = ? ORDER BY version`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				r    news.Revision
				made sql.NullTime
				snap []byte
			)
			if err := rows.Scan(&r.StoryID, &r.Version, &made, &snap); err != nil {
				return err
			}
			r.CreatedAt = goTime(made)
			if err := json.Unmarshal(snap, &r.Story); err != nil {
				return fmt.Errorf("revision %d: %w", r.Version, err)
			}
			revs = append(revs, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(revs) == 0 {
			// Every story has revision 1, so no revisions means no story.
			return notFound("story %d", id)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: revisions of story %d: %w", id, err)
	}
	return revs, nil
}

// recordRevision saves st, as it now stands, as revision st.Version.
func (tx *tx) recordRevision(ctx context.Context, st *news.Story) error {
	snap, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("revision: %w", err)
	}
	_, err = tx.exec(ctx, `INSERT INTO story_revisions (story_id, version, created_at, snapshot) VALUES (?, ?, ?, ?)`,
		st.ID, st.Version, dbTime(tx.now), string(snap))
	return err
}
