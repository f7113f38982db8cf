package store

import (
	"strings"
	"testing"

	"newsdesk/internal/news"
)

// TestStorySnippet checks snippets of bodies longer than the part that
// storySnippet reads first, with the words found early, late, or both.
func TestStorySnippet(t *testing.T) {
	filler := strings.Repeat("The council met again and talked for hours. ", 100) // 4,500 bytes
	a := newAnalyser("en")
	stems := map[string]bool{"harbour": true, "strike": true}
	for _, c := range []struct {
		name, text, want string
	}{
		{"both early", "Dockers called a harbour strike today. " + filler,
			"[Dockers met. Dockers called a ][harbour][ ][strike][ today. The council met"},
		{"both late", filler + "Dockers called a harbour strike today.",
			"[harbour][ ][strike][ today.]"},
		{"one early, both late", "The harbour was quiet. " + filler + "Then a harbour strike began.",
			"[harbour][ ][strike][ began.]"},
		{"across the first part's end", strings.Repeat("x ", 990) + "harbour strike and more words after it",
			"[harbour][ ][strike][ and more words after it]"},
		{"across a tag at the first part's end", strings.Repeat("x ", 980) + `</p><p class="x">harbour strike and more`,
			"[harbour][ ][strike][ and more]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := &news.Story{Lead: "Dockers met.", Body: "<p>" + c.text + "</p>"}
			got := format(a.storySnippet(st, stems))
			if !strings.Contains(got, c.want) {
				t.Errorf("snippet = %s\nwant it to hold %s", got, c.want)
			}
			if strings.Count(got, "[harbour]") == 0 || strings.Count(got, "[strike]") == 0 {
				t.Errorf("snippet %s lacks a word looked for", got)
			}
		})
	}
}

// format writes fragments with each in brackets, marked or not.
func format(fs []news.Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("[" + f.Text + "]")
	}
	return b.String()
}

// TestEachFor checks that eachFor finds the same words, and the same
// stems of the words that matter, as each does.
func TestEachFor(t *testing.T) {
	texts := []string{
		"Gunmen killed three; the killing of Émile's café owner shocked Killarney.",
		"Ракеты упали. Ёлки-палки, сказал инженер: ракета не взлетела.",
		"Mixed: ракета and rockets, 2024 and ２０２４, ﬁne ligatures, e\u0301tude.",
		strings.Repeat("x", 100) + " " + strings.Repeat("y", 200) + " tail",
	}
	for _, lang := range []string{"en", "ru", "de"} {
		a := newAnalyser(lang)
		for _, text := range texts {
			var all []term
			a.each(text, func(t term) { all = append(all, t) })
			for _, w := range all {
				stems := map[string]bool{w.stem: true}
				var got []term
				a.eachFor(text, stems, func(t term) { got = append(got, t) })
				if len(got) != len(all) {
					t.Fatalf("%s %q looking for %q: %d words, each finds %d", lang, text, w.stem, len(got), len(all))
				}
				for i := range got {
					if got[i].start != all[i].start || got[i].end != all[i].end {
						t.Fatalf("%s %q: word %d at %d-%d, each has %d-%d", lang, text, i, got[i].start, got[i].end, all[i].start, all[i].end)
					}
					if stems[all[i].stem] != stems[got[i].stem] {
						t.Errorf("%s %q looking for %q: word %q stems to %q, each to %q",
							lang, text, w.stem, text[all[i].start:all[i].end], got[i].stem, all[i].stem)
					}
				}
			}
		}
	}
}
