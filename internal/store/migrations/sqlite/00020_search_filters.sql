-- Two changes to SQLite's search index, both for speed at scale.
--
-- The index takes a fourth column, meta, with terms for what a search
-- filters by (status, edition, section, media, year, month and day of
-- publication), so that FTS5 applies a filter inside its own index rather
-- than on a joined row per story matched. The terms start with "_", which
-- the tokenizer keeps as part of a word and newsdesk's analyser never
-- writes, so no word of a story or a query can be mistaken for one.
--
-- search_head indexes the headline and lead alone (with the same meta
-- terms): a search that matches many stories ranks those whose headline or
-- lead holds its words by reading this small index instead of the
-- positions of every match in the bodies.
--
-- FTS5 tables take no new columns: the index is made again, empty, and the
-- store indexes every story again when it opens, as it did when the index
-- was first made.

-- +goose Up
DROP TABLE search_text;
CREATE VIRTUAL TABLE search_text USING fts5 (
    headline, lead, body, meta,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
CREATE VIRTUAL TABLE search_head USING fts5 (
    headline, lead, meta,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
UPDATE search_docs SET indexed = 0;

-- +goose Down
DROP TABLE search_head;
DROP TABLE search_text;
CREATE VIRTUAL TABLE search_text USING fts5 (
    headline, lead, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
UPDATE search_docs SET indexed = 0;
