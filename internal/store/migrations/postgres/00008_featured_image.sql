-- A story's featured image: the URL of the picture shown above its body and
-- offered to social networks as og:image. Empty when the story has none.

-- +goose Up
ALTER TABLE stories ADD COLUMN featured_image TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE stories DROP COLUMN featured_image;
