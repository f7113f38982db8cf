package markup

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// showDiff writes ops as text with deletions as [-...-] and insertions as
// {+...+}, the way git's word diff does.
func showDiff(ops []DiffOp) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Kind {
		case DiffEqual:
			b.WriteString(op.Text)
		case DiffInsert:
			b.WriteString("{+" + op.Text + "+}")
		case DiffDelete:
			b.WriteString("[-" + op.Text + "-]")
		}
	}
	return b.String()
}

func TestDiffWords(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"both empty", "", "", ""},
		{"same", "The cat sat.", "The cat sat.", "The cat sat."},
		{"from nothing", "", "New text", "{+New text+}"},
		{"to nothing", "Old text", "", "[-Old text-]"},
		{"word replaced", "The cat sat.", "The dog sat.", "The [-cat -]{+dog +}sat."},
		{"word inserted", "The cat sat.", "The black cat sat.", "The {+black +}cat sat."},
		{"word deleted", "The black cat sat.", "The cat sat.", "The [-black -]cat sat."},
		{"at the end", "The cat sat", "The cat sat down", "The cat sat{+ down+}"},
		{"punctuation alone", "Yes, she said.", "Yes; she said.", "Yes[-, -]{+; +}she said."},
		{"only spacing", "The  cat sat.", "The cat sat.", "The cat sat."},
		{"paragraphs kept apart", "One two.\n\nThree.", "One two.\n\nThree four.", "One two.\n\nThree{+ four+}."},
		{"paragraph split", "One two three.", "One two.\n\nThree.", "One two[- three-]{+.\n\nThree+}."},
		{"cyrillic", "Президент сказал", "Премьер сказал", "[-Президент -]{+Премьер +}сказал"},
		{"numbers", "Up 12% on Monday", "Up 15% on Monday", "Up [-12-]{+15+}% on Monday"},
		{"all different", "alpha beta", "gamma delta", "[-alpha beta-]{+gamma delta+}"},
		{"moved word", "a b c d", "b c d a", "[-a -]b c d{+ a+}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := showDiff(DiffWords(tt.a, tt.b))
			if got != tt.want {
				t.Errorf("DiffWords(%q, %q)\n got %q\nwant %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestDiffWordsSpellsBothTexts checks on random edits that the runs spell
// the new text and, but for white space, the old one, and that no two
// neighbouring runs share a kind.
func TestDiffWordsSpellsBothTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the a cat dog sat ran on mat , . today yesterday Москва 2018")
	text := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString([]string{" ", " ", " ", "\n\n"}[r.IntN(4)])
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		return b.String()
	}
	for i := range 300 {
		a, b := text(r.IntN(40)), text(r.IntN(40))
		if i%2 == 0 && a != "" {
			// Most edits are small: change a few words of a.
			fs := strings.Fields(a)
			for range 3 {
				fs[r.IntN(len(fs))] = words[r.IntN(len(words))]
			}
			b = strings.Join(fs, " ")
		}
		ops := DiffWords(a, b)
		var olds, news strings.Builder
		for j, op := range ops {
			if j > 0 && ops[j-1].Kind == op.Kind {
				t.Fatalf("neighbouring runs of one kind in %q", showDiff(ops))
			}
			if op.Kind != DiffInsert {
				olds.WriteString(op.Text)
			}
			if op.Kind != DiffDelete {
				news.WriteString(op.Text)
			}
		}
		if news.String() != b {
			t.Fatalf("new side of %s = %q, want %q", showDiff(ops), news.String(), b)
		}
		if got, want := strings.Fields(olds.String()), strings.Fields(a); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("old side of %s = %q, want %q", showDiff(ops), got, want)
		}
	}
}

// TestDiffWordsMinimal checks the number of changed words against a
// dynamic-programming longest common subsequence.
func TestDiffWordsMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		a := randomWords(r, r.IntN(30))
		b := randomWords(r, r.IntN(30))
		ops := DiffWords(strings.Join(a, " "), strings.Join(b, " "))
		changed := 0
		for _, op := range ops {
			if op.Kind != DiffEqual {
				changed += len(strings.Fields(op.Text))
			}
		}
		if want := len(a) + len(b) - 2*lcsLen(a, b); changed != want {
			t.Fatalf("%s: %d words changed, want %d", showDiff(ops), changed, want)
		}
	}
}

func randomWords(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = string(rune('a' + r.IntN(4)))
	}
	return out
}

func lcsLen(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

func TestDiffWordsTooFarApart(t *testing.T) {
	// More edits than the bound: the middle is replaced as a whole, and
	// both texts are still spelled out.
	var a, b []string
	for i := range maxDiffEdits {
		a = append(a, fmt.Sprintf("old%d", i))
		b = append(b, fmt.Sprintf("new%d", i))
	}
	ops := DiffWords("Same start "+strings.Join(a, " ")+" same end", "Same start "+strings.Join(b, " ")+" same end")
	if len(ops) != 4 || ops[0].Text != "Same start " || ops[3].Text != "same end" {
		t.Fatalf("got %d runs, want equal, delete, insert, equal: %.200s", len(ops), showDiff(ops))
	}
}

func TestDiffHTML(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"markup only", "<p>The <b>cat</b> sat.</p>", "<p>The <i>cat</i> sat.</p>", "The cat sat."},
		{"text in markup", "<p>The cat sat.</p><p>On a mat.</p>", "<p>The cat sat.</p><p>On the mat.</p>",
			"The cat sat.\n\nOn [-a -]{+the +}mat."},
		{"entities", "<p>Fish &amp; chips</p>", "<p>Fish &amp; peas</p>", "Fish & [-chips-]{+peas+}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := showDiff(DiffHTML(tt.a, tt.b)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDiffChanged(t *testing.T) {
	if DiffChanged(DiffWords("same", "same")) {
		t.Error("DiffChanged reports a change between equal texts")
	}
	if !DiffChanged(DiffWords("same", "other")) {
		t.Error("DiffChanged reports no change between different texts")
	}
}
