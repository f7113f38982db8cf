package e2e

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestDeskCurateHome orders the home page in the browser: stories added
// with the page's buttons, then one dragged to the top with the mouse
// events desk-curate.js listens to, and the public home page follows.
func TestDeskCurateHome(t *testing.T) {
	s := startSite(t, siteOptions{})
	const email, password = "curator@example.com", "a long curator password"
	addPasswordStaff(t, s, email, "editor", password)
	ctx := newBrowser(t)

	open(t, ctx, s.URL+"/desk/signin", 200)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#email`), email),
		chromedp.SendKeys(chromedp.CSS(`#password`), password),
		chromedp.Submit(chromedp.CSS(`#password`)),
		chromedp.WaitVisible(chromedp.CSS(`.desk-bar`)),
	); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	open(t, ctx, s.URL+"/desk/home", 200)

	// Three stories added as featured, with the buttons: plain forms.
	for i := range 3 {
		if err := chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS(`.candidates li:first-child button[value=add]`)),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#slots li:nth-child(%d)`, i+1))),
		); err != nil {
			t.Fatalf("add story %d: %v", i+1, err)
		}
	}
	before := evalJS[[]string](t, ctx, `[...document.querySelectorAll('#slots li')].map(li => li.dataset.id)`)
	if len(before) != 3 {
		t.Fatalf("home page order after three additions: %v", before)
	}
	if !evalJS[bool](t, ctx, `document.body.classList.contains('curate-ready') && document.querySelector('#slots li').draggable`) {
		t.Fatal("desk-curate.js did not make the stories draggable")
	}
	screenshots(t, ctx, "desk-home")

	// Drag the last story onto the top half of the first.
	drag := `(() => {
		const items = document.querySelectorAll('#slots li');
		const from = items[items.length - 1], to = items[0];
		const box = to.getBoundingClientRect();
		const dt = new DataTransfer();
		const fire = (el, type, y) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt, clientY: y}));
		fire(from, 'dragstart', 0);
		fire(to, 'dragover', box.top + 2);
		fire(to, 'drop', box.top + 2);
		fire(from, 'dragend', 0);
		return true;
	})()`
	evalJS[bool](t, ctx, drag)
	want := []string{before[2], before[0], before[1]}
	deadline := time.Now().Add(30 * time.Second)
	for {
		// The drop sends the order form; the page comes back with it.
		// Evaluation fails while the page is being replaced: try again.
		flash, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.flash') || {}).textContent || ''`))
		if err == nil && strings.Contains(flash, "order saved") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no saved order after the drop; page at %s", location(t, ctx))
		}
		time.Sleep(100 * time.Millisecond)
	}
	got := evalJS[[]string](t, ctx, `[...document.querySelectorAll('#slots li')].map(li => li.dataset.id)`)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("order after dragging the last story to the top = %v, want %v", got, want)
	}

	// The desk's other lists, for people to look at.
	for _, page := range []string{"stories", "sections", "tags"} {
		open(t, ctx, s.URL+"/desk/"+page, 200)
		screenshots(t, ctx, "desk-"+page)
	}

	// The public home page leads with it at once.
	open(t, ctx, s.URL+"/", 200)
	top := evalJS[string](t, ctx, `document.querySelector('.card-top .card-title a').getAttribute('href')`)
	if id := top[strings.LastIndex(top, "/")+1:]; !strings.HasPrefix(id, want[0]+"-") {
		t.Errorf("public top story is %s, want story %s", top, want[0])
	}
}

// addPasswordStaff adds a member of staff with a password to the site's newsroom
// through `newsdesk user add`, the password piped on standard input.
func addPasswordStaff(t *testing.T, s *site, email, role, password string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "user", "add", "--data", s.Data, "--email", email, "--role", role)
	cmd.Env = cleanEnv()
	cmd.Stdin = strings.NewReader(password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("newsdesk user add %s: %v\n%s", email, err, out)
	}
}
