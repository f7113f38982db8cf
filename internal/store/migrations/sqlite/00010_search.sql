-- Full-text search. search_docs holds, per story, what a search filters
-- and orders by, in a narrow table that a search reads instead of the wide
-- stories rows; search_text is an FTS5 index of the story's headline, lead
-- and body as newsdesk's own analyser wrote them (folded and stemmed in Go
-- by the edition's language), keyed by the story's id. It stores no copy
-- of the text (content=''), only the index.
--
-- The rows made here start unindexed: stemming happens in Go, so the store
-- indexes them when it opens, found through the partial index. The quick
-- search's folded headlines become dead and go.

-- +goose Up
CREATE TABLE search_docs (
    story_id   INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    edition    TEXT NOT NULL,
    section_id INTEGER NOT NULL,
    status     TEXT NOT NULL,
    at         INTEGER NOT NULL, -- publication time, else creation time: Unix seconds
    media      INTEGER NOT NULL DEFAULT 0, -- media labels: 1 video, 2 photos, 4 audio
    indexed    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO search_docs (story_id, edition, section_id, status, at)
SELECT id, edition, section_id, status, 0 FROM stories;
CREATE INDEX search_docs_unindexed ON search_docs (story_id) WHERE indexed = 0;
CREATE INDEX search_docs_list ON search_docs (status, edition, at);

CREATE VIRTUAL TABLE search_text USING fts5 (
    headline, lead, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

DROP TABLE story_headlines;

-- +goose Down
CREATE TABLE story_headlines (
    story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    folded   TEXT
);
INSERT INTO story_headlines (story_id) SELECT id FROM stories;
CREATE INDEX story_headlines_unfolded ON story_headlines (story_id) WHERE folded IS NULL;
DROP TABLE search_text;
DROP TABLE search_docs;
