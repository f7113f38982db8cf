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
// changes table names the stories and episodes a write touched, and
// comparing each with what was last announced of it (webhook_state) tells
// whether it was published, updated or unpublished. One transaction reads the
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
	// A read first, so that a pass with nothing new, the common case,
	// takes no write lock: on SQLite that would hold up every writer.
	var fresh bool
	err := s.view(ctx, func(tx *tx) error {
		return tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM changes
			WHERE id > (SELECT change_id FROM webhook_cursor WHERE id = 1))`).Scan(&fresh)
	})
	if err != nil || !fresh {
		if err != nil {
			err = fmt.Errorf("store: queue webhook events: %w", err)
		}
		return 0, err
	}
	var n int
	err = s.update(ctx, func(tx *tx) error {
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
		events, err := tx.subjectEvents(ctx, changed)
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

// subjectChange is a story or episode named by a change, and when that
// change was.
type subjectChange struct {
	kind string // "story" or "episode", the key's prefix
	id   int64
	at   time.Time
}

// storiesChangedAfter returns the stories named by the changes after the
// cursor with the time of the last change to each, the id of the last
// change read, and whether changes after the cursor may have been pruned
// unread: the cursor's own change is gone.
func (tx *tx) storiesChangedAfter(ctx context.Context, cursor int64) (changed []subjectChange, last int64, lost bool, err error) {
	rows, err := tx.query(ctx, `SELECT id, at, keys FROM changes WHERE id > ? ORDER BY id LIMIT ?`, cursor, eventBatch)
	if err != nil {
		return nil, 0, false, err
	}
	defer rows.Close()
	last = cursor
	index := map[string]int{}
	for rows.Next() {
		var keys string
		var at time.Time
		if err := rows.Scan(&last, &at, &keys); err != nil {
			return nil, 0, false, err
		}
		for _, k := range strings.Fields(keys) {
			kind, rest, _ := strings.Cut(k, ":")
			if kind != "story" && kind != "episode" {
				continue
			}
			id, err := strconv.ParseInt(rest, 10, 64)
			if err != nil {
				continue
			}
			if i, ok := index[k]; ok {
				changed[i].at = at
				continue
			}
			index[k] = len(changed)
			changed = append(changed, subjectChange{kind: kind, id: id, at: at})
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

// announcedOrPublished returns every story and episode that is published
// or was last announced as published: the ones whose state may have moved.
// When they moved is not known any more; now stands for it.
func (tx *tx) announcedOrPublished(ctx context.Context) ([]subjectChange, error) {
	var changed []subjectChange
	for _, kind := range []string{"story", "episode"} {
		table := map[string]string{"story": "stories", "episode": "episodes"}[kind]
		ids, err := queryAll(ctx, tx, scanID, `SELECT id FROM `+table+` WHERE status = 'published'`)
		if err != nil {
			return nil, err
		}
		subjects, err := queryAll(ctx, tx, scanString, `SELECT subject FROM webhook_state WHERE subject LIKE ?`, kind+":%")
		if err != nil {
			return nil, err
		}
		for _, sub := range subjects {
			if id, err := strconv.ParseInt(strings.TrimPrefix(sub, kind+":"), 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
		for _, id := range ids {
			changed = append(changed, subjectChange{kind: kind, id: id, at: tx.now})
		}
	}
	return changed, nil
}

// subjectEvents compares each story and episode with what was last
// announced of it, returns the events, and records the new state. Episodes
// are announced when first published; their later changes and their
// unpublishing only move the state.
func (tx *tx) subjectEvents(ctx context.Context, changed []subjectChange) ([]news.WebhookEvent, error) {
	var events []news.WebhookEvent
	seen := map[string]bool{}
	for _, c := range changed {
		subject := c.kind + ":" + strconv.FormatInt(c.id, 10)
		if seen[subject] {
			continue
		}
		seen[subject] = true
		ev := news.WebhookEvent{Subject: subject, At: c.at.UTC()}
		var public bool
		var version int
		switch c.kind {
		case "story":
			st, err := tx.storyWhere(ctx, `s.id = ?`, c.id)
			if errors.Is(err, sql.ErrNoRows) {
				st, err = news.Story{ID: c.id}, nil
			}
			if err != nil {
				return nil, err
			}
			ev.Story, public, version = st, st.Status == news.StatusPublished, st.Version
		case "episode":
			e, err := scanEpisode(tx.queryRow(ctx, `SELECT `+episodeColumns+episodeFrom+` WHERE e.id = ?`, c.id))
			if errors.Is(err, sql.ErrNoRows) {
				e, err = news.Episode{ID: c.id}, nil
			}
			if err != nil {
				return nil, err
			}
			ev.Episode, public, version = e, e.Status == news.StatusPublished, e.Version
		}
		name, err := tx.moveState(ctx, c.kind, subject, public, version)
		if err != nil {
			return nil, err
		}
		if name != "" {
			ev.Name = name
			events = append(events, ev)
		}
	}
	return events, nil
}

// moveState records whether the subject is now public and at which
// version, and returns the event that the move is, or "".
func (tx *tx) moveState(ctx context.Context, kind, subject string, public bool, version int) (string, error) {
	var announced int
	err := tx.queryRow(ctx, `SELECT version FROM webhook_state WHERE subject = ?`, subject).Scan(&announced)
	wasPublic := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	err = nil
	var name string
	switch {
	case public && !wasPublic:
		name = map[string]string{"story": news.EventStoryPublished, "episode": news.EventEpisodePublished}[kind]
		_, err = tx.exec(ctx, `INSERT INTO webhook_state (subject, version) VALUES (?, ?)`, subject, version)
	case public && announced != version:
		if kind == "story" {
			name = news.EventStoryUpdated
		}
		_, err = tx.exec(ctx, `UPDATE webhook_state SET version = ? WHERE subject = ?`, version, subject)
	case !public && wasPublic:
		if kind == "story" {
			name = news.EventStoryUnpublished
		}
		_, err = tx.exec(ctx, `DELETE FROM webhook_state WHERE subject = ?`, subject)
	}
	return name, err
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
