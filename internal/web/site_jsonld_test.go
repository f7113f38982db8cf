package web

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

// ldObjects returns the JSON-LD objects of a page, in order.
func ldObjects(t *testing.T, body string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, m := range regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindAllStringSubmatch(body, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
		}
		out = append(out, v)
	}
	return out
}

// crumbNames lists a BreadcrumbList's names.
func crumbNames(t *testing.T, ld map[string]any) []any {
	t.Helper()
	if ld["@type"] != "BreadcrumbList" {
		t.Fatalf("not a BreadcrumbList: %v", ld)
	}
	var names []any
	for _, it := range ld["itemListElement"].([]any) {
		names = append(names, it.(map[string]any)["name"])
	}
	return names
}

func TestStructuredData(t *testing.T) {
	f := newFixture(t, 1)
	ctx := context.Background()
	storyPath := "/world/" + strconv.FormatInt(f.lead.ID, 10) + "-" + f.lead.Slug

	lds := ldObjects(t, f.mustGet(t, storyPath, http.StatusOK).body)
	if len(lds) != 2 || lds[0]["@type"] != "NewsArticle" {
		t.Fatalf("story page JSON-LD %v", lds)
	}
	if got := crumbNames(t, lds[1]); len(got) != 3 || got[0] != "Home" || got[1] != "World" || got[2] != f.lead.Headline {
		t.Errorf("story breadcrumbs %v", got)
	}
	if _, ok := lds[0]["video"]; ok {
		t.Error("a story without a video file has a VideoObject")
	}
	lds = ldObjects(t, f.mustGet(t, "/ru/mir/", http.StatusOK).body)
	if len(lds) != 1 {
		t.Fatalf("section page JSON-LD %v", lds)
	}
	if got := crumbNames(t, lds[0]); len(got) != 2 || got[0] != "Главная" || got[1] != "Мир" {
		t.Errorf("section breadcrumbs %v", got)
	}

	set := news.DefaultSettings()
	set.SiteName = "Harbour Times"
	set.Channels["telegram"] = "https://t.me/harbour"
	if err := f.store.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	f.srv.keysChanged([]string{news.KeySite}) // as the page cache would on reading the change
	lds = ldObjects(t, f.mustGet(t, "/", http.StatusOK).body)
	if len(lds) != 1 || lds[0]["@type"] != "NewsMediaOrganization" || lds[0]["name"] != "Harbour Times" || lds[0]["url"] != "https://news.example/" {
		t.Fatalf("home page JSON-LD %v", lds)
	}
	if same, _ := lds[0]["sameAs"].([]any); len(same) != 1 || same[0] != "https://t.me/harbour" {
		t.Errorf("sameAs %v", lds[0]["sameAs"])
	}

	// A story with a lead video describes it.
	video, _, err := f.store.CreateMedia(ctx, news.Media{Hash: strings.Repeat("0", 64), Key: "v0.mp4",
		Kind: news.MediaVideo, MIME: "video/mp4", Name: "v.mp4", Size: 5000, Width: 640, Height: 360, Duration: 27*time.Second + 400*time.Millisecond, Caption: "The harbour at dawn"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.store.Story(ctx, f.lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	st.Media = []news.StoryMedia{{Role: news.RoleLead, Media: video}}
	if err := f.store.UpdateStory(ctx, &st); err != nil {
		t.Fatal(err)
	}
	lds = ldObjects(t, f.mustGet(t, storyPath, http.StatusOK).body)
	v, _ := lds[0]["video"].(map[string]any)
	if v == nil || v["@type"] != "VideoObject" || v["contentUrl"] != "https://news.example/media/v0.mp4" || v["duration"] != "PT27S" ||
		v["description"] != "The harbour at dawn" || v["uploadDate"] == "" || v["width"] != 640.0 {
		t.Errorf("VideoObject %v", v)
	}
}
