-- Full-text search. search_docs holds, per story, what a search filters
-- and orders by, and doc: the story's headline (weight A), lead (B) and
-- body (C) as a tsvector of the terms newsdesk's own analyser wrote (folded
-- and stemmed in Go by the edition's language, the same terms as SQLite's
-- index), read with the 'simple' configuration so PostgreSQL adds no
-- stemming of its own; and head, the headline's terms alone.
--
-- The rows made here start unindexed: stemming happens in Go, so the store
-- indexes them when it opens, found through the partial index. The quick
-- search's folded headlines become dead and go.

-- +goose Up
CREATE TABLE search_docs (
    story_id   BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    edition    TEXT NOT NULL,
    section_id BIGINT NOT NULL,
    status     TEXT NOT NULL,
    at         BIGINT NOT NULL, -- publication time, else creation time: Unix seconds
    media      INTEGER NOT NULL DEFAULT 0, -- media labels: 1 video, 2 photos, 4 audio
    indexed    BOOLEAN NOT NULL DEFAULT FALSE,
    doc        TSVECTOR NOT NULL DEFAULT '',
    head       TSVECTOR NOT NULL DEFAULT '' -- the headline alone
);
INSERT INTO search_docs (story_id, edition, section_id, status, at)
SELECT id, edition, section_id, status, 0 FROM stories;
CREATE INDEX search_docs_unindexed ON search_docs (story_id) WHERE NOT indexed;
CREATE INDEX search_docs_list ON search_docs (status, edition, at);
CREATE INDEX search_docs_doc ON search_docs USING GIN (doc);
-- A search ranks again the stories whose headline holds its words; doc's
-- weights cannot be searched through its index, so the headline has its
-- own.
CREATE INDEX search_docs_head ON search_docs USING GIN (head);

DROP TABLE story_headlines;

-- +goose Down
CREATE TABLE story_headlines (
    story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    folded   TEXT
);
INSERT INTO story_headlines (story_id) SELECT id FROM stories;
CREATE INDEX story_headlines_unfolded ON story_headlines (story_id) WHERE folded IS NULL;
DROP TABLE search_docs;
