package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

// dateWindow is how many non-blank lines from the top of a page the date
// line may be preceded by (chrome, menus, the headline).
const dateWindow = 10

// page walks the lines of a text page, top to bottom.
type page struct {
	lines []string
	i     int
}

// next returns the index of the next non-blank line at or after p.i that
// skip does not reject, or -1.
func (p *page) next(skip func(string) bool) int {
	for j := p.i; j < len(p.lines); j++ {
		if p.lines[j] != "" && (skip == nil || !skip(p.lines[j])) {
			return j
		}
	}
	return -1
}

// parseText reads a scraped article page: chrome, a date line, the headline
// (perhaps twice, perhaps with a media label), the lead and the body, then
// player and widget residue.
func parseText(name string, data []byte, ed news.Edition) (news.Story, error) {
	text, why := decodeText(data)
	if why != "" {
		return news.Story{}, invalid(name, "%s", why)
	}
	if why := looksLikeMarkup(text); why != "" {
		return news.Story{}, invalid(name, "%s", why)
	}
	p := &page{lines: strings.Split(text, "\n")}
	for i, l := range p.lines {
		p.lines[i] = strings.TrimSpace(l)
	}
	if p.next(nil) < 0 {
		return news.Story{}, invalid(name, "the file is empty")
	}
	st := news.Story{Edition: ed.Code, Status: news.StatusPublished}
	headline, err := p.head(name, ed.Location(), &st)
	if err != nil {
		return news.Story{}, err
	}
	st.Headline, st.Labels = splitHeadline(headline)
	switch {
	case utf8.RuneCountInString(st.Headline) > news.MaxHeadlineLen:
		return news.Story{}, invalid(name, "the line taken for the headline is longer than %d characters", news.MaxHeadlineLen)
	case news.Slugify(st.Headline) == "":
		return news.Story{}, invalid(name, "the headline %q has no letters or digits", st.Headline)
	}
	p.afterHeadline(headline, ed.Location(), &st)
	paras := p.body(ed.Code, &st)
	if len(paras) == 0 {
		return news.Story{}, invalid(name, "no story text after the headline")
	}
	st.Lead = paras[0]
	if utf8.RuneCountInString(st.Lead) > news.MaxLeadLen {
		// Keep the whole paragraph in the body and a shortened lead.
		st.Lead = markup.Excerpt(st.Lead, news.MaxLeadLen)
	} else {
		paras = paras[1:]
	}
	st.Body = markup.Paragraphs(paras)
	st.Slug = news.Slugify(st.Headline)
	sum := sha256.Sum256(data)
	st.SourceKey = "text:" + hex.EncodeToString(sum[:])
	return st, nil
}

// head finds the date line and the headline near the top of the page and
// leaves p.i after whichever of them comes last. The date may stand above
// the headline (with menus above it) or below it.
func (p *page) head(name string, loc *time.Location, st *news.Story) (string, error) {
	var pre []int // non-chrome lines above the date
	date := -1
	for seen := 0; seen < dateWindow; seen++ {
		j := p.next(func(l string) bool { return isResidue(l) && !isDate(l, loc) })
		if j < 0 {
			break
		}
		p.i = j + 1
		if t, ok := parseDate(p.lines[j], loc); ok {
			st.PublishedAt, date = t.In(loc), j
			break
		}
		pre = append(pre, j)
	}
	if date < 0 {
		return "", invalid(name, "no date line near the top of the page")
	}
	p.updatedDate(loc, st)
	after, last := p.next(isResidue), -1
	for after >= 0 && st.Bylines == nil && isByline(p.lines[after]) {
		st.Bylines, _ = parseByline(p.lines[after])
		p.i = after + 1
		after = p.next(isResidue)
	}
	if len(pre) > 0 {
		last = pre[len(pre)-1]
	}
	afterOK := after >= 0 && headlineLike(p.lines[after])
	lastOK := last >= 0 && headlineLike(p.lines[last])
	switch {
	case afterOK && lastOK && sameHeadline(p.lines[after], p.lines[last]):
		// Headline, date, headline again.
		p.i = after + 1
		return p.lines[last], nil
	case afterOK && (!lastOK || len(strings.Fields(p.lines[last])) < 4):
		// Menus (if any), date, headline. A short line above the date is
		// more likely a section name than the headline.
		p.i = after + 1
		return p.lines[after], nil
	case lastOK:
		// Headline, date, lead.
		return p.lines[last], nil
	}
	return "", invalid(name, "no headline near the date line")
}

// updatedDate takes a second date line right after the first one as the
// time of the last update.
func (p *page) updatedDate(loc *time.Location, st *news.Story) {
	j := p.next(func(l string) bool { return isResidue(l) && !isDate(l, loc) })
	if j < 0 {
		return
	}
	t, ok := parseDate(p.lines[j], loc)
	if !ok {
		return
	}
	p.i = j + 1
	if t.Before(st.PublishedAt) {
		st.PublishedAt, t = t.In(loc), st.PublishedAt
	}
	if t.After(st.PublishedAt) {
		st.UpdatedAt = t.In(loc)
	}
}

// headlineLike reports whether a line can be a headline: not chrome, a
// date or a byline, not too long, and not ending as prose does. Headlines
// end with a word, a question or a quotation, rarely with a full stop.
func headlineLike(line string) bool {
	n := utf8.RuneCountInString(line)
	if n == 0 || n > news.MaxHeadlineLen || isResidue(line) || isByline(line) {
		return false
	}
	if isDate(line, time.UTC) {
		return false
	}
	end := strings.TrimRight(line, `"'”’»)`)
	return !strings.HasSuffix(end, ".") && !strings.HasSuffix(end, "…")
}

// afterHeadline skips what scrapers put between the headline and the lead:
// the headline printed again, the date when it follows the headline, a
// byline, share buttons and player debris.
func (p *page) afterHeadline(headline string, loc *time.Location, st *news.Story) {
	for {
		j := p.next(nil)
		if j < 0 {
			return
		}
		line := p.lines[j]
		if t, ok := parseDate(line, loc); ok {
			if t.After(st.PublishedAt) && st.UpdatedAt.IsZero() {
				st.UpdatedAt = t.In(loc)
			}
		} else if st.Bylines == nil && isByline(line) {
			st.Bylines, _ = parseByline(line)
		} else if !sameHeadline(line, headline) && !isResidue(line) {
			return
		}
		p.i = j + 1
	}
}

func isDate(line string, loc *time.Location) bool {
	_, ok := parseDate(line, loc)
	return ok
}

func isByline(line string) bool {
	_, ok := parseByline(line)
	return ok
}

// body returns the story's paragraphs: the rest of the page without the
// residue at its end. Paragraphs are separated by blank lines, their lines
// joined; a page without blank lines has one paragraph per line. Residue
// inside the story is story text and stays.
func (p *page) body(edition string, st *news.Story) []string {
	lines := p.lines[p.i:]
	end := len(lines)
	for end > 0 {
		line := lines[end-1]
		if tags, ok := parseTags(line, edition); ok && st.Tags == nil {
			st.Tags = tags
		} else if line != "" && !isTrailer(line) {
			break
		}
		end--
	}
	lines = lines[:end]
	blank := false
	for _, l := range lines {
		blank = blank || l == ""
	}
	var paras []string
	var cur []string
	for _, l := range lines {
		if l != "" {
			cur = append(cur, l)
		}
		if (l == "" || !blank) && len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return paras
}

// looksLikeMarkup refuses HTML, XML and JSON handed in as a text page.
func looksLikeMarkup(text string) string {
	head := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(head, "<"):
		return "the file is HTML or XML markup, not a text page"
	case (strings.HasPrefix(head, "{") || strings.HasPrefix(head, "[")) && json.Valid([]byte(head)):
		return "the file is JSON, not a text page"
	}
	return ""
}
