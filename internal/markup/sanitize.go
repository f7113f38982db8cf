// Package markup turns story bodies into safe HTML and back into text:
// Markdown to HTML, sanitising every stored body, plain paragraphs to HTML,
// and the visible text and excerpts that lists, feeds and search use.
package markup

import (
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// bodyPolicy is built once and only read afterwards; a bluemonday policy is
// safe for concurrent use once it is no longer being changed.
var bodyPolicy = newBodyPolicy()

// imageSrc admits http(s), protocol-relative and relative image sources. The
// policy's URL schemes are shared by every element, so this keeps mailto:
// (allowed for links) out of <img src>.
var imageSrc = regexp.MustCompile(`^(?i:https?://\S+|/\S*|[^\s:/?#]+(?:[/?#]\S*)?)$`)

// newBodyPolicy allows the structure a story needs and nothing that can run
// code or restyle the page: no scripts, styles, event handlers, frames,
// forms or embedded objects.
func newBodyPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i",
		"blockquote", "cite", "ul", "ol", "li", "figure", "figcaption")
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowAttrs("cite").OnElements("blockquote")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("src").Matching(imageSrc).OnElements("img")
	p.AllowAttrs("alt", "title").OnElements("img")
	p.AllowAttrs("width", "height").Matching(bluemonday.NumberOrPercent).OnElements("img")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireNoReferrerOnLinks(true)
	return p
}

// Sanitize cleans HTML for use as a story body. Every body that is stored or
// shown passes through it, whatever its source (desk editor, Markdown,
// importers). Links get rel="noopener noreferrer".
func Sanitize(html string) string {
	out := bodyPolicy.Sanitize(html)
	// bluemonday adds rel="noreferrer" on every link but adds noopener only
	// together with target="_blank", which stories do not use. Outside
	// attributes bluemonday escapes quotes, so this exact text can only be
	// the attribute it wrote itself.
	return strings.ReplaceAll(out, ` rel="noreferrer"`, ` rel="noopener noreferrer"`)
}
