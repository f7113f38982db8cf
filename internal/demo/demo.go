// Package demo fills an empty newsroom with content that newsdesk writes
// itself: both starter editions, their sections, and some sixty stories in
// English and Russian about an invented world, with tags, bylines and media
// labels. Nothing is copied from anywhere; the text comes from templates and
// word lists in this package and a seeded random source, so the same time
// always gives the same newsroom.
package demo

import (
	"context"
	"fmt"
	"time"

	"newsdesk/internal/news"
)

// Store is what Fill needs from the store; *store.Store satisfies it.
type Store interface {
	SaveEdition(ctx context.Context, e news.Edition) error
	EnsureSection(ctx context.Context, edition, name string) (news.Section, error)
	CreateStories(ctx context.Context, sts []*news.Story) error
}

// Sections lists the demo sections of each edition in navigation order.
func Sections() map[string][]string {
	return map[string][]string{"en": englishSections, "ru": russianSections}
}

// Fill writes the demo newsroom into st: news.StarterEditions(), the
// sections of each edition, then the stories, published over the ten days
// before now, oldest first. It is meant for an empty database; run twice,
// it adds a second copy of every story (with suffixed slugs).
func Fill(ctx context.Context, st Store, now time.Time) error {
	for _, e := range news.StarterEditions() {
		if err := st.SaveEdition(ctx, e); err != nil {
			return fmt.Errorf("demo: save edition %s: %w", e.Code, err)
		}
	}
	sections := map[string]news.Section{} // by edition + "/" + name
	for _, e := range news.StarterEditions() {
		for _, name := range Sections()[e.Code] {
			sec, err := st.EnsureSection(ctx, e.Code, name)
			if err != nil {
				return fmt.Errorf("demo: section %s/%s: %w", e.Code, name, err)
			}
			sections[e.Code+"/"+name] = sec
		}
	}
	stories := generate(now)
	batch := make([]*news.Story, len(stories))
	for i := range stories {
		story := &stories[i]
		sec, ok := sections[story.Edition+"/"+story.Section.Name]
		if !ok {
			return fmt.Errorf("demo: story %q names unknown section %s", story.Headline, story.Section.Name)
		}
		story.Section = sec
		batch[i] = story
	}
	// One transaction: a start that fails half-way leaves no half a demo
	// behind, which a later --demo start would take for a filled newsroom.
	if err := st.CreateStories(ctx, batch); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}
