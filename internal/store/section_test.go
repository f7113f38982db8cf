package store_test

import (
	"context"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestSections(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, e := range news.StarterEditions() {
			if err := s.SaveEdition(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		for _, sec := range []*news.Section{
			{Edition: "en", Name: "Sport", Position: 2},
			{Edition: "en", Name: "Business", Position: 1},
			{Edition: "en", Name: "World", Position: 1},
			{Edition: "ru", Name: "Новости", Position: 1},
		} {
			if err := s.CreateSection(ctx, sec); err != nil {
				t.Fatalf("CreateSection(%s): %v", sec.Name, err)
			}
			if sec.ID == 0 {
				t.Errorf("CreateSection(%s) left ID zero", sec.Name)
			}
		}
		secs, err := s.Sections(ctx, "en")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := sectionSlugs(secs), "business world sport"; got != want {
			t.Errorf("Sections(en) = %s, want %s (by position, then name)", got, want)
		}

		dup := &news.Section{Edition: "en", Name: "Sport again", Slug: "sport"}
		wantCode(t, s.CreateSection(ctx, dup), news.ErrConflict)
		// The same slug in another edition is no conflict.
		if err := s.CreateSection(ctx, &news.Section{Edition: "ru", Name: "Sport", Slug: "sport"}); err != nil {
			t.Errorf("CreateSection(ru/sport): %v", err)
		}
		e := wantCode(t, s.CreateSection(ctx, &news.Section{Edition: "en", Name: "Tags", Slug: "tags"}), news.ErrInvalid)
		if e.Fields["slug"] == "" {
			t.Errorf("reserved slug: fields = %v, want a message for slug", e.Fields)
		}
		wantCode(t, s.CreateSection(ctx, &news.Section{Edition: "de", Name: "Welt"}), news.ErrInvalid)

		// EnsureSection finds an existing section and appends a new one.
		got, err := s.EnsureSection(ctx, "en", "World")
		if err != nil {
			t.Fatal(err)
		}
		if want := secs[1]; got != want {
			t.Errorf("EnsureSection(en, World) = %+v, want %+v", got, want)
		}
		opinion, err := s.EnsureSection(ctx, "en", "Opinion")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := opinion.Position, 3; got != want {
			t.Errorf("new section's position = %d, want %d (after the last)", got, want)
		}
		bySlug, err := s.SectionBySlug(ctx, "en", "opinion")
		if err != nil {
			t.Fatal(err)
		}
		if bySlug != opinion {
			t.Errorf("SectionBySlug(en, opinion) = %+v, want %+v", bySlug, opinion)
		}
		_, err = s.SectionBySlug(ctx, "ru", "opinion")
		wantCode(t, err, news.ErrNotFound)
	})
}

func sectionSlugs(secs []news.Section) string {
	s := ""
	for i, sec := range secs {
		if i > 0 {
			s += " "
		}
		s += sec.Slug
	}
	return s
}
