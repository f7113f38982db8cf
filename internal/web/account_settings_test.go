package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"newsdesk/internal/news"
)

func TestAccountChangeEmail(t *testing.T) {
	af := newAccountFixture(t, 3)
	ctx := context.Background()
	c := af.signUp(t, "old@example.org", "192.0.2.50")
	af.signUp(t, "taken@example.org", "192.0.2.51")

	for _, tt := range []struct{ name, email, password, field string }{
		{"malformed", "new-at-example.org", readerPassword, "email"},
		{"the same address", "old@example.org", readerPassword, "email"},
		{"wrong password", "new@example.org", "not the password", "email_password"},
	} {
		res := c.post("/account/email", url.Values{"email": {tt.email}, "email_password": {tt.password}})
		wantStatus(t, tt.name, res, http.StatusBadRequest)
		mustContain(t, tt.name, res.body, `id="`+tt.field+`-error"`)
	}
	if n := len(af.mp.Messages(t, "new@example.org")); n != 0 {
		t.Errorf("refused changes sent %d messages", n)
	}

	res := c.post("/account/email", url.Values{"email": {"New@Example.org"}, "email_password": {readerPassword}})
	wantStatus(t, "change", res, http.StatusSeeOther)
	mustContain(t, "account page", visibleText(c.get("/account/").body), "We have sent a link to new@example.org")
	if u, _ := af.store.UserByEmail(ctx, "old@example.org"); u.ID == 0 {
		t.Fatal("the address changed before the link was followed")
	}
	// A taken address gets a note, and the reader the same answer.
	res = c.post("/account/email", url.Values{"email": {"taken@example.org"}, "email_password": {readerPassword}})
	wantStatus(t, "change to a taken address", res, http.StatusSeeOther)
	mustContain(t, "note to the taken address", af.mp.Last(t, "taken@example.org").Text, "already has")

	link := localLink(t, af.mp.Message(t, "new@example.org").Link(t, "/account/email/"))
	wantStatus(t, "GET the link", c.get(link), http.StatusOK)
	wantStatus(t, "follow the link", c.post(link, nil), http.StatusSeeOther)
	if _, err := af.store.UserByEmail(ctx, "old@example.org"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("the old address still has the account: %v", err)
	}
	mustContain(t, "account page", visibleText(c.get("/account/").body), "Your account now uses new@example.org")
	wantStatus(t, "reuse the link", c.post(link, nil), http.StatusNotFound)
	wantStatus(t, "sign in with the new address", af.browser(t, "192.0.2.52").post("/account/signin", url.Values{"email": {"new@example.org"}, "password": {readerPassword}}), http.StatusSeeOther)
}

func TestAccountChangePassword(t *testing.T) {
	af := newAccountFixture(t, 3)
	c := af.signUp(t, "pat@example.org", "192.0.2.60")
	phone := af.browser(t, "192.0.2.61")
	wantStatus(t, "sign in on the phone", phone.post("/account/signin", url.Values{"email": {"pat@example.org"}, "password": {readerPassword}}), http.StatusSeeOther)

	for _, tt := range []struct{ name, current, pw, confirm, field string }{
		{"wrong current", "not it at all", "a brand new password", "a brand new password", "current"},
		{"short", readerPassword, "short", "short", "password"},
		{"mismatch", readerPassword, "a brand new password", "a brand new passwort", "confirm"},
	} {
		res := c.post("/account/password", url.Values{"current": {tt.current}, "password": {tt.pw}, "confirm": {tt.confirm}})
		wantStatus(t, tt.name, res, http.StatusBadRequest)
		mustContain(t, tt.name, res.body, `id="`+tt.field+`-error"`)
	}
	res := c.post("/account/password", url.Values{"current": {readerPassword}, "password": {"a brand new password"}, "confirm": {"a brand new password"}})
	wantStatus(t, "change", res, http.StatusSeeOther)
	wantStatus(t, "this device", c.get("/account/"), http.StatusOK)
	wantStatus(t, "the other device", phone.get("/account/"), http.StatusSeeOther)
}

func TestAccountDelete(t *testing.T) {
	af := newAccountFixture(t, 3)
	ctx := context.Background()
	c := af.signUp(t, "gone@example.org", "192.0.2.70")
	u, _ := af.store.UserByEmail(ctx, "gone@example.org")
	if err := af.store.AddBookmark(ctx, u.ID, af.lead.ID); err != nil {
		t.Fatal(err)
	}
	res := c.post("/account/delete", url.Values{"delete_password": {"not the password"}})
	wantStatus(t, "delete with a wrong password", res, http.StatusBadRequest)
	if _, err := af.store.User(ctx, u.ID); err != nil {
		t.Fatalf("a refused deletion deleted: %v", err)
	}
	res = c.post("/account/delete", url.Values{"delete_password": {readerPassword}})
	wantStatus(t, "delete", res, http.StatusSeeOther)
	if c.cookie != nil {
		t.Error("deleting kept the session cookie")
	}
	if _, err := af.store.User(ctx, u.ID); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("the account is still there: %v", err)
	}
	if ids, _ := af.store.BookmarkedIDs(ctx, u.ID, []int64{af.lead.ID}); len(ids) != 0 {
		t.Error("the bookmarks are still there")
	}
	mustContain(t, "signed-out page", visibleText(c.get(res.header.Get("Location")).body), "Your account and bookmarks are deleted")
	wantStatus(t, "sign in after deletion", af.browser(t, "192.0.2.71").post("/account/signin", url.Values{"email": {"gone@example.org"}, "password": {readerPassword}}), http.StatusUnauthorized)
	// Signed out, the forms of the account are refused.
	wantStatus(t, "delete signed out", c.post("/account/delete", url.Values{"delete_password": {readerPassword}}), http.StatusUnauthorized)
}

func TestAccountStaff(t *testing.T) {
	df := newDeskFixture(t)
	c := df.client(t)
	res := c.post("/account/signin", url.Values{"email": {df.users[news.RoleEditor].Email}, "password": {deskPassword}})
	wantStatus(t, "staff sign in on the site", res, http.StatusSeeOther)
	res = c.get("/account/")
	wantStatus(t, "staff account page", res, http.StatusOK)
	mustContain(t, "staff account page", visibleText(res.body), "This is a staff account")
	wantStatus(t, "staff delete", c.post("/account/delete", url.Values{"delete_password": {deskPassword}}), http.StatusForbidden)
	wantStatus(t, "staff change address", c.post("/account/email", url.Values{"email": {"x@example.org"}, "email_password": {deskPassword}}), http.StatusForbidden)
	// The one session serves the desk too.
	wantStatus(t, "desk", c.get("/desk/stories"), http.StatusOK)
}
