package demo

import (
	"fmt"
	"html"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

// seed fixes the demo content: the same now always gives the same stories.
const seed = 20180131

// span is how far back from now the demo stories are spread.
const span = 10 * 24 * time.Hour

// kind is one type of news story with the templates to write it. Templates
// name facts in braces ("{city}"), filled from one set of vars per story so
// that a person or a number stays the same from headline to last paragraph.
type kind struct {
	section   string
	tags      []string // every story of the kind has these
	more      []string // tags some stories of the kind add
	headlines []string
	leads     []string // leads[i] goes with headlines[i]
	body      []string // in reading order; some are left out at random
	speaker   string   // who is quoted: "{person}" or "{person}, their role"
	quotes    []string // what they say, without the closing punctuation
	label     news.MediaLabel
	// unique names facts that no two stories of the kind share, so that a
	// club does not hire two coaches in one week. The values of all the
	// names are kept apart: with "company" and "company2" a firm bought in
	// one story buys nothing in another.
	unique []string
}

// vars are the facts of one story, by template name.
type vars map[string]string

var slot = regexp.MustCompile(`\{([a-z0-9_]+)\}`)

// fill writes a template out with v. An unknown name is a bug in the
// templates, so it panics; the tests generate every kind.
func fill(tmpl string, v vars) string {
	out := slot.ReplaceAllStringFunc(tmpl, func(m string) string {
		val, ok := v[m[1:len(m)-1]]
		if !ok {
			panic(fmt.Sprintf("demo: template %q names unknown fact %s", tmpl, m))
		}
		return val
	})
	// "Nimbus Labs's" reads "Nimbus Labs'" in English copy.
	return capitalize(strings.ReplaceAll(out, "s's ", "s' "))
}

// capitalize upper-cases the first letter, for facts such as "the asteroid
// Vesta" that may open a sentence.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T {
	return list[r.IntN(len(list))]
}

// pickOther returns a random element of list other than not.
func pickOther[T comparable](r *rand.Rand, list []T, not ...T) T {
	for {
		if x := pick(r, list); !slices.Contains(not, x) {
			return x
		}
	}
}

// edition holds what the generator needs to write one edition's stories.
type edition struct {
	code    string
	kinds   []kind
	authors []string
	vars    func(r *rand.Rand, at time.Time) vars
	// quoteForms introduce the speaker with a first quote: {quote} with
	// {speaker} ("Ann Lee, the mayor") or {speaker_sub} ("Ann Lee, the
	// mayor," as the subject of a verb). laterForms quote them again by
	// {short} name.
	quoteForms, laterForms []string
	rounds                 int // how many stories of each kind
}

// generate writes the demo stories of every edition, oldest first. Sections
// carry only edition, name and slug; Fill resolves them in the store.
func generate(now time.Time) []news.Story {
	r := rand.New(rand.NewPCG(seed, seed>>3))
	var all []news.Story
	for _, ed := range []edition{englishEdition(), russianEdition()} {
		all = append(all, ed.stories(r, now)...)
	}
	slices.SortStableFunc(all, func(a, b news.Story) int { return a.PublishedAt.Compare(b.PublishedAt) })
	return all
}

// stories writes ed.rounds stories of each kind, spread over the span
// before now, each headline used once.
func (ed edition) stories(r *rand.Rand, now time.Time) []news.Story {
	var specs []kind
	for range ed.rounds {
		specs = append(specs, ed.kinds...)
	}
	r.Shuffle(len(specs), func(i, j int) { specs[i], specs[j] = specs[j], specs[i] })
	seen := map[string]bool{}
	labelled := map[string]bool{}
	// Stories of one kind take its headlines in turn, from a random start,
	// so that two of them do not read alike.
	turn := map[string]int{}
	for _, k := range ed.kinds {
		turn[k.headlines[0]] = r.IntN(len(k.headlines))
	}
	out := make([]news.Story, 0, len(specs))
	step := span / time.Duration(len(specs)+1)
	for i, k := range specs {
		jitter := time.Duration(r.IntN(90)-45) * time.Minute
		at := now.Add(-step*time.Duration(i+1) + jitter).Truncate(time.Minute)
		angle := turn[k.headlines[0]] % len(k.headlines)
		turn[k.headlines[0]]++
		st := ed.story(r, k, angle, at, seen)
		if k.label != "" && !labelled[k.headlines[0]] {
			st.Labels = []news.MediaLabel{k.label}
			labelled[k.headlines[0]] = true
		}
		out = append(out, st)
	}
	return out
}

// story writes one story of kind k from headline and lead number angle,
// published at at, drawing new facts until
// the headline is one not seen before and none of the kind's unique facts
// has been used by an earlier story of the kind.
func (ed edition) story(r *rand.Rand, k kind, angle int, at time.Time, seen map[string]bool) news.Story {
	var v vars
	var headline string
	for try := 0; ; try++ {
		if try == 10000 {
			panic("demo: cannot draw new facts for " + k.headlines[0])
		}
		v = ed.vars(r, at)
		headline = fill(k.headlines[angle], v)
		if seen[headline] || slices.ContainsFunc(k.unique, func(f string) bool { return seen[k.headlines[0]+"\x00"+v[f]] }) {
			continue
		}
		seen[headline] = true
		for _, f := range k.unique {
			seen[k.headlines[0]+"\x00"+v[f]] = true
		}
		break
	}
	speaker := fill(k.speaker, v)
	name, _, hasRole := strings.Cut(speaker, ", ")
	v["speaker"], v["speaker_sub"] = speaker, speaker
	if hasRole {
		v["speaker_sub"] = speaker + ","
	}
	v["short"] = name[strings.LastIndexByte(name, ' ')+1:]
	return news.Story{
		Edition:     ed.code,
		Section:     news.Section{Edition: ed.code, Name: k.section, Slug: news.Slugify(k.section)},
		Slug:        news.Slugify(headline),
		Headline:    headline,
		Lead:        fill(k.leads[angle], v),
		Body:        ed.body(r, k, v),
		Status:      news.StatusPublished,
		PublishedAt: at,
		Tags:        ed.tags(r, k),
		Bylines:     ed.bylines(r),
	}
}

// body writes four to nine paragraphs: the kind's paragraphs in order with
// some left out, a quote after the opening paragraph and sometimes a second
// one further down, set apart as a blockquote one time in two.
func (ed edition) body(r *rand.Rand, k kind, v vars) string {
	paras := slices.Clone(k.body)
	target := 3 + r.IntN(5) // body paragraphs besides the quotes
	for len(paras) > max(target, 3) {
		i := 1 + r.IntN(len(paras)-1) // the opening paragraph stays
		paras = slices.Delete(paras, i, i+1)
	}
	quotes := slices.Clone(k.quotes)
	r.Shuffle(len(quotes), func(i, j int) { quotes[i], quotes[j] = quotes[j], quotes[i] })
	second := r.IntN(3) > 0
	var blocks []string
	for i, p := range paras {
		blocks = append(blocks, markup.Paragraphs([]string{fill(p, v)}))
		switch {
		case i == 0:
			v["quote"] = fill(quotes[0], v)
			blocks = append(blocks, markup.Paragraphs([]string{fill(pick(r, ed.quoteForms), v)}))
		case i == len(paras)/2+1 && second:
			blocks = append(blocks, ed.laterQuote(r, fill(quotes[1], v), v))
		}
	}
	return markup.Sanitize(strings.Join(blocks, "\n"))
}

// laterQuote quotes the speaker again, as a paragraph or as a blockquote
// with the attribution below it.
func (ed edition) laterQuote(r *rand.Rand, quote string, v vars) string {
	v["quote"] = quote
	if r.IntN(2) == 0 {
		return markup.Paragraphs([]string{fill(pick(r, ed.laterForms), v)})
	}
	open, end := "“", ".”"
	if ed.code == "ru" {
		open, end = "«", "»."
	}
	return "<blockquote><p>" + html.EscapeString(open+quote+end) + "</p><p><cite>" +
		html.EscapeString(v["speaker"]) + "</cite></p></blockquote>"
}

// tags returns the kind's tags and up to two of its optional ones.
func (ed edition) tags(r *rand.Rand, k kind) []news.Tag {
	names := slices.Clone(k.tags)
	more := slices.Clone(k.more)
	r.Shuffle(len(more), func(i, j int) { more[i], more[j] = more[j], more[i] })
	names = append(names, more[:min(len(more), r.IntN(3))]...)
	out := make([]news.Tag, len(names))
	for i, n := range names {
		out[i] = news.Tag{Edition: ed.code, Name: n, Slug: news.Slugify(n)}
	}
	return out
}

// bylines credits one author, or two one time in four.
func (ed edition) bylines(r *rand.Rand) []news.Author {
	a := pick(r, ed.authors)
	out := []news.Author{{Name: a, Slug: news.Slugify(a)}}
	if r.IntN(4) == 0 {
		b := pickOther(r, ed.authors, a)
		out = append(out, news.Author{Name: b, Slug: news.Slugify(b)})
	}
	return out
}
