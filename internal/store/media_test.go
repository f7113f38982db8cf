package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// addMedia records a library item of kind k; n makes its hash and key
// differ from the others'.
func addMedia(t *testing.T, s *store.Store, k news.MediaKind, n int, alt string) news.Media {
	t.Helper()
	hash := fmt.Sprintf("%032x%032x", n, n)
	m, created, err := s.CreateMedia(context.Background(), news.Media{
		Hash: hash, Key: hash[:32] + ".bin", Kind: k, MIME: "application/octet-stream",
		Name: fmt.Sprintf("%s-%d", k, n), Size: int64(100 + n), Width: 640, Height: 480,
		Duration: time.Duration(n) * time.Second, Alt: alt, CreatedBy: 3,
	})
	if err != nil || !created {
		t.Fatalf("CreateMedia: %v (created %v)", err, created)
	}
	return m
}

func TestMediaLibrary(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		img := addMedia(t, s, news.MediaImage, 1, "A harbour at dawn")
		vid := addMedia(t, s, news.MediaVideo, 2, "")
		doc := addMedia(t, s, news.MediaDocument, 3, "")

		// The same content again is the same item.
		again, created, err := s.CreateMedia(ctx, news.Media{Hash: img.Hash, Key: "other.jpg", Kind: news.MediaImage, MIME: "image/jpeg", Size: 1})
		if err != nil || created || again.ID != img.ID || again.Key != img.Key {
			t.Errorf("CreateMedia of a known hash = %+v, %v, %v; want item %d unchanged", again, created, err, img.ID)
		}
		got, err := s.Media(ctx, vid.ID)
		if err != nil || got.Duration != 2*time.Second || got.Kind != news.MediaVideo || got.CreatedBy != 3 || got.CreatedAt.IsZero() {
			t.Errorf("Media(%d) = %+v, %v", vid.ID, got, err)
		}
		if byKey, err := s.MediaByKey(ctx, doc.Key); err != nil || byKey.ID != doc.ID {
			t.Errorf("MediaByKey = %+v, %v", byKey, err)
		}
		_, err = s.Media(ctx, 999)
		wantCode(t, err, news.ErrNotFound)

		list := func(f news.MediaFilter) []int64 {
			t.Helper()
			items, total, err := s.ListMedia(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if total < len(items) {
				t.Errorf("total %d < %d items", total, len(items))
			}
			var out []int64
			for _, m := range items {
				out = append(out, m.ID)
			}
			return out
		}
		if got, want := list(news.MediaFilter{}), []int64{doc.ID, vid.ID, img.ID}; !slices.Equal(got, want) {
			t.Errorf("all = %v, want %v (newest first)", got, want)
		}
		if got := list(news.MediaFilter{Kind: news.MediaVideo}); !slices.Equal(got, []int64{vid.ID}) {
			t.Errorf("videos = %v, want [%d]", got, vid.ID)
		}
		if got := list(news.MediaFilter{Query: "HARBOUR dawn"}); !slices.Equal(got, []int64{img.ID}) {
			t.Errorf("search by alt text = %v, want [%d]", got, img.ID)
		}
		if got := list(news.MediaFilter{Query: "100%_"}); len(got) != 0 {
			t.Errorf("search for wildcards = %v, want none", got)
		}

		img.Caption, img.Credit = "  Boats at first light  ", "Anna Marsh"
		saved, err := s.UpdateMedia(ctx, img)
		if err != nil || saved.Caption != "Boats at first light" || saved.Credit != "Anna Marsh" || saved.Alt != img.Alt {
			t.Errorf("UpdateMedia = %+v, %v", saved, err)
		}
		if got := list(news.MediaFilter{Query: "first light"}); !slices.Equal(got, []int64{img.ID}) {
			t.Errorf("search by new caption = %v", got)
		}
		if _, err := s.DeleteMedia(ctx, doc.ID); err != nil {
			t.Errorf("DeleteMedia of an unused item: %v", err)
		}
		_, err = s.Media(ctx, doc.ID)
		wantCode(t, err, news.ErrNotFound)
	})
}

func TestStoryMedia(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := setupNewsroom(t, s)
		photo1 := addMedia(t, s, news.MediaImage, 1, "First photo")
		photo2 := addMedia(t, s, news.MediaImage, 2, "Second photo")
		noAlt := addMedia(t, s, news.MediaImage, 3, "")
		vid := addMedia(t, s, news.MediaVideo, 4, "")
		pdf := addMedia(t, s, news.MediaDocument, 5, "")

		st := story(n.world, 1, "Storm reaches the coast")
		st.Media = []news.StoryMedia{
			{Role: news.RoleLead, Media: news.Media{ID: vid.ID}},
			{Role: news.RoleGallery, Media: news.Media{ID: photo2.ID}},
			{Role: news.RoleGallery, Media: news.Media{ID: photo1.ID}},
			{Role: news.RoleAttachment, Media: news.Media{ID: pdf.ID}},
		}
		mustCreate(t, s, st)
		got, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, it := range got.Media {
			order = append(order, fmt.Sprintf("%s:%d", it.Role, it.Media.ID))
		}
		want := []string{"lead:" + fmt.Sprint(vid.ID), "gallery:" + fmt.Sprint(photo2.ID), "gallery:" + fmt.Sprint(photo1.ID), "attachment:" + fmt.Sprint(pdf.ID)}
		if !slices.Equal(order, want) {
			t.Errorf("media = %v, want %v", order, want)
		}
		if got.Media[0].Media.Key != vid.Key || got.Media[1].Media.Alt != "Second photo" {
			t.Errorf("media items are not filled: %+v", got.Media[:2])
		}
		if !slices.Equal(got.Labels, []news.MediaLabel{news.LabelVideo, news.LabelPhotos}) {
			t.Errorf("labels = %v, want video, photos from the media", got.Labels)
		}
		// Lists carry the labels too.
		lst, err := s.ListStories(ctx, news.StoryFilter{Edition: "en", Status: news.StatusPublished, Limit: 10})
		if err != nil || len(lst.Stories) != 1 || !slices.Equal(lst.Stories[0].Labels, got.Labels) {
			t.Errorf("list labels = %+v, %v", lst.Stories, err)
		}

		// A published story refuses an image without alt text, and an
		// item in the wrong role; neither changes anything.
		bad := got
		bad.Media = append(slices.Clone(got.Media), news.StoryMedia{Role: news.RoleGallery, Media: news.Media{ID: noAlt.ID}})
		e := wantCode(t, s.UpdateStory(ctx, &bad), news.ErrInvalid)
		if !strings.Contains(e.Fields["media_alt"], noAlt.Name) {
			t.Errorf("fields = %v, want media_alt naming %s", e.Fields, noAlt.Name)
		}
		bad = got
		bad.Media = []news.StoryMedia{{Role: news.RoleGallery, Media: news.Media{ID: pdf.ID}}}
		wantCode(t, s.UpdateStory(ctx, &bad), news.ErrInvalid)
		bad.Media = []news.StoryMedia{{Role: news.RoleGallery, Media: news.Media{ID: 9999}}}
		wantCode(t, s.UpdateStory(ctx, &bad), news.ErrInvalid)

		// Saving with nil Media keeps them; a media item in use cannot be
		// deleted, nor lose its alt text while published.
		keep := got
		keep.Media = nil
		keep.Headline = "Storm reaches the coast at night"
		if err := s.UpdateStory(ctx, &keep); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.Story(ctx, st.ID); len(again.Media) != 4 {
			t.Errorf("after a save with nil Media: %d items, want 4", len(again.Media))
		}
		_, err = s.DeleteMedia(ctx, photo1.ID)
		wantCode(t, err, news.ErrConflict)
		photo1.Alt = ""
		_, err = s.UpdateMedia(ctx, photo1)
		wantCode(t, err, news.ErrInvalid)

		// Caption changes purge the story's page.
		last, _ := s.LastChange(ctx)
		photo1.Alt, photo1.Caption = "First photo", "A new caption"
		if _, err := s.UpdateMedia(ctx, photo1); err != nil {
			t.Fatal(err)
		}
		chs, err := s.ChangesAfter(ctx, last, 10)
		if err != nil || len(chs) != 1 || !slices.Contains(chs[0].Keys, news.StoryKey(st.ID)) {
			t.Errorf("changes after a caption = %+v, %v; want the story's key", chs, err)
		}

		// Removing every item takes the labels with them; an imported
		// story without media keeps those its source gave.
		cur, _ := s.Story(ctx, st.ID)
		cur.Media = []news.StoryMedia{}
		if err := s.UpdateStory(ctx, &cur); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.Story(ctx, st.ID); len(again.Media) != 0 || len(again.Labels) != 0 {
			t.Errorf("after removing the media: %d items, labels %v", len(again.Media), again.Labels)
		}
		imported := story(n.world, 2, "Imported with a video")
		imported.Labels = []news.MediaLabel{news.LabelVideo}
		mustCreate(t, s, imported)
		imported.Media = []news.StoryMedia{}
		if err := s.UpdateStory(ctx, imported); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.Story(ctx, imported.ID); !slices.Equal(again.Labels, []news.MediaLabel{news.LabelVideo}) {
			t.Errorf("imported story's labels = %v, want video", again.Labels)
		}
	})
}

func TestMediaLimitSettings(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		set, err := s.Settings(ctx)
		if err != nil || set.MediaLimit(news.MediaVideo) != news.DefaultMediaLimits[news.MediaVideo] {
			t.Fatalf("default video limit = %d, %v", set.MediaLimit(news.MediaVideo), err)
		}
		set.MediaLimits[news.MediaVideo] = 5 << 20
		if err := s.SaveSettings(ctx, set); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Settings(ctx)
		if got.MediaLimit(news.MediaVideo) != 5<<20 || got.MediaLimit(news.MediaImage) != news.DefaultMediaLimits[news.MediaImage] {
			t.Errorf("limits = %v", got.MediaLimits)
		}
		set.MediaLimits[news.MediaImage] = -1
		wantCode(t, s.SaveSettings(ctx, set), news.ErrInvalid)
	})
}

func TestMediaUsesCountPodcasts(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		setupNewsroom(t, s)
		cover := addMedia(t, s, news.MediaImage, 1, "Cover art")
		sh := news.Show{Edition: "en", Title: "The Harbour Hour", Description: "Weekly.", Author: "Desk",
			Category: "News", OwnerEmail: "pod@example.com", Cover: news.MediaRef{ID: cover.ID, URL: cover.URL(), Type: "image/png", Size: 1}}
		if err := s.CreateShow(ctx, &sh); err != nil {
			t.Fatal(err)
		}
		items, _, err := s.ListMedia(ctx, news.MediaFilter{})
		if err != nil || len(items) != 1 || items[0].Uses != 1 {
			t.Errorf("ListMedia = %+v, %v; want the cover used once", items, err)
		}
	})
}
