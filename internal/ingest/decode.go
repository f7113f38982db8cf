package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// decodeText turns a file into clean text: UTF-8 without a byte order mark,
// "\n" line endings. Files that are not valid UTF-8 are read as Windows-1252,
// the superset of Latin-1 that older scrapers and editors save. Binary data
// is refused with the reason.
func decodeText(data []byte) (string, string) {
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		return "", "the file is UTF-16 text; save it as UTF-8"
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "the file holds binary data, not a text page"
	}
	var s string
	if utf8.Valid(data) {
		s = string(data)
	} else {
		b, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", "the file is neither UTF-8 nor Latin-1 text"
		}
		s = string(b)
	}
	if controlShare(s) > 0.02 {
		return "", "the file holds binary data, not a text page"
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, ""
}

// controlShare is the fraction of characters that never occur in a text
// page: control characters other than tab, line breaks and form feed, and
// bytes no encoding could map.
func controlShare(s string) float64 {
	var bad, all int
	for _, r := range s {
		all++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case r == utf8.RuneError || unicode.IsControl(r):
			bad++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(bad) / float64(all)
}
