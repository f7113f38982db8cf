-- The media library: one row per stored file, found by the hash of the
-- uploaded content so that identical uploads are one item. key names the
-- file in the media storage and its address, /media/{key}. folded holds
-- the name, caption, credit and alt text folded in Go, for the desk's
-- search.
--
-- story_media attaches items to stories in a role (lead, gallery, audio,
-- attachment) and an order. A story's media kinds are these rows joined
-- with media.kind; its labels (video, photos, audio) are kept in
-- stories.labels by the same transaction, so lists and filters need no
-- join: a story with a video has 'video' among labels.

-- +goose Up
CREATE TABLE media (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    key         TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('image', 'video', 'audio', 'document')),
    mime        TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    size        INTEGER NOT NULL,
    width       INTEGER NOT NULL DEFAULT 0,
    height      INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    caption     TEXT NOT NULL DEFAULT '',
    credit      TEXT NOT NULL DEFAULT '',
    alt         TEXT NOT NULL DEFAULT '',
    folded      TEXT NOT NULL DEFAULT '',
    created_by  INTEGER NOT NULL DEFAULT 0, -- users.id; 0 for generated media
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX media_kind ON media (kind, id);

CREATE TABLE story_media (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    media_id INTEGER NOT NULL REFERENCES media (id),
    role     TEXT NOT NULL CHECK (role IN ('lead', 'gallery', 'audio', 'attachment')),
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, role, media_id)
);
CREATE INDEX story_media_media ON story_media (media_id);

-- +goose Down
DROP TABLE story_media;
DROP TABLE media;
