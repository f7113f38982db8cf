-- Readers: an account signed up on the site is unconfirmed until its owner
-- follows the link mailed to the address; staff and accounts added with
-- newsdesk user add are confirmed. Readers' bookmarks of stories.

-- +goose Up
ALTER TABLE users ADD COLUMN unconfirmed BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE bookmarks (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, story_id)
);
-- A reader's list, newest first.
CREATE INDEX bookmarks_user_time ON bookmarks (user_id, created_at DESC, story_id DESC);
CREATE INDEX bookmarks_story ON bookmarks (story_id);

-- +goose Down
DROP TABLE bookmarks;
ALTER TABLE users DROP COLUMN unconfirmed;
