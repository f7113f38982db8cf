package store

import (
	"context"
	"fmt"
	"strings"

	"newsdesk/internal/news"
)

// story_headlines keeps each story's headline folded by news.Fold, for the
// desk's quick search. It is a table of its own rather than a column of
// stories so that a search reads a few megabytes of headlines, not the
// stories' bodies beside them.

// foldHeadline records the folded headline of a saved story. Every write
// that sets a headline calls it in the same transaction.
func (tx *tx) foldHeadline(ctx context.Context, id int64, headline string) error {
	_, err := tx.exec(ctx, `
		INSERT INTO story_headlines (story_id, folded) VALUES (?, ?)
		ON CONFLICT (story_id) DO UPDATE SET folded = excluded.folded`, id, news.Fold(headline))
	return err
}

// foldBatch is how many headlines foldPending folds per transaction.
const foldBatch = 500

// foldPending folds the headlines that the migration left unfolded: those
// of stories saved before the search existed. It does nothing, quickly,
// once they are done.
func (s *Store) foldPending(ctx context.Context) error {
	type pending struct {
		id       int64
		headline string
	}
	for {
		var n int
		err := s.update(ctx, func(tx *tx) error {
			rows, err := queryAll(ctx, tx, func(r scanner) (pending, error) {
				var p pending
				err := r.Scan(&p.id, &p.headline)
				return p, err
			}, `SELECT h.story_id, s.headline FROM story_headlines h JOIN stories s ON s.id = h.story_id
				WHERE h.folded IS NULL ORDER BY h.story_id LIMIT ?`, foldBatch)
			if err != nil {
				return err
			}
			for _, p := range rows {
				if err := tx.foldHeadline(ctx, p.id, p.headline); err != nil {
					return err
				}
			}
			n = len(rows)
			return nil
		})
		if err != nil {
			return fmt.Errorf("store: fold headlines: %w", err)
		}
		if n < foldBatch {
			return nil
		}
	}
}

// headlineCondition returns the condition that a story's headline holds
// every word of query, and its arguments; "" when the query has no words.
func headlineCondition(query string) (string, []any) {
	words := news.QueryWords(query)
	if len(words) == 0 {
		return "", nil
	}
	conds := make([]string, len(words))
	args := make([]any, len(words))
	for i, w := range words {
		conds[i] = `h.folded LIKE ? ESCAPE '\'`
		args[i] = "%" + likeEscape(w) + "%"
	}
	return `s.id IN (SELECT h.story_id FROM story_headlines h WHERE ` + strings.Join(conds, ` AND `) + `)`, args
}
