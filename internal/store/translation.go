package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsdesk/internal/news"
)

// Stories in one translation group are versions of each other in other
// editions; the group is named by the id of one of its stories. Linking
// two stories merges their groups; a group holds one story per edition.

// LinkTranslations makes stories a and b, and the translations each
// already has, translations of each other. Two stories of one edition
// cannot be: news.ErrConflict names the edition.
func (s *Store) LinkTranslations(ctx context.Context, a, b int64) error {
	err := s.update(ctx, func(tx *tx) error {
		if a == b {
			return news.Errorf(news.ErrInvalid, "a story is not its own translation")
		}
		ga, err := tx.translationGroup(ctx, a)
		if err != nil {
			return err
		}
		gb, err := tx.translationGroup(ctx, b)
		if err != nil {
			return err
		}
		// A story without a group has group 0, which must match no other.
		members := `id IN (?, ?) OR (translation_group <> 0 AND translation_group IN (?, ?))`
		var edition string
		err = tx.queryRow(ctx, `SELECT edition FROM stories WHERE `+members+`
			GROUP BY edition HAVING COUNT(*) > 1 LIMIT 1`, a, b, ga, gb).Scan(&edition)
		if err == nil {
			return news.Errorf(news.ErrConflict, "the two already have versions in the same edition (%s): a story has one translation per edition", edition)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		ids, err := queryAll(ctx, tx, scanID, `SELECT id FROM stories WHERE `+members, a, b, ga, gb)
		if err != nil {
			return err
		}
		// A story's group id is the smallest id in the group.
		group := min(a, b)
		for _, id := range ids {
			group = min(group, id)
		}
		if _, err := tx.exec(ctx, `UPDATE stories SET translation_group = ? WHERE `+members, group, a, b, ga, gb); err != nil {
			return err
		}
		for _, id := range ids {
			tx.recordChange(news.StoryKey(id))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: link translations %d and %d: %w", a, b, err)
	}
	return nil
}

// UnlinkTranslation takes a story out of its translation group; the others
// stay translations of each other.
func (s *Store) UnlinkTranslation(ctx context.Context, id int64) error {
	err := s.update(ctx, func(tx *tx) error {
		group, err := tx.translationGroup(ctx, id)
		if err != nil || group == 0 {
			return err
		}
		ids, err := queryAll(ctx, tx, scanID, `SELECT id FROM stories WHERE translation_group = ? AND id <> ?`, group, id)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE stories SET translation_group = 0 WHERE id = ?`, id); err != nil {
			return err
		}
		// A group of one is no group; the rest keep one named by one of
		// their own.
		if len(ids) == 1 {
			_, err = tx.exec(ctx, `UPDATE stories SET translation_group = 0 WHERE id = ?`, ids[0])
		} else if len(ids) > 1 {
			_, err = tx.exec(ctx, `UPDATE stories SET translation_group = ? WHERE translation_group = ?`, ids[0], group)
		}
		tx.recordChange(news.StoryKey(id))
		for _, other := range ids {
			tx.recordChange(news.StoryKey(other))
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("store: unlink translation %d: %w", id, err)
	}
	return nil
}

// translationGroup returns the story's group, 0 when it has none.
func (tx *tx) translationGroup(ctx context.Context, id int64) (int64, error) {
	var g int64
	err := tx.queryRow(ctx, `SELECT translation_group FROM stories WHERE id = ?`, id).Scan(&g)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound("story %d", id)
	}
	return g, err
}

// fillTranslations loads the story's versions in other editions, in
// edition order.
func (tx *tx) fillTranslations(ctx context.Context, st *news.Story) error {
	group, err := tx.translationGroup(ctx, st.ID)
	if err != nil || group == 0 {
		st.Translations = nil
		return err
	}
	st.Translations, err = queryAll(ctx, tx, func(r scanner) (news.Translation, error) {
		var t news.Translation
		var status string
		err := r.Scan(&t.ID, &t.Edition, &t.Headline, &t.Slug, &t.Section.ID, &t.Section.Slug, &status)
		t.Status = news.Status(status)
		return t, err
	}, `SELECT s.id, s.edition, s.headline, s.slug, s.section_id, sec.slug, s.status
		FROM stories s JOIN sections sec ON sec.id = s.section_id
		WHERE s.translation_group = ? AND s.id <> ? ORDER BY s.edition`, group, st.ID)
	return err
}

// StartTranslation makes a draft in the edition from the story, to be
// translated: its headline, lead and body copied, filed in the section of
// the same slug or else the edition's first section, owned by owner, and
// linked as the story's translation.
func (s *Store) StartTranslation(ctx context.Context, fromID int64, edition string, owner int64) (news.Story, error) {
	var draft news.Story
	err := s.update(ctx, func(tx *tx) error {
		from, err := tx.storyWhere(ctx, `s.id = ?`, fromID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("story %d", fromID)
		}
		if err != nil {
			return err
		}
		if from.Edition == edition {
			return news.Errorf(news.ErrInvalid, "a translation goes to another edition than %s", edition)
		}
		group := from.ID
		if g, err := tx.translationGroup(ctx, from.ID); err != nil {
			return err
		} else if g != 0 {
			group = g
			var id int64
			err := tx.queryRow(ctx, `SELECT id FROM stories WHERE translation_group = ? AND edition = ?`, g, edition).Scan(&id)
			if err == nil {
				return news.Errorf(news.ErrConflict, "the story already has a version in %s: story %d", edition, id)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		var secID int64
		err = tx.queryRow(ctx, `SELECT id FROM sections WHERE edition = ?
			ORDER BY CASE WHEN slug = ? THEN 0 ELSE 1 END, position, id LIMIT 1`, edition, from.Section.Slug).Scan(&secID)
		if errors.Is(err, sql.ErrNoRows) {
			return news.Errorf(news.ErrInvalid, "edition %s has no section to file the translation in", edition)
		}
		if err != nil {
			return err
		}
		draft = news.Story{
			Edition: edition, Section: news.Section{ID: secID},
			Headline: from.Headline, Slug: from.Slug, Lead: from.Lead, Body: from.Body,
			Status: news.StatusDraft, OwnerID: owner, EditedBy: owner,
		}
		if err := tx.createStory(ctx, &draft); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE stories SET translation_group = ? WHERE id IN (?, ?)`, group, from.ID, draft.ID); err != nil {
			return err
		}
		tx.recordChange(news.StoryKey(from.ID))
		return nil
	})
	if err != nil {
		return news.Story{}, fmt.Errorf("store: start a %s translation of story %d: %w", edition, fromID, err)
	}
	return s.Story(ctx, draft.ID)
}
