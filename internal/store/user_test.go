package store_test

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		admin, err := s.CreateUser(ctx, news.User{Email: " Chief@Example.com ", Name: "Chief", Role: news.RoleAdmin})
		if err != nil {
			t.Fatal(err)
		}
		if admin.ID == 0 || admin.Email != "chief@example.com" || admin.CreatedAt.IsZero() {
			t.Errorf("created %+v", admin)
		}
		for _, bad := range []news.User{
			{Email: "CHIEF@example.com", Role: news.RoleEditor},
			{Email: "not an address", Role: news.RoleEditor},
			{Email: "x@example.com", Role: "owner"},
		} {
			_, err := s.CreateUser(ctx, bad)
			var e *news.Error
			if !errors.As(err, &e) || len(e.Fields) == 0 {
				t.Errorf("CreateUser(%+v) = %v, want a field error", bad, err)
			}
		}
		ed, err := s.CreateUser(ctx, news.User{Email: "ed@example.com", Role: news.RoleEditor})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.UserByEmail(ctx, "ED@example.com")
		if err != nil || got.ID != ed.ID || got.Role != news.RoleEditor {
			t.Errorf("UserByEmail = %+v, %v", got, err)
		}
		if _, err := s.User(ctx, 9999); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("User(9999) = %v, want not found", err)
		}
		users, err := s.Users(ctx)
		if err != nil || len(users) != 2 || users[0].ID != admin.ID {
			t.Errorf("Users = %+v, %v; want the admin first", users, err)
		}

		// The desk's language is kept, and keeps the sessions.
		ed.Language = "ru"
		if ed, err = s.UpdateUser(ctx, ed); err != nil {
			t.Fatal(err)
		}
		if got, err := s.User(ctx, ed.ID); err != nil || got.Language != "ru" || got.SessionEpoch != 0 {
			t.Errorf("after choosing Russian: %+v, %v; want language ru, epoch 0", got, err)
		}
		bad := ed
		bad.Language = "not a tag"
		if _, err := s.UpdateUser(ctx, bad); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("language %q: %v, want invalid", bad.Language, err)
		}

		// Role changes and disabling end the user's sessions.
		ed.Role = news.RoleAuthor
		if ed, err = s.UpdateUser(ctx, ed); err != nil {
			t.Fatal(err)
		}
		if ed.SessionEpoch != 1 {
			t.Errorf("epoch after role change = %d, want 1", ed.SessionEpoch)
		}
		ed.Name = "Ed"
		if ed, err = s.UpdateUser(ctx, ed); err != nil || ed.SessionEpoch != 1 {
			t.Errorf("rename: epoch %d, %v; want 1", ed.SessionEpoch, err)
		}
		// The last enabled admin cannot be demoted or disabled.
		for _, change := range []func(u *news.User){
			func(u *news.User) { u.Role = news.RoleEditor },
			func(u *news.User) { u.Disabled = true },
		} {
			u := admin
			change(&u)
			if _, err := s.UpdateUser(ctx, u); !errors.Is(err, news.ErrConflict) {
				t.Errorf("demoting the last admin = %v, want conflict", err)
			}
		}
		if got, _ := s.User(ctx, admin.ID); got.Role != news.RoleAdmin || got.Disabled {
			t.Errorf("refused change was saved: %+v", got)
		}

		if err := s.SetPassword(ctx, ed.ID, "$argon2id$hash"); err != nil {
			t.Fatal(err)
		}
		if err := s.SetPassword(ctx, 9999, "x"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("SetPassword(9999) = %v", err)
		}
		after, err := s.EndSessions(ctx, ed.ID)
		if err != nil || after.SessionEpoch != 2 || after.PasswordHash != "$argon2id$hash" {
			t.Errorf("EndSessions = %+v, %v", after, err)
		}
	})
}

func TestTokens(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		u, err := s.CreateUser(ctx, news.User{Email: "new@example.com", Role: news.RoleContributor})
		if err != nil {
			t.Fatal(err)
		}
		first, err := s.CreateToken(ctx, u.ID, store.TokenSignIn, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := s.CreateToken(ctx, u.ID, store.TokenSignIn, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, first, store.TokenSignIn); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("an older link still works: %v", err)
		}
		for range 2 {
			if got, err := s.TokenUser(ctx, raw, store.TokenSignIn); err != nil || got.ID != u.ID {
				t.Errorf("TokenUser = %+v, %v", got, err)
			}
		}
		if _, err := s.UseToken(ctx, raw, "other purpose"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("token used for another purpose: %v", err)
		}
		// Of many uses at once, exactly one succeeds.
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins := 0
		for range 8 {
			wg.Go(func() {
				if got, err := s.UseToken(ctx, raw, store.TokenSignIn); err == nil && got.ID == u.ID {
					mu.Lock()
					wins++
					mu.Unlock()
				} else if !errors.Is(err, news.ErrNotFound) {
					t.Errorf("UseToken: %v", err)
				}
			})
		}
		wg.Wait()
		if wins != 1 {
			t.Errorf("%d uses of one token succeeded, want 1", wins)
		}
		if _, err := s.TokenUser(ctx, raw, store.TokenSignIn); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("used token still valid: %v", err)
		}
		expired, err := s.CreateToken(ctx, u.ID, store.TokenSignIn, -time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.UseToken(ctx, expired, store.TokenSignIn); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("expired token used: %v", err)
		}
	})
}

func TestSessionStore(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ss := s.Sessions()
		later := time.Now().Add(time.Hour)
		if err := ss.CommitCtx(ctx, "tok-a", []byte("one"), later); err != nil {
			t.Fatal(err)
		}
		if err := ss.Commit("tok-a", []byte("two"), later); err != nil {
			t.Fatal(err)
		}
		b, ok, err := ss.Find("tok-a")
		if err != nil || !ok || !bytes.Equal(b, []byte("two")) {
			t.Errorf("Find = %q, %v, %v; want two", b, ok, err)
		}
		if _, ok, err := ss.FindCtx(ctx, "tok-b"); ok || err != nil {
			t.Errorf("unknown token found: %v, %v", ok, err)
		}
		if err := ss.CommitCtx(ctx, "tok-old", []byte("x"), time.Now().Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := ss.FindCtx(ctx, "tok-old"); ok {
			t.Error("expired session found")
		}
		if err := ss.DeleteExpiredSessions(ctx); err != nil {
			t.Fatal(err)
		}
		if err := ss.Delete("tok-a"); err != nil {
			t.Fatal(err)
		}
		if err := ss.DeleteCtx(ctx, "tok-a"); err != nil {
			t.Errorf("deleting a missing session: %v", err)
		}
		if _, ok, _ := ss.Find("tok-a"); ok {
			t.Error("deleted session found")
		}
	})
}

func TestSignInFailures(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		before := time.Now().Add(-time.Second)
		for range 3 {
			if err := s.RecordSignInFailure(ctx, "user:a@example.com", "addr:192.0.2.1"); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.RecordSignInFailure(ctx, "addr:192.0.2.1"); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			key   string
			since time.Time
			want  int
		}{
			{"user:a@example.com", before, 3},
			{"addr:192.0.2.1", before, 4},
			{"addr:192.0.2.2", before, 0},
			{"user:a@example.com", time.Now().Add(time.Minute), 0},
		}
		for _, tt := range tests {
			got, err := s.SignInFailures(ctx, tt.key, tt.since)
			if err != nil || len(got) != tt.want {
				t.Errorf("SignInFailures(%s) = %d, %v; want %d", tt.key, len(got), err, tt.want)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Before(got[i-1]) {
					t.Errorf("failures not oldest first: %v", got)
				}
			}
		}
		if err := s.ClearSignInFailures(ctx, "user:a@example.com"); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SignInFailures(ctx, "user:a@example.com", before); len(got) != 0 {
			t.Errorf("%d failures after clearing", len(got))
		}
		if got, _ := s.SignInFailures(ctx, "addr:192.0.2.1", before); len(got) != 4 {
			t.Errorf("clearing the account cleared the address: %d left", len(got))
		}
	})
}
