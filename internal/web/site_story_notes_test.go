package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

// TestStoryNotes: notes on a story show under its body in time order, the
// updated line and dateModified move to the latest, and the JSON-LD lists
// them as CorrectionComments.
func TestStoryNotes(t *testing.T) {
	f := newFixture(t, 3)
	ctx := context.Background()
	published := f.lead.PublishedAt
	for _, n := range []news.Note{
		{Kind: news.NoteCorrection, Text: "An earlier version gave the wrong date <b>of</b> the strike.", At: published.Add(3 * time.Hour)},
		{Kind: news.NoteUpdate, Text: "The ministry has commented.", At: published.Add(2 * time.Hour)},
	} {
		n.StoryID = f.lead.ID
		if _, err := f.store.AddNote(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	body := f.mustGet(t, fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug), http.StatusOK).body

	mustContain(t, "story page", body,
		`Updated <time datetime="2018-01-31T05:43:00Z">31 Jan, 2018 05:43</time>`,
		`<h2 id="notes-heading" class="notes-title">Corrections and updates</h2>`,
		`<li class="note note-update"><span class="note-head"><strong>Update</strong> <time datetime="2018-01-31T04:43:00Z">31 Jan, 2018 04:43</time></span> <span class="note-text">The ministry has commented.</span></li>`,
		`<li class="note note-correction"><span class="note-head"><strong>Correction</strong> <time datetime="2018-01-31T05:43:00Z">31 Jan, 2018 05:43</time></span> <span class="note-text">An earlier version gave the wrong date &lt;b&gt;of&lt;/b&gt; the strike.</span></li>`,
		`<meta property="article:modified_time" content="2018-01-31T05:43:00Z">`,
	)
	if u, c := strings.Index(body, "note-update"), strings.Index(body, "note-correction"); u > c {
		t.Error("notes not in time order")
	}

	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var ld struct {
		DateModified string `json:"dateModified"`
		Correction   []struct {
			Type          string `json:"@type"`
			Name          string `json:"name"`
			Text          string `json:"text"`
			DatePublished string `json:"datePublished"`
		} `json:"correction"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if ld.DateModified != "2018-01-31T05:43:00Z" {
		t.Errorf("dateModified = %q", ld.DateModified)
	}
	if len(ld.Correction) != 2 {
		t.Fatalf("JSON-LD correction = %+v, want the two notes", ld.Correction)
	}
	for i, want := range []struct{ name, text, at string }{
		{"Update", "The ministry has commented.", "2018-01-31T04:43:00Z"},
		{"Correction", "An earlier version gave the wrong date <b>of</b> the strike.", "2018-01-31T05:43:00Z"},
	} {
		c := ld.Correction[i]
		if c.Type != "CorrectionComment" || c.Name != want.name || c.Text != want.text || c.DatePublished != want.at {
			t.Errorf("correction %d = %+v, want %s %q at %s", i, c, want.name, want.text, want.at)
		}
	}

	// A story without notes has no notes section and no correction key.
	plain := f.mustGet(t, fmt.Sprintf("/%s/%d-%s", "ru/"+f.russian.Section.Slug, f.russian.ID, f.russian.Slug), http.StatusOK).body
	if strings.Contains(plain, "notes-box") || strings.Contains(plain, `"correction"`) {
		t.Error("a story without notes shows a notes section or JSON-LD corrections")
	}
}
