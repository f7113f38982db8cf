package e2e

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// site is one running newsdesk server with its own data folder.
type site struct {
	URL  string // http://127.0.0.1:PORT, no trailing slash
	Data string // the --data folder
	// SeedPath is the path that `newsdesk import` printed for the model page,
	// or "" when the site was started without it.
	SeedPath string
	// Imported are the paths printed for opts.Texts, in order.
	Imported []string
}

// siteOptions says what a test needs in its site.
type siteOptions struct {
	Seed  bool     // import the model page before serving
	Texts []string // further text pages to import into section "News"
	// SMTPPort, when set, sends the site's mail to an SMTP server on
	// 127.0.0.1 at that port (mailpit, in the tests), in plain text.
	SMTPPort int
}

// startSite runs `newsdesk serve --demo` on a free loopback port with a
// fresh data folder until the test ends, with what opts asks for imported.
// Demo content goes only into an empty database, so the demo is filled by a
// first start, and the imports happen while that server is stopped.
func startSite(t *testing.T, opts siteOptions) *site {
	t.Helper()
	requireBinary(t)
	s := &site{Data: t.TempDir()}
	args := []string{"--addr", "127.0.0.1:0", "--data", s.Data, "--demo"}
	if opts.SMTPPort != 0 {
		args = append(args, "--smtp-host", "127.0.0.1", "--smtp-port", strconv.Itoa(opts.SMTPPort), "--smtp-tls", "none")
	}
	if !opts.Seed && len(opts.Texts) == 0 {
		s.URL, _ = serve(t, args...)
		return s
	}
	_, stopDemo := serve(t, args...)
	stopDemo()
	if opts.Seed {
		out := newsdesk(t, "import", "--data", s.Data, "--format", "text", seedPath(t))
		s.SeedPath = importedPath(t, out)
	}
	if len(opts.Texts) > 0 {
		out := newsdesk(t, append([]string{"import", "--data", s.Data, "--format", "text"}, opts.Texts...)...)
		s.Imported = importedPaths(out)
		if len(s.Imported) != len(opts.Texts) {
			t.Fatalf("imported %d stories from %d text pages; newsdesk import printed:\n%s", len(s.Imported), len(opts.Texts), out)
		}
	}
	s.URL, _ = serve(t, args...)
	return s
}

// importLine is what `newsdesk import` prints for each new story.
var importLine = regexp.MustCompile(`^imported story (\d+): (/\S+)$`)

// importedPath returns the story path from the first "imported story" line.
func importedPath(t *testing.T, out string) string {
	t.Helper()
	if paths := importedPaths(out); len(paths) > 0 {
		return paths[0]
	}
	t.Fatalf("newsdesk import printed no %q line; it printed:\n%s", "imported story N: /path", out)
	return ""
}

// importedPaths returns the story paths of every "imported story" line.
func importedPaths(out string) []string {
	var paths []string
	for _, line := range strings.Split(out, "\n") {
		if m := importLine.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			paths = append(paths, m[2])
		}
	}
	return paths
}

// newsdesk runs the binary to completion and returns its standard output,
// failing the test with its standard error when it does not exit 0.
func newsdesk(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = cleanEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("newsdesk %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// cleanEnv is the test's environment without NEWSDESK_* variables, so a
// developer's own settings cannot leak into the server under test.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEWSDESK_") {
			env = append(env, kv)
		}
	}
	return env
}

// listenLine is the one line `newsdesk serve` prints on standard output.
var listenLine = regexp.MustCompile(`^newsdesk: listening on (http://127\.0\.0\.1:\d+)$`)

// serve starts `newsdesk serve args...`, waits for its listening line and
// returns the base URL and a func that stops the server: SIGTERM, then a
// clean exit is expected. The test's cleanup stops it if the test did not.
func serve(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"serve"}, args...)...)
	cmd.Env = cleanEnv()
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start newsdesk serve: %v", err)
	}
	exited := make(chan error, 1)
	lines := make(chan string, 1)
	go func() {
		r := bufio.NewReader(stdout)
		line, _ := r.ReadString('\n')
		lines <- strings.TrimSpace(line)
		io.Copy(io.Discard, r) // keep the pipe drained until the server exits
		exited <- cmd.Wait()
	}()
	var once sync.Once
	stopOnce := func() { once.Do(func() { stop(t, cmd, exited, stderr) }) }
	t.Cleanup(stopOnce)

	select {
	case line := <-lines:
		m := listenLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("newsdesk serve: first stdout line is %q, want %q\nstderr:\n%s",
				line, "newsdesk: listening on http://127.0.0.1:PORT", stderr.String())
		}
		waitHealthy(t, m[1])
		return m[1], stopOnce
	case <-time.After(60 * time.Second):
		t.Fatalf("newsdesk serve printed no listening line within 60s\nstderr:\n%s", stderr.String())
	}
	return "", stopOnce
}

// stop ends the server the way a service manager would and reports an
// unclean exit, with the server's log when the test failed.
func stop(t *testing.T, cmd *exec.Cmd, exited <-chan error, stderr *lockedBuffer) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Errorf("signal newsdesk serve: %v", err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("newsdesk serve did not exit cleanly on SIGTERM: %v", err)
		}
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Errorf("newsdesk serve still running 15s after SIGTERM; killed")
	}
	if t.Failed() {
		t.Logf("newsdesk serve stderr:\n%s", stderr.String())
	}
}

// waitHealthy polls /healthz, since the listening line may come before every
// part of the server is ready.
func waitHealthy(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
			err = fmt.Errorf("status %s", resp.Status)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s/healthz not ready after 30s: %v", base, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lockedBuffer collects the server's log while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
