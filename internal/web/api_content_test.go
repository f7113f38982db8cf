package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

// apiGet requests path with the API key.
func (f *fixture) apiGet(t *testing.T, key, path string, want int) response {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if key != "" {
		r.Header.Set("Authorization", "Bearer "+key)
	}
	res := f.do(t, r)
	if res.status != want {
		t.Fatalf("GET %s: status %d, want %d\n%.400s", path, res.status, want, res.body)
	}
	return res
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %.200s: %v", body, err)
	}
	return v
}

func TestContentAPI(t *testing.T) {
	f := newFixture(t, 45)
	ctx := context.Background()
	key, k, err := f.store.CreateAPIKey(ctx, "Partner app", 0)
	if err != nil {
		t.Fatal(err)
	}

	// No key, a wrong one, a revoked one: 401 with a JSON error.
	for _, tc := range []struct{ name, key string }{{"none", ""}, {"wrong", key + "x"}} {
		res := f.apiGet(t, tc.key, "/api/v1/stories", http.StatusUnauthorized)
		if e := decode[apiError](t, res.body); e.Error.Status != 401 || e.Error.Message == "" || res.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s key: %s %v", tc.name, res.body, res.header)
		}
	}
	r := httptest.NewRequest(http.MethodGet, "/api/v1/editions", nil)
	r.Header.Set("X-API-Key", key)
	if res := f.do(t, r); res.status != http.StatusOK {
		t.Errorf("X-API-Key header: %d", res.status)
	}

	eds := decode[struct{ Editions []apiEdition }](t, f.apiGet(t, key, "/api/v1/editions", 200).body)
	if len(eds.Editions) != 2 || eds.Editions[0].Code != "en" || !eds.Editions[0].Default || eds.Editions[1].URL != "https://news.example/ru/" {
		t.Errorf("editions %+v", eds)
	}
	secs := decode[struct{ Sections []apiNamed }](t, f.apiGet(t, key, "/api/v1/sections?edition=ru", 200).body)
	if len(secs.Sections) != 1 || secs.Sections[0].Slug != "mir" {
		t.Errorf("Russian sections %+v", secs)
	}
	tags := decode[struct{ Tags []apiNamed }](t, f.apiGet(t, key, "/api/v1/tags", 200).body)
	if !slices.ContainsFunc(tags.Tags, func(n apiNamed) bool { return n.Slug == "air-strikes" }) {
		t.Errorf("tags %+v", tags)
	}
	authors := decode[struct{ Authors []apiNamed }](t, f.apiGet(t, key, "/api/v1/authors", 200).body)
	if len(authors.Authors) != 2 {
		t.Errorf("authors %+v", authors)
	}

	// Every published English story once, page by page, newest first.
	type page struct {
		Stories    []apiStory
		NextCursor string `json:"next_cursor"`
	}
	var ids []int64
	path := "/api/v1/stories?limit=20"
	for range 10 {
		p := decode[page](t, f.apiGet(t, key, path, 200).body)
		for _, s := range p.Stories {
			ids = append(ids, s.ID)
			if s.BodyHTML != "" {
				t.Errorf("a list carries the body of %d", s.ID)
			}
		}
		if p.NextCursor == "" {
			break
		}
		path = "/api/v1/stories?limit=20&cursor=" + p.NextCursor
	}
	if len(ids) != 46 || ids[0] != f.lead.ID || slices.Contains(ids, f.draft.ID) || slices.Contains(ids, f.russian.ID) {
		t.Errorf("paged %d stories (first %v), want 46 published English ones, the lead first", len(ids), ids[:1])
	}
	slices.Sort(ids)
	if len(slices.Compact(ids)) != 46 {
		t.Error("a story came twice")
	}

	filtered := decode[page](t, f.apiGet(t, key, "/api/v1/stories?tag=air-strikes", 200).body)
	if len(filtered.Stories) != 1 || filtered.Stories[0].ID != f.lead.ID || filtered.NextCursor != "" {
		t.Errorf("tag filter %+v", filtered)
	}
	byAuthor := decode[page](t, f.apiGet(t, key, "/api/v1/stories?author=oleg-petrov", 200).body)
	if len(byAuthor.Stories) != 1 || byAuthor.Stories[0].Bylines[1] != "Oleg Petrov" {
		t.Errorf("author filter %+v", byAuthor)
	}
	business := decode[page](t, f.apiGet(t, key, "/api/v1/stories?section=business&limit=100", 200).body)
	if len(business.Stories) != 15 {
		t.Errorf("business has %d stories, want 15", len(business.Stories))
	}

	one := f.apiGet(t, key, "/api/v1/stories/"+strconv.FormatInt(f.lead.ID, 10), 200)
	st := decode[apiStory](t, one.body)
	if st.Headline != f.lead.Headline || !strings.Contains(st.BodyHTML, "under investigation") || st.UpdatedAt == nil ||
		st.URL != "https://news.example/world/"+strconv.FormatInt(f.lead.ID, 10)+"-locals-want-troops-out" || !slices.Equal(st.Labels, []string{"video"}) {
		t.Errorf("story %+v", st)
	}
	r = httptest.NewRequest(http.MethodGet, "/api/v1/stories/"+strconv.FormatInt(f.lead.ID, 10), nil)
	r.Header.Set("Authorization", "Bearer "+key)
	r.Header.Set("If-None-Match", one.header.Get("ETag"))
	if res := f.do(t, r); res.status != http.StatusNotModified {
		t.Errorf("If-None-Match: %d, want 304", res.status)
	}
	if cc := one.header.Get("Cache-Control"); !strings.Contains(cc, "private") {
		t.Errorf("Cache-Control %q: a keyed answer must not be shared", cc)
	}

	for _, bad := range []struct {
		path   string
		status int
	}{
		{"/api/v1/stories/" + strconv.FormatInt(f.draft.ID, 10), 404},
		{"/api/v1/stories/99999", 404},
		{"/api/v1/stories/x", 404},
		{"/api/v1/stories?limit=0", 400},
		{"/api/v1/stories?limit=101", 400},
		{"/api/v1/stories?cursor=zzz", 400},
		{"/api/v1/stories?edition=xx", 400},
		{"/api/v1/stories?section=nowhere", 400},
		{"/api/v1/stories?tag=nowhere", 400},
		{"/api/v1/stories?author=nobody", 400},
		{"/api/v1/episodes?show=nothing", 400},
	} {
		res := f.apiGet(t, key, bad.path, bad.status)
		if e := decode[apiError](t, res.body); e.Error.Status != bad.status || e.Error.Message == "" {
			t.Errorf("%s: %s", bad.path, res.body)
		}
	}

	if err := f.store.RevokeAPIKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	f.apiGet(t, key, "/api/v1/editions", http.StatusUnauthorized)
}

// TestOpenAPICoversRoutes: every API route of routes.go is in the OpenAPI
// document, and the server answers every path the document names.
func TestOpenAPICoversRoutes(t *testing.T) {
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	for _, m := range regexp.MustCompile(`mux\.Handle(?:Func)?\("(GET|POST|PUT|PATCH|DELETE) /api/v1(/[^"]*)"`).FindAllStringSubmatch(string(src), -1) {
		routes = append(routes, strings.ToLower(m[1])+" "+m[2])
	}
	if len(routes) == 0 {
		t.Fatal("found no API routes in routes.go")
	}
	df := newDeskFixture(t)
	f := df.fixture
	key, _, err := f.store.CreateAPIKey(context.Background(), "Test", 0)
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := f.store.CreateUserToken(context.Background(), df.users[news.RoleEditor].ID, "Test")
	if err != nil {
		t.Fatal(err)
	}
	served := f.mustGet(t, "/api/v1/openapi.json", http.StatusOK)
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Servers []struct{ URL string }    `json:"servers"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(served.body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" || len(doc.Servers) != 1 || doc.Servers[0].URL != "https://news.example/api/v1" {
		t.Errorf("document head %q %+v", doc.OpenAPI, doc.Servers)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, method+" "+path)
		}
	}
	slices.Sort(routes)
	slices.Sort(documented)
	for _, r := range routes {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(routes, d) {
			t.Errorf("openapi.json names %s, which routes.go does not serve", d)
		}
		method, path, _ := strings.Cut(d, " ")
		path = strings.ReplaceAll(path, "{id}", strconv.FormatInt(f.lead.ID, 10))
		if path == "/oembed" {
			path += "?url=https://news.example/world/" + strconv.FormatInt(f.lead.ID, 10) + "-x"
		}
		r := httptest.NewRequest(strings.ToUpper(method), "/api/v1"+path, nil)
		r.Header.Set("Authorization", "Bearer "+key)
		if strings.HasPrefix(path, "/admin/") {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		res := f.do(t, r)
		// Reads answer; writes, sent without a body, are refused by the
		// handler that would take them, not by the router.
		if method == "get" && res.status != http.StatusOK || res.status == http.StatusNotFound || res.status == http.StatusMethodNotAllowed {
			t.Errorf("%s answers %d: %.200s", d, res.status, res.body)
		}
	}
}
