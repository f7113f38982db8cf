package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestShareStory: a story page offers a share link for every network with
// the story's address, copies that address when asked, and loads nothing
// from another site.
func TestShareStory(t *testing.T) {
	s := startSite(t, siteOptions{})
	ctx := newBrowser(t)
	open(t, ctx, s.URL+"/", 200)
	clickLink(t, ctx, "home page -> a story", `/^\/[a-z-]+\/\d+-/.test(new URL(a.href).pathname)`)
	here := location(t, ctx)

	type share struct {
		Links   []string
		Copy    bool // the copy button is shown
		Foreign []string
	}
	got := evalJS[share](t, ctx, `({
		Links: [...document.querySelectorAll('.share-links a')].map(a => a.href),
		Copy: !document.querySelector('.share-copy').parentElement.hidden,
		Foreign: performance.getEntriesByType('resource').map(e => e.name).filter(n => new URL(n).origin !== location.origin),
	})`)
	hosts := []string{"www.facebook.com", "x.com", "vk.com", "t.me", "connect.ok.ru", "wa.me", ""}
	if len(got.Links) != len(hosts) {
		t.Fatalf("share links %q, want one for each of %q", got.Links, hosts)
	}
	for i, l := range got.Links {
		u, err := url.Parse(l)
		if err != nil || u.Host != hosts[i] {
			t.Errorf("share link %d is %s, want host %q", i, l, hosts[i])
			continue
		}
		if q, _ := url.QueryUnescape(u.RawQuery + u.Opaque); !strings.Contains(q, here) {
			t.Errorf("share link %s does not carry the page's address %s", l, here)
		}
	}
	screenshots(t, ctx, "story-share")
	if len(got.Foreign) > 0 {
		t.Errorf("the page fetched from other sites: %q", got.Foreign)
	}
	if !got.Copy {
		t.Fatal("the copy-link button is hidden although the browser has a clipboard")
	}
	// The test reads the clipboard back, which a page may do only when
	// allowed; writing it needs no more than the reader's click.
	if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
		Permission: &browser.PermissionDescriptor{Name: "clipboard-read"},
		Setting:    browser.PermissionSettingGranted,
		Origin:     s.URL,
	}); err != nil {
		t.Fatalf("allow reading the clipboard: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".share-copy"))); err != nil {
		t.Fatalf("copy link: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('.share-copy span').textContent === 'Link copied' || null`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the copy button never said the link was copied: %v", err)
	}
	evalJS[bool](t, ctx, `(navigator.clipboard.readText().then(t => { window.e2eCopied = t }), true)`)
	copied, err := chromedp.Run(ctx, chromedp.Poll[string](`window.e2eCopied ?? null`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("read the clipboard: %v", err)
	}
	if copied != here {
		t.Errorf("clipboard holds %q, want %q", copied, here)
	}
}
