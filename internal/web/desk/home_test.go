package desk

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

func TestDeskHomeOrder(t *testing.T) { forEachDeskStore(t, testDeskHomeOrder) }

func testDeskHomeOrder(t *testing.T, df *deskFixture) {
	ctx := context.Background()
	list, err := df.store.ListStories(ctx, news.StoryFilter{Edition: "en", Status: news.StatusPublished})
	if err != nil {
		t.Fatal(err)
	}
	// Newest first: the lead, then stories 1, 2, 3.
	a, b, c := list.Stories[1].ID, list.Stories[2].ID, list.Stories[3].ID
	lead := df.lead.ID
	slots := func() []int64 {
		t.Helper()
		sts, err := df.store.HomeSlots(ctx, "en")
		if err != nil {
			t.Fatal(err)
		}
		out := make([]int64, len(sts))
		for i := range sts {
			out[i] = sts[i].ID
		}
		return out
	}
	editor := df.signedIn(t, news.RoleEditor)
	post := func(form url.Values) response {
		t.Helper()
		if !form.Has("edition") {
			form.Set("edition", "en")
		}
		return editor.post("/desk/home", form)
	}

	res := editor.get("/desk/home")
	wantStatus(t, "GET /desk/home", res, http.StatusOK)
	mustContain(t, "empty order", res.body, "No story is chosen", df.lead.Headline, `value="add-top"`, `src="/static/desk-curate.`)
	if strings.Contains(res.body, df.draft.Headline) {
		t.Error("the curation page offers a draft")
	}

	steps := []struct {
		name  string
		form  url.Values
		want  []int64
		flash string
	}{
		{"add", url.Values{"action": {"add"}, "story": {fmt.Sprint(a)}}, []int64{a}, "Story added to the featured stories."},
		{"add another", url.Values{"action": {"add"}, "story": {fmt.Sprint(b)}}, []int64{a, b}, ""},
		{"add by address as top", url.Values{"action": {"add-top"}, "add": {fmt.Sprintf("https://news.example/world/%d-%s", lead, df.lead.Slug)}}, []int64{lead, a, b}, "Story added as the top story."},
		{"add by number", url.Values{"action": {"add"}, "add": {fmt.Sprint(c)}}, []int64{lead, a, b, c}, ""},
		{"down", url.Values{"action": {"down"}, "story": {fmt.Sprint(lead)}}, []int64{a, lead, b, c}, "Story moved down."},
		{"down at the end stays", url.Values{"action": {"down"}, "story": {fmt.Sprint(c)}}, []int64{a, lead, b, c}, ""},
		{"up", url.Values{"action": {"up"}, "story": {fmt.Sprint(c)}}, []int64{a, lead, c, b}, "Story moved up."},
		{"top", url.Values{"action": {"top"}, "story": {fmt.Sprint(b)}}, []int64{b, a, lead, c}, "Story made the top story."},
		{"remove", url.Values{"action": {"remove"}, "story": {fmt.Sprint(a)}}, []int64{b, lead, c}, "Story taken off the home page."},
		{"save a dragged order", url.Values{"action": {"save"}, "order": {fmt.Sprint(c), fmt.Sprint(b), fmt.Sprint(lead)}}, []int64{c, b, lead}, "Home page order saved."},
	}
	for _, st := range steps {
		res := post(st.form)
		wantStatus(t, st.name, res, http.StatusSeeOther)
		if got := res.header.Get("Location"); got != "/desk/home?edition=en" {
			t.Errorf("%s: Location = %q", st.name, got)
		}
		if got := slots(); !reflect.DeepEqual(got, st.want) {
			t.Errorf("%s: order = %v, want %v", st.name, got, st.want)
		}
		if st.flash != "" {
			mustContain(t, st.name, editor.get("/desk/home").body, `<div class="flash" role="status">`+st.flash)
		}
	}
	// The public home page follows at once.
	got := frontHeadlines(t, df.get(t, "/").body)
	if len(got) < 3 || got[0] != "Harbour council story number 3" || got[2] != df.lead.Headline {
		t.Errorf("public front page starts with %q", got)
	}
	page := editor.get("/desk/home")
	mustContain(t, "ordered page", page.body, `<span class="slot-label">Top story</span>`, `<span class="slot-label">Featured 2</span>`,
		fmt.Sprintf(`<input type="hidden" name="order" value="%d">`, c), `data-curate="order-form"`)

	want := []int64{c, b, lead}
	refused := []struct {
		name   string
		form   url.Values
		status int
		text   string
		field  bool // the message is beside the add field, which keeps what was typed
	}{
		{"a draft by number", url.Values{"action": {"add"}, "add": {fmt.Sprint(df.draft.ID)}}, http.StatusBadRequest, "is not published", true},
		{"another edition's story", url.Values{"action": {"add"}, "add": {fmt.Sprint(df.russian.ID)}}, http.StatusBadRequest, "belongs to edition ru", true},
		{"a missing story", url.Values{"action": {"add-top"}, "add": {"/world/99999-gone"}}, http.StatusBadRequest, "does not exist", true},
		{"words", url.Values{"action": {"add"}, "add": {"the harbour one"}}, http.StatusBadRequest, "type a story number or paste its address", true},
		{"nothing", url.Values{"action": {"add"}}, http.StatusBadRequest, "type a story number or paste its address", true},
		{"twice", url.Values{"action": {"add"}, "add": {fmt.Sprint(b)}}, http.StatusBadRequest, "on the home page already", true},
		{"moving a story not chosen", url.Values{"action": {"up"}, "story": {fmt.Sprint(a)}}, http.StatusConflict, "not on the home page any more", false},
		{"a forged order", url.Values{"action": {"save"}, "order": {fmt.Sprint(c), fmt.Sprint(df.draft.ID)}}, http.StatusBadRequest, "is not published", false},
		{"an order naming no story", url.Values{"action": {"save"}, "order": {"x"}}, http.StatusBadRequest, "which is no story", false},
		{"an unknown action", url.Values{"action": {"shuffle"}, "story": {fmt.Sprint(c)}}, http.StatusBadRequest, "unknown action", false},
		{"an unknown edition", url.Values{"action": {"add"}, "story": {fmt.Sprint(a)}, "edition": {"xx"}}, http.StatusNotFound, "no edition", false},
	}
	for _, r := range refused {
		t.Run(r.name, func(t *testing.T) {
			res := post(r.form)
			wantStatus(t, r.name, res, r.status)
			mustContain(t, r.name, res.body, r.text)
			if r.field {
				mustContain(t, r.name, res.body, `<p class="field-error" id="add-error">`, fmt.Sprintf(`value="%s"`, r.form.Get("add")))
			}
			if got := slots(); !reflect.DeepEqual(got, want) {
				t.Errorf("order after a refused change = %v, want %v", got, want)
			}
		})
	}

	t.Run("full", func(t *testing.T) {
		var extra []*news.Story
		for i := range news.MaxHomeSlots {
			h := fmt.Sprintf("Extra story %d", i)
			extra = append(extra, &news.Story{Edition: "en", Section: df.world, Headline: h, Status: news.StatusPublished, PublishedAt: df.lead.PublishedAt})
		}
		if err := df.store.CreateStories(ctx, extra); err != nil {
			t.Fatal(err)
		}
		order := url.Values{"action": {"save"}}
		more, err := df.store.ListStories(ctx, news.StoryFilter{Edition: "en", Status: news.StatusPublished, Limit: news.MaxHomeSlots + 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range more.Stories {
			order.Add("order", fmt.Sprint(st.ID))
		}
		res := post(order)
		wantStatus(t, "too many", res, http.StatusBadRequest)
		mustContain(t, "too many", res.body, "at most")
	})

	t.Run("refused to other roles", func(t *testing.T) {
		for _, role := range []news.Role{news.RoleAuthor, news.RoleContributor} {
			c := df.signedIn(t, role)
			wantStatus(t, string(role)+" GET", c.get("/desk/home"), http.StatusForbidden)
			res := c.post("/desk/home", url.Values{"edition": {"en"}, "action": {"remove"}, "story": {fmt.Sprint(want[0])}})
			wantStatus(t, string(role)+" POST", res, http.StatusForbidden)
			if strings.Contains(c.get("/desk/stories").body, `href="/desk/home"`) {
				t.Errorf("%s sees the home page in the desk's navigation", role)
			}
		}
		if got := slots(); !reflect.DeepEqual(got, want) {
			t.Errorf("order after refused roles = %v, want %v", got, want)
		}
	})

	t.Run("cross-site post", func(t *testing.T) {
		editor.headers = map[string]string{"Sec-Fetch-Site": "cross-site"}
		defer func() { editor.headers = nil }()
		res := post(url.Values{"action": {"remove"}, "story": {fmt.Sprint(c)}})
		wantStatus(t, "cross-site", res, http.StatusForbidden)
		if got := slots(); !reflect.DeepEqual(got, want) {
			t.Errorf("order after a cross-site post = %v, want %v", got, want)
		}
	})
}
