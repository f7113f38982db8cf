package web

import (
	"html/template"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
	"unicode"

	"golang.org/x/net/html"
)

// hole stands for what an action writes when a template is flattened to
// HTML: something that is not literal text.
const hole = '\uE000'

// TestTemplatesHaveNoLiteralText fails when a template writes words of its
// own rather than the catalogs': a text node, or a visible attribute, with
// a letter in it that no action wrote. It walks the parsed templates, so
// an attribute split by actions or a word inside {{if}} is found too.
func TestTemplatesHaveNoLiteralText(t *testing.T) {
	static, err := newStaticFiles()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parsePages(templateFS, static)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		name  string
		pages map[string]*template.Template
	}{{"desk", ps.desk}, {"site", ps.pages}} {
		t.Run(set.name, func(t *testing.T) {
			found := map[string]bool{}
			for _, page := range set.pages {
				for _, tmpl := range page.Templates() {
					if tmpl.Tree == nil || tmpl.Tree.Root == nil {
						continue
					}
					for _, text := range literalText(tmpl.Tree.Root) {
						found[tmpl.Name()+": "+text] = true
					}
				}
			}
			for _, f := range slices.Sorted(func(yield func(string) bool) {
				for k := range found {
					if !yield(k) {
						return
					}
				}
			}) {
				t.Errorf("literal text in template %s", f)
			}
		})
	}
}

// TestLiteralTextFinds checks the walk on templates that hide words in
// the ways templates do.
func TestLiteralTextFinds(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{`<p>{{.T.Hello}}</p><a title="{{.T.Title}}">{{.Name}}</a> · 42 →`, nil},
		{`<p>Hello {{.Name}}</p>`, []string{"Hello"}},
		{`{{if .X}}<span>Shown</span>{{else}}{{.T.Y}}{{end}}`, []string{"Shown"}},
		{`<input placeholder="Name or slug" value="abc">`, []string{`placeholder="Name or slug"`}},
		{`<button type="submit" value="save">{{.T.Save}}</button><input type="submit" value="Go">`, []string{`value="Go"`}},
		{`<a aria-label="Move {{.Headline}} up">↑</a>`, []string{`aria-label="Move  up"`}},
		{`<img alt="{{if .X}}Photo{{end}}" src="/a.png">`, []string{`alt="Photo"`}},
		{`<form data-confirm="Delete {{.Name}}?"></form>`, []string{`data-confirm="Delete ?"`}},
		{`<script>var s = "words";</script><style>p { color: red }</style>`, nil},
		{`{{range .Items}}<li>{{.}}</li>{{else}}<li>None yet.</li>{{end}}`, []string{"None yet."}},
		{`{{template "field" (fieldOf "create" "name" (printf "Name of %s" .Name))}}{{printf "%d-%s" 1 .X}}`, []string{`"Name of %s"`}},
		{`<b>{{"Bold"}}</b>`, []string{`"Bold"`}},
	} {
		tmpl, err := template.New("t").Funcs(template.FuncMap{"fieldOf": fieldOf}).Parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		got := literalText(tmpl.Tree.Root)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: found %q, want %q", tc.src, got, tc.want)
		}
	}
}

// literalText returns the literal words of a template's tree: text nodes
// with letters outside scripts and styles, and visible attributes with
// letters in their literal part, written name="value".
func literalText(root *parse.ListNode) []string {
	var b strings.Builder
	var found []string
	flatten(&b, root, &found)
	z := html.NewTokenizer(strings.NewReader(b.String()))
	hidden := 0 // inside <script> or <style>
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return found
		case html.TextToken:
			if text := literal(string(z.Text())); hidden == 0 && hasLetter(text) {
				found = append(found, strings.TrimSpace(text))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "script" || tok.Data == "style" {
				hidden++
			}
			for _, a := range tok.Attr {
				if v := literal(a.Val); visibleAttr(tok, a.Key) && hasLetter(v) {
					found = append(found, a.Key+`="`+v+`"`)
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				hidden--
			}
		}
	}
}

// flatten writes a template's HTML with a hole for each action, and the
// branches of if, range and with one after the other. Words that actions
// print from string constants go into found.
func flatten(b *strings.Builder, n parse.Node, found *[]string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			flatten(b, c, found)
		}
	case *parse.TextNode:
		b.Write(n.Text)
	case *parse.ActionNode:
		printed(n.Pipe, found)
		b.WriteRune(hole)
	case *parse.TemplateNode:
		printed(n.Pipe, found)
		b.WriteRune(hole)
	case *parse.IfNode:
		flatten(b, n.List, found)
		flatten(b, n.ElseList, found)
	case *parse.RangeNode:
		flatten(b, n.List, found)
		flatten(b, n.ElseList, found)
	case *parse.WithNode:
		flatten(b, n.List, found)
		flatten(b, n.ElseList, found)
	}
}

// printed finds the words of string constants that a pipeline prints:
// {{"Hello"}}, or the format of printf or print, in the pipeline or in
// the parenthesised pipelines of its arguments.
func printed(p *parse.PipeNode, found *[]string) {
	if p == nil || len(p.Decl) > 0 {
		return // a variable's value ($f := printf "media-%d" .ID) is printed where it is used
	}
	for _, cmd := range p.Cmds {
		for i, arg := range cmd.Args {
			switch a := arg.(type) {
			case *parse.PipeNode:
				printed(a, found)
			case *parse.StringNode:
				fn := ""
				if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
					fn = id.Ident
				}
				if (len(cmd.Args) == 1 || fn == "printf" && i == 1 || fn == "print") && hasLetter(verbs.ReplaceAllString(a.Text, "")) {
					*found = append(*found, a.Quoted)
				}
			}
		}
	}
}

// verbs matches the verbs of a format, which are not words.
var verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)

// visibleAttr reports whether people see or hear an attribute: as a
// tooltip, a placeholder, an accessible name, a confirmation, or a
// button's text.
func visibleAttr(tok html.Token, key string) bool {
	switch key {
	case "title", "placeholder", "aria-label", "alt", "label", "data-confirm":
		return true
	case "value":
		if tok.Data == "button" {
			return false // a button's value is sent, its content shown
		}
		for _, a := range tok.Attr {
			if a.Key == "type" && (a.Val == "submit" || a.Val == "button" || a.Val == "reset") {
				return tok.Data == "input"
			}
		}
	}
	return false
}

// literal is s without the holes that actions fill.
func literal(s string) string { return strings.ReplaceAll(s, string(hole), "") }

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
