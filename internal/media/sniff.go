package media

import (
	"bytes"
	"net/http"

	"newsdesk/internal/news"
)

// SniffLen is how much of a file's start Sniff needs.
const SniffLen = 4096

// accepted lists the types the library takes, by MIME type.
var accepted = map[string]Info{
	"image/jpeg":      {Kind: news.MediaImage, MIME: "image/jpeg", Ext: ".jpg"},
	"image/png":       {Kind: news.MediaImage, MIME: "image/png", Ext: ".png"},
	"image/webp":      {Kind: news.MediaImage, MIME: "image/webp", Ext: ".webp"},
	"image/gif":       {Kind: news.MediaImage, MIME: "image/gif", Ext: ".gif"},
	"video/mp4":       {Kind: news.MediaVideo, MIME: "video/mp4", Ext: ".mp4"},
	"video/webm":      {Kind: news.MediaVideo, MIME: "video/webm", Ext: ".webm"},
	"audio/mpeg":      {Kind: news.MediaAudio, MIME: "audio/mpeg", Ext: ".mp3"},
	"audio/mp4":       {Kind: news.MediaAudio, MIME: "audio/mp4", Ext: ".m4a"},
	"audio/ogg":       {Kind: news.MediaAudio, MIME: "audio/ogg", Ext: ".ogg"},
	"application/pdf": {Kind: news.MediaDocument, MIME: "application/pdf", Ext: ".pdf"},
}

// Accepted is the list shown to uploaders of what the library takes.
const Accepted = "JPEG, PNG, WebP or GIF images; MP4 or WebM video; MP3, M4A (AAC) or Ogg audio; PDF documents"

// Sniff decides a file's type from its first bytes (at least SniffLen of
// them, or the whole file when shorter), never from its name. It returns
// an ErrInvalid error naming what was found for anything not accepted.
func Sniff(head []byte) (Info, error) {
	if len(head) == 0 {
		return Info{}, invalid("the file is empty")
	}
	mime := sniffMIME(head)
	if info, ok := accepted[mime]; ok {
		return info, nil
	}
	if isSVG(head) {
		return Info{}, invalid("SVG images are not accepted, as they can carry scripts: upload a PNG or JPEG instead")
	}
	what := "this kind of file"
	if mime != "application/octet-stream" && mime != "" {
		what = "a file of type " + mime
	}
	return Info{}, invalid("%s is not accepted: the library takes %s", what, Accepted)
}

// sniffMIME recognises the accepted types that http.DetectContentType
// misses or names loosely, and asks it about the rest.
func sniffMIME(b []byte) string {
	switch {
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		return sniffFtyp(b)
	case bytes.HasPrefix(b, []byte{0x1A, 0x45, 0xDF, 0xA3}):
		// An EBML header: WebM says so in its DocType, Matroska does not.
		if bytes.Contains(b[:min(len(b), 64)], []byte("webm")) {
			return "video/webm"
		}
		return "video/x-matroska"
	case bytes.HasPrefix(b, []byte("OggS")):
		return "audio/ogg"
	case bytes.HasPrefix(b, []byte("ID3")) && len(b) >= 10:
		return "audio/mpeg"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "image/webp"
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "application/pdf"
	case isMP3Frame(b):
		return "audio/mpeg"
	}
	m := http.DetectContentType(b)
	if i := bytes.IndexByte([]byte(m), ';'); i >= 0 {
		m = m[:i]
	}
	return m
}

// sniffFtyp tells MP4 video from M4A audio by the major brand. An MP4
// that turns out to hold no video track is taken as audio by the probe.
func sniffFtyp(b []byte) string {
	switch string(b[8:12]) {
	case "M4A ", "M4B ", "M4P ", "F4A ":
		return "audio/mp4"
	case "qt  ":
		return "video/quicktime"
	case "heic", "heix", "mif1", "avif":
		return "image/" + string(b[8:12])
	}
	return "video/mp4"
}

// isMP3Frame reports whether b starts with an MPEG audio layer III frame
// header: an 11-bit sync, a valid version, layer III, a bitrate and a
// sampling rate that are not reserved.
func isMP3Frame(b []byte) bool {
	if len(b) < 4 || b[0] != 0xFF || b[1]&0xE0 != 0xE0 {
		return false
	}
	version := (b[1] >> 3) & 3
	layer := (b[1] >> 1) & 3
	bitrate := b[2] >> 4
	rate := (b[2] >> 2) & 3
	return version != 1 && layer == 1 && bitrate != 0 && bitrate != 15 && rate != 3
}

// isSVG reports whether b looks like an SVG document.
func isSVG(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 1024)])
	return bytes.Contains(head, []byte("<svg"))
}
