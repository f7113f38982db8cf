package desk

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/news"
)

func TestDeskAPIKeys(t *testing.T) {
	df := newDeskFixture(t)
	admin := df.signedIn(t, news.RoleAdmin)

	res := admin.post("/desk/api-keys", url.Values{"name": {" "}})
	wantStatus(t, "no name", res, http.StatusBadRequest)
	mustContain(t, "refused form", res.body, "Name is required")

	wantStatus(t, "make", admin.post("/desk/api-keys", url.Values{"name": {"Partner app"}}), http.StatusSeeOther)
	page := admin.get("/desk/api-keys").body
	m := regexp.MustCompile(`shown this once: (ndk_[A-Za-z0-9_-]+)`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the new key is not shown:\n%s", page)
	}
	key := m[1]
	if strings.Contains(admin.get("/desk/api-keys").body, key) {
		t.Error("the key is shown again")
	}
	df.apiGet(t, key, "/api/v1/editions", http.StatusOK)

	keys, err := df.store.APIKeys(context.Background())
	if err != nil || len(keys) != 1 {
		t.Fatalf("keys %+v, %v", keys, err)
	}
	mustContain(t, "list", admin.get("/desk/api-keys").body, "Partner app", "<code>"+keys[0].Prefix+"…</code>")
	wantStatus(t, "revoke", admin.post("/desk/api-keys/"+strconv.FormatInt(keys[0].ID, 10)+"/revoke", nil), http.StatusSeeOther)
	df.apiGet(t, key, "/api/v1/editions", http.StatusUnauthorized)
	mustContain(t, "list after revoking", admin.get("/desk/api-keys").body, "Revoked")
}

func TestDeskTokens(t *testing.T) {
	df := newDeskFixture(t)
	author := df.signedIn(t, news.RoleAuthor)
	wantStatus(t, "make", author.post("/desk/account/tokens", url.Values{"name": {"Laptop script"}}), http.StatusSeeOther)
	m := regexp.MustCompile(`shown this once: (ndk_[A-Za-z0-9_-]+)`).FindStringSubmatch(author.get("/desk/account/tokens").body)
	if m == nil {
		t.Fatal("the new token is not shown")
	}
	token := m[1]
	get := func(want int) {
		t.Helper()
		res := df.tokenRequest(t, token, "GET", "/api/v1/admin/stories/"+strconv.FormatInt(df.lead.ID, 10), "", "")
		wantStatus(t, "admin API with the token", res, want)
	}
	// An author opens published stories of others, and reads them here.
	get(http.StatusOK)
	toks, err := df.store.UserTokens(context.Background(), df.users[news.RoleAuthor].ID)
	if err != nil || len(toks) != 1 {
		t.Fatalf("tokens %+v, %v", toks, err)
	}
	// Another member of staff cannot revoke it.
	editor := df.signedIn(t, news.RoleEditor)
	wantStatus(t, "revoke another's", editor.post("/desk/account/tokens/"+strconv.FormatInt(toks[0].ID, 10)+"/revoke", nil), http.StatusNotFound)
	get(http.StatusOK)
	wantStatus(t, "revoke", author.post("/desk/account/tokens/"+strconv.FormatInt(toks[0].ID, 10)+"/revoke", nil), http.StatusSeeOther)
	get(http.StatusUnauthorized)
}
