package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/web/webtest"
)

// testMedia is a media library on disk in the test's folder.
func testMedia(t testing.TB) *media.Library { return webtest.Media(t) }

func picture(w, h, n int) image.Image { return webtest.Picture(w, h, n) }

func pngFile(n int) []byte { return webtest.PNG(n) }

func jpegWithGPS(w, h int) []byte { return webtest.JPEGWithGPS(w, h) }

// truncatedMP3 is the first half of an MP3 of five seconds.
func truncatedMP3() []byte {
	b := media.SilentMP3(5 * time.Second)
	return b[:len(b)/2]
}

func mp4File(t testing.TB, w, h, frames, fps int) []byte { return webtest.MP4(t, w, h, frames, fps) }

func multipartBody(form url.Values, files ...any) (string, *bytes.Buffer) {
	return webtest.MultipartBody(form, files...)
}

// upload sends files as the desk's upload form does.
func (c *client) upload(path string, form url.Values, files ...any) response {
	ctype, body := multipartBody(form, files...)
	r := httptest.NewRequest(http.MethodPost, path, body)
	r.Header.Set("Content-Type", ctype)
	return c.do(r)
}

// uploadJSON sends files as the desk's script does and decodes the answer.
func (c *client) uploadJSON(t testing.TB, files ...any) (response, uploadResult) {
	t.Helper()
	ctype, body := multipartBody(nil, files...)
	r := httptest.NewRequest(http.MethodPost, "/desk/media", body)
	r.Header.Set("Content-Type", ctype)
	r.Header.Set("Accept", "application/json")
	res := c.do(r)
	var out uploadResult
	if res.status == http.StatusOK {
		if err := json.Unmarshal([]byte(res.body), &out); err != nil {
			t.Fatalf("upload answer: %v\n%s", err, res.body)
		}
	}
	return res, out
}

// storedFiles lists the files of the fixture's media storage and
// temporary folder.
func storedFiles(t testing.TB, lib *media.Library) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{lib.Storage.(*media.Disk).Dir(), lib.TempDir} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				out = append(out, p)
			}
			return nil
		})
	}
	return out
}

func TestMediaUploadAndServe(t *testing.T) {
	df := newDeskFixture(t)
	c := df.signedIn(t, news.RoleContributor)

	res, up := c.uploadJSON(t, "holiday.jpg", jpegWithGPS(800, 600))
	wantStatus(t, "upload", res, http.StatusOK)
	if len(up.Items) != 1 || up.Items[0].Kind != "image" || up.Items[0].Width != 800 || !up.Items[0].Created {
		t.Fatalf("upload = %+v", up)
	}
	img := up.Items[0]

	t.Run("served whole", func(t *testing.T) {
		res := df.get(t, img.URL)
		wantStatus(t, "GET "+img.URL, res, http.StatusOK)
		h := res.header
		if h.Get("Content-Type") != "image/jpeg" || h.Get("Content-Length") != fmt.Sprint(img.Size) || h.Get("ETag") == "" ||
			h.Get("Cache-Control") != "public, max-age=31536000, immutable" || h.Get("Accept-Ranges") != "bytes" {
			t.Errorf("headers = %v", h)
		}
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") {
			t.Errorf("an image is served with the policy %q, want a sandbox", csp)
		}
		if strings.Contains(res.body, "51.5007N") || strings.Contains(res.body, "Exif") {
			t.Error("the served image still holds its GPS position")
		}
		if cfg, err := jpeg.DecodeConfig(strings.NewReader(res.body)); err != nil || cfg.Width != 800 {
			t.Errorf("served image: %+v, %v", cfg, err)
		}
		r := httptest.NewRequest(http.MethodGet, img.URL, nil)
		r.Header.Set("If-None-Match", h.Get("ETag"))
		if res := df.do(t, r); res.status != http.StatusNotModified {
			t.Errorf("If-None-Match: status %d, want 304", res.status)
		}
	})
	t.Run("ranges", func(t *testing.T) {
		r := httptest.NewRequest(http.MethodGet, img.URL, nil)
		r.Header.Set("Range", "bytes=100-199")
		res := df.do(t, r)
		if res.status != http.StatusPartialContent || len(res.body) != 100 ||
			res.header.Get("Content-Range") != fmt.Sprintf("bytes 100-199/%d", img.Size) {
			t.Errorf("range: status %d, %d bytes, Content-Range %q", res.status, len(res.body), res.header.Get("Content-Range"))
		}
		whole := df.get(t, img.URL).body
		if res.body != whole[100:200] {
			t.Error("the range is not those bytes of the file")
		}
	})
	t.Run("widths", func(t *testing.T) {
		res := df.get(t, strings.Replace(img.URL, ".jpg", "-w320.jpg", 1))
		wantStatus(t, "width 320", res, http.StatusOK)
		if cfg, err := jpeg.DecodeConfig(strings.NewReader(res.body)); err != nil || cfg.Width != 320 || cfg.Height != 240 {
			t.Errorf("width 320: %+v, %v", cfg, err)
		}
		df.mustGet(t, strings.Replace(img.URL, ".jpg", "-w1280.jpg", 1), http.StatusNotFound)
		df.mustGet(t, "/media/..%2F..%2Fetc%2Fpasswd.jpg", http.StatusNotFound)
		df.mustGet(t, "/media/UPPER.jpg", http.StatusNotFound)
		df.mustGet(t, "/media/0123456789abcdef0123456789abcdef.jpg", http.StatusNotFound)
	})
	t.Run("the same file again", func(t *testing.T) {
		_, again := c.uploadJSON(t, "copy.jpg", jpegWithGPS(800, 600))
		if len(again.Items) != 1 || again.Items[0].ID != img.ID || again.Items[0].Created {
			t.Errorf("second upload = %+v, want item %d, not created", again.Items, img.ID)
		}
	})
	t.Run("many at once", func(t *testing.T) {
		video := mp4File(t, 96, 64, 20, 10)
		res, up := c.uploadJSON(t, "chart.png", pngFile(7), "clip.mp4", video, "report.pdf", []byte("%PDF-1.4\n%%EOF\n"),
			"talk.mp3", media.SilentMP3(3*time.Second))
		wantStatus(t, "upload of four", res, http.StatusOK)
		if len(up.Items) != 4 {
			t.Fatalf("items = %+v, errors %+v", up.Items, up.Errors)
		}
		v := up.Items[1]
		if v.Kind != "video" || v.MIME != "video/mp4" || v.Width != 96 || v.Height != 64 || v.Duration != "0:02" || v.Seconds != 2 {
			t.Errorf("video = %+v", v)
		}
		res = df.get(t, v.URL)
		if res.header.Get("Content-Type") != "video/mp4" || len(res.body) != len(video) {
			t.Errorf("video served as %q, %d bytes", res.header.Get("Content-Type"), len(res.body))
		}
		if a := up.Items[3]; a.Kind != "audio" || a.MIME != "audio/mpeg" || a.Duration != "0:03" {
			t.Errorf("audio = %+v", a)
		}
		if csp := df.get(t, up.Items[2].URL).header.Get("Content-Security-Policy"); csp != "" {
			t.Errorf("a PDF is served with the policy %q, which browsers' PDF viewers refuse", csp)
		}
		if up.Items[2].Kind != "document" || df.get(t, up.Items[2].URL+"?download=report.pdf").header.Get("Content-Disposition") != `attachment; filename=report.pdf` {
			t.Errorf("document = %+v", up.Items[2])
		}
	})
	t.Run("the library", func(t *testing.T) {
		page := c.get("/desk/media")
		wantStatus(t, "library", page, http.StatusOK)
		mustContain(t, "library", page.body, "holiday.jpg", "clip.mp4", "report.pdf", "no alt text")
		page = c.get("/desk/media?kind=video")
		if !strings.Contains(page.body, "clip.mp4") || strings.Contains(page.body, "holiday.jpg") {
			t.Error("the video filter shows other kinds")
		}
		page = c.get("/desk/media?q=report")
		if !strings.Contains(page.body, "report.pdf") || strings.Contains(page.body, "clip.mp4") {
			t.Error("the search shows what does not match")
		}
	})
	t.Run("plain form", func(t *testing.T) {
		res := c.upload("/desk/media", nil, "a.png", pngFile(20), "b.png", pngFile(21))
		if res.status != http.StatusSeeOther || res.header.Get("Location") != "/desk/media" {
			t.Fatalf("plain upload: status %d, Location %q", res.status, res.header.Get("Location"))
		}
		mustContain(t, "library after the form", c.get("/desk/media").body, "Uploaded 2 files.", "a.png", "b.png")
	})
	t.Run("caption, credit and alt", func(t *testing.T) {
		res := c.post(fmt.Sprintf("/desk/media/%d", img.ID), url.Values{"caption": {"The harbour at dawn"}, "credit": {"Anna Marsh"}, "alt": {"Fishing boats moored at dawn"}})
		wantStatus(t, "save", res, http.StatusSeeOther)
		m, err := df.store.Media(context.Background(), img.ID)
		if err != nil || m.Caption != "The harbour at dawn" || m.Credit != "Anna Marsh" || m.Alt != "Fishing boats moored at dawn" {
			t.Errorf("saved = %+v, %v", m, err)
		}
		// Another contributor may not change it.
		other := df.addUser(t, "second@example.com", news.RoleContributor, df.users[news.RoleAdmin].PasswordHash)
		oc := df.client(t)
		oc.post("/desk/signin", url.Values{"email": {other.Email}, "password": {deskPassword}})
		res = oc.post(fmt.Sprintf("/desk/media/%d", img.ID), url.Values{"caption": {"Hijacked"}})
		wantStatus(t, "another's save", res, http.StatusForbidden)
	})
}

func TestMediaUploadRefusals(t *testing.T) {
	df := newDeskFixture(t)
	c := df.signedIn(t, news.RoleAuthor)
	lib := df.srv.cfg.Media
	valid := jpegWithGPS(64, 64)
	tests := []struct {
		name   string
		file   string
		data   []byte
		status int
		msg    string
	}{
		{"not an image named .jpg", "photo.jpg", []byte(strings.Repeat("<p>hello</p> ", 40)), 400, "text/html is not accepted"},
		{"empty file", "empty.png", nil, 400, "the file is empty"},
		{"svg with a script", "logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>`), 400, "SVG images are not accepted"},
		{"truncated image", "cut.jpg", valid[:len(valid)/2], 400, "cannot be read"},
		{"truncated video", "cut.mp4", mp4File(t, 32, 32, 4, 4)[:3000], 400, "cut short"},
		{"truncated MP3", "talk.mp3", truncatedMP3(), 400, "duration cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := c.uploadJSON(t, tt.file, tt.data)
			if res.status != tt.status || !strings.Contains(res.body, tt.msg) || !strings.Contains(res.body, tt.file) {
				t.Errorf("status %d, body %s; want %d with %q naming %s", res.status, res.body, tt.status, tt.msg, tt.file)
			}
			if left := storedFiles(t, lib); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			if _, n, _ := df.store.ListMedia(context.Background(), news.MediaFilter{}); n != 0 {
				t.Errorf("%d items in the library", n)
			}
		})
	}
	t.Run("over the size limit", func(t *testing.T) {
		set, _ := df.store.Settings(context.Background())
		set.MediaLimits[news.MediaImage] = 2000
		set.MediaLimits[news.MediaVideo] = 4000
		set.MediaLimits[news.MediaAudio] = 4000
		set.MediaLimits[news.MediaDocument] = 4000
		if err := df.store.SaveSettings(context.Background(), set); err != nil {
			t.Fatal(err)
		}
		big := jpegWithGPS(300, 300)
		res, _ := c.uploadJSON(t, "big.jpg", big)
		if res.status != http.StatusRequestEntityTooLarge || !strings.Contains(res.body, "image files may be at most 2 KB") {
			t.Errorf("status %d, %s; want 413 naming the limit", res.status, res.body)
		}
		// A request larger than any limit is refused on its Content-Length.
		ctype, body := multipartBody(nil, "huge.jpg", append(valid, make([]byte, 3<<20)...))
		r := httptest.NewRequest(http.MethodPost, "/desk/media", body)
		r.Header.Set("Content-Type", ctype)
		r.Header.Set("Accept", "application/json")
		res = c.do(r)
		if res.status != http.StatusRequestEntityTooLarge || !strings.Contains(res.body, "too large") {
			t.Errorf("huge: status %d, %s", res.status, res.body)
		}
		if left := storedFiles(t, lib); len(left) > 0 {
			t.Errorf("left behind: %v", left)
		}
	})
	t.Run("no file", func(t *testing.T) {
		res := c.upload("/desk/media", url.Values{"x": {"y"}})
		wantStatus(t, "no file", res, http.StatusBadRequest)
	})
}

func TestMediaLimitsOnTheSettingsPage(t *testing.T) {
	df := newDeskFixture(t)
	c := df.signedIn(t, news.RoleAdmin)
	mustContain(t, "settings", c.get("/desk/settings").body, `name="media_limit_video"`, `value="500"`)
	form := url.Values{"site_name": {"Harbour Times"}, "media_limit_image": {"0.5"}, "media_limit_video": {""}}
	wantStatus(t, "save", c.post("/desk/settings", form), http.StatusSeeOther)
	set, _ := df.store.Settings(context.Background())
	if set.MediaLimit(news.MediaImage) != 512<<10 || set.MediaLimit(news.MediaVideo) != news.DefaultMediaLimits[news.MediaVideo] {
		t.Errorf("limits = %v", set.MediaLimits)
	}
	form.Set("media_limit_audio", "-3")
	res := c.post("/desk/settings", form)
	wantStatus(t, "bad limit", res, http.StatusBadRequest)
	mustContain(t, "refused settings", res.body, "audio limit must be between")
}
