package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store/storetest"
)

// forEachDeskStore runs fn with a desk fixture over SQLite and, when
// NEWSDESK_TEST_DATABASE_URL names a PostgreSQL server, over a schema of
// its own there: the editor's saves, conflicts and deletes go through the
// store, whose SQL differs between the two.
func forEachDeskStore(t *testing.T, fn func(t *testing.T, df *deskFixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newDeskFixture(t)) })
	t.Run("postgres", func(t *testing.T) {
		fn(t, newDeskFixtureOn(t, newFixtureOn(t, 3, storetest.Postgres(t))))
	})
}

// storyValues is a complete, valid editor form for the fixture's World
// section.
func (df *deskFixture) storyValues(headline string) url.Values {
	return url.Values{
		"headline": {headline},
		"lead":     {"The lead of " + headline + "."},
		"body":     {"<p>First paragraph of " + headline + ".</p><h2>More</h2><p>Second.</p>"},
		"edition":  {"en"},
		"section":  {strconv.FormatInt(df.world.ID, 10)},
		"tags":     {"Harbour, Night shift"},
		"bylines":  {"Anna Marsh"},
	}
}

// storyIDFrom reads the story id from the editor URL a save redirects to.
func storyIDFrom(t testing.TB, res response) int64 {
	t.Helper()
	wantStatus(t, "save", res, http.StatusSeeOther)
	m := regexp.MustCompile(`^/desk/stories/(\d+)$`).FindStringSubmatch(res.header.Get("Location"))
	if m == nil {
		t.Fatalf("save redirected to %q, want the story's editor", res.header.Get("Location"))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// with returns v with the given pairs set.
func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

func (df *deskFixture) story(t testing.TB, id int64) news.Story {
	t.Helper()
	st, err := df.store.Story(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// editorForm opens the editor of story id as c and returns the form's
// values as they stand, version included, ready to be changed and posted.
func (df *deskFixture) editorForm(t testing.TB, c *client, id int64) url.Values {
	t.Helper()
	res := c.get(fmt.Sprintf("/desk/stories/%d", id))
	wantStatus(t, "open the editor", res, http.StatusOK)
	st := df.story(t, id)
	v := url.Values{
		"version": {strconv.Itoa(st.Version)}, "headline": {st.Headline}, "lead": {st.Lead}, "body": {st.Body},
		"edition": {st.Edition}, "section": {strconv.FormatInt(st.Section.ID, 10)}, "slug": {st.Slug},
	}
	if m := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(res.body); m == nil || m[1] != v.Get("version") {
		t.Fatalf("editor carries version %v, want %s", m, v.Get("version"))
	}
	for _, tg := range st.Tags {
		v.Set("tags", strings.TrimPrefix(v.Get("tags")+", "+tg.Name, ", "))
	}
	for _, a := range st.Bylines {
		v.Set("bylines", strings.TrimPrefix(v.Get("bylines")+", "+a.Name, ", "))
	}
	return v
}

func TestDeskStoryEditorPage(t *testing.T) {
	df := newDeskFixture(t)
	for _, tc := range []struct {
		role        news.Role
		want, never []string
	}{
		{news.RoleContributor, []string{">Save draft<", ">Submit for review<"}, []string{">Publish now<", ">Schedule<"}},
		{news.RoleAuthor, []string{">Save draft<", ">Publish now<", ">Schedule<"}, []string{">Unpublish<"}},
		{news.RoleEditor, []string{">Save draft<", ">Publish now<", ">Schedule<", "Europe/London"}, []string{">Delete for ever<"}},
	} {
		t.Run(string(tc.role), func(t *testing.T) {
			res := df.signedIn(t, tc.role).get("/desk/stories/new")
			wantStatus(t, "new story", res, http.StatusOK)
			if got := res.header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", got)
			}
			mustContain(t, "editor", res.body, append(tc.want,
				`<label for="headline">Headline</label>`, `name="body"`, `<label for="section">Section</label>`,
				`name="tags"`, `name="bylines"`, `name="slug"`, `name="featured_image"`, `name="seo_title"`,
				`name="social_title"`, `name="description"`, `formaction="/desk/stories/preview"`, `/static/desk-editor.`)...)
			for _, s := range tc.never {
				if strings.Contains(res.body, s) {
					t.Errorf("editor for %s offers %s", tc.role, s)
				}
			}
		})
	}
	t.Run("in another edition", func(t *testing.T) {
		res := df.signedIn(t, news.RoleEditor).get("/desk/stories/new?edition=ru")
		mustContain(t, "editor", res.body, `<option value="ru" data-zone="Europe/Moscow" selected>`, "(Europe/Moscow)")
	})
	t.Run("signed out", func(t *testing.T) {
		res := df.client(t).get("/desk/stories/new")
		wantStatus(t, "signed out", res, http.StatusSeeOther)
		res = df.client(t).post("/desk/stories/new", df.storyValues("Sneaky"))
		wantStatus(t, "signed out post", res, http.StatusUnauthorized)
	})
	t.Run("contributor opens only own stories", func(t *testing.T) {
		res := df.signedIn(t, news.RoleContributor).get(fmt.Sprintf("/desk/stories/%d", df.draft.ID))
		wantStatus(t, "another's draft", res, http.StatusForbidden)
	})
}

func TestDeskStoryActions(t *testing.T) {
	forEachDeskStore(t, func(t *testing.T, df *deskFixture) {
		ctx := context.Background()
		editor := df.signedIn(t, news.RoleEditor)
		admin := df.signedIn(t, news.RoleAdmin)
		london, _ := time.LoadLocation("Europe/London")

		// Save a new draft: the editor owns it, the revision names them.
		id := storyIDFrom(t, editor.post("/desk/stories/new", with(df.storyValues("Harbour night shift"), "action", "save")))
		st := df.story(t, id)
		if st.Status != news.StatusDraft || st.OwnerID != df.users[news.RoleEditor].ID || st.Slug != "harbour-night-shift" {
			t.Fatalf("saved draft: status %s owner %d slug %q", st.Status, st.OwnerID, st.Slug)
		}
		revs, err := df.store.StoryRevisions(ctx, id)
		if err != nil || len(revs) != 1 || revs[0].UserID != df.users[news.RoleEditor].ID {
			t.Fatalf("revisions %+v, %v: want one by the editor", revs, err)
		}
		page := editor.get(fmt.Sprintf("/desk/stories/%d", id))
		mustContain(t, "editor after saving", page.body, "Draft saved.", "Harbour night shift", "Harbour, Night shift")
		public := fmt.Sprintf("/world/%d-harbour-night-shift", id)
		wantStatus(t, "draft on the site", df.get(t, public), http.StatusNotFound)

		steps := []struct {
			name       string
			c          *client
			values     []string // pairs set on the current form
			wantStatus news.Status
			public     int // status of the public page afterwards
			check      func(t *testing.T, st news.Story)
		}{
			{"schedule", editor, []string{"action", "schedule", "published_at", "2031-05-04T10:15"}, news.StatusScheduled, http.StatusNotFound,
				func(t *testing.T, st news.Story) {
					if want := time.Date(2031, 5, 4, 10, 15, 0, 0, london); !st.PublishedAt.Equal(want) {
						t.Errorf("scheduled for %v, want %v", st.PublishedAt, want)
					}
				}},
			{"publish now", editor, []string{"action", "publish"}, news.StatusPublished, http.StatusOK,
				func(t *testing.T, st news.Story) {
					if time.Since(st.PublishedAt) > time.Minute || time.Since(st.PublishedAt) < 0 {
						t.Errorf("published at %v, want now", st.PublishedAt)
					}
				}},
			{"update published", editor, []string{"action", "update", "lead", "A corrected lead."}, news.StatusPublished, http.StatusOK,
				func(t *testing.T, st news.Story) {
					if st.UpdatedAt.IsZero() || st.Lead != "A corrected lead." {
						t.Errorf("updated at %v, lead %q", st.UpdatedAt, st.Lead)
					}
				}},
			{"unpublish", editor, []string{"action", "unpublish"}, news.StatusDraft, http.StatusNotFound, nil},
			{"trash", editor, []string{"action", "trash", "headline", "typed but not saved"}, news.StatusTrashed, http.StatusNotFound,
				func(t *testing.T, st news.Story) {
					if st.Headline != "Harbour night shift" {
						t.Errorf("trash saved the form: headline %q", st.Headline)
					}
				}},
			{"restore", editor, []string{"action", "restore"}, news.StatusDraft, http.StatusNotFound, nil},
			{"publish again", admin, []string{"action", "publish"}, news.StatusPublished, http.StatusOK, nil},
			{"trash again", admin, []string{"action", "trash"}, news.StatusTrashed, http.StatusNotFound, nil},
		}
		for _, step := range steps {
			t.Run(step.name, func(t *testing.T) {
				v := with(df.editorForm(t, step.c, id), step.values...)
				if got := storyIDFrom(t, step.c.post(fmt.Sprintf("/desk/stories/%d", id), v)); got != id {
					t.Fatalf("redirected to story %d", got)
				}
				st := df.story(t, id)
				if st.Status != step.wantStatus {
					t.Fatalf("status %s, want %s", st.Status, step.wantStatus)
				}
				if step.check != nil {
					step.check(t, st)
				}
				res := df.get(t, public)
				if res.status != step.public {
					t.Errorf("public page: status %d, want %d", res.status, step.public)
				}
				if step.public == http.StatusOK {
					mustContain(t, "public page", res.body, "Harbour night shift", st.Lead)
				}
			})
		}

		t.Run("editor may not delete for ever", func(t *testing.T) {
			v := with(df.editorForm(t, editor, id), "action", "delete")
			wantStatus(t, "delete by an editor", editor.post(fmt.Sprintf("/desk/stories/%d", id), v), http.StatusForbidden)
			df.story(t, id)
		})
		t.Run("admin deletes for ever", func(t *testing.T) {
			v := with(df.editorForm(t, admin, id), "action", "delete")
			res := admin.post(fmt.Sprintf("/desk/stories/%d", id), v)
			wantStatus(t, "delete", res, http.StatusSeeOther)
			if _, err := df.store.Story(ctx, id); !errors.Is(err, news.ErrNotFound) {
				t.Errorf("story after delete: %v, want not found", err)
			}
			wantStatus(t, "editor of a deleted story", admin.get(fmt.Sprintf("/desk/stories/%d", id)), http.StatusNotFound)
		})

		t.Run("contributor writes and submits, never publishes", func(t *testing.T) {
			c := df.signedIn(t, news.RoleContributor)
			id := storyIDFrom(t, c.post("/desk/stories/new", with(df.storyValues("From the stringer"), "action", "submit")))
			if st := df.story(t, id); st.Status != news.StatusReview {
				t.Fatalf("status %s, want review", st.Status)
			}
			v := with(df.editorForm(t, c, id), "action", "publish")
			wantStatus(t, "forged publish", c.post(fmt.Sprintf("/desk/stories/%d", id), v), http.StatusForbidden)
			wantStatus(t, "forged publish of a new story", c.post("/desk/stories/new", with(df.storyValues("Forged"), "action", "publish")), http.StatusForbidden)
			if st := df.story(t, id); st.Status != news.StatusReview || st.Version != 1 {
				t.Errorf("after the forged publish: %s version %d", st.Status, st.Version)
			}
			// An editor publishes it from review.
			v = with(df.editorForm(t, editor, id), "action", "publish")
			storyIDFrom(t, editor.post(fmt.Sprintf("/desk/stories/%d", id), v))
			if st := df.story(t, id); st.Status != news.StatusPublished {
				t.Errorf("status %s after the editor published it", st.Status)
			}
		})

		t.Run("wrong action for the status", func(t *testing.T) {
			id := storyIDFrom(t, editor.post("/desk/stories/new", with(df.storyValues("Still a draft"), "action", "save")))
			v := with(df.editorForm(t, editor, id), "action", "restore", "lead", "typed lead")
			res := editor.post(fmt.Sprintf("/desk/stories/%d", id), v)
			wantStatus(t, "restore a draft", res, http.StatusBadRequest)
			mustContain(t, "refused form", res.body, "does not apply to a story that is a draft", "typed lead")
		})

		t.Run("slug taken in the edition", func(t *testing.T) {
			v := with(df.storyValues("Another harbour story"), "action", "save", "slug", df.lead.Slug)
			id := storyIDFrom(t, editor.post("/desk/stories/new", v))
			if st := df.story(t, id); st.Slug != df.lead.Slug+"-2" {
				t.Errorf("slug %q, want %q", st.Slug, df.lead.Slug+"-2")
			}
			mustContain(t, "editor", editor.get(fmt.Sprintf("/desk/stories/%d", id)).body, "Another story already uses the address")
		})
	})
}

func TestDeskStoryValidation(t *testing.T) {
	df := newDeskFixture(t)
	editor := df.signedIn(t, news.RoleEditor)
	for _, tc := range []struct {
		name    string
		values  []string
		fields  []string
		message string // shown beside the field
	}{
		{"empty headline", []string{"headline", "   "}, []string{"headline"}, "The headline is required."},
		{"no section", []string{"section", ""}, []string{"section"}, "Choose a section."},
		{"section of another edition", []string{"edition", "ru"}, []string{"section"}, "is not a section of edition ru"},
		{"bad image and address", []string{"featured_image", "javascript:alert(1)", "slug", "???"}, []string{"featured_image", "slug"},
			"The featured image must be an http:// or https:// address"},
		{"schedule without a time", []string{"action", "schedule"}, []string{"published_at"}, "Give the date and time to publish at."},
		{"schedule in the past", []string{"action", "schedule", "published_at", "2001-01-01T10:00"}, []string{"published_at"}, "The time to publish at must be in the future"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := with(df.storyValues("Typed headline"), append([]string{"action", "save", "lead", "A lead <typed> by hand", "tags", "Kept tag, Other"}, tc.values...)...)
			res := editor.post("/desk/stories/new", v)
			wantStatus(t, "refused form", res, http.StatusBadRequest)
			for _, f := range tc.fields {
				mustContain(t, "refused form", res.body, `id="`+f+`-error"`, `aria-describedby="`)
			}
			mustContain(t, "refused form", res.body, `role="alert"`, tc.message,
				html.EscapeString("A lead <typed> by hand"), "Kept tag, Other", "First paragraph of Typed headline")
			if tc.values[0] != "headline" {
				mustContain(t, "refused form", res.body, ">Typed headline</textarea>")
			}
		})
	}
	l, err := df.store.ListStories(context.Background(), news.StoryFilter{Query: "Typed headline"})
	if err == nil && l.Total > 0 {
		t.Errorf("%d refused stories were saved", l.Total)
	}
}

func TestDeskStoryConflict(t *testing.T) {
	forEachDeskStore(t, func(t *testing.T, df *deskFixture) {
		ctx := context.Background()
		first := df.signedIn(t, news.RoleEditor)
		second := df.signedIn(t, news.RoleAdmin)
		id := storyIDFrom(t, first.post("/desk/stories/new", with(df.storyValues("Ferry strike talks"), "action", "save",
			"body", "<p>Unions and owners met on Monday.</p>")))

		// Both open version 1.
		mine := df.editorForm(t, first, id)
		theirs := df.editorForm(t, second, id)

		// The first saves a change.
		storyIDFrom(t, first.post(fmt.Sprintf("/desk/stories/%d", id), with(mine, "action", "save",
			"body", "<p>Unions and owners met again on Tuesday.</p>")))

		// The second saves over version 1: refused, with everything typed kept.
		typed := "<p>Unions and owners met on Monday, and talks resume today.</p>"
		res := second.post(fmt.Sprintf("/desk/stories/%d", id), with(theirs, "action", "save", "body", typed, "headline", "Ferry strike talks resume"))
		wantStatus(t, "stale save", res, http.StatusConflict)
		mustContain(t, "conflict page", res.body,
			"Editor saved this story at", "Your changes are not saved yet",
			"<del>Monday</del>", "<ins>again </ins>", "<ins>Tuesday</ins>",
			">Ferry strike talks resume</textarea>", html.EscapeString(typed),
			`name="version" value="2"`)

		if strings.Contains(res.body, "Other fields") {
			t.Error("conflict page says other fields changed; only the body did")
		}
		st := df.story(t, id)
		if st.Version != 2 || !strings.Contains(st.Body, "Tuesday") {
			t.Errorf("stored story changed by the refused save: version %d body %q", st.Version, st.Body)
		}
		revs, err := df.store.StoryRevisions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var kept bool
		for _, r := range revs {
			if r.Kind == news.RevisionRejected && r.UserID == df.users[news.RoleAdmin].ID && r.Story.Body == typed {
				kept = true
			}
		}
		if !kept {
			t.Errorf("no rejected revision with the refused text among %d revisions", len(revs))
		}

		// Saving the conflict page's form again (version 2) goes through.
		storyIDFrom(t, second.post(fmt.Sprintf("/desk/stories/%d", id), with(theirs, "action", "save", "body", typed, "version", "2")))
		if st := df.story(t, id); st.Body != typed || st.Version != 3 {
			t.Errorf("after saving again: version %d body %q", st.Version, st.Body)
		}

		t.Run("stale trash", func(t *testing.T) {
			res := first.post(fmt.Sprintf("/desk/stories/%d", id), with(mine, "action", "trash"))
			wantStatus(t, "stale trash", res, http.StatusConflict)
			if st := df.story(t, id); st.Status != news.StatusDraft {
				t.Errorf("status %s after a stale trash", st.Status)
			}
		})
	})
}

// xssPayloads are well-known ways to run script through HTML, each pasted
// into a story body.
var xssPayloads = []string{
	`<script>alert('xss')</script>`,
	`<img src=x onerror=alert('xss')>`,
	`<svg onload=alert('xss')><circle r=1></circle></svg>`,
	`<a href="javascript:alert('xss')">click</a>`,
	`<a href="JaVaScRiPt:alert('xss')">mixed case</a>`,
	`<a href="&#106;avascript:alert('xss')">entity</a>`,
	`<a href=" javascript:alert('xss')">space</a>`,
	`<iframe src="https://evil.example/"></iframe>`,
	`<iframe srcdoc="<script>alert('xss')</script>"></iframe>`,
	`<object data="javascript:alert('xss')"></object>`,
	`<embed src="https://evil.example/x.swf">`,
	`<p style="background:url(javascript:alert('xss'))">styled</p>`,
	`<style>body{background:red}</style>`,
	`<body onload=alert('xss')>`,
	`<div onmouseover="alert('xss')">hover</div>`,
	`<form action="https://evil.example/"><input name=q><button>go</button></form>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert('xss')></style></mglyph></table></mtext></math>`,
	`<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert('xss')">`,
	`<base href="https://evil.example/">`,
	`<details open ontoggle=alert('xss')>`,
	`<video><source onerror="alert('xss')"></video>`,
	`"><script>alert('xss')</script>`,
	`<scr<script>ipt>alert('xss')</scr</script>ipt>`,
	`<noscript><p title="</noscript><img src=x onerror=alert('xss')>">`,
	`<img src=x:alert(alt) onerror=eval(src) alt=0>`,
	`<a href="data:text/html,<script>alert('xss')</script>">data link</a>`,
	`<link rel="stylesheet" href="https://evil.example/x.css">`,
}

// dangerous finds what must never be in a stored or served story body.
var dangerous = regexp.MustCompile(`(?i)<\s*(script|iframe|object|embed|style|form|input|button|meta|base|link|svg|math|body|details|video|source|noscript)\b|\son[a-z]+\s*=|javascript:|data:text|\sstyle\s*=|srcdoc`)

func TestDeskStoryXSS(t *testing.T) {
	forEachDeskStore(t, func(t *testing.T, df *deskFixture) {
		editor := df.signedIn(t, news.RoleEditor)
		for i, payload := range xssPayloads {
			t.Run(strconv.Itoa(i), func(t *testing.T) {
				body := "<p>Before.</p>" + payload + "<p>After.</p>"
				v := with(df.storyValues(fmt.Sprintf("Payload %d", i)), "action", "publish", "body", body,
					"headline", fmt.Sprintf("Payload %d <script>alert(1)</script>", i))
				id := storyIDFrom(t, editor.post("/desk/stories/new", v))
				st := df.story(t, id)
				if m := dangerous.FindString(st.Body); m != "" {
					t.Errorf("stored body keeps %q:\n%s", m, st.Body)
				}
				if !strings.Contains(st.Body, "Before.") || !strings.Contains(st.Body, "After.") {
					t.Errorf("stored body lost the text around the payload: %s", st.Body)
				}
				page := df.mustGet(t, "/world/"+strconv.FormatInt(id, 10)+"-"+st.Slug, http.StatusOK).body
				served := storyBody(page)
				if !strings.Contains(served, "After.") {
					t.Fatalf("no body found in the story page:\n%s", page)
				}
				if m := dangerous.FindString(served); m != "" {
					t.Errorf("served body keeps %q:\n%s", m, served)
				}
				if strings.Contains(page, "<script>alert(1)") {
					t.Error("the headline's script is served as markup")
				}
				// The editor shows the stored body in its textarea, escaped.
				ed := editor.get(fmt.Sprintf("/desk/stories/%d", id)).body
				area := ed[strings.Index(ed, `id="body"`):]
				area = area[:strings.Index(area, "</textarea>")]
				if strings.Contains(area, "<") {
					t.Errorf("editor's body field is not escaped: %s", area)
				}
				// And the preview of the same form is as clean as the page.
				prev := editor.post("/desk/stories/preview", v)
				wantStatus(t, "preview", prev, http.StatusOK)
				pb := storyBody(prev.body)
				if m := dangerous.FindString(pb); m != "" {
					t.Errorf("preview keeps %q", m)
				}
			})
		}
	})
}

// storyBody cuts the body out of a story page: the article's children
// after its date line and lead.
func storyBody(page string) string {
	i, j := strings.Index(page, `<p class="story-date">`), strings.Index(page, "</article>")
	if i < 0 || j < i {
		return ""
	}
	rest := page[i:j]
	rest = rest[strings.Index(rest, "</p>")+len("</p>"):]
	if k := strings.Index(rest, `<p class="story-lead">`); k >= 0 && strings.TrimSpace(rest[:k]) == "" {
		rest = rest[k:]
		rest = rest[strings.Index(rest, "</p>")+len("</p>"):]
	}
	return rest
}

func TestDeskStoryPreview(t *testing.T) {
	df := newDeskFixture(t)
	editor := df.signedIn(t, news.RoleEditor)
	v := with(df.storyValues("Unsaved harbour story"), "featured_image", "https://images.example/quay.jpg")
	res := editor.post("/desk/stories/preview", v)
	wantStatus(t, "preview", res, http.StatusOK)
	mustContain(t, "preview", res.body,
		`<article class="story" aria-labelledby="story-title">`, `<h1 id="story-title" class="story-title">Unsaved harbour story</h1>`,
		"First paragraph of Unsaved harbour story.", `<a href="/world/">World</a>`,
		`<img src="https://images.example/quay.jpg"`, `<link rel="stylesheet" href="/static/site.`,
		`<meta name="robots" content="noindex">`, `rel="tag">`)
	if got := res.header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", got)
	}
	if l, _ := df.store.ListStories(context.Background(), news.StoryFilter{Query: "Unsaved harbour"}); l.Total != 0 {
		t.Error("the preview saved the story")
	}
	wantStatus(t, "signed-out preview", df.client(t).post("/desk/stories/preview", v), http.StatusUnauthorized)

	t.Run("private link", func(t *testing.T) {
		path := fmt.Sprintf("/desk/stories/%d/preview", df.draft.ID)
		res := editor.get(path)
		wantStatus(t, "private preview of a draft", res, http.StatusOK)
		mustContain(t, "private preview", res.body, `<h1 id="story-title" class="story-title">`+df.draft.Headline+`</h1>`, `content="noindex"`)
		if got := res.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("Cache-Control = %q, want no-store", got)
		}
		wantStatus(t, "signed out", df.client(t).get(path), http.StatusSeeOther)
		wantStatus(t, "a draft on the public site", df.get(t, fmt.Sprintf("/world/%d-%s", df.draft.ID, df.draft.Slug)), http.StatusNotFound)
	})
}

func TestDeskTagSuggest(t *testing.T) {
	df := newDeskFixture(t)
	c := df.signedIn(t, news.RoleContributor)
	res := c.get("/desk/tags/suggest?edition=en&q=harb")
	wantStatus(t, "suggest", res, http.StatusOK)
	var got []tagSuggestion
	if err := json.Unmarshal([]byte(res.body), &got); err != nil {
		t.Fatalf("decode %q: %v", res.body, err)
	}
	if len(got) != 1 || got[0].Name != "Harbour" || got[0].Slug != "harbour" {
		t.Errorf("suggestions = %+v, want Harbour", got)
	}
	res = c.get("/desk/tags/suggest?edition=en&q=")
	if strings.TrimSpace(res.body) != "[]" {
		t.Errorf("empty query: %s, want []", res.body)
	}
	wantStatus(t, "signed out", df.client(t).get("/desk/tags/suggest?edition=en&q=harb"), http.StatusSeeOther)
}
