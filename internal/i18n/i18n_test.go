package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func catalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMissingMessages lists every message each language lacks, and fails
// for the languages newsdesk promises in full.
func TestMissingMessages(t *testing.T) {
	c := catalog(t)
	complete := map[string]bool{"en": true, "ru": true}
	for _, lang := range c.Languages() {
		missing := c.Missing()[lang]
		if len(missing) == 0 {
			continue
		}
		if complete[lang] {
			t.Errorf("%s lacks %d messages: %s", lang, len(missing), strings.Join(missing, ", "))
		} else {
			t.Logf("%s lacks %d messages, shown in English: %s", lang, len(missing), strings.Join(missing, ", "))
		}
	}
}

func TestMissingFallsBackToEnglish(t *testing.T) {
	fsys := fstest.MapFS{
		"m/en.json": {Data: []byte(`{"a": "Apple", "b": "Banana"}`)},
		"m/de.json": {Data: []byte(`{"a": "Apfel"}`)},
	}
	c, err := load(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	de := c.Lang("de")
	if got := de.T("a"); got != "Apfel" {
		t.Errorf("de a = %q, want Apfel", got)
	}
	if got := de.T("b"); got != "Banana" {
		t.Errorf("de b = %q, want the English Banana", got)
	}
	if got := c.Missing()["de"]; len(got) != 1 || got[0] != "b" {
		t.Errorf("missing = %v, want [b]", got)
	}
	if got := c.Lang("fr").T("a"); got != "Apple" {
		t.Errorf("a language without a catalog: %q, want English", got)
	}
}

func TestUnknownIDIsRefused(t *testing.T) {
	fsys := fstest.MapFS{
		"m/en.json": {Data: []byte(`{"a": "Apple"}`)},
		"m/ru.json": {Data: []byte(`{"a": "Яблоко", "typo": "Опечатка"}`)},
	}
	if _, err := load(fsys, "m"); err == nil || !strings.Contains(err.Error(), "typo") {
		t.Errorf("err = %v, want one naming the unknown id", err)
	}
}

func TestPlurals(t *testing.T) {
	c := catalog(t)
	for _, tc := range []struct {
		lang string
		n    int
		want string
		id   string
	}{
		{"en", 1, "1 story", "count.stories"},
		{"en", 2, "2 stories", "count.stories"},
		{"en", 0, "0 stories", "count.stories"},
		{"ru", 1, "1 материал", "count.stories"},
		{"ru", 2, "2 материала", "count.stories"},
		{"ru", 5, "5 материалов", "count.stories"},
		{"ru", 11, "11 материалов", "count.stories"},
		{"ru", 21, "21 материал", "count.stories"},
		{"ru", 22, "22 материала", "count.stories"},
		{"ru", 111, "111 материалов", "count.stories"},
		{"en", 1, "1 result", "count.results"},
		{"en", 4, "4 results", "count.results"},
		{"ru", 3, "3 результата", "count.results"},
		{"ru", 25, "25 результатов", "count.results"},
	} {
		if got := c.Lang(tc.lang).N(tc.id, tc.n); got != tc.want {
			t.Errorf("%s %s %d = %q, want %q", tc.lang, tc.id, tc.n, got, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	c := catalog(t)
	at := time.Date(2018, 1, 31, 2, 43, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang, layout, want string
	}{
		{"en", "2 Jan, 2006 15:04", "31 Jan, 2018 02:43"},
		{"ru", "2 January 2006, 15:04", "31 января 2018, 02:43"},
		{"ru", "January 2006", "январь 2018"},
		{"ru", "2 Jan 2006", "31 янв. 2018"},
		{"en", "January 2, 2006", "January 31, 2018"},
		{"ru", "02.01.2006 15:04", "31.01.2018 02:43"},
		{"de", "2 January 2006", "31 January 2018"},
	} {
		if got := c.Lang(tc.lang).Date(at, tc.layout); got != tc.want {
			t.Errorf("%s %q = %q, want %q", tc.lang, tc.layout, got, tc.want)
		}
	}
	may := time.Date(2024, 5, 9, 18, 5, 0, 0, time.UTC)
	if got := c.Lang("ru").Date(may, "2 January 2006, 15:04"); got != "9 мая 2024, 18:05" {
		t.Errorf("ru May = %q", got)
	}
}

func TestAgo(t *testing.T) {
	c := catalog(t)
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang string
		ago  time.Duration
		want string
		ok   bool
	}{
		{"en", 20 * time.Second, "just now", true},
		{"en", time.Minute, "1 minute ago", true},
		{"en", 5 * time.Minute, "5 minutes ago", true},
		{"en", 3 * time.Hour, "3 hours ago", true},
		{"ru", 5 * time.Minute, "5 минут назад", true},
		{"ru", 21 * time.Minute, "21 минуту назад", true},
		{"ru", 2 * time.Hour, "2 часа назад", true},
		{"ru", 25 * time.Hour, "", false},
		{"en", -time.Minute, "", false},
	} {
		got, ok := c.Lang(tc.lang).Ago(now, now.Add(-tc.ago))
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s %v = %q, %v; want %q, %v", tc.lang, tc.ago, got, ok, tc.want, tc.ok)
		}
	}
}
