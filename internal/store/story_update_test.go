package store_test

import (
	"context"
	"reflect"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestUpdateStory(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		st := story(n.world, 1, "First draft", "Alpha", "Beta")
		st.Status = news.StatusDraft
		st.Bylines = []news.Author{{Name: "Anna Smith"}}
		mustCreate(t, s, st)
		other := story(n.world, 2, "Second story")
		mustCreate(t, s, other)

		// An editor publishes the draft: new fields, tags and byline.
		edit := *st
		edit.Headline = "Published at last"
		edit.Status = news.StatusPublished
		edit.Section = news.Section{ID: n.business.ID}
		edit.Tags = []news.Tag{{Name: "Beta"}, {Name: "Gamma"}}
		edit.Bylines = []news.Author{{Name: "B. Jones"}}
		edit.Slug = other.Slug // taken: the store keeps slugs unique
		if err := s.UpdateStory(ctx, &edit); err != nil {
			t.Fatal(err)
		}
		if got, want := edit.Version, 2; got != want {
			t.Errorf("Version = %d, want %d", got, want)
		}
		if got, want := edit.Slug, other.Slug+"-2"; got != want {
			t.Errorf("Slug = %q, want %q", got, want)
		}
		if !edit.UpdatedAt.IsZero() {
			t.Errorf("UpdatedAt = %v after publishing a draft, want zero", edit.UpdatedAt)
		}
		got, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, edit) {
			t.Errorf("Story after update =\n%+v\nwant\n%+v", got, edit)
		}

		// A second editor still holding version 1 must not overwrite it.
		stale := *st
		stale.Headline = "Stale edit"
		e := wantCode(t, s.UpdateStory(ctx, &stale), news.ErrConflict)
		if want := "story " + itoa(st.ID) + " was changed by someone else"; e.Message != want {
			t.Errorf("conflict message = %q, want %q", e.Message, want)
		}
		if got, want := stale.Version, 1; got != want {
			t.Errorf("stale story's Version = %d after the conflict, want %d", got, want)
		}
		unchanged, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(unchanged, edit) {
			t.Errorf("story changed by a stale update:\n%+v\nwant\n%+v", unchanged, edit)
		}

		// Editing a published story stamps its updated time.
		fix := got
		fix.Lead = "Corrected lead"
		if err := s.UpdateStory(ctx, &fix); err != nil {
			t.Fatal(err)
		}
		if fix.UpdatedAt.IsZero() {
			t.Error("UpdatedAt is zero after editing a published story")
		}

		invalid := fix
		invalid.Headline = ""
		wantCode(t, s.UpdateStory(ctx, &invalid), news.ErrInvalid)

		missing := fix
		missing.ID = 9999
		wantCode(t, s.UpdateStory(ctx, &missing), news.ErrNotFound)

		revs, err := s.StoryRevisions(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(revs), 3; got != want {
			t.Fatalf("revisions = %d, want %d (create and two updates)", got, want)
		}
		for i, want := range []string{"First draft", "Published at last", "Published at last"} {
			r := revs[i]
			if r.Version != i+1 || r.StoryID != st.ID || r.Story.Version != i+1 {
				t.Errorf("revision %d: story %d version %d (snapshot version %d), want story %d version %d",
					i, r.StoryID, r.Version, r.Story.Version, st.ID, i+1)
			}
			if r.Story.Headline != want {
				t.Errorf("revision %d headline = %q, want %q", i+1, r.Story.Headline, want)
			}
			if r.CreatedAt.IsZero() {
				t.Errorf("revision %d has no time", i+1)
			}
		}
		if got, want := revs[2].Story.Lead, "Corrected lead"; got != want {
			t.Errorf("revision 3 lead = %q, want %q", got, want)
		}
		if got, want := tagSlugs(revs[1].Story.Tags), "beta gamma"; got != want {
			t.Errorf("revision 2 tags = %s, want %s", got, want)
		}
		_, err = s.StoryRevisions(ctx, 9999)
		wantCode(t, err, news.ErrNotFound)
	})
}

func TestCreateStoriesAllOrNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		batch := []*news.Story{
			story(n.world, 1, "Batch one", "Batch tag"),
			story(n.world, 2, "Batch two", "Batch tag"),
			story(n.world, 3, ""), // invalid
		}
		wantCode(t, s.CreateStories(ctx, batch), news.ErrInvalid)
		for i, st := range batch {
			if st.ID != 0 {
				t.Errorf("story %d: ID = %d after a failed batch, want 0", i, st.ID)
			}
		}
		list, err := s.ListStories(ctx, news.StoryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := list.Total, 0; got != want {
			t.Errorf("stories after a failed batch = %d, want %d", got, want)
		}
		_, err = s.TagBySlug(ctx, "en", "batch-tag")
		wantCode(t, err, news.ErrNotFound)

		batch[2].Headline = "Batch three"
		batch[2].Slug = "batch-one" // repeats a slug of the same batch
		if err := s.CreateStories(ctx, batch); err != nil {
			t.Fatal(err)
		}
		if got, want := batch[2].Slug, "batch-one-2"; got != want {
			t.Errorf("slug = %q, want %q", got, want)
		}
		if got, want := batch[0].Tags[0].ID, batch[1].Tags[0].ID; got != want {
			t.Errorf("tag ids in one batch differ: %d, %d", got, want)
		}
		for i, st := range batch {
			revs, err := s.StoryRevisions(ctx, st.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(revs), 1; got != want {
				t.Errorf("story %d: %d revisions, want %d", i, got, want)
			}
		}
	})
}
