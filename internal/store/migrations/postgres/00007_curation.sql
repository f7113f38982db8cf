-- The desk's lists: headlines folded for the quick search, and indexes that
-- order an edition's stories as the desk shows them, drafts by creation
-- time among the published by publication time. The public lists keep
-- their own indexes.
--
-- Headlines are folded in Go, the same way as on SQLite (where lower()
-- folds ASCII only; here it folds what the database's locale knows), so
-- the rows made here start unfolded: the store folds them when it opens,
-- found through the partial index.

-- +goose Up
CREATE TABLE story_headlines (
    story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    folded   TEXT
);
INSERT INTO story_headlines (story_id) SELECT id FROM stories;
CREATE INDEX story_headlines_unfolded ON story_headlines (story_id) WHERE folded IS NULL;

CREATE INDEX stories_desk_all ON stories (edition, (COALESCE(published_at, created_at)) DESC, id DESC);
CREATE INDEX stories_desk_status ON stories (edition, status, (COALESCE(published_at, created_at)) DESC, id DESC);
-- Every edition at once: status rides along so that a list of one status
-- skips the others without reading their rows.
CREATE INDEX stories_desk_any ON stories ((COALESCE(published_at, created_at)) DESC, id DESC, status);

-- +goose Down
DROP INDEX stories_desk_any;
DROP INDEX stories_desk_status;
DROP INDEX stories_desk_all;
DROP TABLE story_headlines;
