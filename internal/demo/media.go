package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"time"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
)

// MediaStore is what MediaStories needs from the store; *store.Store
// satisfies it.
type MediaStore interface {
	EnsureSection(ctx context.Context, edition, name string) (news.Section, error)
	CreateStory(ctx context.Context, st *news.Story) error
	UpdateMedia(ctx context.Context, m news.Media) (news.Media, error)
}

// demoPhoto is one picture of the demo gallery: a scene of the harbour
// that the package draws, at an hour of the day.
type demoPhoto struct {
	hour             float64
	caption, alt     string
	ruCaption, ruAlt string
}

var demoPhotos = []demoPhoto{
	{5.5, "First light over the outer harbour.", "The sun rising over a calm sea behind low green hills", "Рассвет над внешней гаванью.", "Солнце встаёт над спокойным морем за низкими холмами"},
	{8, "The ferry to Marrowgate leaves on time.", "A white sailing boat crossing the bay in the morning", "Паром на Марроугейт уходит по расписанию.", "Белая парусная лодка пересекает залив утром"},
	{12, "Noon: the quay at its busiest.", "A bright midday sky over the harbour and its hills", "Полдень: на причале людно.", "Яркое полуденное небо над гаванью и холмами"},
	{16.5, "The tide turns in the afternoon.", "Boats returning across the bay under a pale sky", "Днём начинается прилив.", "Лодки возвращаются через залив под бледным небом"},
	{19.5, "Sunset behind the lighthouse hill.", "An orange sunset over the sea and dark hills", "Закат за маячным холмом.", "Оранжевый закат над морем и тёмными холмами"},
	{22, "The harbour by night.", "A dark blue night sky over the still harbour", "Гавань ночью.", "Тёмно-синее ночное небо над тихой гаванью"},
}

// MediaStories adds the demo's stories with media: a photo gallery and a
// video story in English, and a gallery in Russian. The pictures are drawn
// and the video (H.264, made by media.SampleVideo) is written by newsdesk
// itself, and go into the media library through add, as uploads would.
func MediaStories(ctx context.Context, st MediaStore, add func(ctx context.Context, name string, data []byte) (news.Media, error), now time.Time) error {
	var photos []news.Media
	for i, p := range demoPhotos {
		var b bytes.Buffer
		if err := jpeg.Encode(&b, harbourScene(1280, 800, p.hour, float64(i)/float64(len(demoPhotos))), &jpeg.Options{Quality: 85}); err != nil {
			return fmt.Errorf("demo: photo: %w", err)
		}
		m, err := add(ctx, fmt.Sprintf("harbour-%d.jpg", i+1), b.Bytes())
		if err != nil {
			return fmt.Errorf("demo: photo: %w", err)
		}
		m.Caption, m.Credit, m.Alt = p.caption, "Demo photo desk", p.alt
		if m, err = st.UpdateMedia(ctx, m); err != nil {
			return fmt.Errorf("demo: photo: %w", err)
		}
		photos = append(photos, m)
	}
	var clip bytes.Buffer
	const w, h, frames, fps = 192, 112, 40, 10
	err := media.SampleVideo(&clip, w, h, frames, fps, func(i int) image.Image {
		return harbourScene(w, h, 9+float64(i)/frames, float64(i)/frames)
	})
	if err != nil {
		return fmt.Errorf("demo: video: %w", err)
	}
	video, err := add(ctx, "tide.mp4", clip.Bytes())
	if err != nil {
		return fmt.Errorf("demo: video: %w", err)
	}
	video.Caption, video.Credit = "A boat crosses the bay as the tide comes in.", "Demo video desk"
	if video, err = st.UpdateMedia(ctx, video); err != nil {
		return fmt.Errorf("demo: video: %w", err)
	}

	world, err := st.EnsureSection(ctx, "en", "World")
	if err != nil {
		return err
	}
	gallery := make([]news.StoryMedia, len(photos))
	for i, m := range photos {
		gallery[i] = news.StoryMedia{Role: news.RoleGallery, Media: m}
	}
	stories := []*news.Story{{
		Edition: "en", Section: world, Headline: "In pictures: a day on the Port Alder waterfront",
		Lead:          "From first light to the harbour by night, a day in the life of Veldoria's busiest quay.",
		Body:          "<p>Port Alder's waterfront never quite sleeps. Our photo desk followed it from dawn to well after dark.</p><p>Open the gallery to see the day in full screen; use the arrow keys or swipe to move between the photos.</p>",
		FeaturedImage: photos[2].URL(), Media: gallery, Tags: []news.Tag{{Name: "Port Alder"}, {Name: "In pictures"}},
		Bylines: []news.Author{{Name: "Demo photo desk"}}, Status: news.StatusPublished, PublishedAt: now.Add(-90 * time.Minute),
	}, {
		Edition: "en", Section: world, Headline: "Watch: the tide comes in at Port Alder",
		Lead:          "A short film of the bay as the morning tide turns, shot from the lighthouse hill.",
		Body:          "<p>The tide in Port Alder's bay rises by almost four metres twice a day.</p><p>The video above shows the morning tide from the lighthouse hill.</p>",
		FeaturedImage: photos[1].URL(), Media: []news.StoryMedia{{Role: news.RoleLead, Media: video}},
		Tags: []news.Tag{{Name: "Port Alder"}}, Bylines: []news.Author{{Name: "Demo video desk"}},
		Status: news.StatusPublished, PublishedAt: now.Add(-45 * time.Minute),
	}}
	if ru, err := st.EnsureSection(ctx, "ru", russianSections[0]); err == nil {
		ruGallery := make([]news.StoryMedia, len(photos))
		copy(ruGallery, gallery)
		stories = append(stories, &news.Story{
			Edition: "ru", Section: ru, Headline: "Фоторепортаж: день в порту Порт-Олдер",
			Lead:  "От рассвета до ночи — один день самой оживлённой набережной Вельдории.",
			Body:  "<p>Набережная Порт-Олдера не спит никогда. Наш фотоотдел провёл на ней целый день.</p>",
			Media: ruGallery, FeaturedImage: photos[4].URL(), Tags: []news.Tag{{Name: "Порт-Олдер"}},
			Status: news.StatusPublished, PublishedAt: now.Add(-80 * time.Minute),
		})
	} else {
		return err
	}
	for _, s := range stories {
		if err := st.CreateStory(ctx, s); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}

// harbourScene draws the demo's harbour at an hour of the day: a sky
// whose colours follow the hour, the sun or the moon, hills, the sea with
// its waves, and a sailing boat at x (0 to 1) across the bay.
func harbourScene(w, h int, hour, x float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	day := math.Max(0, math.Sin((hour-6)/12*math.Pi)) // 0 at night, 1 at noon
	dusk := math.Max(0, 1-math.Abs(hour-19.5)/1.5) + math.Max(0, 1-math.Abs(hour-5.5)/1.2)
	mix := func(a, b, t float64) float64 { return a + (b-a)*math.Min(1, math.Max(0, t)) }
	horizon := int(float64(h) * 0.62)
	sunX := float64(w) * mix(0.1, 0.9, (hour-5)/15)
	sunY := float64(horizon) * (1 - 0.85*day)
	for py := 0; py < h; py++ {
		for px := 0; px < w; px++ {
			fy := float64(py) / float64(h)
			var r, g, b float64
			hill := float64(horizon) - float64(h)*(0.08+0.06*math.Sin(float64(px)/float64(w)*5.2+1.3)+0.03*math.Sin(float64(px)/float64(w)*13))
			switch {
			case py < horizon && float64(py) < hill:
				r = mix(mix(12, 110, day), 250, dusk*(fy*1.4))
				g = mix(mix(18, 170, day), 140, dusk*(fy*1.2))
				b = mix(mix(48, 235, day), 90, dusk*fy)
				if d := math.Hypot(float64(px)-sunX, float64(py)-sunY); d < float64(h)*0.07 {
					r, g, b = mix(230, 255, day), mix(230, 240, day), mix(210, 170, day)
				}
			case py < horizon:
				r, g, b = mix(15, 60, day), mix(30, 110, day), mix(25, 70, day)
			default:
				wave := 0.5 + 0.5*math.Sin(float64(px)/9+float64(py)*0.7+x*12)
				r = mix(8, 40, day) + 10*wave + 40*dusk
				g = mix(20, 90, day) + 12*wave + 15*dusk
				b = mix(45, 150, day) + 18*wave
			}
			img.Set(px, py, color.RGBA{uint8(math.Min(255, r)), uint8(math.Min(255, g)), uint8(math.Min(255, b)), 255})
		}
	}
	// The boat: a hull and a sail.
	bx, by, s := int(float64(w)*(0.1+0.8*x)), horizon+int(float64(h)*0.12), float64(h)/10
	for dy := 0; dy < int(s*1.6); dy++ {
		half := int(float64(dy) / 1.6 / 2)
		for dx := -half; dx <= half/2; dx++ {
			img.Set(bx+dx, by-int(s*1.6)+dy, color.RGBA{245, 245, 240, 255})
		}
	}
	for dy := 0; dy < int(s/2.5); dy++ {
		for dx := -int(s) + dy; dx <= int(s)-dy; dx++ {
			img.Set(bx+dx, by+dy, color.RGBA{120, 40, 30, 255})
		}
	}
	return img
}
