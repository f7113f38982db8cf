package store_test

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func TestCreateStory(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)

		first := story(n.world, 1, "Talks resume in Geneva", "Diplomacy", "Europe")
		first.Bylines = []news.Author{{Name: "Anna Smith"}}
		mustCreate(t, s, first)

		// The second story reuses one tag and one author and brings new ones.
		st := story(n.world, 2, "Ministers meet again (VIDEO)", "Europe", "Energy")
		st.Tags = append(st.Tags, news.Tag{Slug: "europe"}) // a repeat, dropped
		st.Bylines = []news.Author{{Name: "Anna Smith"}, {Slug: "b-jones", Name: "B. Jones"}}
		st.Labels = []news.MediaLabel{"VIDEO", news.LabelPhotos}
		st.SEOTitle, st.SocialTitle, st.Description = "SEO", "Social", "Described"
		st.TranslationGroup = 7
		st.SourceKey = "text:abc"
		mustCreate(t, s, st)

		if st.ID == 0 || st.ID == first.ID {
			t.Fatalf("ID = %d, want a new non-zero id (first is %d)", st.ID, first.ID)
		}
		if got, want := st.Version, 1; got != want {
			t.Errorf("Version = %d, want %d", got, want)
		}
		if st.CreatedAt.IsZero() {
			t.Error("CreatedAt is zero")
		}
		if got, want := st.Section, n.world; got != want {
			t.Errorf("Section = %+v, want %+v", got, want)
		}
		if got, want := tagSlugs(st.Tags), "europe energy"; got != want {
			t.Errorf("Tags = %s, want %s", got, want)
		}
		if got, want := st.Tags[0].ID, first.Tags[1].ID; got != want {
			t.Errorf("existing tag europe got id %d, want %d", got, want)
		}
		if got, want := st.Bylines[0].ID, first.Bylines[0].ID; got != want {
			t.Errorf("existing author got id %d, want %d", got, want)
		}
		if got, want := st.Labels, []news.MediaLabel{news.LabelVideo, news.LabelPhotos}; !reflect.DeepEqual(got, want) {
			t.Errorf("Labels = %v, want %v", got, want)
		}
		for _, a := range st.Bylines {
			if a.ID == 0 {
				t.Errorf("byline %+v has no id", a)
			}
		}

		got, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, *st) {
			t.Errorf("Story(%d) =\n%+v\nwant\n%+v", st.ID, got, *st)
		}
		bySource, err := s.StoryBySourceKey(ctx, "text:abc")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := bySource.ID, st.ID; got != want {
			t.Errorf("StoryBySourceKey = story %d, want %d", got, want)
		}

		tag, err := s.TagBySlug(ctx, "en", "energy")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := tag, st.Tags[1]; got != want {
			t.Errorf("TagBySlug(en, energy) = %+v, want %+v", got, want)
		}
	})
}

func TestStoryTimesRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		moscow := time.FixedZone("MSK", 3*3600)
		st := story(n.world, 0, "Time check")
		st.PublishedAt = time.Date(2018, 1, 31, 5, 43, 12, 345678000, moscow)
		mustCreate(t, s, st)
		got, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.PublishedAt.Equal(st.PublishedAt) {
			t.Errorf("PublishedAt = %v, want %v", got.PublishedAt, st.PublishedAt)
		}
		if got, want := got.PublishedAt.Location(), time.UTC; got != want {
			t.Errorf("PublishedAt in %v, want %v", got, want)
		}
		if !got.UpdatedAt.IsZero() {
			t.Errorf("UpdatedAt = %v, want zero", got.UpdatedAt)
		}
		// A story without tags, bylines or labels reads back as saved.
		if !reflect.DeepEqual(got, *st) {
			t.Errorf("Story(%d) =\n%+v\nwant\n%+v", st.ID, got, *st)
		}
	})
}

func TestStorySlugs(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		n := setupNewsroom(t, s)
		long := strings.Repeat("word ", 20) // slugifies to the full 80 bytes
		cases := []struct {
			section  news.Section
			headline string
			want     string
		}{
			{n.world, "Storm hits coast", "storm-hits-coast"},
			{n.business, "Storm hits coast", "storm-hits-coast-2"},
			{n.world, "Storm hits coast", "storm-hits-coast-3"},
			{n.world, "Storm hits coast 2", "storm-hits-coast-2-2"},
			{n.ruNews, "Storm hits coast", "storm-hits-coast"}, // another edition
			{n.world, long, news.Slugify(long)},
			{n.world, long, news.Slugify(long)[:78] + "-2"},
		}
		for i, c := range cases {
			st := story(c.section, i, c.headline)
			mustCreate(t, s, st)
			if got := st.Slug; got != c.want {
				t.Errorf("story %d %q: slug = %q, want %q", i, c.headline, got, c.want)
			}
			if !news.ValidSlug(st.Slug) {
				t.Errorf("story %d: slug %q is not valid", i, st.Slug)
			}
		}
		// A story without a slug gets one from its headline.
		st := story(n.sport, 0, "Cup final tonight")
		st.Slug = ""
		mustCreate(t, s, st)
		if got, want := st.Slug, "cup-final-tonight"; got != want {
			t.Errorf("slug from headline = %q, want %q", got, want)
		}
	})
}

func TestCreateStoryErrors(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		first := story(n.world, 1, "Imported once")
		first.SourceKey = "text:feed"
		mustCreate(t, s, first)

		again := story(n.world, 2, "Imported twice")
		again.SourceKey = "text:feed"
		e := wantCode(t, s.CreateStory(ctx, again), news.ErrConflict)
		if want := "story " + itoa(first.ID); !strings.Contains(e.Message, want) {
			t.Errorf("conflict message %q does not name %q", e.Message, want)
		}
		if again.ID != 0 {
			t.Errorf("failed create set ID to %d", again.ID)
		}

		bad := story(n.world, 3, "")
		bad.Status = "live"
		e = wantCode(t, s.CreateStory(ctx, bad), news.ErrInvalid)
		for _, field := range []string{"headline", "status"} {
			if e.Fields[field] == "" {
				t.Errorf("fields = %v, want a message for %s", e.Fields, field)
			}
		}

		// A section of another edition is invalid too.
		wrong := story(n.world, 4, "Wrong edition")
		wrong.Edition = "ru"
		e = wantCode(t, s.CreateStory(ctx, wrong), news.ErrInvalid)
		if e.Fields["section"] == "" {
			t.Errorf("fields = %v, want a message for section", e.Fields)
		}

		_, err := s.Story(ctx, 9999)
		e = wantCode(t, err, news.ErrNotFound)
		if got, want := e.Message, "story 9999 not found"; got != want {
			t.Errorf("message = %q, want %q", got, want)
		}
		_, err = s.StoryBySourceKey(ctx, "text:none")
		wantCode(t, err, news.ErrNotFound)
		_, err = s.StoryBySourceKey(ctx, "")
		wantCode(t, err, news.ErrNotFound)
		_, err = s.TagBySlug(ctx, "en", "none")
		wantCode(t, err, news.ErrNotFound)
	})
}

func tagSlugs(tags []news.Tag) string {
	s := make([]string, len(tags))
	for i, t := range tags {
		s[i] = t.Slug
	}
	return strings.Join(s, " ")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
