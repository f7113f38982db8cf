package store

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in   string
		want searchQuery
	}{
		{"", searchQuery{}},
		{"   ", searchQuery{}},
		{"storm", searchQuery{any: [][]clause{{{"storm"}}}}},
		{"storm  coast", searchQuery{any: [][]clause{{{"storm"}, {"coast"}}}}},
		{`"north coast" storm`, searchQuery{any: [][]clause{{{"north", "coast"}, {"storm"}}}}},
		{`storm "north coast`, searchQuery{any: [][]clause{{{"storm"}, {"north", "coast"}}}}},
		{`storm -flood`, searchQuery{any: [][]clause{{{"storm"}}}, none: []clause{{"flood"}}}},
		{`-"north coast" storm`, searchQuery{any: [][]clause{{{"storm"}}}, none: []clause{{"north", "coast"}}}},
		{`storm OR flood rain`, searchQuery{any: [][]clause{{{"storm"}}, {{"flood"}, {"rain"}}}}},
		{`OR storm OR OR`, searchQuery{any: [][]clause{{{"storm"}}}}},
		{`storm or flood`, searchQuery{any: [][]clause{{{"storm"}, {"or"}, {"flood"}}}}},
		{`- storm +coast`, searchQuery{any: [][]clause{{{"storm"}, {"coast"}}}}},
		{`-`, searchQuery{}},
		{`""`, searchQuery{}},
		{`e-mail`, searchQuery{any: [][]clause{{{"e-mail"}}}}},
		{`a"b"c`, searchQuery{any: [][]clause{{{"a"}, {"b"}, {"c"}}}}},
		{`-OR`, searchQuery{none: []clause{{"OR"}}}},
	}
	for _, c := range cases {
		if got := parseQuery(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseQuery(%q) = %#v, want %#v", c.in, got, c.want)
		}
	}
}

func TestMatcher(t *testing.T) {
	en := []*analyser{newAnalyser("en")}
	both := []*analyser{newAnalyser("en"), newAnalyser("fr")}
	cases := []struct {
		in        string
		as        []*analyser
		fts, tsq  string
		ftsExcl   string
		wantStems []string
	}{
		{"Killed", en, `("kill")`, `(('kill'))`, "", []string{"kill"}},
		{`"North Coast" -storms`, en, `(("north coast")) NOT ("storm")`, `((('north' <-> 'coast'))) & !(('storm'))`, "", []string{"north", "coast"}},
		{`a OR b`, en, `("a") OR ("b")`, `(('a')) | (('b'))`, "", []string{"a", "b"}},
		{`-storms`, en, "", "", `"storm"`, nil},
		{`NEAR AND NOT`, en, `("near" AND "and" AND "not")`, `(('near') & ('and') & ('not'))`, "", []string{"near", "and", "not"}},
		{`* ^ : ( )`, en, "", "", "", nil},
		{`running`, both, `(("run" OR "running"))`, `(('run' | 'running'))`, "", []string{"run", "running"}},
		{`Ракеты`, en, `("ракет")`, `(('ракет'))`, "", []string{"ракет"}},
		{`ЁЛКИ Café`, en, `("елк" AND "cafe")`, `(('елк') & ('cafe'))`, "", []string{"елк", "cafe"}},
	}
	for _, c := range cases {
		m := newMatcher(parseQuery(c.in), c.as)
		if m.fts != c.fts || m.tsq != c.tsq || m.ftsExclude != c.ftsExcl {
			t.Errorf("%q: fts %q, tsq %q, exclude %q; want %q, %q, %q", c.in, m.fts, m.tsq, m.ftsExclude, c.fts, c.tsq, c.ftsExcl)
		}
		for _, s := range c.wantStems {
			if !m.stems[s] {
				t.Errorf("%q: stems %v lack %q", c.in, m.stems, s)
			}
		}
		if len(m.stems) != len(c.wantStems) {
			t.Errorf("%q: stems %v, want %v", c.in, m.stems, c.wantStems)
		}
	}
}

// FuzzQuery checks that any text parses and compiles to expressions made
// of quoted stems and the operators newsdesk writes, never of the text's
// own syntax.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{"", `"`, `-`, `OR`, `a OR -b "c d`, `NEAR(a b)`, `col:word`, `a*`, `^x`, `'; DROP TABLE stories; --`,
		"\xff\xfe", `!(a | b) & c <-> d`, `ракеты -"Ёлки" OR café`} {
		f.Add(s)
	}
	as := []*analyser{newAnalyser("en"), newAnalyser("de")}
	f.Fuzz(func(t *testing.T, s string) {
		m := newMatcher(parseQuery(s), as)
		for _, expr := range []string{m.fts, m.ftsExclude, m.ftsNone, strings.Replace(m.ftsIn("headline"), "headline :", "", 1)} {
			// Outside quotes only parentheses, spaces and the operators.
			rest := stripQuoted(t, expr, '"')
			for _, w := range strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(rest)) {
				if w != "AND" && w != "OR" && w != "NOT" {
					t.Fatalf("%q: FTS5 expression %q holds %q outside quotes", s, expr, w)
				}
			}
		}
		for _, expr := range []string{m.tsq, m.tsqExclude} {
			rest := stripQuoted(t, expr, '\'')
			for _, w := range strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(rest)) {
				if w != "&" && w != "|" && w != "!" && w != "<->" {
					t.Fatalf("%q: tsquery %q holds %q outside quotes", s, expr, w)
				}
			}
		}
		for stem := range m.stems {
			if !utf8.ValidString(stem) || strings.ContainsAny(stem, "\"' \\") {
				t.Fatalf("%q: stem %q", s, stem)
			}
		}
	})
}

// stripQuoted removes the quoted parts of expr, failing on a quote left
// open.
func stripQuoted(t *testing.T, expr string, quote byte) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(expr); i++ {
		switch {
		case expr[i] == quote:
			in = !in
			b.WriteByte(' ')
		case !in:
			b.WriteByte(expr[i])
		}
	}
	if in {
		t.Fatalf("expression %q leaves a quote open", expr)
	}
	return b.String()
}
