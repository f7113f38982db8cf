package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"newsdesk/internal/ingest"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// TestSearchQuality imports two real news corpora, Reuters-21578 in
// English and Russian Telegram news posts, and searches for every story by
// its own headline, as a reader who remembers it would: the story (or
// another with the very same headline) must come first in at least 95% of
// searches and in the top three in at least 99%, in each language. It
// prints the figures. The corpora are read in place from ../shared/data;
// the test skips a corpus that is absent.
func TestSearchQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("imports two corpora of 20,000 stories each")
	}
	corpora := []struct {
		name, edition, glob string
	}{
		{"Reuters-21578 (English)", "en", "reuters21578/reut2-*.sgm"},
		{"Telegram news posts (Russian)", "ru", "telegram_news_posts/*.json"},
	}
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		setupNewsroom(t, s)
		for _, c := range corpora {
			t.Run(c.edition, func(t *testing.T) {
				sts := importCorpus(t, s, c.edition, c.glob)
				var first, top3 int
				for _, st := range sts {
					res, err := s.Search(ctx, news.SearchQuery{Text: st.Headline, Edition: c.edition, Limit: 3})
					if err != nil {
						t.Fatal(err)
					}
					for i, h := range res.Hits {
						if h.Story.ID == st.ID || h.Story.Headline == st.Headline {
							if i == 0 {
								first++
							}
							top3++
							break
						}
					}
				}
				n := float64(len(sts))
				p1, p3 := 100*float64(first)/n, 100*float64(top3)/n
				t.Logf("%s on %s: %d stories; own headline first %.2f%%, in the top 3 %.2f%%", c.name, s.Dialect(), len(sts), p1, p3)
				if p1 < 95 || p3 < 99 {
					t.Errorf("first %.2f%% (want ≥ 95%%), top 3 %.2f%% (want ≥ 99%%)", p1, p3)
				}
			})
		}
	})
}

// importCorpus parses every file of the corpus and saves its stories in
// one transaction, as `newsdesk import` would file them.
func importCorpus(t *testing.T, s *store.Store, edition, glob string) []*news.Story {
	t.Helper()
	ctx := context.Background()
	pattern := filepath.Join("..", "..", "..", "shared", "data", glob)
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		t.Skipf("no file matches %s: the corpus is absent (see ../shared/data/SOURCES.md)", pattern)
	}
	ed, err := s.Edition(ctx, edition)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]news.Section{}
	var sts []*news.Story
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := ingest.Parse("auto", f, data, ed)
		if err != nil {
			t.Fatal(err)
		}
		for i := range parsed {
			st := &parsed[i]
			name := st.Section.Name
			if name == "" {
				name = "News"
			}
			sec, ok := sections[name]
			if !ok {
				if sec, err = s.EnsureSection(ctx, edition, name); err != nil {
					t.Fatal(err)
				}
				sections[name] = sec
			}
			st.Section = sec
			sts = append(sts, st)
		}
	}
	if err := s.CreateStories(ctx, sts); err != nil {
		t.Fatal(err)
	}
	if err := s.OptimizeSearch(ctx); err != nil {
		t.Fatal(err)
	}
	return sts
}
