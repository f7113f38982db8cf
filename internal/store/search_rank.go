package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// rankedPage returns the ids of one page of a search with words, in order
// of relevance, and the number of stories found: total, when it is known
// (not negative).
//
// Scoring a story costs SQLite's bm25 about a microsecond (its phrases'
// positions are read and the document's length looked up), and
// PostgreSQL's ts_rank_cd more (the story's tsvector is read from TOAST);
// two common words match tens of thousands of stories: tens or hundreds
// of milliseconds to score them all. So a search scores every story found
// only when they are at most rank.all. Past that it ranks by relevance the
// stories whose headline or lead (or, when those are still more than
// rank.fields, whose headline) holds the words, scored on those fields
// alone: in search_head on SQLite, the index of headlines and leads, and
// by the headline's own tsvector on PostgreSQL, which keeps no lead apart.
// A story whose headline and lead hold a query's words is about what the
// query asks; with a headline weighing ten times and a lead four times
// the body, such stories rank first in a full ranking too. The stories
// whose words are only in their body follow them, latest written first.
// The total stays exact.
func (tx *tx) rankedPage(ctx context.Context, q news.SearchQuery, m matcher, offset, size, total int) ([]int64, int, error) {
	w := tx.searchFrom(m)
	w.filter(q, true, true)
	if total < 0 {
		var err error
		if total, err = tx.countSearch(ctx, w); err != nil {
			return nil, 0, err
		}
	}
	if total <= tx.s.rank.all {
		ids, _, err := tx.rankedAll(ctx, q, m, offset, size)
		return ids, total, err
	}
	pool, n, err := tx.rankPool(ctx, q, m)
	if err != nil {
		return nil, 0, err
	}
	var ids []int64
	if offset < n {
		top, err := tx.scored(ctx, pool, m, max(rerankWindow, offset+size), 0)
		if err != nil {
			return nil, 0, err
		}
		if err := tx.rerank(ctx, top[:min(len(top), rerankWindow)], m); err != nil {
			return nil, 0, err
		}
		for _, s := range top[offset:min(offset+size, len(top))] {
			ids = append(ids, s.id)
		}
	}
	if len(ids) < size {
		more, err := tx.unranked(ctx, w, pool, size-len(ids), max(0, offset-n))
		if err != nil {
			return nil, 0, err
		}
		ids = append(ids, more...)
	}
	return ids, total, nil
}

// rankPool returns the search for the stories that a search too large to
// score in full ranks (in search_head on SQLite, by the headlines'
// tsvectors on PostgreSQL), and how many they are: at most rank.fields.
func (tx *tx) rankPool(ctx context.Context, q news.SearchQuery, m matcher) (searchSQL, int, error) {
	if tx.s.dialect == dialectPostgres {
		// The headline's words, and what the query asks of the whole
		// story (its exclusions).
		pool := searchSQL{where: []string{`d.head @@ to_tsquery('simple', ?)`, `d.doc @@ to_tsquery('simple', ?)`},
			args: []any{m.tsqAny, m.tsq}, editions: m.editions, head: true}
		pool.filter(q, true, true)
		return tx.boundPool(ctx, pool)
	}
	pool := tx.headPool(q, m, "{headline lead}")
	n, err := tx.countSearch(ctx, pool)
	if err != nil || n <= tx.s.rank.fields {
		return pool, n, err
	}
	return tx.boundPool(ctx, tx.headPool(q, m, "headline"))
}

// headPool returns the search over search_head of the stories whose
// columns cols hold the words of m.
func (tx *tx) headPool(q news.SearchQuery, m matcher, cols string) searchSQL {
	pool := m.ftsFrom("search_head", m.ftsIn(cols))
	pool.filter(q, true, true)
	if m.ftsNone != "" {
		// search_head holds no bodies: the stories whose text has an
		// excluded word are left out by search_text.
		pool.where = append(pool.where, `d.story_id NOT IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)`)
		pool.args = append(pool.args, m.ftsNone)
		pool.join = true
	}
	return pool
}

// boundPool returns pool, and how many it finds, as it is when those are
// at most rank.fields. Past that, for words so common that even the
// headlines holding them are too many to score, it keeps the latest
// written of them.
func (tx *tx) boundPool(ctx context.Context, pool searchSQL) (searchSQL, int, error) {
	n, err := tx.countSearch(ctx, pool)
	if err != nil || n <= tx.s.rank.fields {
		return pool, n, err
	}
	var floor int64
	if err := tx.queryRow(ctx, `SELECT `+pool.order()+pool.sql()+` ORDER BY `+pool.order()+` DESC LIMIT 1 OFFSET ?`,
		pool.params(tx.s.rank.fields-1)...).Scan(&floor); err != nil {
		return pool, 0, err
	}
	pool.where = append(pool.where, pool.order()+` >= ?`)
	pool.args = append(pool.args, floor)
	n, err = tx.countSearch(ctx, pool)
	return pool, n, err
}

// unranked returns limit of the stories that w finds and pool does not,
// after offset of them, latest written first.
func (tx *tx) unranked(ctx context.Context, w, pool searchSQL, limit, offset int) ([]int64, error) {
	inPool, err := queryAll(ctx, tx, scanID, `SELECT `+pool.id()+pool.sql(), pool.params()...)
	if err != nil {
		return nil, err
	}
	skip := make(map[int64]bool, len(inPool))
	for _, id := range inPool {
		skip[id] = true
	}
	rows, err := tx.query(ctx, `SELECT `+w.id()+w.sql()+` ORDER BY `+w.order()+` DESC`, w.params()...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() && len(ids) < limit {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		switch {
		case skip[id]:
		case offset > 0:
			offset--
		default:
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

// rankLimits bound SQLite's ranking: every story found is scored when
// they are at most all, and those whose headline or lead holds the words
// when they are at most fields.
type rankLimits struct{ all, fields int }

// defaultRankLimits keep a search's scoring to a few milliseconds.
var defaultRankLimits = rankLimits{all: 500, fields: 1000}

// rankedAll returns the ids of one page of a search with every story
// found ranked, and the number found.
func (tx *tx) rankedAll(ctx context.Context, q news.SearchQuery, m matcher, offset, size int) ([]int64, int, error) {
	if offset < rerankWindow {
		return tx.rerankedPage(ctx, q, m, offset, size)
	}
	w := tx.searchFrom(m)
	w.filter(q, true, true)
	scored, err := tx.scored(ctx, w, m, size, offset)
	var ids []int64
	total := 0
	for _, s := range scored {
		ids, total = append(ids, s.id), s.total
	}
	if len(scored) == 0 && err == nil {
		total, err = tx.countSearch(ctx, w)
	}
	return ids, total, err
}

// scoredID is a story found with its relevance, higher the better, its
// place by that relevance (from 1), and the number of stories found in
// all.
type scoredID struct {
	id    int64
	score float64
	rank  int
	total int
}

// scored returns the stories w selects, ranked by relevance to m's words:
// limit of them after offset, and those of also wherever they rank, in
// order of rank.
func (tx *tx) scored(ctx context.Context, w searchSQL, m matcher, limit, offset int, also ...int64) ([]scoredID, error) {
	now := tx.now.Unix()
	boost := fmt.Sprintf(`(1 + %g / (1 + MAX(0, ? - d.at) / %d.0))`, recencyBoost, recencyScale)
	var score string
	var args []any
	if tx.s.dialect == dialectPostgres {
		boost = strings.Replace(boost, "MAX(", "GREATEST(", 1)
		vector, query := "d.doc", m.tsq
		if w.head {
			vector, query = "d.head", m.tsqAny
		}
		score = `ts_rank_cd('` + tsWeights + `', ` + vector + `, to_tsquery('simple', ?), 1) * ` + boost
		args = []any{query, now}
	} else {
		// BM25 as SQLite computes it is negative, lower the better.
		weights := bm25Weights
		if w.table == "search_head" {
			weights = bm25HeadWeights
		}
		score = `-bm25(` + w.table + `, ` + weights + `) * ` + boost
		args = []any{now}
	}
	w.join = true
	args = append(args, w.params(offset, offset+limit)...)
	inAlso := ``
	if len(also) > 0 {
		inAlso = ` OR story_id IN (` + placeholders(len(also)) + `)`
		args = append(args, int64Args(also)...)
	}
	return queryAll(ctx, tx, func(r scanner) (scoredID, error) {
		var s scoredID
		err := r.Scan(&s.id, &s.score, &s.rank, &s.total)
		return s, err
	}, // Ranking reads every match anyway: counting them there too spares
		// a second pass over the index for the total. (SQLite's bm25 cannot
		// stand beside a window function, hence the materialised step.)
		`WITH found AS MATERIALIZED (SELECT d.story_id, `+score+` AS score, d.at`+w.sql()+`),
		ranked AS (SELECT story_id, score, ROW_NUMBER() OVER (ORDER BY score DESC, at DESC, story_id DESC) AS place,
			COUNT(*) OVER () AS total FROM found)
		SELECT story_id, score, place, total FROM ranked WHERE (place > ? AND place <= ?)`+inAlso+` ORDER BY place`, args...)
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
// the number of stories found in all, every story found ranked.
func (tx *tx) rerankedPage(ctx context.Context, q news.SearchQuery, m matcher, offset, size int) ([]int64, int, error) {
	// Stories whose headline holds the words, to rank again even when
	// they rank past the window.
	var hw searchSQL
	if tx.s.dialect == dialectPostgres {
		// The headline's own tsvector; what the query excludes is
		// checked against the whole story when the candidates are scored.
		hw = searchSQL{where: []string{`d.head @@ to_tsquery('simple', ?)`}, args: []any{m.tsq}}
	} else {
		hw = m.ftsFrom("search_head", m.ftsIn("headline"))
	}
	hw.filter(q, true, true)
	hw.join = true
	heads, err := queryAll(ctx, tx, scanID, `SELECT d.story_id`+hw.sql()+` ORDER BY d.at DESC, d.story_id DESC LIMIT ?`,
		hw.params(rerankWindow)...)
	if err != nil {
		return nil, 0, err
	}
	w := tx.searchFrom(m)
	w.filter(q, true, true)
	found, err := tx.scored(ctx, w, m, max(rerankWindow, offset+size), 0, heads...)
	if err != nil || len(found) == 0 {
		return nil, 0, err
	}
	isHead := make(map[int64]bool, len(heads))
	for _, id := range heads {
		isHead[id] = true
	}
	var top, rest []scoredID
	for _, s := range found {
		if s.rank <= rerankWindow || isHead[s.id] {
			top = append(top, s)
		} else {
			rest = append(rest, s)
		}
	}
	if err := tx.rerank(ctx, top, m); err != nil {
		return nil, 0, err
	}
	var ids []int64
	for _, s := range append(top, rest...) {
		ids = append(ids, s.id)
	}
	if offset >= len(ids) {
		return nil, found[0].total, nil
	}
	return ids[offset:min(offset+size, len(ids))], found[0].total, nil
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

// newestPage returns the ids of one page of a search sorted newest first,
// and the number of stories found: total, when it is known (not
// negative). Ordering by date reads every story found in search_docs;
// past rank.all of them SQLite reads them a span of years at a time,
// newest first, each span found by its date terms in the index, until
// the page is full: a page of recent stories reads only the recent ones.
// PostgreSQL orders them all.
func (tx *tx) newestPage(ctx context.Context, q news.SearchQuery, m matcher, offset, size, total int) ([]int64, int, error) {
	w := tx.searchFrom(m)
	w.filter(q, true, true)
	if total < 0 && w.table != "" {
		var err error
		if total, err = tx.countSearch(ctx, w); err != nil {
			return nil, 0, err
		}
	}
	if w.table == "" || total <= tx.s.rank.all {
		w.join = true
		ids, err := queryAll(ctx, tx, scanID, `SELECT d.story_id`+w.sql()+` ORDER BY d.at DESC, d.story_id DESC LIMIT ? OFFSET ?`,
			w.params(size, offset)...)
		return ids, total, err
	}
	var ids []int64
	seen := 0 // stories found in the spans read so far
	to, years := coverEnd, 0
	from := time.Date(tx.now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	for len(ids) < size && seen < total && to.After(coverStart) {
		span := w
		span.match += " AND meta : (" + strings.Join(quote(dateCover(from, to)), " OR ") + ")"
		span.join = true
		skip := max(0, offset-seen)
		if skip > 0 {
			n, err := tx.countSearch(ctx, span)
			if err != nil {
				return nil, 0, err
			}
			if n <= skip {
				seen += n
				to, from, years = nextSpan(from, years)
				continue
			}
		}
		got, err := queryAll(ctx, tx, scanID, `SELECT d.story_id`+span.sql()+` ORDER BY d.at DESC, d.story_id DESC LIMIT ? OFFSET ?`,
			span.params(size-len(ids), skip)...)
		if err != nil {
			return nil, 0, err
		}
		ids = append(ids, got...)
		seen += skip + len(got)
		to, from, years = nextSpan(from, years)
	}
	return ids, total, nil
}

// nextSpan returns the span of years before the one that starts at from
// and lasted years (0 for the first, open-ended span): twice as long, so
// that a search whose stories are old reads few spans.
func nextSpan(from time.Time, years int) (time.Time, time.Time, int) {
	years = max(1, 2*years)
	start := from.AddDate(-years, 0, 0)
	if start.Before(coverStart) {
		start = coverStart
	}
	return from, start, years
}
