package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"newsdesk/internal/news"
)

func TestFeeds(t *testing.T) {
	f := newFixture(t, 3)
	for _, tc := range []struct {
		path, kind, title string
		want              []string // headlines, newest first, at the start of the feed
		notWant           string
	}{
		{"/feed.xml", "rss", "English — newsdesk", []string{f.lead.Headline, "Harbour council story number 1"}, f.draft.Headline},
		{"/feed.atom", "atom", "English — newsdesk", []string{f.lead.Headline}, f.draft.Headline},
		{"/feed.json", "json", "English — newsdesk", []string{f.lead.Headline}, f.draft.Headline},
		{"/ru/feed.xml", "rss", "Русский — newsdesk", []string{f.russian.Headline}, f.lead.Headline},
		{"/world/feed.xml", "rss", "World — newsdesk", []string{f.lead.Headline, "Harbour council story number 1"}, "Harbour council story number 3"},
		{"/business/feed.atom", "atom", "Business — newsdesk", []string{"Harbour council story number 3"}, f.lead.Headline},
		{"/ru/mir/feed.json", "json", "Мир — newsdesk", []string{f.russian.Headline}, f.lead.Headline},
		{"/tags/air-strikes/feed.xml", "rss", "Air strikes — newsdesk", []string{f.lead.Headline}, "Harbour council story number 1"},
		{"/ru/tags/irak/feed.xml", "rss", "Ирак — newsdesk", []string{f.russian.Headline}, f.lead.Headline},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res := f.mustGet(t, tc.path, http.StatusOK)
			feed, err := gofeed.NewParser().ParseString(res.body)
			if err != nil {
				t.Fatalf("gofeed: %v\n%.500s", err, res.body)
			}
			if feed.FeedType != tc.kind || feed.Title != tc.title {
				t.Errorf("feed %s %q, want %s %q", feed.FeedType, feed.Title, tc.kind, tc.title)
			}
			var got []string
			for _, it := range feed.Items {
				got = append(got, it.Title)
			}
			if len(got) < len(tc.want) || !slices.Equal(got[:len(tc.want)], tc.want) {
				t.Errorf("items %q, want them to start with %q", got, tc.want)
			}
			if slices.Contains(got, tc.notWant) {
				t.Errorf("items %q include %q", got, tc.notWant)
			}
			if res.header.Get("ETag") == "" || res.header.Get("Last-Modified") == "" {
				t.Errorf("no validators: %v", res.header)
			}
		})
	}

	res := f.mustGet(t, "/world/feed.xml", http.StatusOK)
	feed, _ := gofeed.NewParser().ParseString(res.body)
	lead := feed.Items[0]
	if lead.Link != "https://news.example/world/"+strconv.FormatInt(f.lead.ID, 10)+"-locals-want-troops-out" {
		t.Errorf("link %q", lead.Link)
	}
	if lead.GUID != "tag:news.example,2018-01-31:story:"+strconv.FormatInt(f.lead.ID, 10) {
		t.Errorf("guid %q", lead.GUID)
	}
	if !strings.Contains(lead.Content, "The incident is under investigation.") || len(lead.Extensions["dc"]["creator"]) != 2 || !slices.Contains(lead.Categories, "Air strikes") {
		t.Errorf("item %+v", lead)
	}
	if !strings.HasPrefix(res.header.Get("Content-Type"), "application/rss+xml") {
		t.Errorf("content type %q", res.header.Get("Content-Type"))
	}

	// Conditional requests get 304 Not Modified.
	for _, h := range []struct{ name, value string }{
		{"If-None-Match", res.header.Get("ETag")},
		{"If-Modified-Since", res.header.Get("Last-Modified")},
	} {
		r := httptest.NewRequest(http.MethodGet, "/world/feed.xml", nil)
		r.Header.Set(h.name, h.value)
		if got := f.do(t, r); got.status != http.StatusNotModified {
			t.Errorf("%s: status %d, want 304", h.name, got.status)
		}
	}

	for _, path := range []string{"/nowhere/feed.xml", "/world/feed.rss", "/tags/nowhere/feed.xml", "/en/world/feed.xml", "/ru/tags/irak/feed.txt", "/ru/nowhere/feed.json"} {
		f.mustGet(t, path, http.StatusNotFound)
	}
}

func TestFeedAutodiscovery(t *testing.T) {
	f := newFixture(t, 3)
	for path, wants := range map[string][]string{
		"/":                 {`<link rel="alternate" type="application/rss&#43;xml" title="English — newsdesk (RSS)" href="https://news.example/feed.xml">`, `href="https://news.example/feed.json"`},
		"/world/":           {`title="World — newsdesk (Atom)" href="https://news.example/world/feed.atom"`, `href="https://news.example/feed.xml"`},
		"/tags/air-strikes": {`href="https://news.example/tags/air-strikes/feed.xml"`},
		"/ru/":              {`href="https://news.example/ru/feed.xml"`},
	} {
		mustContain(t, path, f.mustGet(t, path, http.StatusOK).body, wants...)
	}
}

func TestFeedSummarySetting(t *testing.T) {
	f := newFixture(t, 1)
	set := news.DefaultSettings()
	set.FeedSummary = true
	if err := f.store.SaveSettings(context.Background(), set); err != nil {
		t.Fatal(err)
	}
	body := f.mustGet(t, "/feed.json", http.StatusOK).body
	if strings.Contains(body, "The incident is under investigation.") {
		t.Error("a summary-only feed carries the body")
	}
	mustContain(t, "summary feed", body, "Locals recounted the details of an air strike.")
}

// TestFeedsInRealReaders reads the feeds with Debian's python3-feedparser
// and newsboat, served over HTTP on loopback, and fails on any warning.
func TestFeedsInRealReaders(t *testing.T) {
	f := newFixture(t, 3)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)
	paths := []string{"/feed.xml", "/feed.atom", "/ru/feed.xml", "/world/feed.atom", "/tags/air-strikes/feed.xml"}

	t.Run("feedparser", func(t *testing.T) {
		python := feedparserPython()
		if python == "" {
			t.Skip("python3-feedparser is not installed (apt-get install python3-feedparser)")
		}
		for _, p := range paths {
			out, err := exec.Command(python, "-c", `import sys, feedparser
d = feedparser.parse(sys.argv[1])
print("bozo" if d.bozo else "ok", len(d.entries), d.get("bozo_exception", ""))`, srv.URL+p).CombinedOutput()
			if err != nil || !strings.HasPrefix(string(out), "ok ") || strings.HasPrefix(string(out), "ok 0 ") {
				t.Errorf("%s: feedparser says %s %v", p, out, err)
			}
		}
	})

	t.Run("newsboat", func(t *testing.T) {
		if _, err := exec.LookPath("newsboat"); err != nil {
			t.Skip("newsboat is not installed (apt-get install newsboat)")
		}
		for _, p := range paths {
			feed, err := gofeed.NewParser().ParseString(f.mustGet(t, p, http.StatusOK).body)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			errLog := filepath.Join(dir, "errors")
			files := map[string]string{"urls": srv.URL + p + "\n", "config": "error-log \"" + errLog + "\"\n"}
			for name, text := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			newsboat := func(cmd string) string {
				c := exec.Command("newsboat", "-u", filepath.Join(dir, "urls"), "-c", filepath.Join(dir, "cache.db"),
					"-C", filepath.Join(dir, "config"), "-x", cmd)
				c.Env = append(os.Environ(), "HOME="+dir)
				out, err := c.CombinedOutput()
				if err != nil {
					t.Fatalf("newsboat %s: %v\n%s", cmd, err, out)
				}
				return strings.TrimSpace(string(out))
			}
			newsboat("reload")
			if errs, _ := os.ReadFile(errLog); len(errs) > 0 {
				t.Errorf("%s: newsboat logged errors: %s", p, errs)
			}
			if got, want := newsboat("print-unread"), strconv.Itoa(len(feed.Items))+" unread articles"; got != want {
				t.Errorf("%s: newsboat says %q, want %q", p, got, want)
			}
		}
	})
}

func TestFeedEnclosures(t *testing.T) {
	f := newFixture(t, 1)
	ctx := context.Background()
	add := func(kind news.MediaKind, mime, key string, size int64) news.Media {
		m, _, err := f.store.CreateMedia(ctx, news.Media{Hash: strings.Repeat(key[:1], 64), Key: key, Kind: kind, MIME: mime, Name: key, Size: size, Alt: "A picture"})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	video := add(news.MediaVideo, "video/mp4", "a1.mp4", 123456)
	audio := add(news.MediaAudio, "audio/mpeg", "b2.mp3", 65432)
	photo := add(news.MediaImage, "image/jpeg", "c3.jpg", 2345)
	st, err := f.store.Story(ctx, f.lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	st.Media = []news.StoryMedia{{Role: news.RoleGallery, Media: photo}, {Role: news.RoleAudio, Media: audio}, {Role: news.RoleLead, Media: video}}
	if err := f.store.UpdateStory(ctx, &st); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/feed.atom", "/feed.json", "/feed.xml"} {
		feed, err := gofeed.NewParser().ParseString(f.mustGet(t, path, http.StatusOK).body)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range feed.Items[0].Enclosures {
			got = append(got, e.URL+" "+e.Type+" "+e.Length)
		}
		want := []string{"https://news.example/media/a1.mp4 video/mp4 123456", "https://news.example/media/b2.mp3 audio/mpeg 65432"}
		if path == "/feed.xml" {
			want = want[:1] // RSS carries one enclosure
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: enclosures %q, want %q", path, got, want)
		}
	}
}
