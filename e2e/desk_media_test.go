package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"newsdesk/internal/media"
)

// TestDeskMediaUpload uploads files in the media library as staff do: a
// picture and a video chosen in the file dialog, a file whose name says
// .jpg but which is text, and a picture dropped on the upload area. Each
// gets its own progress bar and its own answer.
func TestDeskMediaUpload(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "photo@example.com", "contributor", "Photo Desk")
	ctx := newBrowser(t)
	signIn(t, ctx, s, "photo@example.com", "/desk/media")

	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 800, 500))
	for y := 0; y < 500; y++ {
		for x := 0; x < 800; x++ {
			img.Set(x, y, color.RGBA{uint8(x / 4), uint8(y / 2), 140, 255})
		}
	}
	var pic, clip bytes.Buffer
	png.Encode(&pic, img)
	if err := media.SampleVideo(&clip, 64, 48, 10, 10, func(int) image.Image { return img }); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"quay.png": pic.Bytes(), "tide.mp4": clip.Bytes(), "notes.jpg": []byte("these are notes, not a photograph\n")}
	var paths []string
	for _, name := range []string{"quay.png", "tide.mp4", "notes.jpg"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#upload-files"), paths),
		chromedp.Click(chromedp.CSS(`form[data-upload] button[type=submit]`)),
	); err != nil {
		t.Fatalf("choose and upload files: %v", err)
	}
	type row struct {
		Name, Status, Class string
		Value               float64
	}
	rows := `[...document.querySelectorAll('[data-progress] li')].map(li => ({Name: li.querySelector('.media-progress-name').textContent,
		Status: li.querySelector('.media-progress-status').textContent, Class: li.className, Value: li.querySelector('progress').value}))`
	got, err := chromedp.Run(ctx, chromedp.Poll[[]row](`(() => { const r = `+rows+`; return r.length === 3 && r.every(x => x.Class) ? r : null })()`,
		chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		t.Fatalf("the uploads did not finish: %v (%v)", err, evalJS[any](t, ctx, rows))
	}
	want := []row{{"quay.png", "stored", "ok", 100}, {"tide.mp4", "stored", "ok", 100}}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("upload %d: %+v, want %+v", i, got[i], w)
		}
	}
	if got[2].Name != "notes.jpg" || got[2].Class != "failed" || !bytes.Contains([]byte(got[2].Status), []byte("is not accepted")) {
		t.Errorf("the text named .jpg: %+v, want refused as not accepted", got[2])
	}

	// A picture dropped on the upload area, drawn by the page itself.
	evalJS[bool](t, ctx, `(() => {
		const c = document.createElement('canvas'); c.width = 400; c.height = 300;
		const g = c.getContext('2d'); g.fillStyle = '#2a6'; g.fillRect(0, 0, 400, 300); g.fillStyle = '#fff'; g.fillRect(50, 50, 120, 80);
		c.toBlob(b => {
			const dt = new DataTransfer();
			dt.items.add(new File([b], 'dropped.png', {type: 'image/png'}));
			const drop = document.querySelector('[data-drop]');
			drop.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
			drop.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
		}, 'image/png');
		return true;
	})()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const r = `+rows+`; return r.length === 4 && r[3].Class === 'ok' || null })()`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the dropped file was not stored: %v (%v)", err, evalJS[any](t, ctx, rows))
	}
	screenshotHere(t, ctx, "desk-media-upload")
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`[data-refresh]`)))
	if err != nil || resp.Status != 200 {
		t.Fatalf("show the new items: %v", err)
	}
	names := evalJS[[]string](t, ctx, `[...document.querySelectorAll('.media-name')].map(e => e.textContent)`)
	for _, n := range []string{"quay.png", "tide.mp4", "dropped.png"} {
		found := false
		for _, x := range names {
			found = found || x == n
		}
		if !found {
			t.Errorf("the library lists %q, not %s", names, n)
		}
	}
}

// TestEditorMediaPicker writes a story whose gallery, lead video and
// featured image are chosen in the editor's picker from the demo's media,
// publishes it and finds them on its page.
func TestEditorMediaPicker(t *testing.T) {
	s := startSite(t, siteOptions{})
	addStaff(t, s, "pictures@example.com", "editor", "Pia Pictures")
	ctx := newBrowser(t)
	signIn(t, ctx, s, "pictures@example.com", "/desk/stories/new")
	writeStory(t, ctx, "The harbour from the lighthouse")

	// The editor's action buttons stay at the top of the side column as
	// it scrolls: what is clicked is first brought to the bottom of the
	// window, out of their way.
	click := func(sel string) error {
		evalJS[bool](t, ctx, `(document.querySelector('`+sel+`').scrollIntoView({block: 'end'}), true)`)
		return chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel)))
	}
	pick := func(role string, n int) []string {
		t.Helper()
		if err := click(`[data-choose="` + role + `"]`); err != nil {
			t.Fatalf("open the picker for %s: %v", role, err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll('dialog.picker[open] .picker-item').length >= %d || null`, n),
			chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("the picker for %s lists fewer than %d items: %v", role, n, err)
		}
		var ids []string
		for i := 1; i <= n; i++ {
			sel := fmt.Sprintf(`dialog.picker[open] li:nth-child(%d) .picker-item`, i)
			ids = append(ids, evalJS[string](t, ctx, `document.querySelector('`+sel+`').dataset.mediaId`))
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
				t.Fatalf("choose item %d for %s: %v", i, role, err)
			}
		}
		if evalJS[bool](t, ctx, `!!document.querySelector('dialog.picker[open]')`) {
			chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`dialog.picker [data-done]`)))
		}
		return ids
	}
	gallery := pick("gallery", 3)
	lead := pick("lead", 1)
	pick("featured", 1)
	got := evalJS[map[string]string](t, ctx, `({gallery: document.querySelector('#media_gallery').value, lead: document.querySelector('#media_lead').value,
		featured: document.querySelector('#featured_image').value, chips: String(document.querySelectorAll('[data-media-role="gallery"] .media-chosen li').length)})`)
	if got["gallery"] != strings.Join(gallery, ", ") || got["lead"] != lead[0] || !strings.HasPrefix(got["featured"], "/media/") || got["chips"] != "3" {
		t.Fatalf("the form holds %v; want gallery %v, lead %v and a library image", got, gallery, lead)
	}
	// The second photo moves up, the first goes.
	if err := click(`[data-media-role="gallery"] .media-chosen li:nth-child(2) button[aria-label^="Move up"]`); err != nil {
		t.Fatal(err)
	}
	if err := click(`[data-media-role="gallery"] .media-chosen li:nth-child(2) button[aria-label^="Remove"]`); err != nil {
		t.Fatal(err)
	}
	if v := evalJS[string](t, ctx, `document.querySelector('#media_gallery').value`); v != gallery[1]+", "+gallery[2] {
		t.Fatalf("after moving and removing: %q, want %q", v, gallery[1]+", "+gallery[2])
	}
	if status := press(t, ctx, "publish"); status != 200 {
		t.Fatalf("publish: status %d", status)
	}
	id := storyID(t, ctx)
	public := evalJS[string](t, ctx, `(document.querySelector('a[href*="-the-harbour-from-the-lighthouse"]') || {}).href || ''`)
	if public == "" {
		t.Fatalf("story %s: the editor links no public page after publishing", id)
	}
	open(t, ctx, public, 200)
	page := evalJS[map[string]int](t, ctx, `({thumbs: document.querySelectorAll('.gallery-thumb').length, video: document.querySelectorAll('[data-video] video').length,
		video_label: document.querySelectorAll('.opener .badge-video').length, photos_label: document.querySelectorAll('.opener .badge-photos').length})`)
	if page["thumbs"] != 2 || page["video"] != 1 || page["video_label"] != 1 || page["photos_label"] != 1 {
		t.Errorf("the published story shows %v; want 2 photos, the video and both labels", page)
	}
}
