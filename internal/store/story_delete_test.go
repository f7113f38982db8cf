package store_test

import (
	"context"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestFeaturedImageRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		st := story(n.world, 1, "Harbour at dawn")
		st.FeaturedImage = "https://images.example/harbour.jpg"
		mustCreate(t, s, st)
		got, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.FeaturedImage != st.FeaturedImage {
			t.Errorf("FeaturedImage = %q, want %q", got.FeaturedImage, st.FeaturedImage)
		}
		got.FeaturedImage = "/media/quay.jpg"
		if err := s.UpdateStory(ctx, &got); err != nil {
			t.Fatal(err)
		}
		again, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if again.FeaturedImage != "/media/quay.jpg" {
			t.Errorf("FeaturedImage after update = %q, want /media/quay.jpg", again.FeaturedImage)
		}
		bad := story(n.world, 2, "Bad image")
		bad.FeaturedImage = "javascript:alert(1)"
		e := wantCode(t, s.CreateStory(ctx, bad), news.ErrInvalid)
		if e.Fields["featured_image"] == "" {
			t.Errorf("fields = %v, want one for featured_image", e.Fields)
		}
	})
}

func TestDeleteStory(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		st := story(n.world, 1, "Soon gone", "Harbour")
		mustCreate(t, s, st)
		keep := story(n.world, 2, "Stays", "Harbour")
		mustCreate(t, s, keep)

		// A published story must go to the trash first.
		wantCode(t, s.DeleteStory(ctx, st.ID, st.Version), news.ErrConflict)
		st.Status = news.StatusTrashed
		if err := s.UpdateStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		// A stale version is refused: someone may have restored it.
		wantCode(t, s.DeleteStory(ctx, st.ID, st.Version-1), news.ErrConflict)
		if err := s.DeleteStory(ctx, st.ID, st.Version); err != nil {
			t.Fatalf("DeleteStory: %v", err)
		}
		wantCode(t, func() error { _, err := s.Story(ctx, st.ID); return err }(), news.ErrNotFound)
		wantCode(t, func() error { _, err := s.StoryRevisions(ctx, st.ID); return err }(), news.ErrNotFound)
		wantCode(t, s.DeleteStory(ctx, st.ID, st.Version), news.ErrNotFound)

		// The counts no longer hold it: the tag page counts one story.
		tag, err := s.TagBySlug(ctx, "en", "harbour")
		if err != nil {
			t.Fatal(err)
		}
		for _, status := range []news.Status{"", news.StatusTrashed} {
			l, err := s.ListStories(ctx, news.StoryFilter{TagID: tag.ID, Status: status})
			if err != nil {
				t.Fatal(err)
			}
			want := 1
			if status == news.StatusTrashed {
				want = 0
			}
			if l.Total != want || len(l.Stories) != want {
				t.Errorf("status %q: total %d, %d stories, want %d", status, l.Total, len(l.Stories), want)
			}
		}
	})
}

func TestSuggestTags(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		mustCreate(t, s,
			story(n.world, 1, "One", "Harbour", "Harbour master"),
			story(n.world, 2, "Two", "Harbour master", "Old harbour"),
			story(n.world, 3, "Three", "Weather"),
			story(n.ruNews, 4, "Четыре", "Мировая экономика"),
		)
		for _, tc := range []struct {
			edition, q string
			want       []string
		}{
			// Prefix matches first, the most used of them first.
			{"en", "harb", []string{"harbour-master", "harbour", "old-harbour"}},
			{"en", "HARBOUR M", []string{"harbour-master"}},
			{"en", "weather", []string{"weather"}},
			{"en", "100%", nil},
			{"en", "", nil},
			{"ru", "миро", []string{"mirovaya-ekonomika"}},
			{"ru", "harb", nil},
		} {
			tags, err := s.SuggestTags(ctx, tc.edition, tc.q, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tag := range tags {
				got = append(got, tag.Slug)
			}
			if len(got) != len(tc.want) || (len(got) > 0 && tagsString(got) != tagsString(tc.want)) {
				t.Errorf("SuggestTags(%s, %q) = %v, want %v", tc.edition, tc.q, got, tc.want)
			}
		}
	})
}

func tagsString(s []string) string {
	out := ""
	for _, x := range s {
		out += x + " "
	}
	return out
}
