package webtest

import (
	"html/template"
	"slices"
	"testing"
)

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
		tmpl, err := template.New("t").Funcs(template.FuncMap{"fieldOf": func(form, name, value, label, err string, show bool) string { return "" }}).Parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		got := LiteralText(tmpl.Tree.Root)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: found %q, want %q", tc.src, got, tc.want)
		}
	}
}
