-- Webhooks also announce podcast episodes when they are published. The
-- episodes published before are taken as announced.

-- +goose Up
INSERT INTO webhook_state (subject, version)
    SELECT 'episode:' || id, version FROM episodes WHERE status = 'published';

-- +goose Down
DELETE FROM webhook_state WHERE subject LIKE 'episode:%';
