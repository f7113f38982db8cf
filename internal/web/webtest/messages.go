package webtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// DomainMessages reads the messages written for people from the source
// files that the patterns name, as formats.
func DomainMessages(t *testing.T, patterns []string) []string {
	t.Helper()
	var files []string
	for _, pattern := range patterns {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	found := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			for _, msg := range messagesIn(n) {
				if HasLetter(Verbs.ReplaceAllString(msg, "")) {
					found[msg] = true
				}
			}
			return true
		})
	}
	return slices.Sorted(func(yield func(string) bool) {
		for m := range found {
			if !yield(m) {
				return
			}
		}
	})
}

// messagesIn returns the messages a node writes: the format of Errorf,
// a store's notFound, the media library's invalid, the story editor's
// FieldError, a validation error's Add, and the Message and Fields of a
// news.Error literal.
func messagesIn(n ast.Node) []string {
	switch n := n.(type) {
	case *ast.CallExpr:
		name := calledName(n.Fun)
		switch {
		case name == "Errorf" && len(n.Args) >= 2 && !isFmt(n.Fun):
			return []string{format(n.Args[1])}
		case name == "notFound" && len(n.Args) >= 1:
			return []string{format(n.Args[0]) + " not found"}
		case name == "invalid" && len(n.Args) >= 1:
			return []string{format(n.Args[0])}
		case name == "FieldError" && len(n.Args) == 2, name == "Add" && len(n.Args) == 2 && !onCall(n.Fun):
			return []string{format(n.Args[1])}
		}
	case *ast.CompositeLit:
		if calledName(n.Type) != "Error" {
			return nil
		}
		var out []string
		for _, el := range n.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch calledName(kv.Key) {
			case "Message":
				out = append(out, format(kv.Value))
			case "Fields":
				if m, ok := kv.Value.(*ast.CompositeLit); ok {
					for _, f := range m.Elts {
						if fkv, ok := f.(*ast.KeyValueExpr); ok {
							out = append(out, format(fkv.Value))
						}
					}
				}
			}
		}
		return out
	}
	return nil
}

// calledName is the name at the end of an identifier or selector.
func calledName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.UnaryExpr:
		return calledName(e.X)
	}
	return ""
}

// onCall reports whether a method is called on a call's result, as in
// w.Header().Add, which adds no message.
func onCall(e ast.Expr) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	_, ok = s.X.(*ast.CallExpr)
	return ok
}

// isFmt reports whether a call is fmt's.
func isFmt(e ast.Expr) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	return ok && id.Name == "fmt"
}

// format turns a message expression into the format it writes: string
// literals as they are, strconv.Itoa as %d, strconv.Quote as %q, the
// format of fmt.Sprintf, and anything else as %s.
func format(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, err := strconv.Unquote(e.Value); err == nil {
			return s
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return format(e.X) + format(e.Y)
		}
	case *ast.ParenExpr:
		return format(e.X)
	case *ast.CallExpr:
		switch calledName(e.Fun) {
		case "Sprintf":
			if len(e.Args) > 0 {
				return format(e.Args[0])
			}
		case "Itoa", "FormatInt":
			return "%d"
		case "Quote":
			return "%q"
		}
	}
	return "%s"
}
