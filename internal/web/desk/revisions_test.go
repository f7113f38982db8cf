package desk

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

// revisionsFixture is a story saved by the editor, changed by the admin,
// and a stale save by the editor refused and kept as a rejected revision.
func revisionsFixture(t *testing.T) (*deskFixture, *client, *client, int64, []news.Revision) {
	t.Helper()
	df := newDeskFixture(t)
	editor, admin := df.signedIn(t, news.RoleEditor), df.signedIn(t, news.RoleAdmin)
	id := storyIDFrom(t, editor.post("/desk/stories/new", with(df.storyValues("Harbour ferry returns"), "action", "save")))
	stale := df.editorForm(t, editor, id)
	fresh := df.editorForm(t, admin, id)
	fresh.Set("headline", "Harbour ferry returns at dawn")
	fresh.Set("body", "<p>First paragraph of the ferry.</p><p>The crew cheered.</p>")
	fresh.Set("action", "save")
	storyIDFrom(t, admin.post(fmt.Sprintf("/desk/stories/%d", id), fresh))
	stale.Set("headline", "Harbour ferry is back")
	stale.Set("action", "save")
	wantStatus(t, "stale save", editor.post(fmt.Sprintf("/desk/stories/%d", id), stale), http.StatusConflict)
	revs, err := df.store.StoryRevisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 3 || revs[1].Kind != news.RevisionRejected {
		t.Fatalf("revisions: %+v, want saved, rejected, saved", revs)
	}
	return df, editor, admin, id, revs
}

func TestDeskRevisionsList(t *testing.T) {
	df, editor, _, id, revs := revisionsFixture(t)
	path := fmt.Sprintf("/desk/stories/%d/revisions", id)
	res := editor.get(path)
	wantStatus(t, "revisions", res, http.StatusOK)
	if got := res.header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", got)
	}
	text := visibleText(res.body)
	for _, want := range []string{
		"Revisions of “Harbour ferry returns at dawn”",
		"Created", "Refused save", "Saved", "current",
		"Editor", "Admin", "Harbour ferry is back",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("revisions page lacks %q", want)
		}
	}
	// Newest first; each but the first links its changes; every revision
	// but the current one can be restored, from the version on show.
	mustContain(t, "revisions page", res.body,
		fmt.Sprintf(`/revisions/diff?a=%d&amp;b=%d`, revs[1].ID, revs[2].ID),
		fmt.Sprintf(`action="/desk/stories/%d/revisions/%d/restore"`, id, revs[0].ID),
		fmt.Sprintf(`action="/desk/stories/%d/revisions/%d/restore"`, id, revs[1].ID),
		`name="version" value="2"`, `<label for="compare-a">From</label>`, `<time datetime=`)
	if strings.Contains(res.body, fmt.Sprintf(`/revisions/%d/restore"`, revs[2].ID)) {
		t.Error("the current revision offers a restore")
	}
	if i, j := strings.Index(text, "Harbour ferry is back"), strings.Index(text, "Harbour ferry returns at dawn"); i < 0 || j < 0 {
		t.Error("headlines missing")
	}

	for _, tc := range []struct {
		name string
		c    *client
		path string
		want int
	}{
		{"contributor, another's story", df.signedIn(t, news.RoleContributor), path, http.StatusForbidden},
		{"author may read", df.signedIn(t, news.RoleAuthor), path, http.StatusOK},
		{"signed out", df.client(t), path, http.StatusSeeOther},
		{"no such story", editor, "/desk/stories/9999/revisions", http.StatusNotFound},
		{"not a number", editor, "/desk/stories/x/revisions", http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantStatus(t, tc.name, tc.c.get(tc.path), tc.want)
		})
	}
	// A story the schedule published names newsdesk as its publisher.
	ctx := context.Background()
	due := &news.Story{Edition: "en", Section: df.world, Headline: "Due at dawn", Slug: "due-at-dawn",
		Status: news.StatusScheduled, PublishedAt: time.Now().Add(-time.Minute)}
	if err := df.store.CreateStory(ctx, due); err != nil {
		t.Fatal(err)
	}
	if _, err := df.store.PublishDue(ctx); err != nil {
		t.Fatal(err)
	}
	res = editor.get(fmt.Sprintf("/desk/stories/%d/revisions", due.ID))
	wantStatus(t, "revisions of a scheduled story", res, http.StatusOK)
	mustContain(t, "revisions of a scheduled story", visibleText(res.body), "Published on schedule", "newsdesk")

	// An author reads but may not restore another's story.
	if body := df.signedIn(t, news.RoleAuthor).get(path).body; strings.Contains(body, "/restore") {
		t.Error("an author is offered a restore of another's story")
	}
}

func TestDeskRevisionDiff(t *testing.T) {
	df, editor, _, id, revs := revisionsFixture(t)
	base := fmt.Sprintf("/desk/stories/%d/revisions/diff", id)
	tests := []struct {
		name  string
		query string
		want  int
		has   []string
	}{
		{"created to saved", fmt.Sprintf("?a=%d&b=%d", revs[0].ID, revs[2].ID), http.StatusOK, []string{

			`Harbour ferry returns <ins><span class="visually-hidden">[added: </span>at dawn<span class="visually-hidden">]</span></ins>`,
			`First paragraph of <del><span class="visually-hidden">[removed: </span>Harbour<span class="visually-hidden">]</span></del> <ins><span class="visually-hidden">[added: </span>the<span class="visually-hidden">]</span></ins> ferry`,
			`<ins><span class="visually-hidden">[added: </span>The crew cheered<span`, "Changes from version 1 to version 2",
		}},
		{"defaults to the latest change", "", http.StatusOK, []string{"Changes from version 1 to version 2", "[added: ", "[removed: "}},
		{"rejected against saved", fmt.Sprintf("?a=%d&b=%d", revs[1].ID, revs[2].ID), http.StatusOK, []string{
			`<del><span class="visually-hidden">[removed: </span>is back`,
		}},
		{"same revision", fmt.Sprintf("?a=%d&b=%d", revs[0].ID, revs[0].ID), http.StatusOK, []string{"The two revisions have the same text and fields."}},
		{"not a number", "?a=first", http.StatusBadRequest, nil},
		{"unknown revision", "?a=99999", http.StatusNotFound, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := editor.get(base + tc.query)
			wantStatus(t, "diff", res, tc.want)
			mustContain(t, "diff", res.body, tc.has...)
		})
	}

	// A revision of another story is not found under this one.
	other := storyIDFrom(t, editor.post("/desk/stories/new", with(df.storyValues("Another story"), "action", "save")))
	otherRevs, err := df.store.StoryRevisions(context.Background(), other)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, "another story's revision", editor.get(fmt.Sprintf("%s?a=%d", base, otherRevs[0].ID)), http.StatusNotFound)
}

// TestDeskRevisionDiffEscapes: text from revisions is escaped in the diff.
func TestDeskRevisionDiffEscapes(t *testing.T) {
	df := newDeskFixture(t)
	editor := df.signedIn(t, news.RoleEditor)
	id := storyIDFrom(t, editor.post("/desk/stories/new", with(df.storyValues("Plain headline"), "action", "save")))
	v := df.editorForm(t, editor, id)
	v.Set("headline", `Headline <script>alert(1)</script>`)
	v.Set("action", "save")
	storyIDFrom(t, editor.post(fmt.Sprintf("/desk/stories/%d", id), v))
	res := editor.get(fmt.Sprintf("/desk/stories/%d/revisions/diff", id))
	wantStatus(t, "diff", res, http.StatusOK)
	if strings.Contains(res.body, "<script>alert(1)") {
		t.Error("a headline's markup reached the diff page unescaped")
	}
}

func TestDeskRevisionRestore(t *testing.T) {
	df, editor, _, id, revs := revisionsFixture(t)
	restore := func(c *client, rev int64, version string) response {
		return c.post(fmt.Sprintf("/desk/stories/%d/revisions/%d/restore", id, rev), url.Values{"version": {version}})
	}

	// Not allowed: a contributor and an author on another's story.
	wantStatus(t, "contributor", restore(df.signedIn(t, news.RoleContributor), revs[1].ID, "2"), http.StatusForbidden)
	wantStatus(t, "author", restore(df.signedIn(t, news.RoleAuthor), revs[1].ID, "2"), http.StatusForbidden)
	wantStatus(t, "signed out", restore(df.client(t), revs[1].ID, "2"), http.StatusUnauthorized)
	wantStatus(t, "no version", restore(editor, revs[1].ID, ""), http.StatusBadRequest)
	wantStatus(t, "unknown revision", restore(editor, 99999, "2"), http.StatusNotFound)

	// From a stale version nothing is restored and the list says why.
	res := restore(editor, revs[1].ID, "1")
	wantStatus(t, "stale restore", res, http.StatusSeeOther)
	if got, want := res.header.Get("Location"), fmt.Sprintf("/desk/stories/%d/revisions", id); got != want {
		t.Errorf("stale restore went to %q, want %q", got, want)
	}
	mustContain(t, "list after a stale restore", editor.get(res.header.Get("Location")).body, "nothing was restored")
	if st := df.story(t, id); st.Version != 2 {
		t.Fatalf("a stale restore changed the story to version %d", st.Version)
	}

	// The rejected text comes back as version 3, a restore by the editor.
	res = restore(editor, revs[1].ID, "2")
	wantStatus(t, "restore", res, http.StatusSeeOther)
	if got, want := res.header.Get("Location"), "/desk/stories/"+strconv.FormatInt(id, 10); got != want {
		t.Errorf("restore went to %q, want %q", got, want)
	}
	mustContain(t, "editor after restoring", editor.get(res.header.Get("Location")).body, "Restored: the story is now version 3")
	st := df.story(t, id)
	if st.Version != 3 || st.Headline != "Harbour ferry is back" || st.Status != news.StatusDraft {
		t.Errorf("restored story: version %d %q %s", st.Version, st.Headline, st.Status)
	}
	after, err := df.store.StoryRevisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	last := after[len(after)-1]
	if last.Kind != news.RevisionRestore || last.UserID != df.users[news.RoleEditor].ID || last.Version != 3 {
		t.Errorf("last revision: %s by %d, version %d; want a restore by the editor, version 3", last.Kind, last.UserID, last.Version)
	}
}
