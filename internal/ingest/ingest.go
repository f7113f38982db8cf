// Package ingest reads stories from files that other systems produce: text
// pages captured by scrapers now, feeds and CMS exports later. It only parses;
// saving the stories is the caller's business, so an importer can check a
// whole file before writing anything.
package ingest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"

	"newsdesk/internal/news"
)

// Formats lists the values Parse accepts for format, in the order help text
// shows them.
var Formats = []string{"auto", "text", "rss", "wxr", "ghost", "ninjs", "reuters", "telegram"}

// Parse reads one source file and returns the stories it holds; nothing is
// written anywhere. format is "auto" (detect from the content) or one of
// Formats; name (usually the file path) prefixes every error message.
// Input that holds no story is an *news.Error with Code news.ErrInvalid and
// a message "<name>: <why>".
func Parse(format, name string, data []byte, ed news.Edition) ([]news.Story, error) {
	if format == "auto" {
		format = detect(data)
	}
	switch format {
	case "text":
		st, err := parseText(name, data, ed)
		if err != nil {
			return nil, err
		}
		return []news.Story{st}, nil
	case "reuters", "telegram":
		parse := parseReuters
		if format == "telegram" {
			parse = parseTelegram
		}
		sts, err := parse(name, data)
		for i := range sts {
			sts[i].Edition = ed.Code
		}
		return sts, err
	case "rss", "atom", "wxr", "ghost", "ninjs", "xml", "json":
		return nil, invalid(name, "format %s is not supported yet", format)
	case "html":
		return nil, invalid(name, "HTML pages are not supported yet; save the article as plain text")
	}
	return nil, invalid(name, "unknown format %s (want auto, text, rss, wxr, ghost, ninjs, reuters or telegram)", strconv.Quote(format))
}

// invalid builds the error every bad input returns.
func invalid(name, format string, args ...any) *news.Error {
	return news.Errorf(news.ErrInvalid, "%s: "+format, append([]any{name}, args...)...)
}

var (
	rssRoot   = regexp.MustCompile(`(?i)<rss[\s>]|<rdf:RDF[\s>]`)
	atomRoot  = regexp.MustCompile(`(?i)<feed[\s>]`)
	wxrMarker = regexp.MustCompile(`(?i)xmlns:wp=|<wp:wxr_version>`)
	htmlStart = regexp.MustCompile(`(?i)^<(!doctype html|html|head|body)[\s>]`)
	// reutersStart is the start of a Reuters-21578 SGML file.
	reutersStart = regexp.MustCompile(`^<(!DOCTYPE lewis|REUTERS)[\s>]`)
)

// detect guesses a file's format from its first bytes. Anything that is not
// recognisably markup or JSON is taken for a text page; parseText then
// decides whether it really is one.
func detect(data []byte) string {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch {
	case len(head) == 0:
		return "text"
	case head[0] == '<':
		switch {
		case reutersStart.Match(head):
			return "reuters"
		case wxrMarker.Match(head):
			return "wxr"
		case rssRoot.Match(head):
			return "rss"
		case atomRoot.Match(head):
			return "atom"
		case htmlStart.Match(head):
			return "html"
		case bytes.HasPrefix(head, []byte("<?xml")):
			return "xml"
		}
		return "html"
	case (head[0] == '{' || head[0] == '[') && json.Valid(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))):
		return jsonFormat(data)
	}
	return "text"
}

// jsonFormat tells a Ghost export (an object with db[].data.posts) from a
// ninjs document (an object with a uri) or other JSON.
func jsonFormat(data []byte) string {
	var probe struct {
		DB  json.RawMessage `json:"db"`
		URI string          `json:"uri"`
	}
	if isTelegram(data) {
		return "telegram"
	}
	if json.Unmarshal(bytes.TrimPrefix(data, utf8BOM), &probe) == nil {
		switch {
		case probe.DB != nil:
			return "ghost"
		case probe.URI != "":
			return "ninjs"
		}
	}
	return "json"
}
