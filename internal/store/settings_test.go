package store_test

import (
	"context"
	"errors"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestSettings(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		got, err := s.Settings(ctx)
		if err != nil || got.SiteName != news.DefaultSiteName || len(got.Channels) != 0 {
			t.Fatalf("new newsroom's settings = %+v, %v", got, err)
		}
		for _, bad := range []news.Settings{
			{SiteName: " "},
			{SiteName: "Harbour Times", Channels: map[string]string{"telegram": "javascript:alert(1)"}},
			{SiteName: "Harbour Times", Channels: map[string]string{"myspace": "https://myspace.com/x"}},
		} {
			var e *news.Error
			if err := s.SaveSettings(ctx, bad); !errors.As(err, &e) || len(e.Fields) == 0 {
				t.Errorf("SaveSettings(%+v) = %v, want a field error", bad, err)
			}
		}
		want := news.Settings{SiteName: "Harbour Times", Channels: map[string]string{"telegram": "https://t.me/harbourtimes", "radio": "https://radio.example/live"}}
		if err := s.SaveSettings(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err = s.Settings(ctx)
		if err != nil || got.SiteName != want.SiteName || got.Channels["telegram"] != want.Channels["telegram"] ||
			got.Channels["radio"] != want.Channels["radio"] || got.Channels["facebook"] != "" {
			t.Errorf("settings = %+v, %v; want %+v", got, err, want)
		}
		// A channel left empty loses its link.
		want.Channels = map[string]string{"radio": "https://radio.example/live"}
		if err := s.SaveSettings(ctx, want); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Settings(ctx); got.Channels["telegram"] != "" {
			t.Errorf("telegram = %q after clearing it", got.Channels["telegram"])
		}
	})
}
