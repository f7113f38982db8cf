package store

import (
	"context"
	"fmt"
	"sort"

	"newsdesk/internal/news"
)

// Bounds on the work of RelatedStories, so that a story page costs the same
// whether a tag has ten stories or fifty thousand.
const (
	relatedTags    = 6   // the story's first tags that are looked at
	relatedPerTag  = 100 // the newest stories of each tag that are candidates
	relatedMaxWant = 50  // the most related stories one call returns
)

// RelatedStories returns up to limit published stories of st's edition
// that share tags with st, those sharing the most first and then the
// newest, filled up with the newest stories of st's section. st itself is
// never among them.
func (s *Store) RelatedStories(ctx context.Context, st news.Story, limit int) ([]news.Story, error) {
	limit = min(limit, relatedMaxWant)
	if limit <= 0 {
		return nil, nil
	}
	var related []news.Story
	err := s.view(ctx, func(tx *tx) error {
		tagIDs, sectionID, err := tx.relatedBasis(ctx, st)
		if err != nil {
			return err
		}
		ids, err := tx.sharingTags(ctx, st.ID, tagIDs, limit)
		if err != nil {
			return err
		}
		if len(ids) < limit && sectionID != 0 {
			more, err := tx.newestInSection(ctx, sectionID, append([]int64{st.ID}, ids...), limit-len(ids))
			if err != nil {
				return err
			}
			ids = append(ids, more...)
		}
		related, err = tx.storiesByIDs(ctx, ids)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: stories related to %d: %w", st.ID, err)
	}
	return related, nil
}

// relatedBasis returns the tags and section to relate st by: st's own when
// they carry ids, else those stored for it.
func (tx *tx) relatedBasis(ctx context.Context, st news.Story) ([]int64, int64, error) {
	var tagIDs []int64
	complete := true
	for _, t := range st.Tags {
		if t.ID == 0 {
			complete = false
			break
		}
		tagIDs = append(tagIDs, t.ID)
	}
	sectionID := st.Section.ID
	if (complete && sectionID != 0) || st.ID == 0 {
		return head(tagIDs, relatedTags), sectionID, nil
	}
	tagIDs = tagIDs[:0]
	rows, err := tx.query(ctx, `SELECT tag_id FROM story_tags WHERE story_id = ? ORDER BY position LIMIT ?`, st.ID, relatedTags)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, 0, err
		}
		tagIDs = append(tagIDs, id)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if sectionID == 0 {
		// A story that is not stored has no section to fill from.
		_ = tx.queryRow(ctx, `SELECT section_id FROM stories WHERE id = ?`, st.ID).Scan(&sectionID)
	}
	return tagIDs, sectionID, nil
}

// sharingTags ranks the newest published stories of each tag by how many
// of the tags they carry, then by recency, and returns the first limit.
// Each tag contributes at most relatedPerTag candidates, read in order from
// the tag list index; counting happens here rather than in SQL, and only the
// few candidates that can make the cut have their times compared.
func (tx *tx) sharingTags(ctx context.Context, self int64, tagIDs []int64, limit int) ([]int64, error) {
	lists := make([][]int64, 0, len(tagIDs))
	shared := map[int64]int{}
	for _, tagID := range tagIDs {
		list, err := tx.ids(ctx, `
			SELECT story_id FROM story_tags
			WHERE tag_id = ? AND status = 'published' AND story_id <> ?
			ORDER BY published_at DESC NULLS LAST, story_id DESC
			LIMIT ?`, tagID, self, relatedPerTag)
		if err != nil {
			return nil, err
		}
		for _, id := range list {
			shared[id]++
		}
		lists = append(lists, list)
	}
	finalists := pickFinalists(lists, shared, limit)
	if len(finalists) == 0 {
		return nil, nil
	}
	// Order the finalists by shared tags, then newest, as ListStories would.
	rows, err := tx.query(ctx, `SELECT id FROM stories WHERE id IN (`+placeholders(len(finalists))+`)
		ORDER BY published_at DESC NULLS LAST, id DESC`, int64Args(finalists)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var newest []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		newest = append(newest, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(newest, func(i, j int) bool { return shared[newest[i]] > shared[newest[j]] })
	return head(newest, limit), nil
}

// pickFinalists returns the candidates that can be among the first limit
// by shared count, then recency. Whole groups of equal count are taken
// while they fit; from the group that does not, only the first members of
// each list can be among its newest, because every list is newest first.
func pickFinalists(lists [][]int64, shared map[int64]int, limit int) []int64 {
	groups := map[int]int{}
	for _, n := range shared {
		groups[n]++
	}
	var picked []int64
	seen := map[int64]bool{}
	pick := func(id int64) {
		if !seen[id] {
			seen[id] = true
			picked = append(picked, id)
		}
	}
	remaining := limit
	for n := len(lists); n >= 1 && remaining > 0; n-- {
		size := groups[n]
		if size == 0 {
			continue
		}
		for _, list := range lists {
			taken := 0
			for _, id := range list {
				if size > remaining && taken == remaining {
					break
				}
				if shared[id] == n {
					pick(id)
					taken++
				}
			}
		}
		remaining -= min(size, remaining)
	}
	return picked
}

// newestInSection returns the newest published stories of the section
// other than those in exclude.
func (tx *tx) newestInSection(ctx context.Context, sectionID int64, exclude []int64, limit int) ([]int64, error) {
	args := append([]any{sectionID}, int64Args(exclude)...)
	args = append(args, limit)
	return tx.ids(ctx, `
		SELECT id FROM stories
		WHERE section_id = ? AND status = 'published' AND id NOT IN (`+placeholders(len(exclude))+`)
		ORDER BY published_at DESC NULLS LAST, id DESC
		LIMIT ?`, args...)
}

// storiesByIDs returns the stories with the given ids in the order given.
func (tx *tx) storiesByIDs(ctx context.Context, ids []int64) ([]news.Story, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	sts, err := tx.storiesWhere(ctx, ` FROM stories s`, `s.id IN (`+placeholders(len(ids))+`)`, ``, int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]news.Story, len(sts))
	for _, st := range sts {
		byID[st.ID] = st
	}
	out := make([]news.Story, 0, len(ids))
	for _, id := range ids {
		if st, ok := byID[id]; ok {
			out = append(out, st)
		}
	}
	return out, nil
}

// ids runs a query whose rows are single ids.
func (tx *tx) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func head(ids []int64, n int) []int64 {
	if len(ids) > n {
		return ids[:n]
	}
	return ids
}
