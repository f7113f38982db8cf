package feeds_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk/internal/feeds"
)

// sample is a feed with the awkward parts: markup and a CDATA terminator
// in the body, Cyrillic, an item without byline and one with enclosures.
func sample() feeds.Feed {
	pub := time.Date(2018, 1, 31, 2, 43, 0, 0, time.UTC)
	return feeds.Feed{
		Title:       "World — Example News",
		Description: "Stories from the world desk",
		Language:    "en",
		Link:        "https://news.example/world/",
		Self:        "https://news.example/world/feed.xml",
		Icon:        "https://news.example/static/favicon.svg",
		Items: []feeds.Item{
			{
				ID:          "https://news.example/world/42-talks-resume",
				URL:         "https://news.example/world/42-talks-resume",
				Title:       "Talks resume & <markets> rally",
				Summary:     "Negotiators met again on Tuesday.",
				ContentHTML: `<p>Negotiators <em>met</em> again.</p><p>A stray ]]&gt; and ]]> stay text.</p>`,
				Published:   pub,
				Updated:     pub.Add(2 * time.Hour),
				Authors:     []string{"Ann Writer", "Boris Reporter"},
				Categories:  []string{"Diplomacy", "Markets"},
				Image:       "https://news.example/media/a.jpg",
				Enclosures: []feeds.Enclosure{
					{URL: "https://news.example/media/v.mp4", Type: "video/mp4", Length: 123456},
					{URL: "https://news.example/media/a.mp3", Type: "audio/mpeg", Length: 654321},
				},
			},
			{
				ID:        "urn:newsdesk:story:43",
				URL:       "https://news.example/world/43-novosti",
				Title:     "Переговоры возобновились",
				Summary:   "Стороны снова встретились.",
				Published: pub.Add(-time.Hour),
			},
		},
	}
}

func TestFeedsParseWithGofeed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, feeds.Feed) error
		kind  string
	}{
		{"rss", func(b *bytes.Buffer, f feeds.Feed) error { return feeds.WriteRSS(b, f) }, "rss"},
		{"atom", func(b *bytes.Buffer, f feeds.Feed) error { return feeds.WriteAtom(b, f) }, "atom"},
		{"json", func(b *bytes.Buffer, f feeds.Feed) error { return feeds.WriteJSON(b, f) }, "json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := sample()
			var buf bytes.Buffer
			if err := tc.write(&buf, in); err != nil {
				t.Fatal(err)
			}
			got, err := gofeed.NewParser().ParseString(buf.String())
			if err != nil {
				t.Fatalf("gofeed: %v\n%s", err, buf.String())
			}
			if got.FeedType != tc.kind {
				t.Errorf("feed type = %q, want %q", got.FeedType, tc.kind)
			}
			if got.Title != in.Title {
				t.Errorf("title = %q, want %q", got.Title, in.Title)
			}
			if got.Language != "" && got.Language != in.Language {
				t.Errorf("language = %q, want %q", got.Language, in.Language)
			}
			if len(got.Items) != len(in.Items) {
				t.Fatalf("%d items, want %d", len(got.Items), len(in.Items))
			}
			first, second := got.Items[0], got.Items[1]
			if first.Title != in.Items[0].Title || second.Title != in.Items[1].Title {
				t.Errorf("titles = %q, %q", first.Title, second.Title)
			}
			if first.GUID != in.Items[0].ID || second.GUID != in.Items[1].ID {
				t.Errorf("ids = %q, %q", first.GUID, second.GUID)
			}
			if first.Link != in.Items[0].URL {
				t.Errorf("link = %q, want %q", first.Link, in.Items[0].URL)
			}
			if !strings.Contains(first.Content, "<em>met</em>") || !strings.Contains(first.Content, "]]>") {
				t.Errorf("content = %q, want the body's markup and text intact", first.Content)
			}
			if first.PublishedParsed == nil || !first.PublishedParsed.Equal(in.Items[0].Published) {
				t.Errorf("published = %v, want %v", first.PublishedParsed, in.Items[0].Published)
			}
			if len(first.Authors) == 0 || first.Authors[0].Name != "Ann Writer" {
				t.Errorf("authors = %+v", first.Authors)
			}
			if len(first.Enclosures) == 0 || first.Enclosures[0].URL != in.Items[0].Enclosures[0].URL || first.Enclosures[0].Length != "123456" {
				t.Errorf("enclosures = %+v", first.Enclosures)
			}
			if tc.kind != "rss" && len(first.Categories) != 2 {
				t.Errorf("categories = %v", first.Categories)
			}
		})
	}
}

func TestFeedsNeedSelf(t *testing.T) {
	f := sample()
	f.Self = ""
	for name, write := range map[string]func(*bytes.Buffer, feeds.Feed) error{
		"rss":  func(b *bytes.Buffer, f feeds.Feed) error { return feeds.WriteRSS(b, f) },
		"atom": func(b *bytes.Buffer, f feeds.Feed) error { return feeds.WriteAtom(b, f) },
		"json": func(b *bytes.Buffer, f feeds.Feed) error { return feeds.WriteJSON(b, f) },
	} {
		if err := write(new(bytes.Buffer), f); err == nil {
			t.Errorf("%s: no error for a feed without its own URL", name)
		}
	}
}

// TestFeedsParseWithFeedparser reads the XML feeds with Python's
// feedparser, the library behind many feed readers, and fails on any
// warning it raises (bozo).
func TestFeedsParseWithFeedparser(t *testing.T) {
	python := feedparserPython(t)
	const script = `import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({"bozo": bool(d.bozo), "exc": str(d.get("bozo_exception", "")), "version": d.version,
  "titles": [e.title for e in d.entries], "ids": [e.id for e in d.entries]}))`
	for name, write := range map[string]func(*bytes.Buffer, feeds.Feed) error{
		"rss20":  func(b *bytes.Buffer, f feeds.Feed) error { return feeds.WriteRSS(b, f) },
		"atom10": func(b *bytes.Buffer, f feeds.Feed) error { return feeds.WriteAtom(b, f) },
	} {
		t.Run(name, func(t *testing.T) {
			in := sample()
			var buf bytes.Buffer
			if err := write(&buf, in); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(python, "-c", script)
			cmd.Stdin = &buf
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("feedparser: %v", err)
			}
			var got struct {
				Bozo    bool
				Exc     string
				Version string
				Titles  []string
				IDs     []string
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("feedparser output %q: %v", out, err)
			}
			if got.Bozo {
				t.Errorf("feedparser warns: %s", got.Exc)
			}
			if got.Version != name {
				t.Errorf("version = %q, want %q", got.Version, name)
			}
			if len(got.IDs) != 2 || got.IDs[0] != in.Items[0].ID || got.Titles[1] != in.Items[1].Title {
				t.Errorf("entries = %v %v", got.Titles, got.IDs)
			}
		})
	}
}

// feedparserPython finds a Python that has feedparser: Debian's
// python3-feedparser installs it for /usr/bin/python3, which another
// python3 earlier on PATH does not see.
func feedparserPython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import feedparser").Run() == nil {
			return py
		}
	}
	t.Skip("python3-feedparser is not installed (apt-get install python3-feedparser)")
	return ""
}
