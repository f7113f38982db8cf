package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// searchIDs runs q and returns the ids it found in order.
func searchIDs(t *testing.T, s *store.Store, q news.SearchQuery) []int64 {
	t.Helper()
	res, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	out := []int64{}
	for _, h := range res.Hits {
		out = append(out, h.Story.ID)
	}
	return out
}

func TestSearch(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		killed := story(n.world, 1, "Gunman killed after siege", "Crime")
		killed.Lead, killed.Body = "Police ended the siege at dawn.", "<p>The café on the corner was closed.</p>"
		kill := story(n.world, 2, "Minister vows to kill the bill", "Politics")
		kill.Lead, kill.Body = "A bill dies in the upper house after a long night of debate.", "<p>Nothing about gunmen.</p>"
		kill.Labels = []news.MediaLabel{news.LabelVideo}
		bodyOnly := story(n.business, 3, "Markets close higher")
		bodyOnly.Lead, bodyOnly.Body = "Shares rose.", "<p>Traders said the siege of the port had killed trade.</p>"
		bodyOnly.Labels = []news.MediaLabel{news.LabelPhotos, news.LabelVideo}
		rocket := story(n.ruNews, 4, "Ракета упала в море")
		rocket.Lead, rocket.Body = "Запуск ракеты не удался.", "<p>Ёлки, сказал инженер.</p>"
		rocket.Labels = []news.MediaLabel{news.LabelAudio}
		draft := story(n.world, 5, "Siege draft")
		draft.Status, draft.PublishedAt = news.StatusDraft, time.Time{}
		mustCreate(t, s, killed, kill, bodyOnly, rocket, draft)
		// Unpublished stories that the others' words are rare among, as
		// they are in a real newsroom: BM25 weighs a word by its rarity.
		for i := range 12 {
			filler := story(n.sport, 10+i, "Match report "+itoa(int64(i)))
			filler.Status = news.StatusReview
			mustCreate(t, s, filler)
		}

		cases := []struct {
			name string
			q    news.SearchQuery
			want []*news.Story
		}{
			{"stemmed, headline first", news.SearchQuery{Text: "killing"}, []*news.Story{killed, kill, bodyOnly}},
			{"newest first", news.SearchQuery{Text: "killing", Sort: news.SortNewest}, []*news.Story{bodyOnly, kill, killed}},
			{"headline over body", news.SearchQuery{Text: "siege"}, []*news.Story{killed, bodyOnly}},
			{"russian stems", news.SearchQuery{Text: "ракеты"}, []*news.Story{rocket}},
			{"russian case and ё", news.SearchQuery{Text: "ЕЛКИ", Edition: "ru"}, []*news.Story{rocket}},
			{"diacritics", news.SearchQuery{Text: "CAFE"}, []*news.Story{killed}},
			{"phrase", news.SearchQuery{Text: `"siege of the port"`}, []*news.Story{bodyOnly}},
			{"phrase in order only", news.SearchQuery{Text: `"port the of siege"`}, nil},
			{"exclusion", news.SearchQuery{Text: "siege -gunman"}, []*news.Story{bodyOnly}},
			{"or", news.SearchQuery{Text: "bill OR ракета"}, []*news.Story{rocket, kill}},
			{"edition", news.SearchQuery{Text: "killed OR ракета", Edition: "ru"}, []*news.Story{rocket}},
			{"section", news.SearchQuery{Text: "killed", SectionID: n.business.ID}, []*news.Story{bodyOnly}},
			{"tag", news.SearchQuery{Text: "killed", TagID: killed.Tags[0].ID}, []*news.Story{killed}},
			{"media", news.SearchQuery{Text: "killed", Media: news.LabelVideo}, []*news.Story{kill, bodyOnly}},
			{"date range", news.SearchQuery{Text: "killed", From: baseTime.Add(2 * time.Hour), To: baseTime.Add(3 * time.Hour)}, []*news.Story{kill}},
			{"drafts are not public", news.SearchQuery{Text: "draft"}, nil},
			{"staff find drafts", news.SearchQuery{Text: "draft", Staff: true}, []*news.Story{draft}},
			{"filters alone list newest first", news.SearchQuery{Media: news.LabelVideo}, []*news.Story{bodyOnly, kill}},
			{"only an exclusion", news.SearchQuery{Text: "-siege", Edition: "en"}, []*news.Story{kill}},
			{"unknown edition", news.SearchQuery{Text: "killed", Edition: "zz"}, nil},
			{"paging", news.SearchQuery{Text: "killed", Limit: 2, Page: 2}, []*news.Story{bodyOnly}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if got, want := searchIDs(t, s, c.q), storyIDs(c.want); !reflect.DeepEqual(got, want) {
					t.Errorf("found %v, want %v", got, want)
				}
			})
		}

		t.Run("facets and total", func(t *testing.T) {
			res, err := s.Search(ctx, news.SearchQuery{Text: "killed", SectionID: n.world.ID, Facets: true, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != 2 || res.Pages != 2 {
				t.Errorf("Total, Pages = %d, %d, want 2, 2", res.Total, res.Pages)
			}
			var secs []string
			for _, f := range res.Sections {
				secs = append(secs, f.Section.Name+":"+itoa(int64(f.Count)))
			}
			if got, want := strings.Join(secs, " "), "World:2 Business:1"; got != want {
				t.Errorf("sections %q, want %q", got, want)
			}
			if got, want := res.Media, []news.MediaFacet{{Label: news.LabelVideo, Count: 1}}; !reflect.DeepEqual(got, want) {
				t.Errorf("media %v, want %v", got, want)
			}
		})

		t.Run("snippets mark the words found", func(t *testing.T) {
			res, err := s.Search(ctx, news.SearchQuery{Text: `siege killed`, SectionID: n.business.ID})
			if err != nil || len(res.Hits) != 1 {
				t.Fatalf("hits %v, err %v", res.Hits, err)
			}
			if got, want := render(res.Hits[0].Snippet), "Shares rose. Traders said the [siege] of the port had [killed] trade."; got != want {
				t.Errorf("snippet %q, want %q", got, want)
			}
			res, err = s.Search(ctx, news.SearchQuery{Text: `ракеты`})
			if err != nil || len(res.Hits) != 1 {
				t.Fatalf("hits %v, err %v", res.Hits, err)
			}
			if got, want := render(res.Hits[0].Headline), "[Ракета] упала в море"; got != want {
				t.Errorf("headline %q, want %q", got, want)
			}
		})

		t.Run("any text is a query", func(t *testing.T) {
			for _, q := range []string{`"`, `-`, `OR`, `AND`, `NOT`, `"unbalanced`, `a OR`, `NEAR(siege killed)`, `headline:siege`,
				`sieg*`, `^siege`, `'`, `''; DROP TABLE stories; --`, `!siege & | <->`, `(((`, `\`, "\x00", "\xff", `-"" -`,
				strings.Repeat("siege ", 500), strings.Repeat(`"a" OR `, 100)} {
				if _, err := s.Search(ctx, news.SearchQuery{Text: q, Facets: true}); err != nil {
					t.Errorf("Search(%q): %v", q, err)
				}
				if _, err := s.ListStories(ctx, news.StoryFilter{Query: q}); err != nil {
					t.Errorf("ListStories(%q): %v", q, err)
				}
			}
		})
	})
}

// render writes fragments with the marked ones in brackets.
func render(fs []news.Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Mark {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

// TestSearchFollowsWrites checks that every write that changes what the
// public may find changes the index in the same transaction.
func TestSearchFollowsWrites(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		found := func(text string) []int64 { return searchIDs(t, s, news.SearchQuery{Text: text}) }
		st := story(n.world, 1, "Volcano erupts")
		st.Status, st.PublishedAt = news.StatusDraft, time.Time{}
		mustCreate(t, s, st)
		if got := found("volcano"); len(got) != 0 {
			t.Fatalf("a draft is found: %v", got)
		}
		st.Status, st.PublishedAt = news.StatusPublished, baseTime
		if err := s.UpdateStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		if got := found("volcanoes"); !reflect.DeepEqual(got, []int64{st.ID}) {
			t.Fatalf("published: found %v", got)
		}
		st.Headline, st.Lead, st.Body = "Eruption ends", "", ""
		if err := s.UpdateStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		if got := found("volcano"); len(got) != 0 {
			t.Errorf("the old headline is still found: %v", got)
		}
		if got := found("eruption"); len(got) != 1 {
			t.Errorf("the new headline is not found: %v", got)
		}
		revs, err := s.StoryRevisions(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		first := revs[len(revs)-1]
		if first.Version != 1 {
			first = revs[0]
		}
		restored, err := s.RestoreRevision(ctx, st.ID, first.ID, st.Version, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := found("volcano"); len(got) != 1 {
			t.Errorf("the restored headline is not found: %v", got)
		}
		restored.Status = news.StatusTrashed
		if err := s.UpdateStory(ctx, &restored); err != nil {
			t.Fatal(err)
		}
		if got := found("volcano"); len(got) != 0 {
			t.Errorf("a trashed story is found: %v", got)
		}
		if got := searchIDs(t, s, news.SearchQuery{Text: "volcano", Staff: true, Status: news.StatusTrashed}); len(got) != 1 {
			t.Errorf("the desk does not find the trashed story: %v", got)
		}
		if err := s.DeleteStory(ctx, restored.ID, restored.Version); err != nil {
			t.Fatal(err)
		}
		if got := searchIDs(t, s, news.SearchQuery{Text: "volcano", Staff: true, Status: news.StatusTrashed}); len(got) != 0 {
			t.Errorf("a deleted story is found: %v", got)
		}

		// The schedule publishes a story into the search.
		due := story(n.world, 2, "Scheduled glacier report")
		due.Status, due.PublishedAt = news.StatusScheduled, time.Now().Add(-time.Minute)
		mustCreate(t, s, due)
		if got := found("glacier"); len(got) != 0 {
			t.Fatalf("a scheduled story is found: %v", got)
		}
		if _, err := s.PublishDue(ctx); err != nil {
			t.Fatal(err)
		}
		if got := found("glacier"); !reflect.DeepEqual(got, []int64{due.ID}) {
			t.Errorf("after publishing the due story, found %v", got)
		}
	})
}
