package e2e

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

// card is one story card as the reader sees it in a list.
type card struct {
	Href     string `json:"href"`     // path of the story: /{section}/{id}-{slug}
	DateTime string `json:"datetime"` // its <time datetime>
}

// block is a section's block on the home page.
type block struct {
	Name    string `json:"name"`
	Href    string `json:"href"`
	Stories []card `json:"stories"`
}

type homeFacts struct {
	Lang   string  `json:"lang"`
	Top    *card   `json:"top"`
	Front  []card  `json:"front"`
	Blocks []block `json:"blocks"`
}

// cardsJS defines card(), which reads a story card, for the page scripts.
const cardsJS = `
	const path = a => a ? new URL(a.href).pathname : '';
	const card = c => ({
		href: path(c.querySelector('.card-title a')),
		datetime: c.querySelector('time') ? c.querySelector('time').getAttribute('datetime') : '',
	});`

const homeFactsJS = `(() => {` + cardsJS + `
	const top = document.querySelector('.front .card-top');
	return {
		lang: document.documentElement.lang,
		top: top ? card(top) : null,
		front: [...document.querySelectorAll('.front .card')].map(card),
		blocks: [...document.querySelectorAll('.blocks .block')].map(b => ({
			name: b.querySelector('h2').innerText.trim(),
			href: path(b.querySelector('h2 a')),
			stories: [...b.querySelectorAll('.card')].map(card),
		})),
	};
})()`

// TestHomePage checks the front page of the demo newsroom: the newest story
// on top, a block per section holding that section's stories, a click
// through to a section, and paging through a section longer than a page.
func TestHomePage(t *testing.T) {
	s := startSite(t, siteOptions{Texts: syntheticPages(t, 45)})
	ctx := newBrowser(t)
	open(t, ctx, s.URL+"/", 200)
	home := evalJS[homeFacts](t, ctx, homeFactsJS)
	checkHome(t, home)
	screenshots(t, ctx, "home")
	if len(home.Blocks) == 0 {
		t.FailNow()
	}

	// A section: its block's heading links to it.
	b := home.Blocks[0]
	clickLink(t, ctx, "home page -> section block "+b.Name, `a.matches('.blocks .block h2 a') && `+pathIs(b.Href))
	checkSectionPage(t, ctx, b.Name, b.Href)
	screenshots(t, ctx, "section")

	// Paging: the imported stories all went to News, more than a page.
	section := "/" + firstSegment(s.Imported[0]) + "/"
	clickLink(t, ctx, "section navigation -> "+section, `a.closest('nav') && `+pathIs(section))
	checkPaging(t, ctx, section, s.Imported)
}

// checkHome wants a top story that is the newest on the front, and blocks
// of at least five sections, each holding only its own stories.
func checkHome(t *testing.T, h homeFacts) {
	t.Helper()
	if h.Lang != "en" {
		t.Errorf("<html lang> = %q, want en", h.Lang)
	}
	if h.Top == nil || !storyPathRE.MatchString(h.Top.Href) {
		t.Fatalf("home page has no top story card linking to a story: %+v", h.Top)
	}
	top := parseTime(t, h.Top.DateTime)
	for _, c := range h.Front {
		if parseTime(t, c.DateTime).After(top) {
			t.Errorf("front card %s (%s) is newer than the top story %s (%s)", c.Href, c.DateTime, h.Top.Href, h.Top.DateTime)
		}
	}
	if len(h.Blocks) < 5 {
		t.Errorf("home page has %d section blocks, want at least 5 (the demo has 5 sections)", len(h.Blocks))
	}
	for _, b := range h.Blocks {
		if b.Name == "" || b.Href == "" || len(b.Stories) == 0 {
			t.Errorf("section block %+v: want a heading linking to the section and stories", b)
		}
		for _, c := range b.Stories {
			if !strings.HasPrefix(c.Href, b.Href) {
				t.Errorf("block %s (%s) holds story %s of another section", b.Name, b.Href, c.Href)
			}
		}
	}
}

type sectionFacts struct {
	H1      string   `json:"h1"`
	Current []string `json:"current"`
	Cards   []card   `json:"cards"`
	Prev    bool     `json:"prev"` // a link to the previous page
	Next    bool     `json:"next"` // a link to the next page
}

const sectionFactsJS = `(() => {` + cardsJS + `
	return {
		h1: document.querySelector('h1') ? document.querySelector('h1').innerText.trim() : '',
		current: [...document.querySelectorAll('nav a[aria-current=page]')].map(path),
		cards: [...document.querySelectorAll('main .card')].map(card),
		prev: !!document.querySelector('main a[rel~=prev]'),
		next: !!document.querySelector('main a[rel~=next]'),
	};
})()`

// checkSectionPage wants the section's name as the heading, the section
// marked current in the navigation, and only the section's stories.
func checkSectionPage(t *testing.T, ctx context.Context, name, href string) sectionFacts {
	t.Helper()
	if got := pathOf(t, location(t, ctx)); got != href {
		t.Errorf("section link led to %s, want %s", got, href)
	}
	f := evalJS[sectionFacts](t, ctx, sectionFactsJS)
	if f.H1 != name {
		t.Errorf("section page h1 = %q, want %q", f.H1, name)
	}
	if !slices.Contains(f.Current, href) {
		t.Errorf("navigation marks %q as the current page, want %s", f.Current, href)
	}
	if len(f.Cards) == 0 {
		t.Errorf("section page %s lists no stories", href)
	}
	for _, c := range f.Cards {
		if !strings.HasPrefix(c.Href, href) {
			t.Errorf("section page %s lists story %s of another section", href, c.Href)
		}
	}
	return f
}

// checkPaging follows "next" links from the first page of a section to its
// last, wanting every story once, newest first, including all of want.
func checkPaging(t *testing.T, ctx context.Context, section string, want []string) {
	t.Helper()
	var all []card
	pages := 0
	for {
		pages++
		f := evalJS[sectionFacts](t, ctx, sectionFactsJS)
		if pages > 1 && !f.Prev {
			t.Errorf("page %d of %s has no link to the previous page", pages, section)
		}
		all = append(all, f.Cards...)
		if !f.Next || pages > 20 {
			break
		}
		clickLink(t, ctx, "next page", `a.matches('main a[rel~=next]')`)
	}
	if pages < 2 {
		t.Fatalf("%s shows %d stories on one page; want more than a page and a next link", section, len(all))
	}
	seen := map[string]bool{}
	for i, c := range all {
		if seen[c.Href] {
			t.Errorf("story %s listed twice across the pages of %s", c.Href, section)
		}
		seen[c.Href] = true
		if i > 0 && parseTime(t, c.DateTime).After(parseTime(t, all[i-1].DateTime)) {
			t.Errorf("%s is listed after %s but is newer", c.Href, all[i-1].Href)
		}
	}
	for _, p := range want {
		if !seen[p] {
			t.Errorf("imported story %s is on none of the %d pages of %s", p, pages, section)
		}
	}
}

// parseTime reads a <time datetime> value.
func parseTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Errorf("datetime %q is not RFC 3339: %v", s, err)
	}
	return v
}
