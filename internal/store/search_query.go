package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The query language of the search box, as a reader would guess it:
//
//	two words         stories with both words (in any form: killed finds kill)
//	"a phrase"        the words next to each other, in this order
//	-word, -"phrase"  stories without it
//	this OR that      either side; OR binds looser than the implied AND
//
// Anything else a reader types is read as words: a stray quote opens a
// phrase that ends with the query, a lone "-" or "OR" is dropped, and the
// syntax of the databases' own query languages means nothing. Parsing
// never fails; a query with no words is empty.

// searchQuery is a parsed query: any of the alternatives, each a list of
// clauses that must all match, and none of the excluded clauses.
type searchQuery struct {
	any  [][]clause
	none []clause
}

// clause is one word, or the words of a phrase, as typed.
type clause []string

// maxClauses bounds how much one query may ask of the index.
const maxClauses = 32

// maxQueryLen bounds the query text read, in bytes.
const maxQueryLen = 1000

// empty reports whether q asks for nothing at all.
func (q searchQuery) empty() bool { return len(q.any) == 0 && len(q.none) == 0 }

// parseQuery reads a query typed into the search box.
func parseQuery(s string) searchQuery {
	if len(s) > maxQueryLen {
		s = s[:maxQueryLen]
	}
	s = strings.ToValidUTF8(s, " ")
	var (
		q     searchQuery
		group []clause
		n     int
	)
	endGroup := func() {
		if len(group) > 0 {
			q.any = append(q.any, group)
			group = nil
		}
	}
	for i := 0; i < len(s) && n < maxClauses; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		negate := false
		if r == '-' || r == '+' {
			negate = r == '-'
			i += size
			if i >= len(s) {
				break
			}
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				continue // a lone sign is no operator
			}
		}
		var c clause
		if r == '"' {
			// A phrase runs to the next quote, or to the end of the query
			// when the reader left it open.
			rest := s[i+1:]
			end := strings.IndexByte(rest, '"')
			if end < 0 {
				end = len(rest)
				i = len(s)
			} else {
				i += 1 + end + 1
			}
			c = strings.Fields(rest[:end])
		} else {
			end := i
			for end < len(s) {
				r, size := utf8.DecodeRuneInString(s[end:])
				if unicode.IsSpace(r) || r == '"' {
					break
				}
				end += size
			}
			word := s[i:end]
			i = end
			if !negate && (word == "OR" || word == "|" || word == "||") {
				endGroup()
				continue
			}
			c = clause{word}
		}
		if len(c) == 0 {
			continue
		}
		n++
		if negate {
			q.none = append(q.none, c)
		} else {
			group = append(group, c)
		}
	}
	endGroup()
	return q
}
