package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"newsdesk/internal/news"
)

const authorColumns = `a.id, a.slug, a.name`

// resolveAuthors finds or creates each byline's author by slug (made from
// the name when empty), dropping repeats, and returns them as stored.
func (tx *tx) resolveAuthors(ctx context.Context, in []news.Author) ([]news.Author, error) {
	out := make([]news.Author, 0, len(in))
	seen := make(map[string]bool, len(in))
	for i, a := range in {
		slug := a.Slug
		if slug == "" {
			slug = news.Slugify(a.Name)
		}
		if !news.ValidSlug(slug) {
			v := news.ValidationErrors{}
			v.Add("bylines", "byline "+strconv.Itoa(i+1)+" needs a name or a slug of lower-case letters, digits and hyphens")
			return nil, v.Err("story")
		}
		if seen[slug] {
			continue
		}
		seen[slug] = true
		author, err := tx.ensureAuthor(ctx, slug, a.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, author)
	}
	return out, nil
}

func (tx *tx) ensureAuthor(ctx context.Context, slug, name string) (news.Author, error) {
	if a, ok := tx.authors[slug]; ok {
		return a, nil
	}
	a, err := scanAuthor(tx.queryRow(ctx, `SELECT `+authorColumns+` FROM authors a WHERE a.slug = ?`, slug))
	if errors.Is(err, sql.ErrNoRows) {
		a = news.Author{Slug: slug, Name: name}
		if a.Name == "" {
			a.Name = slug
		}
		err = tx.queryRow(ctx, `INSERT INTO authors (slug, name) VALUES (?, ?) RETURNING id`, a.Slug, a.Name).Scan(&a.ID)
	}
	if err != nil {
		return news.Author{}, fmt.Errorf("author %s: %w", slug, err)
	}
	if tx.authors == nil {
		tx.authors = make(map[string]news.Author)
	}
	tx.authors[slug] = a
	return a, nil
}

func scanAuthor(r scanner) (news.Author, error) {
	var a news.Author
	err := r.Scan(&a.ID, &a.Slug, &a.Name)
	return a, err
}
