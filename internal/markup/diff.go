package markup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DiffKind says whether a run of a word diff is in both texts, only in the
// new one or only in the old one.
type DiffKind int

// Kinds of diff runs.
const (
	DiffEqual DiffKind = iota
	DiffInsert
	DiffDelete
)

// DiffOp is one run of a word diff: Text is kept, inserted or deleted
// according to Kind. The runs of kinds Equal and Delete spell the old text,
// those of kinds Equal and Insert the new one, apart from white space
// between words that changed only in its amount.
type DiffOp struct {
	Kind DiffKind
	Text string
}

// maxDiffEdits bounds the work of DiffWords: the Myers algorithm keeps a
// trace whose size grows with the square of the number of edits. Texts
// further apart than this are shown as the old middle deleted and the new
// middle inserted, which is what so many edits read like anyway.
const maxDiffEdits = 1000

// DiffWords compares two plain texts word by word and returns the runs
// that turn a into b, with the fewest words inserted and deleted. Words
// are runs of letters and digits; every other visible character counts as
// a word of its own, so a changed comma does not mark its word as changed.
// White space goes with the word before it and is not compared, except
// that a paragraph break ("\n\n") is a word too, so paragraphs stay apart.
func DiffWords(a, b string) []DiffOp {
	ta, tb := diffTokens(a), diffTokens(b)
	// Common ends cost nothing to find and keep the edit graph small.
	pre := 0
	for pre < len(ta) && pre < len(tb) && ta[pre].key == tb[pre].key {
		pre++
	}
	suf := 0
	for suf < len(ta)-pre && suf < len(tb)-pre && ta[len(ta)-1-suf].key == tb[len(tb)-1-suf].key {
		suf++
	}
	var d diffBuilder
	for i := range pre {
		d.same(ta[i], tb[i])
	}
	myers(ta[pre:len(ta)-suf], tb[pre:len(tb)-suf], &d)
	for i := suf; i > 0; i-- {
		d.same(ta[len(ta)-i], tb[len(tb)-i])
	}
	return d.ops
}

// DiffHTML compares the visible text of two HTML fragments word by word,
// as DiffWords does: how a story body reads, not how it is marked up.
func DiffHTML(a, b string) []DiffOp {
	return DiffWords(Text(a), Text(b))
}

// DiffChanged reports whether ops holds any insertion or deletion.
func DiffChanged(ops []DiffOp) bool {
	for _, op := range ops {
		if op.Kind != DiffEqual {
			return true
		}
	}
	return false
}

// diffToken is a word with the white space after it; key is what is
// compared: the word, or "\n\n" for a paragraph break.
type diffToken struct{ key, word, space string }

func diffTokens(s string) []diffToken {
	var toks []diffToken
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		end := n
		switch {
		case unicode.IsSpace(r):
			// Leading white space, or a paragraph break: a token whose key
			// is the break, so that it matches only another break.
			for end < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[end:])
				if !unicode.IsSpace(r2) {
					break
				}
				end += n2
			}
			key := " "
			if strings.Count(s[:end], "\n") >= 2 {
				key = "\n\n"
			}
			toks = append(toks, diffToken{key: key, word: s[:end]})
			s = s[end:]
			continue
		case isWordRune(r):
			for end < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[end:])
				if !isWordRune(r2) {
					break
				}
				end += n2
			}
		}
		wordEnd := end
		// Trailing white space joins the word unless it is a paragraph
		// break, which becomes a token of its own on the next turn.
		for end < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[end:])
			if !unicode.IsSpace(r2) || (r2 == '\n' && strings.Count(spaceRun(s[end:]), "\n") >= 2) {
				break
			}
			end += n2
		}
		toks = append(toks, diffToken{key: s[:wordEnd], word: s[:wordEnd], space: s[wordEnd:end]})
		s = s[end:]
	}
	return toks
}

// spaceRun returns the white space that s starts with.
func spaceRun(s string) string {
	return s[:len(s)-len(strings.TrimLeftFunc(s, unicode.IsSpace))]
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// diffBuilder gathers runs, joining neighbours of one kind.
type diffBuilder struct{ ops []DiffOp }

func (d *diffBuilder) add(k DiffKind, text string) {
	if text == "" {
		return
	}
	if n := len(d.ops); n > 0 && d.ops[n-1].Kind == k {
		d.ops[n-1].Text += text
		return
	}
	d.ops = append(d.ops, DiffOp{k, text})
}

// same adds a token found in both texts. Its word is equal; the space
// after it is equal too unless it is there on one side only, so that both
// texts are still spelled out where a neighbouring word changed.
func (d *diffBuilder) same(a, b diffToken) {
	d.add(DiffEqual, b.word)
	switch {
	case a.space == b.space || (a.space != "" && b.space != ""):
		d.add(DiffEqual, b.space)
	default:
		d.add(DiffDelete, a.space)
		d.add(DiffInsert, b.space)
	}
}

// myers writes the shortest edit script from a to b into d, using the
// greedy algorithm of Eugene Myers, "An O(ND) Difference Algorithm and Its
// Variations" (1986): for each number of edits e it records the furthest
// point each diagonal k = x - y reaches, then walks the record back.
func myers(a, b []diffToken, d *diffBuilder) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		emitRest(a, b, d)
		return
	}
	limit := min(n+m, maxDiffEdits)
	off := limit + 1
	v := make([]int, 2*limit+3)
	// trace[e] is v as it stood before round e, restricted to the
	// diagonals -e..e that round reads.
	var trace [][]int
	found := -1
	for e := 0; e <= limit && found < 0; e++ {
		trace = append(trace, append([]int(nil), v[off-e:off+e+1]...))
		for k := -e; k <= e; k += 2 {
			var x int
			if k == -e || (k != e && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: insert b[y-1]
			} else {
				x = v[off+k-1] + 1 // right: delete a[x-1]
			}
			y := x - k
			for x < n && y < m && a[x].key == b[y].key {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = e
				break
			}
		}
	}
	if found < 0 {
		emitRest(a, b, d)
		return
	}
	// Walk back from (n, m), collecting runs in reverse.
	type step struct {
		kind DiffKind
		a, b diffToken
	}
	var steps []step
	x, y := n, m
	for e := found; e > 0; e-- {
		prev := trace[e] // diagonals -e..e before round e, i.e. after e-1
		at := func(k int) int { return prev[k+e] }
		k := x - y
		var pk int
		if k == -e || (k != e && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		// The run of equal tokens after the edit.
		for x > px && y > py+boolInt(pk == k+1) {
			steps = append(steps, step{DiffEqual, a[x-1], b[y-1]})
			x--
			y--
		}
		if pk == k+1 {
			steps = append(steps, step{kind: DiffInsert, b: b[y-1]})
		} else {
			steps = append(steps, step{kind: DiffDelete, a: a[x-1]})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		steps = append(steps, step{DiffEqual, a[x-1], b[y-1]})
		x--
		y--
	}
	for i := len(steps) - 1; i >= 0; i-- {
		switch st := steps[i]; st.kind {
		case DiffEqual:
			d.same(st.a, st.b)
		case DiffInsert:
			d.add(DiffInsert, st.b.word+st.b.space)
		case DiffDelete:
			d.add(DiffDelete, st.a.word+st.a.space)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// emitRest writes a as deleted and b as inserted.
func emitRest(a, b []diffToken, d *diffBuilder) {
	for _, t := range a {
		d.add(DiffDelete, t.word+t.space)
	}
	for _, t := range b {
		d.add(DiffInsert, t.word+t.space)
	}
}
