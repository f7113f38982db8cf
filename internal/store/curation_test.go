package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestHomeSlots(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		a, b, c := story(n.world, 1, "A"), story(n.business, 2, "B"), story(n.sport, 3, "C")
		draft := story(n.world, 4, "Draft")
		draft.Status = news.StatusDraft
		ru := story(n.ruNews, 5, "Новость")
		mustCreate(t, s, a, b, c, draft, ru)

		slots := func(edition string) []int64 {
			t.Helper()
			sts, err := s.HomeSlots(ctx, edition)
			if err != nil {
				t.Fatal(err)
			}
			return ids(sts)
		}
		if got := slots("en"); len(got) != 0 {
			t.Fatalf("HomeSlots before any order = %v, want none", got)
		}
		if err := s.SetHomeSlots(ctx, "en", []int64{c.ID, a.ID, b.ID}); err != nil {
			t.Fatal(err)
		}
		if got, want := slots("en"), []int64{c.ID, a.ID, b.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("HomeSlots = %v, want %v", got, want)
		}
		if err := s.SetHomeSlots(ctx, "en", []int64{b.ID, c.ID}); err != nil {
			t.Fatal(err)
		}
		if got, want := slots("en"), []int64{b.ID, c.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("HomeSlots after reordering = %v, want %v", got, want)
		}

		tooMany := make([]int64, news.MaxHomeSlots+1)
		for i := range tooMany {
			tooMany[i] = int64(i + 1)
		}
		refused := []struct {
			name, edition string
			ids           []int64
			code          news.Code
			msg           string
		}{
			{"a draft", "en", []int64{a.ID, draft.ID}, news.ErrInvalid, "not published"},
			{"another edition's story", "en", []int64{ru.ID}, news.ErrInvalid, "belongs to edition ru"},
			{"a missing story", "en", []int64{a.ID, 9999}, news.ErrInvalid, "does not exist"},
			{"a story twice", "en", []int64{a.ID, b.ID, a.ID}, news.ErrInvalid, "twice"},
			{"too many", "en", tooMany, news.ErrInvalid, "at most"},
			{"a missing edition", "de", []int64{a.ID}, news.ErrInvalid, "not an edition"},
		}
		for _, r := range refused {
			t.Run(r.name, func(t *testing.T) {
				e := wantCode(t, s.SetHomeSlots(ctx, r.edition, r.ids), r.code)
				if msg := e.Fields["stories"] + e.Fields["edition"]; !strings.Contains(msg, r.msg) {
					t.Errorf("fields = %v, want a message with %q", e.Fields, r.msg)
				}
			})
		}
		if got, want := slots("en"), []int64{b.ID, c.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("HomeSlots after refused orders = %v, want %v unchanged", got, want)
		}

		// A chosen story that leaves the site leaves the home page at once.
		cur, err := s.Story(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		cur.Status = news.StatusTrashed
		if err := s.UpdateStory(ctx, &cur); err != nil {
			t.Fatal(err)
		}
		if got, want := slots("en"), []int64{c.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("HomeSlots after trashing the top story = %v, want %v", got, want)
		}
		if err := s.SetHomeSlots(ctx, "ru", []int64{ru.ID}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetHomeSlots(ctx, "en", nil); err != nil {
			t.Fatal(err)
		}
		if got := slots("en"); len(got) != 0 {
			t.Errorf("HomeSlots after clearing = %v, want none", got)
		}
		if got, want := slots("ru"), []int64{ru.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("HomeSlots(ru) = %v, want %v: editions are separate", got, want)
		}
	})
}

func TestSectionRenameAndDelete(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		mustCreate(t, s, story(n.world, 1, "In the world"))

		world := n.world
		world.Name, world.Slug, world.Position = "International", "", 5
		if err := s.UpdateSection(ctx, &world); err != nil {
			t.Fatal(err)
		}
		if got, want := world.Slug, "international"; got != want {
			t.Errorf("slug made from the new name = %q, want %q", got, want)
		}
		got, err := s.SectionRedirect(ctx, "en", "world")
		if err != nil {
			t.Fatal(err)
		}
		if got != world {
			t.Errorf("SectionRedirect(world) = %+v, want %+v", got, world)
		}
		// Renamed again: the first old slug follows, by id.
		world.Slug = "global"
		if err := s.UpdateSection(ctx, &world); err != nil {
			t.Fatal(err)
		}
		for _, old := range []string{"world", "international"} {
			if got, err := s.SectionRedirect(ctx, "en", old); err != nil || got.Slug != "global" {
				t.Errorf("SectionRedirect(%s) = %+v, %v; want global", old, got, err)
			}
		}
		wantCode(t, ignore(s.SectionRedirect(ctx, "ru", "world")), news.ErrNotFound)
		wantCode(t, ignore(s.SectionRedirect(ctx, "en", "sport")), news.ErrNotFound)

		// A slug taken back is no redirect any more.
		world.Slug = "world"
		if err := s.UpdateSection(ctx, &world); err != nil {
			t.Fatal(err)
		}
		wantCode(t, ignore(s.SectionRedirect(ctx, "en", "world")), news.ErrNotFound)
		if err := s.CreateSection(ctx, &news.Section{Edition: "en", Name: "International"}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, ignore(s.SectionRedirect(ctx, "en", "international")), news.ErrNotFound)

		refused := []struct {
			name  string
			sec   news.Section
			code  news.Code
			field string
		}{
			{"another section's slug", news.Section{ID: n.business.ID, Name: "Business", Slug: "world"}, news.ErrConflict, "slug"},
			{"a reserved slug", news.Section{ID: n.business.ID, Name: "Business", Slug: "tags"}, news.ErrInvalid, "slug"},
			{"no name", news.Section{ID: n.business.ID, Slug: "business"}, news.ErrInvalid, "name"},
			{"bad slug", news.Section{ID: n.business.ID, Name: "Business", Slug: "Big Money"}, news.ErrInvalid, "slug"},
		}
		for _, r := range refused {
			t.Run(r.name, func(t *testing.T) {
				sec := r.sec
				e := wantCode(t, s.UpdateSection(ctx, &sec), r.code)
				if e.Fields[r.field] == "" {
					t.Errorf("fields = %v, want a message for %s", e.Fields, r.field)
				}
			})
		}
		wantCode(t, s.UpdateSection(ctx, &news.Section{ID: 999, Name: "X"}), news.ErrNotFound)

		e := wantCode(t, s.DeleteSection(ctx, world.ID), news.ErrConflict)
		if !strings.Contains(e.Message, "1 story") {
			t.Errorf("refusal = %q, want it to say how many stories", e.Message)
		}
		if err := s.DeleteSection(ctx, n.business.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.DeleteSection(ctx, n.business.ID), news.ErrNotFound)
		counts, err := s.SectionCounts(ctx, "en")
		if err != nil {
			t.Fatal(err)
		}
		var listed []string
		for _, c := range counts {
			listed = append(listed, c.Slug+":"+itoa(int64(c.Stories)))
		}
		// By position: the new section has 0, the renamed one 5.
		if got, want := strings.Join(listed, " "), "international:0 sport:0 world:1"; got != want {
			t.Errorf("SectionCounts = %s, want %s", got, want)
		}
	})
}

func TestTagRenameMergeDelete(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		one := story(n.world, 1, "One", "Climate")
		two := story(n.world, 2, "Two", "Climate", "Weather")
		three := story(n.world, 3, "Three", "Weather")
		draft := story(n.world, 4, "Draft", "Climate")
		draft.Status = news.StatusDraft
		mustCreate(t, s, one, two, three, draft)
		climate, weather := one.Tags[0], three.Tags[0]

		empty := &news.Tag{Edition: "en", Name: "Empty topic"}
		if err := s.CreateTag(ctx, empty); err != nil {
			t.Fatal(err)
		}
		if empty.Slug != "empty-topic" || empty.ID == 0 {
			t.Errorf("CreateTag = %+v", empty)
		}
		wantCode(t, s.CreateTag(ctx, &news.Tag{Edition: "en", Name: "Climate"}), news.ErrConflict)
		wantCode(t, s.CreateTag(ctx, &news.Tag{Edition: "en", Name: " "}), news.ErrInvalid)
		wantCode(t, s.CreateTag(ctx, &news.Tag{Edition: "de", Name: "Klima"}), news.ErrInvalid)

		// Rename: the old slug leads to the tag.
		renamed := climate
		renamed.Name, renamed.Slug = "Climate change", ""
		if err := s.UpdateTag(ctx, &renamed); err != nil {
			t.Fatal(err)
		}
		if got, err := s.TagRedirect(ctx, "en", "climate"); err != nil || got != renamed {
			t.Errorf("TagRedirect(climate) = %+v, %v; want %+v", got, err, renamed)
		}
		taken := weather
		taken.Slug = "climate-change"
		e := wantCode(t, s.UpdateTag(ctx, &taken), news.ErrConflict)
		if e.Fields["slug"] == "" {
			t.Errorf("fields = %v, want a message for slug", e.Fields)
		}

		// Merge climate change into weather: "Two" carried both.
		wantCode(t, s.MergeTags(ctx, weather.ID, weather.ID), news.ErrInvalid)
		if err := s.MergeTags(ctx, renamed.ID, weather.ID); err != nil {
			t.Fatal(err)
		}
		for _, old := range []string{"climate", "climate-change"} {
			if got, err := s.TagRedirect(ctx, "en", old); err != nil || got != weather {
				t.Errorf("TagRedirect(%s) = %+v, %v; want %+v", old, got, err, weather)
			}
		}
		wantCode(t, ignore(s.TagBySlug(ctx, "en", "climate-change")), news.ErrNotFound)
		for _, st := range []*news.Story{one, two, three, draft} {
			got, err := s.Story(ctx, st.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := tagSlugs(got.Tags), "weather"; got != want {
				t.Errorf("tags of %q after the merge = %s, want %s", st.Headline, got, want)
			}
		}
		for _, c := range []struct {
			status news.Status
			want   int
		}{{news.StatusPublished, 3}, {news.StatusDraft, 1}, {"", 4}} {
			list, err := s.ListStories(ctx, news.StoryFilter{TagID: weather.ID, Status: c.status, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if list.Total != c.want {
				t.Errorf("weather stories (%q) = %d, want %d", c.status, list.Total, c.want)
			}
		}
		tags, err := s.TagCounts(ctx, "en", "", 10)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := tagCounts(tags), "empty-topic:0 weather:4"; got != want {
			t.Errorf("TagCounts = %s, want %s", got, want)
		}
		if tags, err = s.TagCounts(ctx, "en", "WEATH", 10); err != nil || tagCounts(tags) != "weather:4" {
			t.Errorf("TagCounts(WEATH) = %s, %v", tagCounts(tags), err)
		}

		// An editor's form still naming the merged tag saves the new one.
		cur, err := s.Story(ctx, one.ID)
		if err != nil {
			t.Fatal(err)
		}
		cur.Tags = []news.Tag{{Slug: "climate-change", Name: "Climate change"}, {Slug: "weather"}}
		if err := s.UpdateStory(ctx, &cur); err != nil {
			t.Fatal(err)
		}
		if got, want := tagSlugs(cur.Tags), "weather"; got != want {
			t.Errorf("tags saved from a stale form = %s, want %s", got, want)
		}
		wantCode(t, ignore(s.TagBySlug(ctx, "en", "climate-change")), news.ErrNotFound)

		e = wantCode(t, s.DeleteTag(ctx, weather.ID), news.ErrConflict)
		if !strings.Contains(e.Message, "4 stories") {
			t.Errorf("refusal = %q, want it to say how many stories", e.Message)
		}
		if err := s.DeleteTag(ctx, empty.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.DeleteTag(ctx, empty.ID), news.ErrNotFound)
		// A new tag may take a redirected slug back.
		if err := s.CreateTag(ctx, &news.Tag{Edition: "en", Name: "Climate"}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, ignore(s.TagRedirect(ctx, "en", "climate")), news.ErrNotFound)
	})
}

func tagCounts(tags []news.TagCount) string {
	var out []string
	for _, t := range tags {
		out = append(out, t.Slug+":"+itoa(int64(t.Stories)))
	}
	return strings.Join(out, " ")
}

// ignore drops a result to keep its error.
func ignore[T any](_ T, err error) error { return err }
