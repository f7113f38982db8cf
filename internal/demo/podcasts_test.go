package demo_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// TestPodcasts fills a newsroom's podcasts through a real media library
// on disk: every episode's audio is an MP3 whose duration the library
// read, every show has square cover art, and one episode waits for the
// scheduler.
func TestPodcasts(t *testing.T) {
	ctx := context.Background()
	st := filled(t)
	dir := t.TempDir()
	disk, err := media.NewDisk(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o750); err != nil {
		t.Fatal(err)
	}
	lib := &media.Library{Storage: disk, TempDir: tmp}
	add := func(ctx context.Context, name string, data []byte) (news.Media, error) {
		up, err := lib.Ingest(ctx, bytes.NewReader(data), media.DefaultLimits, func(string) (bool, error) { return false, nil })
		if err != nil {
			return news.Media{}, err
		}
		m, _, err := st.CreateMedia(ctx, news.Media{Hash: up.Hash, Key: up.Key, Kind: up.Kind, MIME: up.MIME, Name: name,
			Size: up.Size, Width: up.Width, Height: up.Height, Duration: up.Duration})
		return m, err
	}
	if err := demo.Podcasts(ctx, st, add, now); err != nil {
		t.Fatalf("Podcasts: %v", err)
	}
	for _, ed := range []string{"en", "ru"} {
		shows, err := st.Shows(ctx, ed)
		if err != nil || len(shows) != 1 {
			t.Fatalf("%s: %d shows, %v", ed, len(shows), err)
		}
		cover, err := st.Media(ctx, shows[0].Cover.ID)
		if err != nil || cover.Kind != news.MediaImage || cover.Width != cover.Height || cover.Width < 1400 {
			t.Errorf("%s cover: %+v, %v", ed, cover, err)
		}
		eps, err := st.Episodes(ctx, store.EpisodeFilter{ShowID: shows[0].ID})
		if err != nil || len(eps) == 0 {
			t.Fatalf("%s: %d episodes, %v", ed, len(eps), err)
		}
		for _, e := range eps {
			m, err := st.Media(ctx, e.Audio.ID)
			if err != nil || m.MIME != "audio/mpeg" || m.Duration <= 30*time.Second || e.Duration != m.Duration || e.Audio.Size != m.Size {
				t.Errorf("%s episode %q: audio %+v, duration %v, %v", ed, e.Title, m, e.Duration, err)
			}
			if (e.Status == news.StatusScheduled) != e.PublishedAt.After(now) {
				t.Errorf("%s episode %q is %s at %v", ed, e.Title, e.Status, e.PublishedAt)
			}
		}
	}
	next, ok, err := st.NextDue(ctx)
	if err != nil || !ok || !next.After(now) {
		t.Errorf("NextDue = %v, %v, %v; want the scheduled episode", next, ok, err)
	}
}
