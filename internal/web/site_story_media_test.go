package web

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
)

// TestStoryWithMedia uploads a video, photos and a document through the
// desk, attaches them to a story and reads its page and the lists.
func TestStoryWithMedia(t *testing.T) {
	df := newDeskFixture(t)
	c := df.signedIn(t, news.RoleEditor)
	ctx := context.Background()
	res, up := c.uploadJSON(t, "harbour.jpg", jpegWithGPS(1400, 700), "boats.png", pngFile(3), "clip.mp4", mp4File(t, 64, 48, 10, 10),
		"budget.pdf", []byte("%PDF-1.4\n%%EOF\n"), "interview.mp3", media.SilentMP3(4*time.Second))
	wantStatus(t, "upload", res, http.StatusOK)
	if len(up.Items) != 5 {
		t.Fatalf("uploaded %+v, refused %+v", up.Items, up.Errors)
	}
	photo, drawing, video, pdf, audio := up.Items[0], up.Items[1], up.Items[2], up.Items[3], up.Items[4]
	for _, it := range []mediaItem{photo, drawing} {
		res := c.post("/desk/media/"+itoa(it.ID), map[string][]string{"caption": {"Caption of " + it.Name}, "credit": {"Anna Marsh"}, "alt": {"Alt of " + it.Name}})
		wantStatus(t, "caption", res, http.StatusSeeOther)
	}
	st, err := df.store.Story(ctx, df.lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	st.Labels = nil
	st.FeaturedImage = photo.URL
	st.Body += `<p><img src="` + photo.URL + `" alt="The quay in the body"></p>`
	st.Media = []news.StoryMedia{
		{Role: news.RoleLead, Media: news.Media{ID: video.ID}},
		{Role: news.RoleGallery, Media: news.Media{ID: photo.ID}},
		{Role: news.RoleGallery, Media: news.Media{ID: drawing.ID}},
		{Role: news.RoleAudio, Media: news.Media{ID: audio.ID}},
		{Role: news.RoleAttachment, Media: news.Media{ID: pdf.ID}},
	}
	if err := df.store.UpdateStory(ctx, &st); err != nil {
		t.Fatal(err)
	}
	page := df.mustGet(t, st.Path(), http.StatusOK).body
	base := strings.TrimSuffix(photo.URL, ".jpg")
	mustContain(t, "story page", page,
		`<video controls preload="metadata" playsinline src="`+video.URL+`" poster="`+base+`-w960.jpg" width="64" height="48">`,
		`aria-label="Play"`, `aria-label="Mute"`, `aria-label="Full screen"`, `<time datetime="PT1S">0:01</time>`,
		`srcset="`+base+`-w320.jpg 320w, `+base+`-w640.jpg 640w, `+base+`-w960.jpg 960w, `+base+`-w1280.jpg 1280w, `+photo.URL+` 1400w"`,
		`sizes="(min-width: 760px) 240px, 50vw"`, `alt="Alt of harbour.jpg"`, `aria-label="Open photo 2 of 2"`,
		`Caption of boats.png <span class="credit">Anna Marsh</span>`, "2 photos",
		`<audio controls preload="none" src="`+audio.URL+`">`, `<time datetime="PT4S">0:04</time>`,
		`href="`+pdf.URL+`?download=budget.pdf" download="budget.pdf"`, "PDF, ",
		`class="badge badge-video"`, `class="badge badge-photos"`, `class="badge badge-audio"`, `<script src="/static/site-media.`)
	// The body's library image gets its widths too.
	mustContain(t, "body image", page, `<img src="`+photo.URL+`" srcset="`+base+`-w320.jpg 320w, `)
	// The viewer's chrome is on the page for the script to use.
	mustContain(t, "viewer", page, `data-viewer role="dialog"`, `aria-label="Next photo"`, `aria-label="Close"`)
	// Every srcset entry is served at its width.
	for _, m := range regexp.MustCompile(`(/media/[0-9a-f]+-w(\d+)\.jpg) \d+w`).FindAllStringSubmatch(page, -1) {
		df.mustGet(t, m[1], http.StatusOK)
	}
	// The lists show the labels the media give.
	home := df.mustGet(t, "/", http.StatusOK).body
	at := strings.Index(home, st.Headline)
	card := home[strings.LastIndex(home[:at], "<article"):at]
	if !strings.Contains(card, "badge-video") || !strings.Contains(card, "badge-photos") {
		t.Errorf("the home page's card of the story has no video label")
	}
	// A caption changed in the library shows on the cached page at once.
	res = c.post("/desk/media/"+itoa(drawing.ID), map[string][]string{"caption": {"Boats leaving at noon"}, "alt": {"Boats"}})
	wantStatus(t, "caption", res, http.StatusSeeOther)
	mustContain(t, "story page after the caption", df.mustGet(t, st.Path(), http.StatusOK).body, "Boats leaving at noon")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestEditorMediaFields attaches media in the story editor's form, as the
// picker fills it (and as a person without the script types it).
func TestEditorMediaFields(t *testing.T) {
	df := newDeskFixture(t)
	c := df.signedIn(t, news.RoleAuthor)
	ctx := context.Background()
	res, up := c.uploadJSON(t, "one.png", pngFile(1), "two.png", pngFile(2), "clip.mp4", mp4File(t, 32, 32, 5, 5))
	wantStatus(t, "upload", res, http.StatusOK)
	one, two, clip := up.Items[0], up.Items[1], up.Items[2]

	v := df.storyValues("Harbour in pictures")
	v.Set("media_form", "1")
	v.Set("media_lead", itoa(clip.ID))
	v.Set("media_gallery", itoa(two.ID)+", #"+itoa(one.ID))
	v.Set("action", "save")
	id := storyIDFrom(t, c.post("/desk/stories/new", v))
	st, err := df.store.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Media) != 3 || st.Media[1].Media.ID != two.ID || st.Media[2].Media.ID != one.ID {
		t.Fatalf("media = %+v", st.Media)
	}
	if len(st.Labels) != 2 || st.Labels[0] != news.LabelVideo || st.Labels[1] != news.LabelPhotos {
		t.Errorf("labels = %v, want video, photos", st.Labels)
	}
	page := c.get("/desk/stories/" + itoa(id))
	mustContain(t, "editor", page.body, `name="media_gallery" value="`+itoa(two.ID)+", "+itoa(one.ID)+`"`, `data-items="[{`, "one.png")

	// Publishing needs the photos' alt text; the refusal names the file
	// and keeps what was typed.
	v.Set("version", strconv.Itoa(st.Version))
	v.Set("action", "publish")
	res = c.post("/desk/stories/"+itoa(id), v)
	wantStatus(t, "publish without alt text", res, http.StatusBadRequest)
	mustContain(t, "refused publish", res.body, "Every image needs its alt text before the story is published: two.png has none.")
	for _, it := range []mediaItem{one, two} {
		c.post("/desk/media/"+itoa(it.ID), map[string][]string{"alt": {"Boats " + it.Name}})
	}
	wantStatus(t, "publish", c.post("/desk/stories/"+itoa(id), v), http.StatusSeeOther)

	// A wrong number is the field's error; a form without the media
	// fields keeps the media.
	st, _ = df.store.Story(ctx, id)
	bad := df.storyValues("Harbour in pictures")
	bad.Set("media_form", "1")
	bad.Set("media_gallery", "one, two")
	bad.Set("version", strconv.Itoa(st.Version))
	bad.Set("action", "update")
	res = c.post("/desk/stories/"+itoa(id), bad)
	wantStatus(t, "bad numbers", res, http.StatusBadRequest)
	mustContain(t, "refused numbers", res.body, "The gallery must be numbers of items in the media library", `value="one, two"`)
	plain := df.storyValues("Harbour in pictures, updated")
	plain.Set("version", strconv.Itoa(st.Version))
	plain.Set("action", "update")
	wantStatus(t, "update without media fields", c.post("/desk/stories/"+itoa(id), plain), http.StatusSeeOther)
	if again, _ := df.store.Story(ctx, id); len(again.Media) != 3 {
		t.Errorf("after a form without media fields: %d items, want 3", len(again.Media))
	}
}
