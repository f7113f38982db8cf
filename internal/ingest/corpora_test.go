package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

func TestParseReuters(t *testing.T) {
	en, _ := editions(t)
	data := []byte(`<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>el-salvador</D></PLACES>
<TEXT>&#2;
<TITLE>BAHIA COCOA &lt;REVIEW></TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued
throughout the week.
    The dry period means the temporao will ` + "\xe9" + `t` + "\xe9" + ` late.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="8"><DATE>26-FEB-1987 15:02:20.00</DATE><TEXT TYPE="UNPROC">no title</TEXT></REUTERS>
<REUTERS NEWID="9"><DATE>26-FEB-1987 15:03:20.00</DATE><TEXT><TITLE>BRIEF ONLY</TITLE></TEXT></REUTERS>
`)
	sts, err := Parse("auto", "reut2-000.sgm", data, en)
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 2 {
		t.Fatalf("got %d stories, want 2", len(sts))
	}
	st := sts[0]
	if st.Headline != "BAHIA COCOA <REVIEW>" || st.Edition != "en" || st.SourceKey != "reuters-21578:7" {
		t.Errorf("headline %q, edition %q, source %q", st.Headline, st.Edition, st.SourceKey)
	}
	if want := time.Date(1987, 2, 26, 15, 1, 1, 0, time.UTC); !st.PublishedAt.Equal(want) {
		t.Errorf("PublishedAt %v, want %v", st.PublishedAt, want)
	}
	if st.Lead != "Showers continued throughout the week." {
		t.Errorf("lead %q", st.Lead)
	}
	if got := markup.Text(st.Body); got != "The dry period means the temporao will été late." {
		t.Errorf("body %q", got)
	}
	if len(st.Tags) != 2 || st.Tags[0].Name != "cocoa" || st.Tags[1].Name != "el-salvador" {
		t.Errorf("tags %v", st.Tags)
	}
	if sts[1].Headline != "BRIEF ONLY" || sts[1].Lead != "" || sts[1].Body != "" {
		t.Errorf("brief: %+v", sts[1])
	}
	if _, err := Parse("reuters", "x.sgm", []byte("<REUTERS NEWID=\"1\"></REUTERS>"), en); !strings.Contains(errString(err), "no Reuters document") {
		t.Errorf("a file of no stories: %v", err)
	}
}

func TestParseTelegram(t *testing.T) {
	_, ru := editions(t)
	long := strings.Repeat("Очень длинная строка ", 20)
	data := []byte(`[
	{"message_id": 5, "sender_id": -100, "text": "**Ракета** упала в море\n[Подробности](https://example.com/y) позже.\n\nВторой абзац.\n\nhttps://example.com/x", "date": "2024-12-04T09:00:28+00:00", "channel": "Новости", "category": "science"},
	{"message_id": 6, "sender_id": -100, "text": "", "date": "2024-12-04T09:01:28+00:00", "channel": "Новости"},
	{"message_id": 7, "sender_id": -100, "text": "` + long + `", "date": "2024-12-04T09:02:28+00:00", "channel": "Новости"}
]`)
	sts, err := Parse("auto", "channel.json", data, ru)
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 2 {
		t.Fatalf("got %d stories, want 2", len(sts))
	}
	st := sts[0]
	if st.Headline != "Ракета упала в море" || st.Lead != "Подробности позже." || st.Edition != "ru" || st.SourceKey != "telegram:-100:5" {
		t.Errorf("headline %q, lead %q, edition %q, source %q", st.Headline, st.Lead, st.Edition, st.SourceKey)
	}
	if got := markup.Text(st.Body); got != "Второй абзац.\n\nhttps://example.com/x" {
		t.Errorf("body %q", got)
	}
	if st.Section.Name != "Science" || len(st.Bylines) != 1 || st.Bylines[0].Name != "Новости" {
		t.Errorf("section %q, bylines %v", st.Section.Name, st.Bylines)
	}
	if n := len([]rune(sts[1].Headline)); n > news.MaxHeadlineLen || !strings.HasSuffix(sts[1].Headline, "…") {
		t.Errorf("long headline (%d runes) %q", n, sts[1].Headline)
	}
	if !strings.HasPrefix(sts[1].Lead, "Очень длинная строка") {
		t.Errorf("the long line is not kept as the lead: %q", sts[1].Lead)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestParseCorpora reads every file of the two corpora in ../shared/data.
func TestParseCorpora(t *testing.T) {
	en, ru := editions(t)
	for _, c := range []struct {
		glob string
		ed   news.Edition
		min  int
	}{
		{"reuters21578/reut2-*.sgm", en, 20000},
		{"telegram_news_posts/*.json", ru, 20000},
	} {
		pattern := filepath.Join("..", "..", "..", "shared", "data", c.glob)
		files, _ := filepath.Glob(pattern)
		if len(files) == 0 {
			t.Logf("skipping %s: no file matches (see ../shared/data/SOURCES.md)", pattern)
			continue
		}
		n := 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sts, err := Parse("auto", f, data, c.ed)
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range sts {
				st.Section.ID = 1
				if err := st.Validate(); err != nil {
					t.Fatalf("%s: story %s: %v", f, st.SourceKey, err)
				}
			}
			n += len(sts)
		}
		if n < c.min {
			t.Errorf("%s: %d stories, want at least %d", pattern, n, c.min)
		}
		t.Logf("%s: %d stories from %d files", pattern, n, len(files))
	}
}
