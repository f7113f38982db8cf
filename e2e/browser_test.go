package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium, which CI installs with apt-get.
const chromiumPath = "/usr/bin/chromium"

// Viewports the screenshots are taken at: a common phone and a laptop.
var viewports = []struct {
	Name          string
	Width, Height int64
}{
	{"phone", 390, 844},
	{"desktop", 1366, 900},
}

// newBrowser starts a headless Chromium with a fresh profile for t and
// returns a context whose actions run in one tab. It skips t when Chromium is
// not installed, so `go test ./...` passes on a machine without it.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser test: %s is not installed (apt-get install chromium; .ci/run does)", chromiumPath)
	}
	profile := t.TempDir() // removed after the browser, since cleanups run last-in first-out
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// This machine has no network beyond loopback: without these
		// flags Chromium keeps trying to reach its own services.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1366, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	// The first action starts the browser; it must not run under a timeout,
	// which would end the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	tctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel)
	return tctx
}

// open navigates to url, failing t unless the response has status want.
func open(t *testing.T, ctx context.Context, url string, want int64) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("navigate to %s: %v", url, err)
	}
	if resp.Status != want {
		t.Fatalf("GET %s: status %d, want %d", url, resp.Status, want)
	}
}

// clickLink clicks, with the mouse, the first <a> whose href path matches
// the JavaScript predicate pred (given the link element as a), and waits for
// the page it leads to. It fails t when no such link is on the page.
func clickLink(t *testing.T, ctx context.Context, what, pred string) string {
	t.Helper()
	// Mark the link so a CSS selector finds exactly it; the click itself
	// is a real mouse click on its position.
	found := evalJS[bool](t, ctx, fmt.Sprintf(`(() => {
		document.querySelectorAll('[data-e2e-target]').forEach(e => e.removeAttribute('data-e2e-target'));
		const a = [...document.querySelectorAll('a[href]')].find(a => (%s));
		if (!a) return false;
		a.setAttribute('data-e2e-target', '1');
		a.scrollIntoView({block: 'center'});
		return true;
	})()`, pred))
	if !found {
		t.Fatalf("%s: no link on %s", what, location(t, ctx))
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`[data-e2e-target]`)))
	if err != nil {
		t.Fatalf("%s: click: %v", what, err)
	}
	if resp.Status != 200 {
		t.Fatalf("%s: %s answered %d, want 200", what, resp.URL, resp.Status)
	}
	return location(t, ctx)
}

// evalJS evaluates expr in the page and decodes its JSON value into T.
func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr))
	if err != nil {
		t.Fatalf("evaluate in page: %v\n%s", err, expr)
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return v
}

// location is the URL the tab shows now.
func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("location: %v", err)
	}
	return u
}

// screenshots saves PNGs of the current page at every viewport into
// e2e/screenshots/: NAME-VIEWPORT.png holds the whole page and
// NAME-VIEWPORT-screen.png its first screen. They are for people to look at
// and are not committed.
func screenshots(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := filepath.Join(repoRoot, "e2e", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	url := location(t, ctx)
	for _, vp := range viewports {
		if err := chromedp.Do(ctx,
			chromedp.EmulateViewport(vp.Width, vp.Height, viewportOpts(vp.Width)...),
			chromedp.Navigate(url), // lay the page out afresh at this width
		); err != nil {
			t.Fatalf("viewport %s: %v", vp.Name, err)
		}
		full, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", vp.Name, err)
		}
		// The first screen too: what a reader sees before scrolling, and
		// a size that image viewers show without shrinking it to nothing.
		screen, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", vp.Name, err)
		}
		for suffix, png := range map[string][]byte{"": full, "-screen": screen} {
			file := filepath.Join(dir, name+"-"+vp.Name+suffix+".png")
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot %s", strings.TrimPrefix(file, repoRoot+string(filepath.Separator)))
		}
	}
	if err := chromedp.Do(ctx, chromedp.ResetViewport()); err != nil {
		t.Fatalf("reset viewport: %v", err)
	}
}

// viewportOpts makes narrow viewports behave like a phone: the page's
// <meta name=viewport> applies and touch is on, as on a real handset.
func viewportOpts(width int64) []chromedp.EmulateViewportOption {
	if width >= 800 {
		return nil
	}
	return []chromedp.EmulateViewportOption{chromedp.EmulateMobile, chromedp.EmulatePortrait, chromedp.EmulateTouch}
}
