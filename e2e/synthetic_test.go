package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Word lists for synthetic stories: the tests write their own text pages
// rather than copy anyone's articles.
var (
	synSubjects = []string{"Harbour council", "City library", "Regional rail operator", "Hospital trust",
		"Farmers' cooperative", "Water authority", "University senate", "Fire brigade"}
	synVerbs   = []string{"approves", "delays", "reviews", "announces", "rejects", "extends"}
	synObjects = []string{"a new ferry timetable", "repairs to the old bridge", "longer opening hours",
		"a plan for cycle lanes", "its budget for next year", "a study of river levels"}
)

// syntheticPages writes n text pages in the scraped-page format that
// `newsdesk import --format text` reads (date line, headline, paragraphs),
// dated an hour apart from 1 March 2019, and returns their paths.
func syntheticPages(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	start := time.Date(2019, time.March, 1, 9, 0, 0, 0, time.UTC)
	var paths []string
	for i := range n {
		subject := synSubjects[i%len(synSubjects)]
		verb := synVerbs[i%len(synVerbs)]
		object := synObjects[i%len(synObjects)]
		headline := fmt.Sprintf("%s %s %s for district %d", subject, verb, object, i+1)
		paras := []string{
			fmt.Sprintf("The %s said on Friday that it %s %s, after a meeting that ran late into the evening in district %d.",
				strings.ToLower(subject), verb, object, i+1),
			fmt.Sprintf("Residents of district %d had asked for the change for several years, and a spokesperson said work could begin within months.", i+1),
			"Opponents said the cost had not been explained and asked for the figures to be published before any contract is signed.",
		}
		text := start.Add(time.Duration(i)*time.Hour).Format("2 Jan, 2006 15:04") + "\n\n" +
			headline + "\n\n" + strings.Join(paras, "\n\n") + "\n"
		p := filepath.Join(dir, fmt.Sprintf("story-%02d.txt", i+1))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}
