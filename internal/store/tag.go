package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
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
	err := s.view(ctx, func(tx *tx) (err error) {
		tags, err = queryAll(ctx, tx, scanTag, `
			SELECT `+tagColumns+`
			FROM tags t JOIN story_counts c ON c.scope = 't:' || t.id AND c.status = 'published'
			WHERE t.edition = ? AND c.n > 0
			ORDER BY c.n DESC, t.name, t.id
			LIMIT ?`, edition, limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: popular tags of %s: %w", edition, err)
	}
	return tags, nil
}

// resolveTags finds or creates each of the edition's tags by slug (made
// from the name when empty), dropping repeats, and returns them as stored,
// in the order given.
func (tx *tx) resolveTags(ctx context.Context, edition string, in []news.Tag) ([]news.Tag, error) {
	slugs, names, err := linkSlugs(len(in), func(i int) (string, string) { return in[i].Slug, in[i].Name }, "tags", "tag")
	if err != nil || len(slugs) == 0 {
		return nil, err
	}
	byslug := make(map[string]news.Tag, len(slugs))
	for _, slug := range sortedCopy(slugs) {
		if byslug[slug], err = tx.ensureTag(ctx, edition, slug, names[slug]); err != nil {
			return nil, err
		}
	}
	// Two slugs may name one tag when one of them is a redirect.
	out := make([]news.Tag, 0, len(slugs))
	seen := make(map[int64]bool, len(slugs))
	for _, slug := range slugs {
		if t := byslug[slug]; !seen[t.ID] {
			seen[t.ID] = true
			out = append(out, t)
		}
	}
	return out, nil
}

// linkSlugs returns the distinct slugs of n tags or bylines in order, each
// taken from slug or else made from the name, with the first name given
// for each. A link with neither is invalid.
func linkSlugs(n int, get func(int) (slug, name string), field, what string) ([]string, map[string]string, error) {
	slugs := make([]string, 0, n)
	names := make(map[string]string, n)
	for i := range n {
		slug, name := get(i)
		if slug == "" {
			slug = news.Slugify(name)
		}
		if !news.ValidSlug(slug) {
			v := news.ValidationErrors{}
			v.Add(field, what+" "+strconv.Itoa(i+1)+" needs a name or a slug of lower-case letters, digits and hyphens")
			return nil, nil, v.Err("story")
		}
		if _, seen := names[slug]; seen {
			continue
		}
		names[slug] = name
		slugs = append(slugs, slug)
	}
	return slugs, names, nil
}

// sortedCopy returns the slugs sorted. Writers create missing tags and
// authors in this order, so that two of them on PostgreSQL creating the
// same ones never wait for each other in a circle.
func sortedCopy(slugs []string) []string {
	s := slices.Clone(slugs)
	slices.Sort(s)
	return s
}

func (tx *tx) ensureTag(ctx context.Context, edition, slug, name string) (news.Tag, error) {
	key := edition + "/" + slug
	if tag, ok := tx.tags[key]; ok {
		return tag, nil
	}
	const find = `SELECT ` + tagColumns + ` FROM tags t WHERE t.edition = ? AND t.slug = ?`
	tag, err := scanTag(tx.queryRow(ctx, find, edition, slug))
	if errors.Is(err, sql.ErrNoRows) {
		// The slug of a renamed or merged tag means the tag it became, so
		// a form opened before the change does not bring the old tag back.
		tag, err = tx.tagRedirect(ctx, edition, slug)
	}
	if errors.Is(err, news.ErrNotFound) {
		tag = news.Tag{Edition: edition, Slug: slug, Name: cmp.Or(name, slug)}
		// A concurrent writer may create the same tag first: then insert
		// nothing and read theirs.
		err = tx.queryRow(ctx, `INSERT INTO tags (edition, slug, name) VALUES (?, ?, ?)
			ON CONFLICT (edition, slug) DO NOTHING RETURNING id`,
			tag.Edition, tag.Slug, tag.Name).Scan(&tag.ID)
		if errors.Is(err, sql.ErrNoRows) {
			tag, err = scanTag(tx.queryRow(ctx, find, edition, slug))
		}
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
