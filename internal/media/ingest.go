package media

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsdesk/internal/news"
)

// Library takes uploads into a Storage and makes the widths of images.
type Library struct {
	// Storage keeps the files.
	Storage Storage
	// TempDir holds uploads while they are checked; empty means the
	// system's temporary folder.
	TempDir string

	// making holds the widths being made, so that each is made once
	// however many readers ask for it at once.
	mu     sync.Mutex
	making map[string]chan struct{}
}

// Upload is a file that Ingest stored.
type Upload struct {
	Info
	Hash string // SHA-256 of the uploaded content, hex
	Key  string // storage key of the served file
	Size int64  // bytes of the served file
}

// KeyFor returns the storage key of a file with the given content hash
// and extension.
func KeyFor(hash, ext string) string { return hash[:32] + ext }

// Ingest reads one uploaded file from r, decides its type from its
// content, checks it whole (an image must decode, a video must have its
// header and every box or element it announces), and stores what is to
// be served under a key made from the hash of the uploaded content:
// images without camera metadata, the rest as uploaded.
//
// It reads at most limits[kind]+1 bytes, refusing a larger file with an
// ErrTooLarge error before it is stored in full; other refusals are
// ErrInvalid errors with a message for the uploader. Nothing is left
// behind when it fails. exists reports whether a file with the hash is
// already in the library; it is then not stored again, and Ingest returns
// the upload with Key set and nothing written.
func (l *Library) Ingest(ctx context.Context, r io.Reader, limits Limits, exists func(hash string) (bool, error)) (Upload, error) {
	head := make([]byte, SniffLen)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Upload{}, uploadError(err)
	}
	head = head[:n]
	info, err := Sniff(head)
	if err != nil {
		return Upload{}, err
	}
	limit := limits[info.Kind]
	if limit <= 0 {
		limit = DefaultLimits[info.Kind]
	}
	tmp, err := os.CreateTemp(l.TempDir, "upload-*")
	if err != nil {
		return Upload{}, fmt.Errorf("media: ingest: %w", err)
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	h := sha256.New()
	size, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(io.MultiReader(bytes.NewReader(head), readerWithContext(ctx, r)), limit+1))
	if err != nil {
		return Upload{}, uploadError(err)
	}
	if size > limit {
		return Upload{}, tooLarge(info.Kind, limit)
	}
	up := Upload{Info: info, Hash: hex.EncodeToString(h.Sum(nil)), Size: size}
	if err := l.probe(tmp, &up); err != nil {
		return Upload{}, err
	}
	up.Key = KeyFor(up.Hash, up.Ext)
	if exists != nil {
		dup, err := exists(up.Hash)
		if err != nil {
			return Upload{}, err
		}
		if dup {
			return up, nil
		}
	}
	if err := l.store(ctx, tmp, &up); err != nil {
		return Upload{}, err
	}
	return up, nil
}

// probe checks the file whole and reads its dimensions and duration.
func (l *Library) probe(f *os.File, up *Upload) error {
	switch up.Kind {
	case news.MediaImage:
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		cfg, err := imageConfig(f)
		if err != nil {
			return err
		}
		up.Width, up.Height = cfg.Width, cfg.Height
	case news.MediaVideo:
		var (
			av  avInfo
			err error
		)
		if up.MIME == "video/webm" {
			av, err = probeWebM(f, up.Size)
		} else {
			av, err = probeMP4(f, up.Size)
		}
		if err != nil {
			return probeError(up.MIME, err)
		}
		up.Width, up.Height, up.Duration = av.Width, av.Height, av.Duration
		if !av.HasVideo && up.MIME == "video/mp4" {
			// An MP4 with sound only is audio in an MP4 container.
			up.Info = accepted["audio/mp4"]
			return l.probe(f, up)
		}
	case news.MediaAudio:
		// ProbeAudio refuses a file cut short, whose duration it cannot
		// read.
		got, err := ProbeAudio(f, up.Size)
		if err != nil {
			return err
		}
		up.Duration = got.Duration
	case news.MediaDocument:
		return checkPDF(f, up.Size)
	}
	return nil
}

// store writes the served file: an image cleaned of its metadata, the
// rest as uploaded.
func (l *Library) store(ctx context.Context, f *os.File, up *Upload) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if up.Kind != news.MediaImage {
		if err := l.Storage.Put(ctx, up.Key, f); err != nil {
			return err
		}
		return nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	img, err := decodeImage(bytes.NewReader(data))
	if err != nil {
		return err
	}
	var clean bytes.Buffer
	if err := cleanImage(&clean, data, up.MIME, img); err != nil {
		return err
	}
	b := img.Bounds()
	if o := jpegOrientation(data); up.MIME == "image/jpeg" && o >= 5 && o <= 8 {
		up.Width, up.Height = b.Dy(), b.Dx()
	}
	up.Size = int64(clean.Len())
	return l.Storage.Put(ctx, up.Key, &clean)
}

// checkPDF refuses a PDF without its end-of-file marker, which a file cut
// short lacks.
func checkPDF(f *os.File, size int64) error {
	tail := make([]byte, min(size, 1024))
	if _, err := f.ReadAt(tail, size-int64(len(tail))); err != nil {
		return err
	}
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return invalid("the PDF document has no end-of-file marker: it may be cut short")
	}
	return nil
}

// Delete removes an item's file and the widths made of it.
func (l *Library) Delete(ctx context.Context, key string) error {
	var errs []error
	for _, w := range Widths {
		errs = append(errs, l.Storage.Delete(ctx, VariantKey(key, w)))
	}
	errs = append(errs, l.Storage.Delete(ctx, key))
	return errors.Join(errs...)
}

func probeError(mime string, err error) error {
	if errors.Is(err, errTruncated) {
		return invalid("the %s file is cut short or corrupt (%v)", strings.TrimPrefix(mime, "video/"), err)
	}
	if news.ErrorCode(err) != "" {
		return err
	}
	return invalid("the %s file cannot be read: %v", mime, err)
}

func tooLarge(kind news.MediaKind, limit int64) error {
	return news.Errorf(news.ErrTooLarge, "the file is too large: %s files may be at most %s", kind, FormatSize(limit))
}

// uploadError reports a failed read of the upload: the request's own
// size limit, or a client that went away.
func uploadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return news.Errorf(news.ErrTooLarge, "the upload is too large: it may be at most %s", FormatSize(mbe.Limit))
	}
	return fmt.Errorf("media: read upload: %w", err)
}

// FormatSize writes a byte count for people: "20 MB".
func FormatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 0, 64) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// FormatDuration writes a duration as a player shows it: 0:42, 27:33,
// 1:02:03.
func FormatDuration(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
