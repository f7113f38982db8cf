package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"newsdesk/internal/media"
)

// TestPodcastEpisode: an editor uploads an episode's audio (an MP3 that
// newsdesk writes itself, two minutes long) through the desk's episode
// form and publishes it; on its page the player shows 0:00 / 2:00, plays,
// steps forward 30 seconds and shows the new position; and the bar stays
// in sight, docked, when the reader scrolls away while it plays.
func TestPodcastEpisode(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "podcast.editor@example.com", "editor", "Podcast Editor")
	ctx := newBrowser(t)
	signIn(t, ctx, s, "podcast.editor@example.com", "/desk/stories")

	// The demo's English show.
	open(t, ctx, s.URL+"/desk/podcasts", 200)
	clickLink(t, ctx, "the demo show", `a.closest('td') && a.getAttribute('href').startsWith('/desk/podcasts/') && !a.getAttribute('href').includes('/episodes/')`)
	clickLink(t, ctx, "new episode", `a.getAttribute('href').endsWith('/episodes/new')`)
	screenshots(t, ctx, "desk-episode-new")

	file := filepath.Join(t.TempDir(), "two-minutes.mp3")
	if err := os.WriteFile(file, media.SilentMP3(2*time.Minute), 0o600); err != nil {
		t.Fatal(err)
	}
	resp, err := chromedp.RunResponse(ctx,
		chromedp.SendKeys(chromedp.CSS("#title"), "Night shift at the harbour"),
		chromedp.SendKeys(chromedp.CSS("#description"), "Two minutes on the night shift."),
		chromedp.SetUploadFiles(chromedp.CSS("#audio_file"), []string{file}),
		chromedp.Click(chromedp.CSS(`button[value="publish"]`)),
	)
	if err != nil {
		t.Fatalf("publish the episode: %v", err)
	}
	if resp.Status != 200 || !regexp.MustCompile(`/desk/episodes/\d+$`).MatchString(resp.URL) {
		t.Fatalf("publishing led to %s (%d)", resp.URL, resp.Status)
	}
	if msg := evalJS[string](t, ctx, `document.querySelector('.flash').textContent`); !strings.Contains(msg, "published") {
		t.Fatalf("flash %q", msg)
	}
	// The desk's View link opens a new tab; this tab follows its address.
	page := evalJS[string](t, ctx, `[...document.querySelectorAll('a')].find(a => a.textContent.trim() === 'View').getAttribute('href')`)
	if !strings.HasPrefix(page, "/podcasts/") {
		t.Fatalf("the episode is at %q", page)
	}
	open(t, ctx, s.URL+page, 200)

	timeText := func() string {
		return evalJS[string](t, ctx, `document.querySelector('.player-time').textContent.replace(/\s+/g, ' ').trim()`)
	}
	if got := timeText(); got != "0:00 / 2:00" {
		t.Fatalf("the player shows %q, want 0:00 / 2:00", got)
	}
	if err := chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(".player-bar")),
		chromedp.Click(chromedp.CSS(".player-play")),
	); err != nil {
		t.Fatalf("play: %v", err)
	}
	waitFor(t, ctx, "playing", `!document.querySelector('.player-audio').paused && document.querySelector('.player-audio').currentTime > 0`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".player-forward"))); err != nil {
		t.Fatalf("forward: %v", err)
	}
	waitFor(t, ctx, "30 seconds on", `document.querySelector('.player-audio').currentTime >= 30`)
	got := timeText()
	if !regexp.MustCompile(`^0:3\d / 2:00$`).MatchString(got) {
		t.Errorf("after +30 s the player shows %q, want 0:3x / 2:00", got)
	}
	if label := evalJS[string](t, ctx, `document.querySelector('.player-play').getAttribute('aria-label')`); label != "Pause" {
		t.Errorf("the play button is labelled %q while playing", label)
	}

	// Back 15 seconds, mute, one and a half times the speed, a seek by the
	// bar; then pause.
	before := evalJS[float64](t, ctx, `document.querySelector('.player-audio').currentTime`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".player-back"))); err != nil {
		t.Fatal(err)
	}
	if after := evalJS[float64](t, ctx, `document.querySelector('.player-audio').currentTime`); after > before-14 || after < before-16.5 {
		t.Errorf("back 15 s went from %.1f to %.1f", before, after)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".player-mute")),
		chromedp.SetValue(chromedp.CSS(".player-speed"), "1.5"),
	); err != nil {
		t.Fatal(err)
	}
	evalJS[bool](t, ctx, `(document.querySelector('.player-speed').dispatchEvent(new Event('change')), true)`)
	state := evalJS[[]any](t, ctx, `(() => { const a = document.querySelector('.player-audio'); return [a.muted, a.playbackRate, document.querySelector('.player-mute').getAttribute('aria-pressed')]; })()`)
	if state[0] != true || state[1] != 1.5 || state[2] != "true" {
		t.Errorf("muted, rate, aria-pressed = %v", state)
	}
	evalJS[bool](t, ctx, `(() => { const s = document.querySelector('.player-seek'); s.value = 60; s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change')); return true; })()`)
	waitFor(t, ctx, "the seek to 1:00", `document.querySelector('.player-audio').currentTime >= 60`)
	if got := timeText(); !strings.HasPrefix(got, "1:0") {
		t.Errorf("after seeking to 1:00 the player shows %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".player-play"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "paused", `document.querySelector('.player-audio').paused`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".player-play"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "playing again", `!document.querySelector('.player-audio').paused`)

	// Scrolled away, the bar docks at the foot of the window and playing
	// goes on: the page is not left. A phone's screen is short enough for
	// the player to leave it.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 600, viewportOpts(390)...)); err != nil {
		t.Fatal(err)
	}
	evalJS[bool](t, ctx, `(document.querySelector('.site-footer').scrollIntoView(), true)`)
	if evalJS[bool](t, ctx, `document.querySelector('.player-spot').getBoundingClientRect().bottom > 0`) {
		t.Fatal("the page is too short to scroll the player out of sight")
	}
	waitFor(t, ctx, "the docked bar", `document.querySelector('.player').classList.contains('is-docked')`)
	inView := evalJS[bool](t, ctx, `(() => { const r = document.querySelector('.player-bar').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight + 1 && getComputedStyle(document.querySelector('.player-bar')).position === 'fixed'; })()`)
	if !inView {
		t.Error("the playing player's bar is not in sight after scrolling")
	}
	if evalJS[bool](t, ctx, `document.querySelector('.player-audio').paused`) {
		t.Error("playing stopped when the page scrolled")
	}
	screenshots(t, ctx, "podcast-episode")

	// /podcasts/ has a player for each show's latest episode: the new one.
	if err := chromedp.Do(ctx, chromedp.ResetViewport()); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, s.URL+"/podcasts/", 200)
	waitFor(t, ctx, "the list's player bar", `!document.querySelector('.player-bar').hidden`)
	if got := timeText(); got != "0:00 / 2:00" {
		t.Errorf("the list's first player shows %q, want 0:00 / 2:00", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".player-forward"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "30 seconds on in the list", `document.querySelector('.player-position').textContent === '0:30'`)
	screenshots(t, ctx, "podcasts")
}
