-- Personal API tokens: a key that belongs to a member of staff acts as them
-- on the admin API, under the same role checks as the desk, and goes with
-- their account.

-- +goose Up
ALTER TABLE api_keys ADD COLUMN user_id INTEGER REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX api_keys_user ON api_keys (user_id) WHERE user_id IS NOT NULL;

-- +goose Down
DROP INDEX api_keys_user;
ALTER TABLE api_keys DROP COLUMN user_id;
