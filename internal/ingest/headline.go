package ingest

import (
	"regexp"
	"slices"
	"strings"

	"newsdesk/internal/news"
)

var (
	// labelSuffix is a bracketed media label at the end of a headline:
	// "(VIDEO)", "[PHOTOS]", "(VIDEO, PHOTOS)", "(ВИДЕО)".
	labelSuffix = regexp.MustCompile(`\s*[(\[]([^()\[\]]{2,40})[)\]]\s*$`)
	// labelPrefix is an upper-case label before a colon: "VIDEO: ...".
	labelPrefix = regexp.MustCompile(`^([\p{Lu} ]{4,20}):\s+`)
	labelSplit  = regexp.MustCompile(`\s*(?:,|&|\+|/)\s*|\s+(?:and|и)\s+`)
)

// russianLabels translates the labels Russian headlines carry into the words
// news.ParseMediaLabel reads.
var russianLabels = map[string]string{
	"видео": "video", "фото": "photos", "фотографии": "photos", "фоторепортаж": "photos",
	"галерея": "photos", "аудио": "audio", "подкаст": "podcast",
}

// splitHeadline removes media labels from a headline, returning the clean
// headline and the labels in display order. Brackets that hold anything but
// labels ("(updated)", "(Reuters)") stay in the headline.
func splitHeadline(h string) (string, []news.MediaLabel) {
	h = collapse(h)
	var labels []news.MediaLabel
	for {
		m := labelSuffix.FindStringSubmatchIndex(h)
		if m == nil {
			break
		}
		found, ok := parseLabels(h[m[2]:m[3]])
		if !ok {
			break
		}
		labels = append(labels, found...)
		h = strings.TrimSpace(h[:m[0]])
	}
	if m := labelPrefix.FindStringSubmatchIndex(h); m != nil {
		if found, ok := parseLabels(h[m[2]:m[3]]); ok {
			labels = append(labels, found...)
			h = strings.TrimSpace(h[m[1]:])
		}
	}
	return h, orderLabels(labels)
}

// parseLabels reads "VIDEO", "VIDEO, PHOTOS" or "ФОТО и ВИДЕО"; ok is false
// unless every part is a media label.
func parseLabels(s string) ([]news.MediaLabel, bool) {
	var out []news.MediaLabel
	for _, part := range labelSplit.Split(strings.ToLower(strings.TrimSpace(s)), -1) {
		if ru, ok := russianLabels[part]; ok {
			part = ru
		}
		l, ok := news.ParseMediaLabel(part)
		if !ok {
			return nil, false
		}
		out = append(out, l)
	}
	return out, len(out) > 0
}

// orderLabels removes duplicates and sorts labels into display order.
func orderLabels(ls []news.MediaLabel) []news.MediaLabel {
	var out []news.MediaLabel
	for _, l := range news.MediaLabels {
		if slices.Contains(ls, l) {
			out = append(out, l)
		}
	}
	return out
}

// sameHeadline reports whether two lines are the same headline printed
// twice, perhaps once with its label and once without.
func sameHeadline(a, b string) bool {
	ha, _ := splitHeadline(a)
	hb, _ := splitHeadline(b)
	return ha != "" && strings.EqualFold(ha, hb)
}

var bylineLine = regexp.MustCompile(`^(?i:by|авторы?:?|текст:)\s+(\p{Lu}[^.!?:;]{1,100})$`)

// parseByline reads "By Ann Lee and Tom Ray" or "Автор: Анна Ли" into
// authors; ok is false for any other line.
func parseByline(line string) ([]news.Author, bool) {
	m := bylineLine.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil || len(strings.Fields(m[1])) > 8 {
		return nil, false
	}
	var out []news.Author
	for _, name := range labelSplit.Split(m[1], -1) {
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, news.Author{Name: name, Slug: news.Slugify(name)})
		}
	}
	return out, len(out) > 0
}

// parseTags reads a "Tags: a, b, c" line at the end of a page.
func parseTags(line, edition string) ([]news.Tag, bool) {
	m := tagsLine.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return nil, false
	}
	var out []news.Tag
	for _, name := range strings.FieldsFunc(m[2], func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		name = strings.TrimSpace(name)
		if slug := news.Slugify(name); slug != "" {
			out = append(out, news.Tag{Edition: edition, Name: name, Slug: slug})
		}
	}
	return out, len(out) > 0
}
