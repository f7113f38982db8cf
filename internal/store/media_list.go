package store

import (
	"context"
	"fmt"

	"newsdesk/internal/news"
)

// StoriesMedia returns the media of each of the stories, by story id, for
// lists that carry them, such as feeds with their enclosures. Lists of
// stories leave Story.Media nil; this fills them in one query.
func (s *Store) StoriesMedia(ctx context.Context, ids []int64) (map[int64][]news.StoryMedia, error) {
	var out map[int64][]news.StoryMedia
	err := s.view(ctx, func(tx *tx) (err error) {
		out, err = tx.storyMedia(ctx, ids...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: media of %d stories: %w", len(ids), err)
	}
	return out, nil
}
