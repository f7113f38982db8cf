package store

import (
	"strings"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

// snippetWords is how many words of a story's text a search result shows.
const snippetWords = 32

// mark returns text as fragments, marking the words whose stems are in
// stems.
func (a *analyser) mark(text string, stems map[string]bool) []news.Fragment {
	var out []news.Fragment
	last := 0
	a.each(text, func(t term) {
		if !stems[t.stem] {
			return
		}
		out = appendFragment(out, text[last:t.start], false)
		out = appendFragment(out, text[t.start:t.end], true)
		last = t.end
	})
	return appendFragment(out, text[last:], false)
}

// storySnippet returns the snippet of a story found: the passage of its
// lead and body that holds the most of the words looked for.
//
// Stemming and reading the body's HTML are most of a search's own work
// in Go, and a story's words are mostly found near its start: the passage
// is looked for in the first snippetScan bytes of the body, and in the
// whole only when those lack some of the words or end within the passage.
func (a *analyser) storySnippet(st *news.Story, stems map[string]bool) []news.Fragment {
	text := func(body string) string {
		if t := markup.Text(body); t != "" {
			return st.Lead + "\n\n" + t
		}
		return st.Lead
	}
	if len(st.Body) > snippetScan {
		// Cut before a tag, never inside one.
		cut := snippetScan
		if i := strings.LastIndexByte(st.Body[:cut], '<'); i > 0 {
			cut = i
		}
		if f, ok := a.snippet(text(st.Body[:cut]), false, stems, snippetWords); ok {
			return f
		}
	}
	f, _ := a.snippet(text(st.Body), true, stems, snippetWords)
	return f
}

// snippet returns the passage of text, of about n words, that holds the
// most of the words stems looks for, as fragments marking them. A passage
// that does not start or end the text says so with an ellipsis. text is
// the whole text when whole is set, else its start: then ok is false when
// the passage may lie past it, because it lacks some of the words or ends
// within the passage.
func (a *analyser) snippet(text string, whole bool, stems map[string]bool, n int) (frags []news.Fragment, ok bool) {
	var words []term
	a.eachFor(text, stems, func(t term) { words = append(words, t) })
	best, score := bestWindow(words, stems, n)
	if !whole && (score < len(stems) || best+n >= len(words)) {
		return nil, false
	}
	if len(words) == 0 {
		return nil, true
	}
	// Start a few words before the first match, for context.
	if best > 0 {
		best = max(0, best-3)
	}
	end := min(best+n, len(words))
	from, to := words[best].start, words[end-1].end
	if best == 0 {
		from = 0
	}
	if end == len(words) && whole {
		to = len(text)
	}
	var out []news.Fragment
	if best > 0 {
		out = append(out, news.Fragment{Text: "… "})
	}
	out = append(out, a.mark(text[from:to], stems)...)
	if end < len(words) || !whole {
		out = appendFragment(out, " …", false)
	}
	for i := range out {
		out[i].Text = collapseSpace(out[i].Text)
	}
	return out, true
}

// snippetScan is how much of a story's body storySnippet reads first, in
// bytes of HTML.
const snippetScan = 1200

// bestWindow slides a window of n words over words and returns where the
// one with the most distinct stems found starts, the earliest on a tie,
// and how many it has.
func bestWindow(words []term, stems map[string]bool, n int) (int, int) {
	best, bestScore := 0, -1
	for i := 0; i < len(words); i++ {
		if i > 0 && !stems[words[i].stem] {
			continue // a best window starts at a match, or at the start
		}
		seen := map[string]bool{}
		for _, w := range words[i:min(i+n, len(words))] {
			if stems[w.stem] {
				seen[w.stem] = true
			}
		}
		if len(seen) > bestScore {
			best, bestScore = i, len(seen)
		}
		if bestScore == len(stems) {
			break
		}
	}
	return best, bestScore
}

// appendFragment appends s to out, joining it to the last fragment when
// both are unmarked.
func appendFragment(out []news.Fragment, s string, mark bool) []news.Fragment {
	if s == "" {
		return out
	}
	if n := len(out); n > 0 && !mark && !out[n-1].Mark {
		out[n-1].Text += s
		return out
	}
	return append(out, news.Fragment{Text: s, Mark: mark})
}

// collapseSpace turns runs of white space, paragraph breaks included, into
// single spaces, keeping a leading or trailing one.
func collapseSpace(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		if s == "" {
			return ""
		}
		return " "
	}
	out := strings.Join(f, " ")
	if strings.TrimLeft(s, " \t\r\n") != s {
		out = " " + out
	}
	if strings.TrimRight(s, " \t\r\n") != s {
		out += " "
	}
	return out
}
