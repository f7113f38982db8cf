package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsdesk/internal/news"
)

// CreateTag saves a new tag and sets tag.ID. An empty slug is made from the
// name; a slug the edition's tags already have is a conflict.
func (s *Store) CreateTag(ctx context.Context, tag *news.Tag) error {
	if tag.Slug == "" {
		tag.Slug = news.Slugify(tag.Name)
	}
	if err := tag.Validate(); err != nil {
		return fmt.Errorf("store: create tag: %w", err)
	}
	err := s.update(ctx, func(tx *tx) error {
		if err := tx.requireEdition(ctx, "tag", tag.Edition); err != nil {
			return err
		}
		if err := tx.tagSlugFree(ctx, tag.Edition, tag.Slug, 0); err != nil {
			return err
		}
		err := tx.queryRow(ctx, `INSERT INTO tags (edition, slug, name) VALUES (?, ?, ?) RETURNING id`,
			tag.Edition, tag.Slug, tag.Name).Scan(&tag.ID)
		if isUniqueViolation(err) {
			return slugTaken("tag", tag.Edition, tag.Slug)
		}
		if err != nil {
			return err
		}
		tx.recordChange(news.TagKey(tag.ID), news.KeySitemap)
		return tx.releaseSlug(ctx, redirectTag, tag.Edition, tag.Slug)
	})
	if err != nil {
		return fmt.Errorf("store: create tag %s/%s: %w", tag.Edition, tag.Slug, err)
	}
	return nil
}

// UpdateTag renames the tag with tag.ID; its edition stays. An empty slug
// is made from the name. When the slug changes, the old one keeps leading
// to the tag.
func (s *Store) UpdateTag(ctx context.Context, tag *news.Tag) error {
	if tag.Slug == "" {
		tag.Slug = news.Slugify(tag.Name)
	}
	saved := *tag
	err := s.update(ctx, func(tx *tx) error {
		old, err := tx.tagByID(ctx, tag.ID)
		if err != nil {
			return err
		}
		saved.Edition = old.Edition
		if err := saved.Validate(); err != nil {
			return err
		}
		if err := tx.tagSlugFree(ctx, saved.Edition, saved.Slug, saved.ID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE tags SET slug = ?, name = ? WHERE id = ?`, saved.Slug, saved.Name, saved.ID); err != nil {
			return err
		}
		if err := tx.recordTagChange(ctx, saved.Edition, saved.ID); err != nil {
			return err
		}
		if old.Slug == saved.Slug {
			return nil
		}
		return tx.redirectSlug(ctx, redirectTag, saved.Edition, old.Slug, saved.Slug, saved.ID)
	})
	if err != nil {
		return fmt.Errorf("store: update tag %d: %w", tag.ID, err)
	}
	*tag = saved
	return nil
}

// MergeTags moves every story of the tag from onto the tag into, of the
// same edition, and deletes from: its slug, and the slugs that led to it,
// lead to into from now on. A story that carried both keeps into once.
//
// The stories keep their versions: a merge changes no one's writing, and
// an editor's form still naming the old tag saves it as into.
func (s *Store) MergeTags(ctx context.Context, from, into int64) error {
	err := s.update(ctx, func(tx *tx) error {
		src, err := tx.tagByID(ctx, from)
		if err != nil {
			return err
		}
		dst, err := tx.tagByID(ctx, into)
		if err != nil {
			return err
		}
		v := news.ValidationErrors{}
		switch {
		case src.ID == dst.ID:
			v.Add("into", "must be another tag than the one merged")
		case src.Edition != dst.Edition:
			v.Add("into", "must be a tag of edition "+src.Edition)
		}
		if err := v.Err("merge tags"); err != nil {
			return err
		}
		// Named before the move, while the stories still carry src.
		if err := tx.recordTagChange(ctx, src.Edition, src.ID); err != nil {
			return err
		}
		tx.recordChange(news.TagKey(dst.ID), news.KeySitemap)
		if err := tx.moveTagStories(ctx, src.ID, dst.ID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE slug_redirects SET target_id = ? WHERE kind = 'tag' AND target_id = ?`, dst.ID, src.ID); err != nil {
			return err
		}
		if err := tx.redirectSlug(ctx, redirectTag, src.Edition, src.Slug, dst.Slug, dst.ID); err != nil {
			return err
		}
		return tx.deleteTag(ctx, src.ID)
	})
	if err != nil {
		return fmt.Errorf("store: merge tag %d into %d: %w", from, into, err)
	}
	return nil
}

// moveTagStories retags the stories of from with into and counts them
// under into; from's own counters go with it.
func (tx *tx) moveTagStories(ctx context.Context, from, into int64) error {
	type link struct {
		status string
		both   bool
	}
	links, err := queryAll(ctx, tx, func(r scanner) (link, error) {
		var l link
		err := r.Scan(&l.status, &l.both)
		return l, err
	}, `SELECT a.status, EXISTS (SELECT 1 FROM story_tags b WHERE b.story_id = a.story_id AND b.tag_id = ?)
		FROM story_tags a WHERE a.tag_id = ?`, into, from)
	if err != nil {
		return err
	}
	for _, l := range links {
		if !l.both {
			tx.count([]string{tagScope(into)}, news.Status(l.status), 1)
		}
	}
	if _, err := tx.exec(ctx, `DELETE FROM story_tags WHERE tag_id = ?
		AND story_id IN (SELECT story_id FROM story_tags WHERE tag_id = ?)`, from, into); err != nil {
		return err
	}
	_, err = tx.exec(ctx, `UPDATE story_tags SET tag_id = ? WHERE tag_id = ?`, into, from)
	return err
}

// DeleteTag deletes a tag that no story carries, in any status. One that
// some do is a conflict: merge it into another tag instead.
func (s *Store) DeleteTag(ctx context.Context, id int64) error {
	err := s.update(ctx, func(tx *tx) error {
		tag, err := tx.tagByID(ctx, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM story_tags WHERE tag_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return news.Errorf(news.ErrConflict, "tag %q is on %s (trashed ones included): merge it into another tag instead",
				tag.Name, plural(n, "story", "stories"))
		}
		return tx.deleteTag(ctx, id)
	})
	if err != nil {
		return fmt.Errorf("store: delete tag %d: %w", id, err)
	}
	return nil
}

// recordTagChange names what shows a tag's name: its page, the pages of
// its published stories, and the edition's front page with its popular
// topics.
func (tx *tx) recordTagChange(ctx context.Context, edition string, id int64) error {
	stories, err := queryAll(ctx, tx, func(r scanner) (int64, error) {
		var id int64
		err := r.Scan(&id)
		return id, err
	}, `SELECT story_id FROM story_tags WHERE tag_id = ? AND status = 'published'`, id)
	if err != nil {
		return err
	}
	tx.recordChange(news.TagKey(id), news.EditionKey(edition), news.KeySitemap)
	for _, st := range stories {
		tx.recordChange(news.StoryKey(st))
	}
	return nil
}

// deleteTag removes a tag that no story carries any more, with its
// counters and the redirects to it.
func (tx *tx) deleteTag(ctx context.Context, id int64) error {
	if err := tx.dropRedirectsTo(ctx, redirectTag, id); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM story_counts WHERE scope = ?`, tagScope(id)); err != nil {
		return err
	}
	tx.recordChange(news.TagKey(id), news.KeySitemap)
	_, err := tx.exec(ctx, `DELETE FROM tags WHERE id = ?`, id)
	return err
}

// TagCounts returns up to limit of the edition's tags in slug order, each
// with the number of its stories of every status. A query keeps the tags
// whose slug contains it made into a slug, so "Россия" finds "rossiya".
func (s *Store) TagCounts(ctx context.Context, edition, query string, limit int) ([]news.TagCount, error) {
	where, args := `t.edition = ?`, []any{edition}
	if q := news.Slugify(query); q != "" {
		where += ` AND t.slug LIKE ? ESCAPE '\'`
		args = append(args, "%"+likeEscape(q)+"%")
	}
	var tags []news.TagCount
	err := s.view(ctx, func(tx *tx) (err error) {
		tags, err = queryAll(ctx, tx, func(r scanner) (news.TagCount, error) {
			var c news.TagCount
			err := r.Scan(&c.ID, &c.Edition, &c.Slug, &c.Name, &c.Stories)
			return c, err
		}, `SELECT `+tagColumns+`, COALESCE((SELECT SUM(c.n) FROM story_counts c WHERE c.scope = 't:' || t.id), 0)
			FROM tags t WHERE `+where+` ORDER BY t.slug LIMIT ?`, append(args, limit)...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: tag counts of %s: %w", edition, err)
	}
	return tags, nil
}

// Tag returns the tag with the given id.
func (s *Store) Tag(ctx context.Context, id int64) (news.Tag, error) {
	var tag news.Tag
	err := s.view(ctx, func(tx *tx) (err error) {
		tag, err = tx.tagByID(ctx, id)
		return err
	})
	if err != nil {
		return news.Tag{}, fmt.Errorf("store: tag %d: %w", id, err)
	}
	return tag, nil
}

func (tx *tx) tagByID(ctx context.Context, id int64) (news.Tag, error) {
	tag, err := scanTag(tx.queryRow(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Tag{}, notFound("tag %d", id)
	}
	return tag, err
}

// tagSlugFree refuses a slug that another of the edition's tags has.
func (tx *tx) tagSlugFree(ctx context.Context, edition, slug string, self int64) error {
	var taken bool
	if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM tags WHERE edition = ? AND slug = ? AND id <> ?)`,
		edition, slug, self).Scan(&taken); err != nil {
		return err
	}
	if taken {
		return slugTaken("tag", edition, slug)
	}
	return nil
}
