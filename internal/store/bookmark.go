package store

import (
	"context"
	"fmt"

	"newsdesk/internal/news"
)

// MaxBookmarkIDs bounds how many stories BookmarkedIDs looks up at once:
// a page shows a few dozen.
const MaxBookmarkIDs = 200

// AddBookmark saves a published story to the user's bookmarks. Saving it
// again keeps the first time it was saved. A story that is not published
// cannot be saved: news.ErrNotFound.
func (s *Store) AddBookmark(ctx context.Context, userID, storyID int64) error {
	err := s.update(ctx, func(tx *tx) error {
		var published bool
		err := tx.queryRow(ctx, `SELECT COUNT(*) > 0 FROM stories WHERE id = ? AND status = 'published'`, storyID).Scan(&published)
		if err != nil {
			return err
		}
		if !published {
			return notFound("story %d", storyID)
		}
		_, err = tx.exec(ctx, `INSERT INTO bookmarks (user_id, story_id, created_at) VALUES (?, ?, ?)
			ON CONFLICT (user_id, story_id) DO NOTHING`, userID, storyID, tx.now)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: bookmark story %d for user %d: %w", storyID, userID, err)
	}
	return nil
}

// RemoveBookmark drops a story from the user's bookmarks; one that is not
// there is no error, so that a second click changes nothing.
func (s *Store) RemoveBookmark(ctx context.Context, userID, storyID int64) error {
	err := s.update(ctx, func(tx *tx) error {
		_, err := tx.exec(ctx, `DELETE FROM bookmarks WHERE user_id = ? AND story_id = ?`, userID, storyID)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: remove bookmark of story %d for user %d: %w", storyID, userID, err)
	}
	return nil
}

// Bookmarks returns one page of the user's saved stories, the most recently
// saved first, with sections, tags, bylines and labels. Only published
// stories are listed: one taken down drops out of the list, and comes back
// when it is published again, since the bookmark itself is kept.
func (s *Store) Bookmarks(ctx context.Context, userID int64, page, size int) (news.StoryList, error) {
	page, size = max(page, 1), max(size, 1)
	list := news.StoryList{Page: page}
	const from = ` FROM bookmarks b JOIN stories s ON s.id = b.story_id`
	const where = `b.user_id = ? AND s.status = 'published'`
	err := s.view(ctx, func(tx *tx) error {
		var err error
		list.Stories, err = tx.storiesWhere(ctx, from, where, ` ORDER BY b.created_at DESC, b.story_id DESC LIMIT ? OFFSET ?`,
			userID, size, (page-1)*size)
		if err != nil {
			return err
		}
		return tx.queryRow(ctx, `SELECT COUNT(*)`+from+` WHERE `+where, userID).Scan(&list.Total)
	})
	if err != nil {
		return news.StoryList{}, fmt.Errorf("store: bookmarks of user %d: %w", userID, err)
	}
	list.Pages = (list.Total + size - 1) / size
	return list, nil
}

// BookmarkedIDs returns which of the stories ids names the user has saved,
// in ascending order: the state of the bookmark buttons of one page. At
// most MaxBookmarkIDs ids are looked up.
func (s *Store) BookmarkedIDs(ctx context.Context, userID int64, ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return []int64{}, nil
	}
	if len(ids) > MaxBookmarkIDs {
		return nil, news.Errorf(news.ErrInvalid, "at most %d stories at once", MaxBookmarkIDs)
	}
	var saved []int64
	err := s.view(ctx, func(tx *tx) error {
		var err error
		saved, err = queryAll(ctx, tx, func(r scanner) (int64, error) {
			var id int64
			err := r.Scan(&id)
			return id, err
		}, `SELECT story_id FROM bookmarks WHERE user_id = ? AND story_id IN (`+placeholders(len(ids))+`) ORDER BY story_id`,
			append([]any{userID}, int64Args(ids)...)...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: bookmarked stories of user %d: %w", userID, err)
	}
	if saved == nil {
		saved = []int64{}
	}
	return saved, nil
}
