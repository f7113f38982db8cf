package desk

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
)

// show stores a new show of the English edition for a role case.
func (rf *roleFixture) show(t *testing.T) news.Show {
	t.Helper()
	sh := news.Show{Edition: "en", Title: fmt.Sprintf("Role test show %d", rf.next())}
	if err := rf.store.CreateShow(context.Background(), &sh); err != nil {
		t.Fatal(err)
	}
	return sh
}

// episode stores a draft episode with audio for a role case. The audio
// is a reference only: the cases never play it.
func (rf *roleFixture) episode(t *testing.T) news.Episode {
	t.Helper()
	sh := rf.show(t)
	e := news.Episode{ShowID: sh.ID, Title: fmt.Sprintf("Role test episode %d", rf.next()), Status: news.StatusDraft,
		Audio: news.MediaRef{ID: 99, URL: "/media/role.mp3", Type: "audio/mpeg", Size: 1000}, Duration: time.Minute}
	if err := rf.store.CreateEpisode(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// episodeValues is the episode form as the desk fills it.
func episodeValues(e news.Episode, action string) url.Values {
	return url.Values{
		"title": {e.Title + " edited"}, "slug": {e.Slug}, "description": {"Edited."},
		"audio": {strconv.FormatInt(e.Audio.ID, 10)}, "version": {strconv.Itoa(e.Version)}, "action": {action},
	}
}

// podcastRoleCases are the podcast desk's actions: publishers see the
// podcasts and write, publish and schedule episodes; editors manage shows.
func podcastRoleCases() []roleCase {
	showPath := func(path string, allowed []news.Role, write bool, form func(rf *roleFixture, sh news.Show) url.Values) roleCase {
		return roleCase{method: "GET", allowed: allowed, write: write, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			sh := rf.show(t)
			var v url.Values
			if form != nil {
				v = form(rf, sh)
			}
			return fmt.Sprintf(path, sh.ID), v
		}}
	}
	episodePath := func(name, action string, allowed []news.Role) roleCase {
		return roleCase{name: name, method: "POST", allowed: allowed, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			e := rf.episode(t)
			return "/desk/episodes/" + strconv.FormatInt(e.ID, 10), episodeValues(e, action)
		}}
	}
	named := func(rc roleCase, name, method string) roleCase {
		rc.name, rc.method = name, method
		return rc
	}
	return []roleCase{
		fixed("podcast shows", "GET", "/desk/podcasts", publishers, false, nil),
		{name: "create a show", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/podcasts", url.Values{"edition": {"en"}, "title": {fmt.Sprintf("New show %d", rf.next())}, "category": {"News"}}
		}},
		named(showPath("/desk/podcasts/%d", publishers, false, nil), "open a show", "GET"),
		named(showPath("/desk/podcasts/%d", editors, true, func(rf *roleFixture, sh news.Show) url.Values {
			return url.Values{"title": {sh.Title + " renamed"}, "slug": {sh.Slug}, "version": {strconv.Itoa(sh.Version)}}
		}), "save a show", "POST"),
		named(showPath("/desk/podcasts/%d/episodes/new", publishers, false, nil), "new episode form", "GET"),
		named(showPath("/desk/podcasts/%d/episodes/new", publishers, true, func(rf *roleFixture, sh news.Show) url.Values {
			return url.Values{"title": {fmt.Sprintf("New episode %d", rf.next())}, "action": {"save"}}
		}), "create an episode", "POST"),
		{name: "open an episode", method: "GET", allowed: publishers, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/episodes/" + strconv.FormatInt(rf.episode(t).ID, 10), nil
		}},
		episodePath("save an episode", "save", publishers),
		episodePath("publish an episode", "publish", publishers),
		{name: "schedule an episode", method: "POST", allowed: publishers, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			e := rf.episode(t)
			v := episodeValues(e, "schedule")
			v.Set("published_at", time.Now().Add(48*time.Hour).Format(storyedit.DateTimeLocal))
			return "/desk/episodes/" + strconv.FormatInt(e.ID, 10), v
		}},
	}
}

// postEpisode sends the episode form as the browser does: multipart,
// with audio as the uploaded file (none when nil).
func (c *client) postEpisode(path string, form url.Values, name string, audio []byte) response {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if audio != nil {
		fw, _ := mw.CreateFormFile("audio_file", name)
		fw.Write(audio)
	}
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(r)
}

// TestDeskEpisodeUpload: an editor creates a show with cover art from the
// library and publishes an episode whose MP3 is uploaded with the form;
// the site serves the file, the duration read from it and the feed's
// enclosure. A truncated MP3 is refused with a clear message, and neither
// an episode, a media item nor a file is left behind.
func TestDeskEpisodeUpload(t *testing.T) {
	df := newDeskFixture(t)
	rf := newRoleFixture(t, df)
	c := df.signedIn(t, news.RoleEditor)
	ctx := context.Background()

	res, up := c.uploadJSON(t, "cover.png", pngFile(3))
	wantStatus(t, "cover upload", res, http.StatusOK)
	cover := up.Items[0]
	res = c.post("/desk/podcasts", url.Values{"edition": {"en"}, "title": {"The Harbour Hour"}, "category": {"News"},
		"subcategory": {"Daily News"}, "cover": {strconv.FormatInt(cover.ID, 10)}, "owner_email": {"pod@news.example"}, "locked": {"1"}})
	wantStatus(t, "create show", res, http.StatusSeeOther)
	sh, err := df.store.ShowBySlug(ctx, "en", "the-harbour-hour")
	if err != nil {
		t.Fatal(err)
	}
	if sh.Cover.ID != cover.ID || sh.Cover.URL != cover.URL || sh.Category != "News/Daily News" || !sh.Locked {
		t.Fatalf("stored show %+v", sh)
	}

	newEpisode := "/desk/podcasts/" + strconv.FormatInt(sh.ID, 10) + "/episodes/new"
	before := rf.snapshot(t)
	files := storedFiles(t, df.srv.cfg.Media)
	res = c.postEpisode(newEpisode, url.Values{"title": {"Cut short"}, "action": {"publish"}}, "cut.mp3", truncatedMP3())
	wantStatus(t, "truncated MP3", res, http.StatusBadRequest)
	mustContain(t, "the refusal", visibleText(res.body), "The audio's duration cannot be read")
	mustContain(t, "the refused form", res.body, `value="Cut short"`)
	if after := rf.snapshot(t); after != before {
		t.Errorf("the refused upload changed the database:\n%s", firstDifference(before, after))
	}
	if got := storedFiles(t, df.srv.cfg.Media); len(got) != len(files) {
		t.Errorf("the refused upload left files: %v, before %v", got, files)
	}

	audio := media.SilentMP3(90 * time.Second)
	res = c.postEpisode(newEpisode, url.Values{"title": {"Night shift"}, "description": {"Ninety seconds."},
		"season": {"1"}, "number": {"3"}, "action": {"publish"}}, "night.mp3", audio)
	wantStatus(t, "publish with upload", res, http.StatusSeeOther)
	id, err := strconv.ParseInt(strings.TrimPrefix(res.header.Get("Location"), "/desk/episodes/"), 10, 64)
	if err != nil {
		t.Fatalf("redirect to %q", res.header.Get("Location"))
	}
	e, err := df.store.Episode(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if e.Status != news.StatusPublished || e.Audio.Size != int64(len(audio)) || e.Audio.Type != "audio/mpeg" ||
		e.Duration.Round(time.Second) != 90*time.Second {
		t.Fatalf("stored episode %+v", e)
	}

	// What the site serves: the file itself, the page's player, the feed.
	file := df.mustGet(t, e.Audio.URL, http.StatusOK)
	if file.body != string(audio) || file.header.Get("Content-Type") != "audio/mpeg" {
		t.Errorf("the served audio is %d bytes of %s", len(file.body), file.header.Get("Content-Type"))
	}
	page := df.mustGet(t, e.Path(sh), http.StatusOK).body
	mustContain(t, "the episode's page", visibleText(page), "Night shift", "0:00 / 1:30")
	mustContain(t, "the episode's page", page, `src="`+e.Audio.URL+`"`, `src="`+cover.URL+`"`)
	feed, err := gofeed.NewParser().ParseString(df.mustGet(t, sh.FeedPath(), http.StatusOK).body)
	if err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 1 || feed.ITunesExt.Image != "https://news.example"+cover.URL {
		t.Fatalf("feed: %d items, image %q", len(feed.Items), feed.ITunesExt.Image)
	}
	it := feed.Items[0]
	if enc := it.Enclosures; len(enc) != 1 || enc[0].URL != "https://news.example"+e.Audio.URL ||
		enc[0].Length != strconv.Itoa(len(audio)) || enc[0].Type != "audio/mpeg" {
		t.Errorf("enclosure %+v", it.Enclosures)
	}
	if it.ITunesExt.Duration != "90" || it.ITunesExt.Episode != "3" || it.GUID != e.GUID {
		t.Errorf("itunes %+v, guid %q", it.ITunesExt, it.GUID)
	}

	// The desk shows the episode with its duration, and the library
	// offers the uploaded file for the next episode.
	mustContain(t, "the show on the desk", visibleText(c.get("/desk/podcasts/"+strconv.FormatInt(sh.ID, 10)).body), "Night shift", "published", "1:30")
	mustContain(t, "the new episode form", c.get(newEpisode).body, "night.mp3 (1:30)")
}

// TestDeskShowRefused: a show that cannot be saved is shown again with
// the reason beside its field, and nothing is stored.
func TestDeskShowRefused(t *testing.T) {
	df := newDeskFixture(t)
	c := df.signedIn(t, news.RoleEditor)
	res := c.post("/desk/podcasts", url.Values{"edition": {"en"}, "title": {"Locked away"}, "locked": {"1"}})
	wantStatus(t, "locked without owner", res, http.StatusBadRequest)
	mustContain(t, "the refusal", visibleText(res.body), "Owner's e-mail is required when the feed is locked")
	if shows, _ := df.store.Shows(context.Background(), ""); len(shows) != 0 {
		t.Errorf("%d shows stored", len(shows))
	}
	res = c.post("/desk/podcasts", url.Values{"edition": {"en"}, "title": {"Tags"}, "slug": {"tags"}})
	wantStatus(t, "reserved address", res, http.StatusBadRequest)
}
