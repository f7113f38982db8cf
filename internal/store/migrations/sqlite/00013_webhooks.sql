-- Webhooks: admins register URLs that are told when stories are published,
-- updated or unpublished. Events are derived from what changed (the
-- changes table names the stories a write touched) by comparing each
-- subject with the state last announced, so no write path has to know
-- about webhooks and an event is announced once however many nodes run.
-- Deliveries are kept as a log, retried with backoff until they succeed or
-- run out of attempts.

-- +goose Up
CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    url        TEXT NOT NULL,
    events     TEXT NOT NULL, -- space-separated event names
    -- secret signs every delivery (HMAC-SHA256). A signature needs the key
    -- itself, so it cannot be stored hashed as passwords are.
    secret     TEXT NOT NULL,
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id      INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event           TEXT NOT NULL,
    subject         TEXT NOT NULL, -- "story:12"
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL, -- pending, delivered, failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP,     -- when pending
    last_code       INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    done_at         TIMESTAMP
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, id DESC);

-- The subjects last announced as published, at which version, and how far
-- the changes have been read. Both start from the present: a newsroom that
-- turns webhooks on is not told about everything it published before.
CREATE TABLE webhook_state (
    subject TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
INSERT INTO webhook_state (subject, version)
    SELECT 'story:' || id, version FROM stories WHERE status = 'published';

CREATE TABLE webhook_cursor (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    change_id INTEGER NOT NULL
);
INSERT INTO webhook_cursor (id, change_id) SELECT 1, COALESCE(MAX(id), 0) FROM changes;

-- +goose Down
DROP TABLE webhook_cursor;
DROP TABLE webhook_state;
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
