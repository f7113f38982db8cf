package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"newsdesk/internal/news"
)

// Bounds on the work of RelatedStories, so that a story page costs the same
// whether a tag has ten stories or fifty thousand.
const (
	relatedTags    = 6  // the story's first tags that are looked at
	relatedPerTag  = 50 // the newest stories of each tag that are candidates
	relatedMaxWant = 50 // the most related stories one call returns
)

// RelatedStories returns up to limit published stories of st's edition
// that share tags with st, those sharing the most first and then the
// newest, filled up with the newest stories of st's section. st itself is
// never among them. Each tag offers only its newest stories as candidates,
// so the cost is bounded however large the tags are.
//
// The stories are for cards that link to them: ID, Edition, Section, Slug,
// Headline, Lead, Status, PublishedAt, UpdatedAt and Labels are filled;
// Tags, Bylines, Body and the other fields are not.
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
		if related, err = tx.sharingTags(ctx, st.ID, tagIDs, limit); err != nil {
			return err
		}
		if len(related) < limit && sectionID != 0 {
			exclude := make([]int64, 0, len(related)+1)
			exclude = append(exclude, st.ID)
			for _, r := range related {
				exclude = append(exclude, r.ID)
			}
			more, err := tx.newestInSection(ctx, sectionID, exclude, limit-len(related))
			if err != nil {
				return err
			}
			related = append(related, more...)
		}
		return nil
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
	tagIDs, err := tx.ids(ctx, `SELECT tag_id FROM story_tags WHERE story_id = ? ORDER BY position LIMIT ?`, st.ID, relatedTags)
	if err != nil {
		return nil, 0, err
	}
	if sectionID == 0 {
		// A story that is not stored has no section to fill from.
		_ = tx.queryRow(ctx, `SELECT section_id FROM stories WHERE id = ?`, st.ID).Scan(&sectionID)
	}
	return tagIDs, sectionID, nil
}

// cardColumns reads what a link to a story shows; scanCard takes them in
// this order. Status and the times come after the body in a row, but the
// body itself is never read.
const cardColumns = `s.id, s.edition, s.slug, s.headline, s.lead, s.status,
	s.published_at, s.updated_at, s.labels,
	sec.id, sec.edition, sec.slug, sec.name, sec.position`

// sharingTags returns the first limit stories by the number of tags they
// share with self, then newest first. The candidates are the newest
// relatedPerTag published stories of each tag, read in one query from the
// tag list index of story_tags; they are counted here, and only the few
// that can make the cut are read from stories, in order of recency.
func (tx *tx) sharingTags(ctx context.Context, self int64, tagIDs []int64, limit int) ([]news.Story, error) {
	if len(tagIDs) == 0 {
		return nil, nil
	}
	// One row per tag holding the ids of its candidates newest first, so
	// that hundreds of candidates cost a handful of rows: on SQLite every
	// row returned costs more than the aggregate. string_agg takes the ids
	// in the order the LIMITed subquery yields them, which neither
	// database can flatten away; an ORDER BY inside string_agg would make
	// SQLite sort every list again, at a third of the whole call's cost.
	// Were the order ever lost, only which of equally shared candidates
	// count as newest would suffer. A LIMIT applies to a whole compound
	// select, so each tag's list is a subquery of its own.
	const perTag = `SELECT string_agg(CAST(story_id AS TEXT), ',')
		FROM (SELECT story_id, published_at FROM story_tags
			WHERE tag_id = ? AND status = 'published' AND story_id <> ?
			ORDER BY published_at DESC NULLS LAST, story_id DESC LIMIT ?) AS c`
	branches := make([]string, len(tagIDs))
	args := make([]any, 0, 3*len(tagIDs))
	for i, id := range tagIDs {
		branches[i] = fmt.Sprintf("%s%d", perTag, i)
		args = append(args, id, self, relatedPerTag)
	}
	rows, err := tx.query(ctx, strings.Join(branches, "\nUNION ALL\n"), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	lists := make([][]int64, 0, len(tagIDs))
	shared := make(map[int64]int, len(tagIDs)*relatedPerTag)
	for rows.Next() {
		var list sql.NullString
		if err := rows.Scan(&list); err != nil {
			return nil, err
		}
		ids, err := splitIDs(list.String)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			shared[id]++
		}
		lists = append(lists, ids)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	finalists := pickFinalists(lists, shared, limit)
	if len(finalists) == 0 {
		return nil, nil
	}
	sts, err := tx.cards(ctx, `
		SELECT `+cardColumns+`
		FROM stories s JOIN sections sec ON sec.id = s.section_id
		WHERE s.id IN (`+placeholders(len(finalists))+`)
		ORDER BY s.published_at DESC NULLS LAST, s.id DESC`, int64Args(finalists)...)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(sts, func(i, j int) bool { return shared[sts[i].ID] > shared[sts[j].ID] })
	return sts[:min(len(sts), limit)], nil
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
func (tx *tx) newestInSection(ctx context.Context, sectionID int64, exclude []int64, limit int) ([]news.Story, error) {
	args := append([]any{sectionID}, int64Args(exclude)...)
	args = append(args, limit)
	return tx.cards(ctx, `
		SELECT `+cardColumns+`
		FROM stories s JOIN sections sec ON sec.id = s.section_id
		WHERE s.section_id = ? AND s.status = 'published' AND s.id NOT IN (`+placeholders(len(exclude))+`)
		ORDER BY s.published_at DESC NULLS LAST, s.id DESC
		LIMIT ?`, args...)
}

// cards runs a query of cardColumns.
func (tx *tx) cards(ctx context.Context, query string, args ...any) ([]news.Story, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var sts []news.Story
	for rows.Next() {
		var (
			st                news.Story
			status, labels    string
			published, edited sql.NullTime
		)
		if err := rows.Scan(&st.ID, &st.Edition, &st.Slug, &st.Headline, &st.Lead, &status,
			&published, &edited, &labels,
			&st.Section.ID, &st.Section.Edition, &st.Section.Slug, &st.Section.Name, &st.Section.Position); err != nil {
			return nil, err
		}
		st.Status = news.Status(status)
		st.PublishedAt, st.UpdatedAt = goTime(published), goTime(edited)
		st.Labels = splitLabels(labels)
		sts = append(sts, st)
	}
	return sts, rows.Err()
}

// splitIDs reads a comma-separated list of ids.
func splitIDs(s string) ([]int64, error) {
	if s == "" {
		return nil, nil
	}
	ids := make([]int64, 0, strings.Count(s, ",")+1)
	for part := range strings.SplitSeq(s, ",") {
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("id list %q: %w", s, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// ids runs a query whose rows are single ids.
func (tx *tx) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	return queryAll(ctx, tx, scanID, query, args...)
}

func head(ids []int64, n int) []int64 {
	if len(ids) > n {
		return ids[:n]
	}
	return ids
}

func scanID(r scanner) (int64, error) {
	var id int64
	err := r.Scan(&id)
	return id, err
}
