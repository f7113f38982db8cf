package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

// testImage draws a w×h picture with a gradient, so that resizing has
// something to do.
func testImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 90, 255})
		}
	}
	return img
}

func jpegBytes(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withExif inserts an APP1 EXIF segment right after the JPEG's start
// marker: orientation o and a GPS tag whose value holds marker text.
func withExif(jpg []byte, orientation uint16) []byte {
	var tiff bytes.Buffer
	tiff.WriteString("II*\x00")
	binary.Write(&tiff, binary.LittleEndian, uint32(8))
	binary.Write(&tiff, binary.LittleEndian, uint16(2)) // two entries
	// Orientation, SHORT, count 1, value.
	binary.Write(&tiff, binary.LittleEndian, []uint16{0x0112, 3})
	binary.Write(&tiff, binary.LittleEndian, uint32(1))
	binary.Write(&tiff, binary.LittleEndian, []uint16{orientation, 0})
	// GPSInfo pointer, LONG; the bytes after it read as where it was taken.
	binary.Write(&tiff, binary.LittleEndian, []uint16{0x8825, 4})
	binary.Write(&tiff, binary.LittleEndian, []uint32{1, 38})
	binary.Write(&tiff, binary.LittleEndian, uint32(0))
	tiff.WriteString("GPS 51.5007N 0.1246W")
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, 0xFF, 0xE1)
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

func sampleMP4(t testing.TB, w, h, frames, fps int) []byte {
	t.Helper()
	var b bytes.Buffer
	err := SampleVideo(&b, w, h, frames, fps, func(i int) image.Image { return testImage(w, h) })
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSniff(t *testing.T) {
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, testImage(4, 4))
	tests := []struct {
		name    string
		head    []byte
		mime    string
		wantErr string
	}{
		{"jpeg", jpegBytes(t, 8, 8), "image/jpeg", ""},
		{"png", pngBuf.Bytes(), "image/png", ""},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "image/gif", ""},
		{"webp", []byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00"), "image/webp", ""},
		{"mp4", sampleMP4(t, 16, 16, 1, 1)[:64], "video/mp4", ""},
		{"m4a", []byte("\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A isom"), "audio/mp4", ""},
		{"webm", []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm"), "video/webm", ""},
		{"ogg", []byte("OggS\x00\x02\x00\x00"), "audio/ogg", ""},
		{"mp3 with ID3", []byte("ID3\x04\x00\x00\x00\x00\x00\x00"), "audio/mpeg", ""},
		{"mp3 frame", []byte{0xFF, 0xFB, 0x90, 0x64, 0, 0}, "audio/mpeg", ""},
		{"pdf", []byte("%PDF-1.7\n"), "application/pdf", ""},
		{"text named .jpg", []byte("this is not a picture at all"), "", "text/plain is not accepted"},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "", "SVG images are not accepted"},
		{"empty", nil, "", "empty"},
		{"html", []byte("<!doctype html><html><script>x</script>"), "", "text/html is not accepted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Sniff(tt.head)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, news.ErrInvalid) {
					t.Fatalf("Sniff = %+v, %v; want an invalid error containing %q", info, err, tt.wantErr)
				}
				return
			}
			if err != nil || info.MIME != tt.mime {
				t.Fatalf("Sniff = %q, %v; want %q", info.MIME, err, tt.mime)
			}
		})
	}
}

// newLibrary is a library on disk in the test's folder; it returns the
// folders of the storage and of the temporary files.
func newLibrary(t testing.TB) (*Library, string, string) {
	t.Helper()
	dir := t.TempDir()
	disk, err := NewDisk(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o750)
	return &Library{Storage: disk, TempDir: tmp}, disk.Dir(), tmp
}

// files lists the files under dir.
func files(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func readStored(t testing.TB, lib *Library, key string) []byte {
	t.Helper()
	f, err := lib.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open %s: %v", key, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIngestImageRemovesCameraMetadata(t *testing.T) {
	lib, _, _ := newLibrary(t)
	ctx := context.Background()
	t.Run("jpeg", func(t *testing.T) {
		up, err := lib.Ingest(ctx, bytes.NewReader(withExif(jpegBytes(t, 40, 30), 1)), DefaultLimits, nil)
		if err != nil {
			t.Fatal(err)
		}
		if up.MIME != "image/jpeg" || up.Width != 40 || up.Height != 30 || !strings.HasSuffix(up.Key, ".jpg") {
			t.Errorf("upload = %+v, want a 40×30 JPEG", up)
		}
		got := readStored(t, lib, up.Key)
		if bytes.Contains(got, []byte("Exif")) || bytes.Contains(got, []byte("51.5007N")) {
			t.Error("the served JPEG still holds the EXIF segment with the GPS position")
		}
		if _, err := jpeg.Decode(bytes.NewReader(got)); err != nil {
			t.Errorf("the served JPEG does not decode: %v", err)
		}
		if int64(len(got)) != up.Size {
			t.Errorf("size = %d, stored %d bytes", up.Size, len(got))
		}
	})
	t.Run("jpeg turned by its EXIF", func(t *testing.T) {
		up, err := lib.Ingest(ctx, bytes.NewReader(withExif(jpegBytes(t, 40, 30), 6)), DefaultLimits, nil)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(readStored(t, lib, up.Key)))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != 30 || cfg.Height != 40 || up.Width != 30 || up.Height != 40 {
			t.Errorf("served %d×%d, recorded %d×%d; want the upright 30×40", cfg.Width, cfg.Height, up.Width, up.Height)
		}
	})
	t.Run("png", func(t *testing.T) {
		var b bytes.Buffer
		png.Encode(&b, testImage(20, 10))
		raw := b.Bytes()
		// An eXIf chunk before IEND: length, type, data, CRC.
		exif := []byte("MM\x00*GPS 51.5007N 0.1246W")
		chunk := binary.BigEndian.AppendUint32(nil, uint32(len(exif)))
		chunk = append(append(chunk, "eXIf"...), exif...)
		chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
		iend := len(raw) - 12
		withChunk := append(append(append([]byte{}, raw[:iend]...), chunk...), raw[iend:]...)
		up, err := lib.Ingest(ctx, bytes.NewReader(withChunk), DefaultLimits, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := readStored(t, lib, up.Key)
		if bytes.Contains(got, []byte("eXIf")) {
			t.Error("the served PNG still holds its eXIf chunk")
		}
		if _, err := png.Decode(bytes.NewReader(got)); err != nil {
			t.Errorf("the served PNG does not decode: %v", err)
		}
	})
}

func TestIngestRefusesAndLeavesNothing(t *testing.T) {
	ctx := context.Background()
	mp4 := sampleMP4(t, 32, 32, 4, 4)
	tests := []struct {
		name   string
		data   []byte
		limits Limits
		code   news.Code
		msg    string
	}{
		{"text named .jpg", []byte(strings.Repeat("not an image ", 50)), DefaultLimits, news.ErrInvalid, "is not accepted"},
		{"empty", nil, DefaultLimits, news.ErrInvalid, "empty"},
		{"svg with a script", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`), DefaultLimits, news.ErrInvalid, "SVG"},
		{"truncated JPEG", jpegBytes(t, 64, 64)[:300], DefaultLimits, news.ErrInvalid, "cannot be read"},
		{"truncated MP4", mp4[:len(mp4)-100], DefaultLimits, news.ErrInvalid, "cut short"},
		{"truncated PDF", []byte("%PDF-1.4\n1 0 obj\n<<>>\n"), DefaultLimits, news.ErrInvalid, "cut short"},
		{"over the limit", jpegBytes(t, 64, 64), Limits{news.MediaImage: 100}, news.ErrTooLarge, "at most 100 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, store, tmp := newLibrary(t)
			up, err := lib.Ingest(ctx, bytes.NewReader(tt.data), tt.limits, nil)
			if err == nil {
				t.Fatalf("Ingest = %+v, want an error", up)
			}
			if !errors.Is(err, tt.code) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error = %v, want %s with %q", err, tt.code, tt.msg)
			}
			if left := append(files(t, store), files(t, tmp)...); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// countReader counts what is read from it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestIngestReadsNoMoreThanTheLimit(t *testing.T) {
	lib, _, _ := newLibrary(t)
	big := append(jpegBytes(t, 16, 16), make([]byte, 1<<20)...)
	cr := &countReader{r: bytes.NewReader(big)}
	_, err := lib.Ingest(context.Background(), cr, Limits{news.MediaImage: 10_000}, nil)
	if !errors.Is(err, news.ErrTooLarge) {
		t.Fatalf("error = %v, want too large", err)
	}
	if cr.n > 10_001+SniffLen {
		t.Errorf("read %d bytes of a file over a 10,000-byte limit", cr.n)
	}
}

func TestIngestVideo(t *testing.T) {
	lib, _, _ := newLibrary(t)
	up, err := lib.Ingest(context.Background(), bytes.NewReader(sampleMP4(t, 64, 48, 15, 10)), DefaultLimits, nil)
	if err != nil {
		t.Fatal(err)
	}
	if up.Kind != news.MediaVideo || up.MIME != "video/mp4" || up.Width != 64 || up.Height != 48 || up.Duration != 1500*time.Millisecond {
		t.Errorf("upload = %+v, want 64×48 MP4 video of 1.5s", up.Info)
	}
}

// ffmpeg makes a file with Debian's ffmpeg, skipping the test without it.
func ffmpeg(t *testing.T, out string, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg is not installed; skipping the files it makes")
	}
	p := filepath.Join(t.TempDir(), out)
	cmd := exec.Command(bin, append(append([]string{"-v", "error", "-y"}, args...), p)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, b)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIngestVideoMadeByFFmpeg(t *testing.T) {
	lib, _, _ := newLibrary(t)
	ctx := context.Background()
	webm := ffmpeg(t, "clip.webm", "-f", "lavfi", "-i", "testsrc=size=96x64:rate=10:duration=2", "-c:v", "libvpx", "-b:v", "100k")
	up, err := lib.Ingest(ctx, bytes.NewReader(webm), DefaultLimits, nil)
	if err != nil {
		t.Fatal(err)
	}
	if up.MIME != "video/webm" || up.Width != 96 || up.Height != 64 || up.Duration != 2*time.Second {
		t.Errorf("webm = %+v, want 96×64 of 2s", up.Info)
	}
	if _, err := lib.Ingest(ctx, bytes.NewReader(webm[:len(webm)*2/3]), DefaultLimits, nil); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("a WebM cut short: error %v, want invalid", err)
	}
	mp4 := ffmpeg(t, "clip.mp4", "-f", "lavfi", "-i", "testsrc=size=128x72:rate=10:duration=3", "-f", "lavfi", "-i", "sine=duration=3",
		"-c:v", "mpeg4", "-c:a", "aac", "-shortest")
	up, err = lib.Ingest(ctx, bytes.NewReader(mp4), DefaultLimits, nil)
	if err != nil {
		t.Fatal(err)
	}
	if up.MIME != "video/mp4" || up.Width != 128 || up.Height != 72 || up.Duration.Round(100*time.Millisecond) != 3*time.Second {
		t.Errorf("mp4 = %+v, want 128×72 of 3s", up.Info)
	}
	m4a := ffmpeg(t, "tone.m4a", "-f", "lavfi", "-i", "sine=duration=2", "-c:a", "aac")
	up, err = lib.Ingest(ctx, bytes.NewReader(m4a), DefaultLimits, nil)
	if err != nil {
		t.Fatal(err)
	}
	if up.Kind != news.MediaAudio || up.MIME != "audio/mp4" || up.Duration.Round(100*time.Millisecond) != 2*time.Second {
		t.Errorf("m4a = %+v, want audio of 2s", up.Info)
	}
}

func TestWidths(t *testing.T) {
	lib, _, _ := newLibrary(t)
	ctx := context.Background()
	up, err := lib.Ingest(ctx, bytes.NewReader(jpegBytes(t, 1000, 500)), DefaultLimits, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := news.Media{Kind: news.MediaImage, Key: up.Key, Width: up.Width}
	if got := SrcWidths(m); len(got) != 3 || got[0] != 320 || got[2] != 960 {
		t.Errorf("SrcWidths = %v, want [320 640 960]", got)
	}
	for _, w := range []int{320, 960} {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(readStored(t, lib, VariantKey(up.Key, w))))
		if err != nil || cfg.Width != w || cfg.Height != w/2 {
			t.Errorf("width %d: %d×%d, %v", w, cfg.Width, cfg.Height, err)
		}
	}
	for _, key := range []string{VariantKey(up.Key, 1280), strings.Replace(up.Key, ".", "-w500.", 1)} {
		if _, err := lib.Open(ctx, key); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("Open(%s) = %v, want not found", key, err)
		}
	}
	if err := lib.Delete(ctx, up.Key); err != nil {
		t.Fatal(err)
	}
	if left := files(t, lib.Storage.(*Disk).Dir()); len(left) > 0 {
		t.Errorf("after Delete: %v", left)
	}
}

// TestWidthsMadeOnce asks for one width many times at once: every reader
// gets the image, and it is stored once.
func TestWidthsMadeOnce(t *testing.T) {
	lib, _, _ := newLibrary(t)
	ctx := context.Background()
	up, err := lib.Ingest(ctx, bytes.NewReader(jpegBytes(t, 900, 600)), DefaultLimits, nil)
	if err != nil {
		t.Fatal(err)
	}
	key := VariantKey(up.Key, 640)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			f, err := lib.Open(ctx, key)
			if err == nil {
				if f.Size() == 0 {
					err = errors.New("empty width")
				}
				f.Close()
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if n := len(files(t, lib.Storage.(*Disk).Dir())); n != 2 {
		t.Errorf("%d files stored, want the image and its one width", n)
	}
}

func TestIngestWebPMadeByFFmpeg(t *testing.T) {
	lib, _, _ := newLibrary(t)
	ctx := context.Background()
	webp := ffmpeg(t, "still.webp", "-f", "lavfi", "-i", "testsrc=size=800x450", "-frames:v", "1", "-c:v", "libwebp")
	up, err := lib.Ingest(ctx, bytes.NewReader(webp), DefaultLimits, nil)
	if err != nil {
		t.Fatal(err)
	}
	if up.MIME != "image/webp" || up.Width != 800 || up.Height != 450 || !strings.HasSuffix(up.Key, ".webp") {
		t.Fatalf("webp = %+v", up)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(readStored(t, lib, VariantKey(up.Key, 640))))
	if err != nil || cfg.Width != 640 || cfg.Height != 360 {
		t.Errorf("the 640 width of a WebP: %+v, %v; want a 640×360 JPEG", cfg, err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{500: "500 bytes", 2000: "2 KB", 1298070: "1.2 MB", 20 << 20: "20 MB", 3 << 30: "3 GB", 512 << 10: "512 KB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
