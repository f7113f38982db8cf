package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// seedPage is the model page, read from the shared folder beside the project.
const seedPage = "../../../shared/seed/000_5f741f53da4da0b7.txt"

// startServer runs `newsdesk serve` in-process and returns its base URL.
func startServer(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), noEnv, nil, pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("read listening line: %v", err)
	}
	go io.Copy(io.Discard, pr)
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "newsdesk: listening on ")
	if !ok {
		t.Fatalf("first line = %q, want the listening address", line)
	}
	return url
}

func noEnv(string) string { return "" }

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", url, err)
	}
	return resp.StatusCode, string(body)
}

// runCmd runs newsdesk with args and returns its output and exit code.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, noEnv, nil, &out, &errb)
	if err != nil {
		code = exitCode(err)
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), code
}

func TestServeDemo(t *testing.T) {
	base := startServer(t, "--data", t.TempDir(), "--demo")
	code, body := get(t, base+"/")
	if code != http.StatusOK {
		t.Fatalf("GET / = %d, want 200", code)
	}
	if n := strings.Count(body, "<article"); n < 10 {
		t.Errorf("home page has %d story cards, want at least 10", n)
	}
	if code, _ := get(t, base+"/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz = %d, want 200", code)
	}
	if code, _ := get(t, base+"/no-such-section/"); code != http.StatusNotFound {
		t.Errorf("GET unknown section = %d, want 404", code)
	}
}

func TestServeDemoTwiceAddsNothing(t *testing.T) {
	dir := t.TempDir()
	count := func() int {
		base := startServer(t, "--data", dir, "--demo")
		_, body := get(t, base+"/")
		return strings.Count(body, "<article")
	}
	first := count()
	if second := count(); second != first {
		t.Errorf("home page after second --demo start has %d stories, first had %d", second, first)
	}
}

func TestImportSeed(t *testing.T) {
	if _, err := os.Stat(seedPage); err != nil {
		t.Skipf("model page %s not found: %v", seedPage, err)
	}
	dir := t.TempDir()
	out, errOut, code := runCmd(t, "import", "--data", dir, "--format", "text", seedPage)
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	m := regexp.MustCompile(`imported story (\d+): (/\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("import printed %q, want the new story's path", out)
	}

	out, errOut, code = runCmd(t, "import", "--data", dir, seedPage)
	if code != 0 || !strings.Contains(out, "already imported as story "+m[1]) {
		t.Errorf("second import = %d %q %q, want already imported as story %s", code, out, errOut, m[1])
	}

	base := startServer(t, "--data", dir)
	status, body := get(t, base+m[2])
	if status != http.StatusOK {
		t.Fatalf("GET %s = %d", m[2], status)
	}
	for _, want := range []string{"31 Jan, 2018 02:43", "Locals want US troops out of Iraq", "Ruptly"} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	for _, debris := range []string{"icon bookmark", "27:33", "(VIDEO)"} {
		if strings.Contains(body, debris) {
			t.Errorf("story page contains scraper debris %q", debris)
		}
	}
}

func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "not-a-story.txt")
	if err := os.WriteFile(bad, []byte("just one line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"not a story page", []string{"import", "--data", dir, bad}, "not-a-story.txt"},
		{"missing file", []string{"import", "--data", dir, filepath.Join(dir, "absent.txt")}, "absent.txt"},
		{"no file named", []string{"import", "--data", dir}, "name at least one file"},
		{"unknown edition", []string{"import", "--data", dir, "--edition", "xx", bad}, `no edition "xx"`},
		{"unknown flag", []string{"import", "--bogus"}, "bogus"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCmd(t, tt.args...)
			if code != 2 {
				t.Errorf("exit code = %d, want 2", code)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr = %q, want it to mention %q", errOut, tt.wantErr)
			}
		})
	}

	base := startServer(t, "--data", dir)
	if _, body := get(t, base+"/"); strings.Contains(body, "just one line") {
		t.Error("a rejected file left a story behind")
	}
}

// TestServeDemoMedia: the demo has a photo gallery and a video story whose
// files newsdesk made itself, served from the media library.
func TestServeDemoMedia(t *testing.T) {
	base := startServer(t, "--data", t.TempDir(), "--demo")
	_, home := get(t, base+"/")
	for _, want := range []struct{ slug, has, file string }{
		{"in-pictures-a-day-on-the-port-alder-waterfront", `class="gallery-thumb"`, ".jpg"},
		{"watch-the-tide-comes-in-at-port-alder", `<video controls`, ".mp4"},
	} {
		m := regexp.MustCompile(`href="(/world/\d+-` + want.slug + `)"`).FindStringSubmatch(home)
		if m == nil {
			t.Errorf("the home page does not link the demo story %s", want.slug)
			continue
		}
		code, page := get(t, base+m[1])
		if code != http.StatusOK || !strings.Contains(page, want.has) {
			t.Errorf("GET %s = %d, want a page with %s", m[1], code, want.has)
			continue
		}
		file := regexp.MustCompile(`/media/[0-9a-f]{32}\` + want.file).FindString(page)
		if code, body := get(t, base+file); code != http.StatusOK || len(body) < 1000 {
			t.Errorf("GET %s = %d, %d bytes", file, code, len(body))
		}
	}
}
