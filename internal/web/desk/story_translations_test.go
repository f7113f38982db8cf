package desk

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

func TestDeskTranslations(t *testing.T) {
	df := newDeskFixture(t)
	editor := df.signedIn(t, news.RoleEditor)
	ctx := context.Background()
	page := "/desk/stories/" + strconv.FormatInt(df.lead.ID, 10) + "/translations"

	mustContain(t, "editor", editor.get("/desk/stories/"+strconv.FormatInt(df.lead.ID, 10)).body, `href="`+page+`">Translations</a>`)
	mustContain(t, "no translations", editor.get(page).body, "None yet", `<option value="ru">Русский</option>`, "Link an existing story")

	// Bad links are refused beside the form, and change nothing.
	for _, tc := range []struct {
		other, want string
		status      int
	}{
		{"not a story", "must be a story&#39;s number or address", http.StatusBadRequest},
		{"99999", "names no story", http.StatusBadRequest},
		{strconv.FormatInt(df.lead.ID, 10), "not its own translation", http.StatusBadRequest},
	} {
		res := editor.post(page, url.Values{"action": {"link"}, "other": {tc.other}})
		wantStatus(t, tc.other, res, tc.status)
		mustContain(t, tc.other, res.body, tc.want)
	}

	// Link the Russian story by its public address.
	ruURL := "https://news.example/ru/mir/" + strconv.FormatInt(df.russian.ID, 10) + "-" + df.russian.Slug
	wantStatus(t, "link", editor.post(page, url.Values{"action": {"link"}, "other": {ruURL}}), http.StatusSeeOther)
	body := editor.get(page).body
	mustContain(t, "linked", body, "Linked: each story", df.russian.Headline, `href="/ru/mir/`+strconv.FormatInt(df.russian.ID, 10)+"-"+df.russian.Slug+`"`)
	if strings.Contains(body, "Start a translation") {
		t.Error("offers to start a translation in the only other edition, which has one")
	}
	// The public page follows at once.
	mustContain(t, "story page", df.mustGet(t, df.storyPath(), http.StatusOK).body, `hreflang="ru" href="https://news.example/ru/mir/`)

	wantStatus(t, "unlink", editor.post(page, url.Values{"action": {"unlink"}}), http.StatusSeeOther)
	if st, _ := df.store.Story(ctx, df.lead.ID); len(st.Translations) != 0 {
		t.Fatalf("still linked to %+v", st.Translations)
	}

	// Start a Russian translation: a linked draft, opened in the editor.
	res := editor.post(page, url.Values{"action": {"start"}, "edition": {"ru"}})
	wantStatus(t, "start", res, http.StatusSeeOther)
	loc := res.header.Get("Location")
	id, ok := storyIDIn(loc)
	if !ok {
		t.Fatalf("start redirected to %q", loc)
	}
	draft, err := df.store.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if draft.Edition != "ru" || draft.Status != news.StatusDraft || draft.OwnerID != df.users[news.RoleEditor].ID {
		t.Errorf("draft %+v", draft)
	}
	if tr, ok := draft.TranslationIn("en"); !ok || tr.ID != df.lead.ID {
		t.Errorf("draft's translations %+v", draft.Translations)
	}
	// A second one in the same edition is refused.
	res = editor.post(page, url.Values{"action": {"start"}, "edition": {"ru"}})
	wantStatus(t, "second start", res, http.StatusConflict)
	mustContain(t, "second start", res.body, "already has a version in ru")
	wantStatus(t, "unknown action", editor.post(page, url.Values{"action": {"merge"}}), http.StatusBadRequest)
}

func TestStoryIDIn(t *testing.T) {
	for in, want := range map[string]int64{
		"42": 42, "https://news.example/world/42-talks": 42, "/ru/mir/7-peregovory": 7, "/desk/stories/9": 9,
		"https://news.example/desk/stories/11?x=1": 11, "": 0, "world": 0, "/world/": 0, "-3": 0, "/desk/stories/x": 0,
	} {
		got, ok := storyIDIn(in)
		if got != want || ok != (want != 0) {
			t.Errorf("storyIDIn(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}
