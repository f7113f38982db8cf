package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

// TestDeskNotes: an editor adds a correction on the desk; the story's
// public page, cached before, shows it on the next request, and the lists
// that show the story are purged with it.
func TestDeskNotes(t *testing.T) {
	df := newDeskFixture(t)
	df.startCache(t)
	notes := fmt.Sprintf("/desk/stories/%d/notes", df.lead.ID)
	public := []string{df.storyPath(), "/", "/world/", "/tags/air-strikes"}
	for _, p := range public {
		df.mustGet(t, p, http.StatusOK)
		if !df.cached(p) {
			t.Fatalf("%s not cached", p)
		}
	}

	editor := df.signedIn(t, news.RoleEditor)
	res := editor.get(notes)
	wantStatus(t, "notes page", res, http.StatusOK)
	mustContain(t, "notes page", res.body, "No notes yet", `<form class="form" method="post" action="`+notes+`">`,
		`<option value="correction" selected>correction</option>`, `Times are in Europe/London`)
	if res.header.Get("Cache-Control") != "no-store" {
		t.Errorf("notes page Cache-Control = %q", res.header.Get("Cache-Control"))
	}

	res = editor.post(notes, url.Values{"kind": {"correction"}, "text": {"The strike was on Tuesday, not Monday."}, "at": {""}})
	wantStatus(t, "add note", res, http.StatusSeeOther)
	if got := res.header.Get("Location"); got != notes {
		t.Errorf("add note redirects to %q, want %q", got, notes)
	}
	for _, p := range public[1:] {
		if df.cached(p) {
			t.Errorf("%s still cached after the note", p)
		}
	}
	page := df.mustGet(t, df.storyPath(), http.StatusOK).body
	mustContain(t, "story page after the note", page, `<span class="note-text">The strike was on Tuesday, not Monday.</span>`, `"@type":"CorrectionComment"`)

	res = editor.get(notes)
	mustContain(t, "notes page after adding", res.body, "Correction added", "The strike was on Tuesday, not Monday.", "<td>Editor</td>")

	for _, tc := range []struct {
		name   string
		form   url.Values
		field  string
		typed  string
		status int
	}{
		{"unknown kind", url.Values{"kind": {"retraction"}, "text": {"Kept text"}}, "kind", "Kept text", http.StatusBadRequest},
		{"no text", url.Values{"kind": {"update"}, "text": {"  "}}, "text", "", http.StatusBadRequest},
		{"unreadable time", url.Values{"kind": {"update"}, "text": {"Kept text"}, "at": {"yesterday"}}, "at", "Kept text", http.StatusBadRequest},
		{"before publication", url.Values{"kind": {"update"}, "text": {"Kept text"}, "at": {"2001-01-01T10:00"}}, "at", "Kept text", http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := editor.post(notes, tc.form)
			wantStatus(t, "refused note", res, tc.status)
			mustContain(t, "refused form", res.body, `id="`+tc.field+`-error"`, tc.typed, "Please correct the fields marked below.")
		})
	}
	if st := df.story(t, df.lead.ID); len(st.Notes) != 1 {
		t.Errorf("story has %d notes after refused ones, want 1", len(st.Notes))
	}

	t.Run("roles", func(t *testing.T) {
		author := df.signedIn(t, news.RoleAuthor)
		res := author.get(notes)
		wantStatus(t, "author opens notes", res, http.StatusOK)
		if strings.Contains(res.body, `method="post"`+" action=\""+notes) {
			t.Error("the add form is offered to an author")
		}
		wantStatus(t, "author adds a note", author.post(notes, url.Values{"kind": {"update"}, "text": {"No."}}), http.StatusForbidden)
		contributor := df.signedIn(t, news.RoleContributor)
		wantStatus(t, "contributor opens notes", contributor.get(notes), http.StatusForbidden)
		wantStatus(t, "signed out adds a note", df.client(t).post(notes, url.Values{"kind": {"update"}, "text": {"No."}}), http.StatusUnauthorized)
	})

	t.Run("draft", func(t *testing.T) {
		draftNotes := fmt.Sprintf("/desk/stories/%d/notes", df.draft.ID)
		res := editor.get(draftNotes)
		wantStatus(t, "draft notes", res, http.StatusOK)
		mustContain(t, "draft notes page", res.body, "Notes go on published stories")
		res = editor.post(draftNotes, url.Values{"kind": {"update"}, "text": {"Too early."}})
		wantStatus(t, "note on a draft", res, http.StatusBadRequest)
		mustContain(t, "note on a draft", visibleText(res.body), "notes go on published stories")
	})
}
