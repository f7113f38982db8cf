package bench

import (
	"bufio"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
)

// The benchmarks serve the corpus that run.sh generates; BENCH_N picks its
// size (default 100000).
func corpusFiles(b *testing.B) (db, urls string) {
	n := os.Getenv("BENCH_N")
	if n == "" {
		n = "100000"
	}
	db = filepath.Join("out", "corpus-"+n+".db")
	urls = filepath.Join("out", "corpus-"+n+".urls")
	for _, f := range []string{db, urls} {
		if _, err := os.Stat(f); err != nil {
			b.Skipf("bench/%s is absent: generate it with bench/run.sh or go run ./bench/corpus -db bench/%s -n %s -urls bench/%s", f, db, n, urls)
		}
	}
	return db, urls
}

// site opens the corpus and returns the public site's handler, without
// the page cache, and the paths of its stories.
func site(b *testing.B) (http.Handler, []string) { return servedSite(b, false) }

// readURLs reads the story paths that the corpus generator listed.
func readURLs(b *testing.B, urls string) []string {
	f, err := os.Open(urls)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var paths []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		paths = append(paths, sc.Text())
	}
	return paths
}

// serve runs GET path through h and fails b unless it answers 200.
func serve(b *testing.B, h http.Handler, path string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	rec := &discardRecorder{header: http.Header{}}
	h.ServeHTTP(rec, req)
	if rec.status != 0 && rec.status != http.StatusOK {
		b.Fatalf("GET %s: status %d", path, rec.status)
	}
}

// BenchmarkStoryPage renders a different random story on every request, as
// the uncached story page of the load test does.
func BenchmarkStoryPage(b *testing.B) {
	h, paths := site(b)
	var seed atomic.Uint64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		r := rand.New(rand.NewPCG(seed.Add(1), 42))
		for pb.Next() {
			serve(b, h, paths[r.IntN(len(paths))])
		}
	})
}

// BenchmarkHomePage renders the front page of the main edition.
func BenchmarkHomePage(b *testing.B) {
	h, _ := site(b)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			serve(b, h, "/")
		}
	})
}

// BenchmarkSectionPages renders deep pages of a long section list.
func BenchmarkSectionPages(b *testing.B) {
	h, _ := site(b)
	var n atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			serve(b, h, "/business/?page="+strconv.FormatInt(1+n.Add(1)%200, 10))
		}
	})
}

// discardRecorder is a ResponseWriter that keeps only the status, so the
// benchmark measures the server rather than buffering of the response.
type discardRecorder struct {
	header http.Header
	status int
}

func (r *discardRecorder) Header() http.Header { return r.header }

func (r *discardRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}

func (r *discardRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return io.Discard.Write(p)
}
