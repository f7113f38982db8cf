package markup

import (
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraph", `<p>Plain <strong>bold</strong> and <em>italic</em></p>`,
			`<p>Plain <strong>bold</strong> and <em>italic</em></p>`},
		{"headings h2-h4 kept", `<h2>A</h2><h3>B</h3><h4>C</h4>`, `<h2>A</h2><h3>B</h3><h4>C</h4>`},
		{"h1 dropped, text kept", `<h1>Top</h1><p>x</p>`, `Top<p>x</p>`},
		{"link gets rel", `<a href="https://example.org/a">a</a>`,
			`<a href="https://example.org/a" rel="noopener noreferrer">a</a>`},
		{"relative link", `<a href="/tags/port">port</a>`,
			`<a href="/tags/port" rel="noopener noreferrer">port</a>`},
		{"mailto link", `<a href="mailto:desk@example.org">mail</a>`,
			`<a href="mailto:desk@example.org" rel="noopener noreferrer">mail</a>`},
		{"author rel replaced", `<a href="http://example.org" rel="opener" target="_blank">x</a>`,
			`<a href="http://example.org" rel="noopener noreferrer">x</a>`},
		{"blockquote and lists", `<blockquote><p>q</p></blockquote><ul><li>a</li></ul><ol start="3"><li>b</li></ol>`,
			`<blockquote><p>q</p></blockquote><ul><li>a</li></ul><ol start="3"><li>b</li></ol>`},
		{"figure", `<figure><img src="https://cdn.example.org/a.jpg" alt="Harbour" width="640"><figcaption>The harbour</figcaption></figure>`,
			`<figure><img src="https://cdn.example.org/a.jpg" alt="Harbour" width="640"><figcaption>The harbour</figcaption></figure>`},
		{"relative image", `<img src="/media/a.jpg" alt="">`, `<img src="/media/a.jpg" alt="">`},
		{"quotes kept as text", `<p>"We will," she said. “Yes.”</p>`, `<p>&#34;We will,&#34; she said. “Yes.”</p>`},

		// Attacks.
		{"script", `<p>hi</p><script>alert(1)</script>`, `<p>hi</p>`},
		{"script upper case", `<SCRIPT SRC=//evil.example/x.js></SCRIPT><p>ok</p>`, `<p>ok</p>`},
		{"img onerror", `<img src="x.jpg" onerror="alert(1)">`, `<img src="x.jpg">`},
		{"img javascript src", `<img src="javascript:alert(1)">`, ``},
		{"img data src", `<img src="data:image/svg+xml;base64,PHN2Zz4=">`, ``},
		{"img mailto src", `<img src="mailto:a@example.org">`, ``},
		{"javascript link", `<a href="javascript:alert(1)">x</a>`, `x`},
		{"javascript link mixed case", `<a href="JaVaScRiPt:alert(1)">x</a>`, `x`},
		{"javascript link entity", `<a href="jav&#x09;ascript:alert(1)">x</a>`, `x`},
		{"vbscript link", `<a href="vbscript:msgbox(1)">x</a>`, `x`},
		{"iframe", `<iframe src="https://evil.example/"></iframe><p>ok</p>`, `<p>ok</p>`},
		{"svg onload", `<svg onload="alert(1)"><circle r="1"/></svg>ok`, `ok`},
		{"style element", `<style>body{display:none}</style><p>ok</p>`, `<p>ok</p>`},
		{"style attribute", `<p style="position:fixed">ok</p>`, `<p>ok</p>`},
		{"onclick", `<p onclick="alert(1)">ok</p>`, `<p>ok</p>`},
		{"object", `<object data="x.swf"></object>ok`, `ok`},
		{"form", `<form action="/x"><input name="a"></form>ok`, `ok`},
		{"meta refresh", `<meta http-equiv="refresh" content="0;url=https://evil.example">ok`, `ok`},
		{"unclosed attribute", `<a href="https://example.org" onmouseover=alert(1)>x</a>`,
			`<a href="https://example.org" rel="noopener noreferrer">x</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitizeNoActiveContent(t *testing.T) {
	payloads := []string{
		`<scr<script>ipt>alert(1)</script>`,
		`<img src=x onerror=alert(1)//`,
		`<body onload=alert(1)>`,
		`<a href=" javascript:alert(1)">x</a>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		`<svg><script>alert(1)</script></svg>`,
		`<div style="background:url(javascript:alert(1))">x</div>`,
		`<base href="javascript:alert(1)//">`,
		`<embed src="x.swf">`,
		`<link rel="stylesheet" href="https://evil.example/x.css">`,
	}
	for _, p := range payloads {
		got := strings.ToLower(Sanitize(p))
		for _, bad := range []string{"<script", "onerror", "onload", "javascript:", "<iframe", "<svg", "<style", "<embed", "<link", "<base", "<body"} {
			if strings.Contains(got, bad) {
				t.Errorf("Sanitize(%q) = %q, holds %q", p, got, bad)
			}
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>\n"},
		{"emphasis", "*a* **b**", "<p><em>a</em> <strong>b</strong></p>\n"},
		{"h1 becomes h2", "# Top\n\n###### Deep", "<h2>Top</h2>\n<h4>Deep</h4>\n"},
		{"link", "[port](https://example.org/port)",
			`<p><a href="https://example.org/port" rel="noopener noreferrer">port</a></p>` + "\n"},
		{"blockquote", "> Words.\n", "<blockquote>\n<p>Words.</p>\n</blockquote>\n"},
		{"list", "- a\n- b\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"},
		{"image", "![Quay](/media/quay.jpg)", `<p><img src="/media/quay.jpg" alt="Quay"></p>` + "\n"},
		{"javascript link", "[x](javascript:alert(1))", "<p>x</p>\n"},
		{"raw script", "ok\n\n<script>alert(1)</script>\n", "<p>ok</p>\n\n"},
		{"raw figure kept", "<figure><img src=\"/a.jpg\" alt=\"\"><figcaption>Cap</figcaption></figure>\n",
			"<figure><img src=\"/a.jpg\" alt=\"\"><figcaption>Cap</figcaption></figure>\n"},
		{"raw onerror", "<img src=\"/a.jpg\" onerror=\"alert(1)\">\n", "<img src=\"/a.jpg\">\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Markdown(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Markdown(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
