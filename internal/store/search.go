package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"newsdesk/internal/news"
)

// Ranking. SQLite ranks by BM25 and PostgreSQL by cover density
// (ts_rank_cd), each weighing a match in the headline over one in the
// lead, and the lead over the body, by the weights below. Both scores are
// then multiplied by a mild preference for recent stories:
//
//	1 + recencyBoost / (1 + age / recencyScale)
//
// which gives a story published now 20% more than its score, one a month
// old 10% and one a year old under 2%, so that of two equally good
// matches the newer comes first without news of the day burying the best
// match.
const (
	recencyBoost = 0.2
	recencyScale = 30 * 24 * 3600 // seconds
	// bm25Weights are the headline, lead and body columns' weights, and
	// the meta column's, which holds no words.
	bm25Weights = "10.0, 4.0, 1.0, 0.0"
	// bm25HeadWeights are search_head's: headline, lead and meta.
	bm25HeadWeights = "10.0, 4.0, 0.0"
	// tsWeights are PostgreSQL's weights of D, C (body), B (lead), A
	// (headline), in its order.
	tsWeights = "{0.05, 0.2, 0.5, 1.0}"
)

// Search finds the stories that q selects, one page of them with their
// headlines and snippets marked, the total and, when q.Facets is set, the
// counts per section and media label. Any text is a valid query: one that
// holds no word lists what the filters select, newest first. An edition
// that does not exist finds nothing.
func (s *Store) Search(ctx context.Context, q news.SearchQuery) (news.SearchResult, error) {
	res := news.SearchResult{Page: min(max(q.Page, 1), news.MaxSearchPage)}
	err := s.view(ctx, func(tx *tx) error {
		m, ok, err := tx.matcher(ctx, q.Text, q.Edition)
		if err != nil || !ok {
			return err
		}
		return tx.search(ctx, q, m, &res)
	})
	if err != nil {
		return news.SearchResult{}, fmt.Errorf("store: search: %w", err)
	}
	return res, nil
}

// matcher compiles a query for the languages of edition, or of every
// edition when it is empty; ok is false when the edition does not exist.
func (tx *tx) matcher(ctx context.Context, text, edition string) (matcher, bool, error) {
	all, err := queryAll(ctx, tx, scanString, `SELECT code FROM editions ORDER BY code`)
	if err != nil {
		return matcher{}, false, err
	}
	codes := all
	if edition != "" {
		codes = []string{edition}
	}
	var as []*analyser
	for _, code := range codes {
		a, err := tx.analyser(ctx, code)
		if errors.Is(err, sql.ErrNoRows) {
			return matcher{}, false, nil
		}
		if err != nil {
			return matcher{}, false, err
		}
		as = append(as, a)
	}
	if len(as) == 0 {
		return matcher{}, false, nil
	}
	m := newMatcher(parseQuery(text), as)
	m.editions = all
	return m, true, nil
}

func scanString(r scanner) (string, error) {
	var s string
	err := r.Scan(&s)
	return s, err
}

// search fills res with the page of q, its total and its facets.
func (tx *tx) search(ctx context.Context, q news.SearchQuery, m matcher, res *news.SearchResult) error {
	w := tx.searchFrom(m)
	w.filter(q, true, true)
	size := q.PageSize()
	offset := (res.Page - 1) * size
	total := -1 // unknown
	if q.Facets {
		// The facets count the stories found: the ranking need not.
		if err := tx.searchFacets(ctx, q, m, res); err != nil {
			return err
		}
		total = res.Total
	}
	var ids []int64
	var err error
	switch {
	case m.fts != "" && q.Sort != news.SortNewest:
		ids, total, err = tx.rankedPage(ctx, q, m, offset, size, total)
	case m.fts != "":
		ids, total, err = tx.newestPage(ctx, q, m, offset, size, total)
	default:
		w.join = true
		ids, err = queryAll(ctx, tx, scanID, `SELECT d.story_id`+w.sql()+` ORDER BY d.at DESC, d.story_id DESC LIMIT ? OFFSET ?`,
			w.params(size, offset)...)
	}
	if err != nil {
		return err
	}
	if res.Hits, err = tx.searchHits(ctx, ids, m); err != nil {
		return err
	}
	switch {
	case total >= 0:
		res.Total = total
	case len(ids) < size && (len(ids) > 0 || offset == 0):
		res.Total = offset + len(ids)
	default:
		if res.Total, err = tx.countSearch(ctx, w); err != nil {
			return err
		}
	}
	res.Pages = min((res.Total+size-1)/size, news.MaxSearchPage)
	return nil
}

// countSearch counts the stories w selects.
func (tx *tx) countSearch(ctx context.Context, w searchSQL) (int, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*)`+w.sql(), w.params()...).Scan(&n)
	return n, err
}

// searchFacets counts q's results per section, leaving out q's section
// filter, and per media label, leaving out q's media filter, and the
// total: all from one pass that counts the results of every section and
// combination of media without either filter.
func (tx *tx) searchFacets(ctx context.Context, q news.SearchQuery, m matcher, res *news.SearchResult) error {
	w := tx.searchFrom(m)
	w.filter(q, false, false)
	w.join = true
	type cell struct {
		section int64
		media   int
		n       int
	}
	cells, err := queryAll(ctx, tx, func(r scanner) (cell, error) {
		var c cell
		err := r.Scan(&c.section, &c.media, &c.n)
		return c, err
	}, `SELECT d.section_id, d.media, COUNT(*)`+w.sql()+` GROUP BY d.section_id, d.media`, w.params()...)
	if err != nil {
		return err
	}
	bit := mediaBit[q.Media]
	bySection := map[int64]int{}
	byMedia := map[news.MediaLabel]int{}
	res.Total = 0
	for _, c := range cells {
		inMedia := bit == 0 || c.media&bit != 0
		inSection := q.SectionID == 0 || c.section == q.SectionID
		if inMedia {
			bySection[c.section] += c.n
		}
		if inSection {
			for l, b := range mediaBit {
				if c.media&b != 0 {
					byMedia[l] += c.n
				}
			}
		}
		if inMedia && inSection {
			res.Total += c.n
		}
	}
	res.Media = nil
	for _, l := range news.MediaLabels {
		if byMedia[l] > 0 {
			res.Media = append(res.Media, news.MediaFacet{Label: l, Count: byMedia[l]})
		}
	}
	res.Sections = nil
	if len(bySection) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(bySection))
	for id := range bySection {
		ids = append(ids, id)
	}
	secs, err := queryAll(ctx, tx, func(r scanner) (news.Section, error) {
		var sec news.Section
		err := r.Scan(&sec.ID, &sec.Edition, &sec.Slug, &sec.Name, &sec.Position)
		return sec, err
	}, `SELECT id, edition, slug, name, position FROM sections WHERE id IN (`+placeholders(len(ids))+`)`, int64Args(ids)...)
	if err != nil {
		return err
	}
	for _, sec := range secs {
		if n := bySection[sec.ID]; n > 0 {
			res.Sections = append(res.Sections, news.SectionFacet{Section: sec, Count: n})
		}
	}
	slices.SortFunc(res.Sections, func(a, b news.SectionFacet) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Section.Edition, b.Section.Edition); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Section.Position, b.Section.Position); c != 0 {
			return c
		}
		return cmp.Compare(a.Section.ID, b.Section.ID)
	})
	return nil
}

// searchHits reads the stories of ids, in that order, and marks in their
// headlines and snippets the words m looks for.
func (tx *tx) searchHits(ctx context.Context, ids []int64, m matcher) ([]news.SearchHit, error) {
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
	hits := make([]news.SearchHit, 0, len(ids))
	for _, id := range ids {
		st, ok := byID[id]
		if !ok {
			continue
		}
		a, err := tx.analyser(ctx, st.Edition)
		if err != nil {
			return nil, err
		}
		hits = append(hits, news.SearchHit{
			Story:    st,
			Headline: a.mark(st.Headline, m.stems),
			Snippet:  a.storySnippet(&st, m.stems),
		})
	}
	return hits, nil
}
