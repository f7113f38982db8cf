-- Revisions gain an id, the user who saved them and their kind, so that a
-- save refused as a conflict can be kept beside the saved versions: it
-- shares the version it started from, and only saved and restored
-- revisions are unique per version. SQLite cannot change a primary key in
-- place, so the table is rebuilt; nothing refers to it, so this needs no
-- change to foreign key enforcement.

-- +goose Up
CREATE TABLE story_revisions_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'save' CHECK (kind IN ('save', 'rejected', 'restore')),
    user_id    INTEGER NOT NULL DEFAULT 0, -- users.id; 0 for imports and the scheduler
    created_at TIMESTAMP NOT NULL,
    snapshot   TEXT NOT NULL -- the news.Story as JSON
);
INSERT INTO story_revisions_new (story_id, version, created_at, snapshot)
SELECT story_id, version, created_at, snapshot FROM story_revisions ORDER BY story_id, version;
DROP TABLE story_revisions;
ALTER TABLE story_revisions_new RENAME TO story_revisions;
CREATE UNIQUE INDEX story_revisions_version ON story_revisions (story_id, version) WHERE kind <> 'rejected';
CREATE INDEX story_revisions_story ON story_revisions (story_id, version, id);

-- +goose Down
DELETE FROM story_revisions WHERE kind = 'rejected';
CREATE TABLE story_revisions_old (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    snapshot   TEXT NOT NULL,
    PRIMARY KEY (story_id, version)
);
INSERT INTO story_revisions_old (story_id, version, created_at, snapshot)
SELECT story_id, version, created_at, snapshot FROM story_revisions;
DROP TABLE story_revisions;
ALTER TABLE story_revisions_old RENAME TO story_revisions;
