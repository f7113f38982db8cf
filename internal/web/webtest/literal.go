package webtest

import (
	"regexp"
	"strings"
	"text/template/parse"
	"unicode"

	"golang.org/x/net/html"
)

// hole stands for what an action writes when a template is flattened to
// HTML: something that is not literal text.
const hole = '\uE000'

// LiteralText returns the literal words of a template's tree: text nodes
// with letters outside scripts and styles, and visible attributes with
// letters in their literal part, written name="value".
func LiteralText(root *parse.ListNode) []string {
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
			if text := literal(string(z.Text())); hidden == 0 && HasLetter(text) {
				found = append(found, strings.TrimSpace(text))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "script" || tok.Data == "style" {
				hidden++
			}
			for _, a := range tok.Attr {
				if v := literal(a.Val); visibleAttr(tok, a.Key) && HasLetter(v) {
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
				if (len(cmd.Args) == 1 || fn == "printf" && i == 1 || fn == "print") && HasLetter(Verbs.ReplaceAllString(a.Text, "")) {
					*found = append(*found, a.Quoted)
				}
			}
		}
	}
}

// Verbs matches the verbs of a format, which are not words.
var Verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)

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

// HasLetter reports whether s has a letter in it.
func HasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
