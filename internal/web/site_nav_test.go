package web

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// TestNavigationFollowsNewSections checks that the navigation cache expires
// by itself: a section added behind the server's back (as `newsdesk import`
// does from another process) is in the menu within navTTL.
func TestNavigationFollowsNewSections(t *testing.T) {
	f := newFixture(t, 3)
	f.mustGet(t, "/", http.StatusOK) // fills the cache
	if _, err := f.store.EnsureSection(context.Background(), "en", "Health"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(navTTL + 50*time.Millisecond)
	body := f.mustGet(t, "/", http.StatusOK).body
	mustContain(t, "home page after navTTL", body, `<a href="/health/">Health</a>`)
	f.mustGet(t, "/health/", http.StatusOK)
}
