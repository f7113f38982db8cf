package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// Registered webhooks and their delivery log. Events are queued by
// QueueWebhookEvents (webhook_event.go) and sent by whoever claims them
// with ClaimDeliveries.

const webhookColumns = `id, url, events, secret, active, COALESCE(created_by, 0), created_at`

func scanWebhook(r scanner) (news.Webhook, error) {
	var w news.Webhook
	var events string
	err := r.Scan(&w.ID, &w.URL, &events, &w.Secret, &w.Active, &w.CreatedBy, &w.CreatedAt)
	w.Events = strings.Fields(events)
	w.CreatedAt = w.CreatedAt.UTC()
	return w, err
}

// CreateWebhook registers a webhook after validating it.
func (s *Store) CreateWebhook(ctx context.Context, w news.Webhook) (news.Webhook, error) {
	if err := w.Validate(); err != nil {
		return news.Webhook{}, err
	}
	err := s.update(ctx, func(tx *tx) error {
		w.CreatedAt = tx.now
		return tx.queryRow(ctx, `INSERT INTO webhooks (url, events, secret, active, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			w.URL, strings.Join(w.Events, " "), w.Secret, w.Active, nullID(w.CreatedBy), w.CreatedAt).Scan(&w.ID)
	})
	if err != nil {
		return news.Webhook{}, fmt.Errorf("store: create webhook: %w", err)
	}
	return w, nil
}

// Webhooks lists every registered webhook, oldest first.
func (s *Store) Webhooks(ctx context.Context) ([]news.Webhook, error) {
	var all []news.Webhook
	err := s.view(ctx, func(tx *tx) (err error) {
		all, err = queryAll(ctx, tx, scanWebhook, `SELECT `+webhookColumns+` FROM webhooks ORDER BY id`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: webhooks: %w", err)
	}
	return all, nil
}

// Webhook returns one webhook.
func (s *Store) Webhook(ctx context.Context, id int64) (news.Webhook, error) {
	var w news.Webhook
	err := s.view(ctx, func(tx *tx) (err error) {
		w, err = scanWebhook(tx.queryRow(ctx, `SELECT `+webhookColumns+` FROM webhooks WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("webhook %d", id)
		}
		return err
	})
	if err != nil {
		return news.Webhook{}, fmt.Errorf("store: webhook %d: %w", id, err)
	}
	return w, nil
}

// SetWebhookActive pauses or resumes a webhook. A paused webhook is queued
// nothing; what was queued before is still sent.
func (s *Store) SetWebhookActive(ctx context.Context, id int64, active bool) error {
	err := s.update(ctx, func(tx *tx) error {
		return tx.execOne(ctx, notFound("webhook %d", id), `UPDATE webhooks SET active = ? WHERE id = ?`, active, id)
	})
	if err != nil {
		return fmt.Errorf("store: set webhook %d active: %w", id, err)
	}
	return nil
}

// DeleteWebhook removes a webhook and its delivery log.
func (s *Store) DeleteWebhook(ctx context.Context, id int64) error {
	err := s.update(ctx, func(tx *tx) error {
		return tx.execOne(ctx, notFound("webhook %d", id), `DELETE FROM webhooks WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("store: delete webhook %d: %w", id, err)
	}
	return nil
}

const deliveryColumns = `d.id, d.webhook_id, w.url, w.secret, d.event, d.subject, d.payload, d.status, d.attempts,
	d.next_attempt_at, d.last_code, d.last_error, d.created_at, d.done_at`

func scanDelivery(r scanner) (news.Delivery, error) {
	var d news.Delivery
	var payload string
	var next, done sql.NullTime
	err := r.Scan(&d.ID, &d.WebhookID, &d.URL, &d.Secret, &d.Event, &d.Subject, &payload, &d.Status, &d.Attempts,
		&next, &d.LastCode, &d.LastError, &d.CreatedAt, &done)
	d.Payload = []byte(payload)
	d.NextAttempt, d.DoneAt, d.CreatedAt = goTime(next), goTime(done), d.CreatedAt.UTC()
	return d, err
}

// WebhookDeliveries returns a webhook's latest deliveries, newest first.
func (s *Store) WebhookDeliveries(ctx context.Context, webhookID int64, limit int) ([]news.Delivery, error) {
	var all []news.Delivery
	err := s.view(ctx, func(tx *tx) (err error) {
		all, err = queryAll(ctx, tx, scanDelivery, `SELECT `+deliveryColumns+`
			FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
			WHERE d.webhook_id = ? ORDER BY d.id DESC LIMIT ?`, webhookID, max(limit, 1))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: deliveries of webhook %d: %w", webhookID, err)
	}
	return all, nil
}

// dueDeliveries selects pending deliveries whose time has come. As with
// due stories, PostgreSQL skips rows that another node has locked, and
// SQLite's single writer needs no lock.
const (
	dueDeliveriesSQLite = `SELECT id FROM webhook_deliveries
		WHERE status = 'pending' AND next_attempt_at <= ?
		ORDER BY next_attempt_at, id LIMIT ?`
	dueDeliveriesPostgres = dueDeliveriesSQLite + ` FOR UPDATE SKIP LOCKED`
)

// ClaimDeliveries takes up to limit due deliveries for one attempt each: it
// counts the attempt and moves their next attempt lease ahead, so that no
// other node sends them meanwhile, and one that a crashed node claimed is
// sent again once the lease has passed.
func (s *Store) ClaimDeliveries(ctx context.Context, limit int, lease time.Duration) ([]news.Delivery, error) {
	// As in QueueWebhookEvents: no write lock when nothing is due.
	var due bool
	err := s.view(ctx, func(tx *tx) error {
		return tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM webhook_deliveries
			WHERE status = 'pending' AND next_attempt_at <= ?)`, normTime(s.now())).Scan(&due)
	})
	if err != nil || !due {
		if err != nil {
			err = fmt.Errorf("store: claim webhook deliveries: %w", err)
		}
		return nil, err
	}
	var claimed []news.Delivery
	err = s.update(ctx, func(tx *tx) error {
		q := dueDeliveriesSQLite
		if tx.s.dialect == dialectPostgres {
			q = dueDeliveriesPostgres
		}
		ids, err := queryAll(ctx, tx, scanID, q, tx.now, max(limit, 1))
		if err != nil || len(ids) == 0 {
			return err
		}
		args := append([]any{tx.now.Add(lease)}, int64Args(ids)...)
		if _, err := tx.exec(ctx, `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?
			WHERE id IN (`+placeholders(len(ids))+`)`, args...); err != nil {
			return err
		}
		claimed, err = queryAll(ctx, tx, scanDelivery, `SELECT `+deliveryColumns+`
			FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
			WHERE d.id IN (`+placeholders(len(ids))+`) ORDER BY d.id`, int64Args(ids)...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim webhook deliveries: %w", err)
	}
	return claimed, nil
}

// FinishAttempt records how an attempt went: delivered, to be retried at
// out.Retry, or failed for good when there is no retry.
func (s *Store) FinishAttempt(ctx context.Context, id int64, out news.Outcome) error {
	err := s.update(ctx, func(tx *tx) error {
		switch {
		case out.Delivered():
			return tx.execOne(ctx, notFound("delivery %d", id), `UPDATE webhook_deliveries SET status = 'delivered', last_code = ?, last_error = '',
				next_attempt_at = NULL, done_at = ? WHERE id = ?`, out.Code, tx.now, id)
		case out.Retry.IsZero():
			return tx.execOne(ctx, notFound("delivery %d", id), `UPDATE webhook_deliveries SET status = 'failed', last_code = ?, last_error = ?,
				next_attempt_at = NULL, done_at = ? WHERE id = ?`, out.Code, out.Error, tx.now, id)
		}
		return tx.execOne(ctx, notFound("delivery %d", id), `UPDATE webhook_deliveries SET last_code = ?, last_error = ?, next_attempt_at = ?
			WHERE id = ?`, out.Code, out.Error, normTime(out.Retry), id)
	})
	if err != nil {
		return fmt.Errorf("store: finish delivery %d: %w", id, err)
	}
	return nil
}
