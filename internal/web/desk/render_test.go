package desk

import (
	"html/template"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"newsdesk/internal/web/webtest"
)

// testFuncs stand for the site's template functions, which the desk is
// given.
var testFuncs = template.FuncMap{
	"static":  func(name string) (string, error) { return "/static/" + name, nil },
	"icon":    func(name string) template.HTML { return "" },
	"fieldOf": fieldOf,
}

func TestParsePagesFailsOnBadTemplates(t *testing.T) {
	good := func() fstest.MapFS {
		m := fstest.MapFS{}
		for _, name := range append([]string{"layout", "presence", "fields"}, pageNames...) {
			data, err := templateFS.ReadFile("templates/" + name + ".html")
			if err != nil {
				t.Fatal(err)
			}
			m["templates/"+name+".html"] = &fstest.MapFile{Data: data}
		}
		return m
	}
	if _, err := parsePages(good(), testFuncs); err != nil {
		t.Fatalf("the embedded templates do not parse: %v", err)
	}
	tests := map[string]struct {
		file, data, want string
	}{
		"desk page":   {"templates/signin.html", `{{define "content"}}{{.Nope}{{end}}`, "desk signin"},
		"desk layout": {"templates/layout.html", "", "desk layout"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := good()
			if tt.data == "" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			_, err := parsePages(fsys, testFuncs)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parsePages = %v, want an error about %q", err, tt.want)
			}
		})
	}
}

// TestTemplatesHaveNoLiteralText fails when a desk template writes words
// of its own rather than the catalogs' (see webtest.LiteralText).
func TestTemplatesHaveNoLiteralText(t *testing.T) {
	pages, err := parsePages(templateFS, testFuncs)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, page := range pages {
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
}
