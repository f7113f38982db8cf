package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"time"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
)

// PodcastStore is what Podcasts needs from the store; *store.Store
// satisfies it.
type PodcastStore interface {
	CreateShow(ctx context.Context, sh *news.Show) error
	CreateEpisode(ctx context.Context, e *news.Episode) error
}

// AddMedia puts a file that the demo generated into the media library,
// as an upload of that name would, and returns the library's item.
type AddMedia func(ctx context.Context, name string, data []byte) (news.Media, error)

// demoShow is a podcast show of the demo with its episodes.
type demoShow struct {
	edition, title, description, author, category string
	episodes                                      []demoEpisode
}

// demoEpisode is an episode: its length, and its publication time as an
// offset from now (positive: scheduled).
type demoEpisode struct {
	title, description string
	length             time.Duration
	at                 time.Duration
}

// demoShows are the podcast shows of the demo. Their audio is silence:
// newsdesk writes MP3 frames itself and has no encoder for sound.
var demoShows = []demoShow{
	{
		edition: "en", title: "The Port Alder Briefing", author: "The newsdesk demo",
		category:    "News/Daily News",
		description: "The day's news from Veldoria and its neighbours in a few minutes. (The demo's episodes are quiet: their audio is silence that newsdesk writes itself.)",
		episodes: []demoEpisode{
			{"Harbour council votes on the new quay", "The council of Port Alder meets again over the quay, and Castrel's markets open lower.", 3*time.Minute + 12*time.Second, -50 * time.Hour},
			{"Talks resume in Corvel", "Negotiators from Nareth and Sundria meet again; what each side wants.", 2*time.Minute + 5*time.Second, -26 * time.Hour},
			{"The week ahead", "What to watch in the coming week, from Halvik to Velmora.", 1*time.Minute + 40*time.Second, -2 * time.Hour},
			{"Election night special", "Scheduled: it publishes itself tomorrow morning.", 1 * time.Minute, 20 * time.Hour},
		},
	},
	{
		edition: "ru", title: "Утро в Порт-Олдере", author: "Демо newsdesk",
		category:    "News/Daily News",
		description: "Главные новости дня за несколько минут. (В демо-выпусках тишина: звук newsdesk пишет сам.)",
		episodes: []demoEpisode{
			{"Совет гавани голосует", "Совет Порт-Олдера снова обсуждает новый причал.", 2*time.Minute + 30*time.Second, -30 * time.Hour},
		},
	},
}

// Podcasts adds the demo's podcast shows with their episodes, drawing
// their cover art and writing their audio (silent MP3) itself and putting
// both into the media library through add. Episodes are published over
// the days before now; one is scheduled for the day after.
func Podcasts(ctx context.Context, st PodcastStore, add AddMedia, now time.Time) error {
	for i, ds := range demoShows {
		cover, err := add(ctx, fmt.Sprintf("demo-podcast-cover-%d.png", i+1), coverArt(i))
		if err != nil {
			return fmt.Errorf("demo: podcast cover: %w", err)
		}
		sh := news.Show{
			Edition: ds.edition, Title: ds.title, Description: ds.description, Author: ds.author,
			Category: ds.category, OwnerEmail: "podcasts@newsdesk.example", Locked: true,
			Cover: news.MediaRef{ID: cover.ID, URL: cover.URL(), Type: cover.MIME, Size: cover.Size},
		}
		if err := st.CreateShow(ctx, &sh); err != nil {
			return fmt.Errorf("demo: show %q: %w", ds.title, err)
		}
		for n, de := range ds.episodes {
			audio, err := add(ctx, fmt.Sprintf("%s-%d.mp3", sh.Slug, n+1), media.SilentMP3(de.length))
			if err != nil {
				return fmt.Errorf("demo: episode audio: %w", err)
			}
			e := news.Episode{
				ShowID: sh.ID, Title: de.title, Description: de.description, Season: 1, Number: n + 1,
				Status: news.StatusPublished, PublishedAt: now.Add(de.at),
				Audio:    news.MediaRef{ID: audio.ID, URL: audio.URL(), Type: audio.MIME, Size: audio.Size},
				Duration: audio.Duration,
			}
			if de.at > 0 {
				e.Status = news.StatusScheduled
			}
			if err := st.CreateEpisode(ctx, &e); err != nil {
				return fmt.Errorf("demo: episode %q: %w", de.title, err)
			}
		}
	}
	return nil
}

// coverArt draws a square cover: the brand's red with pale rings, a
// different number of rings for each show.
func coverArt(n int) []byte {
	const size = 1400
	img := image.NewPaletted(image.Rect(0, 0, size, size), color.Palette{
		color.RGBA{0xc4, 0x12, 0x2f, 0xff}, color.RGBA{0xf6, 0xf5, 0xf2, 0xff}, color.RGBA{0x14, 0x14, 0x14, 0xff},
	})
	rings := 3 + n
	for y := range size {
		for x := range size {
			dx, dy := float64(x-size/2), float64(y-size*3/5)
			d := dx*dx + dy*dy
			var c uint8
			for k := 1; k <= rings; k++ {
				r := float64(k * size / (2*rings + 2))
				if d > (r-14)*(r-14) && d < r*r {
					c = 1
				}
			}
			if y > size-160 {
				c = 2
			}
			img.SetColorIndex(x, y, c)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
