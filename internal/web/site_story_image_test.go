package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestStoryFeaturedImage(t *testing.T) {
	f := newFixture(t, 3)
	path := fmt.Sprintf("/world/%d-%s", f.lead.ID, f.lead.Slug)
	if body := f.mustGet(t, path, http.StatusOK).body; strings.Contains(body, "og:image") || strings.Contains(body, "story-figure") {
		t.Fatal("story without a featured image has an og:image or a figure")
	}
	for _, tc := range []struct{ image, abs string }{
		{"https://images.example/harbour.jpg", "https://images.example/harbour.jpg"},
		{"/media/quay.jpg", "https://news.example/media/quay.jpg"},
	} {
		st, err := f.store.Story(context.Background(), f.lead.ID)
		if err != nil {
			t.Fatal(err)
		}
		st.FeaturedImage = tc.image
		if err := f.store.UpdateStory(context.Background(), &st); err != nil {
			t.Fatal(err)
		}
		body := f.mustGet(t, path, http.StatusOK).body
		mustContain(t, "story page", body,
			`<figure class="story-figure"><img src="`+tc.image+`" alt=""`,
			`<meta property="og:image" content="`+tc.abs+`">`,
			`<meta name="twitter:card" content="summary_large_image">`,
			`"image":["`+tc.abs+`"]`,
		)
	}
}
