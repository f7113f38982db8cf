package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"newsdesk/internal/news"
)

// story_counts holds the number of stories per scope and status, kept in
// step by every story write, so that list totals and popular tags never
// count rows. Scopes: "e:{edition}", "s:{section id}", "t:{tag id}" and
// "a:{author id}".

func editionScope(code string) string { return "e:" + code }
func sectionScope(id int64) string    { return "s:" + strconv.FormatInt(id, 10) }
func tagScope(id int64) string        { return "t:" + strconv.FormatInt(id, 10) }
func authorScope(id int64) string     { return "a:" + strconv.FormatInt(id, 10) }

type countKey struct{ scope, status string }

// scopes lists the scopes that a saved story counts in.
func storyScopes(st *news.Story) []string {
	scopes := []string{editionScope(st.Edition), sectionScope(st.Section.ID)}
	for _, t := range st.Tags {
		scopes = append(scopes, tagScope(t.ID))
	}
	for _, a := range st.Bylines {
		scopes = append(scopes, authorScope(a.ID))
	}
	return scopes
}

// count records that a story with the given scopes and status came (delta
// 1) or went (delta -1). The changes are written when the transaction
// commits, once per scope, however many stories it saved.
func (tx *tx) count(scopes []string, status news.Status, delta int) {
	if tx.counts == nil {
		tx.counts = make(map[countKey]int)
	}
	for _, sc := range scopes {
		tx.counts[countKey{sc, string(status)}] += delta
	}
}

// flushCounts writes the changes that count recorded. It takes the rows in
// one order so that concurrent writers on PostgreSQL cannot deadlock.
func (tx *tx) flushCounts(ctx context.Context) error {
	keys := make([]countKey, 0, len(tx.counts))
	for k, n := range tx.counts {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b countKey) int {
		return cmp.Or(cmp.Compare(a.scope, b.scope), cmp.Compare(a.status, b.status))
	})
	for _, k := range keys {
		if _, err := tx.exec(ctx, `
			INSERT INTO story_counts (scope, status, n) VALUES (?, ?, ?)
			ON CONFLICT (scope, status) DO UPDATE SET n = story_counts.n + excluded.n`,
			k.scope, k.status, tx.counts[k]); err != nil {
			return err
		}
	}
	tx.counts = nil
	return nil
}

// countScope returns the scope whose counter holds the number of stories
// that f selects before exclusions, or "" when f combines filters that no
// single counter covers, or that no counter knows (owner, headline). An edition filter is implied by a section or a
// tag, which belong to one edition.
func countScope(f news.StoryFilter) string {
	switch {
	case f.OwnerID != 0 || strings.TrimSpace(f.Query) != "":
		return ""
	case f.TagID != 0 && f.SectionID == 0 && f.AuthorID == 0:
		return tagScope(f.TagID)
	case f.SectionID != 0 && f.TagID == 0 && f.AuthorID == 0:
		return sectionScope(f.SectionID)
	case f.AuthorID != 0 && f.TagID == 0 && f.SectionID == 0 && f.Edition == "":
		return authorScope(f.AuthorID)
	case f.Edition != "" && f.TagID == 0 && f.SectionID == 0 && f.AuthorID == 0:
		return editionScope(f.Edition)
	}
	return ""
}

// countedTotal reads the number of stories in scope with f's status: one
// status, or every status but trashed.
func (tx *tx) countedTotal(ctx context.Context, scope string, status news.Status) (int, error) {
	var n int
	var err error
	if status != "" {
		err = tx.queryRow(ctx, `SELECT COALESCE(SUM(n), 0) FROM story_counts WHERE scope = ? AND status = ?`,
			scope, string(status)).Scan(&n)
	} else {
		err = tx.queryRow(ctx, `SELECT COALESCE(SUM(n), 0) FROM story_counts WHERE scope = ? AND status <> 'trashed'`,
			scope).Scan(&n)
	}
	return n, err
}

// StatusCounts returns how many stories f selects in each status, leaving
// aside f's own status, exclusions and page: the desk shows them beside
// the status filter. Every status is in the map, zero when none.
func (s *Store) StatusCounts(ctx context.Context, f news.StoryFilter) (map[news.Status]int, error) {
	f.Status, f.Exclude = "", nil
	counts := make(map[news.Status]int, len(news.Statuses))
	for _, st := range news.Statuses {
		counts[st] = 0
	}
	read := func(r scanner) (struct{}, error) {
		var status string
		var n int
		if err := r.Scan(&status, &n); err != nil {
			return struct{}{}, err
		}
		counts[news.Status(status)] += n
		return struct{}{}, nil
	}
	err := s.view(ctx, func(tx *tx) error {
		if scope := countScope(f); scope != "" {
			_, err := queryAll(ctx, tx, read, `SELECT status, n FROM story_counts WHERE scope = ?`, scope)
			return err
		}
		if everyStory(f) {
			_, err := queryAll(ctx, tx, read, `SELECT c.status, c.n`+everyEdition)
			return err
		}
		text, err := tx.textCondition(ctx, f)
		if err != nil {
			return err
		}
		q := buildQuery(f, false, text)
		_, err = queryAll(ctx, tx, read, `SELECT s.status, COUNT(*) `+q.from+` WHERE `+q.where+` GROUP BY s.status`, q.args...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: status counts: %w", err)
	}
	return counts, nil
}

// everyStory reports whether f selects stories by status alone, in every
// edition: the desk's widest list.
func everyStory(f news.StoryFilter) bool {
	return f.Edition == "" && f.SectionID == 0 && f.TagID == 0 && f.AuthorID == 0 && f.OwnerID == 0 &&
		strings.TrimSpace(f.Query) == ""
}

// everyEdition is the FROM of the counters of every edition: every story
// counts in exactly one edition's scope.
const everyEdition = ` FROM story_counts c JOIN editions e ON c.scope = 'e:' || e.code`

// countedEverywhere reads the number of stories of every edition with the
// status, or every status but trashed.
func (tx *tx) countedEverywhere(ctx context.Context, status news.Status) (int, error) {
	var n int
	var err error
	if status != "" {
		err = tx.queryRow(ctx, `SELECT COALESCE(SUM(c.n), 0)`+everyEdition+` WHERE c.status = ?`, string(status)).Scan(&n)
	} else {
		err = tx.queryRow(ctx, `SELECT COALESCE(SUM(c.n), 0)`+everyEdition+` WHERE c.status <> 'trashed'`).Scan(&n)
	}
	return n, err
}
