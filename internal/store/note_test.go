package store_test

import (
	"context"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestAddNote(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		st := story(n.world, 1, "Harbour council votes", "Harbour")
		mustCreate(t, s, st)

		// Added out of order: the story lists them by time.
		later := st.PublishedAt.Add(3 * time.Hour)
		earlier := st.PublishedAt.Add(time.Hour)
		adds := []news.Note{
			{StoryID: st.ID, Kind: news.NoteCorrection, Text: "  The vote was 7-2, not 6-3.  ", At: later, AuthorID: 9},
			{StoryID: st.ID, Kind: news.NoteUpdate, Text: "The mayor has responded.", At: earlier},
		}
		for i, a := range adds {
			got, err := s.AddNote(ctx, a)
			if err != nil {
				t.Fatalf("AddNote %d: %v", i, err)
			}
			if got.ID == 0 || !got.At.Equal(a.At) {
				t.Errorf("AddNote %d = %+v, want an ID and At %v", i, got, a.At)
			}
		}

		got, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			kind news.NoteKind
			text string
			at   time.Time
		}{
			{news.NoteUpdate, "The mayor has responded.", earlier},
			{news.NoteCorrection, "The vote was 7-2, not 6-3.", later},
		}
		if len(got.Notes) != len(want) {
			t.Fatalf("Story().Notes = %+v, want %d notes", got.Notes, len(want))
		}
		for i, w := range want {
			n := got.Notes[i]
			if n.Kind != w.kind || n.Text != w.text || !n.At.Equal(w.at) || n.StoryID != st.ID {
				t.Errorf("note %d = %+v, want %s %q at %v", i, n, w.kind, w.text, w.at)
			}
		}
		if got.Notes[1].AuthorID != 9 {
			t.Errorf("note author = %d, want 9", got.Notes[1].AuthorID)
		}
		// The earlier note, added second, did not move the time back.
		if !got.UpdatedAt.Equal(later) {
			t.Errorf("UpdatedAt = %v, want the latest note's time %v", got.UpdatedAt, later)
		}
		if !got.Modified().Equal(later) {
			t.Errorf("Modified() = %v, want %v", got.Modified(), later)
		}
		if got.Version != 3 {
			t.Errorf("Version = %d after two notes, want 3", got.Version)
		}

		revs, err := s.StoryRevisions(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(revs) != 3 {
			t.Fatalf("revisions = %d, want 3 (creation and one per note)", len(revs))
		}
		if last := revs[2].Story; len(last.Notes) != 2 || !last.UpdatedAt.Equal(later) {
			t.Errorf("last revision has %d notes, updated %v; want 2 and %v", len(last.Notes), last.UpdatedAt, later)
		}

		notes, err := s.StoryNotes(ctx, st.ID)
		if err != nil || len(notes) != 2 || notes[0].Kind != news.NoteUpdate {
			t.Errorf("StoryNotes = %+v, %v; want the two notes oldest first", notes, err)
		}

		list, err := s.ListStories(ctx, news.StoryFilter{Edition: "en"})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range list.Stories {
			if x.Notes != nil {
				t.Errorf("listed story %d carries notes", x.ID)
			}
		}

		// A note without a time is stamped now.
		now, err := s.AddNote(ctx, news.Note{StoryID: st.ID, Kind: news.NoteClarification, Text: "Clarified."})
		if err != nil {
			t.Fatal(err)
		}
		if time.Since(now.At) > time.Minute || now.At.Before(later) {
			t.Errorf("note without a time got %v, want about now", now.At)
		}
	})
}

func TestAddNoteErrors(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		pub := story(n.world, 1, "Published story")
		draft := story(n.world, 2, "Draft story")
		draft.Status = news.StatusDraft
		mustCreate(t, s, pub, draft)

		ok := news.Note{StoryID: pub.ID, Kind: news.NoteCorrection, Text: "Fixed.", At: pub.PublishedAt.Add(time.Minute)}
		for _, tc := range []struct {
			name  string
			edit  func(n *news.Note)
			code  news.Code
			field string
		}{
			{"unknown kind", func(n *news.Note) { n.Kind = "retraction" }, news.ErrInvalid, "kind"},
			{"blank text", func(n *news.Note) { n.Text = "   " }, news.ErrInvalid, "text"},
			{"before publication", func(n *news.Note) { n.At = pub.PublishedAt.Add(-time.Hour) }, news.ErrInvalid, "at"},
			{"in the future", func(n *news.Note) { n.At = time.Now().Add(time.Hour) }, news.ErrInvalid, "at"},
			{"draft story", func(n *news.Note) { n.StoryID = draft.ID }, news.ErrInvalid, ""},
			{"no such story", func(n *news.Note) { n.StoryID = 999999 }, news.ErrNotFound, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				note := ok
				tc.edit(&note)
				_, err := s.AddNote(ctx, note)
				e := wantCode(t, err, tc.code)
				if tc.field != "" && e.Fields[tc.field] == "" {
					t.Errorf("error %v names no problem with %q: %v", err, tc.field, e.Fields)
				}
			})
		}
		got, err := s.Story(ctx, pub.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Notes) != 0 || got.Version != 1 || !got.UpdatedAt.IsZero() {
			t.Errorf("refused notes changed the story: %d notes, version %d, updated %v", len(got.Notes), got.Version, got.UpdatedAt)
		}
	})
}
