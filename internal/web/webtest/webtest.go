// Package webtest fills a real store with the newsroom that the tests of
// the public site and of the desk share, and makes the media files they
// upload. It imports neither: each package's tests wire their own server
// over it.
package webtest

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// Newsroom names what the tests need of the stories Fill writes.
type Newsroom struct {
	Lead     news.Story // the newest English story: video label, updated, tags, bylines
	Russian  news.Story
	Draft    news.Story
	World    news.Section
	Business news.Section
}

// Fill writes the starter editions, their sections and stories English
// stories, with a lead story, a Russian one and a draft, through the
// store's API.
func Fill(t testing.TB, st *store.Store, stories int) *Newsroom {
	t.Helper()
	ctx := context.Background()
	n := &Newsroom{}
	for _, e := range news.StarterEditions() {
		if err := st.SaveEdition(ctx, e); err != nil {
			t.Fatalf("save edition: %v", err)
		}
	}
	ensure := func(ed, name string) news.Section {
		sec, err := st.EnsureSection(ctx, ed, name)
		if err != nil {
			t.Fatalf("ensure section %s: %v", name, err)
		}
		return sec
	}
	n.World, n.Business = ensure("en", "World"), ensure("en", "Business")
	ensure("en", "Sport") // a section without stories
	mir := ensure("ru", "Мир")

	base := time.Date(2018, 1, 31, 2, 43, 0, 0, time.UTC)
	var batch []*news.Story
	for i := stories; i >= 1; i-- {
		sec := n.World
		if i%3 == 0 {
			sec = n.Business
		}
		h := fmt.Sprintf("Harbour council story number %d", i)
		batch = append(batch, &news.Story{
			Edition: "en", Section: sec, Slug: news.Slugify(h), Headline: h,
			Lead:        fmt.Sprintf("Lead paragraph of story %d about the harbour.", i),
			Body:        fmt.Sprintf("<p>Body of story %d.</p><p>A second paragraph.</p>", i),
			Status:      news.StatusPublished,
			PublishedAt: base.Add(-time.Duration(i) * time.Hour),
			Tags:        []news.Tag{{Name: "Harbour"}, {Name: fmt.Sprintf("Topic %d", i%4)}},
			Bylines:     []news.Author{{Name: "Anna Marsh"}},
		})
	}
	if err := st.CreateStories(ctx, batch); err != nil {
		t.Fatalf("create stories: %v", err)
	}
	n.Lead = news.Story{
		Edition: "en", Section: n.World, Slug: "locals-want-troops-out", Headline: "Locals want troops out after air strike",
		Lead:        "Locals recounted the details of an air strike.",
		Body:        `<p>"We demand the departure," a member of the tribe said.</p><p>The incident is under investigation.</p>`,
		Status:      news.StatusPublished,
		PublishedAt: base,
		UpdatedAt:   base.Add(90 * time.Minute),
		Labels:      []news.MediaLabel{news.LabelVideo},
		Tags:        []news.Tag{{Name: "Harbour"}, {Name: "Air strikes"}},
		Bylines:     []news.Author{{Name: "Anna Marsh"}, {Name: "Oleg Petrov"}},
	}
	n.Russian = news.Story{
		Edition: "ru", Section: mir, Slug: news.Slugify("Жители требуют вывода войск"), Headline: "Жители требуют вывода войск",
		Lead: "Местные жители рассказали о последствиях удара.", Body: "<p>Текст новости.</p>",
		Status: news.StatusPublished, PublishedAt: base, Tags: []news.Tag{{Name: "Ирак"}},
	}
	n.Draft = news.Story{
		Edition: "en", Section: n.World, Slug: "unfinished-draft", Headline: "An unfinished draft",
		Status: news.StatusDraft,
	}
	for _, s := range []*news.Story{&n.Lead, &n.Russian, &n.Draft} {
		if err := st.CreateStory(ctx, s); err != nil {
			t.Fatalf("create story %q: %v", s.Headline, err)
		}
	}
	return n
}

// Media is a media library on disk in the test's folder.
func Media(t testing.TB) *media.Library {
	t.Helper()
	dir := t.TempDir()
	disk, err := media.NewDisk(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o750); err != nil {
		t.Fatal(err)
	}
	return &media.Library{Storage: disk, TempDir: tmp}
}

// Picture draws a w×h gradient; n changes its colours, so that pictures
// of different n are different files.
func Picture(w, h, n int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x*255/w + n), uint8(y * 255 / h), uint8(n * 37), 255})
		}
	}
	return img
}

// PNG is a small PNG file, different for each n.
func PNG(n int) []byte {
	var b bytes.Buffer
	png.Encode(&b, Picture(24, 16, n))
	return b.Bytes()
}

// JPEGWithGPS is a w×h JPEG carrying an EXIF segment with a GPS position
// written as text, "GPS 51.5007N".
func JPEGWithGPS(w, h int) []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, Picture(w, h, 1), nil)
	raw := b.Bytes()
	tiff := []byte("II*\x00\x08\x00\x00\x00\x01\x00\x25\x88\x04\x00\x01\x00\x00\x00\x1a\x00\x00\x00\x00\x00\x00\x00GPS 51.5007N")
	seg := append([]byte("Exif\x00\x00"), tiff...)
	out := append([]byte{0xFF, 0xD8, 0xFF, 0xE1}, binary.BigEndian.AppendUint16(nil, uint16(len(seg)+2))...)
	return append(append(out, seg...), raw[2:]...)
}

// MP4 is a w×h video of the given frames at fps.
func MP4(t testing.TB, w, h, frames, fps int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := media.SampleVideo(&b, w, h, frames, fps, func(i int) image.Image { return Picture(w, h, i) }); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// MultipartBody is a form with the given fields and files (name, content
// pairs), each file in a part named "file".
func MultipartBody(form url.Values, files ...any) (string, *bytes.Buffer) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for i := 0; i+1 < len(files); i += 2 {
		fw, _ := mw.CreateFormFile("file", files[i].(string))
		fw.Write(files[i+1].([]byte))
	}
	mw.Close()
	return mw.FormDataContentType(), &body
}
