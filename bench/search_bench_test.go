package bench

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// searchStore opens the corpus for the search benchmarks: the SQLite file
// that run.sh generates, or the database BENCH_DATABASE names (a
// postgres:// URL filled by bench/corpus).
func searchStore(b *testing.B) *store.Store {
	dsn := os.Getenv("BENCH_DATABASE")
	if dsn == "" {
		dsn, _ = corpusFiles(b)
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// commonPairs are two common words of the corpus each, as readers type
// them; every search also filters.
var commonPairs = []string{
	"oil prices", "interest rates", "trade deficit", "stock market", "company shares",
	"bank loans", "dollar exchange", "government budget", "wheat exports", "profit year",
}

// searchFilters are the filters the searches rotate through: a section,
// a media type, the last year, an edition.
func searchFilters(b *testing.B, st *store.Store) []news.SearchQuery {
	ctx := context.Background()
	var fs []news.SearchQuery
	for _, slug := range []string{"business", "markets", "world"} {
		sec, err := st.SectionBySlug(ctx, "en", slug)
		if err != nil {
			b.Fatalf("section %s: %v", slug, err)
		}
		fs = append(fs, news.SearchQuery{Edition: "en", SectionID: sec.ID})
	}
	last, err := st.ListStories(ctx, news.StoryFilter{Edition: "en", Status: news.StatusPublished, Limit: 1, NoTotal: true})
	if err != nil || len(last.Stories) == 0 {
		b.Fatalf("newest story: %v", err)
	}
	newest := last.Stories[0].PublishedAt
	fs = append(fs,
		news.SearchQuery{Edition: "en", Media: news.LabelVideo},
		news.SearchQuery{Edition: "en", From: newest.AddDate(-1, 0, 0)},
		news.SearchQuery{Edition: "en"},
	)
	return fs
}

// BenchmarkSearch runs searches of two common words and a filter, one
// after another, and reports the latency's percentiles: "page" is what
// the API asks by default (a page of results and the total), "facets"
// what the search page asks (the same with counts per section and media
// type), "newest" the page sorted newest first. Beside the wall-clock
// latency it reports the CPU time each search took on its thread
// (cpu-p50-ms, cpu-p95-ms): on a machine that other work keeps busy the
// wall clock measures the queue for a core as much as the search, while
// SQLite through modernc.org/sqlite runs a query on the calling thread.
func BenchmarkSearch(b *testing.B) {
	st := searchStore(b)
	filters := searchFilters(b, st)
	for _, c := range []struct {
		name   string
		facets bool
		sort   news.SearchSort
	}{{"page", false, ""}, {"facets", true, ""}, {"newest", false, news.SortNewest}} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			lat := make([]time.Duration, 0, b.N)
			cpu := make([]time.Duration, 0, b.N)
			hits := 0
			b.ResetTimer()
			for i := range b.N {
				q := filters[i%len(filters)]
				q.Text, q.Facets, q.Sort = commonPairs[(i/len(filters))%len(commonPairs)], c.facets, c.sort
				start, startCPU := time.Now(), threadCPU()
				res, err := st.Search(ctx, q)
				lat = append(lat, time.Since(start))
				cpu = append(cpu, threadCPU()-startCPU)
				if err != nil {
					b.Fatal(err)
				}
				hits += res.Total
			}
			b.StopTimer()
			at := func(ds []time.Duration, p float64) float64 {
				slices.Sort(ds)
				return float64(ds[int(p*float64(len(ds)-1))]) / 1e6
			}
			b.ReportMetric(at(lat, 0.5), "p50-ms")
			b.ReportMetric(at(lat, 0.95), "p95-ms")
			b.ReportMetric(at(lat, 0.99), "p99-ms")
			b.ReportMetric(at(cpu, 0.5), "cpu-p50-ms")
			b.ReportMetric(at(cpu, 0.95), "cpu-p95-ms")
			b.ReportMetric(float64(hits)/float64(b.N), "matches/op")
		})
	}
}

// BenchmarkSearchIndexSize reports the size of the database and of its
// search index (search_docs, the FTS5 table's shadow tables on SQLite;
// search_docs with its indexes on PostgreSQL), and the share the index
// adds to the database without it. It measures once, whatever b.N.
func BenchmarkSearchIndexSize(b *testing.B) {
	st := searchStore(b)
	sizes, err := st.TableSizes(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	var total, index int64
	var parts []string
	for name, n := range sizes {
		total += n
		if strings.HasPrefix(name, "search_") {
			index += n
			parts = append(parts, fmt.Sprintf("%s %.1f MB", name, float64(n)/1e6))
		}
	}
	slices.Sort(parts)
	b.Logf("%s: database %.1f MB, search index %.1f MB (%s)", st.Dialect(), float64(total)/1e6, float64(index)/1e6, strings.Join(parts, ", "))
	for range b.N {
	}
	b.ReportMetric(float64(total)/1e6, "db-MB")
	b.ReportMetric(float64(index)/1e6, "index-MB")
	b.ReportMetric(100*float64(index)/float64(total-index), "index-%")
}

// threadCPU is the CPU time the calling thread has used (Linux's
// RUSAGE_THREAD).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1, &ru); err != nil { // 1: RUSAGE_THREAD
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
