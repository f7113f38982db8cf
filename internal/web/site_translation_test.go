package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

func TestStoryTranslationLinks(t *testing.T) {
	f := newFixture(t, 1)
	f.startCache(t)
	ctx := context.Background()
	// The cache catches up as after a desk write, so the pages read after
	// each change show it only if the change purged them.
	catchUp := func() {
		t.Helper()
		if err := f.srv.cache.catchUp(ctx); err != nil {
			t.Fatal(err)
		}
	}
	en := "/world/" + strconv.FormatInt(f.lead.ID, 10) + "-" + f.lead.Slug
	ru := "/ru/mir/" + strconv.FormatInt(f.russian.ID, 10) + "-" + f.russian.Slug

	// Without a translation the switch leads to the other edition's home
	// page, and the page names no hreflang alternates.
	page := f.mustGet(t, en, http.StatusOK).body
	mustContain(t, "untranslated story", page, `<a href="/ru/" lang="ru" hreflang="ru">Русский</a>`)
	if strings.Contains(page, `<link rel="alternate" hreflang=`) {
		t.Error("an untranslated story has hreflang alternates")
	}

	f.mustGet(t, ru, http.StatusOK)
	if !f.cached(en) || !f.cached(ru) {
		t.Fatal("the story pages are not cached: the test would not show that changes purge them")
	}
	if err := f.store.LinkTranslations(ctx, f.lead.ID, f.russian.ID); err != nil {
		t.Fatal(err)
	}
	catchUp()
	page = f.mustGet(t, en, http.StatusOK).body
	mustContain(t, "English story", page,
		`<a href="`+ru+`" lang="ru" hreflang="ru">Русский</a>`,
		`<link rel="alternate" hreflang="ru" href="https://news.example`+ru+`">`,
		`<link rel="alternate" hreflang="en" href="https://news.example`+en+`">`)
	page = f.mustGet(t, ru, http.StatusOK).body
	mustContain(t, "Russian story", page,
		`<a href="`+en+`" lang="en" hreflang="en">English</a>`,
		`<link rel="alternate" hreflang="en" href="https://news.example`+en+`">`)

	// An unpublished translation is not offered.
	st, err := f.store.Story(ctx, f.russian.ID)
	if err != nil {
		t.Fatal(err)
	}
	st.Status = news.StatusDraft
	if err := f.store.UpdateStory(ctx, &st); err != nil {
		t.Fatal(err)
	}
	catchUp()
	page = f.mustGet(t, en, http.StatusOK).body
	mustContain(t, "English story, translation unpublished", page, `<a href="/ru/" lang="ru" hreflang="ru">Русский</a>`)
	if strings.Contains(page, `hreflang="ru" href="https://news.example`+ru) {
		t.Error("an unpublished translation is still an hreflang alternate")
	}
}

// TestCyrillicAddresses: slugs are transliterated, and an address typed
// with the Cyrillic words (or capitals) leads to the page of the slug it
// makes, as does a story's address with a Cyrillic slug.
func TestCyrillicAddresses(t *testing.T) {
	f := newFixture(t, 1)
	ru := "/ru/mir/" + strconv.FormatInt(f.russian.ID, 10) + "-" + f.russian.Slug
	if f.russian.Slug != "zhiteli-trebuyut-vyvoda-voysk" {
		t.Errorf("Russian slug %q", f.russian.Slug)
	}
	f.mustGet(t, ru, http.StatusOK)
	for from, to := range map[string]string{
		"/ru/%D0%9C%D0%B8%D1%80/":           "/ru/mir/",
		"/ru/мир/":                          "/ru/mir/",
		"/World/":                           "/world/",
		"/ru/tags/%D0%98%D1%80%D0%B0%D0%BA": "/ru/tags/irak",
		"/ru/mir/" + strconv.FormatInt(f.russian.ID, 10) + "-%D0%B6%D0%B8%D1%82%D0%B5%D0%BB%D0%B8": ru,
		"/ru/%D0%BC%D0%B8%D1%80/?page=1": "/ru/mir/?page=1",
	} {
		res := f.get(t, from)
		if res.status != http.StatusMovedPermanently || res.header.Get("Location") != to {
			t.Errorf("%s: %d to %q, want 301 to %s", from, res.status, res.header.Get("Location"), to)
		}
	}
	f.mustGet(t, "/ru/tags/irak", http.StatusOK)
	f.mustGet(t, "/ru/%D0%BD%D0%B5%D1%82/", http.StatusNotFound) // "нет": no such section
	f.mustGet(t, "/ru/tags/%E2%98%83", http.StatusNotFound)      // a snowman makes no slug
}
