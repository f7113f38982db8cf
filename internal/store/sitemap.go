package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"newsdesk/internal/news"
)

// Sitemaps list every published story, so their queries read only the few
// columns an address needs, in the order of the edition's list index.

const storyLinkColumns = `s.id, s.edition, sec.slug, s.slug, s.headline, s.published_at, s.updated_at, s.translation_group`

func scanStoryLink(r scanner) (news.StoryLink, error) {
	var l news.StoryLink
	var published, updated sql.NullTime
	err := r.Scan(&l.ID, &l.Edition, &l.SectionSlug, &l.Slug, &l.Headline, &published, &updated, &l.TranslationGroup)
	l.PublishedAt, l.UpdatedAt = goTime(published), goTime(updated)
	return l, err
}

// PublishedCount returns how many stories the edition has published.
func (s *Store) PublishedCount(ctx context.Context, edition string) (int, error) {
	var n int
	err := s.view(ctx, func(tx *tx) error {
		return tx.queryRow(ctx, `SELECT COUNT(*) FROM stories WHERE edition = ? AND status = 'published'`, edition).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("store: published stories of %s: %w", edition, err)
	}
	return n, nil
}

// StoryLinks returns page (from 1) of the edition's published stories,
// size to a page, newest first.
func (s *Store) StoryLinks(ctx context.Context, edition string, page, size int) ([]news.StoryLink, error) {
	var links []news.StoryLink
	err := s.view(ctx, func(tx *tx) (err error) {
		links, err = queryAll(ctx, tx, scanStoryLink, `SELECT `+storyLinkColumns+storyFrom+`
			WHERE s.edition = ? AND s.status = 'published'
			ORDER BY s.published_at DESC, s.id DESC LIMIT ? OFFSET ?`, edition, size, (max(page, 1)-1)*size)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: story links of %s: %w", edition, err)
	}
	return links, nil
}

// RecentStoryLinks returns every edition's stories published since, newest
// first: a news sitemap's.
func (s *Store) RecentStoryLinks(ctx context.Context, since time.Time, limit int) ([]news.StoryLink, error) {
	var links []news.StoryLink
	err := s.view(ctx, func(tx *tx) (err error) {
		links, err = queryAll(ctx, tx, scanStoryLink, `SELECT `+storyLinkColumns+storyFrom+`
			WHERE s.status = 'published' AND s.published_at >= ?
			ORDER BY s.published_at DESC, s.id DESC LIMIT ?`, normTime(since), limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: recent story links: %w", err)
	}
	return links, nil
}

// TranslationLinks returns the published stories of the translation
// groups, by group.
func (s *Store) TranslationLinks(ctx context.Context, groups []int64) (map[int64][]news.StoryLink, error) {
	out := map[int64][]news.StoryLink{}
	if len(groups) == 0 {
		return out, nil
	}
	err := s.view(ctx, func(tx *tx) error {
		links, err := queryAll(ctx, tx, scanStoryLink, `SELECT `+storyLinkColumns+storyFrom+`
			WHERE s.translation_group IN (`+placeholders(len(groups))+`) AND s.status = 'published'
			ORDER BY s.edition`, int64Args(groups)...)
		for _, l := range links {
			out[l.TranslationGroup] = append(out[l.TranslationGroup], l)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: translations of %d groups: %w", len(groups), err)
	}
	return out, nil
}

// PublishedTags returns the edition's tags that some published story
// carries, in slug order: the tags that have a page.
func (s *Store) PublishedTags(ctx context.Context, edition string) ([]news.Tag, error) {
	var tags []news.Tag
	err := s.view(ctx, func(tx *tx) (err error) {
		tags, err = queryAll(ctx, tx, scanTag, `SELECT `+tagColumns+` FROM tags t
			WHERE t.edition = ? AND EXISTS (SELECT 1 FROM story_tags st WHERE st.tag_id = t.id AND st.status = 'published')
			ORDER BY t.slug`, edition)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: published tags of %s: %w", edition, err)
	}
	return tags, nil
}

// PublishedAuthors returns the authors credited on some published story of
// the edition, in slug order: the authors whose page in it lists stories.
func (s *Store) PublishedAuthors(ctx context.Context, edition string) ([]news.Author, error) {
	var authors []news.Author
	err := s.view(ctx, func(tx *tx) (err error) {
		authors, err = queryAll(ctx, tx, scanAuthor, `SELECT `+authorColumns+` FROM authors a
			WHERE EXISTS (SELECT 1 FROM story_authors sa JOIN stories s ON s.id = sa.story_id
				WHERE sa.author_id = a.id AND s.edition = ? AND s.status = 'published')
			ORDER BY a.slug`, edition)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: published authors of %s: %w", edition, err)
	}
	return authors, nil
}
