-- SQLite's search index took a column of filter terms in this version;
-- PostgreSQL filters on search_docs' own columns and needs no change.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
