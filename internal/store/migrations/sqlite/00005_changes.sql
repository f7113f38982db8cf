-- Every committed write names the surrogate keys of what it touched
-- ("story:12", "e:en", "s:3", "t:45", "a:6", "nav:en"...), in the same
-- transaction, so that page caches on every node and in other processes
-- purge exactly the pages that show it. Rows are read in id order; SQLite's
-- single writer assigns ids in commit order. Old rows are pruned.

-- +goose Up
CREATE TABLE changes (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    at   TIMESTAMP NOT NULL,
    keys TEXT NOT NULL -- space-separated
);
CREATE INDEX changes_at ON changes (at);

-- +goose Down
DROP TABLE changes;
