package store

import (
	"strings"

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

// snippet returns the passage of text, of about n words, that holds the
// most of the words stems looks for, as fragments marking them. A passage
// that does not start or end the text says so with an ellipsis.
func (a *analyser) snippet(text string, stems map[string]bool, n int) []news.Fragment {
	var words []term
	a.each(text, func(t term) { words = append(words, t) })
	if len(words) == 0 {
		return nil
	}
	// Slide a window of n words over the text and keep the one with the
	// most distinct stems found, the earliest on a tie.
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
	// Start a few words before the first match, for context.
	if best > 0 {
		best = max(0, best-3)
	}
	end := min(best+n, len(words))
	from, to := words[best].start, words[end-1].end
	if best == 0 {
		from = 0
	}
	if end == len(words) {
		to = len(text)
	}
	var out []news.Fragment
	if best > 0 {
		out = append(out, news.Fragment{Text: "… "})
	}
	out = append(out, a.mark(text[from:to], stems)...)
	if end < len(words) {
		out = appendFragment(out, " …", false)
	}
	for i := range out {
		out[i].Text = collapseSpace(out[i].Text)
	}
	return out
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
