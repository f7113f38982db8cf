package demo_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

var now = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// filled returns a SQLite store in a temporary folder after demo.Fill.
func filled(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Fill(ctx, st, now); err != nil {
		t.Fatalf("Fill: %v", err)
	}
	return st
}

// all lists every published story of an edition, newest first.
func all(t *testing.T, st *store.Store, edition string) []news.Story {
	t.Helper()
	list, err := st.ListStories(context.Background(), news.StoryFilter{Edition: edition, Status: news.StatusPublished, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return list.Stories
}

func TestFill(t *testing.T) {
	ctx := context.Background()
	st := filled(t)

	eds, err := st.Editions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(eds) != 2 || eds[0].Code != "en" || !eds[0].Default || eds[1].Code != "ru" {
		t.Fatalf("editions = %+v, want en (default) and ru", eds)
	}
	for code, want := range demo.Sections() {
		secs, err := st.Sections(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range secs {
			got = append(got, s.Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s sections = %q, want %q", code, got, want)
		}
	}

	en, ru := all(t, st, "en"), all(t, st, "ru")
	if len(en) < 48 || len(ru) < 10 {
		t.Fatalf("%d English and %d Russian stories, want at least 48 and 10", len(en), len(ru))
	}
	perSection := map[string]int{}
	video, photos := 0, 0
	for _, s := range append(slices.Clone(en), ru...) {
		perSection[s.Edition+"/"+s.Section.Name]++
		if s.HasLabel(news.LabelVideo) {
			video++
		}
		if s.HasLabel(news.LabelPhotos) {
			photos++
		}
		if len(s.Tags) == 0 || len(s.Tags) > 4 || len(s.Bylines) == 0 || len(s.Bylines) > 2 {
			t.Errorf("story %d %q: %d tags, %d bylines", s.ID, s.Headline, len(s.Tags), len(s.Bylines))
		}
		if s.PublishedAt.After(now) || s.PublishedAt.Before(now.AddDate(0, 0, -11)) {
			t.Errorf("story %d published %v, want within ten days before %v", s.ID, s.PublishedAt, now)
		}
	}
	for _, name := range demo.Sections()["en"] {
		if perSection["en/"+name] < 4 {
			t.Errorf("section %s has %d stories, want at least 4", name, perSection["en/"+name])
		}
	}
	if video < 1 || video > 2 || photos != 1 {
		t.Errorf("%d stories labelled video and %d photos, want one or two and one", video, photos)
	}

	tags, err := st.PopularTags(ctx, "en", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) < 12 || len(tags) > 20 {
		t.Errorf("%d English tags, want about fifteen", len(tags))
	}
	for _, slug := range []string{"football", "elections", "artificial-intelligence"} {
		if _, err := st.TagBySlug(ctx, "en", slug); err != nil {
			t.Errorf("tag %s: %v", slug, err)
		}
	}
	if _, err := st.TagBySlug(ctx, "ru", "futbol"); err != nil {
		t.Errorf("Russian tag futbol: %v", err)
	}
}

func TestFillDeterministic(t *testing.T) {
	a, b := all(t, filled(t), "en"), all(t, filled(t), "en")
	if len(a) != len(b) {
		t.Fatalf("%d then %d stories", len(a), len(b))
	}
	for i := range a {
		if a[i].Headline != b[i].Headline || a[i].Body != b[i].Body || !a[i].PublishedAt.Equal(b[i].PublishedAt) {
			t.Fatalf("story %d differs: %q then %q", i, a[i].Headline, b[i].Headline)
		}
	}
}
