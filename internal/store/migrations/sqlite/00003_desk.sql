-- The desk: staff and reader accounts, their sessions, one-time links and
-- failed sign-ins; stories gain an owner and the review status; notes on
-- published stories, presence in the editor, the home page's order, and
-- the old slugs of renamed sections and tags.
--
-- SQLite cannot change a CHECK constraint in place, so stories is rebuilt
-- as SQLite's documentation prescribes: with foreign keys off, which only
-- works outside a transaction, hence NO TRANSACTION and an explicit one.

-- +goose NO TRANSACTION
-- +goose Up
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE stories_new (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    edition           TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE,
    section_id        INTEGER NOT NULL REFERENCES sections (id),
    slug              TEXT NOT NULL,
    headline          TEXT NOT NULL,
    lead              TEXT NOT NULL DEFAULT '',
    body              TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'trashed')),
    published_at      TIMESTAMP,
    updated_at        TIMESTAMP,
    created_at        TIMESTAMP NOT NULL,
    labels            TEXT NOT NULL DEFAULT '',
    translation_group INTEGER NOT NULL DEFAULT 0,
    seo_title         TEXT NOT NULL DEFAULT '',
    social_title      TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    source_key        TEXT NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1,
    owner_id          INTEGER NOT NULL DEFAULT 0, -- users.id; 0 for imported stories
    UNIQUE (edition, slug)
);
INSERT INTO stories_new (id, edition, section_id, slug, headline, lead, body, status,
    published_at, updated_at, created_at, labels, translation_group,
    seo_title, social_title, description, source_key, version)
SELECT id, edition, section_id, slug, headline, lead, body, status,
    published_at, updated_at, created_at, labels, translation_group,
    seo_title, social_title, description, source_key, version
FROM stories;
-- Keep the id counter where it was, so ids of deleted stories stay unused.
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'stories')
WHERE name = 'stories_new' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'stories');
DROP TABLE stories;
ALTER TABLE stories_new RENAME TO stories;
CREATE INDEX stories_edition_list ON stories (edition, status, published_at DESC, id DESC);
CREATE INDEX stories_edition_all ON stories (edition, published_at DESC, id DESC);
CREATE INDEX stories_section_list ON stories (section_id, status, published_at DESC, id DESC);
CREATE UNIQUE INDEX stories_source_key ON stories (source_key) WHERE source_key <> '';
CREATE INDEX stories_translation_group ON stories (translation_group) WHERE translation_group <> 0;
CREATE INDEX stories_owner ON stories (owner_id, status) WHERE owner_id <> 0;
-- Scheduled stories due for publication.
CREATE INDEX stories_scheduled ON stories (published_at) WHERE status = 'scheduled';

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'contributor', 'reader')),
    author_id     INTEGER REFERENCES authors (id),
    password_hash TEXT NOT NULL DEFAULT '',
    session_epoch INTEGER NOT NULL DEFAULT 0,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL
);

-- One-time links (sign-in, invitation, and later reader confirmations and
-- resets). Only a hash of the token is kept.
CREATE TABLE user_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL,
    data       TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX user_tokens_user ON user_tokens (user_id);

-- Server-side sessions, keyed by a hash of the cookie's token.
CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    expiry TIMESTAMP NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expiry);

-- Failed sign-ins per account ("user:<email>") and per address
-- ("addr:<ip>"), for throttling across every node.
CREATE TABLE sign_in_failures (
    key TEXT NOT NULL,
    at  TIMESTAMP NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at);

CREATE TABLE story_notes (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id  INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('correction', 'clarification', 'update')),
    text      TEXT NOT NULL,
    at        TIMESTAMP NOT NULL,
    author_id INTEGER NOT NULL DEFAULT 0 -- users.id
);
CREATE INDEX story_notes_story ON story_notes (story_id, at);

-- Who has a story open in the editor, renewed by a heartbeat.
CREATE TABLE story_presence (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    since    TIMESTAMP NOT NULL,
    seen_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (story_id, user_id)
);

-- The home page's curated order per edition: position 0 is the top story.
CREATE TABLE home_slots (
    edition  TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE,
    position INTEGER NOT NULL,
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (edition, position),
    UNIQUE (edition, story_id)
);

-- Old slugs of renamed sections and merged or renamed tags, so that old
-- URLs redirect to the new ones.
CREATE TABLE slug_redirects (
    kind      TEXT NOT NULL CHECK (kind IN ('section', 'tag')),
    edition   TEXT NOT NULL,
    old_slug  TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    PRIMARY KEY (kind, edition, old_slug)
);

COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
-- The stories table keeps its owner column and wider status check: rows in
-- review could not go back.
DROP TABLE slug_redirects;
DROP TABLE home_slots;
DROP TABLE story_presence;
DROP TABLE story_notes;
DROP TABLE sign_in_failures;
DROP TABLE sessions;
DROP TABLE user_tokens;
DROP TABLE users;
