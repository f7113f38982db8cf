package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestBookmarks(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return clock })
		n := setupNewsroom(t, s)
		var sts []*news.Story
		for i := 1; i <= 5; i++ {
			sts = append(sts, story(n.world, i, "Bookmarked story "+string(rune('A'+i-1))))
		}
		draft := story(n.world, 9, "A draft")
		draft.Status = news.StatusDraft
		mustCreate(t, s, append(sts, draft)...)
		reader, err := s.CreateUser(ctx, news.User{Email: "reader@example.org", Role: news.RoleReader, Unconfirmed: true})
		if err != nil {
			t.Fatal(err)
		}
		other, err := s.CreateUser(ctx, news.User{Email: "other@example.org", Role: news.RoleReader})
		if err != nil {
			t.Fatal(err)
		}
		if !reader.Unconfirmed {
			t.Error("a reader created unconfirmed reads back confirmed")
		}

		// Saved in the order C, A, E, B: the list is newest first.
		for _, i := range []int{2, 0, 4, 1} {
			clock = clock.Add(time.Minute)
			if err := s.AddBookmark(ctx, reader.ID, sts[i].ID); err != nil {
				t.Fatal(err)
			}
		}
		clock = clock.Add(time.Minute)
		if err := s.AddBookmark(ctx, reader.ID, sts[2].ID); err != nil {
			t.Fatalf("saving a story again: %v", err)
		}
		if err := s.AddBookmark(ctx, other.ID, sts[3].ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.AddBookmark(ctx, reader.ID, draft.ID), news.ErrNotFound)
		wantCode(t, s.AddBookmark(ctx, reader.ID, 99999), news.ErrNotFound)

		removed := 0 // of the four bookmarks, hidden or removed so far
		page := func(p, size int) []int64 {
			t.Helper()
			l, err := s.Bookmarks(ctx, reader.ID, p, size)
			if err != nil {
				t.Fatal(err)
			}
			if l.Total != 4-removed || l.Pages != (l.Total+size-1)/size {
				t.Errorf("page %d of %d: total %d, pages %d", p, size, l.Total, l.Pages)
			}
			return ids(l.Stories)
		}
		want := []int64{sts[1].ID, sts[4].ID, sts[0].ID, sts[2].ID}
		if got := append(page(1, 3), page(2, 3)...); !slices.Equal(got, want) {
			t.Errorf("bookmarks = %v, want %v (newest first, a second save keeps the first time)", got, want)
		}
		l, _ := s.Bookmarks(ctx, reader.ID, 1, 10)
		if len(l.Stories) > 0 && (l.Stories[0].Section.Name == "" || l.Stories[0].Headline == "") {
			t.Errorf("a bookmarked story lacks its section or headline: %+v", l.Stories[0])
		}

		got, err := s.BookmarkedIDs(ctx, reader.ID, []int64{sts[3].ID, sts[2].ID, sts[0].ID, draft.ID, 12345})
		if err != nil || !slices.Equal(got, []int64{sts[0].ID, sts[2].ID}) {
			t.Errorf("BookmarkedIDs = %v, %v; want the reader's own among those asked", got, err)
		}
		if got, err := s.BookmarkedIDs(ctx, reader.ID, nil); err != nil || len(got) != 0 || got == nil {
			t.Errorf("BookmarkedIDs(nil) = %#v, %v", got, err)
		}
		wantCode(t, func() error {
			_, err := s.BookmarkedIDs(ctx, reader.ID, make([]int64, store.MaxBookmarkIDs+1))
			return err
		}(), news.ErrInvalid)

		// Unpublished, a story leaves the list; published again, it is back.
		sts[4].Status = news.StatusDraft
		if err := s.UpdateStory(ctx, sts[4]); err != nil {
			t.Fatal(err)
		}
		removed = 1
		if got := page(1, 10); !slices.Equal(got, []int64{sts[1].ID, sts[0].ID, sts[2].ID}) {
			t.Errorf("with a story unpublished, bookmarks = %v", got)
		}
		sts[4].Status = news.StatusPublished
		if err := s.UpdateStory(ctx, sts[4]); err != nil {
			t.Fatal(err)
		}
		removed = 0
		if got := page(1, 10); !slices.Equal(got, want) {
			t.Errorf("published again, bookmarks = %v, want %v", got, want)
		}

		// Removing twice is one removal.
		for range 2 {
			if err := s.RemoveBookmark(ctx, reader.ID, sts[0].ID); err != nil {
				t.Fatal(err)
			}
		}
		removed = 1
		if got := page(1, 10); !slices.Equal(got, []int64{sts[1].ID, sts[4].ID, sts[2].ID}) {
			t.Errorf("after removing, bookmarks = %v", got)
		}
	})
}

func TestDeleteReader(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		st := story(n.world, 1, "Saved story")
		mustCreate(t, s, st)
		reader, err := s.CreateUser(ctx, news.User{Email: "leaving@example.org", Role: news.RoleReader, Unconfirmed: true})
		if err != nil {
			t.Fatal(err)
		}
		staying, err := s.CreateUser(ctx, news.User{Email: "staying@example.org", Role: news.RoleReader})
		if err != nil {
			t.Fatal(err)
		}
		editor, err := s.CreateUser(ctx, news.User{Email: "ed@example.org", Role: news.RoleEditor})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ConfirmUser(ctx, reader.ID); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.User(ctx, reader.ID); u.Unconfirmed {
			t.Error("ConfirmUser left the reader unconfirmed")
		}
		for _, u := range []news.User{reader, staying} {
			if err := s.AddBookmark(ctx, u.ID, st.ID); err != nil {
				t.Fatal(err)
			}
		}
		raw, err := s.CreateTokenData(ctx, reader.ID, store.TokenEmail, "new@example.org", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if _, data, err := s.TokenData(ctx, raw, store.TokenEmail); err != nil || data != "new@example.org" {
			t.Errorf("TokenData = %q, %v", data, err)
		}
		if err := s.RecordSignInFailure(ctx, "user:leaving@example.org"); err != nil {
			t.Fatal(err)
		}

		wantCode(t, s.DeleteReader(ctx, editor.ID), news.ErrForbidden)
		if err := s.DeleteReader(ctx, reader.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.User(ctx, reader.ID); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("the deleted reader reads back: %v", err)
		}
		if _, err := s.TokenUser(ctx, raw, store.TokenEmail); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("the deleted reader's link still works: %v", err)
		}
		if fs, _ := s.SignInFailures(ctx, "user:leaving@example.org", time.Time{}); len(fs) != 0 {
			t.Errorf("%d sign-in failures kept under the deleted address", len(fs))
		}
		if l, _ := s.Bookmarks(ctx, staying.ID, 1, 10); l.Total != 1 {
			t.Errorf("another reader's bookmarks = %d, want 1", l.Total)
		}
		wantCode(t, s.DeleteReader(ctx, reader.ID), news.ErrNotFound)
		// A new account under the old address starts empty.
		again, err := s.CreateUser(ctx, news.User{Email: "leaving@example.org", Role: news.RoleReader})
		if err != nil {
			t.Fatal(err)
		}
		if l, _ := s.Bookmarks(ctx, again.ID, 1, 10); l.Total != 0 {
			t.Errorf("a new account under the old address has %d bookmarks", l.Total)
		}
	})
}
