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
