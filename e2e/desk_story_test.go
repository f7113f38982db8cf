package e2e

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// staffPassword is the password of the staff the desk tests create.
const staffPassword = "a long and careful password"

// addStaff creates a member of staff with `newsdesk user add`, the password
// piped on standard input as an administrator would.
func addStaff(t *testing.T, s *site, email, role, name string) {
	t.Helper()
	cmd := exec.Command(binary, "user", "add", "--data", s.Data, "--email", email, "--role", role, "--name", name)
	cmd.Env = cleanEnv()
	cmd.Stdin = strings.NewReader(staffPassword + "\n")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("newsdesk user add %s: %v\n%s", email, err, out.String())
	}
}

// signIn signs in through the desk's form and lands on next.
func signIn(t *testing.T, ctx context.Context, s *site, email, next string) {
	t.Helper()
	open(t, ctx, s.URL+"/desk/signin?next="+next, 200)
	resp, err := chromedp.RunResponse(ctx,
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), staffPassword),
		chromedp.Click(chromedp.CSS(`form button[type=submit]`)),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", email, err)
	}
	if resp.Status != 200 || pathOf(t, resp.URL) != next {
		t.Fatalf("sign in as %s led to %s (%d), want %s", email, resp.URL, resp.Status, next)
	}
}

// writeStory fills the editor of a new story: headline, lead, a body typed
// into the rich-text editor with a subheading made with the toolbar, the
// first section of the English edition, and tags.
func writeStory(t *testing.T, ctx context.Context, headline string) {
	t.Helper()
	section := evalJS[string](t, ctx, `document.querySelector('#section optgroup[data-edition="en"] option').value`)
	err := chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(".rte-area")),
		chromedp.SendKeys(chromedp.CSS("#headline"), headline),
		chromedp.SendKeys(chromedp.CSS("#lead"), "The lead of "+headline+"."),
		chromedp.Click(chromedp.CSS(".rte-area")),
		chromedp.SendKeys(chromedp.CSS(".rte-area"), "The first paragraph, typed in the editor.\r"),
		chromedp.Click(chromedp.CSS(`.rte-toolbar [data-cmd="h2"]`)),
		chromedp.SendKeys(chromedp.CSS(".rte-area"), "What happens next"),
		chromedp.SetValue(chromedp.CSS("#section"), section),
		chromedp.SendKeys(chromedp.CSS("#tags"), "Harbour, Night shift"),
	)
	if err != nil {
		t.Fatalf("write %q: %v", headline, err)
	}
}

// selectWord selects the first occurrence of word in the body editor, as
// a double click would.
func selectWord(t *testing.T, ctx context.Context, word string) {
	t.Helper()
	found := evalJS[bool](t, ctx, `(() => {
		const area = document.querySelector('.rte-area');
		const walk = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			const i = n.data.indexOf(`+"`"+word+"`"+`);
			if (i < 0) continue;
			area.focus();
			const r = document.createRange();
			r.setStart(n, i); r.setEnd(n, i + `+fmt.Sprint(len(word))+`);
			const s = getSelection(); s.removeAllRanges(); s.addRange(r);
			return true;
		}
		return false;
	})()`)
	if !found {
		t.Fatalf("no %q in the body editor", word)
	}
}

// press clicks the editor's button for action and returns the status of
// the page it leads to.
func press(t *testing.T, ctx context.Context, action string) int64 {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.action-buttons button[value="`+action+`"]`)))
	if err != nil {
		t.Fatalf("press %s: %v", action, err)
	}
	return resp.Status
}

var editorPath = regexp.MustCompile(`/desk/stories/(\d+)$`)

// storyID is the id of the story whose editor the tab shows.
func storyID(t *testing.T, ctx context.Context) string {
	t.Helper()
	m := editorPath.FindStringSubmatch(pathOf(t, location(t, ctx)))
	if m == nil {
		t.Fatalf("not on a story's editor: %s", location(t, ctx))
	}
	return m[1]
}

// screenshotHere saves the page as it is now, without loading it again
// (which screenshots does): for pages that answer a form.
func screenshotHere(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	file := filepath.Join(repoRoot, "e2e", "screenshots", name+".png")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", file)
}

// TestDeskWriteAndPublish: an editor signs in, writes a story with the
// rich-text editor, sees it in the live preview, publishes it and finds it
// on the public site.
func TestDeskWriteAndPublish(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "night.editor@example.com", "editor", "Eda Editor")
	ctx := newBrowser(t)
	signIn(t, ctx, s, "night.editor@example.com", "/desk/stories/new")

	headline := "Harbour reopens after the night-shift strike"
	writeStory(t, ctx, headline)
	// A word made a link through the toolbar's dialog, another made bold.
	selectWord(t, ctx, "first")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.rte-toolbar [data-cmd="link"]`)),
		chromedp.WaitVisible(chromedp.CSS("#rte-url")),
		chromedp.SendKeys(chromedp.CSS("#rte-url"), "https://example.org/report"),
		chromedp.Click(chromedp.CSS(`#rte-dialog button[value="ok"]`)),
	); err != nil {
		t.Fatalf("link: %v", err)
	}
	// The dialog's close event, which makes the link, comes in a later
	// task: selecting the next word before it would have the link's saved
	// selection put back over it.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('.rte-area a[href="https://example.org/report"]') !== null || null`)); err != nil {
		t.Fatalf("link not made: %v", err)
	}
	selectWord(t, ctx, "typed")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.rte-toolbar [data-cmd="bold"]`))); err != nil {
		t.Fatalf("bold: %v", err)
	}
	// The live preview is the public page of what is typed.
	inPreview, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const d = document.getElementById('story-preview').contentDocument;
		const h = d && d.querySelector('h1.story-title');
		const h2 = d && d.querySelector('article.story h2');
		return h && h2 && h2.textContent === 'What happens next' ? h.textContent : null;
	})()`))
	if err != nil {
		t.Fatalf("live preview: %v", err)
	}
	if inPreview != headline {
		t.Errorf("preview headline %q, want %q", inPreview, headline)
	}

	if status := press(t, ctx, "publish"); status != 200 {
		t.Fatalf("publish: status %d", status)
	}
	storyID(t, ctx)
	if flash := evalJS[string](t, ctx, `document.querySelector('.flash').textContent`); flash != "Published." {
		t.Errorf("flash %q, want Published.", flash)
	}
	screenshots(t, ctx, "desk-editor")
	public := evalJS[string](t, ctx, `[...document.querySelectorAll('.editor-links a')].find(a => a.textContent === 'View on site').getAttribute('href')`)
	open(t, ctx, s.URL+public, 200)
	f := evalJS[storyFacts](t, ctx, storyFactsJS)
	if len(f.H1s) != 1 || f.H1s[0] != headline {
		t.Errorf("public page h1s %q, want the headline", f.H1s)
	}
	if !strings.Contains(f.ArticleText, "The first paragraph, typed in the editor.") || !strings.Contains(f.ArticleText, "What happens next") {
		t.Errorf("public page lacks the body:\n%s", f.ArticleText)
	}
	if h2 := evalJS[string](t, ctx, `(document.querySelector('article.story h2') || {}).textContent || ''`); h2 != "What happens next" {
		t.Errorf("subheading %q, want an h2 made with the toolbar", h2)
	}
	link := evalJS[string](t, ctx, `(() => { const a = document.querySelector('article.story a'); return a ? a.textContent + ' ' + a.href + ' ' + a.rel : ''; })()`)
	if link != "first https://example.org/report noopener noreferrer" {
		t.Errorf("link in the body: %q", link)
	}
	if bold := evalJS[string](t, ctx, `(document.querySelector('article.story b, article.story strong') || {}).textContent || ''`); bold != "typed" {
		t.Errorf("bold text %q, want typed", bold)
	}
	open(t, ctx, s.URL+"/", 200)
	if !strings.Contains(evalJS[string](t, ctx, `document.body.innerText`), headline) {
		t.Error("the home page does not list the new story")
	}
}

// TestDeskSchedule: a story scheduled a few seconds ahead appears on the
// public site by itself.
func TestDeskSchedule(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "night.editor@example.com", "editor", "Eda Editor")
	ctx := newBrowser(t)
	signIn(t, ctx, s, "night.editor@example.com", "/desk/stories/new")

	headline := "Ferry timetable changes from tonight"
	writeStory(t, ctx, headline)
	// The English edition's zone is Europe/London; the field holds a
	// local time there. Seconds need step=1, which an editor would not.
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(4 * time.Second).In(london).Format("2006-01-02T15:04:05")
	evalJS[bool](t, ctx, `(() => { const i = document.getElementById('published_at'); i.step = 1; i.value = '`+at+`'; return true; })()`)
	if status := press(t, ctx, "schedule"); status != 200 {
		t.Fatalf("schedule: status %d", status)
	}
	id := storyID(t, ctx)
	if got := evalJS[string](t, ctx, `document.querySelector('.publish-box .status').textContent`); got != "Scheduled" {
		t.Fatalf("status after scheduling %q, want Scheduled", got)
	}
	section := evalJS[string](t, ctx, `document.querySelector('#section option:checked').dataset.slug`)
	path := fmt.Sprintf("/%s/%s-%s", section, id, "ferry-timetable-changes-from-tonight")
	if resp, err := http.Get(s.URL + path); err == nil {
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Fatalf("scheduled story is public before its time: %d", resp.StatusCode)
		}
	}
	// Wait for the scheduler: the bound only keeps a broken one from
	// hanging the test.
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(s.URL + path)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never appeared", path)
		}
		time.Sleep(250 * time.Millisecond)
	}
	open(t, ctx, s.URL+path, 200)
	if f := evalJS[storyFacts](t, ctx, storyFactsJS); len(f.H1s) != 1 || f.H1s[0] != headline {
		t.Errorf("scheduled story's page h1s %q", f.H1s)
	}
}

// TestDeskConflictingSave: two editors in two browser sessions open the
// same story; the first saves; the second's save is refused with what the
// first changed, and nothing the second typed is lost.
func TestDeskConflictingSave(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "frida.first@example.com", "editor", "Frida First")
	addStaff(t, s, "sam.second@example.com", "editor", "Sam Second")
	first := newBrowser(t)
	// A second browser context: its own cookies, so its own session.
	second, cancel := chromedp.NewContext(first, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)

	signIn(t, first, s, "frida.first@example.com", "/desk/stories/new")
	writeStory(t, first, "Council votes on the harbour plan")
	if status := press(t, first, "save"); status != 200 {
		t.Fatalf("save: status %d", status)
	}
	id := storyID(t, first)
	signIn(t, second, s, "sam.second@example.com", "/desk/stories/"+id)

	// The first changes the lead and saves.
	evalJS[bool](t, first, `(() => { document.getElementById('lead').value = ''; return true; })()`)
	err := chromedp.Do(first, chromedp.SendKeys(chromedp.CSS("#lead"), "Councillors approved the plan late on Thursday."))
	if err != nil {
		t.Fatal(err)
	}
	if status := press(t, first, "save"); status != 200 {
		t.Fatalf("first save: status %d", status)
	}

	// The second, still on the first version, adds to the body and saves.
	typed := " A second editor's sentence."
	err = chromedp.Do(second,
		chromedp.WaitVisible(chromedp.CSS(".rte-area")),
		chromedp.Click(chromedp.CSS(".rte-area p")),
	)
	if err != nil {
		t.Fatal(err)
	}
	// The caret at the end of the first paragraph, then type there.
	evalJS[bool](t, second, `(() => { const r = document.createRange(); const p = document.querySelector('.rte-area p');
		r.selectNodeContents(p); r.collapse(false); const s = getSelection(); s.removeAllRanges(); s.addRange(r); return true; })()`)
	err = chromedp.Do(second, chromedp.SendKeys(chromedp.CSS(".rte-area"), typed))
	if err != nil {
		t.Fatal(err)
	}
	if status := press(t, second, "save"); status != 409 {
		t.Fatalf("stale save: status %d, want 409", status)
	}
	alert := evalJS[string](t, second, `document.querySelector('[role=alert]').textContent`)
	if !strings.HasPrefix(alert, "Frida First saved this story at") {
		t.Errorf("alert %q does not say who saved", alert)
	}
	if ins := evalJS[string](t, second, `[...document.querySelectorAll('.conflict ins')].map(e => e.textContent).join('|')`); !strings.Contains(ins, "Thursday") {
		t.Errorf("conflict's insertions %q do not show the first's change", ins)
	}
	if body := evalJS[string](t, second, `document.querySelector('.rte-area').textContent`); !strings.Contains(body, strings.TrimSpace(typed)) {
		t.Errorf("the second's typed text is gone from the editor: %q", body)
	}
	screenshotHere(t, second, "desk-conflict")

	// Saving again now, knowingly, goes through.
	if status := press(t, second, "save"); status != 200 {
		t.Fatalf("second save after the conflict: status %d", status)
	}
	if flash := evalJS[string](t, second, `document.querySelector('.flash').textContent`); flash != "Draft saved." {
		t.Errorf("flash %q after saving again", flash)
	}
}
