package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// Storage keeps media files by key. Disk is the implementation for one
// machine; an S3-compatible store implements the same interface for many.
// Keys are made by this package: lower-case letters, digits, '-' and one
// '.', never a path.
type Storage interface {
	// Put stores the content of r under key, whole or not at all: a
	// reader of the key never sees a partial file.
	Put(ctx context.Context, key string, r io.Reader) error
	// Open returns the file stored under key, an ErrNotFound error when
	// there is none.
	Open(ctx context.Context, key string) (File, error)
	// Delete removes the file stored under key; a missing file is no error.
	Delete(ctx context.Context, key string) error
}

// File is a stored file open for reading and seeking, so that it can be
// served in ranges.
type File interface {
	io.ReadSeekCloser
	Size() int64
	ModTime() time.Time
}

// Disk stores files in a folder, in subfolders named by the first two
// characters of their keys.
type Disk struct {
	dir string
}

// NewDisk returns the storage in dir, creating the folder if needed.
func NewDisk(dir string) (*Disk, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("media: disk storage: %w", err)
	}
	return &Disk{dir: dir}, nil
}

// Dir returns the folder the storage keeps its files in.
func (d *Disk) Dir() string { return d.dir }

// ValidKey reports whether key may name a stored file.
func ValidKey(key string) bool {
	if len(key) < 4 || len(key) > 100 || strings.Count(key, ".") != 1 || key[0] == '.' || key[0] == '-' {
		return false
	}
	for _, c := range key {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func (d *Disk) path(key string) (string, error) {
	if !ValidKey(key) {
		return "", news.Errorf(news.ErrNotFound, "media %q not found", key)
	}
	return filepath.Join(d.dir, key[:2], key), nil
}

// Put writes r to a temporary file beside the final one and renames it
// into place, so the file appears whole or not at all.
func (d *Disk) Put(ctx context.Context, key string, r io.Reader) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return fmt.Errorf("media: put %s: %w", key, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".put-*")
	if err != nil {
		return fmt.Errorf("media: put %s: %w", key, err)
	}
	_, err = io.Copy(tmp, readerWithContext(ctx, r))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("media: put %s: %w", key, err)
	}
	return nil
}

// Open opens the file stored under key.
func (d *Disk) Open(ctx context.Context, key string) (File, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, news.Errorf(news.ErrNotFound, "media %q not found", key)
	}
	if err != nil {
		return nil, fmt.Errorf("media: open %s: %w", key, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("media: open %s: %w", key, err)
	}
	return &diskFile{File: f, info: fi}, nil
}

// Delete removes the file stored under key.
func (d *Disk) Delete(ctx context.Context, key string) error {
	p, err := d.path(key)
	if err != nil {
		return nil
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("media: delete %s: %w", key, err)
	}
	return nil
}

type diskFile struct {
	*os.File
	info fs.FileInfo
}

func (f *diskFile) Size() int64        { return f.info.Size() }
func (f *diskFile) ModTime() time.Time { return f.info.ModTime() }

// readerWithContext stops reading once ctx is done.
func readerWithContext(ctx context.Context, r io.Reader) io.Reader {
	return ctxReader{ctx, r}
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
