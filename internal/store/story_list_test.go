package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestListStories(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		// w1..w5 in World, b1..b3 in Business; odd ones tagged "odd", all
		// tagged "all"; plus a draft, a trashed story and a Russian one.
		var w, b []*news.Story
		for i := 1; i <= 5; i++ {
			tags := []string{"All"}
			if i%2 == 1 {
				tags = append(tags, "Odd")
			}
			st := story(n.world, i, fmt.Sprintf("World %d", i), tags...)
			st.Bylines = []news.Author{{Name: "Anna Smith"}}
			w = append(w, st)
		}
		for i := 1; i <= 3; i++ {
			b = append(b, story(n.business, 10+i, fmt.Sprintf("Business %d", i), "All"))
		}
		draft := story(n.world, 20, "World draft", "All")
		draft.Status = news.StatusDraft
		trashed := story(n.world, 21, "World trashed", "All")
		trashed.Status = news.StatusTrashed
		// A draft never published has no time: it lists after every dated one.
		undated := story(n.world, 0, "Never published")
		undated.Status = news.StatusDraft
		undated.PublishedAt = time.Time{}
		ru := story(n.ruNews, 30, "Новость")
		mustCreate(t, s, w...)
		mustCreate(t, s, b...)
		mustCreate(t, s, draft, trashed, undated, ru)
		all, err := s.TagBySlug(ctx, "en", "all")
		if err != nil {
			t.Fatal(err)
		}
		odd, err := s.TagBySlug(ctx, "en", "odd")
		if err != nil {
			t.Fatal(err)
		}
		author := w[0].Bylines[0].ID
		pub := news.StatusPublished

		cases := []struct {
			name  string
			f     news.StoryFilter
			want  []*news.Story
			total int
			pages int
		}{
			{"edition published", news.StoryFilter{Edition: "en", Status: pub},
				[]*news.Story{b[2], b[1], b[0], w[4], w[3], w[2], w[1], w[0]}, 8, 1},
			{"edition all but trashed", news.StoryFilter{Edition: "en"},
				[]*news.Story{draft, b[2], b[1], b[0], w[4], w[3], w[2], w[1], w[0], undated}, 10, 1},
			{"trashed", news.StoryFilter{Edition: "en", Status: news.StatusTrashed},
				[]*news.Story{trashed}, 1, 1},
			{"drafts", news.StoryFilter{Status: news.StatusDraft}, []*news.Story{draft, undated}, 2, 1},
			{"other edition", news.StoryFilter{Edition: "ru"}, []*news.Story{ru}, 1, 1},
			{"section", news.StoryFilter{SectionID: n.business.ID, Status: pub},
				[]*news.Story{b[2], b[1], b[0]}, 3, 1},
			{"section page 2", news.StoryFilter{Edition: "en", SectionID: n.world.ID, Status: pub, Limit: 2, Page: 2},
				[]*news.Story{w[2], w[1]}, 5, 3},
			{"last page", news.StoryFilter{SectionID: n.world.ID, Status: pub, Limit: 2, Page: 3},
				[]*news.Story{w[0]}, 5, 3},
			{"past the last page", news.StoryFilter{SectionID: n.world.ID, Status: pub, Limit: 2, Page: 4},
				nil, 5, 3},
			{"tag", news.StoryFilter{TagID: odd.ID, Status: pub},
				[]*news.Story{w[4], w[2], w[0]}, 3, 1},
			{"tag all but trashed, paged", news.StoryFilter{TagID: all.ID, Limit: 4},
				[]*news.Story{draft, b[2], b[1], b[0]}, 9, 3},
			{"tag and section", news.StoryFilter{TagID: all.ID, SectionID: n.business.ID, Status: pub, Limit: 2},
				[]*news.Story{b[2], b[1]}, 3, 2},
			{"author", news.StoryFilter{AuthorID: author, Status: pub, Limit: 3},
				[]*news.Story{w[4], w[3], w[2]}, 5, 2},
			{"exclude", news.StoryFilter{Edition: "en", Status: pub, Exclude: []int64{b[2].ID, w[0].ID}, Limit: 3},
				[]*news.Story{b[1], b[0], w[4]}, 6, 2},
			{"exclude on a tag", news.StoryFilter{TagID: odd.ID, Status: pub, Exclude: []int64{w[4].ID}},
				[]*news.Story{w[2], w[0]}, 2, 1},
			{"exclude in a section", news.StoryFilter{SectionID: n.world.ID, Status: pub, Limit: 2,
				Exclude: []int64{w[4].ID, b[2].ID, draft.ID}},
				[]*news.Story{w[3], w[2]}, 4, 2},
			{"exclude of an author", news.StoryFilter{AuthorID: author, Status: pub, Limit: 2, Exclude: []int64{w[3].ID, b[0].ID}},
				[]*news.Story{w[4], w[2]}, 4, 2},
			{"no total", news.StoryFilter{SectionID: n.world.ID, Status: pub, Limit: 2, Exclude: []int64{w[4].ID}, NoTotal: true},
				[]*news.Story{w[3], w[2]}, 0, 0},
			{"nothing", news.StoryFilter{Edition: "de"}, nil, 0, 0},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				list, err := s.ListStories(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := ids(list.Stories), storyIDs(c.want); !reflect.DeepEqual(got, want) {
					t.Errorf("stories = %v, want %v", got, want)
				}
				if got, want := list.Total, c.total; got != want {
					t.Errorf("Total = %d, want %d", got, want)
				}
				if got, want := list.Pages, c.pages; got != want {
					t.Errorf("Pages = %d, want %d", got, want)
				}
				if got, want := list.Page, max(c.f.Page, 1); got != want {
					t.Errorf("Page = %d, want %d", got, want)
				}
			})
		}

		// Stories in a list come complete, as Story returns them.
		list, err := s.ListStories(ctx, news.StoryFilter{SectionID: n.world.ID, Status: pub})
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range list.Stories {
			want, err := s.Story(ctx, got.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("listed story %d =\n%+v\nwant\n%+v", got.ID, got, want)
			}
		}

		popular, err := s.PopularTags(ctx, "en", 5)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := tagSlugs(popular), "all odd"; got != want {
			t.Errorf("PopularTags = %s, want %s", got, want)
		}
		if popular, err = s.PopularTags(ctx, "ru", 5); err != nil || len(popular) != 0 {
			t.Errorf("PopularTags(ru) = %v, %v; want none", popular, err)
		}
	})
}

func TestRelatedStories(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		subject := story(n.world, 10, "Subject", "Alpha", "Beta", "Gamma")
		both := story(n.business, 1, "Shares two tags", "Alpha", "Beta") // oldest, but most shared
		both.Labels = []news.MediaLabel{news.LabelVideo}
		alphaNew := story(n.business, 5, "Shares alpha, newer", "Alpha") // one tag, newer
		gammaOld := story(n.business, 2, "Shares gamma, older", "Gamma") // one tag, older
		draft := story(n.world, 8, "Draft with all tags", "Alpha", "Beta", "Gamma")
		draft.Status = news.StatusDraft
		sectionNew := story(n.world, 9, "Same section, no tags")
		sectionOld := story(n.world, 3, "Same section, older")
		otherSection := story(n.sport, 11, "Elsewhere")
		mustCreate(t, s, subject, both, alphaNew, gammaOld, draft, sectionNew, sectionOld, otherSection)

		cases := []struct {
			limit int
			want  []*news.Story
		}{
			{1, []*news.Story{both}},
			{3, []*news.Story{both, alphaNew, gammaOld}},
			{5, []*news.Story{both, alphaNew, gammaOld, sectionNew, sectionOld}},
			{10, []*news.Story{both, alphaNew, gammaOld, sectionNew, sectionOld}},
			{0, nil},
		}
		for _, c := range cases {
			got, err := s.RelatedStories(ctx, *subject, c.limit)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := ids(got), storyIDs(c.want); !reflect.DeepEqual(got, want) {
				t.Errorf("RelatedStories(limit %d) = %v, want %v", c.limit, got, want)
			}
		}
		// A story as the web layer may hold it, without tag ids, relates
		// through its stored tags.
		bare := news.Story{ID: subject.ID}
		got, err := s.RelatedStories(ctx, bare, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ids(got), storyIDs([]*news.Story{both, alphaNew, gammaOld}); !reflect.DeepEqual(got, want) {
			t.Errorf("RelatedStories(bare story) = %v, want %v", got, want)
		}
		// Related stories are cards: what a link shows, without tags and
		// bylines.
		card := got[0]
		if card.Headline != both.Headline || card.Path() != both.Path() || card.Section.Name != n.business.Name ||
			!card.PublishedAt.Equal(both.PublishedAt) || !reflect.DeepEqual(card.Labels, both.Labels) ||
			card.Status != news.StatusPublished || card.Edition != both.Edition {
			t.Errorf("related card = %+v, want headline, path, section, time, labels, status and edition of %+v", card, *both)
		}
		if card.Tags != nil || card.Bylines != nil || card.Body != "" {
			t.Errorf("related card has tags %v, bylines %v, body %q; want none read", card.Tags, card.Bylines, card.Body)
		}
		filled, err := s.RelatedStories(ctx, *subject, 4)
		if err != nil {
			t.Fatal(err)
		}
		if len(filled) != 4 || filled[3].ID != sectionNew.ID || filled[3].Section.Slug != n.world.Slug || filled[3].Headline != sectionNew.Headline {
			t.Errorf("RelatedStories(limit 4) = %+v, want the card of %q last", filled, sectionNew.Headline)
		}
	})
}

func storyIDs(sts []*news.Story) []int64 {
	if len(sts) == 0 {
		return []int64{}
	}
	out := make([]int64, len(sts))
	for i, st := range sts {
		out[i] = st.ID
	}
	return out
}

// TestListTotalsFollowChanges checks the totals of lists, which come from
// counters kept by every write, against the stories actually listed, after
// stories are created, moved, retagged, re-bylined and trashed.
func TestListTotalsFollowChanges(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		var sts []*news.Story
		for i := range 12 {
			sec := []news.Section{n.world, n.business, n.sport}[i%3]
			st := story(sec, i, fmt.Sprintf("Story %d", i), "Common", fmt.Sprintf("Group %d", i%2))
			st.Bylines = []news.Author{{Name: fmt.Sprintf("Writer %d", i%2)}}
			if i%4 == 3 {
				st.Status = news.StatusDraft
			}
			sts = append(sts, st)
		}
		if err := s.CreateStories(ctx, sts); err != nil {
			t.Fatal(err)
		}
		edits := []func(st *news.Story){
			func(st *news.Story) { st.Section = n.sport },
			func(st *news.Story) { st.Tags = []news.Tag{{Name: "Group 1"}, {Name: "Fresh"}} },
			func(st *news.Story) { st.Status = news.StatusTrashed },
			func(st *news.Story) { st.Status = news.StatusPublished },
			func(st *news.Story) { st.Bylines = []news.Author{{Name: "Writer 1"}, {Name: "Writer 9"}} },
		}
		for i, edit := range edits {
			for _, st := range sts[i*2 : i*2+3] {
				cur, err := s.Story(ctx, st.ID)
				if err != nil {
					t.Fatal(err)
				}
				edit(&cur)
				if err := s.UpdateStory(ctx, &cur); err != nil {
					t.Fatal(err)
				}
			}
		}
		var filters []news.StoryFilter
		for _, status := range []news.Status{"", news.StatusPublished, news.StatusDraft, news.StatusTrashed} {
			filters = append(filters,
				news.StoryFilter{Edition: "en", Status: status},
				news.StoryFilter{Status: status},
				news.StoryFilter{Edition: "en", Status: status, Exclude: []int64{sts[0].ID, sts[5].ID}},
			)
			for _, sec := range []news.Section{n.world, n.business, n.sport} {
				filters = append(filters, news.StoryFilter{SectionID: sec.ID, Status: status},
					news.StoryFilter{SectionID: sec.ID, Status: status, Exclude: []int64{sts[0].ID, sts[1].ID, sts[2].ID}})
			}
			for _, slug := range []string{"common", "group-0", "group-1", "fresh"} {
				tag, err := s.TagBySlug(ctx, "en", slug)
				if err != nil {
					t.Fatal(err)
				}
				filters = append(filters, news.StoryFilter{TagID: tag.ID, Status: status},
					news.StoryFilter{TagID: tag.ID, Status: status, Exclude: []int64{sts[1].ID}})
			}
			for _, st := range sts[:2] {
				for _, a := range st.Bylines {
					filters = append(filters, news.StoryFilter{AuthorID: a.ID, Status: status},
						news.StoryFilter{AuthorID: a.ID, Status: status, Exclude: []int64{sts[0].ID, sts[3].ID}})
				}
			}
		}
		for _, f := range filters {
			all := f
			all.Limit = 1000
			full, err := s.ListStories(ctx, all)
			if err != nil {
				t.Fatal(err)
			}
			f.Limit = 1
			page, err := s.ListStories(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := page.Total, len(full.Stories); got != want {
				t.Errorf("%+v: Total = %d, want %d", f, got, want)
			}
			if got, want := full.Total, len(full.Stories); got != want {
				t.Errorf("%+v with one page: Total = %d, want %d", all, got, want)
			}
		}

		// Popular tags count published stories only.
		popular, err := s.PopularTags(ctx, "en", 10)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, slug := range []string{"common", "group-0", "group-1", "fresh"} {
			tag, _ := s.TagBySlug(ctx, "en", slug)
			list, err := s.ListStories(ctx, news.StoryFilter{TagID: tag.ID, Status: news.StatusPublished, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if list.Total > 0 {
				want = append(want, fmt.Sprintf("%s:%d", slug, list.Total))
			}
		}
		t.Logf("published per tag: %v", want)
		if got, want := len(popular), len(want); got != want {
			t.Errorf("PopularTags returned %d tags, want %d", got, want)
		}
		if len(popular) > 0 && popular[0].Slug != "common" {
			t.Errorf("most popular tag = %s, want common", popular[0].Slug)
		}
	})
}

func TestListStoriesAfterCursor(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		var all []*news.Story
		for i := range 7 {
			st := story(n.world, -i, fmt.Sprintf("Story %d", i), "Harbour")
			all = append(all, st)
		}
		// Two stories at the same time: the id orders them.
		same := story(n.world, -3, "Story 3 twin", "Harbour")
		all = append(all, same)
		mustCreate(t, s, all...)
		for _, f := range []news.StoryFilter{
			{Edition: "en", Status: news.StatusPublished, Limit: 3},
			{TagID: all[0].Tags[0].ID, Status: news.StatusPublished, Limit: 3},
		} {
			var got []int64
			for range 10 {
				list, err := s.ListStories(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, st := range list.Stories {
					got = append(got, st.ID)
				}
				if len(list.Stories) < f.Limit {
					break
				}
				last := list.Stories[len(list.Stories)-1]
				f.After = &news.StoryCursor{PublishedAt: last.PublishedAt, ID: last.ID}
			}
			want := []int64{all[0].ID, all[1].ID, all[2].ID, same.ID, all[3].ID, all[4].ID, all[5].ID, all[6].ID}
			if !slices.Equal(got, want) {
				t.Errorf("filter %+v: pages gave %v, want %v", f, got, want)
			}
		}
	})
}
