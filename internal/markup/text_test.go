package markup

import (
	"testing"
	"unicode/utf8"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"none", nil, ""},
		{"two", []string{"One.", "Two."}, "<p>One.</p>\n<p>Two.</p>"},
		{"escaped", []string{`a < b & "c" > d`}, `<p>a &lt; b &amp; "c" &gt; d</p>`},
		{"script as text", []string{`<script>alert(1)</script>`}, `<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>`},
		{"blank skipped", []string{"a", "  ", "b"}, "<p>a</p>\n<p>b</p>"},
		{"curly quotes", []string{"“Yes,” she said."}, "<p>“Yes,” she said.</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Paragraphs(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"paragraphs", "<p>One.</p>\n<p>Two.</p>", "One.\n\nTwo."},
		{"inline", "<p>A <strong>bold</strong>\n  word</p>", "A bold word"},
		{"entities", "<p>a &lt; b &amp; &#34;c&#34;</p>", `a < b & "c"`},
		{"br", "<p>line one<br>line two</p>", "line one\nline two"},
		{"nested blocks", "<blockquote><p>Quote.</p></blockquote><ul><li>a</li><li>b</li></ul>", "Quote.\n\na\n\nb"},
		{"script hidden", "<p>ok</p><script>var x = 1;</script><style>p{}</style>", "ok"},
		{"image no text", `<figure><img src="/a.jpg" alt="x"><figcaption>Cap</figcaption></figure>`, "Cap"},
		{"round trip", Paragraphs([]string{`"Quote," he said.`, "Next & last."}), "\"Quote,\" he said.\n\nNext & last."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"short", "Short text.", 50, "Short text."},
		{"exact", "abcde", 5, "abcde"},
		{"word boundary", "The council met on Tuesday evening", 20, "The council met on…"},
		{"boundary at space", "The council met on Tuesday", 19, "The council met on…"},
		{"trailing comma", "Ports, roads, rails and bridges", 14, "Ports, roads…"},
		{"one long word", "Supercalifragilistic", 8, "Superca…"},
		{"whitespace collapsed", "a\n\nb   c", 10, "a b c"},
		{"cyrillic", "Городской совет утвердил бюджет", 20, "Городской совет…"},
		{"zero", "text", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Excerpt(tt.in, tt.max)
			if got != tt.want {
				t.Errorf("Excerpt(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.max {
				t.Errorf("Excerpt(%q, %d) is %d runes long", tt.in, tt.max, n)
			}
		})
	}
}
