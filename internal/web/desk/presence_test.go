package desk

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

// heartbeat posts to a presence URL as the editor page's script does and
// decodes the answer.
func heartbeat(t *testing.T, c *client, path string) presenceState {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, path, nil)
	r.Header.Set("Accept", "application/json")
	res := c.do(r)
	wantStatus(t, "POST "+path, res, http.StatusOK)
	if got := res.header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", got)
	}
	var st presenceState
	if err := json.Unmarshal([]byte(res.body), &st); err != nil {
		t.Fatalf("decode %s: %v\n%s", path, err, res.body)
	}
	return st
}

// describe sums up a presence answer: who edits, whether it is the
// caller, and who else is there.
func describe(st presenceState) string {
	var others []string
	for _, o := range st.Others {
		others = append(others, o.Name)
	}
	editing := "nobody"
	if st.Editing != nil {
		editing = st.Editing.Name
	}
	return fmt.Sprintf("editing=%s you=%v others=%s", editing, st.YouEdit, strings.Join(others, ","))
}

func TestDeskPresence(t *testing.T) {
	df := newDeskFixture(t)
	editor, admin := df.signedIn(t, news.RoleEditor), df.signedIn(t, news.RoleAdmin)
	id := df.draft.ID
	base := fmt.Sprintf("/desk/stories/%d/presence", id)

	// The editor page carries the banner's place and its script.
	page := editor.get(fmt.Sprintf("/desk/stories/%d", id))
	mustContain(t, "editor", page.body, `id="presence" data-presence="`+base+`"`)
	if n := strings.Count(page.body, "/static/desk-presence."); n != 2 {
		t.Errorf("editor links %d presence files, want the script and the style sheet", n)
	}
	if strings.Contains(editor.get("/desk/stories/new").body, `id="presence"`) {
		t.Error("a new story's editor has a presence banner")
	}

	steps := []struct {
		who  *client
		path string
		want string
	}{
		{editor, base, "editing=Editor you=true others="},
		{admin, base, "editing=Editor you=false others=Editor"},
		{editor, base, "editing=Editor you=true others=Admin"},
		// The admin takes over; the editor's next heartbeat learns it.
		{admin, base + "/takeover", "editing=Admin you=true others="},
		{editor, base, "editing=Admin you=false others=Admin"},
		{admin, base, "editing=Admin you=true others=Editor"},
	}
	for i, s := range steps {
		if got := describe(heartbeat(t, s.who, s.path)); got != s.want {
			t.Errorf("step %d (%s): %s, want %s", i, s.path, got, s.want)
		}
	}
	st := heartbeat(t, editor, base)
	if st.Editing == nil || len(st.Editing.Since) != len("15:04") || st.Editing.SinceISO == "" || st.IntervalMS != 15000 || !st.CanTakeOver {
		t.Errorf("presence answer = %+v, want the editor's arrival as a time of day, a 15 s interval and take over allowed", st)
	}

	// The admin's tab closes: its beacon removes them at once.
	res := admin.post(base+"/leave", nil)
	wantStatus(t, "leave", res, http.StatusNoContent)
	if got, want := describe(heartbeat(t, editor, base)), "editing=Editor you=true others="; got != want {
		t.Errorf("after the admin left: %s, want %s", got, want)
	}

	// Take over without JavaScript: a form post back to the editor.
	res = admin.post(base+"/takeover", nil)
	wantStatus(t, "take over by form", res, http.StatusSeeOther)
	if got, want := res.header.Get("Location"), fmt.Sprintf("/desk/stories/%d", id); got != want {
		t.Errorf("take over went to %q, want %q", got, want)
	}

	contributor, author := df.signedIn(t, news.RoleContributor), df.signedIn(t, news.RoleAuthor)
	for _, tc := range []struct {
		name string
		c    *client
		path string
		want int
	}{
		{"contributor opens another's story", contributor, base, http.StatusForbidden},
		{"author may not take over another's story", author, base + "/takeover", http.StatusForbidden},
		{"signed out", df.client(t), base, http.StatusUnauthorized},
		{"no such story", editor, "/desk/stories/9999/presence", http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, tc.path, nil)
			r.Header.Set("Accept", "application/json")
			res := tc.c.do(r)
			wantStatus(t, tc.name, res, tc.want)
			var body struct{ Error string }
			if err := json.Unmarshal([]byte(res.body), &body); err != nil || body.Error == "" {
				t.Errorf("%s: answer %q is not a JSON error", tc.name, res.body)
			}
		})
	}
	// An author may still see who is editing.
	if got := describe(heartbeat(t, author, base)); !strings.HasPrefix(got, "editing=Admin you=false") {
		t.Errorf("author: %s", got)
	}

	// A forged cross-site heartbeat is refused.
	r := httptest.NewRequest(http.MethodPost, base+"/takeover", nil)
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	wantStatus(t, "cross-site take over", editor.do(r), http.StatusForbidden)
}
