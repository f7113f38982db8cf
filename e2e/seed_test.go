package e2e

import (
	"os"
	"strings"
	"testing"
)

// modelPage is what the model page says, read straight from the scraped
// file so the test does not take the importer's word for it.
type modelPage struct {
	Date       string   // "31 Jan, 2018 02:43"
	Headline   string   // without the "(VIDEO)" suffix
	Paragraphs []string // lead first, then the body, up to the debris
	// IconNames are the icon names the scraper leaked into the text
	// ("bookmark", "chevron down", ...); none may be visible on our page.
	IconNames []string
}

// readModelPage parses the scraped page: a line of icon names, the date,
// the headline twice, the paragraphs, then the podcast player's debris.
func readModelPage(t *testing.T, path string) modelPage {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 5 || !strings.HasPrefix(lines[0], "icon ") {
		t.Fatalf("%s: not the expected scraped page", path)
	}
	var p modelPage
	for _, name := range strings.Split(lines[0], "icon ") {
		if name = strings.TrimSpace(name); name != "" {
			p.IconNames = append(p.IconNames, name)
		}
	}
	p.Date = lines[1]
	p.Headline = strings.TrimSpace(strings.TrimSuffix(lines[2], "(VIDEO)"))
	rest := lines[3:]
	if len(rest) > 0 && rest[0] == lines[2] {
		rest = rest[1:] // the scraper printed the headline twice
	}
	for _, l := range rest {
		if l == "Podcasts" {
			break
		}
		p.Paragraphs = append(p.Paragraphs, l)
	}
	if len(p.Paragraphs) < 3 {
		t.Fatalf("%s: found %d paragraphs, want the lead and a body", path, len(p.Paragraphs))
	}
	return p
}

// normalize collapses runs of white space, as a reader sees them.
func normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
