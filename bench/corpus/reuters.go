package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// doc is one Reuters-21578 document with a title and a body.
type doc struct {
	NewID    int
	Date     time.Time
	Topics   []string
	Places   []string
	People   []string
	Orgs     []string
	Title    string   // as the wire sent it: upper case
	Dateline string   // "SALVADOR, Feb 26"
	Paras    []string // the body's paragraphs, plain text
}

// readReuters reads every reut2-*.sgm file under dir and returns the
// documents that have both a title and a body, oldest first.
func readReuters(dir string) ([]doc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no reut2-*.sgm files in %s: the Reuters-21578 corpus is absent (see ../shared/data/SOURCES.md)", dir)
	}
	sort.Strings(files)
	var docs []doc
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, chunk := range strings.Split(latin1(raw), "<REUTERS ")[1:] {
			if d, ok := parseDoc(chunk); ok {
				docs = append(docs, d)
			}
		}
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Date.Before(docs[j].Date) })
	return docs, nil
}

// latin1 decodes ISO 8859-1, in which every byte is the rune of its value.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

var newIDAttr = regexp.MustCompile(`NEWID="(\d+)"`)

// parseDoc reads one <REUTERS> element; ok is false for documents without
// a title or a body (briefs and unprocessed wires).
func parseDoc(s string) (doc, bool) {
	var d doc
	if m := newIDAttr.FindStringSubmatch(s); m != nil {
		d.NewID, _ = strconv.Atoi(m[1])
	}
	d.Title = clean(element(s, "TITLE"))
	body := element(s, "BODY")
	if d.Title == "" || strings.TrimSpace(body) == "" {
		return doc{}, false
	}
	d.Date = parseDate(element(s, "DATE"))
	d.Topics = items(element(s, "TOPICS"))
	d.Places = items(element(s, "PLACES"))
	d.People = items(element(s, "PEOPLE"))
	d.Orgs = items(element(s, "ORGS"))
	d.Dateline = strings.TrimSuffix(strings.TrimSpace(clean(element(s, "DATELINE"))), "-")
	d.Dateline = strings.TrimSpace(d.Dateline)
	d.Paras = paragraphs(body)
	return d, len(d.Paras) > 0 && !d.Date.IsZero()
}

// element returns the raw text between <name> and </name>, or "".
func element(s, name string) string {
	i := strings.Index(s, "<"+name+">")
	if i < 0 {
		return ""
	}
	s = s[i+len(name)+2:]
	j := strings.Index(s, "</"+name+">")
	if j < 0 {
		return ""
	}
	return s[:j]
}

// items returns the codes of a <D>...</D> list.
func items(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "<D>")[1:] {
		if v := strings.TrimSpace(strings.TrimSuffix(part, "</D>")); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// parseDate reads "26-FEB-1987 15:01:01.79", sometimes followed by wire
// debris; the wire's clock is taken as UTC.
func parseDate(s string) time.Time {
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

// clean unescapes entities and drops the wire's control characters.
func clean(s string) string {
	s = html.UnescapeString(s)
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// paragraphs splits a wire body: each paragraph starts on an indented line,
// and the sign-off "Reuter" ends the story.
func paragraphs(body string) []string {
	var paras []string
	var cur []string
	flush := func() {
		if p := strings.Join(strings.Fields(clean(strings.Join(cur, " "))), " "); p != "" {
			paras = append(paras, p)
		}
		cur = nil
	}
	for _, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimSpace(clean(line))
		if strings.EqualFold(trimmed, "reuter") {
			break
		}
		if strings.HasPrefix(line, " ") || trimmed == "" {
			flush()
		}
		cur = append(cur, trimmed)
	}
	flush()
	return paras
}

// acronyms stay upper case when a wire headline is put in sentence case.
var acronyms = map[string]bool{
	"US": true, "UK": true, "EC": true, "EEC": true, "OPEC": true, "IMF": true,
	"GNP": true, "GDP": true, "CPI": true, "USDA": true, "FED": true, "NYSE": true,
	"GATT": true, "ECU": true, "USSR": true, "SEC": true, "FCC": true, "FDIC": true,
	"CEO": true, "OECD": true, "IBM": true, "AT&T": true, "GM": true, "ITT": true,
	"BP": true, "ICO": true, "ICCO": true, "LDC": true, "NZ": true, "FRG": true,
}

// sentenceCase turns an upper-case wire headline into the sentence case a
// news site uses: tickers in brackets and known acronyms stay as they are.
func sentenceCase(title string) string {
	title = strings.NewReplacer("<", "(", ">", ")").Replace(title)
	words := strings.Fields(title)
	for i, w := range words {
		core := strings.Trim(w, "(),:;'\"")
		switch {
		case strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")"):
			// a ticker such as (PLMA)
		case acronyms[core], strings.Contains(core, "."):
			// U.S., U.K. and the like
		default:
			words[i] = strings.ToLower(w)
		}
	}
	s := strings.Join(words, " ")
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
		}
	}
	return s
}
