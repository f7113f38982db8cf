package store

import (
	"slices"
	"strings"
)

// matcher is a parsed query turned into each database's query language,
// built from the analyser's stems only: nothing the reader typed reaches
// the database as syntax. A query is stemmed by every language it may
// meet (one edition's, or every edition's), and each clause matches any of
// its stemmings.
type matcher struct {
	// match selects the stories a ranked search returns; empty when the
	// query has only exclusions (or nothing).
	fts, tsq string
	// exclude selects the stories that a query of exclusions alone leaves
	// out; empty otherwise.
	ftsExclude, tsqExclude string
	// ftsAny and ftsNone are the alternatives and the exclusions apart;
	// tsqAny the alternatives as a tsquery.
	ftsAny, ftsNone, tsqAny string
	// editions are the codes of every edition, which filters name.
	editions []string
	// stems are the stems the query looks for, to mark in snippets.
	stems map[string]bool
}

// empty reports whether the query selects nothing by text, so that it
// lists what its filters select.
func (m matcher) empty() bool { return m.fts == "" && m.ftsExclude == "" }

// newMatcher compiles q for the analysers of the languages it may meet.
func newMatcher(q searchQuery, as []*analyser) matcher {
	m := matcher{stems: map[string]bool{}}
	var ftsAny, tsqAny []string
	for _, group := range q.any {
		var ftsAll, tsqAll []string
		for _, c := range group {
			f, t := m.clause(c, as, true)
			if f != "" {
				ftsAll = append(ftsAll, f)
				tsqAll = append(tsqAll, t)
			}
		}
		if len(ftsAll) > 0 {
			ftsAny = append(ftsAny, "("+strings.Join(ftsAll, " AND ")+")")
			tsqAny = append(tsqAny, "("+strings.Join(tsqAll, " & ")+")")
		}
	}
	var ftsNone, tsqNone []string
	for _, c := range q.none {
		if f, t := m.clause(c, as, false); f != "" {
			ftsNone = append(ftsNone, f)
			tsqNone = append(tsqNone, t)
		}
	}
	m.ftsAny, m.ftsNone = strings.Join(ftsAny, " OR "), strings.Join(ftsNone, " OR ")
	m.tsqAny = strings.Join(tsqAny, " | ")
	switch {
	case len(ftsAny) > 0 && len(ftsNone) > 0:
		m.fts = "(" + strings.Join(ftsAny, " OR ") + ") NOT (" + strings.Join(ftsNone, " OR ") + ")"
		m.tsq = "(" + strings.Join(tsqAny, " | ") + ") & !(" + strings.Join(tsqNone, " | ") + ")"
	case len(ftsAny) > 0:
		m.fts = strings.Join(ftsAny, " OR ")
		m.tsq = strings.Join(tsqAny, " | ")
	case len(ftsNone) > 0:
		m.ftsExclude = strings.Join(ftsNone, " OR ")
		m.tsqExclude = strings.Join(tsqNone, " | ")
	}
	return m
}

// ftsIn returns the query's alternatives as an FTS5 expression over the
// columns cols (an FTS5 column filter), without its exclusions; empty
// when the query has no alternatives.
func (m matcher) ftsIn(cols string) string {
	if m.ftsAny == "" {
		return ""
	}
	return cols + " : (" + m.ftsAny + ")"
}

// clause returns a clause as an FTS5 and a tsquery expression: the phrase
// of its stems, or any of its stemmings when languages differ. Both are
// empty when the clause holds no word.
func (m *matcher) clause(c clause, as []*analyser, mark bool) (string, string) {
	var fts, tsq []string
	var seen [][]string
	for _, a := range as {
		var stems []string
		for _, w := range c {
			stems = append(stems, a.terms(w)...)
		}
		if len(stems) == 0 || slices.ContainsFunc(seen, func(s []string) bool { return slices.Equal(s, stems) }) {
			continue
		}
		seen = append(seen, stems)
		if mark {
			for _, s := range stems {
				m.stems[s] = true
			}
		}
		// Stems hold letters and digits only; quoting them is still what
		// keeps a stem such as "and" or "near" from being read as syntax.
		fts = append(fts, `"`+strings.Join(stems, " ")+`"`)
		quoted := make([]string, len(stems))
		for i, s := range stems {
			quoted[i] = "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", "''") + "'"
		}
		tsq = append(tsq, strings.Join(quoted, " <-> "))
	}
	switch len(fts) {
	case 0:
		return "", ""
	case 1:
		return fts[0], "(" + tsq[0] + ")"
	}
	return "(" + strings.Join(fts, " OR ") + ")", "(" + strings.Join(tsq, " | ") + ")"
}
