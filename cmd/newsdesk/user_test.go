package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"newsdesk/internal/config"
)

// runWithStdin runs newsdesk with args and the given standard input.
func runWithStdin(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, noEnv, strings.NewReader(stdin), &out, &errb)
	code := 0
	if err != nil {
		code = exitCode(err)
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), code
}

var linkLine = regexp.MustCompile(`one-time sign-in link \(valid for [^)]+\): (\S+/desk/signin/\S+)`)

func TestUserAdd(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := runWithStdin(t, "a long enough password\n", "user", "add", "--data", dir, "--email", "Ed@Example.com", "--role", "editor", "--name", "Ed Itor")
	if code != 0 || !strings.Contains(out, "added editor ed@example.com") {
		t.Fatalf("user add with a piped password = %d %q %q", code, out, errOut)
	}
	out, errOut, code = runWithStdin(t, "", "user", "add", "--data", dir, "--email", "new@example.com", "--role", "author", "--base-url", "https://news.example/")
	m := linkLine.FindStringSubmatch(out)
	if code != 0 || m == nil || !strings.HasPrefix(m[1], "https://news.example/desk/signin/") {
		t.Fatalf("user add without a password = %d %q %q, want a sign-in link", code, out, errOut)
	}

	tests := []struct {
		name, stdin string
		args        []string
		code        int
		wantErr     string
	}{
		{"taken address", "", []string{"--email", "ED@example.com", "--role", "author"}, 1, "already exists"},
		{"unknown role", "", []string{"--email", "x@example.com", "--role", "owner"}, 2, "role"},
		{"bad address", "", []string{"--email", "x", "--role", "author"}, 2, "email"},
		{"short password", "short\n", []string{"--email", "y@example.com", "--role", "author"}, 2, "at least 10"},
		{"no role", "", []string{"--email", "z@example.com"}, 2, "--role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runWithStdin(t, tt.stdin, append([]string{"user", "add", "--data", dir}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("exit %d %q, want %d and %q", code, errOut, tt.code, tt.wantErr)
			}
		})
	}

	// The password works at the desk, and the link opens its page.
	base := startServer(t, "--data", dir)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.PostForm(base+"/desk/signin", url.Values{"email": {"ed@example.com"}, "password": {"a long enough password"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("sign in with the piped password = %d, want 303", resp.StatusCode)
	}
	path := strings.TrimPrefix(m[1], "https://news.example")
	if code, body := get(t, base+path); code != http.StatusOK || !strings.Contains(body, "new@example.com") {
		t.Errorf("GET %s = %d", path, code)
	}
}

// demoLinkLine is what serve --demo prints after its listening line.
var demoLinkLine = regexp.MustCompile(`^newsdesk: sign in to the desk as the demo admin admin@example\.com with this one-time link: (http://127\.0\.0\.1:\d+)(/desk/signin/\S+)$`)

func TestServeDemoStaff(t *testing.T) {
	dir := t.TempDir()
	// serveLines starts serve --demo and returns its first two lines.
	serveLines := func() (string, string) {
		ctx, cancel := context.WithCancel(context.Background())
		pr, pw := io.Pipe()
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--data", dir, "--demo"}, noEnv, nil, pw, io.Discard)
			pw.Close()
		}()
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
		r := bufio.NewReader(pr)
		first, _ := r.ReadString('\n')
		second, _ := r.ReadString('\n')
		go io.Copy(io.Discard, r)
		return strings.TrimSpace(first), strings.TrimSpace(second)
	}
	_, second := serveLines()
	m := demoLinkLine.FindStringSubmatch(second)
	if m == nil {
		t.Fatalf("second line of serve --demo = %q, want the admin's sign-in link", second)
	}
	base, path := m[1], m[2]
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.PostForm(base+path, url.Values{"password": {"demo admin password"}, "confirm": {"demo admin password"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("using the demo link = %d, want 303", resp.StatusCode)
	}
	for _, email := range []string{"editor@example.com", "author@example.com", "contributor@example.com"} {
		if out, _, _ := runWithStdin(t, "", "user", "add", "--data", dir, "--email", email, "--role", "author"); out != "" {
			t.Errorf("demo staff %s missing: user add succeeded", email)
		}
	}
	// Once the admin has a password, a restart prints no link.
	st, err := openStore(context.Background(), config.Config{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if admin, err := ensureDemoStaff(context.Background(), st, slog.New(slog.DiscardHandler)); err != nil || admin.ID != 0 {
		t.Errorf("ensureDemoStaff after the admin chose a password = %+v, %v; want no admin to link", admin, err)
	}
}
