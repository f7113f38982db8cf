package store

import (
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// On SQLite the search index holds, beside a story's words, the terms of
// what a search filters by, in its meta column: status, edition, section,
// media labels and the century, decade, year, month and day of
// publication (UTC). A filter is then part of the text match, which FTS5
// resolves in its own index, instead of a condition checked on a joined
// row for every story the words match: tens of thousands for two common
// words at 100,000 stories.
// What the index cannot hold exactly (a time range's edges, tags and
// authors) stays a condition on search_docs. The terms start with "_",
// which the index's tokenizer keeps in a word and the analyser never
// writes: no word of a story or a query is ever one of them.

// metaTerms returns the meta column of a story.
func metaTerms(st *news.Story) string {
	at := unixTime(searchTime(st))
	terms := []string{
		statusTerm(st.Status),
		editionTerm(st.Edition),
		"_se" + strconv.FormatInt(st.Section.ID, 10),
		"_ce" + strconv.Itoa(at.Year()/100), "_dc" + strconv.Itoa(at.Year()/10),
		"_yr" + at.Format("2006"), "_mo" + at.Format("200601"), "_dy" + at.Format("20060102"),
	}
	for _, l := range st.Labels {
		terms = append(terms, "_me"+string(l))
	}
	return strings.Join(terms, " ")
}

func statusTerm(s news.Status) string { return "_st" + string(s) }

// editionTerm is an edition's term: its code without the hyphen, which
// the tokenizer would split at. The first part of a code is letters only,
// so "0" marks where the hyphen was without ambiguity.
func editionTerm(code string) string {
	return "_ed" + strings.Replace(code, "-", "0", 1)
}

// dateCover returns the century, decade, year, month and day terms that
// together cover the UTC days which [from, to) touches: the largest whole
// units it spans, and smaller ones at its edges. to is exclusive; from is
// before to.
func dateCover(from, to time.Time) []string {
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	d, end := day(from.UTC()), day(to.UTC().Add(-time.Second)).AddDate(0, 0, 1)
	fits := func(years, months, days int) bool { return !d.AddDate(years, months, days).After(end) }
	var terms []string
	for d.Before(end) {
		newYear := d.YearDay() == 1
		switch {
		case newYear && d.Year()%100 == 0 && fits(100, 0, 0):
			terms = append(terms, "_ce"+strconv.Itoa(d.Year()/100))
			d = d.AddDate(100, 0, 0)
		case newYear && d.Year()%10 == 0 && fits(10, 0, 0):
			terms = append(terms, "_dc"+strconv.Itoa(d.Year()/10))
			d = d.AddDate(10, 0, 0)
		case newYear && fits(1, 0, 0):
			terms = append(terms, "_yr"+d.Format("2006"))
			d = d.AddDate(1, 0, 0)
		case d.Day() == 1 && fits(0, 1, 0):
			terms = append(terms, "_mo"+d.Format("200601"))
			d = d.AddDate(0, 1, 0)
		default:
			terms = append(terms, "_dy"+d.Format("20060102"))
			d = d.AddDate(0, 0, 1)
		}
	}
	return terms
}

// An open time range is covered from coverStart or to coverEnd, which no
// news story is dated outside of.
var (
	coverStart = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
	coverEnd   = time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
)

// maxCoverTerms bounds the terms of a time range in a match; past it, the
// range is left to the condition on search_docs alone.
const maxCoverTerms = 100

// searchSQL is the FROM and WHERE of a search, with their arguments. On
// SQLite a text search reads one of the full-text tables, search_text
// (every word) or search_head (headline and lead), with match as its
// MATCH expression, and joins search_docs (as d) only when a condition or
// the caller needs it.
type searchSQL struct {
	table    string
	join     bool
	match    string
	where    []string
	args     []any
	editions []string // every edition's code, for the edition filter
	// head ranks by the headline's tsvector on PostgreSQL.
	head bool
}

// id is the column of the stories' ids.
func (w searchSQL) id() string {
	if w.table != "" && !w.join {
		return w.table + ".rowid"
	}
	return "d.story_id"
}

// order is the column of the stories' ids to order by: the full-text
// table's own rowid when there is one, which it reads in order.
func (w searchSQL) order() string {
	if w.table != "" {
		return w.table + ".rowid"
	}
	return "d.story_id"
}

func (w searchSQL) sql() string {
	from := ` FROM search_docs d`
	where := w.where
	if w.table != "" {
		from = ` FROM ` + w.table
		if w.join {
			// CROSS JOIN makes SQLite read the text match first: left to
			// itself it may walk search_docs in the order a filter's index
			// gives and run the whole match again for every story.
			from += ` CROSS JOIN search_docs d ON d.story_id = ` + w.table + `.rowid`
		}
		where = append([]string{w.table + ` MATCH ?`}, where...)
	}
	if len(where) == 0 {
		return from
	}
	return from + ` WHERE ` + strings.Join(where, ` AND `)
}

// params returns the arguments of the SQL, then more.
func (w searchSQL) params(more ...any) []any {
	var ps []any
	if w.table != "" {
		ps = append(ps, w.match)
	}
	return append(append(ps, w.args...), more...)
}

// searchFrom starts a search's SQL from the text match of m, or from every
// story when m has no words to match.
func (tx *tx) searchFrom(m matcher) searchSQL {
	pg := tx.s.dialect == dialectPostgres
	switch {
	case m.fts != "" && pg:
		return searchSQL{where: []string{`d.doc @@ to_tsquery('simple', ?)`}, args: []any{m.tsq}}
	case m.fts != "":
		return m.ftsFrom("search_text", m.fts)
	case m.ftsExclude != "" && pg:
		return searchSQL{where: []string{`NOT (d.doc @@ to_tsquery('simple', ?))`}, args: []any{m.tsqExclude}}
	case m.ftsExclude != "":
		return searchSQL{where: []string{`d.story_id NOT IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)`},
			args: []any{m.ftsExclude}, editions: m.editions}
	}
	return searchSQL{editions: m.editions}
}

// ftsFrom starts a search's SQL on SQLite from an FTS5 expression on one
// of the full-text tables.
func (m matcher) ftsFrom(table, expr string) searchSQL {
	return searchSQL{table: table, match: "(" + expr + ")", editions: m.editions}
}

// filter adds q's filters, leaving out the section or the media filter
// for the facet that counts them. In the index, the filters that nearly
// every story passes (published, the edition) are written as exclusions
// of the few that do not: FTS5 reads a term's every story to intersect
// with it, but only as far as the matches to exclude one.
func (w *searchSQL) filter(q news.SearchQuery, section, media bool) {
	fts := w.table != ""
	add := func(cond string, args ...any) {
		w.where = append(w.where, cond)
		w.args = append(w.args, args...)
		w.join = true
	}
	var terms, excluded []string
	switch {
	case !q.Staff && fts:
		for _, s := range news.Statuses {
			if s != news.StatusPublished {
				excluded = append(excluded, statusTerm(s))
			}
		}
	case !q.Staff:
		add(`d.status = 'published'`)
	case q.Status != "" && fts:
		terms = append(terms, statusTerm(q.Status))
	case q.Status != "":
		add(`d.status = ?`, string(q.Status))
	case fts:
		excluded = append(excluded, statusTerm(news.StatusTrashed))
	default:
		add(`d.status <> 'trashed'`)
	}
	switch {
	case q.Edition != "" && fts:
		for _, code := range w.editions {
			if code != q.Edition {
				excluded = append(excluded, editionTerm(code))
			}
		}
	case q.Edition != "":
		add(`d.edition = ?`, q.Edition)
	}
	if section && q.SectionID != 0 && fts {
		terms = append(terms, "_se"+strconv.FormatInt(q.SectionID, 10))
	} else if section && q.SectionID != 0 {
		add(`d.section_id = ?`, q.SectionID)
	}
	if bit := mediaBit[q.Media]; media && bit != 0 && fts {
		terms = append(terms, "_me"+string(q.Media))
	} else if media && bit != 0 {
		add(`(d.media & ?) <> 0`, bit)
	}
	if q.TagID != 0 {
		add(`EXISTS (SELECT 1 FROM story_tags st WHERE st.story_id = d.story_id AND st.tag_id = ?)`, q.TagID)
	}
	if q.AuthorID != 0 {
		add(`EXISTS (SELECT 1 FROM story_authors sa WHERE sa.story_id = d.story_id AND sa.author_id = ?)`, q.AuthorID)
	}
	if !q.From.IsZero() {
		add(`d.at >= ?`, q.From.Unix())
	}
	if !q.To.IsZero() {
		add(`d.at < ?`, q.To.Unix())
	}
	if !fts {
		return
	}
	// The range's days narrow the match; the conditions above keep its
	// edges exact.
	if from, to := q.From, q.To; !from.IsZero() || !to.IsZero() {
		if from.IsZero() {
			from = coverStart
		}
		if to.IsZero() {
			to = coverEnd
		}
		if cover := dateCover(from, to); from.Before(to) && len(cover) <= maxCoverTerms {
			terms = append(terms, "("+strings.Join(quote(cover), " OR ")+")")
		}
	}
	if len(terms) > 0 {
		w.match += " AND meta : (" + strings.Join(quote(terms), " AND ") + ")"
	}
	if len(excluded) > 0 {
		w.match += " NOT meta : (" + strings.Join(quote(excluded), " OR ") + ")"
	}
}

// quote quotes the terms for an FTS5 expression, leaving a parenthesised
// expression as it is.
func quote(terms []string) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		if strings.HasPrefix(t, "(") {
			out[i] = t
		} else {
			out[i] = `"` + t + `"`
		}
	}
	return out
}
