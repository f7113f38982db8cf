package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestGalleryViewer opens the demo gallery in its full-screen viewer and
// moves through it with the arrow keys and the buttons, then on a phone
// with swipes: left and right move, down closes.
func TestGalleryViewer(t *testing.T) {
	s := startSite(t, siteOptions{})
	ctx := newBrowser(t)
	open(t, ctx, s.URL+"/", 200)
	clickLink(t, ctx, "home page -> the gallery story", `/in-pictures/.test(a.pathname)`)
	total := evalJS[int](t, ctx, `document.querySelectorAll('.gallery-thumb').length`)
	if total < 3 {
		t.Fatalf("the gallery has %d photos, want at least 3", total)
	}
	screenshots(t, ctx, "story-gallery")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.gallery-thumb[data-index="2"]`))); err != nil {
		t.Fatalf("open photo 2: %v", err)
	}
	wantPhoto(t, ctx, "after clicking photo 2", 2, total)
	if got := evalJS[string](t, ctx, `document.activeElement.getAttribute('aria-label')`); got != "Close" {
		t.Errorf("focus is on %q, want the viewer's close button", got)
	}
	steps := []struct {
		what string
		do   chromedp.Action[chromedp.Void]
		want int
	}{
		{"ArrowRight", chromedp.KeyEvent(kb.ArrowRight), 3},
		{"ArrowRight", chromedp.KeyEvent(kb.ArrowRight), 4 % (total + 1)},
		{"ArrowLeft", chromedp.KeyEvent(kb.ArrowLeft), 3},
		{"the previous button", chromedp.Click(chromedp.CSS(`.viewer [data-prev]`)), 2},
		{"the next button", chromedp.Click(chromedp.CSS(`.viewer [data-next]`)), 3},
	}
	for _, st := range steps {
		if err := chromedp.Do(ctx, st.do); err != nil {
			t.Fatalf("%s: %v", st.what, err)
		}
		wantPhoto(t, ctx, "after "+st.what, st.want, total)
	}
	// From the first photo, back goes round to the last.
	for i := 0; i < 2; i++ {
		chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowLeft))
	}
	wantPhoto(t, ctx, "at the first photo", 1, total)
	chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowLeft))
	wantPhoto(t, ctx, "back from the first photo", total, total)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	wantClosed(t, ctx, "Escape")
	if got := evalJS[string](t, ctx, `document.activeElement.dataset.index || ''`); got != "2" {
		t.Errorf("after closing, focus is on %q, want the thumbnail that opened the viewer", got)
	}

	// A phone: touch swipes.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, viewportOpts(390)...)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.gallery-thumb[data-index="1"]`))); err != nil {
		t.Fatalf("open photo 1 on a phone: %v", err)
	}
	wantPhoto(t, ctx, "on a phone", 1, total)
	swipe(t, ctx, 320, 400, 60, 410)
	wantPhoto(t, ctx, "after swiping left", 2, total)
	swipe(t, ctx, 320, 400, 60, 380)
	wantPhoto(t, ctx, "after swiping left again", 3, total)
	swipe(t, ctx, 60, 400, 330, 400)
	wantPhoto(t, ctx, "after swiping right", 2, total)
	swipe(t, ctx, 200, 200, 210, 520)
	wantClosed(t, ctx, "a swipe down")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.gallery-thumb[data-index="3"]`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.viewer [data-close]`))); err != nil {
		t.Fatal(err)
	}
	wantClosed(t, ctx, "the close button")
}

// wantPhoto waits until the viewer is open on photo n of total: its
// counter, and the image of that thumbnail with its caption.
func wantPhoto(t *testing.T, ctx context.Context, what string, n, total int) {
	t.Helper()
	type state struct {
		Open    bool
		Count   string
		Src     string
		Want    string
		Caption string
		Alt     string
	}
	expr := fmt.Sprintf(`(() => {
		const v = document.querySelector('.viewer'), th = document.querySelector('.gallery-thumb[data-index="%d"]');
		const img = v.querySelector('[data-image]');
		const s = {Open: !v.hidden, Count: v.querySelector('[data-count]').textContent, Src: new URL(img.getAttribute('src'), location.href).pathname,
			Want: th.dataset.full, Caption: v.querySelector('[data-caption]').textContent, Alt: img.alt};
		return s.Open && s.Src === s.Want ? s : null;
	})()`, n)
	got, err := chromedp.Run(ctx, chromedp.Poll[state](expr, chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		last := evalJS[any](t, ctx, `({open: !document.querySelector('.viewer').hidden, count: document.querySelector('.viewer [data-count]').textContent})`)
		t.Fatalf("%s: the viewer does not show photo %d: %v (it shows %v)", what, n, err, last)
	}
	if want := fmt.Sprintf("%d of %d", n, total); got.Count != want {
		t.Errorf("%s: counter %q, want %q", what, got.Count, want)
	}
	if got.Caption == "" || got.Alt == "" {
		t.Errorf("%s: caption %q, alt %q; want both", what, got.Caption, got.Alt)
	}
}

func wantClosed(t *testing.T, ctx context.Context, how string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('.viewer').hidden || null`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("%s did not close the viewer: %v", how, err)
	}
}

// swipe drags one finger from (x0, y0) to (x1, y1) in a few moves, as a
// touch screen reports it.
func swipe(t *testing.T, ctx context.Context, x0, y0, x1, y1 float64) {
	t.Helper()
	touch := func(typ input.DispatchTouchEventType, pts ...*input.TouchPoint) {
		if pts == nil {
			pts = []*input.TouchPoint{}
		}
		if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts}); err != nil {
			t.Fatalf("touch %s: %v", typ, err)
		}
	}
	touch(input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: x0, Y: y0})
	for i := 1; i <= 5; i++ {
		f := float64(i) / 5
		touch(input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: x0 + (x1-x0)*f, Y: y0 + (y1-y0)*f})
	}
	touch(input.DispatchTouchEventTypeTouchEnd)
}

// TestStoryVideo plays the demo's video story with the site's controls,
// mutes and unmutes it, seeks, and pauses it.
func TestStoryVideo(t *testing.T) {
	s := startSite(t, siteOptions{})
	ctx := newBrowser(t)
	open(t, ctx, s.URL+"/", 200)
	clickLink(t, ctx, "home page -> the video story", `/watch-the-tide/.test(a.pathname)`)
	type player struct {
		Controls bool // the browser's own controls
		Bar      bool // the site's controls shown
		Paused   bool
		Muted    bool
		Time     float64
		Duration float64
		State    string
		PlayLbl  string
		MuteLbl  string
		Pressed  string
		Type     string // what the server sent
	}
	read := `(() => { const v = document.querySelector('[data-video] video'), f = document.querySelector('.video-frame');
		return {Controls: v.controls, Bar: !document.querySelector('[data-controls]').hidden, Paused: v.paused, Muted: v.muted,
			Time: v.currentTime, Duration: v.duration || 0, State: f.dataset.state,
			PlayLbl: f.querySelector('[data-play]').getAttribute('aria-label'),
			MuteLbl: f.querySelector('[data-mute]').getAttribute('aria-label'),
			Pressed: f.querySelector('[data-mute]').getAttribute('aria-pressed'),
			Type: (performance.getEntriesByType('resource').find(e => e.initiatorType === 'video') || {}).name || ''} })()`
	screenshots(t, ctx, "story-video")
	p := evalJS[player](t, ctx, read)
	if p.Controls || !p.Bar || !p.Paused || p.PlayLbl != "Play" {
		t.Fatalf("before playing: %+v; want the site's controls, paused", p)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-video] [data-play]`))); err != nil {
		t.Fatalf("play: %v", err)
	}
	playing, err := chromedp.Run(ctx, chromedp.Poll[player](`(() => { const p = `+read+`; return !p.Paused && p.Time > 0.3 ? p : null })()`,
		chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil {
		t.Fatalf("the video does not play: %v (%+v)", err, evalJS[player](t, ctx, read))
	}
	if playing.State != "playing" || playing.PlayLbl != "Pause" || playing.Duration < 3.9 || playing.Duration > 4.1 {
		t.Errorf("playing: %+v; want state playing, a Pause button and 4 s", playing)
	}
	for _, want := range []bool{true, false} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-video] [data-mute]`))); err != nil {
			t.Fatalf("mute: %v", err)
		}
		p := evalJS[player](t, ctx, read)
		label := map[bool]string{true: "Unmute", false: "Mute"}[want]
		if p.Muted != want || p.Pressed != fmt.Sprint(want) || p.MuteLbl != label {
			t.Errorf("after the mute button: muted %v, aria-pressed %s, label %q; want %v", p.Muted, p.Pressed, p.MuteLbl, want)
		}
	}
	// Full screen in and out, with the same button.
	for _, in := range []bool{true, false} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-video] [data-full]`))); err != nil {
			t.Fatalf("full screen: %v", err)
		}
		cond := `document.fullscreenElement === document.querySelector('.video-frame') && document.querySelector('[data-full]').getAttribute('aria-label') === 'Exit full screen' || null`
		if !in {
			cond = `!document.fullscreenElement && document.querySelector('[data-full]').getAttribute('aria-label') === 'Full screen' || null`
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("full screen %v: %v", in, err)
		}
	}
	// Seeking, which the server answers with ranges.
	evalJS[bool](t, ctx, `(() => { const s = document.querySelector('[data-seek]'); s.value = 100; s.dispatchEvent(new Event('change')); return true })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const v = document.querySelector('[data-video] video'); return v.currentTime < 1.5 || null })()`,
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("seeking back to a tenth did not move the video: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-video] [data-play]`))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('[data-video] video').paused || null`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("the pause button did not pause: %v", err)
	}
}
