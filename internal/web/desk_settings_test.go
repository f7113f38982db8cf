package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"newsdesk/internal/news"
)

func TestDeskSettings(t *testing.T) {
	df := newDeskFixture(t)
	df.startCache(t)
	admin := df.signedIn(t, news.RoleAdmin)

	res := admin.get("/desk/settings")
	wantStatus(t, "GET /desk/settings", res, http.StatusOK)
	mustContain(t, "settings page", res.body, `value="newsdesk"`, `<label for="channel_telegram">Telegram</label>`)

	// The public pages before: the default name, no channels.
	story := df.storyPath()
	before := df.mustGet(t, story, http.StatusOK)
	mustContain(t, "story page", before.body, `content="newsdesk"`)
	if !df.cached(story) {
		t.Fatal("the story page is not cached: the test would not show that saving purges it")
	}

	res = admin.post("/desk/settings", url.Values{"site_name": {"Harbour Times"}, "channel_telegram": {"javascript:alert(1)"}, "channel_radio": {"https://radio.example/live"}})
	wantStatus(t, "bad channel", res, http.StatusBadRequest)
	mustContain(t, "form", res.body, "Telegram must be an http:// or https:// address", `value="Harbour Times"`, `value="https://radio.example/live"`)
	if set, _ := df.store.Settings(context.Background()); set.SiteName != news.DefaultSiteName {
		t.Errorf("a refused form saved %+v", set)
	}
	wantStatus(t, "no name", admin.post("/desk/settings", url.Values{"site_name": {""}}), http.StatusBadRequest)

	res = admin.post("/desk/settings", url.Values{"site_name": {"Harbour Times"}, "channel_telegram": {"https://t.me/harbourtimes"}, "channel_radio": {"https://radio.example/live"}})
	wantStatus(t, "save", res, http.StatusSeeOther)
	mustContain(t, "settings after saving", admin.get("/desk/settings").body, "Settings saved", `value="https://t.me/harbourtimes"`)

	// Every public page shows them at once, cached or not.
	for _, path := range []string{"/", story, "/ru/"} {
		res := df.mustGet(t, path, http.StatusOK)
		mustContain(t, path, res.body, `<span class="brand-name">Harbour Times</span>`, `href="https://t.me/harbourtimes" rel="me noopener">Telegram</a>`, `href="https://radio.example/live"`)
	}
	mustContain(t, "story page", df.mustGet(t, story, http.StatusOK).body, `content="Harbour Times"`, "— Harbour Times</title>")
}
