package news

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Locals want US troops out of Iraq", "locals-want-us-troops-out-of-iraq"},
		{"  Hello,   World!  ", "hello-world"},
		{"Don't stop", "dont-stop"},
		{"Café crème à Paris", "cafe-creme-a-paris"},
		{"Москва объявила о запуске", "moskva-obyavila-o-zapuske"},
		{"Щука и ёж", "shchuka-i-ezh"},
		{"2018: year in review", "2018-year-in-review"},
		{"!!!", ""},
		{"日本", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugifyLimitsLength(t *testing.T) {
	long := ""
	for i := 0; i < 40; i++ {
		long += "word "
	}
	got := Slugify(long)
	if len(got) > maxSlugLen || !ValidSlug(got) {
		t.Errorf("Slugify(long) = %q (%d bytes), want a valid slug of at most %d", got, len(got), maxSlugLen)
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"world": true, "a-b-c": true, "2018": true,
		"": false, "-a": false, "a-": false, "a--b": false, "A": false, "a b": false, "ру": false,
	} {
		if got := ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestErrors(t *testing.T) {
	err := fmt.Errorf("store: get story 7: %w", Errorf(ErrNotFound, "story %d not found", 7))
	if !errors.Is(err, ErrNotFound) {
		t.Error("errors.Is(wrapped, ErrNotFound) = false")
	}
	if errors.Is(err, ErrConflict) {
		t.Error("errors.Is(wrapped, ErrConflict) = true")
	}
	if got := ErrorCode(err); got != ErrNotFound {
		t.Errorf("ErrorCode = %q, want %q", got, ErrNotFound)
	}
	if got := ErrorMessage(err); got != "story 7 not found" {
		t.Errorf("ErrorMessage = %q", got)
	}
	if got := ErrorCode(errors.New("disk on fire")); got != "" {
		t.Errorf("ErrorCode(internal) = %q, want empty", got)
	}
}

func validStory() Story {
	return Story{
		Edition: "en", Section: Section{ID: 1, Slug: "world"}, Slug: "a-story",
		Headline: "A story", Status: StatusPublished, PublishedAt: time.Now(),
	}
}

func TestStoryValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Story)
		field  string // "" when valid
	}{
		{"valid", func(*Story) {}, ""},
		{"draft without date", func(s *Story) { s.Status, s.PublishedAt = StatusDraft, time.Time{} }, ""},
		{"no headline", func(s *Story) { s.Headline = "  " }, "headline"},
		{"no section", func(s *Story) { s.Section = Section{} }, "section"},
		{"bad slug", func(s *Story) { s.Slug = "Not A Slug" }, "slug"},
		{"unknown status", func(s *Story) { s.Status = "lost" }, "status"},
		{"published without date", func(s *Story) { s.PublishedAt = time.Time{} }, "published_at"},
		{"unknown label", func(s *Story) { s.Labels = []MediaLabel{"hologram"} }, "labels"},
		{"no edition", func(s *Story) { s.Edition = "" }, "edition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := validStory()
			tt.change(&s)
			err := s.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != ErrInvalid {
				t.Fatalf("Validate() = %v, want an ErrInvalid *Error", err)
			}
			if _, ok := e.Fields[tt.field]; !ok {
				t.Errorf("Fields = %v, want an entry for %q", e.Fields, tt.field)
			}
		})
	}
}

func TestEdition(t *testing.T) {
	en := StarterEditions()[0]
	if err := en.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := en.PathPrefix(); got != "" {
		t.Errorf("default edition prefix = %q, want empty", got)
	}
	if got := StarterEditions()[1].PathPrefix(); got != "/ru" {
		t.Errorf("ru prefix = %q, want /ru", got)
	}
	bad := Edition{Code: "EN!", TimeZone: "Mars/Olympus"}
	if err := bad.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Validate(bad) = %v, want ErrInvalid", err)
	}
}

func TestStoryPathAndModified(t *testing.T) {
	s := validStory()
	s.ID = 42
	if got, want := s.Path(), "/world/42-a-story"; got != want {
		t.Errorf("Path() = %q, want %q", got, want)
	}
	s.UpdatedAt = s.PublishedAt.Add(time.Hour)
	if !s.Modified().Equal(s.UpdatedAt) {
		t.Error("Modified() ignores a later update")
	}
}
