package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"newsdesk/internal/news"
)

// publishBatch is how many due stories one transaction of PublishDue
// claims: enough for a burst, few enough that the locks are short.
const publishBatch = 100

// dueStories selects scheduled stories whose time has come, oldest first.
// PostgreSQL locks the rows it returns and skips rows another transaction
// holds, so several processes share the due stories without waiting on
// each other or publishing one twice. SQLite has a single writer, and the
// transaction began IMMEDIATE, so no other process can claim them.
const (
	dueStoriesSQLite = `SELECT id FROM stories
		WHERE status = 'scheduled' AND published_at <= ?
		ORDER BY published_at, id LIMIT ?`
	dueStoriesPostgres = dueStoriesSQLite + ` FOR UPDATE SKIP LOCKED`
)

// PublishDue publishes every scheduled story whose publication time has
// come and returns them as published. Each story is published exactly
// once, however many processes call PublishDue at the same time: the
// status change, the revision, the counts and the tag index's status are
// written in one transaction. A story keeps its scheduled time as its
// publication time. The revision names no user: the schedule published it.
func (s *Store) PublishDue(ctx context.Context) ([]news.Story, error) {
	var all []news.Story
	for {
		var batch []news.Story
		err := s.update(ctx, func(tx *tx) (err error) {
			batch, err = tx.publishDue(ctx)
			return err
		})
		if err != nil {
			return all, fmt.Errorf("store: publish due stories: %w", err)
		}
		all = append(all, batch...)
		if len(batch) < publishBatch {
			return all, nil
		}
	}
}

func (tx *tx) publishDue(ctx context.Context) ([]news.Story, error) {
	q := dueStoriesSQLite
	if tx.s.dialect == dialectPostgres {
		q = dueStoriesPostgres
	}
	ids, err := queryAll(ctx, tx, scanID, q, tx.now, publishBatch)
	if err != nil {
		return nil, err
	}
	var published []news.Story
	for _, id := range ids {
		st, err := tx.storyWhere(ctx, `s.id = ?`, id)
		if err != nil {
			return nil, err
		}
		// The condition repeats the select's, so that a story changed in
		// between is left alone rather than published twice.
		res, err := tx.exec(ctx, `UPDATE stories SET status = 'published', version = version + 1
			WHERE id = ? AND status = 'scheduled' AND version = ?`, id, st.Version)
		if err != nil {
			return nil, err
		}
		if n, err := res.RowsAffected(); err != nil {
			return nil, err
		} else if n == 0 {
			continue
		}
		if _, err := tx.exec(ctx, `UPDATE story_tags SET status = 'published' WHERE story_id = ?`, id); err != nil {
			return nil, err
		}
		tx.count(storyScopes(&st), news.StatusScheduled, -1)
		tx.count(storyScopes(&st), news.StatusPublished, 1)
		st.Status = news.StatusPublished
		// SQLite's index holds the status among the story's words.
		if err := tx.indexStory(ctx, &st); err != nil {
			return nil, err
		}
		st.Version++
		st.EditedBy = 0
		tx.recordStoryChange(nil, &st)
		if err := tx.recordRevision(ctx, &st); err != nil {
			return nil, err
		}
		published = append(published, st)
	}
	return published, nil
}

// NextDue returns the publication time of the scheduled story or podcast
// episode due first, and false when nothing is scheduled.
func (s *Store) NextDue(ctx context.Context) (time.Time, bool, error) {
	var next sql.NullTime
	err := s.view(ctx, func(tx *tx) error {
		// Ordered rather than MIN, which would lose the column's type on
		// SQLite; the partial index stories_scheduled serves either way.
		err := tx.queryRow(ctx, `SELECT published_at FROM stories WHERE status = 'scheduled'
			ORDER BY published_at LIMIT 1`).Scan(&next)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		ep, err := tx.nextDueEpisode(ctx)
		if ep.Valid && (!next.Valid || ep.Time.Before(next.Time)) {
			next = ep
		}
		return err
	})
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: next scheduled story: %w", err)
	}
	return goTime(next), next.Valid, nil
}
