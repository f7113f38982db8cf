package store_test

import (
	"fmt"
	"slices"
	"testing"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// TestSearchBeyondRankLimits searches for a word that more stories hold
// than SQLite scores: those with the word in the headline, or in the
// headline or lead, rank first, the rest follow newest first; the total,
// the filters and paging stay exact. PostgreSQL scores every story and
// gives the same groups in the same order.
func TestSearchBeyondRankLimits(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		n := setupNewsroom(t, s)
		var head, lead, body []*news.Story
		for i := range 3 {
			st := story(n.world, i, fmt.Sprintf("Harbour strike enters day %d", i+1))
			head = append(head, st)
		}
		for i := range 3 {
			st := story(n.world, 10+i, fmt.Sprintf("Port report %d", i+1))
			st.Lead = "The harbour closed again after the storm."
			lead = append(lead, st)
		}
		for i := range 8 {
			st := story(n.world, 20+i, fmt.Sprintf("Dock diary %d", i+1))
			st.Body = "<p>Later in the week the harbour reopened to ships.</p>"
			body = append(body, st)
		}
		elsewhere := story(n.business, 40, "Harbour fees rise")
		draft := story(n.world, 41, "Harbour draft")
		draft.Status = news.StatusDraft
		mustCreate(t, s, slices.Concat(head, lead, body, []*news.Story{elsewhere, draft})...)
		// Stories without the word, so that it is not in every story.
		for i := range 10 {
			mustCreate(t, s, story(n.sport, 50+i, fmt.Sprintf("Match %d", i)))
		}
		ids := func(sts []*news.Story) []int64 {
			var out []int64
			for _, st := range sts {
				out = append(out, st.ID)
			}
			return out
		}
		newestFirst := func(sts ...[]*news.Story) []int64 {
			out := ids(slices.Concat(sts...))
			slices.Reverse(out)
			return out
		}

		for _, c := range []struct {
			name       string
			all, field int
			groups     [][]int64 // in order; each group in any order but the last
		}{
			{"headline ranked", 6, 4, [][]int64{ids(head), newestFirst(lead, body)}},
			{"headline and lead ranked", 6, 10, [][]int64{ids(head), ids(lead), newestFirst(body)}},
			{"every story ranked", 100, 100, [][]int64{ids(head), ids(lead), newestFirst(body)}},
		} {
			t.Run(c.name, func(t *testing.T) {
				s.SetRankLimits(c.all, c.field)
				q := news.SearchQuery{Text: "harbour", SectionID: n.world.ID, Limit: 4}
				var got []int64
				for page := 1; page <= 5; page++ {
					q.Page = page
					res, err := s.Search(t.Context(), q)
					if err != nil {
						t.Fatal(err)
					}
					if res.Total != 14 {
						t.Fatalf("page %d: total %d, want 14", page, res.Total)
					}
					for _, h := range res.Hits {
						got = append(got, h.Story.ID)
					}
				}
				if len(got) != 14 {
					t.Fatalf("found %d stories over the pages, want 14: %v", len(got), got)
				}
				rest := got
				for i, g := range c.groups {
					part := rest[:len(g)]
					rest = rest[len(g):]
					if i == len(c.groups)-1 && s.Dialect() == "sqlite" && c.all < 14 {
						// The unranked rest comes newest first.
						if !slices.Equal(part, g) {
							t.Errorf("group %d = %v, want %v in that order", i, part, g)
						}
						continue
					}
					if !sameSet(part, g) {
						t.Errorf("group %d = %v, want %v in any order (all: %v)", i, part, g, got)
					}
				}
			})
		}
	})
}

func sameSet(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
