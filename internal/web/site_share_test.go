package web

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"newsdesk/internal/i18n"
)

// testUI returns the chrome's words of a language, from the catalogs.
func testUI(t *testing.T, lang string) *uiText {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	ui, err := newUITexts(c)
	if err != nil {
		t.Fatal(err)
	}
	return ui.For(lang)
}

func TestShareLinks(t *testing.T) {
	const canonical = "https://news.example/world/12-harbour"
	links := shareLinks(testUI(t, "en"), canonical, `Harbour & "docks" reopen: 100% ready?`)
	want := map[string]string{
		"facebook": "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fworld%2F12-harbour",
		"x":        "https://x.com/intent/post?url=https%3A%2F%2Fnews.example%2Fworld%2F12-harbour&text=Harbour+%26+%22docks%22+reopen%3A+100%25+ready%3F",
		"vk":       "https://vk.com/share.php?url=https%3A%2F%2Fnews.example%2Fworld%2F12-harbour&title=Harbour+%26+%22docks%22+reopen%3A+100%25+ready%3F",
		"telegram": "https://t.me/share/url?url=https%3A%2F%2Fnews.example%2Fworld%2F12-harbour&text=Harbour+%26+%22docks%22+reopen%3A+100%25+ready%3F",
		"ok":       "https://connect.ok.ru/offer?url=https%3A%2F%2Fnews.example%2Fworld%2F12-harbour&title=Harbour+%26+%22docks%22+reopen%3A+100%25+ready%3F",
		"whatsapp": "https://wa.me/?text=Harbour+%26+%22docks%22+reopen%3A+100%25+ready%3F+https%3A%2F%2Fnews.example%2Fworld%2F12-harbour",
		"mail":     "mailto:?subject=Harbour%20%26%20%22docks%22%20reopen%3A%20100%25%20ready%3F&body=https%3A%2F%2Fnews.example%2Fworld%2F12-harbour",
	}
	if len(links) != len(want) {
		t.Fatalf("%d links, want %d", len(links), len(want))
	}
	for _, l := range links {
		if l.URL != want[l.Key] {
			t.Errorf("%s:\n got %s\nwant %s", l.Key, l.URL, want[l.Key])
		}
	}
	ru := shareLinks(testUI(t, "ru"), "https://news.example/ru/mir/3-gavan", "Гавань открыта")
	if ru[2].Name != "ВКонтакте" || !strings.Contains(ru[3].URL, "&text=%D0%93%D0%B0%D0%B2%D0%B0%D0%BD%D1%8C+%D0%BE%D1%82%D0%BA%D1%80%D1%8B%D1%82%D0%B0") {
		t.Errorf("Russian links: %+v", ru[2:4])
	}
}

// TestStoryPageShare: every story page offers the share links with its
// canonical address, plain links that need no script, and loads no script
// but the site's own.
func TestStoryPageShare(t *testing.T) {
	f := newFixture(t, englishStories)
	path := "/world/" + fmt.Sprint(f.lead.ID) + "-locals-want-troops-out"
	body := f.mustGet(t, path, http.StatusOK).body
	canonical := "https://news.example" + path
	for _, host := range []string{"www.facebook.com/sharer", "x.com/intent", "vk.com/share.php", "t.me/share", "connect.ok.ru/offer", "wa.me/", "mailto:"} {
		re := regexp.MustCompile(`<a class="share-[a-z]+" href="([^"]*` + regexp.QuoteMeta(host) + `[^"]*)"`)
		m := re.FindStringSubmatch(body)
		if m == nil {
			t.Errorf("no share link to %s", host)
			continue
		}
		href := html.UnescapeString(m[1])
		if !strings.Contains(href, strings.NewReplacer(":", "%3A", "/", "%2F").Replace(canonical)) {
			t.Errorf("share link %s does not carry the canonical address %s", href, canonical)
		}
	}
	mustContain(t, "story page", body,
		`class="share-copy" data-url="`+canonical+`"`,
		`class="share-native" data-url="`+canonical+`"`)
	for _, m := range regexp.MustCompile(`<script[^>]*src="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		if !strings.HasPrefix(m[1], "/static/") {
			t.Errorf("the page loads a script from %s", m[1])
		}
	}
}
