package markup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textEscaper escapes what is special in HTML element content. Quotes are
// left alone: they are plain text there, and stored bodies stay readable.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Paragraphs turns plain-text paragraphs into HTML, one <p> each, joined by
// newlines. Blank paragraphs are skipped. The result is safe as it stands:
// every paragraph is escaped.
func Paragraphs(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<p>")
		b.WriteString(textEscaper.Replace(p))
		b.WriteString("</p>")
	}
	return b.String()
}

// blockElements end a paragraph of visible text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Figure: true,
	atom.Figcaption: true, atom.Pre: true, atom.Hr: true, atom.Table: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
}

// hiddenElements hold no visible text.
var hiddenElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Iframe: true, atom.Object: true, atom.Title: true, atom.Head: true,
}

// Text returns the visible text of an HTML fragment: entities decoded,
// whitespace collapsed, block elements separated by a blank line ("\n\n")
// and <br> kept as a line break. Search indexing, feeds and excerpts use it.
func Text(htmlSrc string) string {
	var (
		paras  []string
		cur    strings.Builder
		hidden int
	)
	flush := func() {
		if p := strings.TrimSpace(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(htmlSrc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if hidden == 0 {
				writeCollapsed(&cur, string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case hiddenElements[a]:
				hidden = hiddenDepth(hidden, z.Token().Type)
			case a == atom.Br:
				trimTrailingSpace(&cur)
				cur.WriteByte('\n')
			case a == atom.Img:
				// Images carry no visible text of their own.
			case blockElements[a]:
				flush()
			}
		}
	}
}

func hiddenDepth(depth int, t html.TokenType) int {
	switch t {
	case html.StartTagToken:
		return depth + 1
	case html.EndTagToken:
		return max(depth-1, 0)
	}
	return depth
}

// writeCollapsed appends s with each run of white space turned into one
// space, and no space at the start of a line.
func writeCollapsed(b *strings.Builder, s string) {
	prevSpace := b.Len() == 0 || strings.HasSuffix(b.String(), " ") || strings.HasSuffix(b.String(), "\n")
	for _, r := range s {
		if unicode.IsSpace(r) && r != '\u00a0' {
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
			continue
		}
		b.WriteRune(r)
		prevSpace = false
	}
}

func trimTrailingSpace(b *strings.Builder) {
	s := strings.TrimRight(b.String(), " ")
	b.Reset()
	b.WriteString(s)
}

// Excerpt shortens text to at most max characters (runes), cutting at a word
// boundary and ending with "…" when it cut. White space is collapsed first,
// so an excerpt is always a single line.
func Excerpt(text string, max int) string {
	text = strings.Join(strings.Fields(text), " ")
	if max <= 0 {
		return ""
	}
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	runes := []rune(text)
	cut := string(runes[:max-1]) // leave room for the ellipsis
	if runes[max-1] != ' ' {     // the cut fell inside a word: drop that word
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
	}
	cut = strings.TrimRightFunc(cut, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—", r)
	})
	return cut + "…"
}
