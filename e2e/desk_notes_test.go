package e2e

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestDeskCorrection: an editor adds a correction to a published story on
// the desk; the story's public page, read (and so cached) before, shows it
// with an updated time on the next visit.
func TestDeskCorrection(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "chief@example.com", "editor", "Chief Editor")
	ctx := newBrowser(t)

	open(t, ctx, s.URL+"/", 200)
	story := pathOf(t, clickLink(t, ctx, "a story from the home page", `/^\/[a-z0-9-]+\/\d+-/.test(a.getAttribute('href'))`))
	id := regexp.MustCompile(`/(\d+)-`).FindStringSubmatch(story)[1]
	open(t, ctx, s.URL+story, 200) // a second visit, from the cache
	if n := evalJS[int](t, ctx, `document.querySelectorAll('.notes-box').length`); n != 0 {
		t.Fatalf("a demo story already has %d notes sections", n)
	}

	notes := "/desk/stories/" + id + "/notes"
	signIn(t, ctx, s, "chief@example.com", notes)
	text := "An earlier version of this story gave the wrong day for the vote."
	resp, err := chromedp.RunResponse(ctx,
		chromedp.SetValue(chromedp.CSS("#kind"), "correction"),
		chromedp.SendKeys(chromedp.CSS("#text"), text),
		chromedp.Click(chromedp.CSS(`form[action="`+notes+`"] button[type=submit]`)),
	)
	if err != nil {
		t.Fatalf("add a correction: %v", err)
	}
	if resp.Status != 200 || pathOf(t, resp.URL) != notes {
		t.Fatalf("adding a correction led to %s (%d), want %s", resp.URL, resp.Status, notes)
	}
	if flash := evalJS[string](t, ctx, `(document.querySelector('.flash') || {}).textContent || ''`); !strings.HasPrefix(flash, "Correction added") {
		t.Errorf("flash %q, want Correction added", flash)
	}

	open(t, ctx, s.URL+story, 200)
	got := evalJS[[]string](t, ctx, `[...document.querySelectorAll('.notes-box .note')].map(n => n.innerText)`)
	if len(got) != 1 || !strings.Contains(got[0], "Correction") || !strings.Contains(got[0], text) {
		t.Errorf("notes on the public page = %q, want the correction", got)
	}
	if evalJS[string](t, ctx, `(document.querySelector('.story-date .updated') || {}).innerText || ''`) == "" {
		t.Error("no Updated line after the correction")
	}
}

// TestImportReachesCachedPages: `newsdesk import`, another process writing
// to the same SQLite file, changes the home page that the server caches,
// within the server's half-second poll.
func TestImportReachesCachedPages(t *testing.T) {
	s := startSite(t, siteOptions{})
	home := func() string {
		resp, err := http.Get(s.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET /: %d", resp.StatusCode)
		}
		return string(b)
	}
	home()
	home() // the second from the cache

	headline := "Ferry timetable changes from Monday, the harbour council says"
	page := time.Now().UTC().Add(-time.Minute).Format("2 Jan, 2006 15:04") + "\n\n" + headline + "\n\n" +
		"The harbour council said on Thursday that the winter ferry timetable starts on Monday.\n\n" +
		"Crossings will run every forty minutes instead of every half hour until March.\n"
	file := filepath.Join(t.TempDir(), "ferry.txt")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	newsdesk(t, "import", "--data", s.Data, "--format", "text", file)

	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(home(), headline) {
		if time.Now().After(deadline) {
			t.Fatal("the imported story is not on the home page 10 s after the import")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
