package desk

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

func TestDeskStoriesList(t *testing.T) { forEachDeskStore(t, testDeskStoriesList) }

func testDeskStoriesList(t *testing.T, df *deskFixture) {
	ctx := context.Background()
	editor := df.users[news.RoleEditor]
	mine := &news.Story{
		Edition: "en", Section: df.business, Headline: "Editor's own Quay report", Status: news.StatusReview,
		OwnerID: editor.ID, Bylines: []news.Author{{Name: "Nina Quay"}},
	}
	if err := df.store.CreateStory(ctx, mine); err != nil {
		t.Fatal(err)
	}
	c := df.signedIn(t, news.RoleEditor)

	res := c.get("/desk/stories")
	wantStatus(t, "GET /desk/stories", res, http.StatusOK)
	if got := res.header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", got)
	}
	mustContain(t, "story list", res.body,
		fmt.Sprintf(`<a href="/desk/stories/%d">%s</a>`, df.lead.ID, df.lead.Headline),
		fmt.Sprintf(`href="/world/%d-%s"`, df.lead.ID, df.lead.Slug), // published: a link to the site
		df.draft.Headline, "Editor&#39;s own Quay report",
		`Drafts <span class="count">1</span>`, `In review <span class="count">1</span>`,
		`Published <span class="count">4</span>`, `All <span class="count">6</span>`,
		`<option value="en" selected>`)
	if strings.Contains(res.body, df.russian.Headline) {
		t.Error("the default edition's list shows a Russian story")
	}

	nina := mine.Bylines[0].ID
	tests := []struct {
		name   string
		query  url.Values
		want   []string
		absent []string
	}{
		{"drafts", url.Values{"status": {"draft"}}, []string{df.draft.Headline}, []string{df.lead.Headline}},
		{"other edition", url.Values{"edition": {"ru"}}, []string{df.russian.Headline}, []string{df.lead.Headline}},
		{"every edition", url.Values{"edition": {"all"}, "status": {"published"}}, []string{df.russian.Headline, df.lead.Headline}, nil},
		{"headline in any case and script", url.Values{"edition": {"all"}, "q": {"ЖИТЕЛИ требуют"}}, []string{df.russian.Headline}, []string{df.lead.Headline}},
		{"section", url.Values{"section": {fmt.Sprint(df.business.ID)}}, []string{"Quay report", "story number 3"}, []string{df.lead.Headline}},
		{"tag by name", url.Values{"tag": {"Air strikes"}}, []string{df.lead.Headline}, []string{"story number 1"}},
		{"byline", url.Values{"author": {fmt.Sprint(nina)}}, []string{"Quay report"}, []string{df.lead.Headline}},
		{"mine", url.Values{"mine": {"1"}}, []string{"Quay report", `name="mine" value="1" checked`}, []string{df.lead.Headline}},
		{"nothing", url.Values{"q": {"volcano"}}, []string{"No stories match these filters."}, []string{df.lead.Headline}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.get("/desk/stories?" + tt.query.Encode())
			wantStatus(t, tt.name, res, http.StatusOK)
			mustContain(t, tt.name, res.body, tt.want...)
			for _, a := range tt.absent {
				if strings.Contains(res.body, a) {
					t.Errorf("%s lists %q", tt.name, a)
				}
			}
		})
	}

	refused := []struct {
		name, field, typed string
		query              url.Values
	}{
		{"unknown tag", "tag", "No such topic", url.Values{"tag": {"No such topic"}}},
		{"tag without edition", "tag", "harbour", url.Values{"tag": {"harbour"}, "edition": {"all"}}},
		{"unknown status", "status", "", url.Values{"status": {"lost"}}},
		{"section of another edition", "section", "", url.Values{"section": {fmt.Sprint(df.russian.Section.ID)}}},
		{"section that is no number", "section", "", url.Values{"section": {"world"}}},
		{"unknown edition", "edition", "", url.Values{"edition": {"xx"}}},
		{"author that is no number", "author", "", url.Values{"author": {"anna"}}},
	}
	for _, r := range refused {
		t.Run(r.name, func(t *testing.T) {
			res := c.get("/desk/stories?" + r.query.Encode())
			wantStatus(t, r.name, res, http.StatusBadRequest)
			mustContain(t, r.name, res.body, `id="`+r.field+`-error"`, "Please correct the filters")
			if r.typed != "" {
				mustContain(t, r.name, res.body, `value="`+r.typed+`"`)
			}
		})
	}
}

func TestDeskStoriesPaging(t *testing.T) { forEachDeskStore(t, testDeskStoriesPaging) }

func testDeskStoriesPaging(t *testing.T, df *deskFixture) {
	ctx := context.Background()
	var batch []*news.Story
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 45 {
		batch = append(batch, &news.Story{Edition: "en", Section: df.world, Headline: fmt.Sprintf("Queued draft %02d", i),
			Status: news.StatusDraft, CreatedAt: base.Add(time.Duration(i) * time.Minute)})
	}
	if err := df.store.CreateStories(ctx, batch); err != nil {
		t.Fatal(err)
	}
	c := df.signedIn(t, news.RoleContributor)
	res := c.get("/desk/stories?status=draft&q=queued")
	wantStatus(t, "page 1", res, http.StatusOK)
	// Newest first: drafts by when they were started.
	mustContain(t, "page 1", res.body, "Queued draft 44", "page 1 of 3",
		`rel="next" href="/desk/stories?edition=en&amp;page=2&amp;q=queued&amp;status=draft"`)
	if strings.Contains(res.body, "Queued draft 24") {
		t.Error("page 1 shows a story of page 2")
	}
	res = c.get("/desk/stories?edition=en&page=3&q=queued&status=draft")
	wantStatus(t, "page 3", res, http.StatusOK)
	mustContain(t, "page 3", res.body, "Queued draft 04", "Queued draft 00", `rel="prev"`)
}

func TestDeskStoriesAccess(t *testing.T) {
	df := newDeskFixture(t)
	res := df.client(t).get("/desk/stories?status=draft")
	wantStatus(t, "signed out", res, http.StatusSeeOther)
	if got, want := res.header.Get("Location"), "/desk/signin?next="+url.QueryEscape("/desk/stories?status=draft"); got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
}
