package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
	"golang.org/x/text/unicode/norm"
)

// The analyser turns text into the terms that the search index holds and
// that queries look up: words split at anything that is not a letter or a
// digit, folded (lower case, diacritics dropped, ё read as е) and stemmed.
// It runs in Go on both databases, so SQLite and PostgreSQL index the same
// terms and a query finds the same stories on either.
//
// Stemming goes by script: Cyrillic words by the Russian stemmer, Latin
// words by the stemmer of the edition's language, which is English for the
// English and Russian editions (a Russian story quoting "sanctions" still
// stems it as English) and for languages newsdesk has no stemmer for.

// analyser stems the words of one language's text. Its cache remembers
// stems already computed, which most words of a batch of stories are.
type analyser struct {
	latin func(string, bool) string
	cache map[string]string
}

// stemCacheMax bounds an analyser's cache; past it the cache starts again.
const stemCacheMax = 50000

func newAnalyser(language string) *analyser {
	a := &analyser{latin: english.Stem, cache: map[string]string{}}
	// Only English is stemmed among Latin-script languages for now; other
	// languages' words are folded but not stemmed rather than stemmed as
	// English.
	if lang := strings.ToLower(language); lang != "" && !strings.HasPrefix(lang, "en") && !strings.HasPrefix(lang, "ru") {
		a.latin = nil
	}
	return a
}

// term is one word of a text: where it stands in the text and its stem.
type term struct {
	start, end int // byte offsets of the word in the text
	stem       string
}

// maxWordLen bounds a word: longer runs of letters (a pasted hash, a URL
// slug) are not words anyone searches for.
const maxWordLen = 64

// each calls fn for every word of text in order.
func (a *analyser) each(text string, fn func(term)) {
	words(text, func(start, end int) { a.word(text, start, end, fn) })
}

// eachFor calls fn for every word of text in order, as each does, but
// stems only the words that may stem to one of stems and passes the
// others without a stem. A stem starts with its word's first letter,
// folded (stemmers take suffixes), and most words of a text start with
// another letter than any word a query looks for: snippets of long
// stories skip most of the stemming.
func (a *analyser) eachFor(text string, stems map[string]bool, fn func(term)) {
	first := map[rune]bool{}
	for s := range stems {
		r, _ := utf8.DecodeRuneInString(s)
		first[r] = true
	}
	words(text, func(start, end int) {
		r, _ := utf8.DecodeRuneInString(text[start:end])
		if first[foldRune(r)] || unicode.Is(unicode.Mn, r) {
			a.word(text, start, end, fn)
			return
		}
		if end-start <= maxWordLen*2 { // as word: longer runs are no words
			fn(term{start: start, end: end})
		}
	})
}

// words calls fn with the start and end of every word of text in order.
func words(text string, fn func(start, end int)) {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// foldRune folds one letter as foldWord does.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return unicode.ToLower(r)
	}
	f, _ := utf8.DecodeRuneInString(foldWord(string(r)))
	return f
}

func (a *analyser) word(text string, start, end int, fn func(term)) {
	if end-start > maxWordLen*2 {
		return
	}
	if s := a.stem(text[start:end]); s != "" {
		fn(term{start: start, end: end, stem: s})
	}
}

// isWordRune reports whether r is part of a word. Combining marks are, so
// that a decomposed "é" stays in its word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// terms returns the stems of text's words, in order.
func (a *analyser) terms(text string) []string {
	var out []string
	a.each(text, func(t term) { out = append(out, t.stem) })
	return out
}

// indexText returns text as the index holds it: its stems separated by
// spaces, at most max bytes of them.
func (a *analyser) indexText(text string, max int) string {
	var b strings.Builder
	a.each(text, func(t term) {
		if b.Len()+len(t.stem)+1 > max {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.stem)
	})
	return b.String()
}

// stem folds and stems one word.
func (a *analyser) stem(word string) string {
	if s, ok := a.cache[word]; ok {
		return s
	}
	f := foldWord(word)
	s := f
	if utf8.RuneCountInString(f) > maxWordLen {
		s = ""
	} else if isCyrillic(f) {
		s = russian.Stem(f, true)
	} else if a.latin != nil && isASCIILetters(f) {
		s = a.latin(f, true)
	}
	if s == "" {
		// A stemmer that leaves nothing (English stems "'s" away) keeps
		// the folded word.
		s = f
	}
	if len(a.cache) >= stemCacheMax {
		clear(a.cache)
	}
	a.cache[word] = s
	return s
}

// foldWord lowers a word's case, drops the diacritics of Latin letters and
// reads ё as е. Other Cyrillic letters keep their marks: й is not и.
func foldWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r == 'ё' || r == 'Ё':
			b.WriteRune('е')
		case unicode.Is(unicode.Cyrillic, r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r):
			// A combining mark typed apart from its letter.
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		default:
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(unicode.ToLower(d))
				}
			}
		}
	}
	return b.String()
}

func isCyrillic(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Cyrillic, r)
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
