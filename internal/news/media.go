package news

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MediaKind is what a media item is: an image, a video, an audio file or
// a document. The kind is decided from the file's content at upload.
type MediaKind string

// Media kinds.
const (
	MediaImage    MediaKind = "image"
	MediaVideo    MediaKind = "video"
	MediaAudio    MediaKind = "audio"
	MediaDocument MediaKind = "document"
)

// MediaKinds lists every kind in the order the desk offers them.
var MediaKinds = []MediaKind{MediaImage, MediaVideo, MediaAudio, MediaDocument}

// Valid reports whether k is a known kind.
func (k MediaKind) Valid() bool {
	switch k {
	case MediaImage, MediaVideo, MediaAudio, MediaDocument:
		return true
	}
	return false
}

// Limits on a media item's texts.
const (
	MaxCaptionLen = 1000
	MaxCreditLen  = 200
	MaxAltLen     = 500
)

// Media is one file of the media library. Its Key names the stored file
// and its public address, /media/{Key}, which never changes: the key holds
// the hash of the content, so identical uploads are one item.
type Media struct {
	ID       int64
	Hash     string // SHA-256 of the uploaded content, hex
	Key      string // storage key and public path under /media/
	Kind     MediaKind
	MIME     string
	Name     string // the uploaded file's name, for the desk's eyes only
	Size     int64  // bytes of the stored file
	Width    int    // pixels, images and video; 0 when unknown
	Height   int
	Duration time.Duration // video and audio; 0 when unknown
	Caption  string
	Credit   string
	Alt      string // text alternative, required of images in published stories
	// CreatedBy is the staff user who uploaded the item, zero for
	// generated media.
	CreatedBy int64
	CreatedAt time.Time
	// Uses counts the stories the item is attached to; filled by the
	// library's lists.
	Uses int
}

// URL is the item's public path.
func (m Media) URL() string { return "/media/" + m.Key }

// Validate checks the item's texts before they are saved.
func (m *Media) Validate() error {
	v := ValidationErrors{}
	for field, f := range map[string]struct {
		text string
		max  int
	}{"caption": {m.Caption, MaxCaptionLen}, "credit": {m.Credit, MaxCreditLen}, "alt": {m.Alt, MaxAltLen}} {
		if utf8.RuneCountInString(f.text) > f.max {
			v.Add(field, "must be at most "+strconv.Itoa(f.max)+" characters")
		}
	}
	if !m.Kind.Valid() {
		v.Add("kind", "is not a known kind of media")
	}
	return v.Err("media")
}

// MediaFilter selects items of the library: Query matches the name,
// caption, credit and alt text; an empty Kind means every kind.
type MediaFilter struct {
	Query  string
	Kind   MediaKind
	Limit  int
	Offset int
}

// MediaRole is what an item is to a story that it is attached to.
type MediaRole string

// Media roles. A story has at most one lead (a video, or an image); a
// gallery of images in order; audio; and attached documents or other
// files offered for download.
const (
	RoleLead       MediaRole = "lead"
	RoleGallery    MediaRole = "gallery"
	RoleAudio      MediaRole = "audio"
	RoleAttachment MediaRole = "attachment"
)

// MediaRoles lists every role in the order the editor shows them.
var MediaRoles = []MediaRole{RoleLead, RoleGallery, RoleAudio, RoleAttachment}

// StoryMedia is one item attached to a story, in its role and position.
type StoryMedia struct {
	Role  MediaRole
	Media Media
}

// LabelsFor derives a story's media labels from its media: a video makes
// it VIDEO, a gallery PHOTOS, audio AUDIO. Images in other roles and
// documents earn no label.
func LabelsFor(items []StoryMedia) []MediaLabel {
	have := map[MediaLabel]bool{}
	for _, it := range items {
		switch {
		case it.Media.Kind == MediaVideo && (it.Role == RoleLead || it.Role == RoleGallery):
			have[LabelVideo] = true
		case it.Role == RoleGallery && it.Media.Kind == MediaImage:
			have[LabelPhotos] = true
		case it.Media.Kind == MediaAudio && (it.Role == RoleAudio || it.Role == RoleLead):
			have[LabelAudio] = true
		}
	}
	var out []MediaLabel
	for _, l := range MediaLabels {
		if have[l] {
			out = append(out, l)
		}
	}
	return out
}

// ValidateStoryMedia checks the media a story is to have: known roles, at
// most one lead, images only in the gallery, and no item twice in one
// role. When publishing, every image must have its alt text.
func ValidateStoryMedia(items []StoryMedia, publishing bool) error {
	v := ValidationErrors{}
	seen := map[string]bool{}
	leads := 0
	for _, it := range items {
		key := string(it.Role) + ":" + strconv.FormatInt(it.Media.ID, 10)
		if seen[key] {
			continue
		}
		seen[key] = true
		switch it.Role {
		case RoleLead:
			leads++
			if it.Media.Kind != MediaVideo && it.Media.Kind != MediaImage {
				v.Add("media_lead", "must be a video or an image")
			}
		case RoleGallery:
			if it.Media.Kind != MediaImage {
				v.Add("media_gallery", "may hold images only")
			}
		case RoleAudio:
			if it.Media.Kind != MediaAudio {
				v.Add("media_audio", "must be audio")
			}
		case RoleAttachment:
		default:
			v.Add("media", "has an unknown role "+strconv.Quote(string(it.Role)))
		}
		if publishing && it.Media.Kind == MediaImage && strings.TrimSpace(it.Media.Alt) == "" {
			v.Add("media_alt", "every image needs its alt text before the story is published: "+it.Media.Name+" has none")
		}
	}
	if leads > 1 {
		v.Add("media_lead", "must be one item")
	}
	return v.Err("story media")
}
