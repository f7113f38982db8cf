package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/storyedit"
)

// The admin API writes stories as the desk does, for scripts and apps with
// a member of staff's personal token: the same fields, the same actions
// (save, submit, publish, schedule, update, unpublish, trash, restore) and
// the same role checks, answering JSON.

// maxStoryJSON bounds a story's JSON body: the body's own limit and room
// for the rest.
const maxStoryJSON = news.MaxBodyLen + 64<<10

// apiStoryInput is a story as the admin API takes it. Fields left out keep
// their stored value on PATCH; a new story needs what the desk's form does.
type apiStoryInput struct {
	Version       int            `json:"version"`
	Action        string         `json:"action"`
	Edition       *string        `json:"edition"`
	Section       *string        `json:"section"` // the section's slug
	Headline      *string        `json:"headline"`
	Lead          *string        `json:"lead"`
	BodyHTML      *string        `json:"body_html"`
	Tags          *[]string      `json:"tags"`
	Bylines       *[]string      `json:"bylines"`
	Slug          *string        `json:"slug"`
	SEOTitle      *string        `json:"seo_title"`
	SocialTitle   *string        `json:"social_title"`
	Description   *string        `json:"description"`
	FeaturedImage *string        `json:"featured_image"`
	Media         *[]apiMediaRef `json:"media"`
	PublishAt     *time.Time     `json:"publish_at"`
}

// apiMediaRef attaches a library item to a story in a role.
type apiMediaRef struct {
	Role string `json:"role"`
	ID   int64  `json:"id"`
}

// apiAdminStory is a story as the admin API answers: what the content API
// gives, with its status, version and slug.
type apiAdminStory struct {
	apiStory
	Status  string `json:"status"`
	Version int    `json:"version"`
	Slug    string `json:"slug"`
}

// apiStoryCreate serves POST /api/v1/admin/stories.
func (s *Server) apiStoryCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	in, err := readStoryInput(w, r)
	if err != nil {
		return err
	}
	act := storyedit.Action(in.Action)
	if act == "" {
		act = storyedit.Save
	}
	base := storyedit.NewStoryFor(u)
	if _, err := storyedit.Authorize(u, act, base, true); err != nil {
		return err
	}
	eds, err := s.store.Editions(r.Context())
	if err != nil {
		return err
	}
	f := storyedit.Form{HasMedia: in.Media != nil}
	if err := s.overlay(r, &f, in, eds); err != nil {
		return err
	}
	edited := *base
	at, err := f.Apply(&edited, eds)
	if err != nil {
		return err
	}
	if err := storyedit.Apply(act, &edited, *base, at, time.Now()); err != nil {
		return err
	}
	edited.EditedBy = u.ID
	if err := s.store.CreateStory(r.Context(), &edited); err != nil {
		return err
	}
	return s.answerAdminStory(w, r, edited.ID, http.StatusCreated)
}

// apiStoryGet serves GET /api/v1/admin/stories/{id}: a story in any status
// that the token's owner may open.
func (s *Server) apiStoryGet(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := storyedit.MayOpen(u, &x); err != nil {
		return err
	}
	return s.answerAdminStory(w, r, x.ID, http.StatusOK)
}

// apiStoryPatch serves PATCH /api/v1/admin/stories/{id}: the fields given,
// and the action (save, or update for a published story, by default), on
// the story at the version given; another version is 409 Conflict.
func (s *Server) apiStoryPatch(w http.ResponseWriter, r *http.Request, u news.User) error {
	stored, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	in, err := readStoryInput(w, r)
	if err != nil {
		return err
	}
	act := storyedit.Action(in.Action)
	if act == "" {
		act = storyedit.Save
		if stored.Status == news.StatusPublished {
			act = storyedit.Update
		}
	}
	if act == storyedit.Delete {
		return news.Errorf(news.ErrInvalid, "delete stories for ever on the desk")
	}
	rule, err := storyedit.Authorize(u, act, &stored, false)
	if err != nil {
		return err
	}
	if in.Version != stored.Version {
		return news.Errorf(news.ErrConflict, "story %d is at version %d, not %d: read it again", stored.ID, stored.Version, in.Version)
	}
	edited := stored
	var at time.Time
	if rule.Content {
		eds, err := s.store.Editions(r.Context())
		if err != nil {
			return err
		}
		ed, _ := news.FindEdition(eds, stored.Edition)
		f := storyedit.FormOf(&stored, s.location(ed))
		if err := s.overlay(r, &f, in, eds); err != nil {
			return err
		}
		if at, err = f.Apply(&edited, eds); err != nil {
			return err
		}
	}
	if err := storyedit.Apply(act, &edited, stored, at, time.Now()); err != nil {
		return err
	}
	edited.Version, edited.EditedBy = in.Version, u.ID
	if err := s.store.UpdateStory(r.Context(), &edited); err != nil {
		return err
	}
	return s.answerAdminStory(w, r, edited.ID, http.StatusOK)
}

// apiMediaUpload serves POST /api/v1/admin/media: files in a multipart
// form, as the desk's library takes them, answered in JSON. Without a desk
// there is no library to take them.
func apiMediaUpload(desk Desk) staffHandler {
	return func(w http.ResponseWriter, r *http.Request, u news.User) error {
		if desk == nil {
			return errNotFound
		}
		r.Header.Set("Accept", "application/json")
		return desk.UploadMedia(w, r, u)
	}
}

// storyOfPath reads the story named by the {id} path segment.
func (s *Server) storyOfPath(r *http.Request) (news.Story, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return news.Story{}, errNotFound
	}
	x, err := s.store.Story(r.Context(), id)
	if err != nil {
		return news.Story{}, fmt.Errorf("web: desk story %d: %w", id, err)
	}
	return x, nil
}

// readStoryInput decodes a story's JSON body, refusing unknown fields so
// that a misspelt one is not silently ignored.
func readStoryInput(w http.ResponseWriter, r *http.Request) (apiStoryInput, error) {
	var in apiStoryInput
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxStoryJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return in, news.Errorf(news.ErrTooLarge, "the story is larger than %d bytes", maxStoryJSON)
		}
		return in, news.Errorf(news.ErrInvalid, "the body is not a story in JSON: %v", err)
	}
	if err := dec.Decode(&struct{}{}); err != io.EOF {
		return in, news.Errorf(news.ErrInvalid, "the body holds more than one JSON value")
	}
	return in, nil
}

// overlay writes the fields the input gives onto the desk's form of the
// story, so that the form's own checks and rules apply to them.
func (s *Server) overlay(r *http.Request, f *storyedit.Form, in apiStoryInput, eds []news.Edition) error {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = strings.TrimSpace(*v)
		}
	}
	set(&f.Edition, in.Edition)
	set(&f.Lead, in.Lead)
	set(&f.Slug, in.Slug)
	set(&f.SEOTitle, in.SEOTitle)
	set(&f.SocialTitle, in.SocialTitle)
	set(&f.Description, in.Description)
	set(&f.FeaturedImage, in.FeaturedImage)
	if in.Headline != nil {
		f.Headline = storyedit.CollapseSpace(*in.Headline)
	}
	if in.BodyHTML != nil {
		f.Body = markup.Sanitize(*in.BodyHTML)
	}
	if in.Tags != nil {
		f.Tags = strings.Join(*in.Tags, ", ")
	}
	if in.Bylines != nil {
		f.Bylines = strings.Join(*in.Bylines, ", ")
	}
	if in.Section != nil {
		st, err := s.loadSite(r, f.Edition)
		if err != nil {
			return storyedit.FieldError("edition", "choose one of the editions")
		}
		sec, ok := st.section(strings.TrimSpace(*in.Section))
		if !ok {
			return storyedit.FieldError("section", fmt.Sprintf("edition %s has no section %q", f.Edition, *in.Section))
		}
		f.SectionID = strconv.FormatInt(sec.ID, 10)
	}
	if in.Media != nil {
		f.HasMedia, f.Media = true, map[news.MediaRole]string{}
		for _, m := range *in.Media {
			role := news.MediaRole(m.Role)
			if f.Media[role] != "" {
				f.Media[role] += ","
			}
			f.Media[role] += strconv.FormatInt(m.ID, 10)
		}
	}
	if in.PublishAt != nil {
		ed, ok := news.FindEdition(eds, f.Edition)
		if !ok {
			return storyedit.FieldError("edition", "choose one of the editions")
		}
		f.PublishAt = in.PublishAt.In(ed.Location()).Format("2006-01-02T15:04:05")
	}
	return nil
}

// answerAdminStory reads the story back as stored and answers with it.
func (s *Server) answerAdminStory(w http.ResponseWriter, r *http.Request, id int64, status int) error {
	x, err := s.store.Story(r.Context(), id)
	if err != nil {
		return err
	}
	st, err := s.loadSite(r, x.Edition)
	if err != nil {
		return err
	}
	return respond.JSON(w, status, apiAdminStory{apiStory: st.apiStory(&x, true), Status: string(x.Status), Version: x.Version, Slug: x.Slug})
}
