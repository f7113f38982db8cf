package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

// postJSON posts a form asking for JSON, as site.js does.
func (c *client) postJSON(path string, form url.Values) response {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Accept", "application/json")
	return c.do(r)
}

func TestBookmarkSignedOut(t *testing.T) {
	af := newAccountFixture(t, 3)
	ctx := context.Background()
	af.signUp(t, "sam@example.org", "192.0.2.80")
	story := af.lead.Path()
	id := strconv.FormatInt(af.lead.ID, 10)
	c := af.browser(t, "192.0.2.81")

	// Without JavaScript: the form's POST is sent to sign in, with the
	// story and the page to come back to.
	res := c.post("/account/bookmarks", url.Values{"story": {id}, "return": {story}, "action": {"add"}})
	wantStatus(t, "bookmark signed out", res, http.StatusSeeOther)
	loc, _ := url.Parse(res.header.Get("Location"))
	if loc.Path != "/account/signin" || loc.Query().Get("next") != story || loc.Query().Get("bookmark") != id {
		t.Fatalf("Location = %s, want the sign-in form with next and bookmark", loc)
	}
	form := c.get(loc.RequestURI())
	wantStatus(t, "sign-in form", form, http.StatusOK)
	mustContain(t, "sign-in form", form.body, `name="bookmark" value="`+id+`"`, `name="next" value="`+story+`"`)
	res = c.post("/account/signin", url.Values{"email": {"sam@example.org"}, "password": {readerPassword}, "next": {story}, "bookmark": {id}})
	wantStatus(t, "sign in", res, http.StatusSeeOther)
	if got := res.header.Get("Location"); got != story+"#bookmark-"+id {
		t.Errorf("after signing in: Location %q, want the story's button", got)
	}
	u, _ := af.store.UserByEmail(ctx, "sam@example.org")
	if saved, _ := af.store.BookmarkedIDs(ctx, u.ID, []int64{af.lead.ID}); len(saved) != 1 {
		t.Error("signing in did not make the bookmark")
	}

	// With JavaScript: 401 and where to sign in.
	res = af.browser(t, "192.0.2.82").postJSON("/account/bookmarks", url.Values{"story": {id}, "return": {story}, "action": {"add"}})
	wantStatus(t, "JSON bookmark signed out", res, http.StatusUnauthorized)
	var body struct{ Error, Signin string }
	if err := json.Unmarshal([]byte(res.body), &body); err != nil || !strings.HasPrefix(body.Signin, "/account/signin?") || body.Error == "" {
		t.Errorf("answer %s (%v), want an error and the sign-in address", res.body, err)
	}
}

func TestBookmarkSignUpAndConfirm(t *testing.T) {
	af := newAccountFixture(t, 3)
	ctx := context.Background()
	story := af.lead.Path()
	id := strconv.FormatInt(af.lead.ID, 10)
	c := af.browser(t, "192.0.2.83")
	res := c.post("/account/signup", url.Values{"email": {"new@example.org"}, "password": {readerPassword}, "next": {story}, "bookmark": {id}})
	wantStatus(t, "sign up", res, http.StatusOK)
	link := localLink(t, af.mp.Message(t, "new@example.org").Link(t, "/account/confirm/"))
	res = af.browser(t, "192.0.2.84").post(link, nil) // perhaps on another device
	wantStatus(t, "confirm", res, http.StatusSeeOther)
	if got := res.header.Get("Location"); got != story+"#bookmark-"+id {
		t.Errorf("after confirming: Location %q, want the story's button", got)
	}
	u, _ := af.store.UserByEmail(ctx, "new@example.org")
	if saved, _ := af.store.BookmarkedIDs(ctx, u.ID, []int64{af.lead.ID}); len(saved) != 1 {
		t.Error("confirming did not make the bookmark")
	}
}

func TestBookmarkSignedIn(t *testing.T) {
	af := newAccountFixture(t, englishStories)
	ctx := context.Background()
	c := af.signUp(t, "kim@example.org", "192.0.2.90")
	u, _ := af.store.UserByEmail(ctx, "kim@example.org")
	id := strconv.FormatInt(af.lead.ID, 10)

	t.Run("bad input", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			form url.Values
			want int
		}{
			{"no story", url.Values{"action": {"add"}}, http.StatusBadRequest},
			{"story not a number", url.Values{"story": {"12abc"}, "action": {"add"}}, http.StatusBadRequest},
			{"negative story", url.Values{"story": {"-3"}, "action": {"add"}}, http.StatusBadRequest},
			{"unknown action", url.Values{"story": {id}, "action": {"toggle"}}, http.StatusBadRequest},
			{"a draft", url.Values{"story": {strconv.FormatInt(af.draft.ID, 10)}, "action": {"add"}}, http.StatusNotFound},
			{"no such story", url.Values{"story": {"999999"}, "action": {"add"}}, http.StatusNotFound},
		} {
			t.Run(tt.name, func(t *testing.T) {
				wantStatus(t, "POST", c.post("/account/bookmarks", tt.form), tt.want)
				res := c.postJSON("/account/bookmarks", tt.form)
				wantStatus(t, "POST JSON", res, tt.want)
				var body struct{ Error string }
				if json.Unmarshal([]byte(res.body), &body) != nil || body.Error == "" {
					t.Errorf("JSON answer %q has no error message", res.body)
				}
			})
		}
		if saved, _ := af.store.BookmarkedIDs(ctx, u.ID, []int64{af.draft.ID}); len(saved) != 0 {
			t.Error("a draft was bookmarked")
		}
	})

	t.Run("return to a local path only", func(t *testing.T) {
		for ret, want := range map[string]string{
			"/world/?page=2":          "/world/?page=2#bookmark-" + id,
			"https://evil.example/":   "/#bookmark-" + id,
			"//evil.example/path":     "/#bookmark-" + id,
			"/\\evil.example":         "/#bookmark-" + id,
			"javascript:alert(1)":     "/#bookmark-" + id,
			"/world/#somewhere-else":  "/world/#bookmark-" + id,
			"":                        "/#bookmark-" + id,
			"/ru/\r\nSet-Cookie: x=1": "/#bookmark-" + id,
		} {
			res := c.post("/account/bookmarks", url.Values{"story": {id}, "return": {ret}, "action": {"add"}})
			wantStatus(t, "bookmark", res, http.StatusSeeOther)
			if got := res.header.Get("Location"); got != want {
				t.Errorf("return %q: Location %q, want %q", ret, got, want)
			}
		}
		res := c.post("/account/bookmarks", url.Values{"story": {id}, "return": {"/world/"}, "action": {"remove"}})
		if got := res.header.Get("Location"); got != "/world/#unsaved-"+id {
			t.Errorf("remove: Location %q", got)
		}
	})

	t.Run("state", func(t *testing.T) {
		second := strconv.FormatInt(af.lead.ID-1, 10)
		res := c.postJSON("/account/bookmarks", url.Values{"story": {id}, "action": {"add"}})
		wantStatus(t, "add", res, http.StatusOK)
		if !strings.Contains(res.body, `"saved":true`) {
			t.Errorf("add answered %s", res.body)
		}
		res = c.get("/account/bookmarks/state?ids=" + id + "," + second)
		wantStatus(t, "state", res, http.StatusOK)
		if got := res.header.Get("Cache-Control"); got != "private, no-store" {
			t.Errorf("state Cache-Control = %q", got)
		}
		var st struct {
			SignedIn bool
			Name     string
			Saved    []int64
		}
		if err := json.Unmarshal([]byte(res.body), &st); err != nil || !st.SignedIn || st.Name != "kim@example.org" || len(st.Saved) != 1 || st.Saved[0] != af.lead.ID {
			t.Errorf("state = %s (%v)", res.body, err)
		}
		res = c.postJSON("/account/bookmarks", url.Values{"story": {id}, "action": {"remove"}})
		if !strings.Contains(res.body, `"saved":false`) {
			t.Errorf("remove answered %s", res.body)
		}
		res = c.get("/account/bookmarks/state?ids=" + id)
		if !strings.Contains(res.body, `"saved":[]`) {
			t.Errorf("state after removing = %s", res.body)
		}
		for _, bad := range []string{"1,x", "-1", "1,,2", strings.Repeat("1,", 200) + "1"} {
			wantStatus(t, "state ?ids="+bad[:min(len(bad), 10)], c.get("/account/bookmarks/state?ids="+bad), http.StatusBadRequest)
		}
		res = af.browser(t, "192.0.2.91").get("/account/bookmarks/state?ids=" + id)
		wantStatus(t, "state signed out", res, http.StatusOK)
		if strings.TrimSpace(res.body) != `{"signedIn":false}` || res.header.Get("Set-Cookie") != "" {
			t.Errorf("signed-out state = %s, cookies %q", res.body, res.header.Get("Set-Cookie"))
		}
	})

	t.Run("list", func(t *testing.T) {
		list, err := af.store.ListStories(ctx, news.StoryFilter{Edition: "en", Status: news.StatusPublished, Limit: 25})
		if err != nil {
			t.Fatal(err)
		}
		for i := len(list.Stories) - 1; i >= 0; i-- {
			res := c.postJSON("/account/bookmarks", url.Values{"story": {strconv.FormatInt(list.Stories[i].ID, 10)}, "action": {"add"}})
			wantStatus(t, "add", res, http.StatusOK)
		}
		res := c.get("/account/bookmarks")
		wantStatus(t, "bookmarks", res, http.StatusOK)
		if got := res.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("Cache-Control = %q", got)
		}
		if n := strings.Count(res.body, `class="saved-item"`); n != bookmarksPerPage {
			t.Errorf("page 1 lists %d bookmarks, want %d", n, bookmarksPerPage)
		}
		// Saved last, the newest story comes first.
		first := list.Stories[0]
		if i := strings.Index(res.body, `id="saved-`); i < 0 || !strings.HasPrefix(res.body[i:], `id="saved-`+strconv.FormatInt(first.ID, 10)+`"`) {
			t.Errorf("the list does not start with the story saved last, %q", first.Headline)
		}
		mustContain(t, "bookmarks", res.body, `href="/account/bookmarks?page=2"`, `value="remove"`)
		page2 := c.get("/account/bookmarks?page=2")
		wantStatus(t, "page 2", page2, http.StatusOK)
		if n := strings.Count(page2.body, `class="saved-item"`); n != 5 {
			t.Errorf("page 2 lists %d bookmarks, want 5", n)
		}
		wantStatus(t, "page 3", c.get("/account/bookmarks?page=3"), http.StatusNotFound)
		wantStatus(t, "page x", c.get("/account/bookmarks?page=x"), http.StatusNotFound)

		// Unpublished, a story leaves the list; published again, it is back.
		x, _ := af.store.Story(ctx, first.ID)
		x.Status = news.StatusDraft
		if err := af.store.UpdateStory(ctx, &x); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(c.get("/account/bookmarks").body, first.Headline) {
			t.Error("an unpublished story is listed")
		}
		x.Status = news.StatusPublished
		if err := af.store.UpdateStory(ctx, &x); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(c.get("/account/bookmarks").body, first.Headline) {
			t.Error("a story published again is not listed")
		}
		res = c.post("/account/bookmarks", url.Values{"story": {strconv.FormatInt(first.ID, 10)}, "action": {"remove"}, "return": {"/account/bookmarks"}})
		wantStatus(t, "remove from the list", res, http.StatusSeeOther)
		if strings.Contains(c.get("/account/bookmarks").body, first.Headline) {
			t.Error("a removed story is listed")
		}
	})

	t.Run("forged cross-site request", func(t *testing.T) {
		for name, h := range map[string]map[string]string{
			"Sec-Fetch-Site": {"Sec-Fetch-Site": "cross-site"},
			"Origin":         {"Origin": "https://evil.example"},
		} {
			c.headers = h
			res := c.post("/account/bookmarks", url.Values{"story": {id}, "action": {"add"}, "return": {"/"}})
			c.headers = nil
			wantStatus(t, "cross-site POST with "+name, res, http.StatusForbidden)
		}
		if saved, _ := af.store.BookmarkedIDs(ctx, u.ID, []int64{af.lead.ID}); len(saved) != 0 {
			t.Error("a cross-site request made a bookmark")
		}
		c.headers = map[string]string{"Sec-Fetch-Site": "cross-site"}
		wantStatus(t, "cross-site delete", c.post("/account/delete", url.Values{"delete_password": {readerPassword}}), http.StatusForbidden)
		c.headers = nil
		if _, err := af.store.User(ctx, u.ID); err != nil {
			t.Errorf("a cross-site request deleted the account: %v", err)
		}
	})
}

// TestBookmarkPagesStayCached: story and list pages are the same bytes for
// a signed-in reader with bookmarks and for anyone else, carry the unsaved
// buttons, set no cookie and stay publicly cacheable.
func TestBookmarkPagesStayCached(t *testing.T) {
	af := newAccountFixture(t, 3)
	ctx := context.Background()
	watch(t, af.srv)
	c := af.signUp(t, "lee@example.org", "192.0.2.95")
	u, _ := af.store.UserByEmail(ctx, "lee@example.org")
	if err := af.store.AddBookmark(ctx, u.ID, af.lead.ID); err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(af.lead.ID, 10)
	for _, path := range []string{af.lead.Path(), "/", "/world/"} {
		anon := af.get(t, path)
		wantStatus(t, "anonymous "+path, anon, http.StatusOK)
		mine := c.get(path)
		wantStatus(t, "signed in "+path, mine, http.StatusOK)
		if mine.body != anon.body {
			t.Errorf("%s differs for a signed-in reader", path)
		}
		for _, res := range []response{anon, mine} {
			if res.header.Get("Set-Cookie") != "" || !strings.HasPrefix(res.header.Get("Cache-Control"), "public") {
				t.Errorf("%s: Set-Cookie %q, Cache-Control %q", path, res.header.Get("Set-Cookie"), res.header.Get("Cache-Control"))
			}
		}
		mustContain(t, path, anon.body, `id="bookmark-`+id+`"`, `name="story" value="`+id+`"`, `name="return" value="`+path+`"`, `value="add"`, `href="/account/signin?next=`)
	}
}

func TestHerePath(t *testing.T) {
	for uri, want := range map[string]string{
		"/world/":               "/world/",
		"/world/?page=1":        "/world/",
		"/world/?page=3":        "/world/?page=3",
		"/world/?page=3&":       "/world/?page=3",
		"/search?q=harbour+art": "/search?q=harbour+art",
		"/tags/x?page=2&q=1":    "/tags/x?page=2&q=1",
	} {
		if got := herePath(httptest.NewRequest(http.MethodGet, uri, nil)); got != want {
			t.Errorf("herePath(%s) = %q, want %q", uri, got, want)
		}
	}
}
