package e2e

import (
	"context"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitNav polls the page until the JavaScript condition holds, across
// the navigations of submitted forms.
func waitNav(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	// Evaluate afresh each time: a navigation in between destroys the
	// page's JavaScript context, which a single in-page poll does not
	// survive.
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		last = err
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v (last error: %v)", what, ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func TestDeskSignIn(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "chief@example.com", "admin", "")
	addStaff(t, s, "cara@example.com", "contributor", "Cara Reyes")
	ctx := newBrowser(t)

	// A desk page sends a signed-out visitor to the sign-in form and back.
	open(t, ctx, s.URL+"/desk/account", 200)
	if loc := location(t, ctx); !strings.Contains(loc, "/desk/signin?next=%2Fdesk%2Faccount") {
		t.Fatalf("signed-out /desk/account landed on %s", loc)
	}
	screenshots(t, ctx, "desk-signin")
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#email`), "chief@example.com"),
		chromedp.SendKeys(chromedp.CSS(`#password`), "not the password"),
		chromedp.Click(chromedp.CSS(`form button[type=submit]`)),
	); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "the refusal", `!!document.querySelector('[role=alert]')`)
	if msg := evalJS[string](t, ctx, `document.querySelector('[role=alert]').textContent`); !strings.Contains(msg, "do not match") {
		t.Errorf("wrong password message = %q", msg)
	}
	// The address typed is kept, and focus waits in the password field.
	// Browsers apply autofocus at their next rendering step, after the
	// page has loaded: wait for it, bounded, rather than race it.
	waitNav(t, ctx, "focus in the password field", `document.activeElement && document.activeElement.id === 'password'`)
	if got := evalJS[string](t, ctx, `document.activeElement.id + " " + document.querySelector('#email').value`); got != "password chief@example.com" {
		t.Errorf("after a wrong password: focus and address = %q", got)
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#password`), staffPassword),
		chromedp.Click(chromedp.CSS(`form button[type=submit]`)),
	); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "the account page", `location.pathname === "/desk/account" && document.readyState === "complete"`)
	// The admin sees Staff in the navigation and the staff page.
	clickLink(t, ctx, "staff", `a.pathname === "/desk/staff"`)
	if n := evalJS[int](t, ctx, `document.querySelectorAll('tr[id^=user-]').length`); n < 2 {
		t.Errorf("staff page lists %d accounts", n)
	}
	screenshots(t, ctx, "desk-staff")
	open(t, ctx, s.URL+"/desk/account", 200)
	screenshots(t, ctx, "desk-account")
	open(t, ctx, s.URL+"/desk/editions", 200)
	screenshots(t, ctx, "desk-editions")
	// The session cookie is out of JavaScript's reach.
	if c := evalJS[string](t, ctx, `document.cookie`); strings.Contains(c, "newsdesk_session") {
		t.Errorf("document.cookie shows the session: %q", c)
	}
	// Sign out from the user menu.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`details.desk-menu summary`)),
		chromedp.Click(chromedp.CSS(`form[action="/desk/signout"] button`)),
	); err != nil {
		t.Fatal(err)
	}
	waitNav(t, ctx, "signed out", `location.pathname === "/desk/signin" && document.body.textContent.includes("You have signed out")`)
	open(t, ctx, s.URL+"/desk/staff", 200)
	if loc := location(t, ctx); !strings.Contains(loc, "/desk/signin") {
		t.Errorf("after signing out /desk/staff shows %s", loc)
	}

	t.Run("contributor refused publishing", func(t *testing.T) {
		ctx := newBrowser(t)
		signIn(t, ctx, s, "cara@example.com", "/desk/stories/new")
		if n := evalJS[int](t, ctx, `document.querySelectorAll('button[name=action][value=publish]').length`); n != 0 {
			t.Errorf("a contributor's new story shows %d publish buttons", n)
		}
		if err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.CSS(`#headline`), "Contributor's harbour draft"),
		); err != nil {
			t.Fatal(err)
		}
		// The first section of the chosen edition.
		evalJS[bool](t, ctx, `(() => {
			const ed = document.querySelector('#edition').value;
			const opt = document.querySelector('#section optgroup[data-edition="' + ed + '"] option');
			document.querySelector('#section').value = opt.value;
			return true;
		})()`)
		if err := chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS(`button[name=action][value=save]:not(.default-action)`)),
		); err != nil {
			t.Fatal(err)
		}
		waitNav(t, ctx, "the saved draft", `/^\/desk\/stories\/\d+$/.test(location.pathname) && document.readyState === "complete"`)
		if n := evalJS[int](t, ctx, `document.querySelectorAll('button[name=action][value=publish]').length`); n != 0 {
			t.Errorf("a contributor's draft shows %d publish buttons", n)
		}
		// Forge the publish: the form as it is, with action=publish, sent
		// from the contributor's own signed-in page.
		status, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(async () => {
			const form = document.querySelector('#story-form');
			const data = new URLSearchParams(new FormData(form));
			data.set('action', 'publish');
			// form.action would be the button named "action".
			const res = await fetch(form.getAttribute('action'), {method: 'POST', body: data, redirect: 'manual'});
			return res.status;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if status != 403 {
			t.Errorf("forged publish answered %d, want 403", status)
		}
		open(t, ctx, location(t, ctx), 200)
		if st := evalJS[string](t, ctx, `document.querySelector('.status').textContent`); !strings.Contains(strings.ToLower(st), "draft") {
			t.Errorf("after the forged publish the story is %q, want still a draft", st)
		}
	})

	t.Run("one-time link", func(t *testing.T) {
		// `newsdesk user add` without a password prints a link.
		cmd := exec.Command(binary, "user", "add", "--data", s.Data, "--email", "nell@example.com", "--role", "author", "--name", "Nell Okafor", "--base-url", s.URL)
		cmd.Env = cleanEnv()
		cmd.Stdin = strings.NewReader("")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("user add: %v\n%s", err, out)
		}
		m := regexp.MustCompile(`https?://\S+/desk/signin/\S+`).FindString(string(out))
		if m == "" {
			t.Fatalf("user add printed no link:\n%s", out)
		}
		ctx := newBrowser(t)
		open(t, ctx, m, 200)
		screenshots(t, ctx, "desk-signin-link")
		if err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.CSS(`#password`), "nell's own long password"),
			chromedp.SendKeys(chromedp.CSS(`#confirm`), "nell's own long password"),
			chromedp.Click(chromedp.CSS(`form button[type=submit]`)),
		); err != nil {
			t.Fatal(err)
		}
		waitNav(t, ctx, "the desk", `location.pathname.startsWith("/desk/stories") && document.readyState === "complete" && !!document.querySelector('.flash')`)
		if msg := evalJS[string](t, ctx, `document.querySelector('.flash').textContent`); !strings.Contains(msg, "Welcome, Nell Okafor") {
			t.Errorf("flash after the link = %q", msg)
		}
		// The link worked once.
		resp, err := http.Get(m)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("the used link answers %d, want 404", resp.StatusCode)
		}
	})
}
