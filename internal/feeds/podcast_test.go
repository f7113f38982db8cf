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

// podcastSample is a show with a locked feed, a category and two
// episodes, one in Russian, and one episode without audio yet.
func podcastSample() feeds.Podcast {
	pub := time.Date(2026, 11, 20, 6, 0, 0, 0, time.UTC)
	return feeds.Podcast{
		Title:       "The Morning Brief & <more>",
		Description: "Ten minutes of the day's news.",
		Language:    "en",
		Link:        "https://news.example/podcasts/morning-brief/",
		Self:        "https://news.example/podcasts/morning-brief/feed.xml",
		Image:       "https://news.example/media/7/cover.jpg",
		Author:      "Example News",
		Category:    "News",
		Subcategory: "Daily News",
		OwnerName:   "Example News",
		OwnerEmail:  "podcasts@news.example",
		Locked:      true,
		Episodes: []feeds.Episode{
			{
				ID: "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", URL: "https://news.example/podcasts/morning-brief/12-talks",
				Title: "Talks resume", Description: "Negotiators met again.", Published: pub,
				Audio:    feeds.Enclosure{URL: "https://news.example/media/9/talks.mp3", Type: "audio/mpeg", Length: 26451234},
				Duration: 27*time.Minute + 33*time.Second, Season: 2, Number: 14,
			},
			{
				ID: "urn:uuid:6fa459ea-ee8a-3ca4-894e-db77e160355e", URL: "https://news.example/podcasts/morning-brief/13-novosti",
				Title: "Новости дня", Published: pub.Add(-24 * time.Hour), Explicit: true,
				Audio:    feeds.Enclosure{URL: "https://news.example/media/10/a.m4a", Type: "audio/mp4", Length: 1000},
				Duration: 59*time.Second + 600*time.Millisecond, Image: "https://news.example/media/11/ep.jpg",
			},
			{ID: "urn:uuid:none", Title: "Not yet recorded", Published: pub},
		},
	}
}

func writePodcast(t *testing.T, p feeds.Podcast) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := feeds.WritePodcast(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPodcastParsesWithGofeed(t *testing.T) {
	in := podcastSample()
	out := writePodcast(t, in)
	f, err := gofeed.NewParser().ParseString(string(out))
	if err != nil {
		t.Fatalf("gofeed: %v\n%s", err, out)
	}
	if f.Title != in.Title || f.Language != "en" || f.ITunesExt == nil {
		t.Fatalf("title %q, language %q, itunes %+v", f.Title, f.Language, f.ITunesExt)
	}
	it := f.ITunesExt
	if it.Image != in.Image || it.Author != in.Author || it.Explicit != "false" || it.Owner == nil || it.Owner.Email != in.OwnerEmail {
		t.Errorf("itunes: image %q, author %q, explicit %q, owner %+v", it.Image, it.Author, it.Explicit, it.Owner)
	}
	if len(it.Categories) != 1 || it.Categories[0].Text != "News" || it.Categories[0].Subcategory == nil || it.Categories[0].Subcategory.Text != "Daily News" {
		t.Errorf("categories %+v", it.Categories)
	}
	pc := f.Extensions["podcast"]
	if got := pc["guid"]; len(got) != 1 || got[0].Value != feeds.PodcastGUID(in.Self) {
		t.Errorf("podcast:guid %+v", got)
	}
	if got := pc["locked"]; len(got) != 1 || got[0].Value != "yes" || got[0].Attrs["owner"] != in.OwnerEmail {
		t.Errorf("podcast:locked %+v", got)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items, want the 2 with audio", len(f.Items))
	}
	for i, want := range in.Episodes[:2] {
		got := f.Items[i]
		if got.GUID != want.ID || got.Title != want.Title || got.Link != want.URL {
			t.Errorf("item %d: guid %q, title %q, link %q", i, got.GUID, got.Title, got.Link)
		}
		if len(got.Enclosures) != 1 || got.Enclosures[0].URL != want.Audio.URL || got.Enclosures[0].Type != want.Audio.Type {
			t.Errorf("item %d: enclosures %+v", i, got.Enclosures)
		}
		if got.PublishedParsed == nil || !got.PublishedParsed.Equal(want.Published) {
			t.Errorf("item %d: published %v", i, got.PublishedParsed)
		}
	}
	first, second := f.Items[0].ITunesExt, f.Items[1].ITunesExt
	if first.Duration != "1653" || first.Season != "2" || first.Episode != "14" || first.Explicit != "false" {
		t.Errorf("first episode's itunes %+v", first)
	}
	if f.Items[0].Enclosures[0].Length != "26451234" {
		t.Errorf("length %q", f.Items[0].Enclosures[0].Length)
	}
	if second.Duration != "60" || second.Explicit != "true" || second.Image != in.Episodes[1].Image {
		t.Errorf("second episode's itunes %+v", second)
	}
	if got := f.Items[0].Extensions["podcast"]["episode"]; len(got) != 1 || got[0].Value != "14" {
		t.Errorf("podcast:episode %+v", got)
	}
	if !strings.Contains(string(out), `<guid isPermaLink="false">`) {
		t.Errorf("guids are not marked as no permalinks:\n%s", out)
	}
}

func TestPodcastUnlocked(t *testing.T) {
	in := podcastSample()
	in.Locked, in.OwnerEmail, in.Category, in.Image = false, "", "", ""
	f, err := gofeed.NewParser().ParseString(string(writePodcast(t, in)))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Extensions["podcast"]["locked"]; len(got) != 1 || got[0].Value != "no" || got[0].Attrs["owner"] != "" {
		t.Errorf("podcast:locked %+v", got)
	}
	if f.ITunesExt.Owner != nil || len(f.ITunesExt.Categories) != 0 || f.ITunesExt.Image != "" || f.Image != nil {
		t.Errorf("itunes %+v, image %+v", f.ITunesExt, f.Image)
	}
	in.Self = ""
	if err := feeds.WritePodcast(new(bytes.Buffer), in); err == nil {
		t.Error("no error for a podcast feed without its own URL")
	}
}

// TestPodcastParsesWithFeedparser reads the feed as Python's feedparser
// does, failing on any warning, and checks the podcast:guid against
// Python's own UUIDv5.
func TestPodcastParsesWithFeedparser(t *testing.T) {
	python := feedparserPython(t)
	const script = `import sys, json, uuid, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
f = d.feed
print(json.dumps({"bozo": bool(d.bozo), "exc": str(d.get("bozo_exception", "")), "version": d.version,
  "image": f.get("image", {}).get("href", ""), "explicit": f.get("itunes_explicit"),
  "guid": str(uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a0b6f591bd5f"), sys.argv[1])),
  "ids": [e.id for e in d.entries], "durations": [e.get("itunes_duration", "") for e in d.entries],
  "enclosures": [[l.href, l.type, l.get("length", "")] for e in d.entries for l in e.links if l.rel == "enclosure"]}))`
	in := podcastSample()
	cmd := exec.Command(python, "-c", script, "news.example/podcasts/morning-brief/feed.xml")
	cmd.Stdin = bytes.NewReader(writePodcast(t, in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("feedparser: %v", err)
	}
	var got struct {
		Bozo       bool
		Exc        string
		Version    string
		Image      string
		Explicit   *bool // feedparser 6 reads only "yes" and "clean"; Apple wants "true" and "false"
		GUID       string
		IDs        []string
		Durations  []string
		Enclosures [][]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("feedparser output %q: %v", out, err)
	}
	if got.Bozo {
		t.Errorf("feedparser warns: %s", got.Exc)
	}
	if got.Version != "rss20" || got.Image != in.Image || got.Explicit != nil && *got.Explicit {
		t.Errorf("version %q, image %q, explicit %v", got.Version, got.Image, got.Explicit)
	}
	if want := feeds.PodcastGUID(in.Self); got.GUID != want {
		t.Errorf("Python's UUIDv5 of the feed URL is %s, newsdesk's %s", got.GUID, want)
	}
	if strings.Join(got.IDs, " ") != in.Episodes[0].ID+" "+in.Episodes[1].ID || strings.Join(got.Durations, " ") != "1653 60" {
		t.Errorf("ids %v, durations %v", got.IDs, got.Durations)
	}
	if len(got.Enclosures) != 2 || got.Enclosures[0][0] != in.Episodes[0].Audio.URL || got.Enclosures[0][2] != "26451234" {
		t.Errorf("enclosures %v", got.Enclosures)
	}
}
