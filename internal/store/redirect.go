package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsdesk/internal/news"
)

// slug_redirects remembers the slugs that renamed sections and renamed or
// merged tags had, each pointing at the section or tag that now answers
// for it, so that old links keep working.

// Kinds of slug redirects.
const (
	redirectSection = "section"
	redirectTag     = "tag"
)

// SectionRedirect returns the section that the edition's old section slug
// now leads to; not found when the slug never belonged to a section.
func (s *Store) SectionRedirect(ctx context.Context, edition, slug string) (news.Section, error) {
	var sec news.Section
	err := s.view(ctx, func(tx *tx) (err error) {
		sec, err = scanSection(tx.queryRow(ctx, `
			SELECT s.id, s.edition, s.slug, s.name, s.position
			FROM slug_redirects r JOIN sections s ON s.id = r.target_id
			WHERE r.kind = 'section' AND r.edition = ? AND r.old_slug = ?`, edition, slug))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("section %q", slug)
		}
		return err
	})
	if err != nil {
		return news.Section{}, fmt.Errorf("store: section redirect %s/%s: %w", edition, slug, err)
	}
	return sec, nil
}

// TagRedirect returns the tag that the edition's old tag slug now leads
// to; not found when the slug never belonged to a tag.
func (s *Store) TagRedirect(ctx context.Context, edition, slug string) (news.Tag, error) {
	var tag news.Tag
	err := s.view(ctx, func(tx *tx) (err error) {
		tag, err = tx.tagRedirect(ctx, edition, slug)
		return err
	})
	if err != nil {
		return news.Tag{}, fmt.Errorf("store: tag redirect %s/%s: %w", edition, slug, err)
	}
	return tag, nil
}

func (tx *tx) tagRedirect(ctx context.Context, edition, slug string) (news.Tag, error) {
	tag, err := scanTag(tx.queryRow(ctx, `
		SELECT `+tagColumns+`
		FROM slug_redirects r JOIN tags t ON t.id = r.target_id
		WHERE r.kind = 'tag' AND r.edition = ? AND r.old_slug = ?`, edition, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Tag{}, notFound("tag %q", slug)
	}
	return tag, err
}

// redirectSlug points the old slug at target from now on, and lets go of
// any redirect of the new slug, which belongs to a live section or tag
// again. Redirects to the old target move with it.
func (tx *tx) redirectSlug(ctx context.Context, kind, edition, oldSlug, newSlug string, target int64) error {
	if err := tx.releaseSlug(ctx, kind, edition, newSlug); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `
		INSERT INTO slug_redirects (kind, edition, old_slug, target_id) VALUES (?, ?, ?, ?)
		ON CONFLICT (kind, edition, old_slug) DO UPDATE SET target_id = excluded.target_id`,
		kind, edition, oldSlug, target)
	return err
}

// releaseSlug drops the redirect of a slug that a section or tag takes.
func (tx *tx) releaseSlug(ctx context.Context, kind, edition, slug string) error {
	_, err := tx.exec(ctx, `DELETE FROM slug_redirects WHERE kind = ? AND edition = ? AND old_slug = ?`, kind, edition, slug)
	return err
}

// dropRedirectsTo removes the redirects to a section or tag being deleted.
func (tx *tx) dropRedirectsTo(ctx context.Context, kind string, target int64) error {
	_, err := tx.exec(ctx, `DELETE FROM slug_redirects WHERE kind = ? AND target_id = ?`, kind, target)
	return err
}
