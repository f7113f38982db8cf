package store_test

import (
	"context"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// TestRevisions follows a story through saves by two users, a save refused
// as a conflict and kept as a rejected revision, and a restore of it.
func TestRevisions(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		st := story(n.world, 1, "First words", "Alpha")
		st.EditedBy = 7
		mustCreate(t, s, st)
		other := story(n.world, 2, "Another story")
		mustCreate(t, s, other)

		// Two editors open version 1; the first saves, the second is refused.
		first, second := *st, *st
		first.Headline, first.EditedBy = "Second words", 8
		first.Tags = []news.Tag{{Name: "Beta"}}
		if err := s.UpdateStory(ctx, &first); err != nil {
			t.Fatal(err)
		}
		second.Headline, second.Body, second.EditedBy = "Rival words", "<p>Typed in vain</p>", 9
		wantCode(t, s.UpdateStory(ctx, &second), news.ErrConflict)
		rejected, err := s.RecordRejectedRevision(ctx, second, 9)
		if err != nil {
			t.Fatal(err)
		}
		if rejected.Kind != news.RevisionRejected || rejected.Version != 1 || rejected.UserID != 9 ||
			rejected.Story.Body != "<p>Typed in vain</p>" || rejected.ID == 0 {
			t.Errorf("rejected revision = %+v", rejected)
		}
		_, err = s.RecordRejectedRevision(ctx, news.Story{ID: 9999, Version: 1}, 9)
		wantCode(t, err, news.ErrNotFound)

		type row struct {
			version  int
			kind     news.RevisionKind
			user     int64
			headline string
		}
		check := func(want []row) []news.Revision {
			t.Helper()
			revs, err := s.StoryRevisions(ctx, st.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(revs) != len(want) {
				t.Fatalf("%d revisions, want %d", len(revs), len(want))
			}
			for i, w := range want {
				r := revs[i]
				got := row{r.Version, r.Kind, r.UserID, r.Story.Headline}
				if got != w {
					t.Errorf("revision %d = %+v, want %+v", i, got, w)
				}
				if r.StoryID != st.ID || r.CreatedAt.IsZero() || r.ID == 0 {
					t.Errorf("revision %d: story %d, time %v, id %d", i, r.StoryID, r.CreatedAt, r.ID)
				}
			}
			return revs
		}
		revs := check([]row{
			{1, news.RevisionSave, 7, "First words"},
			{1, news.RevisionRejected, 9, "Rival words"},
			{2, news.RevisionSave, 8, "Second words"},
		})

		got, err := s.StoryRevision(ctx, st.ID, revs[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != rejected.ID || got.Story.Body != "<p>Typed in vain</p>" {
			t.Errorf("StoryRevision = %+v, want the rejected save", got)
		}
		// A revision is found only under its own story.
		_, err = s.StoryRevision(ctx, other.ID, revs[1].ID)
		wantCode(t, err, news.ErrNotFound)

		// Restoring from a stale version is a conflict; from the current one
		// it makes version 3 with the rejected text.
		_, err = s.RestoreRevision(ctx, st.ID, rejected.ID, 1, 10)
		wantCode(t, err, news.ErrConflict)
		_, err = s.RestoreRevision(ctx, st.ID, 9999, 2, 10)
		wantCode(t, err, news.ErrNotFound)
		restored, err := s.RestoreRevision(ctx, st.ID, rejected.ID, 2, 10)
		if err != nil {
			t.Fatal(err)
		}
		if restored.Version != 3 || restored.Headline != "Rival words" || restored.Status != news.StatusPublished {
			t.Errorf("restored = version %d %q %s, want version 3 \"Rival words\" published",
				restored.Version, restored.Headline, restored.Status)
		}
		check([]row{
			{1, news.RevisionSave, 7, "First words"},
			{1, news.RevisionRejected, 9, "Rival words"},
			{2, news.RevisionSave, 8, "Second words"},
			{3, news.RevisionRestore, 10, "Rival words"},
		})

		// A revision names the user who saved it.
		ed := staffUser(t, s, "Edith")
		restored.EditedBy = ed.ID
		restored.Lead = "Edith's lead"
		if err := s.UpdateStory(ctx, &restored); err != nil {
			t.Fatal(err)
		}
		revs, err = s.StoryRevisions(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if last := revs[len(revs)-1]; last.UserID != ed.ID || last.UserName != "Edith" {
			t.Errorf("last revision by %d %q, want %d Edith", last.UserID, last.UserName, ed.ID)
		}

		// The restored tags count again, and the replaced ones no longer.
		for slug, want := range map[string]int{"alpha": 1, "beta": 0} {
			tag, err := s.TagBySlug(ctx, "en", slug)
			if err != nil {
				t.Fatal(err)
			}
			list, err := s.ListStories(ctx, news.StoryFilter{TagID: tag.ID, Status: news.StatusPublished})
			if err != nil {
				t.Fatal(err)
			}
			if list.Total != want || len(list.Stories) != want {
				t.Errorf("tag %s: total %d, %d stories, want %d", slug, list.Total, len(list.Stories), want)
			}
		}
	})
}
