package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"newsdesk/internal/markup"
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
	// bm25Weights are the headline, lead and body columns' weights.
	bm25Weights = "10.0, 4.0, 1.0"
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
	var codes []string
	if edition != "" {
		codes = []string{edition}
	} else {
		var err error
		if codes, err = queryAll(ctx, tx, scanString, `SELECT code FROM editions ORDER BY code`); err != nil {
			return matcher{}, false, err
		}
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
	return newMatcher(parseQuery(text), as), true, nil
}

func scanString(r scanner) (string, error) {
	var s string
	err := r.Scan(&s)
	return s, err
}

// searchSQL is the FROM and WHERE of a search, with their arguments.
type searchSQL struct {
	from  string
	where []string
	args  []any
}

// searchFrom starts a search's SQL from the text match of m, or from every
// story when m has no words to match.
func (tx *tx) searchFrom(m matcher) searchSQL {
	pg := tx.s.dialect == dialectPostgres
	switch {
	case m.fts != "" && pg:
		return searchSQL{from: ` FROM search_docs d`, where: []string{`d.doc @@ to_tsquery('simple', ?)`}, args: []any{m.tsq}}
	case m.fts != "":
		// CROSS JOIN makes SQLite read the text match first: left to
		// itself it may walk search_docs in the order a filter's index
		// gives and run the whole match again for every story, seconds
		// instead of milliseconds at 100,000 stories.
		return searchSQL{from: ` FROM search_text CROSS JOIN search_docs d ON d.story_id = search_text.rowid`,
			where: []string{`search_text MATCH ?`}, args: []any{m.fts}}
	case m.ftsExclude != "" && pg:
		return searchSQL{from: ` FROM search_docs d`, where: []string{`NOT (d.doc @@ to_tsquery('simple', ?))`}, args: []any{m.tsqExclude}}
	case m.ftsExclude != "":
		return searchSQL{from: ` FROM search_docs d`,
			where: []string{`d.story_id NOT IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)`}, args: []any{m.ftsExclude}}
	}
	return searchSQL{from: ` FROM search_docs d`}
}

// filter adds q's filters, leaving out the section or the media filter
// for the facet that counts them.
func (w *searchSQL) filter(q news.SearchQuery, section, media bool) {
	add := func(cond string, args ...any) {
		w.where = append(w.where, cond)
		w.args = append(w.args, args...)
	}
	switch {
	case !q.Staff:
		add(`d.status = 'published'`)
	case q.Status != "":
		add(`d.status = ?`, string(q.Status))
	default:
		add(`d.status <> 'trashed'`)
	}
	if q.Edition != "" {
		add(`d.edition = ?`, q.Edition)
	}
	if section && q.SectionID != 0 {
		add(`d.section_id = ?`, q.SectionID)
	}
	if q.TagID != 0 {
		add(`EXISTS (SELECT 1 FROM story_tags st WHERE st.story_id = d.story_id AND st.tag_id = ?)`, q.TagID)
	}
	if q.AuthorID != 0 {
		add(`EXISTS (SELECT 1 FROM story_authors sa WHERE sa.story_id = d.story_id AND sa.author_id = ?)`, q.AuthorID)
	}
	if bit := mediaBit[q.Media]; media && bit != 0 {
		add(`(d.media & ?) <> 0`, bit)
	}
	if !q.From.IsZero() {
		add(`d.at >= ?`, q.From.Unix())
	}
	if !q.To.IsZero() {
		add(`d.at < ?`, q.To.Unix())
	}
}

func (w searchSQL) sql() string {
	if len(w.where) == 0 {
		return w.from
	}
	return w.from + ` WHERE ` + strings.Join(w.where, ` AND `)
}

// search fills res with the page of q, its total and its facets.
func (tx *tx) search(ctx context.Context, q news.SearchQuery, m matcher, res *news.SearchResult) error {
	w := tx.searchFrom(m)
	w.filter(q, true, true)
	size := q.PageSize()
	offset := (res.Page - 1) * size
	var ids []int64
	var err error
	total := -1 // unknown
	switch {
	case m.fts != "" && q.Sort != news.SortNewest && offset < rerankWindow:
		ids, total, err = tx.rerankedPage(ctx, q, m, offset, size)
	case m.fts != "" && q.Sort != news.SortNewest:
		var scored []scoredID
		scored, err = tx.scored(ctx, w, m, size, offset)
		for _, s := range scored {
			ids, total = append(ids, s.id), s.total
		}
	default:
		ids, err = queryAll(ctx, tx, scanID, `SELECT d.story_id`+w.sql()+` ORDER BY d.at DESC, d.story_id DESC LIMIT ? OFFSET ?`,
			append(w.args, size, offset)...)
	}
	if err != nil {
		return err
	}
	if res.Hits, err = tx.searchHits(ctx, ids, m); err != nil {
		return err
	}
	if q.Facets {
		if err := tx.searchFacets(ctx, q, m, res); err != nil {
			return err
		}
	} else if total >= 0 {
		res.Total = total
	} else if len(ids) < size && (len(ids) > 0 || offset == 0) {
		res.Total = offset + len(ids)
	} else if err := tx.queryRow(ctx, `SELECT COUNT(*)`+w.sql(), w.args...).Scan(&res.Total); err != nil {
		return err
	}
	res.Pages = min((res.Total+size-1)/size, news.MaxSearchPage)
	return nil
}

// searchFacets counts q's results per section, leaving out q's section
// filter, and per media label, leaving out q's media filter, and the
// total: all from one pass that counts the results of every section and
// combination of media without either filter.
func (tx *tx) searchFacets(ctx context.Context, q news.SearchQuery, m matcher, res *news.SearchResult) error {
	w := tx.searchFrom(m)
	w.filter(q, false, false)
	type cell struct {
		section int64
		media   int
		n       int
	}
	cells, err := queryAll(ctx, tx, func(r scanner) (cell, error) {
		var c cell
		err := r.Scan(&c.section, &c.media, &c.n)
		return c, err
	}, `SELECT d.section_id, d.media, COUNT(*)`+w.sql()+` GROUP BY d.section_id, d.media`, w.args...)
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
		text := st.Lead
		if body := markup.Text(st.Body); body != "" {
			text += "\n\n" + body
		}
		hits = append(hits, news.SearchHit{
			Story:    st,
			Headline: a.mark(st.Headline, m.stems),
			Snippet:  a.snippet(text, m.stems, snippetWords),
		})
	}
	return hits, nil
}

// scoredID is a story found with its relevance, higher the better, and
// the number of stories found in all.
type scoredID struct {
	id    int64
	score float64
	total int
}

// scored returns the stories w selects, ranked by relevance to m's words,
// limit of them after offset.
func (tx *tx) scored(ctx context.Context, w searchSQL, m matcher, limit, offset int) ([]scoredID, error) {
	now := tx.now.Unix()
	boost := fmt.Sprintf(`(1 + %g / (1 + MAX(0, ? - d.at) / %d.0))`, recencyBoost, recencyScale)
	var score string
	var args []any
	if tx.s.dialect == dialectPostgres {
		boost = strings.Replace(boost, "MAX(", "GREATEST(", 1)
		score = `ts_rank_cd('` + tsWeights + `', d.doc, to_tsquery('simple', ?), 1) * ` + boost
		args = []any{m.tsq, now}
	} else {
		// BM25 as SQLite computes it is negative, lower the better.
		score = `-bm25(search_text, ` + bm25Weights + `) * ` + boost
		args = []any{now}
	}
	args = append(append(args, w.args...), limit, offset)
	return queryAll(ctx, tx, func(r scanner) (scoredID, error) {
		var s scoredID
		err := r.Scan(&s.id, &s.score, &s.total)
		return s, err
	}, // Ranking reads every match anyway: counting them there too spares
		// a second pass over the index for the total. (SQLite's bm25 cannot
		// stand beside a window function, hence the materialised step.)
		`WITH found AS MATERIALIZED (SELECT d.story_id, `+score+` AS score, d.at`+w.sql()+`)
		SELECT story_id, score, COUNT(*) OVER () FROM found ORDER BY score DESC, at DESC, story_id DESC LIMIT ? OFFSET ?`, args...)
}

// The first rerankWindow results of a ranked search are ranked again by
// how well the query matches each one's headline. A reader who types a
// headline, or most of one, wants that story; but BM25 saturates the
// count of a word (a headline's weight buys little over a mention in a
// short body) and cover density ignores how rare a word is. So the
// candidates are the best rerankWindow by the database's rank and the
// best rerankWindow of those whose headline holds the query's words, and
// each one's rank is multiplied by 1 + headlineBonus times the overlap
// (Jaccard) of the query's stems and the headline's. Pages past the
// window follow the database's rank alone.
const (
	rerankWindow  = 60
	headlineBonus = 2.0
)

// rerankedPage returns the ids of one page within the rerank window and
// the number of stories found in all.
func (tx *tx) rerankedPage(ctx context.Context, q news.SearchQuery, m matcher, offset, size int) ([]int64, int, error) {
	w := tx.searchFrom(m)
	w.filter(q, true, true)
	top, err := tx.scored(ctx, w, m, max(rerankWindow, offset+size), 0)
	if err != nil || len(top) == 0 {
		return nil, 0, err
	}
	total := top[0].total
	rest := []scoredID{}
	if len(top) > rerankWindow {
		top, rest = top[:rerankWindow], top[rerankWindow:]
	}
	// Stories whose headline matches but rank past the window.
	have := make(map[int64]bool, len(top))
	for _, s := range top {
		have[s.id] = true
	}
	hw := tx.searchFrom(matcher{fts: m.ftsHead, tsq: m.tsq})
	if tx.s.dialect == dialectPostgres {
		// The headline's own tsvector; what the query excludes is
		// checked against the whole story when the candidates are scored.
		hw.where[0] = `d.head @@ to_tsquery('simple', ?)`
	}
	hw.filter(q, true, true)
	heads, err := queryAll(ctx, tx, scanID, `SELECT d.story_id`+hw.sql()+` ORDER BY d.at DESC, d.story_id DESC LIMIT ?`,
		append(hw.args, rerankWindow)...)
	if err != nil {
		return nil, 0, err
	}
	var extra []int64
	for _, id := range heads {
		if !have[id] {
			extra = append(extra, id)
		}
	}
	if len(extra) > 0 {
		ew := tx.searchFrom(m)
		ew.where = append(ew.where, `d.story_id IN (`+placeholders(len(extra))+`)`)
		ew.args = append(ew.args, int64Args(extra)...)
		more, err := tx.scored(ctx, ew, m, len(extra), 0)
		if err != nil {
			return nil, 0, err
		}
		top = append(top, more...)
	}
	if err := tx.rerank(ctx, top, m); err != nil {
		return nil, 0, err
	}
	var ids []int64
	for _, s := range append(top, rest...) {
		ids = append(ids, s.id)
	}
	if offset >= len(ids) {
		return nil, total, nil
	}
	return ids[offset:min(offset+size, len(ids))], total, nil
}

// rerank multiplies each candidate's score by its headline's match of the
// query and sorts them, best first.
func (tx *tx) rerank(ctx context.Context, cands []scoredID, m matcher) error {
	if len(cands) == 0 {
		return nil
	}
	ids := make([]int64, len(cands))
	for i, c := range cands {
		ids[i] = c.id
	}
	type headline struct {
		id            int64
		edition, text string
	}
	heads, err := queryAll(ctx, tx, func(r scanner) (headline, error) {
		var h headline
		err := r.Scan(&h.id, &h.edition, &h.text)
		return h, err
	}, `SELECT id, edition, headline FROM stories WHERE id IN (`+placeholders(len(ids))+`)`, int64Args(ids)...)
	if err != nil {
		return err
	}
	overlap := make(map[int64]float64, len(heads))
	for _, h := range heads {
		a, err := tx.analyser(ctx, h.edition)
		if err != nil {
			return err
		}
		words := map[string]bool{}
		a.each(h.text, func(t term) { words[t.stem] = true })
		both := 0
		for s := range words {
			if m.stems[s] {
				both++
			}
		}
		if union := len(words) + len(m.stems) - both; union > 0 {
			overlap[h.id] = float64(both) / float64(union)
		}
	}
	for i := range cands {
		cands[i].score *= 1 + headlineBonus*overlap[cands[i].id]
	}
	slices.SortStableFunc(cands, func(a, b scoredID) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	return nil
}
