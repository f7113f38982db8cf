package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves the embedded static files under names that carry a
// hash of their content ("site.3f2a9c1b7d.css"), so browsers and CDNs may
// keep them for a year and a new release is fetched at once.
type staticFiles struct {
	byURL  map[string]*staticFile // hashed name -> file
	byName map[string]string      // plain name -> URL
}

type staticFile struct {
	data  []byte
	ctype string
	etag  string
}

// newStaticFiles reads and hashes every embedded static file, and those
// of more, each a folder "static" of files (the desk's). Two files of the
// same name are an error: both would be served under one URL.
func newStaticFiles(more ...fs.FS) (*staticFiles, error) {
	sf := &staticFiles{byURL: map[string]*staticFile{}, byName: map[string]string{}}
	for _, fsys := range append([]fs.FS{staticFS}, more...) {
		if err := sf.add(fsys); err != nil {
			return nil, fmt.Errorf("static files: %w", err)
		}
	}
	return sf, nil
}

// add reads and hashes the files of fsys's folder "static".
func (sf *staticFiles) add(fsys fs.FS) error {
	return fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:5])
		name := strings.TrimPrefix(p, "static/")
		if strings.Contains(name, "/") {
			return fmt.Errorf("static file %s: sub-folders are not served", p)
		}
		if _, ok := sf.byName[name]; ok {
			return fmt.Errorf("static file %s: two files of that name", p)
		}
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hash + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		sf.byURL[hashed] = &staticFile{data: data, ctype: ctype, etag: `"` + hash + `"`}
		sf.byName[name] = "/static/" + hashed
		return nil
	})
}

// url is the template function giving a static file's hashed URL. It fails
// on an unknown name so that a typo breaks rendering in tests, not silently.
func (sf *staticFiles) url(name string) (string, error) {
	u, ok := sf.byName[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return u, nil
}

// ServeHTTP serves GET /static/{file}.
func (sf *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := sf.byURL[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", f.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.data))
}

// StaticURL gives a static file's hashed URL, as the templates' static
// function does: the desk's templates use it for the desk's styles and
// scripts, which are served here with the site's.
func (s *Server) StaticURL(name string) (string, error) { return s.static.url(name) }
