package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestDeskListFilters(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		flood := story(n.world, 1, "Flood warning in the NORTH", "Weather")
		flood.OwnerID = 7
		storm := story(n.world, 2, "Storm hits the north coast", "Weather")
		percent := story(n.business, 3, "Rates up 5% as markets_fall")
		percent.OwnerID = 7
		// A draft never published lists by its creation time, between
		// the stories published before and after it.
		draft := story(n.world, 0, "North draft")
		draft.Status, draft.PublishedAt, draft.CreatedAt = news.StatusDraft, time.Time{}, baseTime.Add(150*time.Minute)
		draft.OwnerID = 7
		trashed := story(n.world, 4, "North trashed")
		trashed.Status = news.StatusTrashed
		ru := story(n.ruNews, 5, "Ёлки и МОРОЗ в Москве")
		ru2 := story(n.ruNews, 6, "Мороз ослабнет")
		mustCreate(t, s, flood, storm, percent, draft, trashed, ru, ru2)

		cases := []struct {
			name string
			f    news.StoryFilter
			want []*news.Story
		}{
			{"desk order puts the draft by its creation", news.StoryFilter{Edition: "en", DeskOrder: true},
				[]*news.Story{percent, draft, storm, flood}},
			{"public order puts the draft last", news.StoryFilter{Edition: "en"},
				[]*news.Story{percent, storm, flood, draft}},
			{"desk order of one status", news.StoryFilter{Edition: "en", Status: news.StatusDraft, DeskOrder: true},
				[]*news.Story{draft}},
			{"desk order on a tag", news.StoryFilter{TagID: flood.Tags[0].ID, DeskOrder: true},
				[]*news.Story{storm, flood}},
			{"ascii case", news.StoryFilter{Query: "north", DeskOrder: true},
				[]*news.Story{draft, storm, flood}},
			{"every word, any order", news.StoryFilter{Query: "NORTH  flood", DeskOrder: true},
				[]*news.Story{flood}},
			{"cyrillic case", news.StoryFilter{Query: "мороз"}, []*news.Story{ru2, ru}},
			{"ё as е", news.StoryFilter{Query: "елки", Edition: "ru"}, []*news.Story{ru}},
			{"е matches ё", news.StoryFilter{Query: "ЁЛКИ"}, []*news.Story{ru}},
			{"percent is no wildcard", news.StoryFilter{Query: "5%"}, []*news.Story{percent}},
			{"underscore is no wildcard", news.StoryFilter{Query: "s_f"}, nil},
			{"underscore parts words", news.StoryFilter{Query: "markets fall"}, []*news.Story{percent}},
			{"stems", news.StoryFilter{Query: "floods OR hitting", DeskOrder: true}, []*news.Story{storm, flood}},
			{"a phrase", news.StoryFilter{Query: `"north coast"`}, []*news.Story{storm}},
			{"excluded word", news.StoryFilter{Query: "north -storm", DeskOrder: true}, []*news.Story{draft, flood}},
			{"only excluded words", news.StoryFilter{Query: "-north", Edition: "en"}, []*news.Story{percent}},
			{"lone percent filters nothing", news.StoryFilter{Query: "%", Edition: "ru"}, []*news.Story{ru2, ru}},
			{"russian forms", news.StoryFilter{Query: "морозы"}, []*news.Story{ru2, ru}},
			{"unknown edition", news.StoryFilter{Query: "north", Edition: "xx"}, nil},
			{"no match", news.StoryFilter{Query: "volcano"}, nil},
			{"blank query filters nothing", news.StoryFilter{Query: "  ", Edition: "ru"}, []*news.Story{ru2, ru}},
			{"trashed found when asked", news.StoryFilter{Query: "north", Status: news.StatusTrashed}, []*news.Story{trashed}},
			{"owner", news.StoryFilter{OwnerID: 7, DeskOrder: true}, []*news.Story{percent, draft, flood}},
			{"owner and query", news.StoryFilter{OwnerID: 7, Query: "north"}, []*news.Story{flood, draft}},
			{"owner, paged", news.StoryFilter{OwnerID: 7, DeskOrder: true, Limit: 2, Page: 2}, []*news.Story{flood}},
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
				// The total counts every page: list them all to compare.
				all := c.f
				all.Page, all.Limit = 1, 100
				full, err := s.ListStories(ctx, all)
				if err != nil {
					t.Fatal(err)
				}
				one := c.f
				one.Page, one.Limit = 1, 1
				first, err := s.ListStories(ctx, one)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := first.Total, len(full.Stories); got != want {
					t.Errorf("Total = %d, want %d", got, want)
				}
			})
		}

		// A changed headline is searched as changed: the lead and body
		// keep the old words, so they change too.
		cur, err := s.Story(ctx, storm.ID)
		if err != nil {
			t.Fatal(err)
		}
		cur.Headline = "Шторм обошёл побережье"
		cur.Lead, cur.Body = "", ""
		if err := s.UpdateStory(ctx, &cur); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"storm": 0, "ШТОРМ ОБОШЕЛ": 1} {
			list, err := s.ListStories(ctx, news.StoryFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Stories) != want {
				t.Errorf("Query %q after the edit found %d stories, want %d", q, len(list.Stories), want)
			}
		}
	})
}

func TestStatusCounts(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		var sts []*news.Story
		statuses := []news.Status{news.StatusPublished, news.StatusPublished, news.StatusDraft, news.StatusReview, news.StatusTrashed, news.StatusPublished}
		for i, status := range statuses {
			st := story(n.world, i, "Story "+itoa(int64(i)), "Topic")
			st.Status = status
			if i%2 == 0 {
				st.OwnerID = 3
			}
			sts = append(sts, st)
		}
		sts = append(sts, story(n.ruNews, 9, "Новость"))
		mustCreate(t, s, sts...)
		topic := sts[0].Tags[0].ID
		counts := func(pub, draft, review, scheduled, trashed int) map[news.Status]int {
			return map[news.Status]int{news.StatusPublished: pub, news.StatusDraft: draft, news.StatusReview: review,
				news.StatusScheduled: scheduled, news.StatusTrashed: trashed}
		}
		cases := []struct {
			name string
			f    news.StoryFilter
			want map[news.Status]int
		}{
			{"edition", news.StoryFilter{Edition: "en"}, counts(3, 1, 1, 0, 1)},
			{"the status filter is ignored", news.StoryFilter{Edition: "en", Status: news.StatusDraft, Page: 3}, counts(3, 1, 1, 0, 1)},
			{"every edition", news.StoryFilter{}, counts(4, 1, 1, 0, 1)},
			{"other edition", news.StoryFilter{Edition: "ru"}, counts(1, 0, 0, 0, 0)},
			{"tag", news.StoryFilter{TagID: topic}, counts(3, 1, 1, 0, 1)},
			{"owner", news.StoryFilter{OwnerID: 3}, counts(1, 1, 0, 0, 1)},
			{"query", news.StoryFilter{Query: "story 1", Edition: "en"}, counts(1, 0, 0, 0, 0)},
			{"section and owner", news.StoryFilter{SectionID: n.world.ID, OwnerID: 3, DeskOrder: true}, counts(1, 1, 0, 0, 1)},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := s.StatusCounts(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("StatusCounts = %v, want %v", got, c.want)
				}
			})
		}
	})
}

// TestIndexPending checks that stories stored before the search existed
// are indexed when the store opens.
func TestIndexPending(t *testing.T) {
	ctx := context.Background()
	dsns := map[string]func(t *testing.T) (dsn, driver, raw string){
		"sqlite": func(t *testing.T) (string, string, string) {
			path := filepath.Join(t.TempDir(), "index.db")
			return path, "sqlite", path
		},
		"postgres": func(t *testing.T) (string, string, string) {
			u := postgresURL(t)
			return u, "pgx", u
		},
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			url, driver, raw := dsn(t)
			s := openStore(t, url)
			n := setupNewsroom(t, s)
			var sts []*news.Story
			for i := range 1200 {
				sts = append(sts, story(n.ruNews, i, "Заголовок "+itoa(int64(i))))
			}
			if err := s.CreateStories(ctx, sts); err != nil {
				t.Fatal(err)
			}
			// Empty the index, as the migration leaves it.
			db, err := sql.Open(driver, raw)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			undo := []string{`UPDATE search_docs SET indexed = 0`, `DELETE FROM search_text`}
			if name == "postgres" {
				undo = []string{`UPDATE search_docs SET indexed = FALSE, doc = ''`}
			}
			for _, q := range undo {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			before, err := s.ListStories(ctx, news.StoryFilter{Query: "заголовок"})
			if err != nil {
				t.Fatal(err)
			}
			if before.Total != 0 {
				t.Fatalf("the emptied index matched %d stories", before.Total)
			}
			again := openStore(t, url)
			after, err := again.ListStories(ctx, news.StoryFilter{Query: "ЗАГОЛОВОК"})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := after.Total, len(sts); got != want {
				t.Errorf("after reopening, %d stories match, want %d", got, want)
			}
		})
	}
}
