package bench

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync/atomic"
	"testing"

	"newsdesk/internal/store"
	"newsdesk/internal/web"
)

// hotStories is how many different story pages BenchmarkPageCache cycles
// through: a day's worth of stories that readers are reading, which the
// default cache holds.
const hotStories = 1000

// servedSite opens the corpus and returns the public site's handler as
// `newsdesk serve` runs it, with the page cache kept in step by Watch, or
// with no page cache at all.
func servedSite(b *testing.B, cache bool) (http.Handler, []string) {
	db, urls := corpusFiles(b)
	st, err := store.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	cfg := web.Config{BaseURL: "http://127.0.0.1", CacheSize: -1}
	if cache {
		cfg.CacheSize = 0 // the default size
	}
	srv, err := web.NewServer(cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	if cache {
		// Watch makes the cache ready as soon as it has read the id of
		// the last change; the benchmarks fill the cache before timing.
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { srv.Watch(ctx); close(done) }()
		b.Cleanup(func() { cancel(); <-done })
	}
	return srv.Handler(), readURLs(b, urls)
}

// BenchmarkPageCache serves the same pages with the page cache on and off:
// the stories of a hot set, the home page and a deep section page.
func BenchmarkPageCache(b *testing.B) {
	for _, page := range []struct {
		name string
		path func(paths []string, r *rand.Rand, i int) string
	}{
		{"story", func(paths []string, _ *rand.Rand, i int) string { return paths[i%min(hotStories, len(paths))] }},
		// Any story at random, as BenchmarkStoryPage: nearly every request
		// misses, which shows what the cache costs a miss.
		{"random-story", func(paths []string, r *rand.Rand, _ int) string { return paths[r.IntN(len(paths))] }},
		{"home", func([]string, *rand.Rand, int) string { return "/" }},
		{"section", func([]string, *rand.Rand, int) string { return "/business/?page=7" }},
	} {
		for _, cache := range []bool{false, true} {
			name := page.name + "/cache=off"
			if cache {
				name = page.name + "/cache=on"
			}
			b.Run(name, func(b *testing.B) {
				h, paths := servedSite(b, cache)
				// Fill the cache first, as readers would have; twice, in
				// case the watcher was not ready for the first requests.
				warm := rand.New(rand.NewPCG(1, 1))
				for i := range 2 * min(hotStories, len(paths)) {
					serve(b, h, page.path(paths, warm, i))
				}
				b.ReportAllocs()
				b.ResetTimer()
				var seed atomic.Uint64
				b.RunParallel(func(pb *testing.PB) {
					r := rand.New(rand.NewPCG(seed.Add(1), 42))
					for i := 0; pb.Next(); i++ {
						serve(b, h, page.path(paths, r, i))
					}
				})
			})
		}
	}
}
