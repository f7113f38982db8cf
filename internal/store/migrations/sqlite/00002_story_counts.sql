-- Number of stories per scope ("e:en", "s:12", "t:34", "a:56") and status,
-- kept in step by every story write, so that list totals and popular tags
-- need no count over the stories. Filled here from the stories saved so far.

-- +goose Up
CREATE TABLE story_counts (
    scope  TEXT NOT NULL,
    status TEXT NOT NULL,
    n      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, status)
);
INSERT INTO story_counts (scope, status, n)
SELECT 'e:' || edition, status, COUNT(*) FROM stories GROUP BY edition, status;
INSERT INTO story_counts (scope, status, n)
SELECT 's:' || section_id, status, COUNT(*) FROM stories GROUP BY section_id, status;
INSERT INTO story_counts (scope, status, n)
SELECT 't:' || tag_id, status, COUNT(*) FROM story_tags GROUP BY tag_id, status;
INSERT INTO story_counts (scope, status, n)
SELECT 'a:' || sa.author_id, s.status, COUNT(*)
FROM story_authors sa JOIN stories s ON s.id = sa.story_id
GROUP BY sa.author_id, s.status;

-- +goose Down
DROP TABLE story_counts;
