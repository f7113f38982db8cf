package news

import (
	"strings"
	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                                     "0:00",
		27*time.Minute + 33*time.Second:       "27:33",
		59*time.Second + 600*time.Millisecond: "1:00",
		time.Hour + 2*time.Minute + 5*time.Second: "1:02:05",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestShowValidate(t *testing.T) {
	ok := Show{Edition: "en", Title: "The Brief", Category: "News/Daily News", OwnerEmail: "pod@example.com", Locked: true}
	ok.Normalize()
	if err := ok.Validate(); err != nil || ok.Slug != "the-brief" {
		t.Fatalf("valid show: %v, slug %q", err, ok.Slug)
	}
	for name, bad := range map[string]Show{
		"no title":             {Edition: "en", Slug: "x"},
		"unknown category":     {Edition: "en", Title: "X", Category: "Gossip"},
		"locked without owner": {Edition: "en", Title: "X", Locked: true},
		"bad owner":            {Edition: "en", Title: "X", OwnerEmail: "not an address"},
	} {
		bad.Normalize()
		if err := bad.Validate(); ErrorCode(err) != ErrInvalid {
			t.Errorf("%s: got %v, want invalid", name, err)
		}
	}
	ep := Episode{Title: "One", Status: StatusPublished, PublishedAt: time.Now()}
	ep.Normalize()
	if err := ep.Validate(); err == nil || !strings.Contains(err.Error(), "audio") {
		t.Errorf("published episode without audio: %v", err)
	}
}
