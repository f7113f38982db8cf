package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkStoryPage renders an uncached story page, middleware included,
// over a SQLite store of a few thousand stories, from as many goroutines as
// there are CPUs: the page that readers arriving from search and social
// links hit most.
func BenchmarkStoryPage(b *testing.B) {
	f := newFixture(b, 3000)
	paths := make([]string, 0, 64)
	for id := int64(1); len(paths) < cap(paths); id += 37 {
		x, err := f.store.Story(b.Context(), id)
		if err != nil {
			b.Fatal(err)
		}
		paths = append(paths, fmt.Sprintf("/%s/%d-%s", x.Section.Slug, x.ID, x.Slug))
	}
	f.mustGet(b, paths[0], http.StatusOK)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			w := httptest.NewRecorder()
			f.handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, paths[i%len(paths)], nil))
			if w.Code != http.StatusOK {
				b.Fatalf("GET %s: status %d", paths[i%len(paths)], w.Code)
			}
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
