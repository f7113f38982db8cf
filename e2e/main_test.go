package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Paths the tests share, set once by TestMain.
var (
	// repoRoot is the module root: the folder holding go.mod.
	repoRoot string
	// binary is the newsdesk binary built for this test run, or "" when
	// cmd/newsdesk does not exist yet and every test skips.
	binary string
	// buildSkip says why binary is empty.
	buildSkip string
)

// seedRel is the model page, relative to the repository root; the design
// names it and the tests check that newsdesk shows it correctly.
const seedRel = "../shared/seed/000_5f741f53da4da0b7.txt"

// TestMain builds newsdesk once for every test in the package, so each test
// runs the same binary that a newsroom would install.
func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := findRepoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	repoRoot = root
	tmp, err := os.MkdirTemp("", "newsdesk-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if _, err := os.Stat(filepath.Join(root, "cmd", "newsdesk")); err != nil {
		buildSkip = "cmd/newsdesk does not exist yet: nothing to run end to end"
		return m.Run()
	}
	out := filepath.Join(tmp, "newsdesk")
	cmd := exec.Command("go", "build", "-o", out, "./cmd/newsdesk")
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: go build ./cmd/newsdesk:", err)
		return 1
	}
	binary = out
	return m.Run()
}

// findRepoRoot walks up from the working directory (e2e/ under go test) to
// the folder holding go.mod.
func findRepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// requireBinary skips t when there is no newsdesk binary to test.
func requireBinary(t *testing.T) {
	t.Helper()
	if binary == "" {
		t.Skip(buildSkip)
	}
}

// seedPath returns the absolute path of the model page, skipping t when the
// shared data is absent (it is never part of the repository).
func seedPath(t *testing.T) string {
	t.Helper()
	p := filepath.Join(repoRoot, filepath.FromSlash(seedRel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("model page %s is absent (%v): skipping the seed story test", seedRel, err)
	}
	return p
}
