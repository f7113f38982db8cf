package web

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParsePagesFailsOnBadTemplates(t *testing.T) {
	static, err := newStaticFiles()
	if err != nil {
		t.Fatal(err)
	}
	good := func() fstest.MapFS {
		m := fstest.MapFS{}
		names := append([]string{"layout", "partials", "podcast_partials", "media"}, pageNames...)
		for _, name := range names {
			data, err := templateFS.ReadFile("templates/" + name + ".html")
			if err != nil {
				t.Fatal(err)
			}
			m["templates/"+name+".html"] = &fstest.MapFile{Data: data}
		}
		return m
	}
	if _, err := parsePages(good(), static); err != nil {
		t.Fatalf("the embedded templates do not parse: %v", err)
	}
	tests := map[string]struct {
		file, data, want string
	}{
		"syntax error":     {"templates/story.html", `{{define "content"}}{{.Story.Headline}</h1>{{end}}`, "story"},
		"no content block": {"templates/list.html", `{{define "other"}}{{end}}`, "no content block"},
		"unknown function": {"templates/home.html", `{{define "content"}}{{nosuch .}}{{end}}`, "nosuch"},
		"missing page":     {"templates/error.html", "", "error"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := good()
			if tt.data == "" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			_, err := parsePages(fsys, static)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parsePages = %v, want an error about %q", err, tt.want)
			}
		})
	}
}
