package desk

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"newsdesk/internal/news"
)

func TestDeskAccount(t *testing.T) {
	df := newDeskFixture(t)
	ctx := context.Background()
	c := df.signedIn(t, news.RoleAuthor)
	other := df.signedIn(t, news.RoleAuthor) // the same person on another device

	res := c.get("/desk/account")
	wantStatus(t, "GET /desk/account", res, http.StatusOK)
	mustContain(t, "account page", res.body, "author@example.com", `action="/desk/account/password"`, `action="/desk/signout/everywhere"`, `aria-current="page"`)
	if got := res.header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q", got)
	}

	long := make([]byte, news.MaxNameLen+1)
	for i := range long {
		long[i] = 'x'
	}
	res = c.post("/desk/account", url.Values{"name": {string(long)}})
	wantStatus(t, "too long a name", res, http.StatusBadRequest)
	mustContain(t, "form", res.body, "Name is too long", string(long))

	wantStatus(t, "save name", c.post("/desk/account", url.Values{"name": {"Ann Author"}}), http.StatusSeeOther)
	res = c.get("/desk/account")
	mustContain(t, "account after saving", res.body, `value="Ann Author"`, "Your name is saved.")

	tests := []struct {
		name                    string
		current, password, conf string
		wantText                string
	}{
		{"wrong current password", "nope", "a new long password", "a new long password", "is not your current password"},
		{"too short", deskPassword, "short", "short", "at least 10 characters"},
		{"confirmation differs", deskPassword, "a new long password", "another one entirely", "does not match"},
	}
	for _, tt := range tests {
		res := c.post("/desk/account/password", url.Values{"current": {tt.current}, "password": {tt.password}, "confirm": {tt.conf}})
		wantStatus(t, tt.name, res, http.StatusBadRequest)
		mustContain(t, tt.name, visibleText(res.body), tt.wantText)
	}
	res = c.post("/desk/account/password", url.Values{"current": {deskPassword}, "password": {"a new long password"}, "confirm": {"a new long password"}})
	wantStatus(t, "change password", res, http.StatusSeeOther)
	wantStatus(t, "this device stays signed in", c.get("/desk/account"), http.StatusOK)
	wantStatus(t, "the other device is signed out", other.get("/desk/account"), http.StatusSeeOther)
	u, err := df.store.UserByEmail(ctx, "author@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "Ann Author" || u.PasswordHash == df.users[news.RoleAuthor].PasswordHash {
		t.Errorf("user after changes = %+v", u)
	}
	wantStatus(t, "old password", df.client(t).post("/desk/signin", url.Values{"email": {u.Email}, "password": {deskPassword}}), http.StatusUnauthorized)
	wantStatus(t, "new password", df.client(t).post("/desk/signin", url.Values{"email": {u.Email}, "password": {"a new long password"}}), http.StatusSeeOther)
}

var inviteLink = regexp.MustCompile(`value="https://news\.example(/desk/signin/[A-Za-z0-9_-]+)"`)

func TestDeskStaff(t *testing.T) {
	df := newDeskFixture(t)
	ctx := context.Background()
	admin := df.signedIn(t, news.RoleAdmin)

	res := admin.get("/desk/staff")
	wantStatus(t, "GET /desk/staff", res, http.StatusOK)
	for _, u := range df.users {
		mustContain(t, "staff list", res.body, u.Email)
	}

	// Invite: a bad form keeps what was typed and names the field.
	res = admin.post("/desk/staff", url.Values{"email": {"not-an-address"}, "name": {"Nora"}, "role": {"author"}})
	wantStatus(t, "bad invitation", res, http.StatusBadRequest)
	mustContain(t, "form", res.body, `value="not-an-address"`, `value="Nora"`, "E-mail address must be an e-mail address", `aria-invalid="true"`)
	res = admin.post("/desk/staff", url.Values{"email": {"Editor@example.com"}, "role": {"author"}})
	wantStatus(t, "address taken", res, http.StatusConflict)
	mustContain(t, "form", res.body, "E-mail address is already taken")

	res = admin.post("/desk/staff", url.Values{"email": {"nora@example.com"}, "name": {"Nora News"}, "role": {"author"}})
	wantStatus(t, "invite", res, http.StatusSeeOther)
	res = admin.get("/desk/staff")
	m := inviteLink.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("staff page after inviting shows no link:\n%.2000s", res.body)
	}
	mustContain(t, "staff page", res.body, "Invited nora@example.com as author.")
	if again := admin.get("/desk/staff"); inviteLink.MatchString(again.body) {
		t.Error("the one-time link is shown a second time")
	}
	nora := df.client(t)
	wantStatus(t, "invitation link", nora.post(m[1], url.Values{"password": {"nora's long password"}, "confirm": {"nora's long password"}}), http.StatusSeeOther)
	wantStatus(t, "nora on the desk", nora.get("/desk/account"), http.StatusOK)
	invited, err := df.store.UserByEmail(ctx, "nora@example.com")
	if err != nil || invited.Role != news.RoleAuthor || invited.Name != "Nora News" {
		t.Fatalf("invited user = %+v, %v", invited, err)
	}

	// Role change ends the user's sessions: the new rights apply at once.
	wantStatus(t, "make nora an editor", admin.post(fmt.Sprintf("/desk/staff/%d/role", invited.ID), url.Values{"role": {"editor"}}), http.StatusSeeOther)
	wantStatus(t, "nora after the role change", nora.get("/desk/account"), http.StatusSeeOther)
	res = admin.post(fmt.Sprintf("/desk/staff/%d/role", invited.ID), url.Values{"role": {"owner"}})
	wantStatus(t, "unknown role", res, http.StatusBadRequest)

	// Disable, then enable.
	wantStatus(t, "disable", admin.post(fmt.Sprintf("/desk/staff/%d/disable", invited.ID), nil), http.StatusSeeOther)
	if u, _ := df.store.User(ctx, invited.ID); !u.Disabled || u.Role != news.RoleEditor {
		t.Errorf("after disabling: %+v", u)
	}
	wantStatus(t, "disabled nora signs in", df.client(t).post("/desk/signin", url.Values{"email": {"nora@example.com"}, "password": {"nora's long password"}}), http.StatusForbidden)
	wantStatus(t, "enable", admin.post(fmt.Sprintf("/desk/staff/%d/disable", invited.ID), url.Values{"enable": {"1"}}), http.StatusSeeOther)
	wantStatus(t, "enabled nora signs in", df.client(t).post("/desk/signin", url.Values{"email": {"nora@example.com"}, "password": {"nora's long password"}}), http.StatusSeeOther)

	// A new link replaces the old one.
	wantStatus(t, "new link", admin.post(fmt.Sprintf("/desk/staff/%d/link", invited.ID), nil), http.StatusSeeOther)
	if m2 := inviteLink.FindStringSubmatch(admin.get("/desk/staff").body); m2 == nil {
		t.Error("no new link shown")
	} else {
		wantStatus(t, "new link opens", df.client(t).get(m2[1]), http.StatusOK)
	}

	// Admins cannot lock themselves or the newsroom out.
	self := df.users[news.RoleAdmin].ID
	wantStatus(t, "disable self", admin.post(fmt.Sprintf("/desk/staff/%d/disable", self), nil), http.StatusConflict)
	res = admin.post(fmt.Sprintf("/desk/staff/%d/role", self), url.Values{"role": {"editor"}})
	wantStatus(t, "demote the last admin", res, http.StatusConflict)
	mustContain(t, "error page", visibleText(res.body), "last admin")
	wantStatus(t, "unknown user", admin.post("/desk/staff/99999/role", url.Values{"role": {"editor"}}), http.StatusNotFound)
	wantStatus(t, "bad id", admin.post("/desk/staff/x/role", url.Values{"role": {"editor"}}), http.StatusNotFound)
}

func TestDeskStaffRefused(t *testing.T) {
	df := newDeskFixture(t)
	ctx := context.Background()
	target := df.users[news.RoleContributor]
	for _, role := range []news.Role{news.RoleEditor, news.RoleAuthor, news.RoleContributor} {
		t.Run(string(role), func(t *testing.T) {
			c := df.signedIn(t, role)
			wantStatus(t, "GET /desk/staff", c.get("/desk/staff"), http.StatusForbidden)
			wantStatus(t, "invite", c.post("/desk/staff", url.Values{"email": {"sneaky@example.com"}, "role": {"admin"}}), http.StatusForbidden)
			wantStatus(t, "role", c.post(fmt.Sprintf("/desk/staff/%d/role", target.ID), url.Values{"role": {"admin"}}), http.StatusForbidden)
			wantStatus(t, "disable", c.post(fmt.Sprintf("/desk/staff/%d/disable", target.ID), nil), http.StatusForbidden)
			wantStatus(t, "link", c.post(fmt.Sprintf("/desk/staff/%d/link", target.ID), nil), http.StatusForbidden)
			if _, err := df.store.UserByEmail(ctx, "sneaky@example.com"); err == nil {
				t.Error("a refused invitation created the user")
			}
			if u, _ := df.store.User(ctx, target.ID); u.Role != news.RoleContributor || u.Disabled || u.SessionEpoch != 0 {
				t.Errorf("a refused change changed %+v", u)
			}
		})
	}
}
