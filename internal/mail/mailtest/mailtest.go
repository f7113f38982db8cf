// Package mailtest runs mailpit, a real SMTP server with an HTTP API, for
// the tests of every package that sends mail, and reads back what it
// received.
package mailtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Mailpit is one running mailpit.
type Mailpit struct {
	SMTPPort int
	API      string // http://127.0.0.1:port/api/v1
}

// Start runs mailpit, a tool of this module (go.mod), on free ports of
// 127.0.0.1 until the test ends, and skips the test when it cannot be
// started.
func Start(t testing.TB) *Mailpit {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("mailpit not started: no go command to build it with")
	}
	// go tool -n builds mailpit once into the build cache and prints the
	// path of the binary, so later runs start it at once.
	out, err := exec.Command(goBin, "tool", "-n", "mailpit").Output()
	if err != nil {
		t.Skipf("mailpit not started: go tool -n mailpit: %v", err)
	}
	bin := strings.TrimSpace(string(out))
	mp := &Mailpit{SMTPPort: freePort(t)}
	httpAddr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	mp.API = "http://" + httpAddr + "/api/v1"

	var stderr bytes.Buffer
	cmd := exec.Command(bin,
		"--smtp", fmt.Sprintf("127.0.0.1:%d", mp.SMTPPort),
		"--listen", httpAddr,
		"--database", filepath.Join(t.TempDir(), "mailpit.db"),
		"--smtp-auth-accept-any", "--smtp-auth-allow-insecure",
		"--disable-version-check", "--quiet")
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Skipf("mailpit not started: %v", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})

	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(mp.API + "/messages")
		if err == nil {
			resp.Body.Close()
			if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", mp.SMTPPort)); err == nil {
				c.Close()
				return mp
			}
		}
		select {
		case <-exited:
			t.Skipf("mailpit not started: it exited: %s", stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Skipf("mailpit not started: not listening after 10s: %s", stderr.String())
		}
	}
}

func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// Address is a sender or recipient as mailpit reports it.
type Address struct{ Name, Address string }

// Message is a message mailpit received.
type Message struct {
	ID       string
	Username string // the SMTP user that sent it, if any
	From     Address
	To       []Address
	Subject  string
	Text     string
	HTML     string
}

// Messages returns every message to the address, oldest first, bodies
// included.
func (mp *Mailpit) Messages(t testing.TB, to string) []Message {
	t.Helper()
	var list struct{ Messages []Message }
	mp.getJSON(t, "/messages", &list)
	var found []Message
	// mailpit lists the newest first.
	for i := len(list.Messages) - 1; i >= 0; i-- {
		m := list.Messages[i]
		if len(m.To) == 1 && strings.EqualFold(m.To[0].Address, to) {
			var full Message
			mp.getJSON(t, "/message/"+m.ID, &full)
			found = append(found, full)
		}
	}
	return found
}

// Message returns the one message mailpit holds for to, failing the test
// when there are none or several.
func (mp *Mailpit) Message(t testing.TB, to string) Message {
	t.Helper()
	found := mp.Messages(t, to)
	if len(found) != 1 {
		t.Fatalf("mailpit holds %d messages to %s, want 1", len(found), to)
	}
	return found[0]
}

// Last returns the newest message to to, failing the test when there is
// none.
func (mp *Mailpit) Last(t testing.TB, to string) Message {
	t.Helper()
	found := mp.Messages(t, to)
	if len(found) == 0 {
		t.Fatalf("mailpit holds no message to %s", to)
	}
	return found[len(found)-1]
}

// linkRE finds the links in a plain text body.
var linkRE = regexp.MustCompile(`https?://[^\s<>"]+`)

// Link returns the first link in m's text that contains part, failing
// the test when there is none.
func (m Message) Link(t testing.TB, part string) string {
	t.Helper()
	for _, l := range linkRE.FindAllString(m.Text, -1) {
		if strings.Contains(l, part) {
			return l
		}
	}
	t.Fatalf("message %q has no link with %q:\n%s", m.Subject, part, m.Text)
	return ""
}

func (mp *Mailpit) getJSON(t testing.TB, path string, v any) {
	t.Helper()
	resp, err := http.Get(mp.API + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}
