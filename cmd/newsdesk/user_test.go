package main

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
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
