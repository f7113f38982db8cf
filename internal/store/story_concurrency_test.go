package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// TestConcurrentWriters runs editors against one story at once: exactly
// one save from a version wins, and stories created at the same moment
// share the tags and authors they name.
func TestConcurrentWriters(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		st := story(n.world, 1, "Contended")
		mustCreate(t, s, st)

		const editors = 6
		errs := make([]error, editors)
		var wg sync.WaitGroup
		for i := range editors {
			wg.Go(func() {
				edit := *st
				edit.Headline = fmt.Sprintf("Edited by %d", i)
				errs[i] = s.UpdateStory(ctx, &edit)
			})
		}
		wg.Wait()
		wins := 0
		for _, err := range errs {
			switch {
			case err == nil:
				wins++
			case !errors.Is(err, news.ErrConflict):
				t.Errorf("UpdateStory: %v, want success or a conflict", err)
			}
		}
		if wins != 1 {
			t.Errorf("%d of %d saves from version 1 succeeded, want 1", wins, editors)
		}
		revs, err := s.StoryRevisions(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(revs), 2; got != want {
			t.Errorf("revisions = %d, want %d", got, want)
		}

		created := make([]*news.Story, editors)
		for i := range editors {
			wg.Go(func() {
				created[i] = story(n.sport, 10+i, fmt.Sprintf("Simultaneous %d", i), "Brand new tag")
				created[i].Bylines = []news.Author{{Name: "New Writer"}}
				errs[i] = s.CreateStory(ctx, created[i])
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("CreateStory %d: %v", i, err)
			}
			if got, want := created[i].Tags[0].ID, created[0].Tags[0].ID; got != want {
				t.Errorf("story %d tag id = %d, want %d", i, got, want)
			}
			if got, want := created[i].Bylines[0].ID, created[0].Bylines[0].ID; got != want {
				t.Errorf("story %d author id = %d, want %d", i, got, want)
			}
		}
	})
}
