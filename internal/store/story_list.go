package store

import (
	"context"
	"fmt"
	"strings"

	"newsdesk/internal/news"
)

// ListStories returns one page of the stories that f selects, newest first,
// with their sections, tags, bylines and labels, and the total across all
// pages unless f.NoTotal is set. The page costs a fixed number of queries
// however long it is.
func (s *Store) ListStories(ctx context.Context, f news.StoryFilter) (news.StoryList, error) {
	list := news.StoryList{Page: max(f.Page, 1)}
	err := s.view(ctx, func(tx *tx) error {
		text, err := tx.textCondition(ctx, f)
		if err != nil {
			return err
		}
		q := buildQuery(f, true, text)
		limit, offset := f.PageSize(), f.Offset()
		list.Stories, err = tx.storiesWhere(ctx, q.from, q.where, q.order+` LIMIT ? OFFSET ?`,
			append(q.args, limit, offset)...)
		if err != nil || f.NoTotal {
			return err
		}
		list.Total, err = tx.listTotal(ctx, f, q, len(list.Stories))
		return err
	})
	if err != nil {
		return news.StoryList{}, fmt.Errorf("store: list stories: %w", err)
	}
	list.Pages = (list.Total + f.PageSize() - 1) / f.PageSize()
	return list, nil
}

// listTotal returns the number of stories f selects, given that the page
// at f's offset held found of them.
func (tx *tx) listTotal(ctx context.Context, f news.StoryFilter, q listQuery, found int) (int, error) {
	if found < f.PageSize() && (found > 0 || f.Offset() == 0) {
		// The last page: what came before it and what is on it is all.
		return f.Offset() + found, nil
	}
	if everyStory(f) && len(f.Exclude) == 0 {
		return tx.countedEverywhere(ctx, f.Status)
	}
	scope := countScope(f)
	if scope == "" || found == 0 {
		// No counter covers f, or a page past the end, where a counter
		// could count stories of a section or tag of another edition
		// than f's: count the rows.
		var n int
		err := tx.queryRow(ctx, `SELECT COUNT(*) `+q.from+` WHERE `+q.where, q.args...).Scan(&n)
		return n, err
	}
	n, err := tx.countedTotal(ctx, scope, f.Status)
	if err != nil || len(f.Exclude) == 0 {
		return n, err
	}
	// The counter includes the excluded stories that match the rest of f.
	excluded, err := tx.countExcluded(ctx, f)
	return n - excluded, err
}

// countExcluded returns how many of f.Exclude match the rest of f. They
// are a few ids, so they are looked up by primary key: the other
// conditions are written as expressions that no index serves (a number
// plus 0, a text joined to the empty string). Else SQLite, which keeps no
// statistics here, prefers an index of the section, edition or tag and
// walks all its stories.
func (tx *tx) countExcluded(ctx context.Context, f news.StoryFilter) (int, error) {
	where := []string{`s.id IN (` + placeholders(len(f.Exclude)) + `)`}
	args := int64Args(f.Exclude)
	if f.TagID != 0 {
		where = append(where, `EXISTS (SELECT 1 FROM story_tags st WHERE st.story_id = s.id AND st.tag_id = ?)`)
		args = append(args, f.TagID)
	}
	if f.AuthorID != 0 {
		where = append(where, `EXISTS (SELECT 1 FROM story_authors sa WHERE sa.story_id = s.id AND sa.author_id = ?)`)
		args = append(args, f.AuthorID)
	}
	if f.Edition != "" {
		where = append(where, `s.edition || '' = ?`)
		args = append(args, f.Edition)
	}
	if f.SectionID != 0 {
		where = append(where, `s.section_id + 0 = ?`)
		args = append(args, f.SectionID)
	}
	if f.Status != "" {
		where = append(where, `s.status || '' = ?`)
		args = append(args, string(f.Status))
	} else {
		where = append(where, `s.status || '' <> 'trashed'`)
	}
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM stories s WHERE `+strings.Join(where, ` AND `), args...).Scan(&n)
	return n, err
}

// listQuery is the FROM, WHERE and ORDER BY of a story list. from does not
// join sections, so that counting needs no join.
type listQuery struct {
	from, where, order string
	args               []any
}

// textCond is the condition that a story matches a filter's query, with
// its arguments; empty for a filter without one.
type textCond struct {
	cond string
	args []any
}

// textCondition returns the condition that selects the stories matching
// f.Query through the search index, as a search of f's edition (or of
// every edition) would find them.
func (tx *tx) textCondition(ctx context.Context, f news.StoryFilter) (textCond, error) {
	if strings.TrimSpace(f.Query) == "" {
		return textCond{}, nil
	}
	m, ok, err := tx.matcher(ctx, f.Query, f.Edition)
	if err != nil || !ok {
		return textCond{cond: `1 = 0`}, err
	}
	pg := tx.s.dialect == dialectPostgres
	switch {
	case m.fts != "" && pg:
		return textCond{`s.id IN (SELECT d.story_id FROM search_docs d WHERE d.doc @@ to_tsquery('simple', ?))`, []any{m.tsq}}, nil
	case m.fts != "":
		return textCond{`s.id IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)`, []any{m.fts}}, nil
	case m.ftsExclude != "" && pg:
		return textCond{`s.id NOT IN (SELECT d.story_id FROM search_docs d WHERE d.doc @@ to_tsquery('simple', ?))`, []any{m.tsqExclude}}, nil
	case m.ftsExclude != "":
		return textCond{`s.id NOT IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)`, []any{m.ftsExclude}}, nil
	}
	return textCond{}, nil
}

// buildQuery returns the list query of f with the condition text on its
// query; byStatus false leaves out any condition on the status, for
// counts per status.
func buildQuery(f news.StoryFilter, byStatus bool, text textCond) listQuery {
	q := listQuery{from: ` FROM stories s`}
	var where []string
	// statusOf and orderOf name the columns that the list's index holds:
	// a tag page reads story_tags' own copy of status and publication time.
	statusOf, orderOf := "s.status", "s.published_at DESC NULLS LAST, s.id DESC"
	if f.TagID != 0 {
		q.from += ` JOIN story_tags st ON st.story_id = s.id`
		where = append(where, `st.tag_id = ?`)
		q.args = append(q.args, f.TagID)
		statusOf, orderOf = "st.status", "st.published_at DESC NULLS LAST, st.story_id DESC"
	}
	if f.AuthorID != 0 {
		q.from += ` JOIN story_authors sa ON sa.story_id = s.id`
		where = append(where, `sa.author_id = ?`)
		q.args = append(q.args, f.AuthorID)
	}
	if f.Edition != "" {
		where = append(where, `s.edition = ?`)
		q.args = append(q.args, f.Edition)
	}
	if f.SectionID != 0 {
		where = append(where, `s.section_id = ?`)
		q.args = append(q.args, f.SectionID)
	}
	switch {
	case !byStatus:
	case f.Status != "":
		where = append(where, statusOf+` = ?`)
		q.args = append(q.args, string(f.Status))
	default:
		where = append(where, statusOf+` <> 'trashed'`)
	}
	if f.OwnerID != 0 {
		// The second condition, true of every owner, lets the partial
		// index stories_owner serve: neither database reads it into a
		// parameter.
		where = append(where, `s.owner_id = ?`, `s.owner_id <> 0`)
		q.args = append(q.args, f.OwnerID)
	}
	if text.cond != "" {
		where = append(where, text.cond)
		q.args = append(q.args, text.args...)
	}
	if len(f.Exclude) > 0 {
		where = append(where, `s.id NOT IN (`+placeholders(len(f.Exclude))+`)`)
		q.args = append(q.args, int64Args(f.Exclude)...)
	}
	if c := f.After; c != nil {
		// The list's order columns, so that its index serves the cursor.
		at, id := "s.published_at", "s.id"
		if f.TagID != 0 {
			at, id = "st.published_at", "st.story_id"
		}
		where = append(where, `(`+at+` < ? OR (`+at+` = ? AND `+id+` < ?))`)
		q.args = append(q.args, normTime(c.PublishedAt), normTime(c.PublishedAt), c.ID)
	}
	if f.DeskOrder {
		// The expression of the stories_desk_* indexes, word for word.
		orderOf = "COALESCE(s.published_at, s.created_at) DESC, s.id DESC"
	}
	q.where = strings.Join(where, ` AND `)
	q.order = ` ORDER BY ` + orderOf
	return q
}

// storiesWhere returns the stories that from and where select, ordered and
// limited by tail, with their tags and bylines.
func (tx *tx) storiesWhere(ctx context.Context, from, where, tail string, args ...any) ([]news.Story, error) {
	sts, err := queryAll(ctx, tx, scanStory, `SELECT `+storyColumns+from+` JOIN sections sec ON sec.id = s.section_id WHERE `+where+tail, args...)
	if err != nil {
		return nil, err
	}
	if err := tx.fillLinks(ctx, sts); err != nil {
		return nil, err
	}
	return sts, nil
}
