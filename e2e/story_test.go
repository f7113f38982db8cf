package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

// storyFacts is what a reader sees on a story page, gathered in the browser.
type storyFacts struct {
	Lang        string      `json:"lang"`
	Title       string      `json:"title"`
	PageText    string      `json:"pageText"`
	H1s         []string    `json:"h1s"`
	H1Names     bool        `json:"h1Names"`
	Times       []timeFacts `json:"times"`
	ArticleText string      `json:"articleText"`
	Paras       []string    `json:"paras"`
	Labels      []string    `json:"labels"`
}

type timeFacts struct {
	Text     string `json:"text"`
	DateTime string `json:"datetime"`
}

// storyFactsJS reads the page; the story's article is the one the h1
// names (the headline stands above the story's text), so related-story
// cards (often articles too) are left out. Media labels sit with the
// kicker above the headline, outside the article and the related stories.
const storyFactsJS = `(() => {
	const norm = s => (s || '').replace(/\s+/g, ' ').trim();
	const h1 = document.querySelector('h1');
	const named = h1 && h1.id ? document.querySelector('article[aria-labelledby="' + h1.id + '"]') : null;
	const art = named || (h1 && h1.closest('article')) || document.querySelector('article');
	const within = sel => art ? [...art.querySelectorAll(sel)] : [];
	const story = [...document.querySelectorAll('main *')].filter(e => !e.closest('aside'));
	return {
		lang: document.documentElement.lang,
		title: document.title,
		pageText: document.body.innerText,
		h1s: [...document.querySelectorAll('h1')].map(e => norm(e.innerText)),
		h1Names: !!(h1 && art && (art.contains(h1) || (h1.id !== '' && art.getAttribute('aria-labelledby') === h1.id))),
		times: within('time').map(e => ({text: norm(e.innerText), datetime: e.getAttribute('datetime') || ''})),
		articleText: art ? art.innerText : '',
		paras: within('p').map(e => norm(e.innerText)),
		labels: story.filter(e => e.tagName !== 'P' && norm(e.innerText).toLowerCase() === 'video')
			.map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')),
	};
})()`

// TestSeedStory imports the model page, reaches it from the home page by
// clicking real links (section, then the pages of the section), and checks
// that the page shows every element of the model page and none of its
// defects.
func TestSeedStory(t *testing.T) {
	model := readModelPage(t, seedPath(t)) // skips when the shared seed is absent
	s := startSite(t, siteOptions{Seed: true})
	ctx := newBrowser(t)

	open(t, ctx, s.URL+"/", 200)
	section := "/" + firstSegment(s.SeedPath)
	clickLink(t, ctx, "home page -> section "+section, pathIs(section, section+"/"))
	findOnPages(t, ctx, s.SeedPath)
	clickLink(t, ctx, "section page -> story "+s.SeedPath, pathIs(s.SeedPath))
	if got := location(t, ctx); pathOf(t, got) != s.SeedPath {
		t.Fatalf("story link led to %s, want path %s", got, s.SeedPath)
	}

	f := evalJS[storyFacts](t, ctx, storyFactsJS)
	t.Logf("reader-visible text of <article>:\n%s", f.ArticleText)
	checkStory(t, f, model)
	screenshots(t, ctx, "story")
}

// checkStory compares what the page shows with the model page.
func checkStory(t *testing.T, f storyFacts, model modelPage) {
	t.Helper()
	if f.Lang != "en" {
		t.Errorf("<html lang> = %q, want %q", f.Lang, "en")
	}
	if len(f.H1s) != 1 || f.H1s[0] != model.Headline {
		t.Errorf("h1 elements = %q, want exactly one: %q", f.H1s, model.Headline)
	}
	if !f.H1Names {
		t.Errorf("the h1 does not name the story's <article>: assistive technology cannot tell which article the headline heads")
	}
	if n := strings.Count(normalize(f.PageText), model.Headline); n != 1 {
		t.Errorf("headline appears %d times in the text of the page, want once", n)
	}
	if !strings.Contains(f.Title, model.Headline) {
		t.Errorf("<title> = %q, want it to hold the headline", f.Title)
	}
	checkDate(t, f.Times, model.Date)
	if len(f.Labels) == 0 {
		t.Errorf("no video label on the story; want a badge reading \"Video\"")
	}
	checkParagraphs(t, f.Paras, model.Paragraphs)
	checkNoDebris(t, f, model)
}

// checkDate wants a <time> showing the model page's date whose datetime
// attribute is the same instant: 02:43 in London in January is 02:43 UTC.
func checkDate(t *testing.T, times []timeFacts, date string) {
	t.Helper()
	want := time.Date(2018, time.January, 31, 2, 43, 0, 0, time.UTC)
	for _, tm := range times {
		if tm.Text != date {
			continue
		}
		got, err := time.Parse(time.RFC3339, tm.DateTime)
		if err != nil {
			t.Errorf("<time>%s</time> has datetime %q, want RFC 3339: %v", tm.Text, tm.DateTime, err)
		} else if !got.Equal(want) {
			t.Errorf("<time>%s</time> has datetime %s, want the instant %s", tm.Text, tm.DateTime, want.Format(time.RFC3339))
		}
		return
	}
	t.Errorf("no <time> in the article reads %q; the article's times are %+v", date, times)
}

// checkParagraphs wants the lead and body paragraphs, each once and in the
// order of the model page.
func checkParagraphs(t *testing.T, got, want []string) {
	t.Helper()
	i := 0
	for _, p := range got {
		if i < len(want) && p == normalize(want[i]) {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("paragraph %d of the story is missing or out of order: %q\narticle paragraphs:\n%s",
			i+1, want[i], strings.Join(got, "\n"))
	}
	for _, w := range want {
		n := 0
		for _, p := range got {
			if p == normalize(w) {
				n++
			}
		}
		if n > 1 {
			t.Errorf("paragraph shown %d times: %q", n, w)
		}
	}
}

// checkNoDebris wants none of the scraper's debris on the page: icon names
// (icons are decorative), the "(VIDEO)" suffix, and the podcast player's
// labels and times, which belong to another page.
func checkNoDebris(t *testing.T, f storyFacts, model modelPage) {
	t.Helper()
	page := normalize(f.PageText)
	for _, name := range model.IconNames {
		if s := "icon " + name; strings.Contains(page, s) {
			t.Errorf("page text holds the icon name %q: icons must be aria-hidden, with no text", s)
		}
	}
	article := normalize(f.ArticleText)
	for _, s := range []string{"(VIDEO)", "icon", "bookmark-b", "Podcasts", "0:00", "27:33", "28:1"} {
		if strings.Contains(article, s) {
			t.Errorf("article text holds %q, debris of the scraped page", s)
		}
	}
}

// findOnPages follows the list's "next page" links until the current page
// links to path, failing t after 50 pages.
func findOnPages(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	for page := 1; page <= 50; page++ {
		if evalJS[bool](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('a[href]')].some(a => (%s))`, pathIs(path))) {
			return
		}
		if !evalJS[bool](t, ctx, `!!document.querySelector(`+nextLinkSel+`)`) {
			t.Fatalf("no link to %s on %s, and no next page", path, location(t, ctx))
		}
		clickLink(t, ctx, "next page", `a.matches(`+nextLinkSel+`)`)
	}
	t.Fatalf("no link to %s within 50 pages", path)
}

// nextLinkSel finds a list's link to its next (older) page.
const nextLinkSel = "'a[rel~=next]'"

// pathIs is a link predicate for clickLink: the link's path is one of paths
// on this site.
func pathIs(paths ...string) string {
	var conds []string
	for _, p := range paths {
		conds = append(conds, fmt.Sprintf("u.pathname === %q", p))
	}
	return fmt.Sprintf(`((u) => u.origin === location.origin && (%s))(new URL(a.href))`, strings.Join(conds, " || "))
}

// pathOf is the path of an absolute URL.
func pathOf(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("parse URL %q: %v", raw, err)
	}
	return u.Path
}

// firstSegment is the first segment of a path: the section of a story path.
func firstSegment(path string) string {
	return strings.Split(strings.Trim(path, "/"), "/")[0]
}
