-- Site-wide settings an admin changes on the desk: the publication's name
-- and its channels ("site_name", "channel.telegram", ...), one row each, so
-- a new setting needs no migration.

-- +goose Up
CREATE TABLE site_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE site_settings;
