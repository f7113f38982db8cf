package store_test

import (
	"context"
	"strings"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestAPIKeys(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, err := s.APIKeyFor(ctx, "ndk_nothing")
		wantCode(t, err, news.ErrNotFound)
		_, _, err = s.CreateAPIKey(ctx, "  ", 0)
		wantCode(t, err, news.ErrInvalid)

		raw, k, err := s.CreateAPIKey(ctx, "Partner app", 0)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(raw, k.Prefix) || !strings.HasPrefix(raw, "ndk_") || len(raw) < 40 {
			t.Errorf("key %q with prefix %q", raw, k.Prefix)
		}
		got, err := s.APIKeyFor(ctx, raw)
		if err != nil || got.ID != k.ID || got.Name != "Partner app" {
			t.Fatalf("APIKeyFor = %+v, %v", got, err)
		}
		keys, err := s.APIKeys(ctx)
		if err != nil || len(keys) != 1 || keys[0].LastUsedAt.IsZero() {
			t.Errorf("APIKeys = %+v, %v; want one, used", keys, err)
		}
		for _, bad := range []string{raw + "x", raw[:len(raw)-1], strings.TrimPrefix(raw, "ndk_"), ""} {
			if _, err := s.APIKeyFor(ctx, bad); err == nil {
				t.Errorf("APIKeyFor(%q) worked", bad)
			}
		}
		if err := s.RevokeAPIKey(ctx, k.ID); err != nil {
			t.Fatal(err)
		}
		_, err = s.APIKeyFor(ctx, raw)
		wantCode(t, err, news.ErrNotFound)
		wantCode(t, s.RevokeAPIKey(ctx, k.ID), news.ErrNotFound)
	})
}

func TestUserTokens(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		u, err := s.CreateUser(ctx, news.User{Email: "ed@example.com", Role: news.RoleEditor})
		if err != nil {
			t.Fatal(err)
		}
		other, err := s.CreateUser(ctx, news.User{Email: "other@example.com", Role: news.RoleEditor})
		if err != nil {
			t.Fatal(err)
		}
		raw, tok, err := s.CreateUserToken(ctx, u.ID, "Laptop script")
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.APIKeyFor(ctx, raw)
		if err != nil || got.UserID != u.ID {
			t.Fatalf("APIKeyFor = %+v, %v", got, err)
		}
		if keys, _ := s.APIKeys(ctx); len(keys) != 0 {
			t.Errorf("a personal token is listed as a content key: %+v", keys)
		}
		if toks, _ := s.UserTokens(ctx, u.ID); len(toks) != 1 || toks[0].ID != tok.ID {
			t.Errorf("UserTokens = %+v", toks)
		}
		wantCode(t, s.RevokeUserToken(ctx, other.ID, tok.ID), news.ErrNotFound)
		wantCode(t, s.RevokeAPIKey(ctx, tok.ID), news.ErrNotFound)
		if err := s.RevokeUserToken(ctx, u.ID, tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = s.APIKeyFor(ctx, raw)
		wantCode(t, err, news.ErrNotFound)
	})
}
