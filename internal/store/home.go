package store

import (
	"context"
	"fmt"
	"strconv"

	"newsdesk/internal/news"
)

// HomeSlots returns the stories chosen for the edition's home page, in
// their order: the top story first, then the featured ones. A chosen story
// that has since left the public site (unpublished, trashed) is left out,
// so the home page follows at once; its slot stays until the next order.
func (s *Store) HomeSlots(ctx context.Context, edition string) ([]news.Story, error) {
	var sts []news.Story
	err := s.view(ctx, func(tx *tx) (err error) {
		sts, err = tx.storiesWhere(ctx, ` FROM home_slots h JOIN stories s ON s.id = h.story_id`,
			`h.edition = ? AND s.edition = ? AND s.status = 'published'`, ` ORDER BY h.position`, edition, edition)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: home slots of %s: %w", edition, err)
	}
	return sts, nil
}

// SetHomeSlots replaces the edition's chosen stories with ids, in order:
// the top story first. Each must be a published story of the edition; an
// empty list leaves the home page to the newest stories.
func (s *Store) SetHomeSlots(ctx context.Context, edition string, ids []int64) error {
	if err := news.ValidateHomeSlots(ids); err != nil {
		return fmt.Errorf("store: set home slots of %s: %w", edition, err)
	}
	err := s.update(ctx, func(tx *tx) error {
		if err := tx.requireEdition(ctx, "home page", edition); err != nil {
			return err
		}
		if err := tx.checkHomeStories(ctx, edition, ids); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM home_slots WHERE edition = ?`, edition); err != nil {
			return err
		}
		tx.recordChange(news.EditionKey(edition))
		if len(ids) == 0 {
			return nil
		}
		args := make([]any, 0, 3*len(ids))
		for i, id := range ids {
			args = append(args, edition, i, id)
		}
		_, err := tx.exec(ctx, `INSERT INTO home_slots (edition, position, story_id) VALUES `+repeatJoin("(?, ?, ?)", len(ids)), args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set home slots of %s: %w", edition, err)
	}
	return nil
}

// checkHomeStories refuses ids that are not published stories of edition,
// naming the first one at fault.
func (tx *tx) checkHomeStories(ctx context.Context, edition string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	type row struct {
		id              int64
		edition, status string
	}
	rows, err := queryAll(ctx, tx, func(r scanner) (row, error) {
		var x row
		err := r.Scan(&x.id, &x.edition, &x.status)
		return x, err
	}, `SELECT id, edition, status FROM stories WHERE id IN (`+placeholders(len(ids))+`)`, int64Args(ids)...)
	if err != nil {
		return err
	}
	found := make(map[int64]row, len(rows))
	for _, x := range rows {
		found[x.id] = x
	}
	v := news.ValidationErrors{}
	for _, id := range ids {
		x, ok := found[id]
		name := "story " + strconv.FormatInt(id, 10)
		switch {
		case !ok:
			v.Add("stories", name+" does not exist")
		case x.edition != edition:
			v.Add("stories", name+" belongs to edition "+x.edition)
		case x.status != string(news.StatusPublished):
			v.Add("stories", name+" is not published ("+x.status+")")
		}
	}
	return v.Err("home page")
}
