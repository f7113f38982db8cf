package markup

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md converts CommonMark. Raw HTML is passed through to Sanitize rather than
// dropped, so that editors can write a <figure> in Markdown; the sanitiser,
// not the Markdown renderer, is what keeps bodies safe.
var md = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithASTTransformers(util.Prioritized(headingLevels{}, 100)),
	)),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// Markdown renders Markdown source to sanitised HTML for a story body.
func Markdown(src string) (string, error) {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return "", fmt.Errorf("markup: markdown: %w", err)
	}
	return Sanitize(buf.String()), nil
}

// headingLevels moves headings into h2-h4: the page's h1 is the headline, and
// levels below h4 are more structure than a story needs. Without this the
// sanitiser would strip "# Title" to bare text.
type headingLevels struct{}

func (headingLevels) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(max(h.Level, 2), 4)
		}
		return ast.WalkContinue, nil
	})
}
