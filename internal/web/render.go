package web

import (
	"bytes"
	"embed"
	"fmt"
	"hash/crc32"
	"html/template"
	"io/fs"
	"net/http"
	"newsdesk/internal/web/respond"
	"strconv"
	"time"
)

//go:embed templates
var templateFS embed.FS

// pageNames are the page templates; each is parsed together with the shared
// layout and partials into its own set, so their blocks cannot collide.
var pageNames = []string{"home", "list", "story", "error", "podcasts", "show", "episode", "account", "bookmarks", "search"}

// pageSet holds one parsed template set per page.
type pageSet struct {
	pages map[string]*template.Template
}

// parsePages parses the layout, partials and every page template from fsys
// (the embedded templates, or a broken set in tests).
func parsePages(fsys fs.FS, static *staticFiles) (*pageSet, error) {
	funcs := template.FuncMap{
		"static": static.url,
		"icon":   Icon,
		// accountField is a labelled input of an account form.
		"accountField": accountField,
	}
	shared, err := template.New("layout").Funcs(funcs).ParseFS(fsys, "templates/layout.html", "templates/partials.html", "templates/podcast_partials.html", "templates/media.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	ps := &pageSet{pages: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := shared.Clone()
		if err != nil {
			return nil, fmt.Errorf("clone layout for %s: %w", name, err)
		}
		if _, err := t.ParseFS(fsys, "templates/"+name+".html"); err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("template %s defines no content block", name)
		}
		ps.pages[name] = t
	}
	return ps, nil
}

// noValidators marks a page without a meaningful modification time.
var noValidators time.Time

// pageMaxAge is how long browsers and CDNs may reuse a public page without
// asking again. Browsers ask every time (max-age=0): the answer is a 304
// from the page cache when nothing changed, and a correction shows on the
// next visit, not a minute later. A CDN may hold a page for a minute
// (s-maxage), or until it purges the page's Surrogate-Key.
const pageMaxAge = "public, max-age=0, s-maxage=60"

// crcTable is the Castagnoli table, computed in hardware on most CPUs, so an
// ETag over the whole page costs next to nothing.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// render executes the page into a buffer and writes it only when that
// succeeded. Successful pages carry an ETag over their bytes, the given
// Last-Modified time when not zero, and answer conditional requests and HEAD
// through http.ServeContent.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any, modified time.Time) error {
	t, ok := s.pages.pages[name]
	if !ok {
		return fmt.Errorf("web: render: no page %q", name)
	}
	buf, release, err := respond.ExecuteLayout(t, name, data)
	if err != nil {
		return err
	}
	defer release()
	if status != http.StatusOK {
		respond.WriteNoStore(w, r, status, buf)
		return nil
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// A handler may have set its own policy (search results are private).
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", pageMaxAge)
	}
	h.Set("ETag", contentETag(buf.Bytes()))
	http.ServeContent(w, r, "", modified, bytes.NewReader(buf.Bytes()))
	return nil
}

// contentETag is a strong validator of a response body: its checksum and
// length.
func contentETag(body []byte) string {
	return `"` + strconv.FormatUint(uint64(crc32.Checksum(body, crcTable)), 36) + "-" + strconv.FormatInt(int64(len(body)), 36) + `"`
}
