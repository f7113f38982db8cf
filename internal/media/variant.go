package media

import (
	"bytes"
	"context"
	"errors"
	"image"
	"io"
	"strconv"
	"strings"

	"golang.org/x/image/draw"

	"newsdesk/internal/news"
)

// Widths are the widths in pixels at which images are served besides
// their own, for srcset. Only those narrower than the image are made.
var Widths = []int{320, 640, 960, 1280, 1920}

// variantExt returns the extension of the widths made of an image with
// extension ext, "" when none are made: an animated GIF would lose its
// animation.
func variantExt(ext string) string {
	switch ext {
	case ".jpg", ".webp":
		return ".jpg"
	case ".png":
		return ".png"
	}
	return ""
}

// VariantKey returns the key of the width w of the image stored under
// key: "{hash}-w640.jpg". It returns "" for images that get no widths.
func VariantKey(key string, w int) string {
	base, ext, ok := strings.Cut(key, ".")
	vext := variantExt("." + ext)
	if !ok || vext == "" {
		return ""
	}
	return base + "-w" + strconv.Itoa(w) + vext
}

// SrcWidths returns the widths served of an image besides its own, in
// rising order.
func SrcWidths(m news.Media) []int {
	if m.Kind != news.MediaImage || VariantKey(m.Key, Widths[0]) == "" {
		return nil
	}
	var ws []int
	for _, w := range Widths {
		if w < m.Width {
			ws = append(ws, w)
		}
	}
	return ws
}

// parseVariant splits a variant key into the hash part and width; ok is
// false for other keys.
func parseVariant(key string) (base string, w int, ok bool) {
	name, _, _ := strings.Cut(key, ".")
	base, ws, found := strings.Cut(name, "-w")
	if !found {
		return "", 0, false
	}
	w, err := strconv.Atoi(ws)
	if err != nil {
		return "", 0, false
	}
	for _, x := range Widths {
		if x == w {
			return base, w, true
		}
	}
	return "", 0, false
}

// Open returns the file served under key: a stored file, or a width of an
// image, made from the image and stored the first time it is asked for.
// A width that is not in Widths, or not narrower than the image, is not
// found.
func (l *Library) Open(ctx context.Context, key string) (File, error) {
	f, err := l.Storage.Open(ctx, key)
	if err == nil || !errors.Is(err, news.ErrNotFound) {
		return f, err
	}
	base, w, ok := parseVariant(key)
	if !ok {
		return nil, err
	}
	for _, ext := range []string{".jpg", ".png", ".webp"} {
		if VariantKey(base+ext, w) != key {
			continue
		}
		err := l.once(ctx, key, func() error { return l.makeVariant(ctx, base+ext, key, w) })
		if errors.Is(err, news.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		return l.Storage.Open(ctx, key)
	}
	return nil, err
}

// makeVariant stores the width w of the image under key orig as vkey.
func (l *Library) makeVariant(ctx context.Context, orig, vkey string, w int) error {
	f, err := l.Storage.Open(ctx, orig)
	if err != nil {
		return err
	}
	defer f.Close()
	src, _, err := image.Decode(f)
	if err != nil {
		return err
	}
	b := src.Bounds()
	if w >= b.Dx() {
		return news.Errorf(news.ErrNotFound, "media %q not found", vkey)
	}
	h := max(1, int(float64(b.Dy())*float64(w)/float64(b.Dx())+0.5))
	var dst draw.Image
	if strings.HasSuffix(vkey, ".png") {
		dst = image.NewNRGBA(image.Rect(0, 0, w, h))
	} else {
		dst = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	var buf bytes.Buffer
	if err := encodeVariant(&buf, dst, vkey[strings.IndexByte(vkey, '.'):]); err != nil {
		return err
	}
	return l.Storage.Put(ctx, vkey, io.Reader(&buf))
}

// once runs work for key unless another caller is doing it, in which
// case it waits for that one and then finds the file stored, or not.
func (l *Library) once(ctx context.Context, key string, work func() error) error {
	l.mu.Lock()
	if wait, ok := l.making[key]; ok {
		l.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return ctx.Err()
		}
		f, err := l.Storage.Open(ctx, key)
		if err != nil {
			return err
		}
		return f.Close()
	}
	if l.making == nil {
		l.making = map[string]chan struct{}{}
	}
	done := make(chan struct{})
	l.making[key] = done
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		delete(l.making, key)
		l.mu.Unlock()
		close(done)
	}()
	return work()
}
