package desk

import (
	"errors"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
)

func TestApplyAction(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	earlier := now.Add(-48 * time.Hour)
	later := now.Add(2 * time.Hour)
	for _, tc := range []struct {
		name       string
		act        storyedit.Action
		from       news.Status
		fromTime   time.Time
		at         time.Time
		wantStatus news.Status
		wantTime   time.Time
		wantField  string // a refusal on this field
	}{
		{"save keeps a draft", storyedit.Save, news.StatusDraft, time.Time{}, time.Time{}, news.StatusDraft, time.Time{}, ""},
		{"save keeps a schedule", storyedit.Save, news.StatusScheduled, later, time.Time{}, news.StatusScheduled, later, ""},
		{"submit", storyedit.Submit, news.StatusDraft, time.Time{}, time.Time{}, news.StatusReview, time.Time{}, ""},
		{"publish a draft now", storyedit.Publish, news.StatusDraft, time.Time{}, time.Time{}, news.StatusPublished, now, ""},
		{"publish from review", storyedit.Publish, news.StatusReview, time.Time{}, time.Time{}, news.StatusPublished, now, ""},
		{"publish a scheduled story early", storyedit.Publish, news.StatusScheduled, later, time.Time{}, news.StatusPublished, now, ""},
		{"republish keeps the first date", storyedit.Publish, news.StatusDraft, earlier, time.Time{}, news.StatusPublished, earlier, ""},
		{"schedule", storyedit.Schedule, news.StatusDraft, time.Time{}, later, news.StatusScheduled, later, ""},
		{"schedule needs a time", storyedit.Schedule, news.StatusDraft, time.Time{}, time.Time{}, "", time.Time{}, "published_at"},
		{"schedule in the past", storyedit.Schedule, news.StatusDraft, time.Time{}, earlier, "", time.Time{}, "published_at"},
		{"update keeps the date", storyedit.Update, news.StatusPublished, earlier, time.Time{}, news.StatusPublished, earlier, ""},
		{"unpublish keeps the date", storyedit.Unpublish, news.StatusPublished, earlier, time.Time{}, news.StatusDraft, earlier, ""},
		{"unschedule drops the plan", storyedit.Unpublish, news.StatusScheduled, later, time.Time{}, news.StatusDraft, time.Time{}, ""},
		{"trash", storyedit.Trash, news.StatusPublished, earlier, time.Time{}, news.StatusTrashed, earlier, ""},
		{"restore", storyedit.Restore, news.StatusTrashed, earlier, time.Time{}, news.StatusDraft, earlier, ""},
		{"restore a trashed schedule", storyedit.Restore, news.StatusTrashed, later, time.Time{}, news.StatusDraft, time.Time{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stored := news.Story{Status: tc.from, PublishedAt: tc.fromTime}
			edited := stored
			err := storyedit.Apply(tc.act, &edited, stored, tc.at, now)
			if tc.wantField != "" {
				if storyedit.FieldsOf(err)[tc.wantField] == "" {
					t.Fatalf("error = %v, want one on %s", err, tc.wantField)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if edited.Status != tc.wantStatus || !edited.PublishedAt.Equal(tc.wantTime) {
				t.Errorf("got %s at %v, want %s at %v", edited.Status, edited.PublishedAt, tc.wantStatus, tc.wantTime)
			}
		})
	}
}

func TestAuthorizeAction(t *testing.T) {
	admin := news.User{ID: 1, Role: news.RoleAdmin}
	editor := news.User{ID: 2, Role: news.RoleEditor}
	author := news.User{ID: 3, Role: news.RoleAuthor}
	contrib := news.User{ID: 4, Role: news.RoleContributor}
	draftOf := func(u news.User, s news.Status) *news.Story { return &news.Story{OwnerID: u.ID, Status: s} }
	for _, tc := range []struct {
		name  string
		u     news.User
		act   storyedit.Action
		st    *news.Story
		isNew bool
		want  news.Code // "" when allowed
	}{
		{"contributor saves own draft", contrib, storyedit.Save, draftOf(contrib, news.StatusDraft), false, ""},
		{"contributor submits own draft", contrib, storyedit.Submit, draftOf(contrib, news.StatusDraft), false, ""},
		{"contributor cannot publish", contrib, storyedit.Publish, draftOf(contrib, news.StatusDraft), false, news.ErrForbidden},
		{"contributor cannot publish a new story", contrib, storyedit.Publish, storyedit.NewStoryFor(contrib), true, news.ErrForbidden},
		{"contributor cannot edit another's draft", contrib, storyedit.Save, draftOf(author, news.StatusDraft), false, news.ErrForbidden},
		{"author publishes own", author, storyedit.Publish, draftOf(author, news.StatusDraft), false, ""},
		{"author schedules a new story", author, storyedit.Schedule, storyedit.NewStoryFor(author), true, ""},
		{"author cannot publish another's", author, storyedit.Publish, draftOf(editor, news.StatusDraft), false, news.ErrForbidden},
		{"author cannot unpublish", author, storyedit.Unpublish, draftOf(author, news.StatusPublished), false, news.ErrForbidden},
		{"editor unpublishes anyone's", editor, storyedit.Unpublish, draftOf(author, news.StatusPublished), false, ""},
		{"editor cannot delete", editor, storyedit.Delete, draftOf(author, news.StatusTrashed), false, news.ErrForbidden},
		{"admin deletes from the trash", admin, storyedit.Delete, draftOf(author, news.StatusTrashed), false, ""},
		{"admin cannot delete outside the trash", admin, storyedit.Delete, draftOf(author, news.StatusDraft), false, news.ErrInvalid},
		{"update is for published stories", editor, storyedit.Update, draftOf(author, news.StatusDraft), false, news.ErrInvalid},
		{"save is not for published stories", editor, storyedit.Save, draftOf(author, news.StatusPublished), false, news.ErrInvalid},
		{"a new story cannot be trashed", editor, storyedit.Trash, storyedit.NewStoryFor(editor), true, news.ErrInvalid},
		{"unknown action", editor, "explode", draftOf(editor, news.StatusDraft), false, news.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := storyedit.Authorize(tc.u, tc.act, tc.st, tc.isNew)
			if got := news.ErrorCode(err); got != tc.want {
				t.Errorf("error %v has code %q, want %q", err, got, tc.want)
			}
			buttons := availableActions(deskWordsOf(t, "en").Story, tc.u, tc.st, tc.isNew)
			shown := false
			for _, b := range buttons {
				shown = shown || b.Action == string(tc.act)
			}
			if shown != (tc.want == "") {
				t.Errorf("button shown = %v, want %v", shown, tc.want == "")
			}
		})
	}
}

// TestSaveButtonWording: saving keeps a story's status, so the save button
// and its message speak of a draft only on a draft.
func TestSaveButtonWording(t *testing.T) {
	editor := news.User{ID: 1, Role: news.RoleEditor}
	for _, tc := range []struct {
		status      news.Status
		label, done string
	}{
		{news.StatusDraft, "Save draft", "Draft saved."},
		{news.StatusReview, "Save", "Saved."},
		{news.StatusScheduled, "Save", "Saved."},
	} {
		st := &news.Story{OwnerID: 1, Status: tc.status}
		en := deskWordsOf(t, "en").Story
		var label string
		for _, b := range availableActions(en, editor, st, false) {
			if b.Action == string(storyedit.Save) {
				label = b.Label
			}
		}
		if done := doneFor(en, storyedit.Save, tc.status); label != tc.label || done != tc.done {
			t.Errorf("%s: button %q, message %q; want %q, %q", tc.status, label, done, tc.label, tc.done)
		}
	}
}

func TestStoryFormApply(t *testing.T) {
	eds := news.StarterEditions() // London and Moscow
	post := func(vals url.Values) storyedit.Form {
		r := httptest.NewRequest("POST", "/desk/stories/new", strings.NewReader(vals.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		f, err := storyedit.ParseForm(r)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	valid := func() url.Values {
		return url.Values{
			"headline": {"  Harbour   reopens  "}, "edition": {"ru"}, "section": {"7"},
			"tags": {"Ports, , Weather ,Ports"}, "bylines": {"Anna Marsh"},
			"body":         {`<p onclick="x()">Quay <script>alert(1)</script>open</p>`},
			"published_at": {"2026-07-01T09:30"}, "slug": {"Harbour Re-opens!"},
		}
	}

	var st news.Story
	st.Status = news.StatusDraft
	at, err := post(valid()).Apply(&st, eds)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 7, 1, 6, 30, 0, 0, time.UTC); !at.Equal(want) {
		t.Errorf("schedule time = %v, want %v (09:30 in Moscow)", at.UTC(), want)
	}
	if st.Headline != "Harbour reopens" || st.Slug != "harbour-re-opens" || st.Section.ID != 7 {
		t.Errorf("story = %q %q %d", st.Headline, st.Slug, st.Section.ID)
	}
	if st.Body != `<p>Quay open</p>` {
		t.Errorf("body = %q, want it sanitised", st.Body)
	}
	if len(st.Tags) != 3 || st.Tags[1].Name != "Weather" || len(st.Bylines) != 1 {
		t.Errorf("tags %v, bylines %v", st.Tags, st.Bylines)
	}

	for _, tc := range []struct {
		name   string
		change func(url.Values)
		field  string
	}{
		{"no headline", func(v url.Values) { v.Set("headline", " ") }, "headline"},
		{"long headline", func(v url.Values) { v.Set("headline", strings.Repeat("x", news.MaxHeadlineLen+1)) }, "headline"},
		{"no section", func(v url.Values) { v.Del("section") }, "section"},
		{"section not a number", func(v url.Values) { v.Set("section", "world") }, "section"},
		{"unknown edition", func(v url.Values) { v.Set("edition", "xx") }, "edition"},
		{"bad time", func(v url.Values) { v.Set("published_at", "tomorrow") }, "published_at"},
		{"slug of signs", func(v url.Values) { v.Set("slug", "!!!") }, "slug"},
		{"javascript image", func(v url.Values) { v.Set("featured_image", "javascript:alert(1)") }, "featured_image"},
		{"long description", func(v url.Values) { v.Set("description", strings.Repeat("d", news.MaxSEOLen+1)) }, "description"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := valid()
			tc.change(v)
			st := news.Story{Status: news.StatusDraft}
			_, err := post(v).Apply(&st, eds)
			if !errors.Is(err, news.ErrInvalid) || storyedit.FieldsOf(err)[tc.field] == "" {
				t.Errorf("error = %v, want one on %s", err, tc.field)
			}
		})
	}
}
