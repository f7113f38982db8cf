-- The newsroom: editions, their sections and tags, authors, stories and
-- every saved revision of a story. Times are UTC text in SQLite's own
-- layout, which sorts in time order.

-- +goose Up
CREATE TABLE editions (
    code        TEXT PRIMARY KEY,
    language    TEXT NOT NULL,
    name        TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    date_format TEXT NOT NULL,
    is_default  BOOLEAN NOT NULL DEFAULT FALSE
);
-- At most one edition is served at "/".
CREATE UNIQUE INDEX editions_one_default ON editions (is_default) WHERE is_default;

CREATE TABLE sections (
    id       INTEGER PRIMARY KEY,
    edition  TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE,
    slug     TEXT NOT NULL,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (edition, slug)
);

CREATE TABLE tags (
    id      INTEGER PRIMARY KEY,
    edition TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE,
    slug    TEXT NOT NULL,
    name    TEXT NOT NULL,
    UNIQUE (edition, slug)
);

CREATE TABLE authors (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

-- AUTOINCREMENT: story ids are in public URLs and must never be reused.
CREATE TABLE stories (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    edition           TEXT NOT NULL REFERENCES editions (code) ON UPDATE CASCADE,
    section_id        INTEGER NOT NULL REFERENCES sections (id),
    slug              TEXT NOT NULL,
    headline          TEXT NOT NULL,
    lead              TEXT NOT NULL DEFAULT '',
    body              TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'trashed')),
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
    UNIQUE (edition, slug)
);
-- Lists: an edition's home page, a section's page, and the desk's lists of
-- every status.
CREATE INDEX stories_edition_list ON stories (edition, status, published_at DESC, id DESC);
CREATE INDEX stories_edition_all ON stories (edition, published_at DESC, id DESC);
CREATE INDEX stories_section_list ON stories (section_id, status, published_at DESC, id DESC);
CREATE UNIQUE INDEX stories_source_key ON stories (source_key) WHERE source_key <> '';
CREATE INDEX stories_translation_group ON stories (translation_group) WHERE translation_group <> 0;

-- status and published_at repeat the story's, so that a tag page and the
-- candidates for related stories are read in order from one index.
CREATE TABLE story_tags (
    story_id     INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    tag_id       INTEGER NOT NULL REFERENCES tags (id),
    position     INTEGER NOT NULL,
    status       TEXT NOT NULL,
    published_at TIMESTAMP,
    PRIMARY KEY (story_id, tag_id)
);
CREATE INDEX story_tags_tag ON story_tags (tag_id, story_id);
CREATE INDEX story_tags_tag_list ON story_tags (tag_id, status, published_at DESC, story_id DESC);

CREATE TABLE story_authors (
    story_id  INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES authors (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (story_id, author_id)
);
CREATE INDEX story_authors_author ON story_authors (author_id, story_id);

CREATE TABLE story_revisions (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    snapshot   TEXT NOT NULL, -- the news.Story as JSON
    PRIMARY KEY (story_id, version)
);

-- +goose Down
DROP TABLE story_revisions;
DROP TABLE story_authors;
DROP TABLE story_tags;
DROP TABLE stories;
DROP TABLE authors;
DROP TABLE tags;
DROP TABLE sections;
DROP TABLE editions;
