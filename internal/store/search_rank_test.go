package store_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// TestSearchBeyondRankLimits searches for a word that more stories hold
// than a search scores: those with the word in the headline, or in the
// headline or lead, rank first, the rest follow newest first; the total,
// the filters and paging stay exact.
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
			// groups in order; each group in any order but the last, which
			// lists what is not ranked; pg where PostgreSQL differs: it
			// ranks by headline, keeping no lead apart.
			groups, pg [][]int64
		}{
			{"headline ranked", 6, 4, [][]int64{ids(head), newestFirst(lead, body)}, nil},
			{"latest headlines ranked", 6, 2, [][]int64{ids(head[1:]), newestFirst(head[:1], lead, body)}, nil},
			{"headline and lead ranked", 6, 10, [][]int64{ids(head), ids(lead), newestFirst(body)},
				[][]int64{ids(head), newestFirst(lead, body)}},
			{"every story ranked", 100, 100, [][]int64{ids(head), ids(lead), newestFirst(body)}, nil},
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
				groups := c.groups
				if c.pg != nil && s.Dialect() == "postgres" {
					groups = c.pg
				}
				rest := got
				for i, g := range groups {
					part := rest[:len(g)]
					rest = rest[len(g):]
					if i == len(groups)-1 && c.all < 14 {
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

// TestSearchNewestBeyondRankLimits pages through a search sorted newest
// first that finds more stories than SQLite orders at once: it reads
// them by spans of years, and every page must be what ordering them all
// gives.
func TestSearchNewestBeyondRankLimits(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		n := setupNewsroom(t, s)
		var want []int64
		for i, at := range []string{"2026-01-05", "2025-06-01", "2025-01-01", "2024-12-31", "2023-03-03", "2021-07-07",
			"2019-01-01", "2015-05-05", "2010-10-10", "1999-12-31", "1987-02-02", "2025-06-01"} {
			st := story(n.world, i, fmt.Sprintf("Harbour log %d", i))
			day, err := time.Parse(time.DateOnly, at)
			if err != nil {
				t.Fatal(err)
			}
			st.PublishedAt = day.Add(time.Duration(i) * time.Minute)
			mustCreate(t, s, st)
			want = append(want, st.ID)
		}
		// Newest first: by time, the later of two stories at once first.
		slices.SortFunc(want, func(a, b int64) int {
			ta, tb := published(t, s, a), published(t, s, b)
			if c := tb.Compare(ta); c != 0 {
				return c
			}
			return cmp.Compare(b, a)
		})
		for _, limits := range [][2]int{{2, 2}, {100, 100}} {
			s.SetRankLimits(limits[0], limits[1])
			for _, size := range []int{3, 5, 12} {
				var got []int64
				for page := 1; page <= 12/size+1; page++ {
					res, err := s.Search(t.Context(), news.SearchQuery{Text: "harbour", Sort: news.SortNewest, Limit: size, Page: page})
					if err != nil {
						t.Fatal(err)
					}
					if res.Total != 12 {
						t.Fatalf("limits %v, page %d of %d: total %d, want 12", limits, page, size, res.Total)
					}
					for _, h := range res.Hits {
						got = append(got, h.Story.ID)
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("limits %v, pages of %d: %v, want %v", limits, size, got, want)
				}
			}
		}
	})
}

func published(t *testing.T, s *store.Store, id int64) time.Time {
	t.Helper()
	st, err := s.Story(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st.PublishedAt
}
