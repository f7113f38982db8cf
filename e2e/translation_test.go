package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pageLanguage is what a reader sees of a page's language: its lang
// attribute, the words of its chrome, and its date line, both as shown
// (a fresh story says how long ago) and as the exact date in the tooltip.
type pageLanguage struct {
	Lang, Share, Dateline, DateTitle, Path string
}

const pageLanguageJS = `(() => {
	const t = document.querySelector('.story-date > time');
	const share = document.querySelector('.share-title');
	return {
		Lang: document.documentElement.lang,
		Share: share ? share.textContent.trim() : '',
		Dateline: t ? t.textContent.trim() : '',
		DateTitle: t ? (t.title || t.textContent).trim() : '',
		Path: location.pathname,
	};
})()`

var (
	englishDate = regexp.MustCompile(`^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec), \d{4} \d{2}:\d{2}$`)
	russianDate = regexp.MustCompile(`^\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}, \d{2}:\d{2}$`)
)

// TestSwitchToTranslation: an editor publishes a story, starts its Russian
// translation from the desk and publishes that; a reader then switches
// from the English page to the Russian one and back with the edition
// switch, and each page speaks its language, in its date format.
func TestSwitchToTranslation(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "desk.editor@example.com", "editor", "Dana Editor")
	ctx := newBrowser(t)
	signIn(t, ctx, s, "desk.editor@example.com", "/desk/stories/new")
	writeStory(t, ctx, "Harbour ferries run again")
	if status := press(t, ctx, "publish"); status != 200 {
		t.Fatalf("publish: status %d", status)
	}
	english := storyID(t, ctx)

	open(t, ctx, s.URL+"/desk/stories/"+english+"/translations", 200)
	resp, err := chromedp.RunResponse(ctx,
		chromedp.SetValue(chromedp.CSS("#edition"), "ru"),
		chromedp.Click(chromedp.CSS(`form input[value="start"] ~ p button`)),
	)
	if err != nil || resp.Status != 200 {
		t.Fatalf("start translation: %v (%v)", err, resp)
	}
	russian := storyID(t, ctx)
	if russian == english {
		t.Fatal("starting a translation did not open a new story")
	}
	evalJS[bool](t, ctx, `(() => { document.querySelector('#headline').value = ''; document.querySelector('#lead').value = ''; return true; })()`)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#headline"), "Паромы снова ходят"),
		chromedp.SendKeys(chromedp.CSS("#lead"), "Паромы вернулись на линию."),
	); err != nil {
		t.Fatalf("translate: %v", err)
	}
	if status := press(t, ctx, "publish"); status != 200 {
		t.Fatalf("publish the translation: status %d", status)
	}
	ruPath := evalJS[string](t, ctx, `[...document.querySelectorAll('.editor-links a')].find(a => a.textContent === 'View on site').getAttribute('href')`)
	enPath := ""

	// The reader starts on the English page.
	open(t, ctx, s.URL+"/", 200)
	enPath = evalJS[string](t, ctx, `[...document.querySelectorAll('a')].find(a => a.textContent.trim() === 'Harbour ferries run again').getAttribute('href')`)
	open(t, ctx, s.URL+enPath, 200)
	en := evalJS[pageLanguage](t, ctx, pageLanguageJS)
	if en.Lang != "en" || !englishDate.MatchString(en.DateTitle) || !strings.Contains(en.Share, "Share") {
		t.Errorf("English page: %+v", en)
	}
	if !regexp.MustCompile(`^(now|\d+ minutes? ago)$`).MatchString(en.Dateline) {
		t.Errorf("English date line %q, want how long ago", en.Dateline)
	}

	switchTo := func(lang string) pageLanguage {
		t.Helper()
		resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.edition-switch a[hreflang="`+lang+`"]`)))
		if err != nil || resp.Status != 200 {
			t.Fatalf("switch to %s: %v (%v)", lang, err, resp)
		}
		return evalJS[pageLanguage](t, ctx, pageLanguageJS)
	}
	ru := switchTo("ru")
	if ru.Path != ruPath {
		t.Errorf("the switch led to %s, want the translation %s", ru.Path, ruPath)
	}
	if ru.Lang != "ru" || !russianDate.MatchString(ru.DateTitle) || !strings.Contains(ru.Share, "Поделиться") {
		t.Errorf("Russian page: %+v", ru)
	}
	if !regexp.MustCompile(`^(сейчас|\d+ минут[уы]? назад)$`).MatchString(ru.Dateline) {
		t.Errorf("Russian date line %q, want how long ago", ru.Dateline)
	}
	if back := switchTo("en"); back.Path != enPath || back.Lang != "en" {
		t.Errorf("back: %+v, want %s in English", back, enPath)
	}
}
