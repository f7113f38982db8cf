-- Podcast shows and their episodes. A show's cover and an episode's audio
-- are items of the media library: their id, public address, type and size
-- are copied in when chosen (library files never change), so that a feed
-- is read from these tables alone.

-- +goose Up
CREATE TABLE shows (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    edition        TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE,
    slug           TEXT NOT NULL,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    author         TEXT NOT NULL DEFAULT '',
    category       TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT '',
    explicit       BOOLEAN NOT NULL DEFAULT FALSE,
    owner_email    TEXT NOT NULL DEFAULT '',
    locked         BOOLEAN NOT NULL DEFAULT FALSE,
    cover_media_id INTEGER NOT NULL DEFAULT 0,
    cover_url      TEXT NOT NULL DEFAULT '',
    cover_type     TEXT NOT NULL DEFAULT '',
    cover_size     INTEGER NOT NULL DEFAULT 0,
    created_at     TIMESTAMP NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (edition, slug)
);

-- AUTOINCREMENT: episode ids are in public URLs and must never be reused.
CREATE TABLE episodes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    show_id        INTEGER NOT NULL REFERENCES shows (id),
    slug           TEXT NOT NULL,
    guid           TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    audio_media_id INTEGER NOT NULL DEFAULT 0,
    audio_url      TEXT NOT NULL DEFAULT '',
    audio_type     TEXT NOT NULL DEFAULT '',
    audio_size     INTEGER NOT NULL DEFAULT 0,
    duration_ms    INTEGER NOT NULL DEFAULT 0,
    season         INTEGER NOT NULL DEFAULT 0,
    number         INTEGER NOT NULL DEFAULT 0,
    explicit       BOOLEAN NOT NULL DEFAULT FALSE,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
    published_at   TIMESTAMP,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX episodes_show_list ON episodes (show_id, status, published_at DESC, id DESC);
CREATE INDEX episodes_list ON episodes (status, published_at DESC, id DESC);
CREATE INDEX episodes_scheduled ON episodes (published_at) WHERE status = 'scheduled';

-- +goose Down
DROP TABLE episodes;
DROP TABLE shows;
