-- Translations: stories that tell the same news in other editions share a
-- translation group (stories.translation_group, 0 for none), named by the
-- id of one of them. A group holds at most one story per edition, so a
-- story page knows which page each language switch and hreflang alternate
-- leads to.

-- +goose Up
DROP INDEX stories_translation_group;
CREATE UNIQUE INDEX stories_translation ON stories (translation_group, edition) WHERE translation_group <> 0;

-- +goose Down
DROP INDEX stories_translation;
CREATE INDEX stories_translation_group ON stories (translation_group) WHERE translation_group <> 0;
