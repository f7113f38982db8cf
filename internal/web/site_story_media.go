package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
)

// storyMedia is what a story page shows of the story's media: the lead
// (a video, or an image), the gallery, audio and documents.
type storyMedia struct {
	Lead        *mediaView
	Gallery     []mediaView
	Audio       []mediaView
	Attachments []mediaView
	Count       string // "7 photos"
	UI          *mediaText
}

// mediaView is one item as a page shows it. Images carry the widths the
// library serves (Src is a middle width for browsers without srcset);
// Full is what the gallery's viewer shows.
type mediaView struct {
	Kind     string
	URL      string
	MIME     string
	Src      string
	SrcSet   string
	Sizes    string
	Thumb    string
	Full     string
	Width    int
	Height   int
	Caption  string
	Credit   string
	Alt      string
	Poster   string // a video's poster image
	Duration string // 0:42
	ISODur   string // PT42S, for <time datetime>
	Name     string // the download's file name
	Size     string // "120 KB"
	Index    int    // place in the gallery, from 1
	Label    string // the gallery thumbnail's label
	Type     string // the document's type for people: PDF
}

// Image sizes by where an image is shown: the story column (720 pixels at
// most) and the gallery's grid of thumbnails.
const (
	sizesStory = "(min-width: 760px) 720px, 100vw"
	sizesThumb = "(min-width: 760px) 240px, 50vw"
)

// imageView returns the view of a library image, with its widths.
func imageView(m news.Media, sizes string) mediaView {
	v := mediaView{Kind: string(m.Kind), URL: m.URL(), MIME: m.MIME, Src: m.URL(), Thumb: m.URL(), Full: m.URL(),
		Width: m.Width, Height: m.Height, Caption: m.Caption, Credit: m.Credit, Alt: m.Alt, Sizes: sizes}
	ws := media.SrcWidths(m)
	if len(ws) == 0 {
		return v
	}
	parts := make([]string, 0, len(ws)+1)
	for _, w := range ws {
		parts = append(parts, "/media/"+media.VariantKey(m.Key, w)+" "+strconv.Itoa(w)+"w")
	}
	parts = append(parts, m.URL()+" "+strconv.Itoa(m.Width)+"w")
	v.SrcSet = strings.Join(parts, ", ")
	v.Thumb = "/media/" + media.VariantKey(m.Key, ws[min(1, len(ws)-1)])
	v.Src = "/media/" + media.VariantKey(m.Key, ws[min(2, len(ws)-1)])
	if m.Width > 1920 {
		v.Full = "/media/" + media.VariantKey(m.Key, 1920)
	}
	return v
}

// mediaItemView returns the view of any item.
func mediaItemView(m news.Media, sizes string) mediaView {
	if m.Kind == news.MediaImage {
		return imageView(m, sizes)
	}
	v := mediaView{Kind: string(m.Kind), URL: m.URL(), MIME: m.MIME, Width: m.Width, Height: m.Height,
		Caption: m.Caption, Credit: m.Credit, Alt: m.Alt, Name: downloadName(m), Size: media.FormatSize(m.Size)}
	if m.Duration > 0 {
		v.Duration = media.FormatDuration(m.Duration)
		v.ISODur = fmt.Sprintf("PT%dS", int(m.Duration.Round(time.Second)/time.Second))
	}
	v.Type = strings.ToUpper(strings.TrimPrefix(m.Key[strings.IndexByte(m.Key, '.'):], "."))
	return v
}

// downloadName is the name an attachment is saved under: its uploaded
// name, or its key.
func downloadName(m news.Media) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Key
}

// storyMedia prepares the story's media for its page. A lead video gets
// the featured image, or else the first photo, as its poster.
func (st *site) storyMedia(x *news.Story) storyMedia {
	sm := storyMedia{UI: st.ui.Media}
	for _, it := range x.Media {
		switch it.Role {
		case news.RoleLead:
			v := mediaItemView(it.Media, sizesStory)
			sm.Lead = &v
		case news.RoleGallery:
			v := imageView(it.Media, sizesThumb)
			v.Index = len(sm.Gallery) + 1
			sm.Gallery = append(sm.Gallery, v)
		case news.RoleAudio:
			sm.Audio = append(sm.Audio, mediaItemView(it.Media, ""))
		case news.RoleAttachment:
			sm.Attachments = append(sm.Attachments, mediaItemView(it.Media, ""))
		}
	}
	for i := range sm.Gallery {
		sm.Gallery[i].Label = fmt.Sprintf(st.ui.Media.OpenGallery, i+1, len(sm.Gallery))
	}
	if len(sm.Gallery) > 0 {
		sm.Count = st.ui.Media.Photos.N(len(sm.Gallery))
	}
	if sm.Lead != nil && sm.Lead.Kind == string(news.MediaVideo) {
		switch {
		case x.FeaturedMedia != nil && x.FeaturedMedia.Kind == news.MediaImage:
			sm.Lead.Poster = imageView(*x.FeaturedMedia, sizesStory).Src
		case x.FeaturedImage != "":
			sm.Lead.Poster = x.FeaturedImage
		case len(sm.Gallery) > 0:
			sm.Lead.Poster = sm.Gallery[0].Src
		}
	}
	return sm
}

// featuredImage is the story's featured image as its page shows it, nil
// when the lead takes its place (a lead image, or a video with the
// featured image as its poster).
func (st *site) featuredImage(x *news.Story, sm storyMedia) *mediaView {
	if x.FeaturedImage == "" || sm.Lead != nil {
		return nil
	}
	if m := x.FeaturedMedia; m != nil && m.Kind == news.MediaImage {
		v := imageView(*m, sizesStory)
		return &v
	}
	return &mediaView{Kind: string(news.MediaImage), URL: x.FeaturedImage, Src: x.FeaturedImage}
}

// bodyWithWidths gives the library images of a story's body their widths:
// srcset and sizes after the src the body names. The body is sanitised
// HTML and the attributes added are made here, so it stays safe.
func bodyWithWidths(body string, images []news.Media) string {
	for _, m := range images {
		v := imageView(m, sizesStory)
		if v.SrcSet == "" {
			continue
		}
		src := `src="` + m.URL() + `"`
		body = strings.ReplaceAll(body, src, src+` srcset="`+v.SrcSet+`" sizes="`+sizesStory+`"`)
	}
	return body
}
