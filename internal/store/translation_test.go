package store_test

import (
	"context"
	"slices"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// translationsOf returns "edition:id" of each of the story's translations.
func translationsOf(t *testing.T, s *store.Store, id int64) []string {
	t.Helper()
	st, err := s.Story(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tr := range st.Translations {
		out = append(out, tr.Edition+":"+tr.Headline)
	}
	return out
}

func TestTranslations(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		if err := s.SaveEdition(ctx, news.Edition{Code: "de", Language: "de", Name: "Deutsch", TimeZone: "Europe/Berlin", DateFormat: "02.01.2006 15:04"}); err != nil {
			t.Fatal(err)
		}
		welt, err := s.EnsureSection(ctx, "de", "Welt")
		if err != nil {
			t.Fatal(err)
		}
		en := story(n.world, 0, "Talks resume")
		ru := story(n.ruNews, 0, "Переговоры возобновились")
		de := story(welt, 0, "Gespräche wieder aufgenommen")
		en2 := story(n.world, 1, "Another English story")
		mustCreate(t, s, en, ru, de, en2)

		if got := translationsOf(t, s, en.ID); len(got) != 0 {
			t.Fatalf("a new story has translations %v", got)
		}
		if err := s.LinkTranslations(ctx, en.ID, ru.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.LinkTranslations(ctx, de.ID, ru.ID); err != nil {
			t.Fatal(err)
		}
		if got, want := translationsOf(t, s, en.ID), []string{"de:Gespräche wieder aufgenommen", "ru:Переговоры возобновились"}; !slices.Equal(got, want) {
			t.Errorf("English story's translations %v, want %v", got, want)
		}
		if got, want := translationsOf(t, s, ru.ID), []string{"de:Gespräche wieder aufgenommen", "en:Talks resume"}; !slices.Equal(got, want) {
			t.Errorf("Russian story's translations %v, want %v", got, want)
		}
		st, _ := s.Story(ctx, en.ID)
		if tr, ok := st.TranslationIn("ru"); !ok || tr.Path() != "/"+n.ruNews.Slug+"/"+itoa(ru.ID)+"-"+ru.Slug || tr.Status != news.StatusPublished {
			t.Errorf("TranslationIn(ru) = %+v, %v", tr, ok)
		}

		// One story per edition in a group; the refusal changes nothing.
		wantCode(t, s.LinkTranslations(ctx, en2.ID, ru.ID), news.ErrConflict)
		wantCode(t, s.LinkTranslations(ctx, en.ID, en.ID), news.ErrInvalid)
		wantCode(t, s.LinkTranslations(ctx, en.ID, 99999), news.ErrNotFound)
		if got := translationsOf(t, s, en2.ID); len(got) != 0 {
			t.Errorf("a refused link left %v", got)
		}

		if err := s.UnlinkTranslation(ctx, ru.ID); err != nil {
			t.Fatal(err)
		}
		if got := translationsOf(t, s, ru.ID); len(got) != 0 {
			t.Errorf("unlinked story still has %v", got)
		}
		if got, want := translationsOf(t, s, en.ID), []string{"de:Gespräche wieder aufgenommen"}; !slices.Equal(got, want) {
			t.Errorf("after unlinking ru: %v, want %v", got, want)
		}
		if err := s.UnlinkTranslation(ctx, de.ID); err != nil {
			t.Fatal(err)
		}
		if got := translationsOf(t, s, en.ID); len(got) != 0 {
			t.Errorf("the last of a group still has %v", got)
		}
	})
}

func TestStartTranslation(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		en := story(n.world, 0, "Talks resume", "Diplomacy")
		mustCreate(t, s, en)

		draft, err := s.StartTranslation(ctx, en.ID, "ru", 0)
		if err != nil {
			t.Fatal(err)
		}
		if draft.Edition != "ru" || draft.Status != news.StatusDraft || draft.Headline != en.Headline || draft.Body != en.Body || draft.Section.ID != n.ruNews.ID {
			t.Errorf("draft %+v", draft)
		}
		if tr, ok := draft.TranslationIn("en"); !ok || tr.ID != en.ID {
			t.Errorf("draft's translations %+v", draft.Translations)
		}
		if got, want := translationsOf(t, s, en.ID), []string{"ru:Talks resume"}; !slices.Equal(got, want) {
			t.Errorf("original's translations %v, want %v", got, want)
		}
		_, err = s.StartTranslation(ctx, en.ID, "ru", 0)
		wantCode(t, err, news.ErrConflict)
		_, err = s.StartTranslation(ctx, en.ID, "en", 0)
		wantCode(t, err, news.ErrInvalid)
		_, err = s.StartTranslation(ctx, 99999, "ru", 0)
		wantCode(t, err, news.ErrNotFound)
	})
}
