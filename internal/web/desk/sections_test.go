package desk

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

func TestDeskSections(t *testing.T) { forEachDeskStore(t, testDeskSections) }

func testDeskSections(t *testing.T, df *deskFixture) {
	ctx := context.Background()
	editor := df.signedIn(t, news.RoleEditor)

	res := editor.get("/desk/sections")
	wantStatus(t, "GET /desk/sections", res, http.StatusOK)
	mustContain(t, "sections", res.body, `id="section-`+fmt.Sprint(df.world.ID)+`-name"`, `value="World"`,
		`<label for="create-name" class="">Name</label>`, `action="/desk/sections/`+fmt.Sprint(df.business.ID)+`/delete"`)
	res = editor.get("/desk/sections?edition=ru")
	mustContain(t, "Russian sections", res.body, `value="Мир"`)

	// Create: the slug is made from the name, the position follows the last.
	res = editor.post("/desk/sections", url.Values{"edition": {"en"}, "name": {"Science & Tech"}})
	wantStatus(t, "create", res, http.StatusSeeOther)
	if got, want := res.header.Get("Location"), "/desk/sections?edition=en"; got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
	science, err := df.store.SectionBySlug(ctx, "en", "science-tech")
	if err != nil {
		t.Fatal(err)
	}
	if science.Position != 4 {
		t.Errorf("new section's position = %d, want 4, after the three", science.Position)
	}
	mustContain(t, "after create", editor.get("/desk/sections").body, "Section “Science &amp; Tech” created")

	// Rename World: its old address redirects.
	res = editor.post(fmt.Sprintf("/desk/sections/%d", df.world.ID), url.Values{"name": {"International"}, "slug": {"international"}, "position": {"1"}})
	wantStatus(t, "rename", res, http.StatusSeeOther)
	mustContain(t, "after rename", editor.get("/desk/sections").body, "Its old address /world/ now leads to /international/.")
	pub := df.get(t, "/world/")
	if pub.status != http.StatusMovedPermanently || pub.header.Get("Location") != "/international/" {
		t.Errorf("GET /world/ after the rename: %d to %q, want 301 to /international/", pub.status, pub.header.Get("Location"))
	}

	// Delete an empty section.
	sport, err := df.store.SectionBySlug(ctx, "en", "sport")
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, "delete", editor.post(fmt.Sprintf("/desk/sections/%d/delete", sport.ID), nil), http.StatusSeeOther)
	if _, err := df.store.Section(ctx, sport.ID); !strings.Contains(fmt.Sprint(err), "not found") {
		t.Errorf("Sport after deleting it: %v", err)
	}

	refused := []struct {
		name, path string
		form       url.Values
		status     int
		text       string
		typed      string // a typed value the page keeps
	}{
		{"create without a name", "/desk/sections", url.Values{"edition": {"en"}, "slug": {"nameless"}}, http.StatusBadRequest,
			`<p class="field-error" id="create-name-error">is required</p>`, `value="nameless"`},
		{"create a taken slug", "/desk/sections", url.Values{"edition": {"en"}, "name": {"Money"}, "slug": {"business"}}, http.StatusConflict,
			`id="create-slug-error">&#34;business&#34; is taken`, `value="Money"`},
		{"create a reserved slug", "/desk/sections", url.Values{"edition": {"en"}, "name": {"Tags"}}, http.StatusBadRequest,
			`id="create-slug-error">is reserved`, `value="Tags"`},
		{"create at a bad position", "/desk/sections", url.Values{"edition": {"en"}, "name": {"Arts"}, "position": {"first"}}, http.StatusBadRequest,
			`id="create-position-error">must be a whole number`, `value="first"`},
		{"create in no edition", "/desk/sections", url.Values{"edition": {"xx"}, "name": {"Arts"}}, http.StatusNotFound, "no edition", ""},
		{"rename to a taken slug", fmt.Sprintf("/desk/sections/%d", df.business.ID), url.Values{"name": {"Biz"}, "slug": {"international"}}, http.StatusConflict,
			fmt.Sprintf(`id="section-%d-slug-error">&#34;international&#34; is taken`, df.business.ID), `value="Biz"`},
		{"rename to a bad slug", fmt.Sprintf("/desk/sections/%d", df.business.ID), url.Values{"name": {"Biz"}, "slug": {"Big Money!"}}, http.StatusBadRequest,
			fmt.Sprintf(`id="section-%d-slug-error">must be lower-case`, df.business.ID), `value="Big Money!"`},
		{"delete a section with stories", fmt.Sprintf("/desk/sections/%d/delete", df.business.ID), nil, http.StatusConflict,
			"still holds 1 story (trashed ones included): move them to another section first", ""},
		{"rename a missing section", "/desk/sections/99999", url.Values{"name": {"X"}}, http.StatusNotFound, "not found", ""},
	}
	for _, r := range refused {
		t.Run(r.name, func(t *testing.T) {
			res := editor.post(r.path, r.form)
			wantStatus(t, r.name, res, r.status)
			mustContain(t, r.name, res.body, r.text, r.typed)
		})
	}
	if _, err := df.store.SectionBySlug(ctx, "en", "business"); err != nil {
		t.Errorf("Business after refused changes: %v", err)
	}

	t.Run("refused to other roles", func(t *testing.T) {
		for _, role := range []news.Role{news.RoleAuthor, news.RoleContributor} {
			c := df.signedIn(t, role)
			wantStatus(t, string(role)+" GET", c.get("/desk/sections"), http.StatusForbidden)
			wantStatus(t, string(role)+" create", c.post("/desk/sections", url.Values{"edition": {"en"}, "name": {"Arts"}}), http.StatusForbidden)
			wantStatus(t, string(role)+" rename", c.post(fmt.Sprintf("/desk/sections/%d", df.business.ID), url.Values{"name": {"Arts"}}), http.StatusForbidden)
			wantStatus(t, string(role)+" delete", c.post(fmt.Sprintf("/desk/sections/%d/delete", science.ID), nil), http.StatusForbidden)
		}
		if _, err := df.store.SectionBySlug(ctx, "en", "arts"); err == nil {
			t.Error("a refused role created a section")
		}
		if _, err := df.store.Section(ctx, science.ID); err != nil {
			t.Errorf("a refused role deleted a section: %v", err)
		}
	})
}

func TestDeskTags(t *testing.T) { forEachDeskStore(t, testDeskTags) }

func testDeskTags(t *testing.T, df *deskFixture) {
	ctx := context.Background()
	editor := df.signedIn(t, news.RoleEditor)
	tagID := func(slug string) int64 {
		t.Helper()
		tag, err := df.store.TagBySlug(ctx, "en", slug)
		if err != nil {
			t.Fatalf("tag %s: %v", slug, err)
		}
		return tag.ID
	}

	res := editor.get("/desk/tags")
	wantStatus(t, "GET /desk/tags", res, http.StatusOK)
	mustContain(t, "tags", res.body, `value="Harbour"`, `value="Air strikes"`, `href="/desk/stories?edition=en&amp;tag=harbour">4</a>`)
	res = editor.get("/desk/tags?q=AIR")
	mustContain(t, "search", res.body, `value="Air strikes"`)
	if strings.Contains(res.body, `value="Harbour"`) {
		t.Error("the search for AIR lists Harbour")
	}

	wantStatus(t, "create", editor.post("/desk/tags", url.Values{"edition": {"en"}, "name": {"Empty one"}}), http.StatusSeeOther)
	empty := tagID("empty-one")

	// Rename Topic 1, then merge it into Topic 2.
	res = editor.post(fmt.Sprintf("/desk/tags/%d", tagID("topic-1")), url.Values{"name": {"Shipping"}, "slug": {""}})
	wantStatus(t, "rename", res, http.StatusSeeOther)
	mustContain(t, "after rename", editor.get("/desk/tags").body, "Its old address /tags/topic-1 now leads to /tags/shipping.")
	shipping, topic2 := tagID("shipping"), tagID("topic-2")
	res = editor.post(fmt.Sprintf("/desk/tags/%d/merge", shipping), url.Values{"into": {"Topic 2"}})
	wantStatus(t, "merge", res, http.StatusSeeOther)
	mustContain(t, "after merge", editor.get("/desk/tags").body, "Tag “Shipping” merged into “Topic 2”")
	for old, want := range map[string]string{"/tags/topic-1": "/tags/topic-2", "/tags/shipping": "/tags/topic-2"} {
		res := df.get(t, old)
		if res.status != http.StatusMovedPermanently || res.header.Get("Location") != want {
			t.Errorf("GET %s after the merge: %d to %q, want 301 to %s", old, res.status, res.header.Get("Location"), want)
		}
	}
	list, err := df.store.ListStories(ctx, news.StoryFilter{TagID: topic2, Status: news.StatusPublished})
	if err != nil {
		t.Fatal(err)
	}
	if list.Total != 2 {
		t.Errorf("Topic 2 carries %d published stories after the merge, want 2 (stories 1 and 2)", list.Total)
	}

	harbour := tagID("harbour")
	refused := []struct {
		name, path string
		form       url.Values
		status     int
		text       string
		typed      string
	}{
		{"create without a name", "/desk/tags", url.Values{"edition": {"en"}, "name": {" "}, "slug": {"x-y"}}, http.StatusBadRequest,
			`id="create-name-error">is required`, `value="x-y"`},
		{"create a taken slug", "/desk/tags", url.Values{"edition": {"en"}, "name": {"Harbour"}}, http.StatusConflict,
			`id="create-slug-error">&#34;harbour&#34; is taken`, `value="Harbour"`},
		{"rename to a taken slug", fmt.Sprintf("/desk/tags/%d", harbour), url.Values{"name": {"Port"}, "slug": {"topic-2"}}, http.StatusConflict,
			fmt.Sprintf(`id="tag-%d-slug-error">&#34;topic-2&#34; is taken`, harbour), `value="Port"`},
		{"merge into nothing", fmt.Sprintf("/desk/tags/%d/merge", harbour), url.Values{"into": {""}}, http.StatusBadRequest,
			fmt.Sprintf(`id="merge-%d-into-error">name the tag to merge into`, harbour), ""},
		{"merge into a missing tag", fmt.Sprintf("/desk/tags/%d/merge", harbour), url.Values{"into": {"Lighthouses"}}, http.StatusBadRequest,
			fmt.Sprintf(`id="merge-%d-into-error">edition en has no tag &#34;Lighthouses&#34;`, harbour), `value="Lighthouses"`},
		{"merge into itself", fmt.Sprintf("/desk/tags/%d/merge", harbour), url.Values{"into": {"harbour"}}, http.StatusBadRequest,
			"must be another tag", `value="harbour"`},
		{"delete a tag on stories", fmt.Sprintf("/desk/tags/%d/delete", harbour), nil, http.StatusConflict,
			"is on 4 stories (trashed ones included): merge it into another tag instead", ""},
		{"a missing tag", "/desk/tags/99999/delete", nil, http.StatusNotFound, "not found", ""},
	}
	for _, r := range refused {
		t.Run(r.name, func(t *testing.T) {
			res := editor.post(r.path, r.form)
			wantStatus(t, r.name, res, r.status)
			mustContain(t, r.name, res.body, r.text, r.typed)
		})
	}
	if got := tagID("harbour"); got != harbour {
		t.Errorf("Harbour changed after refused changes")
	}

	t.Run("refused to other roles", func(t *testing.T) {
		for _, role := range []news.Role{news.RoleAuthor, news.RoleContributor} {
			c := df.signedIn(t, role)
			wantStatus(t, string(role)+" GET", c.get("/desk/tags"), http.StatusForbidden)
			wantStatus(t, string(role)+" create", c.post("/desk/tags", url.Values{"edition": {"en"}, "name": {"Arts"}}), http.StatusForbidden)
			wantStatus(t, string(role)+" rename", c.post(fmt.Sprintf("/desk/tags/%d", harbour), url.Values{"name": {"Port"}}), http.StatusForbidden)
			wantStatus(t, string(role)+" merge", c.post(fmt.Sprintf("/desk/tags/%d/merge", harbour), url.Values{"into": {"topic-2"}}), http.StatusForbidden)
			wantStatus(t, string(role)+" delete", c.post(fmt.Sprintf("/desk/tags/%d/delete", empty), nil), http.StatusForbidden)
		}
		tagID("harbour")
		tagID("empty-one")
	})

	wantStatus(t, "delete an empty tag", editor.post(fmt.Sprintf("/desk/tags/%d/delete", empty), nil), http.StatusSeeOther)
	if _, err := df.store.Tag(ctx, empty); err == nil {
		t.Error("the empty tag is still there")
	}
}
