-- The language a member of staff reads the desk in, as a BCP 47 tag; empty
-- for the default edition's language.

-- +goose Up
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE users DROP COLUMN language;
