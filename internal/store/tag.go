package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"newsdesk/internal/news"
)

const tagColumns = `t.id, t.edition, t.slug, t.name`

// TagBySlug returns the edition's tag with the given slug.
func (s *Store) TagBySlug(ctx context.Context, edition, slug string) (news.Tag, error) {
	var tag news.Tag
	err := s.view(ctx, func(tx *tx) error {
		var err error
		tag, err = scanTag(tx.queryRow(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.edition = ? AND t.slug = ?`, edition, slug))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("tag %q", slug)
		}
		return err
	})
	if err != nil {
		return news.Tag{}, fmt.Errorf("store: tag %s/%s: %w", edition, slug, err)
	}
	return tag, nil
}

// PopularTags returns up to limit of the edition's tags that the most
// published stories carry, most used first.
func (s *Store) PopularTags(ctx context.Context, edition string, limit int) ([]news.Tag, error) {
	if limit <= 0 {
		return nil, nil
	}
	var tags []news.Tag
	err := s.view(ctx, func(tx *tx) error {
		rows, err := tx.query(ctx, `
			SELECT `+tagColumns+`
			FROM tags t JOIN story_counts c ON c.scope = 't:' || t.id AND c.status = 'published'
			WHERE t.edition = ? AND c.n > 0
			ORDER BY c.n DESC, t.name, t.id
			LIMIT ?`, edition, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			tag, err := scanTag(rows)
			if err != nil {
				return err
			}
			tags = append(tags, tag)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: popular tags of %s: %w", edition, err)
	}
	return tags, nil
}

// resolveTags finds or creates each of the edition's tags by slug (made
// from the name when empty), dropping repeats, and returns them as stored.
func (tx *tx) resolveTags(ctx context.Context, edition string, in []news.Tag) ([]news.Tag, error) {
	out := make([]news.Tag, 0, len(in))
	seen := make(map[string]bool, len(in))
	for i, t := range in {
		slug := t.Slug
		if slug == "" {
			slug = news.Slugify(t.Name)
		}
		if !news.ValidSlug(slug) {
			v := news.ValidationErrors{}
			v.Add("tags", "tag "+strconv.Itoa(i+1)+" needs a name or a slug of lower-case letters, digits and hyphens")
			return nil, v.Err("story")
		}
		if seen[slug] {
			continue
		}
		seen[slug] = true
		tag, err := tx.ensureTag(ctx, edition, slug, t.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, tag)
	}
	return out, nil
}

func (tx *tx) ensureTag(ctx context.Context, edition, slug, name string) (news.Tag, error) {
	key := edition + "/" + slug
	if tag, ok := tx.tags[key]; ok {
		return tag, nil
	}
	tag, err := scanTag(tx.queryRow(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.edition = ? AND t.slug = ?`, edition, slug))
	if errors.Is(err, sql.ErrNoRows) {
		tag = news.Tag{Edition: edition, Slug: slug, Name: name}
		if tag.Name == "" {
			tag.Name = slug
		}
		err = tx.queryRow(ctx, `INSERT INTO tags (edition, slug, name) VALUES (?, ?, ?) RETURNING id`,
			tag.Edition, tag.Slug, tag.Name).Scan(&tag.ID)
	}
	if err != nil {
		return news.Tag{}, fmt.Errorf("tag %s: %w", slug, err)
	}
	if tx.tags == nil {
		tx.tags = make(map[string]news.Tag)
	}
	tx.tags[key] = tag
	return tag, nil
}

func scanTag(r scanner) (news.Tag, error) {
	var t news.Tag
	err := r.Scan(&t.ID, &t.Edition, &t.Slug, &t.Name)
	return t, err
}
