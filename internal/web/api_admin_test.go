package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

// tokenRequest sends body (JSON unless ctype says otherwise) with a token.
func (df *deskFixture) tokenRequest(t *testing.T, token, method, path, body, ctype string) response {
	t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if ctype == "" {
		ctype = "application/json"
	}
	r.Header.Set("Content-Type", ctype)
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	return df.do(t, r)
}

func TestAdminAPI(t *testing.T) {
	df := newDeskFixture(t)
	ctx := context.Background()
	token := func(role news.Role) string {
		raw, _, err := df.store.CreateUserToken(ctx, df.users[role].ID, "script")
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	author, editor, contributor := token(news.RoleAuthor), token(news.RoleEditor), token(news.RoleContributor)
	contentKey, _, err := df.store.CreateAPIKey(ctx, "Partner", 0)
	if err != nil {
		t.Fatal(err)
	}

	draft := `{"edition": "en", "section": "world", "headline": "Ferries  run again", "lead": "The harbour reopened.",
		"body_html": "<p>Boats sail.</p><script>alert(1)</script>", "tags": ["Harbour", "Ferries"], "bylines": ["Ann Writer"]}`
	res := df.tokenRequest(t, author, "POST", "/api/v1/admin/stories", draft, "")
	wantStatus(t, "create", res, http.StatusCreated)
	st := decode[apiAdminStory](t, res.body)
	if st.Status != "draft" || st.Version != 1 || st.Headline != "Ferries run again" || st.BodyHTML != "<p>Boats sail.</p>" || len(st.Tags) != 2 || st.Section.Slug != "world" {
		t.Fatalf("created %+v", st)
	}
	path := "/api/v1/admin/stories/" + strconv.FormatInt(st.ID, 10)

	// Publishing is an action on the version read; a stale version is 409.
	wantStatus(t, "stale", df.tokenRequest(t, author, "PATCH", path, `{"version": 7, "action": "publish"}`, ""), http.StatusConflict)
	res = df.tokenRequest(t, author, "PATCH", path, `{"version": 1, "action": "publish", "lead": "The harbour reopened at dawn."}`, "")
	wantStatus(t, "publish", res, http.StatusOK)
	st = decode[apiAdminStory](t, res.body)
	if st.Status != "published" || st.Lead != "The harbour reopened at dawn." || st.Headline != "Ferries run again" {
		t.Errorf("published %+v", st)
	}
	df.mustGet(t, strings.TrimPrefix(st.URL, "https://news.example"), http.StatusOK)

	// Scheduling takes a time; the story leaves the site until then.
	at := time.Now().Add(48 * time.Hour).Truncate(time.Minute).UTC()
	// Authors do not unpublish; editors do.
	wantStatus(t, "author unpublishes", df.tokenRequest(t, author, "PATCH", path, `{"version": 2, "action": "unpublish"}`, ""), http.StatusForbidden)
	res = df.tokenRequest(t, editor, "PATCH", path, `{"version": 2, "action": "unpublish"}`, "")
	wantStatus(t, "unpublish", res, http.StatusOK)
	res = df.tokenRequest(t, author, "PATCH", path, `{"version": 3, "action": "schedule", "publish_at": "`+at.Format(time.RFC3339)+`"}`, "")
	wantStatus(t, "schedule", res, http.StatusOK)
	if st = decode[apiAdminStory](t, res.body); st.Status != "scheduled" || !st.PublishedAt.Equal(at) {
		t.Errorf("scheduled %+v, want at %v", st, at)
	}
	wantStatus(t, "get", df.tokenRequest(t, author, "GET", path, "", ""), http.StatusOK)

	// The desk's role checks: a contributor may not publish, nor open
	// another's story; a content key writes nothing.
	res = df.tokenRequest(t, contributor, "POST", "/api/v1/admin/stories", strings.Replace(draft, `"edition"`, `"action": "publish", "edition"`, 1), "")
	wantStatus(t, "contributor publishes", res, http.StatusForbidden)
	wantStatus(t, "contributor opens another's", df.tokenRequest(t, contributor, "GET", path, "", ""), http.StatusForbidden)
	wantStatus(t, "content key", df.tokenRequest(t, contentKey, "POST", "/api/v1/admin/stories", draft, ""), http.StatusForbidden)
	wantStatus(t, "no token", df.tokenRequest(t, "", "POST", "/api/v1/admin/stories", draft, ""), http.StatusUnauthorized)

	for name, body := range map[string]string{
		"not JSON":      `headline=x`,
		"unknown field": `{"edition": "en", "section": "world", "headlin": "Typo"}`,
		"no section":    `{"edition": "en", "section": "nowhere", "headline": "X"}`,
		"no headline":   `{"edition": "en", "section": "world"}`,
		"two values":    `{"edition": "en"} {"edition": "ru"}`,
	} {
		res := df.tokenRequest(t, author, "POST", "/api/v1/admin/stories", body, "")
		wantStatus(t, name, res, http.StatusBadRequest)
		if e := decode[apiError](t, res.body); e.Error.Message == "" {
			t.Errorf("%s: no message: %s", name, res.body)
		}
	}
	if list, _ := df.store.ListStories(ctx, news.StoryFilter{Query: "Typo"}); len(list.Stories) != 0 {
		t.Error("a refused story was stored")
	}

	// Media upload, as the desk's library takes it.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, _ := mw.CreateFormFile("file", "harbour.png")
	part.Write(pngFile(3))
	mw.Close()
	res = df.tokenRequest(t, author, "POST", "/api/v1/admin/media", body.String(), mw.FormDataContentType())
	wantStatus(t, "upload", res, http.StatusOK)
	mustContain(t, "upload answer", res.body, `"kind":"image"`)
}
