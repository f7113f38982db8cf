package main

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// Shape of the corpus, chosen to look like a real news site rather than a
// wire feed: most stories in the main edition, bodies with a median of about
// 3,000 characters and a long tail, four to six tags on a typical story, and
// a minority of stories with video, photos or audio.
const (
	otherEditionShare = 0.05
	bodyMedianChars   = 3000
	bodySpread        = 0.6 // sigma of the log-normal body length
	maxBodyChars      = 40000
	maxTags           = 10
	latestYear        = 2025 // the last pass over the corpus is dated this year
)

// editions holds what the stories are filed under.
type editions struct {
	main, other news.Edition                       // other.Code is "" when there is none
	sections    map[string]map[string]news.Section // edition code -> English section name -> section
}

func (e editions) prefix(code string) string {
	if code == e.other.Code {
		return e.other.PathPrefix()
	}
	return e.main.PathPrefix()
}

// prepare saves the starter editions into an empty newsroom and makes sure
// each edition has the corpus's sections.
func prepare(ctx context.Context, st *store.Store) (editions, error) {
	eds, err := st.Editions(ctx)
	if err != nil {
		return editions{}, err
	}
	if len(eds) == 0 {
		eds = news.StarterEditions()
		for _, e := range eds {
			if err := st.SaveEdition(ctx, e); err != nil {
				return editions{}, err
			}
		}
	}
	out := editions{main: eds[0], sections: map[string]map[string]news.Section{}}
	for _, e := range eds {
		if e.Default {
			out.main = e
		}
	}
	for _, e := range eds {
		if e.Code == "ru" && e.Code != out.main.Code {
			out.other = e
		}
	}
	for _, e := range []news.Edition{out.main, out.other} {
		if e.Code == "" {
			continue
		}
		out.sections[e.Code] = map[string]news.Section{}
		for _, name := range sectionOrder {
			local := name
			if e.Code == "ru" {
				local = sectionNamesRU[name]
			}
			sec, err := st.EnsureSection(ctx, e.Code, local)
			if err != nil {
				return editions{}, err
			}
			out.sections[e.Code][name] = sec
		}
	}
	return out, nil
}

// generator turns corpus documents into stories, in date order.
type generator struct {
	docs    []doc
	byTopic map[string][]int // documents by their first topic, for recombining
	eds     editions
	rng     *rand.Rand
	made    int
	passes  int
	slugs   map[string]int // edition + " " + base slug -> times used
}

func newGenerator(docs []doc, eds editions, o options) *generator {
	g := &generator{
		docs:    docs,
		byTopic: map[string][]int{},
		eds:     eds,
		rng:     rand.New(rand.NewPCG(uint64(o.Seed), 0x6e657773)),
		passes:  (o.N + len(docs) - 1) / len(docs),
		slugs:   map[string]int{},
	}
	for i, d := range docs {
		if len(d.Topics) > 0 {
			g.byTopic[d.Topics[0]] = append(g.byTopic[d.Topics[0]], i)
		}
	}
	return g
}

// next returns the next n stories.
func (g *generator) next(n int) []*news.Story {
	out := make([]*news.Story, 0, n)
	for range n {
		out = append(out, g.story())
	}
	return out
}

// story makes one story from the next document, shifted by its pass.
func (g *generator) story() *news.Story {
	pass, i := g.made/len(g.docs), g.made%len(g.docs)
	g.made++
	d := g.docs[i]

	ed := g.eds.main
	if g.eds.other.Code != "" && g.rng.Float64() < otherEditionShare {
		ed = g.eds.other
	}
	paras, extra := g.recombine(i)
	headline := sentenceCase(d.Title)
	st := &news.Story{
		Edition:     ed.Code,
		Section:     g.eds.sections[ed.Code][sectionFor(d.Topics)],
		Slug:        g.slug(ed.Code, headline),
		Headline:    headline,
		Lead:        lead(d),
		Body:        markup.Paragraphs(paras),
		Status:      news.StatusPublished,
		PublishedAt: g.date(d, pass),
		Tags:        tags(d, extra),
		Bylines:     []news.Author{{Name: "Reuters"}},
		Labels:      g.labels(),
		SourceKey:   "reuters:" + strconv.Itoa(d.NewID) + ":" + strconv.Itoa(pass),
	}
	return st
}

// recombine returns the body paragraphs of document i grown towards a
// log-normal target length with paragraphs of documents on the same topic,
// and the documents it borrowed from.
func (g *generator) recombine(i int) ([]string, []doc) {
	d := g.docs[i]
	target := int(bodyMedianChars * math.Exp(bodySpread*g.rng.NormFloat64()))
	target = min(target, maxBodyChars)
	paras := slices.Clone(d.Paras[1:])
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	pool := g.docs
	var idx []int
	if len(d.Topics) > 0 {
		idx = g.byTopic[d.Topics[0]]
	}
	var extra []doc
	for tries := 0; size < target && tries < 20; tries++ {
		var o doc
		if len(idx) > 1 {
			o = pool[idx[g.rng.IntN(len(idx))]]
		} else {
			o = pool[g.rng.IntN(len(pool))]
		}
		if o.NewID == d.NewID {
			continue
		}
		extra = append(extra, o)
		for _, p := range o.Paras {
			paras = append(paras, p)
			size += len(p)
		}
	}
	if len(paras) == 0 {
		paras = []string{d.Paras[0]}
	}
	return paras, extra
}

// lead is the first paragraph with the wire's dateline, as agency copy
// reads: "SALVADOR, Feb 26 - Showers continued ...".
func lead(d doc) string {
	s := d.Paras[0]
	if d.Dateline != "" {
		s = d.Dateline + " - " + s
	}
	if utf8.RuneCountInString(s) > news.MaxLeadLen {
		s = markup.Excerpt(s, news.MaxLeadLen-1)
	}
	return s
}

// slug gives every story its own slug within its edition, so the store never
// de-duplicates; repeated headlines get -2, -3 ... as a site would.
func (g *generator) slug(edition, headline string) string {
	base := news.Slugify(headline)
	if base == "" {
		base = "story"
	}
	key := edition + " " + base
	g.slugs[key]++
	n := g.slugs[key]
	if n == 1 {
		return base
	}
	suffix := "-" + strconv.Itoa(n)
	if len(base)+len(suffix) > 80 {
		base = strings.TrimRight(base[:80-len(suffix)], "-")
	}
	return base + suffix
}

// date moves the wire's 1987 date into recent years: pass p is dated p
// years after the first, and the last pass falls in latestYear.
func (g *generator) date(d doc, pass int) time.Time {
	years := latestYear - d.Date.Year() - (g.passes - 1) + pass
	return d.Date.AddDate(years, 0, 0).Add(time.Duration(g.rng.IntN(60)) * time.Second)
}

// labels marks a minority of stories as carrying media.
func (g *generator) labels() []news.MediaLabel {
	switch r := g.rng.Float64(); {
	case r < 0.07:
		return []news.MediaLabel{news.LabelVideo}
	case r < 0.11:
		return []news.MediaLabel{news.LabelPhotos}
	case r < 0.13:
		return []news.MediaLabel{news.LabelAudio}
	}
	return nil
}

// tags are the document's topics, places, organisations, people and
// dateline city, then those of the documents its body borrowed from, up to
// maxTags, each once.
func tags(d doc, extra []doc) []news.Tag {
	var out []news.Tag
	seen := map[string]bool{}
	add := func(name string) {
		slug := news.Slugify(name)
		if slug == "" || seen[slug] || len(out) >= maxTags {
			return
		}
		seen[slug] = true
		out = append(out, news.Tag{Name: name, Slug: slug})
	}
	for k, x := range append([]doc{d}, extra...) {
		for _, t := range x.Topics {
			add(topicName(t))
		}
		for _, p := range x.Places {
			add(placeName(p))
		}
		for _, o := range x.Orgs {
			add(strings.ToUpper(o))
		}
		for _, p := range x.People {
			add(titleWords(p))
		}
		if k == 0 {
			if city, _, ok := strings.Cut(d.Dateline, ","); ok {
				add(titleWords(strings.ToLower(strings.TrimSpace(city))))
			}
		}
		if k >= 2 { // the story is mostly about its own document
			break
		}
	}
	return out
}

// urlWriter writes story paths for the load test, or nothing without a file.
type urlWriter struct {
	f *os.File
	w *bufio.Writer
}

func newURLWriter(path string) (*urlWriter, error) {
	if path == "" {
		return &urlWriter{}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &urlWriter{f: f, w: bufio.NewWriter(f)}, nil
}

func (u *urlWriter) add(path string) error {
	if u.w == nil {
		return nil
	}
	_, err := u.w.WriteString(path + "\n")
	return err
}

func (u *urlWriter) close() error {
	if u.w == nil {
		return nil
	}
	if err := u.w.Flush(); err != nil {
		return err
	}
	return u.f.Close()
}

// corpusStats summarises what was made, for the benchmark's README.
type corpusStats struct {
	bodies  []int
	tags    int
	labeled int
	byEd    map[string]int
}

func (c *corpusStats) add(s *news.Story) {
	if c.byEd == nil {
		c.byEd = map[string]int{}
	}
	c.bodies = append(c.bodies, len(s.Body))
	c.tags += len(s.Tags)
	c.byEd[s.Edition]++
	if len(s.Labels) > 0 {
		c.labeled++
	}
}

func (c *corpusStats) String() string {
	n := len(c.bodies)
	if n == 0 {
		return "corpus: no stories\n"
	}
	sorted := slices.Sorted(slices.Values(c.bodies))
	total := 0
	for _, b := range sorted {
		total += b
	}
	return fmt.Sprintf("corpus: %d stories %v; body bytes median %d, p90 %d, max %d, total %.1f MB; %.1f tags a story; %d with media labels\n",
		n, c.byEd, sorted[n/2], sorted[n*9/10], sorted[n-1], float64(total)/1e6, float64(c.tags)/float64(n), c.labeled)
}
