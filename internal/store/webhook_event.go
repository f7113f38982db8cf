package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// Webhook events are derived rather than written by each write path: the
// changes table names the stories a write touched, and comparing each
// story with what was last announced of it (webhook_state) tells whether it
// was published, updated or unpublished. One transaction reads the
// changes, queues the deliveries and moves the cursor, so an event is
// queued once however many nodes run this.

// eventBatch is how many changes one pass reads.
const eventBatch = 500

// webhookCursorSQLite reads how far the changes have been read; on
// PostgreSQL the row is locked so that passes on several nodes take turns.
const (
	webhookCursorSQLite   = `SELECT change_id FROM webhook_cursor WHERE id = 1`
	webhookCursorPostgres = webhookCursorSQLite + ` FOR UPDATE`
)

// QueueWebhookEvents reads the changes since the last pass, derives the
// events and queues one delivery for each active webhook that wants each
// event, with the payload that encode makes of it. It returns how many
// events it found. When the changes since the last pass are no longer all
// kept (newsdesk was stopped for longer than they are), every story is
// compared instead.
func (s *Store) QueueWebhookEvents(ctx context.Context, encode func(news.WebhookEvent) ([]byte, error)) (int, error) {
	var n int
	err := s.update(ctx, func(tx *tx) error {
		q := webhookCursorSQLite
		if tx.s.dialect == dialectPostgres {
			q = webhookCursorPostgres
		}
		var cursor int64
		if err := tx.queryRow(ctx, q).Scan(&cursor); err != nil {
			return err
		}
		changed, last, lost, err := tx.storiesChangedAfter(ctx, cursor)
		if err != nil || last == cursor {
			return err
		}
		if lost {
			if changed, err = tx.announcedOrPublished(ctx); err != nil {
				return err
			}
		}
		events, err := tx.storyEvents(ctx, changed)
		if err != nil {
			return err
		}
		if err := tx.queueDeliveries(ctx, events, encode); err != nil {
			return err
		}
		n = len(events)
		_, err = tx.exec(ctx, `UPDATE webhook_cursor SET change_id = ? WHERE id = 1`, last)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: queue webhook events: %w", err)
	}
	return n, nil
}

// storyChange is a story named by a change, and when that change was.
type storyChange struct {
	id int64
	at time.Time
}

// storiesChangedAfter returns the stories named by the changes after the
// cursor with the time of the last change to each, the id of the last
// change read, and whether changes after the cursor may have been pruned
// unread: the cursor's own change is gone.
func (tx *tx) storiesChangedAfter(ctx context.Context, cursor int64) (changed []storyChange, last int64, lost bool, err error) {
	rows, err := tx.query(ctx, `SELECT id, at, keys FROM changes WHERE id > ? ORDER BY id LIMIT ?`, cursor, eventBatch)
	if err != nil {
		return nil, 0, false, err
	}
	defer rows.Close()
	last = cursor
	index := map[int64]int{}
	for rows.Next() {
		var keys string
		var at time.Time
		if err := rows.Scan(&last, &at, &keys); err != nil {
			return nil, 0, false, err
		}
		for _, k := range strings.Fields(keys) {
			rest, ok := strings.CutPrefix(k, "story:")
			if !ok {
				continue
			}
			id, err := strconv.ParseInt(rest, 10, 64)
			if err != nil {
				continue
			}
			if i, ok := index[id]; ok {
				changed[i].at = at
				continue
			}
			index[id] = len(changed)
			changed = append(changed, storyChange{id: id, at: at})
		}
	}
	if err := rows.Err(); err != nil || last == cursor || cursor == 0 {
		return changed, last, false, err
	}
	var kept int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM changes WHERE id = ?`, cursor).Scan(&kept); err != nil {
		return nil, 0, false, err
	}
	return changed, last, kept == 0, nil
}

// announcedOrPublished returns every story that is published or was last
// announced as published: the ones whose state may have moved. When they
// moved is not known any more; now stands for it.
func (tx *tx) announcedOrPublished(ctx context.Context) ([]storyChange, error) {
	ids, err := queryAll(ctx, tx, scanID, `SELECT id FROM stories WHERE status = 'published'`)
	if err != nil {
		return nil, err
	}
	subjects, err := queryAll(ctx, tx, scanString, `SELECT subject FROM webhook_state WHERE subject LIKE 'story:%'`)
	if err != nil {
		return nil, err
	}
	for _, sub := range subjects {
		if id, err := strconv.ParseInt(strings.TrimPrefix(sub, "story:"), 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	changed := make([]storyChange, len(ids))
	for i, id := range ids {
		changed[i] = storyChange{id: id, at: tx.now}
	}
	return changed, nil
}

// storyEvents compares each story with what was last announced of it,
// returns the events, and records the new state.
func (tx *tx) storyEvents(ctx context.Context, changed []storyChange) ([]news.WebhookEvent, error) {
	var events []news.WebhookEvent
	seen := map[int64]bool{}
	for _, c := range changed {
		id := c.id
		if seen[id] {
			continue
		}
		seen[id] = true
		subject := news.StoryKey(id)
		st, err := tx.storyWhere(ctx, `s.id = ?`, id)
		gone := errors.Is(err, sql.ErrNoRows)
		if err != nil && !gone {
			return nil, err
		}
		if gone {
			st = news.Story{ID: id}
		}
		var announced int
		err = tx.queryRow(ctx, `SELECT version FROM webhook_state WHERE subject = ?`, subject).Scan(&announced)
		wasPublic := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		public := !gone && st.Status == news.StatusPublished
		var name string
		switch {
		case public && !wasPublic:
			name = news.EventStoryPublished
			_, err = tx.exec(ctx, `INSERT INTO webhook_state (subject, version) VALUES (?, ?)`, subject, st.Version)
		case public && announced != st.Version:
			name = news.EventStoryUpdated
			_, err = tx.exec(ctx, `UPDATE webhook_state SET version = ? WHERE subject = ?`, st.Version, subject)
		case !public && wasPublic:
			name = news.EventStoryUnpublished
			_, err = tx.exec(ctx, `DELETE FROM webhook_state WHERE subject = ?`, subject)
		default:
			continue
		}
		if err != nil {
			return nil, err
		}
		events = append(events, news.WebhookEvent{Name: name, Subject: subject, At: c.at.UTC(), Story: st})
	}
	return events, nil
}

// queueDeliveries queues each event for every active webhook that wants it
// and was registered before it happened.
func (tx *tx) queueDeliveries(ctx context.Context, events []news.WebhookEvent, encode func(news.WebhookEvent) ([]byte, error)) error {
	if len(events) == 0 {
		return nil
	}
	hooks, err := queryAll(ctx, tx, scanWebhook, `SELECT `+webhookColumns+` FROM webhooks WHERE active ORDER BY id`)
	if err != nil || len(hooks) == 0 {
		return err
	}
	for _, ev := range events {
		var payload []byte
		for _, h := range hooks {
			if !h.Wants(ev.Name) || h.CreatedAt.After(ev.At) {
				continue
			}
			if payload == nil {
				if payload, err = encode(ev); err != nil {
					return fmt.Errorf("encode %s of %s: %w", ev.Name, ev.Subject, err)
				}
			}
			if _, err := tx.exec(ctx, `INSERT INTO webhook_deliveries
				(webhook_id, event, subject, payload, status, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, 'pending', ?, ?)`, h.ID, ev.Name, ev.Subject, string(payload), tx.now, tx.now); err != nil {
				return err
			}
		}
	}
	return nil
}
