package desk

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
)

// mediaChoice is an item of the media library offered by a podcast
// form's picker.
type mediaChoice struct {
	ID    int64
	Label string
}

// podcastPickerSize is how many of the newest items a picker offers.
const podcastPickerSize = 200

// mediaChoices lists the newest items of a kind for a picker.
func (s *Desk) mediaChoices(r *http.Request, kind news.MediaKind) ([]mediaChoice, error) {
	items, _, err := s.store.ListMedia(r.Context(), news.MediaFilter{Kind: kind, Limit: podcastPickerSize})
	if err != nil {
		return nil, err
	}
	out := make([]mediaChoice, len(items))
	for i, m := range items {
		label := m.Name
		if label == "" {
			label = m.Key
		}
		if m.Duration > 0 {
			label += " (" + news.FormatDuration(m.Duration) + ")"
		}
		out[i] = mediaChoice{ID: m.ID, Label: label}
	}
	return out, nil
}

// mediaRef reads item id of the library for a show's cover or an
// episode's audio (field names the form's field), refusing an item of
// another kind and audio whose duration was not read.
func (s *Desk) mediaRef(r *http.Request, id int64, kind news.MediaKind, field string) (news.MediaRef, time.Duration, error) {
	if id == 0 {
		return news.MediaRef{}, 0, nil
	}
	m, err := s.store.Media(r.Context(), id)
	if errors.Is(err, news.ErrNotFound) {
		return news.MediaRef{}, 0, storyedit.FieldError(field, "is not in the media library")
	}
	if err != nil {
		return news.MediaRef{}, 0, err
	}
	if m.Kind != kind {
		return news.MediaRef{}, 0, storyedit.FieldError(field, "must be "+string(kind)+", not "+string(m.Kind))
	}
	if kind == news.MediaAudio && m.Duration <= 0 {
		return news.MediaRef{}, 0, storyedit.FieldError(field, "has no duration that could be read; upload the file again")
	}
	return news.MediaRef{ID: m.ID, URL: m.URL(), Type: m.MIME, Size: m.Size}, m.Duration, nil
}

// uploadedAudio takes the audio file sent with a multipart episode form
// (field audio_file) into the media library and returns its id, 0 when
// the form carries no file. A file the library refuses, such as an MP3
// cut short whose duration cannot be read, is a field error and leaves
// nothing stored.
func (s *Desk) uploadedAudio(w http.ResponseWriter, r *http.Request, u news.User) (int64, error) {
	if r.Method != http.MethodPost || !isMultipart(r) {
		return 0, nil
	}
	if s.cfg.Media == nil {
		return 0, errors.New("desk: episode upload: no media storage configured")
	}
	set, err := s.store.Settings(r.Context())
	if err != nil {
		return 0, err
	}
	limit := set.MediaLimit(news.MediaAudio)
	r.Body = http.MaxBytesReader(w, r.Body, limit+uploadSlack)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		if err := mediaReadError(err); news.ErrorCode(err) != "" {
			return 0, storyedit.FieldError("audio_file", news.ErrorMessage(err))
		}
		return 0, news.Errorf(news.ErrInvalid, "the form could not be read: %v", err)
	}
	file, hdr, err := r.FormFile("audio_file")
	if errors.Is(err, http.ErrMissingFile) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer file.Close()
	if err := news.Authorize(u, news.ActUploadMedia, nil); err != nil {
		return 0, err
	}
	it, err := s.ingest(r.Context(), namedPart{file, hdr.Filename}, media.Limits{news.MediaAudio: limit}, u)
	if err != nil {
		if news.ErrorCode(err) != "" {
			return 0, storyedit.FieldError("audio_file", news.ErrorMessage(err))
		}
		return 0, err
	}
	if it.m.Kind != news.MediaAudio {
		return 0, storyedit.FieldError("audio_file", fmt.Sprintf("the file %q is %s, not audio", hdr.Filename, it.m.Kind))
	}
	return it.ID, nil
}

// namedPart gives an uploaded file the FileName that ingest reads.
type namedPart struct {
	io.Reader
	name string
}

// isMultipart reports whether the request's body is a multipart form.
func isMultipart(r *http.Request) bool {
	ct, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
	return strings.EqualFold(strings.TrimSpace(ct), "multipart/form-data")
}

func (p namedPart) FileName() string { return p.name }
