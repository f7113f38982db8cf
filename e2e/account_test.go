package e2e

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"newsdesk/internal/mail/mailtest"
)

// readerPassword is the password of the readers the tests sign up.
const readerPassword = "lantern harbour evening"

// readerSite starts newsdesk with its mail going to a mailpit of its own.
func readerSite(t *testing.T) (*site, *mailtest.Mailpit) {
	t.Helper()
	requireBinary(t)
	mp := mailtest.Start(t)
	return startSite(t, siteOptions{SMTPPort: mp.SMTPPort}), mp
}

// fill types into the inputs of the form on the page, by id, and submits
// it with the button the CSS selector names.
func fill(t *testing.T, ctx context.Context, submit string, fields ...string) {
	t.Helper()
	var steps []chromedp.Action[chromedp.Void]
	for i := 0; i+1 < len(fields); i += 2 {
		steps = append(steps, chromedp.SendKeys(chromedp.CSS("#"+fields[i]), fields[i+1]))
	}
	steps = append(steps, chromedp.Click(chromedp.CSS(submit)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("fill in and submit %s: %v", submit, err)
	}
}

// signUpInBrowser fills in the sign-up form the tab shows, follows the
// link mailed to the address, and confirms it; the tab ends signed in
// where the reader came from.
func signUpInBrowser(t *testing.T, ctx context.Context, mp *mailtest.Mailpit, email string) {
	t.Helper()
	waitNav(t, ctx, "the sign-up form", `location.pathname === "/account/signup" && !!document.querySelector('#email')`)
	fill(t, ctx, `.account-form button[type=submit]`, "email", email, "password", readerPassword)
	waitNav(t, ctx, "the answer", `!!document.querySelector('#sent')`)
	if text := evalJS[string](t, ctx, `document.querySelector('#sent').textContent`); !strings.Contains(text, email) {
		t.Errorf("the answer %q does not name the address", text)
	}
	link := mp.Message(t, email).Link(t, "/account/confirm/")
	open(t, ctx, link, 200)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.account-form button[type=submit]`))); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "back from confirming", `!location.pathname.startsWith("/account/confirm/") && document.readyState === "complete"`)
}

// storyOf is the story id of the first bookmark form the selector finds.
func storyOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return evalJS[string](t, ctx, `document.querySelector(`+jsString(sel)+`).dataset.story`)
}

// TestReaderBookmarksWithJavaScript: a reader signs up from the header,
// follows the mailed link, saves a story from the home page and another
// from its page without a reload, finds both at /account/bookmarks, the
// last saved first, and removes one.
func TestReaderBookmarksWithJavaScript(t *testing.T) {
	s, mp := readerSite(t)
	ctx := newBrowser(t)
	open(t, ctx, s.URL+"/", 200)
	clickLink(t, ctx, "header -> sign up", `a.classList.contains('account-signup')`)
	signUpInBrowser(t, ctx, mp, "reader@example.org")
	if got := location(t, ctx); got != s.URL+"/" {
		t.Errorf("after confirming the tab shows %s, want the home page it came from", got)
	}
	waitNav(t, ctx, "the signed-in header", `!document.querySelector('.account-me').hidden && document.querySelector('.account-signin').hidden`)

	// From the home page, without a reload.
	home := storyOf(t, ctx, `.card form.bookmark`)
	evalJS[bool](t, ctx, `window.e2eNoReload = true`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form.bookmark[data-story="`+home+`"] .bookmark-add`))); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "the saved button", `document.querySelector('form.bookmark[data-story="`+home+`"]').classList.contains('is-saved')`)
	if !evalJS[bool](t, ctx, `window.e2eNoReload === true`) {
		t.Error("saving from the home page reloaded the page")
	}
	screenshots(t, ctx, "home-bookmarked")

	// From a story's page.
	clickLink(t, ctx, "home -> another story", `/^\/[a-z-]+\/\d+-/.test(new URL(a.href).pathname) && !new URL(a.href).pathname.includes("/`+home+`-")`)
	page := storyOf(t, ctx, `.opener-bar form.bookmark`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.opener-bar .bookmark-add`))); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "the saved button", `document.querySelector('.opener-bar form.bookmark').classList.contains('is-saved')`)
	// The cached page, opened again, shows the reader's state.
	open(t, ctx, location(t, ctx), 200)
	waitNav(t, ctx, "the state filled in", `document.querySelector('.opener-bar form.bookmark').classList.contains('is-saved')`)
	screenshots(t, ctx, "story-bookmarked")

	clickLink(t, ctx, "header -> bookmarks", `a.classList.contains('account-bookmarks')`)
	got := evalJS[[]string](t, ctx, `[...document.querySelectorAll('.saved-item')].map(li => li.id)`)
	if len(got) != 2 || got[0] != "saved-"+page || got[1] != "saved-"+home {
		t.Fatalf("bookmarks list %q, want saved-%s then saved-%s", got, page, home)
	}
	screenshots(t, ctx, "account-bookmarks")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#saved-`+page+` .saved-remove button`))); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "the item removed", `!document.querySelector('#saved-`+page+`')`)
	open(t, ctx, s.URL+"/account/bookmarks", 200)
	if got := evalJS[[]string](t, ctx, `[...document.querySelectorAll('.saved-item')].map(li => li.id)`); len(got) != 1 || got[0] != "saved-"+home {
		t.Errorf("after removing: %q", got)
	}
}

// TestReaderBookmarksWithoutJavaScript: with scripts off, saving a story
// signed out leads through sign-up and the mailed link back to the story,
// saved; the home page's buttons save too; the list removes with a form.
func TestReaderBookmarksWithoutJavaScript(t *testing.T) {
	s, mp := readerSite(t)
	ctx := newBrowser(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, s.URL+"/", 200)
	clickLink(t, ctx, "home -> a story", `/^\/[a-z-]+\/\d+-/.test(new URL(a.href).pathname)`)
	storyURL := location(t, ctx)
	story := storyOf(t, ctx, `.opener-bar form.bookmark`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.opener-bar .bookmark-add`))); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "the sign-in form", `location.pathname === "/account/signin" && !!document.querySelector('#email')`)
	if v := evalJS[string](t, ctx, `(document.querySelector('input[name=bookmark]') || {}).value || ""`); v != story {
		t.Fatalf("the sign-in form carries bookmark %q, want %s", v, story)
	}
	clickLink(t, ctx, "sign in -> sign up", `a.closest('main') && new URL(a.href).pathname === "/account/signup"`)
	signUpInBrowser(t, ctx, mp, "noscript@example.org")
	if got := location(t, ctx); got != storyURL+"#bookmark-"+story {
		t.Fatalf("after confirming the tab shows %s, want %s#bookmark-%s", got, storyURL, story)
	}
	// The button the reader comes back to is drawn saved.
	saved := `getComputedStyle(document.querySelector('.opener-bar .bookmark-remove')).display !== 'none' && getComputedStyle(document.querySelector('.opener-bar .bookmark-add')).display === 'none'`
	if !evalJS[bool](t, ctx, saved) {
		t.Error("back on the story, its button is not shown saved")
	}
	screenshots(t, ctx, "story-bookmarked-noscript")

	// From the home page.
	open(t, ctx, s.URL+"/", 200)
	home := evalJS[string](t, ctx, `[...document.querySelectorAll('.card form.bookmark')].map(f => f.dataset.story).find(id => id !== `+jsString(story)+`)`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.card form.bookmark[data-story="`+home+`"] .bookmark-add`))); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "back on the home page", `location.hash === "#bookmark-`+home+`" && document.readyState === "complete"`)
	if !evalJS[bool](t, ctx, `getComputedStyle(document.querySelector('form.bookmark[data-story="`+home+`"] .bookmark-remove')).display !== 'none'`) {
		t.Error("back on the home page, the card's button is not shown saved")
	}
	if got := location(t, ctx); !strings.HasPrefix(got, s.URL+"/#") {
		t.Errorf("saving from the home page led to %s", got)
	}

	open(t, ctx, s.URL+"/account/bookmarks", 200)
	got := evalJS[[]string](t, ctx, `[...document.querySelectorAll('.saved-item')].map(li => li.id)`)
	if len(got) != 2 || got[0] != "saved-"+home || got[1] != "saved-"+story {
		t.Fatalf("bookmarks list %q, want saved-%s then saved-%s", got, home, story)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#saved-`+home+` .saved-remove button`))); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "the list again", `location.pathname === "/account/bookmarks" && document.readyState === "complete" && !document.querySelector('#saved-`+home+`')`)
	if got := evalJS[int](t, ctx, `document.querySelectorAll('.saved-item').length`); got != 1 {
		t.Errorf("after removing, %d bookmarks listed, want 1", got)
	}
}

// TestReaderPasswordReset: a reader who forgot the password asks for a
// link at the sign-in form, follows it from the mail, chooses a new
// password and signs in with it.
func TestReaderPasswordReset(t *testing.T) {
	s, mp := readerSite(t)
	// The account, made over HTTP as a browser would.
	resp, err := http.PostForm(s.URL+"/account/signup", url.Values{"email": {"forgetful@example.org"}, "password": {readerPassword}})
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("sign up: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, err = http.PostForm(mp.Message(t, "forgetful@example.org").Link(t, "/account/confirm/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	ctx := newBrowser(t)
	open(t, ctx, s.URL+"/account/signin", 200)
	clickLink(t, ctx, "sign in -> forgotten", `new URL(a.href).pathname === "/account/reset"`)
	fill(t, ctx, `.account-form button[type=submit]`, "email", "forgetful@example.org")
	waitNav(t, ctx, "the answer", `!!document.querySelector('#sent')`)
	link := mp.Last(t, "forgetful@example.org").Link(t, "/account/reset/")
	open(t, ctx, link, 200)
	fill(t, ctx, `.account-form button[type=submit]`, "password", "a new and better password", "confirm", "a new and better password")
	waitNav(t, ctx, "the account page", `location.pathname === "/account/" && !!document.querySelector('.notice')`)
	if msg := evalJS[string](t, ctx, `document.querySelector('.notice').textContent`); !strings.Contains(msg, "password is changed") {
		t.Errorf("notice %q", msg)
	}
	// The link works once.
	open(t, ctx, link, 404)
	// Sign out, and in with the new password.
	open(t, ctx, s.URL+"/account/", 200)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.account-inline button[type=submit]`))); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "signed out", `location.pathname === "/account/signin" && !!document.querySelector('#email')`)
	fill(t, ctx, `.account-form button[type=submit]`, "email", "forgetful@example.org", "password", "a new and better password")
	waitNav(t, ctx, "the account page", `location.pathname === "/account/" && !!document.querySelector('#account-email')`)
}
