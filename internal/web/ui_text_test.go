package web

import (
	"html/template"
	"newsdesk/internal/i18n"
	"newsdesk/internal/web/webtest"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestTemplatesHaveNoLiteralText fails when a site template writes words of its
// own rather than the catalogs': a text node, or a visible attribute, with
// a letter in it that no action wrote. It walks the parsed templates, so
// an attribute split by actions or a word inside {{if}} is found too. The
// desk checks its own templates.
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
	}{{"site", ps.pages}} {
		t.Run(set.name, func(t *testing.T) {
			found := map[string]bool{}
			for _, page := range set.pages {
				for _, tmpl := range page.Templates() {
					if tmpl.Tree == nil || tmpl.Tree.Root == nil {
						continue
					}
					for _, text := range webtest.LiteralText(tmpl.Tree.Root) {
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

// TestDomainMessagesTranslated fails when a message that readers' accounts
// and bookmarks answer with has no translation (ui.Account.messages); the
// desk's are the desk's test. It reads them from the source, so a new
// message cannot slip by in English.
func TestDomainMessagesTranslated(t *testing.T) {
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, id := range c.IDs(accountMessages) {
		known[strings.TrimPrefix(id, accountMessages)] = true
	}
	var missing []string
	for _, msg := range webtest.DomainMessages(t, []string{"account*.go", "errors.go", "desk/desk.go", "session/*.go", "../auth/*.go", "../store/reader.go", "../store/bookmark.go", "../store/token.go"}) {
		if !known[msg] {
			missing = append(missing, msg)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d messages have no %s entry:\n%s", len(missing), accountMessages, strings.Join(missing, "\n"))
	}
}

// TestDomainMessagesInRussian writes every account message with verbs
// with sample values and checks that it comes back in Russian with each
// value in its place.
func TestDomainMessagesInRussian(t *testing.T) {
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	ui, err := newUITexts(c)
	if err != nil {
		t.Fatal(err)
	}
	samples := map[string]string{"%d": "42", "%s": "sample", "%v": "sample", "%q": `"sample"`}
	say := ui.For("ru").Account.say
	for _, id := range c.IDs(accountMessages) {
		format := strings.TrimPrefix(id, accountMessages)
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
