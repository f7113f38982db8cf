package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

func editions(t *testing.T) (en, ru news.Edition) {
	t.Helper()
	eds := news.StarterEditions()
	for _, ed := range eds {
		if _, err := time.LoadLocation(ed.TimeZone); err != nil {
			t.Skipf("time zone data for %s is not installed", ed.TimeZone)
		}
	}
	return eds[0], eds[1]
}

// paragraphs returns the lead and the body's paragraphs as plain text.
func paragraphs(st news.Story) []string {
	paras := []string{st.Lead}
	if st.Body != "" {
		paras = append(paras, strings.Split(markup.Text(st.Body), "\n\n")...)
	}
	return paras
}

func parseOne(t *testing.T, format, name string, data []byte, ed news.Edition) news.Story {
	t.Helper()
	sts, err := Parse(format, name, data, ed)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	if len(sts) != 1 {
		t.Fatalf("Parse(%s) returned %d stories, want 1", name, len(sts))
	}
	return sts[0]
}

func TestParseSeedPage(t *testing.T) {
	en, _ := editions(t)
	path := filepath.Join("..", "..", "..", "shared", "seed", "000_5f741f53da4da0b7.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("model page %s is not available: %v", path, err)
	}
	st := parseOne(t, "auto", path, data, en)

	want := time.Date(2018, 1, 31, 2, 43, 0, 0, en.Location())
	if !st.PublishedAt.Equal(want) || st.PublishedAt.Location().String() != en.TimeZone {
		t.Errorf("PublishedAt = %v, want %v", st.PublishedAt, want)
	}
	const headline = "Locals want US troops out of Iraq after 8 reportedly killed in coalition air strike"
	if st.Headline != headline {
		t.Errorf("Headline = %q, want %q", st.Headline, headline)
	}
	if !slices.Equal(st.Labels, []news.MediaLabel{news.LabelVideo}) {
		t.Errorf("Labels = %v, want [video]", st.Labels)
	}
	if st.Edition != "en" || st.Status != news.StatusPublished || st.Slug != news.Slugify(headline) {
		t.Errorf("Edition, Status, Slug = %q, %q, %q", st.Edition, st.Status, st.Slug)
	}
	if !strings.HasPrefix(st.SourceKey, "text:") || len(st.SourceKey) != len("text:")+64 {
		t.Errorf("SourceKey = %q, want text: and a sha256", st.SourceKey)
	}
	starts := []string{
		"Locals recounted grizzly details",
		`"We demand the departure of the American forces`,
		"At least eight Iraqis were reportedly killed",
		"Iraq's Joint Operations Command (JOC)",
		"A witness to the attack described what appears to be a “double tap” –",
		"“Fifteen seconds after this missile",
		"A statement from JOC alleges",
		"The Coalition said it “operates by permission",
	}
	paras := paragraphs(st)
	if len(paras) != len(starts) {
		t.Fatalf("got %d paragraphs, want %d:\n%s", len(paras), len(starts), strings.Join(paras, "\n"))
	}
	for i, s := range starts {
		if !strings.HasPrefix(paras[i], s) {
			t.Errorf("paragraph %d = %q, want it to start with %q", i, paras[i], s)
		}
	}
	if !strings.HasSuffix(paras[7], `"We will continue to work with our partners to defeat remaining pockets of Daesh terrorists and prevent the criminal organization's resurgence," it added.`) {
		t.Errorf("last paragraph = %q", paras[7])
	}
	if !strings.HasSuffix(st.Lead, "The Coalition said the incident is under investigation.") {
		t.Errorf("Lead = %q", st.Lead)
	}
	for _, debris := range []string{"icon", "Podcasts", "0:00", "27:33", "28:1", "(VIDEO)"} {
		if strings.Contains(st.Body, debris) || strings.Contains(st.Lead, debris) || strings.Contains(st.Headline, debris) {
			t.Errorf("story holds debris %q", debris)
		}
	}
	if strings.Count(st.Body+st.Lead, "Locals want US troops") != 0 {
		t.Error("the headline is repeated in the story text")
	}
	if got := markup.Sanitize(st.Body); markup.Text(got) != markup.Text(st.Body) {
		t.Error("body changes when sanitised again")
	}
}

func TestParseFixtures(t *testing.T) {
	en, ru := editions(t)
	tests := []struct {
		file      string
		ed        news.Edition
		published time.Time
		updated   time.Time
		headline  string
		labels    []news.MediaLabel
		paras     []string // the start of every paragraph, lead first
		bylines   []string
		tags      []string
	}{
		{
			file: "menu_iso_photos.txt", ed: en,
			published: time.Date(2019, 3, 14, 9, 5, 0, 0, en.Location()),
			headline:  "Lanterns return to Velmora harbour after six-year pause",
			labels:    []news.MediaLabel{news.LabelPhotos},
			paras:     []string{"Hundreds of paper lanterns", `Organisers said more than 4,000 people lined the sea wall, roughly twice the number they had planned for. "We ran out of candles by nine o'clock,"`, "The town council paid", "Fishermen, who traditionally"},
		},
		{
			file: "long_month_double.txt", ed: en,
			published: time.Date(2021, 3, 7, 17, 30, 0, 0, en.Location()),
			headline:  "Grain co-operative in Ostrava Vale votes to build its own mill",
			paras:     []string{"Members of the Ostrava Vale", "“Every lorry that leaves the valley takes a slice of our margin with it,” said Piet Lunardi, the co-operative’s treasurer", "The plan still needs approval from the regional development bank, which has asked for an independent assessment of the ‘expected throughput’", "Opponents argued", "Construction could begin next spring if the bank agrees."},
		},
		{
			file: "us_date_crlf.txt", ed: en,
			published: time.Date(2018, 1, 31, 14, 43, 0, 0, en.Location()),
			updated:   time.Date(2018, 2, 1, 10, 5, 0, 0, en.Location()),
			headline:  "Night trains between Corvel and Sanmarin to resume in May",
			labels:    []news.MediaLabel{news.LabelAudio},
			paras:     []string{"The overnight rail link", "Sleeper carriages have been refurbished with smaller compartments and a café car.", `"People asked us for this train`},
		},
		{
			file: "date_only_bom.txt", ed: en,
			published: time.Date(2020, 6, 12, 0, 0, 0, 0, en.Location()),
			headline:  "Dunmore bridge to close for repairs over the summer",
			paras:     []string{"The Dunmore road bridge will close to cars from July to September while engineers", "Buses will be diverted over the old ford crossing, adding roughly ten minutes", "Cyclists and pedestrians"},
			bylines:   []string{"Marta Kovel", "Idris Fenn"},
			tags:      []string{"transport", "Dunmore", "roads"},
		},
		{
			file: "ru_video.txt", ed: ru,
			published: time.Date(2018, 1, 31, 2, 43, 0, 0, ru.Location()),
			headline:  "Жители Северограда вышли на субботник у старой пристани",
			labels:    []news.MediaLabel{news.LabelVideo},
			paras:     []string{"Около трёхсот жителей", "«Мы пришли, потому что устали ждать», — рассказала", "По словам организаторов", "Следующий субботник назначен на апрель."},
		},
		{
			file: "no_blank_lines.txt", ed: en,
			published: time.Date(2020, 10, 4, 11, 20, 0, 0, en.Location()),
			headline:  "Tidal power trial off Kestrel Point passes its first winter",
			labels:    []news.MediaLabel{news.LabelVideo, news.LabelPhotos},
			paras:     []string{"A small tidal turbine", "The turbine produced", `"Storms were the real test, and it kept turning,"`, "The firm now wants permission"},
		},
		{
			file: "latin1.txt", ed: en,
			published: time.Date(2017, 2, 3, 8, 15, 0, 0, en.Location()),
			headline:  "Café owners in Lisvane protest new pavement rules",
			paras:     []string{"Café and bar owners in Lisvane", "“Summer is when we earn the money that keeps us open all winter,” said José Marrón", "The council said"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			st := parseOne(t, "auto", tt.file, data, tt.ed)
			if !st.PublishedAt.Equal(tt.published) {
				t.Errorf("PublishedAt = %v, want %v", st.PublishedAt, tt.published)
			}
			if !st.UpdatedAt.Equal(tt.updated) {
				t.Errorf("UpdatedAt = %v, want %v", st.UpdatedAt, tt.updated)
			}
			if st.Headline != tt.headline {
				t.Errorf("Headline = %q, want %q", st.Headline, tt.headline)
			}
			if st.Slug != news.Slugify(tt.headline) || !news.ValidSlug(st.Slug) {
				t.Errorf("Slug = %q", st.Slug)
			}
			if !slices.Equal(st.Labels, tt.labels) {
				t.Errorf("Labels = %v, want %v", st.Labels, tt.labels)
			}
			if st.Edition != tt.ed.Code || st.Status != news.StatusPublished {
				t.Errorf("Edition, Status = %q, %q", st.Edition, st.Status)
			}
			paras := paragraphs(st)
			if len(paras) != len(tt.paras) {
				t.Fatalf("got %d paragraphs, want %d:\n%s", len(paras), len(tt.paras), strings.Join(paras, "\n"))
			}
			for i, s := range tt.paras {
				if !strings.HasPrefix(paras[i], s) {
					t.Errorf("paragraph %d = %q, want it to start with %q", i, paras[i], s)
				}
			}
			var names []string
			for _, a := range st.Bylines {
				names = append(names, a.Name)
			}
			if !slices.Equal(names, tt.bylines) {
				t.Errorf("Bylines = %q, want %q", names, tt.bylines)
			}
			names = nil
			for _, tag := range st.Tags {
				names = append(names, tag.Name)
			}
			if !slices.Equal(names, tt.tags) {
				t.Errorf("Tags = %q, want %q", names, tt.tags)
			}
			if err := st.Validate(); err != nil && !strings.Contains(err.Error(), "section") {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestParseEdgesOnly(t *testing.T) {
	en, _ := editions(t)
	// Lines that look like residue inside the story are story text.
	page := strings.Join([]string{
		"Share", "0:00", "4 May 2022 10:00", "",
		"Harbour quiz night raises funds for lifeboat crew", "",
		"Comments", "",
		"A quiz night at the Anchor Rooms raised more money than any event the lifeboat station has held.", "",
		"The final round ended level at", "", "12:12", "",
		"so the organisers settled it with a question about tide tables.", "",
		"Share", "", "Read more", "",
		"The station will spend the money on a new launch trolley.", "",
		"Share", "0:00", "1:5",
	}, "\n")
	st := parseOne(t, "text", "quiz.txt", []byte(page), en)
	want := []string{
		"A quiz night at the Anchor Rooms raised more money than any event the lifeboat station has held.",
		"The final round ended level at", "12:12",
		"so the organisers settled it with a question about tide tables.",
		"Share", "Read more",
		"The station will spend the money on a new launch trolley.",
	}
	if got := paragraphs(st); !slices.Equal(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
	if st.Headline != "Harbour quiz night raises funds for lifeboat crew" {
		t.Errorf("Headline = %q", st.Headline)
	}
}

func TestParseCRLFMatchesLF(t *testing.T) {
	en, _ := editions(t)
	data, err := os.ReadFile(filepath.Join("testdata", "long_month_double.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lf := parseOne(t, "text", "lf.txt", data, en)
	crlf := parseOne(t, "text", "crlf.txt", []byte(strings.ReplaceAll(string(data), "\n", "\r\n")), en)
	bom := parseOne(t, "text", "bom.txt", append([]byte("\ufeff"), data...), en)
	for _, st := range []news.Story{crlf, bom} {
		if st.Headline != lf.Headline || st.Lead != lf.Lead || st.Body != lf.Body || !st.PublishedAt.Equal(lf.PublishedAt) {
			t.Errorf("story differs from the LF one: %+v", st)
		}
	}
	if crlf.SourceKey == lf.SourceKey {
		t.Error("different bytes share a SourceKey")
	}
}

func TestParseInvalid(t *testing.T) {
	en, _ := editions(t)
	story := "12 May 2021 10:00\n\nFerry timetable changes at Port Alder\n\nThe first ferry will leave half an hour earlier from Monday.\n"
	tests := []struct {
		name   string
		format string
		data   string
		why    string // part of the message after "<name>: "
	}{
		{"empty", "text", "", "empty"},
		{"blank", "auto", " \n\r\n\t\n", "empty"},
		{"binary", "auto", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"},
		{"controls", "text", strings.Repeat("\x01\x02\x03abc", 50), "binary"},
		{"utf16", "text", "\xff\xfe1\x002\x00", "UTF-16"},
		{"html as text", "text", "<!DOCTYPE html>\n<html><body><h1>Ferry</h1></body></html>", "HTML"},
		{"html auto", "auto", "<html><body><p>x</p></body></html>", "HTML pages are not supported"},
		{"json as text", "text", `{"headline": "Ferry", "body": "x"}`, "JSON"},
		{"rss auto", "auto", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, "format rss is not supported yet"},
		{"atom auto", "auto", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, "format atom is not supported yet"},
		{"wxr auto", "auto", `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"></rss>`, "format wxr is not supported yet"},
		{"ghost auto", "auto", `{"db": [{"data": {"posts": []}}]}`, "format ghost is not supported yet"},
		{"ninjs auto", "auto", `{"uri": "urn:x", "headline": "Ferry"}`, "format ninjs is not supported yet"},
		{"json auto", "auto", `[1, 2, 3]`, "format json is not supported yet"},
		{"rss explicit", "rss", story, "format rss is not supported yet"},
		{"unknown format", "docx", story, `unknown format "docx"`},
		{"no date", "text", "Ferry timetable changes at Port Alder\n\nThe first ferry will leave earlier.\n", "no date"},
		{"date too deep", "text", strings.Repeat("Some line of text here\n", 12) + story, "no date"},
		{"chrome only", "text", "icon bookmarkicon shareicon search\nShare\n0:00\n", "no date"},
		{"no headline", "text", "12 May 2021 10:00\n\nShare\n0:00\n27:33\n", "no headline"},
		{"no body", "text", "12 May 2021 10:00\n\nFerry timetable changes at Port Alder\n", "no story text"},
		{"residue body", "text", "12 May 2021 10:00\n\nFerry timetable changes at Port Alder\n\nPodcasts\n0:00\n27:33\n", "no story text"},
		{"prose not headline", "text", "12 May 2021 10:00\n\n" + strings.Repeat("A long sentence that reads like prose rather than a title. ", 4) + "\n", "no headline"},
		{"long headline", "text", "12 May 2021 10:00\n\n" + strings.Repeat("word ", 70) + "\n\nText.\n", "no headline"},
		{"symbol headline", "text", "12 May 2021 10:00\n\n!!! ???\n\nText.\n", "no letters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sts, err := Parse(tt.format, tt.name+".txt", []byte(tt.data), en)
			if err == nil {
				t.Fatalf("Parse returned %d stories, want an error", len(sts))
			}
			var ne *news.Error
			if !errors.As(err, &ne) || ne.Code != news.ErrInvalid {
				t.Fatalf("err = %#v, want a *news.Error with ErrInvalid", err)
			}
			if !strings.HasPrefix(ne.Message, tt.name+".txt: ") || !strings.Contains(ne.Message, tt.why) {
				t.Errorf("message = %q, want %q after the name", ne.Message, tt.why)
			}
		})
	}
	if _, err := Parse("text", "ok.txt", []byte(story), en); err != nil {
		t.Errorf("the valid control page failed: %v", err)
	}
}

func TestTrailers(t *testing.T) {
	for _, line := range []string{
		"Read more: Ferry fares rise", "Related: Harbour works", "© 2020 The Courier", "(c) The Courier",
		"Copyright 2019 The Courier", "Читайте также: Паром отменён", "See also…", "Share", "0:00", "28:1", "Podcasts",
		"Comments (14)", "fb tw vk tg ok wt mail share", "Home › World › Europe",
	} {
		if !isTrailer(line) {
			t.Errorf("isTrailer(%q) = false", line)
		}
	}
	for _, line := range []string{
		"Related talks will continue next week.", "More to follow.", "Read the full report on the council website.",
		"Copyright law was the subject of the second debate.", "The vote was 12:3 in favour.",
	} {
		if isTrailer(line) {
			t.Errorf("isTrailer(%q) = true", line)
		}
	}
}

func TestParseLayouts(t *testing.T) {
	en, _ := editions(t)
	tests := []struct {
		name, page, headline, lead, byline string
		labels                             []news.MediaLabel
	}{
		{"menus above the date", "World\nEurope\n31 Jan 2018\n\nBridge reopens in Alder\n\nThe bridge reopened.\n\nCars crossed.",
			"Bridge reopens in Alder", "The bridge reopened.", "", nil},
		{"headline above the date", "Bridge reopens in Alder after long works\n31 Jan 2018 02:43\n\nThe bridge reopened.\n\nCars crossed.",
			"Bridge reopens in Alder after long works", "The bridge reopened.", "", nil},
		{"question headline", "31 Jan 2018\nWill the bridge reopen?\nThe bridge may reopen.\nCars may cross.",
			"Will the bridge reopen?", "The bridge may reopen.", "", nil},
		{"quoted headline", "31 Jan 2018\n\nMinister: “We will not resign”\n\nThe minister spoke.\n\nIt was short.\n\nShare this",
			"Minister: “We will not resign”", "The minister spoke.", "", nil},
		{"byline before headline", "Breaking\n31 Jan 2018\n\nBy Ann Lee\n\nBridge reopens\n\nThe bridge reopened.",
			"Bridge reopens", "The bridge reopened.", "Ann Lee", nil},
		{"headline, date, headline", "Bridge reopens in Alder after long works (VIDEO)\n31 Jan 2018 02:43\nBridge reopens in Alder after long works\nBy Ann Lee\nThe bridge reopened.\nCars crossed.",
			"Bridge reopens in Alder after long works", "The bridge reopened.", "Ann Lee", []news.MediaLabel{news.LabelVideo}},
		{"label prefix", "31 Jan 2018\n\nPHOTOS: Bridge reopens in Alder\n\nThe bridge reopened.",
			"Bridge reopens in Alder", "The bridge reopened.", "", []news.MediaLabel{news.LabelPhotos}},
		{"other brackets stay", "31 Jan 2018\n\nBridge reopens in Alder (updated) [Podcast]\n\nThe bridge reopened.",
			"Bridge reopens in Alder (updated)", "The bridge reopened.", "", []news.MediaLabel{news.LabelAudio}},
		{"russian labels", "31.01.2018 02:43\n\nМост в Ольховке открыт (ФОТО и ВИДЕО)\n\nАвтор: Анна Ли\n\nМост открыли после ремонта.",
			"Мост в Ольховке открыт", "Мост открыли после ремонта.", "Анна Ли", []news.MediaLabel{news.LabelVideo, news.LabelPhotos}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := parseOne(t, "auto", tt.name, []byte(tt.page), en)
			if st.Headline != tt.headline || st.Lead != tt.lead {
				t.Errorf("Headline, Lead = %q, %q; want %q, %q", st.Headline, st.Lead, tt.headline, tt.lead)
			}
			if !slices.Equal(st.Labels, tt.labels) {
				t.Errorf("Labels = %v, want %v", st.Labels, tt.labels)
			}
			var by string
			if len(st.Bylines) > 0 {
				by = st.Bylines[0].Name
			}
			if by != tt.byline {
				t.Errorf("byline = %q, want %q", by, tt.byline)
			}
			if strings.Contains(st.Body, "Share") {
				t.Errorf("Body keeps residue: %q", st.Body)
			}
		})
	}
}
