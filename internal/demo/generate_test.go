package demo

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

var testNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func TestTemplatesComplete(t *testing.T) {
	for _, ed := range []edition{englishEdition(), russianEdition()} {
		r := rand.New(rand.NewPCG(1, 2))
		for _, k := range ed.kinds {
			if len(k.headlines) != len(k.leads) {
				t.Errorf("%s %q: %d headlines, %d leads", ed.code, k.headlines[0], len(k.headlines), len(k.leads))
			}
			if len(k.body) < 3 || len(k.quotes) < 2 || len(k.tags) == 0 {
				t.Errorf("%s %q: needs 3 body paragraphs, 2 quotes and a tag", ed.code, k.headlines[0])
			}
			// fill panics on a fact the vars do not have; try every template.
			v := ed.vars(r, testNow)
			v["speaker"], v["speaker_sub"], v["short"], v["quote"] = fill(k.speaker, v), "S,", "S", "Q"
			var all []string
			all = append(append(append(append(all, k.headlines...), k.leads...), k.body...), k.quotes...)
			all = append(append(all, ed.quoteForms...), ed.laterForms...)
			for _, tmpl := range all {
				if out := fill(tmpl, v); strings.ContainsAny(out, "{}") {
					t.Errorf("%s: %q left braces in %q", ed.code, tmpl, out)
				}
			}
		}
	}
}

func TestGenerate(t *testing.T) {
	stories := generate(testNow)
	count := map[string]int{}
	labels := map[string]map[news.MediaLabel]int{"en": {}, "ru": {}}
	sections := map[string]bool{}
	headlines := map[string]bool{}
	for i, st := range stories {
		count[st.Edition]++
		sections[st.Edition+"/"+st.Section.Name] = true
		for _, l := range st.Labels {
			labels[st.Edition][l]++
		}
		if headlines[st.Edition+st.Headline] {
			t.Errorf("headline %q is used twice", st.Headline)
		}
		headlines[st.Edition+st.Headline] = true
		if i > 0 && st.PublishedAt.Before(stories[i-1].PublishedAt) {
			t.Errorf("story %d is older than the one before it", i)
		}
		checkStory(t, st)
	}
	if count["en"] < 48 || count["ru"] < 10 {
		t.Errorf("stories per edition = %v, want at least 48 en and 10 ru", count)
	}
	for code, names := range Sections() {
		for _, name := range names {
			if !sections[code+"/"+name] {
				t.Errorf("no story in section %s/%s", code, name)
			}
		}
	}
	if n := labels["en"][news.LabelVideo] + labels["ru"][news.LabelVideo]; n < 1 || n > 2 {
		t.Errorf("%d stories with the video label, want one or two", n)
	}
	if labels["en"][news.LabelPhotos] != 1 {
		t.Errorf("%d English stories with the photos label, want 1", labels["en"][news.LabelPhotos])
	}
}

// checkStory checks one generated story against the rules every demo story
// keeps.
func checkStory(t *testing.T, st news.Story) {
	t.Helper()
	st.Section.ID = 1 // Fill sets the real one
	if err := st.Validate(); err != nil {
		t.Errorf("%q: %v", st.Headline, err)
	}
	if st.Slug != news.Slugify(st.Headline) || st.Status != news.StatusPublished {
		t.Errorf("%q: slug %q, status %q", st.Headline, st.Slug, st.Status)
	}
	if !st.PublishedAt.Before(testNow) || st.PublishedAt.Before(testNow.Add(-span-time.Hour)) {
		t.Errorf("%q: published %v, want within %v before %v", st.Headline, st.PublishedAt, span, testNow)
	}
	if n := len(st.Tags); n < 1 || n > 4 {
		t.Errorf("%q: %d tags", st.Headline, n)
	}
	if n := len(st.Bylines); n < 1 || n > 2 {
		t.Errorf("%q: %d bylines", st.Headline, n)
	}
	if n := strings.Count(st.Lead, ". ") + 1; !strings.HasSuffix(st.Lead, ".") || n > 2 {
		t.Errorf("%q: lead %q is not one or two sentences", st.Headline, st.Lead)
	}
	if n := strings.Count(st.Body, "\n") + 1; n < 4 || n > 9 {
		t.Errorf("%q: %d body blocks, want 4 to 9", st.Headline, n)
	}
	if markup.Sanitize(st.Body) != st.Body {
		t.Errorf("%q: body changes when sanitised", st.Headline)
	}
	text := st.Headline + " " + st.Lead + " " + markup.Text(st.Body)
	if strings.ContainsAny(text, "{}") || strings.Contains(text, "  ") {
		t.Errorf("%q: unfilled template or doubled space in %q", st.Headline, text)
	}
	cyrillic := strings.IndexFunc(st.Headline, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0
	if cyrillic != (st.Edition == "ru") {
		t.Errorf("%q: edition %s but Cyrillic = %v", st.Headline, st.Edition, cyrillic)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := generate(testNow), generate(testNow)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same time gave different stories")
	}
	later := generate(testNow.Add(72 * time.Hour))
	if len(later) != len(a) || later[0].PublishedAt.Sub(a[0].PublishedAt) != 72*time.Hour {
		t.Errorf("stories do not move with now: %v then %v", a[0].PublishedAt, later[0].PublishedAt)
	}
}

func TestGenerateAtManyTimes(t *testing.T) {
	// Other times draw other weekdays and months; every story must still
	// come out whole.
	for d := range 14 {
		now := testNow.AddDate(0, d, d)
		for _, st := range generate(now) {
			if strings.ContainsAny(st.Headline+st.Lead+st.Body, "{}") {
				t.Errorf("%v: unfilled template in %q", now, st.Headline)
			}
		}
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 72: "72nd", 83: "83rd"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}
