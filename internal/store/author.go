package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsdesk/internal/news"
)

const authorColumns = `a.id, a.slug, a.name`

// resolveAuthors finds or creates each byline's author by slug (made from
// the name when empty), dropping repeats, and returns them as stored, in
// the order given.
func (tx *tx) resolveAuthors(ctx context.Context, in []news.Author) ([]news.Author, error) {
	slugs, names, err := linkSlugs(len(in), func(i int) (string, string) { return in[i].Slug, in[i].Name }, "bylines", "byline")
	if err != nil || len(slugs) == 0 {
		return nil, err
	}
	byslug := make(map[string]news.Author, len(slugs))
	for _, slug := range sortedCopy(slugs) {
		if byslug[slug], err = tx.ensureAuthor(ctx, slug, names[slug]); err != nil {
			return nil, err
		}
	}
	out := make([]news.Author, len(slugs))
	for i, slug := range slugs {
		out[i] = byslug[slug]
	}
	return out, nil
}

func (tx *tx) ensureAuthor(ctx context.Context, slug, name string) (news.Author, error) {
	if a, ok := tx.authors[slug]; ok {
		return a, nil
	}
	const find = `SELECT ` + authorColumns + ` FROM authors a WHERE a.slug = ?`
	a, err := scanAuthor(tx.queryRow(ctx, find, slug))
	if errors.Is(err, sql.ErrNoRows) {
		a = news.Author{Slug: slug, Name: cmp.Or(name, slug)}
		// As with tags, a concurrent writer may have created the author.
		err = tx.queryRow(ctx, `INSERT INTO authors (slug, name) VALUES (?, ?)
			ON CONFLICT (slug) DO NOTHING RETURNING id`, a.Slug, a.Name).Scan(&a.ID)
		if errors.Is(err, sql.ErrNoRows) {
			a, err = scanAuthor(tx.queryRow(ctx, find, slug))
		}
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

// Authors returns every author credited in a byline, by name.
func (s *Store) Authors(ctx context.Context) ([]news.Author, error) {
	var authors []news.Author
	err := s.view(ctx, func(tx *tx) (err error) {
		authors, err = queryAll(ctx, tx, scanAuthor, `SELECT id, slug, name FROM authors ORDER BY name, id`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: authors: %w", err)
	}
	return authors, nil
}

// AuthorBySlug returns the author with the slug.
func (s *Store) AuthorBySlug(ctx context.Context, slug string) (news.Author, error) {
	var a news.Author
	err := s.view(ctx, func(tx *tx) (err error) {
		a, err = scanAuthor(tx.queryRow(ctx, `SELECT id, slug, name FROM authors WHERE slug = ?`, slug))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("author %s", slug)
		}
		return err
	})
	if err != nil {
		return news.Author{}, fmt.Errorf("store: author %s: %w", slug, err)
	}
	return a, nil
}
