package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// clock is a settable time for the store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func staffUser(t *testing.T, s *store.Store, name string) news.User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), news.User{Email: name + "@example.com", Name: name, Role: news.RoleEditor})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// names lists who is present, the one editing first.
func names(ps []news.Presence) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.UserName)
	}
	return fmt.Sprint(out)
}

func TestPresence(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk := &clock{t: time.Date(2026, 3, 2, 11, 2, 0, 0, time.UTC)}
		s.SetClock(clk.now)
		n := setupNewsroom(t, s)
		st := story(n.world, 1, "Open in two tabs")
		mustCreate(t, s, st)
		alice, bob, carol := staffUser(t, s, "Alice"), staffUser(t, s, "Bob"), staffUser(t, s, "Carol")
		beat := func(u news.User, want string) []news.Presence {
			t.Helper()
			ps, err := s.Heartbeat(ctx, st.ID, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(ps); got != want {
				t.Errorf("heartbeat of %s at %s: present %s, want %s", u.Name, clk.now().Format("15:04:05"), got, want)
			}
			return ps
		}

		ps := beat(alice, "[Alice]")
		if want := clk.now(); !ps[0].Since.Equal(want) || !ps[0].SeenAt.Equal(want) || ps[0].StoryID != st.ID {
			t.Errorf("presence = %+v, want since and seen at %v", ps[0], want)
		}
		for range 4 {
			clk.add(news.PresenceHeartbeat)
			beat(alice, "[Alice]")
		}
		beat(bob, "[Alice Bob]") // Alice arrived first and is editing
		clk.add(15 * time.Second)
		ps = beat(alice, "[Alice Bob]")
		if want := time.Date(2026, 3, 2, 11, 2, 0, 0, time.UTC); !ps[0].Since.Equal(want) {
			t.Errorf("Alice since %v after a heartbeat, want %v", ps[0].Since, want)
		}

		// Bob takes over: Alice's next heartbeat finds him editing.
		clk.add(time.Second)
		ps, err := s.TakeOver(ctx, st.ID, bob.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(ps), "[Bob]"; got != want {
			t.Errorf("after taking over: %s, want %s", got, want)
		}
		clk.add(time.Second)
		beat(alice, "[Bob Alice]")

		// Bob closes his tab: Alice edits again.
		if err := s.Leave(ctx, st.ID, bob.ID); err != nil {
			t.Fatal(err)
		}
		beat(alice, "[Alice]")

		// Carol's tab closes without a word: she is gone once
		// PresenceExpiry has passed without a heartbeat.
		beat(carol, "[Alice Carol]")
		clk.add(news.PresenceExpiry - time.Second)
		beat(alice, "[Alice Carol]")
		clk.add(2 * time.Second)
		beat(alice, "[Alice]")
		got, err := s.Present(ctx, st.ID, clk.now().Add(-news.PresenceExpiry))
		if err != nil {
			t.Fatal(err)
		}
		if names(got) != "[Alice]" {
			t.Errorf("Present = %s, want [Alice]", names(got))
		}

		_, err = s.Heartbeat(ctx, 9999, alice.ID)
		wantCode(t, err, news.ErrNotFound)
		_, err = s.TakeOver(ctx, 9999, alice.ID)
		wantCode(t, err, news.ErrNotFound)
	})
}
