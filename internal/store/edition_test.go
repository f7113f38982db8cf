package store_test

import (
	"context"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestEditions(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.DefaultEdition(ctx); err != nil {
			wantCode(t, err, news.ErrNotFound)
		} else {
			t.Fatal("DefaultEdition of an empty store: no error, want not found")
		}
		en, ru := news.StarterEditions()[0], news.StarterEditions()[1]
		for _, e := range []news.Edition{ru, en} {
			if err := s.SaveEdition(ctx, e); err != nil {
				t.Fatalf("SaveEdition(%s): %v", e.Code, err)
			}
		}
		eds, err := s.Editions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := codes(eds), "en ru"; got != want {
			t.Errorf("Editions() = %s, want %s", got, want)
		}

		// Making ru the default takes the default from en.
		ru.Default = true
		ru.Name = "Russian"
		if err := s.SaveEdition(ctx, ru); err != nil {
			t.Fatal(err)
		}
		def, err := s.DefaultEdition(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := def, ru; got != want {
			t.Errorf("DefaultEdition() = %+v, want %+v", got, want)
		}
		gotEn, err := s.Edition(ctx, "en")
		if err != nil {
			t.Fatal(err)
		}
		if gotEn.Default {
			t.Errorf("en is still the default after ru became it")
		}
		eds, err = s.Editions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := codes(eds), "ru en"; got != want {
			t.Errorf("Editions() = %s, want %s (default first)", got, want)
		}

		_, err = s.Edition(ctx, "de")
		wantCode(t, err, news.ErrNotFound)

		bad := news.Edition{Code: "English", Name: "English"}
		e := wantCode(t, s.SaveEdition(ctx, bad), news.ErrInvalid)
		for _, field := range []string{"code", "language", "time_zone", "date_format"} {
			if e.Fields[field] == "" {
				t.Errorf("invalid edition: no message for field %s in %v", field, e.Fields)
			}
		}
	})
}

func codes(eds []news.Edition) string {
	s := ""
	for i, e := range eds {
		if i > 0 {
			s += " "
		}
		s += e.Code
	}
	return s
}
