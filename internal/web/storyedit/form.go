package storyedit

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

// Form is the story editor's form as typed: every field as text, so
// that a refused form comes back with exactly what was entered (the body
// sanitised, so that the editor never runs what was pasted into it).
type Form struct {
	ID            int64
	Version       int
	Action        string
	Headline      string
	Lead          string
	Body          string
	Edition       string
	SectionID     string
	Tags          string // comma-separated names
	Bylines       string // comma-separated names
	Slug          string
	SEOTitle      string
	SocialTitle   string
	Description   string
	FeaturedImage string
	PublishAt     string // datetime-local, in the edition's time zone
	// Media are the numbers of library items by role, comma-separated,
	// in order; HasMedia says the form carried them (a form without them
	// keeps the story's media).
	Media    map[news.MediaRole]string
	HasMedia bool
}

// DateTimeLocal is the layout of <input type="datetime-local">; browsers
// send seconds only when the step asks for them.
const DateTimeLocal = "2006-01-02T15:04"

// ParseForm reads the editor's fields from a POSTed form.
func ParseForm(r *http.Request) (Form, error) {
	if err := r.ParseForm(); err != nil {
		return Form{}, news.Errorf(news.ErrInvalid, "the form could not be read: %v", err)
	}
	get := func(name string) string { return strings.TrimSpace(r.PostForm.Get(name)) }
	f := Form{
		Action:        get("action"),
		Headline:      CollapseSpace(get("headline")),
		Lead:          get("lead"),
		Body:          markup.Sanitize(r.PostForm.Get("body")),
		Edition:       get("edition"),
		SectionID:     get("section"),
		Tags:          get("tags"),
		Bylines:       get("bylines"),
		Slug:          get("slug"),
		SEOTitle:      get("seo_title"),
		SocialTitle:   get("social_title"),
		Description:   get("description"),
		FeaturedImage: get("featured_image"),
		PublishAt:     get("published_at"),
		HasMedia:      r.PostForm.Has("media_form"),
		Media:         map[news.MediaRole]string{},
	}
	for _, role := range news.MediaRoles {
		f.Media[role] = get("media_" + string(role))
	}
	if v := get("version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return Form{}, news.Errorf(news.ErrInvalid, "the form's story version %q is not a number", v)
		}
		f.Version = n
	}
	return f, nil
}

// FormOf fills the form from a stored story, times in the edition's
// zone.
func FormOf(x *news.Story, loc *time.Location) Form {
	f := Form{
		ID: x.ID, Version: x.Version,
		Headline: x.Headline, Lead: x.Lead, Body: x.Body,
		Edition: x.Edition, SectionID: strconv.FormatInt(x.Section.ID, 10),
		Slug: x.Slug, SEOTitle: x.SEOTitle, SocialTitle: x.SocialTitle,
		Description: x.Description, FeaturedImage: x.FeaturedImage,
		HasMedia: true, Media: map[news.MediaRole]string{},
	}
	for _, it := range x.Media {
		if f.Media[it.Role] != "" {
			f.Media[it.Role] += ", "
		}
		f.Media[it.Role] += strconv.FormatInt(it.Media.ID, 10)
	}
	if x.Section.ID == 0 {
		f.SectionID = ""
	}
	names := make([]string, len(x.Tags))
	for i, t := range x.Tags {
		names[i] = t.Name
	}
	f.Tags = strings.Join(names, ", ")
	names = make([]string, len(x.Bylines))
	for i, a := range x.Bylines {
		names[i] = a.Name
	}
	f.Bylines = strings.Join(names, ", ")
	if x.Status == news.StatusScheduled && !x.PublishedAt.IsZero() {
		f.PublishAt = x.PublishedAt.In(loc).Format(DateTimeLocal)
	}
	return f
}

// Apply writes the form's fields onto st, the stored story or a new one,
// and returns the schedule time it names (zero when the field is empty).
// Problems are returned as one ErrInvalid error with a message per field;
// the checks the story itself makes (news.Story.Validate) are left to the
// store, which runs them on every save.
func (f Form) Apply(st *news.Story, eds []news.Edition) (time.Time, error) {
	v := news.ValidationErrors{}
	ed, ok := news.FindEdition(eds, f.Edition)
	if !ok || f.Edition == "" {
		v.Add("edition", "choose one of the editions")
	}
	st.Edition = f.Edition
	st.Section = news.Section{}
	if f.SectionID == "" {
		v.Add("section", "choose a section")
	} else if id, err := strconv.ParseInt(f.SectionID, 10, 64); err != nil || id <= 0 {
		v.Add("section", "choose one of the sections")
	} else {
		st.Section.ID = id
	}
	st.Headline, st.Lead, st.Body = f.Headline, f.Lead, f.Body
	st.Slug = news.Slugify(f.Slug)
	if f.Slug != "" && st.Slug == "" {
		v.Add("slug", "needs at least one letter or digit")
	}
	if st.Slug == "" {
		st.Slug = news.Slugify(f.Headline)
	}
	st.SEOTitle, st.SocialTitle, st.Description = f.SEOTitle, f.SocialTitle, f.Description
	st.FeaturedImage = f.FeaturedImage
	st.Tags = nil
	for _, name := range SplitList(f.Tags) {
		st.Tags = append(st.Tags, news.Tag{Name: name})
	}
	st.Bylines = nil
	for _, name := range SplitList(f.Bylines) {
		st.Bylines = append(st.Bylines, news.Author{Name: name})
	}
	if f.HasMedia {
		st.Media = []news.StoryMedia{}
		for _, role := range news.MediaRoles {
			for _, part := range strings.Split(f.Media[role], ",") {
				part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "#"))
				if part == "" {
					continue
				}
				id, err := strconv.ParseInt(part, 10, 64)
				if err != nil || id <= 0 {
					v.Add("media_"+string(role), "must be numbers of items in the media library, separated by commas")
					continue
				}
				st.Media = append(st.Media, news.StoryMedia{Role: role, Media: news.Media{ID: id}})
			}
		}
	}
	var at time.Time
	if f.PublishAt != "" && ok {
		var err error
		at, err = ParseLocalTime(f.PublishAt, ed.Location())
		if err != nil {
			v.Add("published_at", "must be a date and time such as 2026-03-01 09:30")
		}
	}
	// The story's own rules, checked here too so that every problem of the
	// form is reported at once. Messages already given above win; a slug
	// left empty is made from the headline, so only the headline's
	// message matters then.
	if err := st.Validate(); err != nil {
		for field, msg := range FieldsOf(err) {
			if field == "slug" && f.Slug == "" {
				continue
			}
			v.Add(field, msg)
		}
	}
	return at, v.Err("story")
}

// ParseLocalTime reads a datetime-local value, with or without seconds,
// as a time in loc.
func ParseLocalTime(s string, loc *time.Location) (time.Time, error) {
	t, err := time.ParseInLocation(DateTimeLocal, s, loc)
	if err != nil {
		t, err = time.ParseInLocation(DateTimeLocal+":05", s, loc)
	}
	return t, err
}

// SplitList reads a comma-separated list of names, dropping empty ones and
// folding runs of spaces.
func SplitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if name := CollapseSpace(part); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// CollapseSpace trims s and turns every run of white space into one space.
func CollapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// FieldsOf returns the per-field messages of a domain error, or nil.
func FieldsOf(err error) map[string]string {
	var e *news.Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
