package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// benchStories is the size of the benchmark corpus; set
// NEWSDESK_BENCH_STORIES to try a larger newsroom.
func benchStories(b *testing.B) int {
	if v := os.Getenv("NEWSDESK_BENCH_STORIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("NEWSDESK_BENCH_STORIES=%q: want a positive number", v)
		}
		return n
	}
	return 5000
}

// benchCorpus is a SQLite newsroom of generated stories: a few sections,
// tags used unevenly (as real ones are) and a pool of authors.
type benchCorpus struct {
	s       *store.Store
	ids     []int64
	tags    []news.Tag
	section []news.Section
}

func newBenchCorpus(b *testing.B) *benchCorpus {
	b.Helper()
	ctx := context.Background()
	// NEWSDESK_BENCH_DB keeps the corpus in a file for the next run, so
	// that a large one is generated once.
	path := os.Getenv("NEWSDESK_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	c := &benchCorpus{s: s}
	if err := s.SaveEdition(ctx, news.StarterEditions()[0]); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"World", "Business", "Sport", "Science", "Culture", "Opinion"} {
		sec, err := s.EnsureSection(ctx, "en", name)
		if err != nil {
			b.Fatal(err)
		}
		c.section = append(c.section, sec)
	}
	total := benchStories(b)
	if list, err := s.ListStories(ctx, news.StoryFilter{Limit: 1}); err != nil {
		b.Fatal(err)
	} else if list.Total > 0 {
		// A kept corpus: its stories were numbered from 1 as they were made.
		for id := range int64(list.Total) {
			c.ids = append(c.ids, id+1)
		}
		return c.withTags(b)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rng, 1.2, 1, 499)
	start := time.Now()
	const batch = 1000
	for done := 0; done < total; done += batch {
		var sts []*news.Story
		for i := done; i < min(done+batch, total); i++ {
			st := story(c.section[rng.IntN(len(c.section))], i, fmt.Sprintf("Generated story number %d about things", i))
			st.PublishedAt = baseTime.Add(time.Duration(i) * time.Minute)
			st.Body = "<p>" + st.Lead + "</p><p>Another paragraph of the generated story body.</p>"
			for range 1 + rng.IntN(4) {
				st.Tags = append(st.Tags, news.Tag{Name: "topic " + strconv.FormatUint(zipf.Uint64(), 10)})
			}
			st.Bylines = []news.Author{{Name: "Writer " + strconv.Itoa(rng.IntN(50))}}
			sts = append(sts, st)
		}
		if err := s.CreateStories(ctx, sts); err != nil {
			b.Fatal(err)
		}
		for _, st := range sts {
			c.ids = append(c.ids, st.ID)
		}
	}
	b.Logf("%d stories loaded in %v", total, time.Since(start).Round(time.Millisecond))
	return c.withTags(b)
}

// withTags picks tags of very different sizes for the tag page lists.
func (c *benchCorpus) withTags(b *testing.B) *benchCorpus {
	ctx := context.Background()
	for _, slug := range []string{"topic-0", "topic-1", "topic-10", "topic-100"} {
		if tag, err := c.s.TagBySlug(ctx, "en", slug); err == nil {
			c.tags = append(c.tags, tag)
		}
	}
	return c
}

// BenchmarkStory measures what an uncached story page reads: the story,
// then its related stories.
func BenchmarkStory(b *testing.B) {
	c := newBenchCorpus(b)
	ctx := context.Background()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		rng := rand.New(rand.NewPCG(rand.Uint64(), 0))
		for pb.Next() {
			st, err := c.s.Story(ctx, c.ids[rng.IntN(len(c.ids))])
			if err != nil {
				b.Error(err)
				return
			}
			if _, err := c.s.RelatedStories(ctx, st, 5); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkListStories measures the lists of the public site: the home
// page, a deep page of a section and a popular tag's page.
func BenchmarkListStories(b *testing.B) {
	c := newBenchCorpus(b)
	ctx := context.Background()
	filters := map[string]news.StoryFilter{
		"home":    {Edition: "en", Status: news.StatusPublished},
		"section": {Edition: "en", SectionID: c.section[0].ID, Status: news.StatusPublished, Page: 5},
		"tag":     {Edition: "en", TagID: c.tags[0].ID, Status: news.StatusPublished, Page: 2},
		"desk":    {Edition: "en", Page: 3},
	}
	for _, name := range []string{"home", "section", "tag", "desk"} {
		f := filters[name]
		b.Run(name, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					list, err := c.s.ListStories(ctx, f)
					if err != nil {
						b.Error(err)
						return
					}
					if len(list.Stories) == 0 {
						b.Errorf("%s: empty list", name)
						return
					}
				}
			})
		})
	}
}
