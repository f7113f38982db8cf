package store

import (
	"context"
	"fmt"
	"strings"

	"newsdesk/internal/news"
)

// SuggestTags returns up to limit of the edition's tags that match what an
// editor has typed so far: tags whose slug starts with the slug of q (which
// transliterates Cyrillic, so "мир" finds "Мир" on SQLite too, whose LOWER
// folds ASCII only) or whose name contains q. Prefix matches come first,
// then the tags most stories carry.
func (s *Store) SuggestTags(ctx context.Context, edition, q string, limit int) ([]news.Tag, error) {
	q = strings.TrimSpace(q)
	slug := news.Slugify(q)
	if q == "" || limit <= 0 {
		return nil, nil
	}
	var tags []news.Tag
	err := s.view(ctx, func(tx *tx) (err error) {
		prefix := likeEscape(slug) + "%"
		if slug == "" {
			prefix = "" // matches no slug: the name alone decides
		}
		tags, err = queryAll(ctx, tx, scanTag, `
			SELECT `+tagColumns+`
			FROM tags t LEFT JOIN story_counts c ON c.scope = 't:' || t.id AND c.status = 'published'
			WHERE t.edition = ? AND (t.slug LIKE ? ESCAPE '\' OR LOWER(t.name) LIKE ? ESCAPE '\')
			ORDER BY CASE WHEN t.slug LIKE ? ESCAPE '\' THEN 0 ELSE 1 END, COALESCE(c.n, 0) DESC, t.name, t.id
			LIMIT ?`, edition, prefix, "%"+likeEscape(strings.ToLower(q))+"%", prefix, limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: suggest tags of %s for %q: %w", edition, q, err)
	}
	return tags, nil
}

// likeEscape escapes the LIKE wildcards in s for a pattern with ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
