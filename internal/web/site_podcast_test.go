package web

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk/internal/news"
)

// podcastFixture adds to the fixture an English show with two published
// episodes, a draft and a scheduled one, and a Russian show.
type podcastFixture struct {
	*fixture
	show             news.Show
	latest, older    news.Episode
	draft, scheduled news.Episode
	ruShow           news.Show
	ruEpisode        news.Episode
}

func newPodcastFixture(t *testing.T) *podcastFixture {
	t.Helper()
	ctx := context.Background()
	f := &podcastFixture{fixture: newFixture(t, 3)}
	f.show = news.Show{Edition: "en", Title: "The Morning Brief", Description: "Ten minutes of news.", Author: "Desk",
		Category: "News/Daily News", OwnerEmail: "pod@news.example", Locked: true,
		Cover: news.MediaRef{ID: 1, URL: "/media/cover.jpg", Type: "image/jpeg", Size: 100}}
	f.ruShow = news.Show{Edition: "ru", Title: "Утренний выпуск"}
	for _, sh := range []*news.Show{&f.show, &f.ruShow} {
		if err := f.store.CreateShow(ctx, sh); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 11, 20, 6, 0, 0, 0, time.UTC)
	audio := news.MediaRef{ID: 2, URL: "/media/talks.mp3", Type: "audio/mpeg", Size: 26451234}
	ep := func(show news.Show, title string, status news.Status, at time.Time, d time.Duration) news.Episode {
		e := news.Episode{ShowID: show.ID, Title: title, Description: "About " + title, Status: status, PublishedAt: at,
			Audio: audio, Duration: d, Season: 1, Number: 4}
		if err := f.store.CreateEpisode(ctx, &e); err != nil {
			t.Fatal(err)
		}
		return e
	}
	f.older = ep(f.show, "Harbour reopens", news.StatusPublished, at.Add(-24*time.Hour), 9*time.Minute+5*time.Second)
	f.latest = ep(f.show, "Talks resume", news.StatusPublished, at, 27*time.Minute+33*time.Second)
	f.draft = ep(f.show, "Not yet ready", news.StatusDraft, time.Time{}, time.Minute)
	f.scheduled = ep(f.show, "Due next week", news.StatusScheduled, at.Add(7*24*time.Hour), time.Minute)
	f.ruEpisode = ep(f.ruShow, "Новости дня", news.StatusPublished, at, 61*time.Minute+2*time.Second)
	return f
}

func TestPodcastPages(t *testing.T) {
	f := newPodcastFixture(t)
	listPage := f.mustGet(t, "/podcasts/", 200).body
	list := visibleText(listPage)
	mustContain(t, "/podcasts/", list, "Podcasts", "The Morning Brief", "Talks resume", "0:00 / 27:33", "Harbour reopens", "9:05")
	mustContain(t, "/podcasts/", listPage, `<audio class="player-audio" controls preload="metadata" src="/media/talks.mp3"`, `<script src="/static/player.`)
	for _, hidden := range []string{"Not yet ready", "Due next week", "Утренний выпуск"} {
		if strings.Contains(list, hidden) {
			t.Errorf("/podcasts/ shows %q", hidden)
		}
	}
	ru := visibleText(f.mustGet(t, "/ru/podcasts/", 200).body)
	mustContain(t, "/ru/podcasts/", ru, "Подкасты", "Утренний выпуск", "Новости дня", "1:01:02")
	if res := f.mustGet(t, "/ru/podcasts", 301); res.header.Get("Location") != "/ru/podcasts/" {
		t.Errorf("/ru/podcasts goes to %q", res.header.Get("Location"))
	}
	if res := f.mustGet(t, "/podcasts", 301); res.header.Get("Location") != "/podcasts/" {
		t.Errorf("/podcasts goes to %q", res.header.Get("Location"))
	}

	show := f.mustGet(t, "/podcasts/the-morning-brief/", 200).body
	mustContain(t, "the show's page", show, `src="/media/talks.mp3"`, `href="/podcasts/the-morning-brief/feed.xml"`,
		`class="player-position">0:00</span>`, `datetime="PT1653S">27:33</time>`)
	mustContain(t, "the show's page", visibleText(show), "0:00 / 27:33", "Latest episode", "Harbour reopens")

	path := "/podcasts/the-morning-brief/" + strconv.FormatInt(f.latest.ID, 10) + "-talks-resume"
	page := f.mustGet(t, path, 200).body
	mustContain(t, "the episode's page", page, `<audio class="player-audio" controls preload="metadata" src="/media/talks.mp3"`,
		`download="the-morning-brief-`+strconv.FormatInt(f.latest.ID, 10)+`-talks-resume.mp3"`, `data-duration="1653"`,
		`player-forward"`, `player-back"`, `player-mute"`, `class="player-speed"`, `class="player-seek"`,
		`<script src="/static/player.`, `<link rel="canonical" href="https://news.example`+path+`">`)
	mustContain(t, "the episode's page", visibleText(page), "Talks resume", "0:00 / 27:33", "Season 1", "Episode 4", "Download", "More episodes", "Harbour reopens")
	mustContain(t, "the episode's JSON-LD", page, `"@type":"PodcastEpisode"`, `"contentUrl":"https://news.example/media/talks.mp3"`,
		`"duration":"PT1653S"`, `"webFeed":"https://news.example/podcasts/the-morning-brief/feed.xml"`)
	mustContain(t, "the footer", visibleText(f.mustGet(t, "/", 200).body), "Sport Podcasts")

	// A stale slug goes to the address; drafts, scheduled episodes, other
	// editions' and made-up ones are not found.
	if res := f.mustGet(t, "/podcasts/the-morning-brief/"+strconv.FormatInt(f.latest.ID, 10)+"-old-title", 301); res.header.Get("Location") != path {
		t.Errorf("stale slug goes to %q", res.header.Get("Location"))
	}
	for _, p := range []string{
		"/podcasts/the-morning-brief/" + strconv.FormatInt(f.draft.ID, 10) + "-not-yet-ready",
		"/podcasts/the-morning-brief/" + strconv.FormatInt(f.scheduled.ID, 10) + "-due-next-week",
		"/podcasts/the-morning-brief/" + strconv.FormatInt(f.ruEpisode.ID, 10) + "-novosti-dnya",
		"/podcasts/nothing/", "/podcasts/nothing/feed.xml", "/podcasts/the-morning-brief/abc",
	} {
		f.mustGet(t, p, 404)
	}
	f.mustGet(t, "/ru/podcasts/"+f.ruShow.Slug+"/"+strconv.FormatInt(f.ruEpisode.ID, 10)+"-novosti-dnya", 200)
	// Story pages and the front page list the latest episodes beside the
	// news, as "Podcasts … 27:33".
	for _, p := range []string{f.lead.Path(), "/"} {
		side := visibleText(f.mustGet(t, p, 200).body)
		mustContain(t, p, side, "Podcasts", "The Morning Brief Talks resume", "27:33")
	}
	mustContain(t, "a Russian story", visibleText(f.mustGet(t, "/ru"+f.russian.Path(), 200).body), "Подкасты", "Новости дня", "1:01:02")

	// The section and story pages whose routes the podcasts share still work.
	f.mustGet(t, "/world/", 200)
	f.mustGet(t, f.lead.Path(), 200)
	f.mustGet(t, "/ru"+f.russian.Path(), 200)
	f.mustGet(t, "/ru/"+f.russian.Section.Slug+"/", 200)
}

func TestPodcastFeed(t *testing.T) {
	f := newPodcastFixture(t)
	res := f.mustGet(t, "/podcasts/the-morning-brief/feed.xml", 200)
	if ct := res.header.Get("Content-Type"); ct != "application/rss+xml; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	feed, err := gofeed.NewParser().ParseString(res.body)
	if err != nil {
		t.Fatalf("gofeed: %v\n%s", err, res.body)
	}
	if feed.Title != "The Morning Brief" || feed.ITunesExt == nil || feed.ITunesExt.Image != "https://news.example/media/cover.jpg" {
		t.Fatalf("feed %q, itunes %+v", feed.Title, feed.ITunesExt)
	}
	if got := feed.Extensions["podcast"]["locked"]; len(got) != 1 || got[0].Value != "yes" || got[0].Attrs["owner"] != "pod@news.example" {
		t.Errorf("podcast:locked %+v", got)
	}
	if len(feed.Items) != 2 {
		t.Fatalf("%d items, want the 2 published", len(feed.Items))
	}
	it := feed.Items[0]
	if it.GUID != f.latest.GUID || it.Link != "https://news.example/podcasts/the-morning-brief/"+strconv.FormatInt(f.latest.ID, 10)+"-talks-resume" {
		t.Errorf("guid %q, link %q", it.GUID, it.Link)
	}
	if len(it.Enclosures) != 1 || it.Enclosures[0].URL != "https://news.example/media/talks.mp3" || it.Enclosures[0].Length != "26451234" || it.Enclosures[0].Type != "audio/mpeg" {
		t.Errorf("enclosure %+v", it.Enclosures)
	}
	if it.ITunesExt.Duration != "1653" {
		t.Errorf("duration %q", it.ITunesExt.Duration)
	}

	// The guid stays when the episode is renamed; the feed follows at once.
	ctx := context.Background()
	e, _ := f.store.Episode(ctx, f.latest.ID)
	e.Title, e.Slug = "Talks resume, renamed", ""
	if err := f.store.UpdateEpisode(ctx, &e); err != nil {
		t.Fatal(err)
	}
	feed, err = gofeed.NewParser().ParseString(f.mustGet(t, "/podcasts/the-morning-brief/feed.xml", 200).body)
	if err != nil {
		t.Fatal(err)
	}
	if feed.Items[0].Title != "Talks resume, renamed" || feed.Items[0].GUID != f.latest.GUID {
		t.Errorf("after renaming: %q, guid %q", feed.Items[0].Title, feed.Items[0].GUID)
	}
	// Python's feedparser, behind many podcast and feed readers, reads
	// the served feed without a warning.
	if py := feedparserPython(); py == "" {
		t.Log("python3-feedparser is not installed; skipping its reading of the served feed")
	} else {
		cmd := exec.Command(py, "-c", `import sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print("bozo" if d.bozo else "ok", d.version, len(d.entries), d.entries[0].get("itunes_duration", ""), d.entries[0].enclosures[0].length)`)
		cmd.Stdin = strings.NewReader(res.body)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("feedparser: %v", err)
		}
		if got := strings.TrimSpace(string(out)); got != "ok rss20 2 1653 26451234" {
			t.Errorf("feedparser read %q", got)
		}
	}
	ru := f.mustGet(t, "/ru/podcasts/"+f.ruShow.Slug+"/feed.xml", 200).body
	mustContain(t, "the Russian feed", ru, "<language>ru</language>", "<itunes:duration>3662</itunes:duration>", "<podcast:locked>no</podcast:locked>")
}

// TestPodcastCachePurged: the podcast pages, the show's feed and the side
// column of story pages are cached, and a published episode, an edited
// one and a renamed show reach all of them at the cache's next catch-up;
// a draft purges none.
func TestPodcastCachePurged(t *testing.T) {
	f := newPodcastFixture(t)
	f.startCache(t)
	ctx := context.Background()
	show := "/podcasts/the-morning-brief/"
	pages := []string{"/podcasts/", show, show + "feed.xml", f.storyPath(), "/",
		show + strconv.FormatInt(f.older.ID, 10) + "-harbour-reopens"}
	fill := func() {
		for _, p := range pages {
			f.mustGet(t, p, 200)
			if !f.cached(p) {
				t.Fatalf("%s is not cached after a GET", p)
			}
		}
	}
	catchUp := func() {
		if err := f.srv.cache.catchUp(ctx); err != nil {
			t.Fatal(err)
		}
	}
	fill()
	// A draft is on no public page.
	draft := news.Episode{ShowID: f.show.ID, Title: "Draft only", Status: news.StatusDraft}
	if err := f.store.CreateEpisode(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	catchUp()
	for _, p := range pages {
		if !f.cached(p) {
			t.Errorf("saving a draft purged %s", p)
		}
	}

	e, _ := f.store.Episode(ctx, f.scheduled.ID)
	e.Status, e.PublishedAt = news.StatusPublished, time.Now()
	if err := f.store.UpdateEpisode(ctx, &e); err != nil {
		t.Fatal(err)
	}
	catchUp()
	for _, p := range pages {
		if f.cached(p) {
			t.Errorf("%s still cached after an episode was published", p)
		}
		if p != show+strconv.FormatInt(f.older.ID, 10)+"-harbour-reopens" {
			mustContain(t, p, f.mustGet(t, p, 200).body, "Due next week")
		}
	}

	fill()
	sh, _ := f.store.Show(ctx, f.show.ID)
	sh.Title = "The Evening Brief"
	if err := f.store.UpdateShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	catchUp()
	for _, p := range pages {
		mustContain(t, p, f.mustGet(t, p, 200).body, "The Evening Brief")
	}
}

// feedparserPython is a Python that has feedparser (Debian's
// python3-feedparser installs it for /usr/bin/python3), or "".
func feedparserPython() string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import feedparser").Run() == nil {
			return py
		}
	}
	return ""
}
