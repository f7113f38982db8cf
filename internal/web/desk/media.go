package desk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/words"
)

// mediaPage is the data of templates/media.html.
type mediaPage struct {
	deskPage
	Items  []mediaItem
	Total  int
	Query  string
	Kind   news.MediaKind
	Kinds  []news.MediaKind
	Limits []mediaLimit
	Accept string // the file input's accept attribute
	Edit   int64  // the item whose form failed, with Form
	Form   formError
	Prev   string // links to the neighbouring pages of the list, or ""
	Next   string
}

// libraryText is what the media library says.
type libraryText struct {
	Title, Upload, ChooseFiles, Accepted, Largest, ReadFromFile, Find, FindPlaceholder string // Largest: the limits, %s
	Type, AllTypes, AllMedia, Intro, UsedBy, NoAlt, NumberAddress, Caption, Credit     string // UsedBy: %d; NumberAddress: %d
	Alt, DeleteConfirm, NoMedia, NoMatch, Saved, Deleted, RefusedFile                  string // DeleteConfirm, Saved, Deleted: %s, the name; RefusedFile: name, reason
	Total, Uploaded, MoreRefused                                                       words.Plural
}

// mediaLimit is the upload limit of a kind, for the page to show.
type mediaLimit struct {
	Kind news.MediaKind
	Size string
}

// mediaItem is one item of the library as the desk shows it and as the
// upload endpoint and the editor's picker receive it in JSON.
type mediaItem struct {
	ID       int64   `json:"id"`
	Kind     string  `json:"kind"`
	MIME     string  `json:"mime"`
	Name     string  `json:"name"`
	URL      string  `json:"url"`
	Thumb    string  `json:"thumb,omitempty"`
	Size     int64   `json:"size"`
	SizeText string  `json:"sizeText"`
	Width    int     `json:"width,omitempty"`
	Height   int     `json:"height,omitempty"`
	Duration string  `json:"duration,omitempty"`
	Seconds  float64 `json:"seconds,omitempty"`
	Caption  string  `json:"caption"`
	Credit   string  `json:"credit"`
	Alt      string  `json:"alt"`
	Uses     int     `json:"uses"`
	Created  bool    `json:"created"` // for uploads: false when the file was in the library already
	ThumbH   int     `json:"-"`       // the preview's height at 320 pixels wide
	CanEdit  bool    `json:"-"`
	m        news.Media
}

func newMediaItem(m news.Media, u news.User) mediaItem {
	it := mediaItem{
		ID: m.ID, Kind: string(m.Kind), MIME: m.MIME, Name: m.Name, URL: m.URL(), Size: m.Size,
		SizeText: media.FormatSize(m.Size), Width: m.Width, Height: m.Height,
		Caption: m.Caption, Credit: m.Credit, Alt: m.Alt, Uses: m.Uses,
		CanEdit: news.CanMedia(u, news.ActEditMedia, m), m: m,
	}
	if m.Kind == news.MediaImage {
		it.Thumb = it.URL
		if m.Width > 0 {
			it.ThumbH = m.Height * 320 / m.Width
		}
		if ws := media.SrcWidths(m); len(ws) > 0 {
			it.Thumb = "/media/" + media.VariantKey(m.Key, ws[0])
		}
	}
	if m.Duration > 0 {
		it.Duration, it.Seconds = media.FormatDuration(m.Duration), m.Duration.Seconds()
	}
	return it
}

// KindOf is the item's kind, for naming it.
func (it mediaItem) KindOf() news.MediaKind { return news.MediaKind(it.Kind) }

// CanDelete reports whether the page's user may delete the item.
func (it mediaItem) CanDelete(u news.User) bool {
	return it.Uses == 0 && news.CanMedia(u, news.ActDeleteMedia, it.m)
}

// mediaPerPage is how many items a page of the library shows.
const mediaPerPage = 48

// deskMedia shows the media library: search, a filter by kind, the upload
// form, and each item with its caption, credit and alt text. A request
// for JSON gets the items alone, for the editor's picker.
func (s *Desk) deskMedia(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActUploadMedia, nil); err != nil {
		return err
	}
	return s.renderMedia(w, r, u, http.StatusOK, 0, formError{})
}

func (s *Desk) renderMedia(w http.ResponseWriter, r *http.Request, u news.User, status int, edit int64, ferr formError) error {
	q := r.URL.Query()
	f := news.MediaFilter{Query: strings.TrimSpace(q.Get("q")), Kind: news.MediaKind(q.Get("kind")), Limit: mediaPerPage}
	if !f.Kind.Valid() {
		f.Kind = ""
	}
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	f.Offset = (page - 1) * mediaPerPage
	ms, total, err := s.store.ListMedia(r.Context(), f)
	if err != nil {
		return err
	}
	items := make([]mediaItem, len(ms))
	for i, m := range ms {
		items[i] = newMediaItem(m, u)
	}
	if respond.WantsJSON(r) {
		return respond.JSON(w, status, map[string]any{"items": items, "total": total})
	}
	dp, err := s.newDeskPage(r, u, "media")
	if err != nil {
		return err
	}
	dp.Title = dp.T.Media.Title
	set, err := s.store.Settings(r.Context())
	if err != nil {
		return err
	}
	p := &mediaPage{deskPage: dp, Items: items, Total: total, Query: f.Query, Kind: f.Kind, Kinds: news.MediaKinds,
		Accept: mediaAccept, Edit: edit, Form: ferr}
	for _, k := range news.MediaKinds {
		p.Limits = append(p.Limits, mediaLimit{Kind: k, Size: dp.T.Size(set.MediaLimit(k))})
	}
	link := func(n int) string {
		v := url.Values{}
		if f.Query != "" {
			v.Set("q", f.Query)
		}
		if f.Kind != "" {
			v.Set("kind", string(f.Kind))
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return "/desk/media"
		}
		return "/desk/media?" + v.Encode()
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if f.Offset+len(items) < total {
		p.Next = link(page + 1)
	}
	return s.renderDesk(w, r, status, "media", p)
}

// mediaAccept is the file input's hint to the browser's file chooser; the
// server decides from the content whatever the browser sends.
const mediaAccept = "image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm,audio/mpeg,audio/mp4,audio/aac,audio/ogg,.m4a,.ogg,application/pdf"

// uploadSlack is what a multipart request may carry besides the file: its
// boundaries, headers and other fields.
const uploadSlack = 1 << 20

// uploadResult is the answer to an upload: the items stored and the files
// refused, each with its reason.
type uploadResult struct {
	Items  []mediaItem     `json:"items"`
	Errors []uploadRefusal `json:"errors,omitempty"`
}

type uploadRefusal struct {
	Name  string `json:"name"`
	Error string `json:"error"`
	code  news.Code
}

// UploadMedia takes one or more files, the parts named "file" of a
// multipart form, into the library. Each file is read once, checked and
// stored, or refused with its reason; a request larger than the largest
// limit is refused before it is read. It answers JSON for the desk's
// script and redirects the plain form back to the library. The admin API
// takes uploads through it too.
func (s *Desk) UploadMedia(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActUploadMedia, nil); err != nil {
		return err
	}
	if s.cfg.Media == nil {
		return errors.New("desk: upload: no media storage configured")
	}
	set, err := s.store.Settings(r.Context())
	if err != nil {
		return err
	}
	limits := media.Limits{}
	for _, k := range news.MediaKinds {
		limits[k] = set.MediaLimit(k)
	}
	maxBody := limits.Max() + uploadSlack
	if r.ContentLength > maxBody {
		// Say no before reading: the browser stops sending.
		w.Header().Set("Connection", "close")
		return news.Errorf(news.ErrTooLarge, "the upload is too large: files may be at most %s", media.FormatSize(limits.Max()))
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	mr, err := r.MultipartReader()
	if err != nil {
		return news.Errorf(news.ErrInvalid, "send the files as a multipart form (multipart/form-data) with each file in a field named file")
	}
	var res uploadResult
	files := 0
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if c := news.ErrorCode(mediaReadError(err)); c != "" {
				res.Errors = append(res.Errors, uploadRefusal{Error: news.ErrorMessage(mediaReadError(err)), code: c})
				break
			}
			return fmt.Errorf("desk: upload: %w", err)
		}
		if part.FormName() != "file" || part.FileName() == "" {
			part.Close()
			continue
		}
		files++
		it, err := s.ingest(r.Context(), part, limits, u)
		part.Close()
		if err != nil {
			if news.ErrorCode(err) == "" {
				return err
			}
			res.Errors = append(res.Errors, uploadRefusal{Name: part.FileName(), Error: news.ErrorMessage(err), code: news.ErrorCode(err)})
			if news.ErrorCode(err) == news.ErrTooLarge && errors.As(err, new(*http.MaxBytesError)) {
				break
			}
			continue
		}
		res.Items = append(res.Items, it)
	}
	if files == 0 && len(res.Errors) == 0 {
		return news.Errorf(news.ErrInvalid, "choose at least one file to upload")
	}
	return s.answerUpload(w, r, s.deskWords(r, u), res)
}

// answerUpload reports what an upload did, in the words t: JSON with the
// stored items and the refusals (a 4xx status when nothing was stored),
// or a message on the library page for the plain form.
func (s *Desk) answerUpload(w http.ResponseWriter, r *http.Request, t *deskText, res uploadResult) error {
	for i := range res.Errors {
		res.Errors[i].Error = t.Say(res.Errors[i].Error)
	}
	if len(res.Items) == 0 && len(res.Errors) > 0 {
		first := res.Errors[0]
		msg := first.Error
		if first.Name != "" {
			msg = first.Name + ": " + msg
		}
		if len(res.Errors) > 1 {
			msg += " " + t.Media.MoreRefused.N(len(res.Errors)-1)
		}
		if respond.WantsJSON(r) {
			return respond.JSON(w, respond.Status(first.code), map[string]any{"error": msg, "errors": res.Errors})
		}
		return news.Errorf(first.code, "%s", msg)
	}
	if respond.WantsJSON(r) {
		return respond.JSON(w, http.StatusOK, res)
	}
	msg := t.Media.Uploaded.N(len(res.Items))
	for _, e := range res.Errors {
		msg += " " + fmt.Sprintf(t.Media.RefusedFile, e.Name, e.Error)
	}
	s.sessions.Flash(r, msg)
	return deskRedirect(w, r, "/desk/media")
}

// ingest stores one uploaded file and records it in the library. A file
// already there is answered with the existing item. Nothing stays behind
// when it fails.
func (s *Desk) ingest(ctx context.Context, part io.Reader, limits media.Limits, u news.User) (mediaItem, error) {
	name := ""
	if p, ok := part.(interface{ FileName() string }); ok {
		name = p.FileName()
	}
	exists := func(hash string) (bool, error) {
		_, err := s.store.MediaByHash(ctx, hash)
		if errors.Is(err, news.ErrNotFound) {
			return false, nil
		}
		return err == nil, err
	}
	up, err := s.cfg.Media.Ingest(ctx, part, limits, exists)
	if err != nil {
		return mediaItem{}, mediaReadError(err)
	}
	m, created, err := s.store.CreateMedia(ctx, news.Media{
		Hash: up.Hash, Key: up.Key, Kind: up.Kind, MIME: up.MIME, Name: cleanFileName(name), Size: up.Size,
		Width: up.Width, Height: up.Height, Duration: up.Duration, CreatedBy: u.ID,
	})
	if err != nil {
		if derr := s.cfg.Media.Delete(context.WithoutCancel(ctx), up.Key); derr != nil {
			s.log.WarnContext(ctx, "media: remove the file of a failed upload", "key", up.Key, "err", derr)
		}
		return mediaItem{}, err
	}
	it := newMediaItem(m, u)
	it.Created = created
	return it, nil
}

// mediaReadError turns the request's size limit into a domain error.
func mediaReadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fmt.Errorf("%w: %w", news.Errorf(news.ErrTooLarge, "the upload is too large: it may be at most %s", media.FormatSize(mbe.Limit-uploadSlack)), err)
	}
	return err
}

// cleanFileName keeps the last element of an uploaded file's name, for
// the desk to show.
func cleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.TrimSpace(name)
	if len(name) > 200 {
		name = name[:200]
	}
	return name
}

// deskMediaSave saves an item's caption, credit and alt text.
func (s *Desk) deskMediaSave(w http.ResponseWriter, r *http.Request, u news.User) error {
	m, err := s.mediaItemFor(r, u, news.ActEditMedia)
	if err != nil {
		return err
	}
	m.Caption, m.Credit, m.Alt = r.PostFormValue("caption"), r.PostFormValue("credit"), r.PostFormValue("alt")
	saved, err := s.store.UpdateMedia(r.Context(), m)
	if err != nil {
		if respond.WantsJSON(r) {
			return err
		}
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderMedia(w, r, u, respond.Status(err), m.ID, ferr)
	}
	if respond.WantsJSON(r) {
		return respond.JSON(w, http.StatusOK, newMediaItem(saved, u))
	}
	s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Media.Saved, saved.Name))
	return deskRedirect(w, r, backToMedia(r))
}

// deskMediaDelete removes an item no story uses, and its files.
func (s *Desk) deskMediaDelete(w http.ResponseWriter, r *http.Request, u news.User) error {
	m, err := s.mediaItemFor(r, u, news.ActDeleteMedia)
	if err != nil {
		return err
	}
	if _, err := s.store.DeleteMedia(r.Context(), m.ID); err != nil {
		return err
	}
	if s.cfg.Media != nil {
		if err := s.cfg.Media.Delete(context.WithoutCancel(r.Context()), m.Key); err != nil {
			s.log.WarnContext(r.Context(), "media: remove the files of a deleted item", "key", m.Key, "err", err)
		}
	}
	s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Media.Deleted, m.Name))
	return deskRedirect(w, r, backToMedia(r))
}

// mediaItemFor reads the item the URL names and checks that u may take
// action a on it.
func (s *Desk) mediaItemFor(r *http.Request, u news.User, a news.Action) (news.Media, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return news.Media{}, errNotFound
	}
	m, err := s.store.Media(r.Context(), id)
	if err != nil {
		return news.Media{}, err
	}
	return m, news.AuthorizeMedia(u, a, m)
}

// backToMedia returns the library page the form came from.
func backToMedia(r *http.Request) string {
	v := url.Values{}
	for _, k := range []string{"q", "kind", "page"} {
		if x := r.PostFormValue("back_" + k); x != "" {
			v.Set(k, x)
		}
	}
	if len(v) == 0 {
		return "/desk/media"
	}
	return "/desk/media?" + v.Encode()
}
