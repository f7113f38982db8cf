package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/i18n"
)

// TestDomainMessagesTranslated fails when a message written for people
// has no translation: those that the domain, the store, the media
// library, the password rules or the desk's handlers write for staff
// (desk.messages), and those that readers' accounts and bookmarks answer
// with (ui.Account.messages). It reads them from the source, so a new
// message cannot slip by in English.
func TestDomainMessagesTranslated(t *testing.T) {
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		prefix string
		files  []string
	}{
		{problemMessages, []string{"../news/*.go", "../store/*.go", "../media/*.go", "../auth/*.go", "desk*.go", "errors.go"}},
		{accountMessages, []string{"account*.go", "errors.go", "desk.go", "../store/reader.go", "../store/bookmark.go", "../store/token.go"}},
	} {
		known := map[string]bool{}
		for _, id := range c.IDs(set.prefix) {
			known[strings.TrimPrefix(id, set.prefix)] = true
		}
		var missing []string
		for _, msg := range domainMessages(t, set.files) {
			if !known[msg] {
				missing = append(missing, msg)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%d messages have no %s entry:\n%s", len(missing), set.prefix, strings.Join(missing, "\n"))
		}
	}
}

// domainMessages reads the messages written for people from the source
// files that the patterns name, as formats.
func domainMessages(t *testing.T, patterns []string) []string {
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
				if hasLetter(verbs.ReplaceAllString(msg, "")) {
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
// a store's notFound, the media library's invalid, the desk's
// fieldError, a validation error's Add, and the Message and Fields of a
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
		case name == "fieldError" && len(n.Args) == 2, name == "Add" && len(n.Args) == 2 && !onCall(n.Fun):
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

// TestDomainMessagesInRussian translates the domain's messages, with the
// values they carry, and checks that every translation fills its verbs.
func TestDomainMessagesInRussian(t *testing.T) {
	ru := deskWordsOf(t, "ru")
	for _, tc := range []struct{ en, want string }{
		{"is required", "нужно заполнить"},
		{"story 12 was changed by someone else", "материал 12 изменил кто-то другой"},
		{"your role (author) may not publish story", "ваша роль (автор) не позволяет: публиковать материалы"},
		{`section "World" still holds 3 stories (trashed ones included): move them to another section first`,
			`в рубрике "World" ещё 3 материала (считая корзину): сначала перенесите их в другую рубрику`},
		{"notes go on published stories; story 7 is draft", "примечания добавляются к опубликованным материалам; материал 7 — черновик"},
		{`"publish" does not apply to a story that is in the trash`, `"publish" не применяется к материалу в состоянии «в корзине»`},
		{"the upload is too large: files may be at most 20 MB", "загрузка слишком большая: файлы могут быть не больше 20 МБ"},
		{"a message the catalogs do not know", "a message the catalogs do not know"},
	} {
		if got := ru.Say(tc.en); got != tc.want {
			t.Errorf("Say(%q) = %q, want %q", tc.en, got, tc.want)
		}
	}
	en := deskWordsOf(t, "en")
	if got := en.Say("notes go on published stories; story 7 is draft"); got != "notes go on published stories; story 7 is draft" {
		t.Errorf("English changed a message: %q", got)
	}
	// Every message with verbs, written with sample values, comes back
	// in Russian with each value in its place.
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	ui, err := newUITexts(c)
	if err != nil {
		t.Fatal(err)
	}
	samples := map[string]string{"%d": "42", "%s": "sample", "%v": "sample", "%q": `"sample"`}
	for prefix, say := range map[string]func(string) string{problemMessages: ru.Say, accountMessages: ui.forLang("ru").Account.say} {
		for _, id := range c.IDs(prefix) {
			format := strings.TrimPrefix(id, prefix)
			if !strings.Contains(format, "%") {
				continue
			}
			msg := regexp.MustCompile(`%[dsvq]`).ReplaceAllStringFunc(format, func(v string) string { return samples[v] })
			got := say(msg)
			if got == msg || strings.Contains(got, "%!") || strings.Count(got, "sample")+strings.Count(got, "42") < strings.Count(format, "%") {
				t.Errorf("%q in Russian: %q", msg, got)
			}
		}
	}
}
