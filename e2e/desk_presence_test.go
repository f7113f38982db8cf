package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitFor evaluates cond in the page until it is true. The bound only
// keeps a broken page from hanging the test; nothing is timed.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !evalJS[bool](t, ctx, cond) {
		if time.Now().After(deadline) {
			banner := evalJS[string](t, ctx, `(document.getElementById('presence') || {}).textContent || ''`)
			t.Fatalf("%s: still not so on %s; banner: %q", what, location(t, ctx), banner)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// bannerSays is a page condition: the presence banner shows and holds text.
func bannerSays(text string) string {
	return `(() => { const b = document.getElementById('presence');
		return !!b && !b.hidden && b.textContent.includes(` + jsString(text) + `); })()`
}

// bannerHidden is a page condition: the presence banner is there, hidden.
const bannerHidden = `(() => { const b = document.getElementById('presence'); return !!b && b.hidden; })()`

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// heartbeatNow makes the page send its heartbeat at once, as it does when
// its tab comes back into view, instead of waiting 15 seconds.
const heartbeatNow = `document.dispatchEvent(new Event('visibilitychange')), true`

// TestDeskPresence opens one story in two browsers: the second sees who is
// editing and takes over, the first is told it lost the story, and when
// the second closes the story the first edits alone again.
func TestDeskPresence(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "alice@example.com", "editor", "Alice")
	addStaff(t, s, "bob@example.com", "editor", "Bob")
	alice, bob := newBrowser(t), newBrowser(t)
	// Both land in the editor of the same story.
	signIn(t, alice, s, "alice@example.com", "/desk/stories/1")
	// Alone with the story: her first heartbeat keeps the banner hidden.
	waitFor(t, alice, "Alice alone", `(() => { const b = document.getElementById('presence');
		return !!b && b.hidden && performance.getEntriesByType('resource').some(e => e.name.endsWith('/presence')); })()`)

	signIn(t, bob, s, "bob@example.com", "/desk/stories/1")
	waitFor(t, bob, "Bob sees Alice editing", bannerSays("Alice is editing this story since "))
	if err := chromedp.Do(bob, chromedp.Click(chromedp.CSS(`#presence button`))); err != nil {
		t.Fatalf("take over: %v", err)
	}
	waitFor(t, bob, "Bob edits, Alice still there", bannerSays("Also open here: Alice"))

	evalJS[bool](t, alice, heartbeatNow)
	waitFor(t, alice, "Alice told she lost the story", bannerSays("Bob took over this story at "))
	if role := evalJS[string](t, alice, `document.getElementById('presence').getAttribute('role')`); role != "alert" {
		t.Errorf("the lost-story banner has role %q, want alert", role)
	}
	// Later heartbeats keep telling Alice, until she takes the story back.
	// The old banner's text is marked: a new one, drawn from the next
	// heartbeat's answer, has no mark.
	evalJS[bool](t, alice, `document.querySelector('#presence p').dataset.old = '1', true`)
	evalJS[bool](t, alice, heartbeatNow)
	waitFor(t, alice, "the banner drawn again", `!document.querySelector('#presence p[data-old]') && document.getElementById('presence').textContent.includes('Bob')`)
	if text := evalJS[string](t, alice, `document.getElementById('presence').textContent`); !strings.Contains(text, "took over this story") {
		t.Errorf("after another heartbeat the banner says %q, want that Bob took the story over", text)
	}

	// Bob leaves the editor: the page's beacon removes him at once.
	open(t, bob, s.URL+"/desk/stories", 200)
	evalJS[bool](t, alice, heartbeatNow)
	waitFor(t, alice, "Alice alone again", bannerHidden)
}

// TestDeskScriptsInRussian: a member of staff who chooses Russian on the
// account page gets the desk's scripts in Russian too, names and times
// put in their places: the presence banner, its button and the editor.
func TestDeskScriptsInRussian(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "alice@example.com", "editor", "Alice")
	addStaff(t, s, "bob@example.com", "editor", "Bob")
	alice, bob := newBrowser(t), newBrowser(t)

	signIn(t, bob, s, "bob@example.com", "/desk/account")
	if err := chromedp.Do(bob, chromedp.SetValue(chromedp.CSS("#language"), "ru")); err != nil {
		t.Fatalf("choose Russian: %v", err)
	}
	if err := chromedp.Do(bob, chromedp.Click(chromedp.CSS(`form[action="/desk/account"] button[type=submit]`))); err != nil {
		t.Fatalf("save the choice: %v", err)
	}
	waitFor(t, bob, "the account page in Russian", `document.documentElement.lang === 'ru' && document.body.textContent.includes('Теперь редакция на языке: Русский.')`)

	signIn(t, alice, s, "alice@example.com", "/desk/stories/1")
	waitFor(t, alice, "Alice's editor in English", `document.querySelector('.rte-area') && document.querySelector('.rte-area').dataset.placeholder === 'Write the story…'`)
	open(t, bob, s.URL+"/desk/stories/1", 200)
	waitFor(t, bob, "Bob sees Alice editing, in Russian", bannerSays("Alice правит этот материал с "))
	if got := evalJS[string](t, bob, `document.querySelector('#presence button').textContent`); got != "Перехватить" {
		t.Errorf("the take-over button says %q, want Перехватить", got)
	}
	if got := evalJS[string](t, bob, `document.querySelector('#presence strong').textContent`); got != "Alice" {
		t.Errorf("the banner's name in bold is %q, want Alice", got)
	}
	if got := evalJS[string](t, bob, `document.querySelector('.rte-area').dataset.placeholder`); got != "Напишите материал…" {
		t.Errorf("the editor's placeholder is %q", got)
	}
}
