package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/i18n"
	"newsdesk/internal/news"
)

// readerDir holds the script that reads a page with Mozilla's Readability,
// the library behind Firefox's reader view, and its locked dependencies
// (npm ci installs them there).
var readerDir = filepath.Join("testdata", "readability")

// readerView is what Readability extracts from a page.
type readerView struct {
	Title       string `json:"title"`
	Byline      string `json:"byline"`
	Lang        string `json:"lang"`
	TextContent string `json:"textContent"`
	Content     string `json:"content"`
}

// readWithReadability runs Readability over the page at url, as fetched.
func readWithReadability(t *testing.T, url, page string) readerView {
	t.Helper()
	cmd := exec.Command("node", filepath.Join(readerDir, "readability.mjs"), url)
	cmd.Stdin = strings.NewReader(page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("readability on %s: %v\n%s", url, err, stderr.Bytes())
	}
	var v readerView
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("readability on %s: %v\n%s", url, err, out)
	}
	return v
}

// needReadability skips the test unless node and the script's packages
// are installed.
func needReadability(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node (Debian's nodejs) is not installed")
	}
	if _, err := os.Stat(filepath.Join(readerDir, "node_modules", "@mozilla", "readability", "Readability.js")); err != nil {
		t.Skipf("@mozilla/readability is not installed: run npm ci in internal/web/%s", filepath.ToSlash(readerDir))
	}
}

// TestStoryReadability reads story pages of every shape with Mozilla's
// Readability, as Firefox's reader view does, and checks that what it
// keeps is the story and nothing else: its title is the headline, and its
// text is the date line, the lead and the body, as the store holds them.
// Short stories matter most: under 500 characters Readability retries
// with its rules relaxed and keeps the longest text it found, so anything
// around the story that it can reach ends up in the text.
func TestStoryReadability(t *testing.T) {
	needReadability(t)
	f := newFixture(t, 3)
	ctx := context.Background()
	media := func(m news.Media) news.Media {
		t.Helper()
		saved, _, err := f.store.CreateMedia(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	photo := func(i int) news.Media {
		return media(news.Media{Hash: fmt.Sprintf("%064d", 100+i), Key: fmt.Sprintf("2018/01/quay-%d.jpg", i), Kind: news.MediaImage, MIME: "image/jpeg",
			Name: fmt.Sprintf("quay-%d.jpg", i), Size: 1000, Width: 1200, Height: 800,
			Caption: fmt.Sprintf("Boats, nets and crates on the quay at dawn, as the harbour wakes, seen from the north pier, photo %d, which is long enough to count as a paragraph", i),
			Credit:  "Anna Marsh, staff photographer", Alt: fmt.Sprintf("The quay, photo %d", i)})
	}
	video := media(news.Media{Hash: fmt.Sprintf("%064d", 1), Key: "2018/01/tide.mp4", Kind: news.MediaVideo, MIME: "video/mp4", Name: "tide.mp4", Size: 5000,
		Width: 640, Height: 360, Duration: 95 * time.Second, Caption: "The tide comes in over the harbour wall, filmed from the lighthouse, at dawn", Credit: "Oleg Petrov"})
	audio := media(news.Media{Hash: fmt.Sprintf("%064d", 2), Key: "2018/01/interview.mp3", Kind: news.MediaAudio, MIME: "audio/mpeg", Name: "interview.mp3", Size: 4000,
		Duration: 3 * time.Minute, Caption: "The harbour master, interviewed on the quay, about the storm, the repairs, and the season ahead", Credit: "Harbour radio"})
	report := media(news.Media{Hash: fmt.Sprintf("%064d", 3), Key: "2018/01/report.pdf", Kind: news.MediaDocument, MIME: "application/pdf", Name: "report.pdf", Size: 3000,
		Caption: "The council's report on the harbour wall, with its costs, its timetable, and its risks, in full"})
	var gallery []news.StoryMedia
	for i := range 12 {
		gallery = append(gallery, news.StoryMedia{Role: news.RoleGallery, Media: news.Media{ID: photo(i).ID}})
	}
	cover := photo(99)

	long := `<p>The harbour council voted on Tuesday, after a debate of five hours, to rebuild the north wall, which the storm of last winter breached in two places.</p>
<p>"We have waited long enough," said the council's chair, who has pressed for the repairs since the spring. "The fishermen, the ferry and the lifeboat all depend on it."</p>
<h2>What the plan costs</h2>
<p>The work will cost 14 million, of which the government pays half, the port authority a quarter, and the town the rest, spread over three years.</p>
<ul><li>Stage one: the breaches, by March.</li><li>Stage two: the <a href="https://example.org/wall">old wall</a>, by the summer.</li></ul>
<blockquote><p>It is the largest work on the harbour since it was built, and the most needed.</p></blockquote>
<p>Opponents, who wanted a new breakwater further out, said they would appeal; the council said the appeal would not delay the first stage.</p>
<p>The work starts in January, weather permitting, and the quay stays open throughout, though the ferry will berth at the south pier for six weeks.</p>`
	stories := []struct {
		name  string
		story news.Story
		notes []news.Note
	}{
		{name: "short story with kicker, byline and tags", story: news.Story{Edition: "en", Section: f.world, Slug: "quay-reopens", Headline: "Quay reopens after storm repairs",
			Lead: "The north quay reopened on Monday.", Body: "<p>Boats moored there again by noon.</p><p>The ferry returns on Friday.</p>",
			Bylines: []news.Author{{Name: "Anna Marsh"}}, Tags: []news.Tag{{Name: "Harbour"}, {Name: "Storms"}}}},
		{name: "short story with no byline, lead or tags", story: news.Story{Edition: "en", Section: f.business, Slug: "fish-prices", Headline: "Fish prices fall",
			Body: "<p>Prices at the morning auction fell by a tenth, the market said.</p>"}},
		{name: "long story, updated, with an SEO title", story: news.Story{Edition: "en", Section: f.world, Slug: "council-votes-to-rebuild-wall", Headline: "Council votes to rebuild the north wall",
			SEOTitle: "Harbour wall: council votes for 14m rebuild", SocialTitle: "The north wall will be rebuilt",
			Lead: "The harbour council approved a plan to rebuild the wall breached by last winter's storm, at a cost of 14 million.", Body: long,
			UpdatedAt: time.Date(2018, 1, 30, 18, 5, 0, 0, time.UTC),
			Bylines:   []news.Author{{Name: "Anna Marsh"}, {Name: "Oleg Petrov"}}, Tags: []news.Tag{{Name: "Harbour"}, {Name: "Council"}}}},
		{name: "short story with a lead video", story: news.Story{Edition: "en", Section: f.world, Slug: "watch-the-tide", Headline: "Watch: the tide comes in",
			Lead: "A short film of the bay as the tide turns.", Body: "<p>The tide rises by four metres twice a day.</p>",
			Media: []news.StoryMedia{{Role: news.RoleLead, Media: news.Media{ID: video.ID}}}, Bylines: []news.Author{{Name: "Oleg Petrov"}}}},
		{name: "short story with a gallery, audio and a document", story: news.Story{Edition: "en", Section: f.world, Slug: "in-pictures-the-quay", Headline: "In pictures: the quay at dawn",
			Lead: "A morning on the quay.", Body: "<p>The boats come in at six.</p>", FeaturedImage: cover.URL(),
			Media: append(gallery, news.StoryMedia{Role: news.RoleAudio, Media: news.Media{ID: audio.ID}}, news.StoryMedia{Role: news.RoleAttachment, Media: news.Media{ID: report.ID}}),
			Tags:  []news.Tag{{Name: "Harbour"}}}},
		{name: "short story with notes", story: news.Story{Edition: "en", Section: f.world, Slug: "ferry-timetable", Headline: "Ferry timetable changes",
			Lead: "The winter timetable starts on Sunday.", Body: "<p>The last ferry leaves at nine.</p>", Bylines: []news.Author{{Name: "Anna Marsh"}}},
			notes: []news.Note{
				{Kind: news.NoteCorrection, Text: "An earlier version of this story said the last ferry leaves at ten, which was the summer timetable, not the winter one, as the operator has confirmed."},
				{Kind: news.NoteUpdate, Text: "The operator has since added a late ferry on Saturdays, leaving at eleven, from the south pier, until the end of March."},
			}},
		{name: "Russian story", story: news.Story{Edition: "ru", Section: f.russian.Section, Slug: "pristan-otkryli", Headline: "Причал открыли после ремонта",
			Lead: "Северный причал снова открыт для судов.", Body: "<p>Первые лодки пришвартовались к полудню, сообщили в порту.</p><p>Паром вернётся в пятницу.</p>",
			Bylines: []news.Author{{Name: "Ольга Смирнова"}}, Tags: []news.Tag{{Name: "Порт"}}}},
	}
	base := time.Date(2018, 1, 30, 9, 15, 0, 0, time.UTC)
	for i := range stories {
		s := &stories[i].story
		s.Status, s.PublishedAt = news.StatusPublished, base.Add(time.Duration(i)*time.Minute)
		if err := f.store.CreateStory(ctx, s); err != nil {
			t.Fatalf("%s: %v", stories[i].name, err)
		}
		for j, n := range stories[i].notes {
			n.StoryID, n.At = s.ID, s.PublishedAt.Add(time.Duration(j+1)*time.Hour)
			if _, err := f.store.AddNote(ctx, n); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Related stories beside each story: the fixture's, which share tags.
	if err := f.store.LinkTranslations(ctx, stories[0].story.ID, stories[len(stories)-1].story.ID); err != nil {
		t.Fatal(err)
	}

	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(f.handler)
	defer srv.Close()
	for _, tc := range stories {
		t.Run(tc.name, func(t *testing.T) {
			x, err := f.store.Story(ctx, tc.story.ID)
			if err != nil {
				t.Fatal(err)
			}
			ed, err := f.store.Edition(ctx, x.Edition)
			if err != nil {
				t.Fatal(err)
			}
			url := srv.URL + ed.PathPrefix() + x.Path()
			res, err := srv.Client().Get(url)
			if err != nil {
				t.Fatal(err)
			}
			page, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d %v", url, res.StatusCode, err)
			}
			got := readWithReadability(t, url, string(page))

			if got.Title != x.Headline {
				t.Errorf("title %q, want the headline %q", got.Title, x.Headline)
			}
			lang := catalog.Lang(ed.Language)
			want := []string{dateLine(lang, ed, x), x.Lead, textOf(x.Body)}
			if normalSpace(got.TextContent) != normalSpace(strings.Join(want, " ")) {
				t.Errorf("reader view text:\n%s\nwant the date line, the lead and the body:\n%s\ncontent:\n%s",
					normalSpace(got.TextContent), normalSpace(strings.Join(want, " ")), got.Content)
			}
			// The reader view's own header names the authors, from the
			// page's metadata, though the byline is not in its text.
			if names := authorNames(x.Bylines); names != "" && got.Byline != names {
				t.Errorf("reader view byline %q, want %q", got.Byline, names)
			}
			if got.Lang != ed.Language {
				t.Errorf("reader view language %q, want %q", got.Lang, ed.Language)
			}
		})
	}
}

// dateLine is what a story's date line says: when it was published and,
// if it was edited later, when it was updated, in the edition's zone,
// format and language.
func dateLine(l *i18n.Lang, ed news.Edition, x news.Story) string {
	line := l.Date(x.PublishedAt.In(ed.Location()), ed.DateFormat)
	if x.UpdatedAt.After(x.PublishedAt) {
		line += " " + l.T("ui.Updated") + " " + l.Date(x.UpdatedAt.In(ed.Location()), ed.DateFormat)
	}
	return line
}

// authorNames lists the names of a story's authors as a reader view
// shows them.
func authorNames(bylines []news.Author) string {
	names := make([]string, len(bylines))
	for i, a := range bylines {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}

// textOf is the text of an HTML fragment as a DOM's textContent reads it.
func textOf(fragment string) string {
	return html.UnescapeString(anyTag.ReplaceAllString(fragment, ""))
}

// normalSpace collapses runs of white space to one space and trims.
func normalSpace(s string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}
