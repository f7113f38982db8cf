package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"newsdesk/internal/news"
)

const sectionColumns = `id, edition, slug, name, position`

// CreateSection saves a new section and sets sec.ID. An empty slug is made
// from the name. A section whose slug the edition already has is a conflict.
func (s *Store) CreateSection(ctx context.Context, sec *news.Section) error {
	if sec.Slug == "" {
		sec.Slug = news.Slugify(sec.Name)
	}
	if err := sec.Validate(); err != nil {
		return fmt.Errorf("store: create section: %w", err)
	}
	err := s.update(ctx, func(tx *tx) error {
		return tx.createSection(ctx, sec)
	})
	if err != nil {
		return fmt.Errorf("store: create section %s/%s: %w", sec.Edition, sec.Slug, err)
	}
	return nil
}

// EnsureSection returns the edition's section whose slug is made from name,
// creating it after the existing sections when there is none.
func (s *Store) EnsureSection(ctx context.Context, edition, name string) (news.Section, error) {
	sec := news.Section{Edition: edition, Name: name, Slug: news.Slugify(name)}
	if err := sec.Validate(); err != nil {
		return news.Section{}, fmt.Errorf("store: ensure section: %w", err)
	}
	err := s.update(ctx, func(tx *tx) error {
		found, err := tx.sectionBySlug(ctx, edition, sec.Slug)
		if err == nil {
			sec = found
			return nil
		}
		if !errors.Is(err, news.ErrNotFound) {
			return err
		}
		if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM sections WHERE edition = ?`,
			edition).Scan(&sec.Position); err != nil {
			return err
		}
		return tx.createSection(ctx, &sec)
	})
	if err != nil {
		return news.Section{}, fmt.Errorf("store: ensure section %s/%s: %w", edition, sec.Slug, err)
	}
	return sec, nil
}

// Sections returns the edition's sections in navigation order.
func (s *Store) Sections(ctx context.Context, edition string) ([]news.Section, error) {
	var secs []news.Section
	err := s.view(ctx, func(tx *tx) (err error) {
		secs, err = queryAll(ctx, tx, scanSection, `SELECT `+sectionColumns+` FROM sections WHERE edition = ? ORDER BY position, name, id`, edition)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: sections of %s: %w", edition, err)
	}
	return secs, nil
}

// SectionBySlug returns the edition's section with the given slug.
func (s *Store) SectionBySlug(ctx context.Context, edition, slug string) (news.Section, error) {
	var sec news.Section
	err := s.view(ctx, func(tx *tx) error {
		var err error
		sec, err = tx.sectionBySlug(ctx, edition, slug)
		return err
	})
	if err != nil {
		return news.Section{}, fmt.Errorf("store: section %s/%s: %w", edition, slug, err)
	}
	return sec, nil
}

// Section returns the section with the given id.
func (s *Store) Section(ctx context.Context, id int64) (news.Section, error) {
	var sec news.Section
	err := s.view(ctx, func(tx *tx) (err error) {
		sec, err = tx.sectionByID(ctx, id)
		return err
	})
	if err != nil {
		return news.Section{}, fmt.Errorf("store: section %d: %w", id, err)
	}
	return sec, nil
}

func (tx *tx) createSection(ctx context.Context, sec *news.Section) error {
	if err := tx.requireEdition(ctx, "section", sec.Edition); err != nil {
		return err
	}
	var exists bool
	if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sections WHERE edition = ? AND slug = ?)`,
		sec.Edition, sec.Slug).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return slugTaken("section", sec.Edition, sec.Slug)
	}
	err := tx.queryRow(ctx, `INSERT INTO sections (edition, slug, name, position) VALUES (?, ?, ?, ?) RETURNING id`,
		sec.Edition, sec.Slug, sec.Name, sec.Position).Scan(&sec.ID)
	if isUniqueViolation(err) {
		return slugTaken("section", sec.Edition, sec.Slug)
	}
	if err != nil {
		return err
	}
	// The edition's pages list its sections in their navigation.
	tx.recordChange(news.NavKey(sec.Edition), news.KeySitemap)
	return tx.releaseSlug(ctx, redirectSection, sec.Edition, sec.Slug)
}

// UpdateSection renames the section with sec.ID and moves it to
// sec.Position; its edition stays. An empty slug is made from the name. When
// the slug changes, the old one keeps leading to the section.
func (s *Store) UpdateSection(ctx context.Context, sec *news.Section) error {
	if sec.Slug == "" {
		sec.Slug = news.Slugify(sec.Name)
	}
	saved := *sec
	err := s.update(ctx, func(tx *tx) error {
		old, err := tx.sectionByID(ctx, sec.ID)
		if err != nil {
			return err
		}
		saved.Edition = old.Edition
		if err := saved.Validate(); err != nil {
			return err
		}
		var taken bool
		if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sections WHERE edition = ? AND slug = ? AND id <> ?)`,
			saved.Edition, saved.Slug, saved.ID).Scan(&taken); err != nil {
			return err
		}
		if taken {
			return slugTaken("section", saved.Edition, saved.Slug)
		}
		if _, err := tx.exec(ctx, `UPDATE sections SET slug = ?, name = ?, position = ? WHERE id = ?`,
			saved.Slug, saved.Name, saved.Position, saved.ID); err != nil {
			return err
		}
		// Every page of the edition names its sections in the navigation,
		// and the cards of the section's stories name and link it.
		tx.recordChange(news.NavKey(saved.Edition), news.SectionKey(saved.ID), news.KeySitemap)
		if old.Slug == saved.Slug {
			return nil
		}
		return tx.redirectSlug(ctx, redirectSection, saved.Edition, old.Slug, saved.Slug, saved.ID)
	})
	if err != nil {
		return fmt.Errorf("store: update section %d: %w", sec.ID, err)
	}
	*sec = saved
	return nil
}

// DeleteSection deletes a section that holds no story, in any status. One
// that does is a conflict: its stories must move to another section first.
func (s *Store) DeleteSection(ctx context.Context, id int64) error {
	err := s.update(ctx, func(tx *tx) error {
		sec, err := tx.sectionByID(ctx, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM stories WHERE section_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return news.Errorf(news.ErrConflict, "section %q still holds %s (trashed ones included): move them to another section first",
				sec.Name, plural(n, "story", "stories"))
		}
		if err := tx.dropRedirectsTo(ctx, redirectSection, id); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM story_counts WHERE scope = ?`, sectionScope(id)); err != nil {
			return err
		}
		tx.recordChange(news.NavKey(sec.Edition), news.SectionKey(id), news.KeySitemap)
		_, err = tx.exec(ctx, `DELETE FROM sections WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete section %d: %w", id, err)
	}
	return nil
}

// SectionCounts returns the edition's sections in navigation order, each
// with the number of its stories of every status.
func (s *Store) SectionCounts(ctx context.Context, edition string) ([]news.SectionCount, error) {
	var secs []news.SectionCount
	err := s.view(ctx, func(tx *tx) (err error) {
		secs, err = queryAll(ctx, tx, func(r scanner) (news.SectionCount, error) {
			var c news.SectionCount
			err := r.Scan(&c.ID, &c.Edition, &c.Slug, &c.Name, &c.Position, &c.Stories)
			return c, err
		}, `SELECT `+sectionColumns+`,
				COALESCE((SELECT SUM(c.n) FROM story_counts c WHERE c.scope = 's:' || sections.id), 0)
			FROM sections WHERE edition = ? ORDER BY position, name, id`, edition)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: section counts of %s: %w", edition, err)
	}
	return secs, nil
}

// slugTaken is the conflict of a section or tag given a slug that another
// of the edition has.
func slugTaken(what, edition, slug string) error {
	v := news.ValidationErrors{}
	v.Add("slug", fmt.Sprintf("%q is taken by another %s of edition %s", slug, what, edition))
	e := v.Err(what).(*news.Error)
	e.Code = news.ErrConflict
	return e
}

// plural returns "1 story" or "3 stories".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (tx *tx) sectionBySlug(ctx context.Context, edition, slug string) (news.Section, error) {
	sec, err := scanSection(tx.queryRow(ctx, `SELECT `+sectionColumns+` FROM sections WHERE edition = ? AND slug = ?`, edition, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Section{}, notFound("section %q", slug)
	}
	return sec, err
}

func (tx *tx) sectionByID(ctx context.Context, id int64) (news.Section, error) {
	sec, err := scanSection(tx.queryRow(ctx, `SELECT `+sectionColumns+` FROM sections WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Section{}, notFound("section %d", id)
	}
	return sec, err
}

// requireEdition turns a missing edition into an invalid-input error
// rather than a foreign key failure that names no field.
func (tx *tx) requireEdition(ctx context.Context, what, code string) error {
	var exists bool
	if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM editions WHERE code = ?)`, code).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		v := news.ValidationErrors{}
		v.Add("edition", fmt.Sprintf("%q is not an edition", code))
		return v.Err(what)
	}
	return nil
}

func scanSection(r scanner) (news.Section, error) {
	var sec news.Section
	err := r.Scan(&sec.ID, &sec.Edition, &sec.Slug, &sec.Name, &sec.Position)
	return sec, err
}
