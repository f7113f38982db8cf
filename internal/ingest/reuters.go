package ingest

import (
	"html"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

// Reuters-21578 is a collection of wire stories in SGML files
// (reut2-000.sgm ...), a thousand <REUTERS> documents each, read as
// Latin-1. A document becomes a published story: TITLE the headline, the
// first paragraph of BODY the lead and the rest the body, DATE (the
// wire's clock, taken as UTC) the publication time, TOPICS and PLACES its
// tags. Documents without a title or a date are skipped: they are not
// stories.

var reutersNewID = regexp.MustCompile(`NEWID="(\d+)"`)

// parseReuters reads one Reuters-21578 SGML file.
func parseReuters(name string, data []byte) ([]news.Story, error) {
	text := latin1(data)
	chunks := strings.Split(text, "<REUTERS")
	var sts []news.Story
	for _, chunk := range chunks[1:] {
		if st, ok := reutersStory(chunk); ok {
			sts = append(sts, st)
		}
	}
	if len(sts) == 0 {
		return nil, invalid(name, "no Reuters document with a title and a date")
	}
	return sts, nil
}

func reutersStory(doc string) (news.Story, bool) {
	id := reutersNewID.FindStringSubmatch(doc)
	headline := strings.Join(strings.Fields(wireText(sgmlElement(doc, "TITLE"))), " ")
	published := reutersDate(sgmlElement(doc, "DATE"))
	if id == nil || headline == "" || published.IsZero() || news.Slugify(headline) == "" {
		return news.Story{}, false
	}
	if utf8.RuneCountInString(headline) > news.MaxHeadlineLen {
		headline = markup.Excerpt(headline, news.MaxHeadlineLen)
	}
	st := news.Story{
		Headline: headline, Slug: news.Slugify(headline),
		Status: news.StatusPublished, PublishedAt: published,
		SourceKey: "reuters-21578:" + id[1],
	}
	paras := wireParagraphs(sgmlElement(doc, "BODY"))
	if len(paras) > 0 {
		st.Lead, paras = paras[0], paras[1:]
		if utf8.RuneCountInString(st.Lead) > news.MaxLeadLen {
			st.Lead = markup.Excerpt(st.Lead, news.MaxLeadLen)
		}
	}
	st.Body = markup.Paragraphs(paras)
	for _, list := range []string{"TOPICS", "PLACES"} {
		for _, code := range sgmlItems(sgmlElement(doc, list)) {
			st.Tags = append(st.Tags, news.Tag{Name: code})
		}
	}
	return st, true
}

// latin1 decodes ISO 8859-1, in which every byte is the rune of its value.
func latin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/16)
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// sgmlElement returns the raw text between <name> and </name>, or "".
func sgmlElement(s, name string) string {
	_, rest, ok := strings.Cut(s, "<"+name+">")
	if !ok {
		return ""
	}
	inner, _, ok := strings.Cut(rest, "</"+name+">")
	if !ok {
		return ""
	}
	return inner
}

// sgmlItems returns the values of a <D>...</D> list.
func sgmlItems(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "<D>")[1:] {
		if v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), "</D>")); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// reutersDate reads "26-FEB-1987 15:01:01.79", which may be followed by
// wire debris.
func reutersDate(s string) time.Time {
	f := strings.Fields(s)
	if len(f) < 2 {
		return time.Time{}
	}
	clock, _, _ := strings.Cut(f[1], ".")
	t, err := time.Parse("2-Jan-2006 15:04:05", f[0]+" "+clock)
	if err != nil {
		return time.Time{}
	}
	return t
}

// wireText decodes entities and drops the wire's control characters.
func wireText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, html.UnescapeString(s))
}

// wireParagraphs splits a wire body into paragraphs: each starts on an
// indented line, and the sign-off "Reuter" ends the story.
func wireParagraphs(body string) []string {
	var paras, cur []string
	flush := func() {
		if p := strings.Join(strings.Fields(strings.Join(cur, " ")), " "); p != "" {
			paras = append(paras, p)
		}
		cur = nil
	}
	for _, line := range strings.Split(body, "\n") {
		text := strings.TrimSpace(wireText(line))
		if strings.EqualFold(text, "reuter") || strings.EqualFold(text, "reuters") {
			break
		}
		if strings.HasPrefix(line, " ") || text == "" {
			flush()
		}
		cur = append(cur, text)
	}
	flush()
	return paras
}
