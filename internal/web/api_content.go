package web

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// The read-only content API: what the site publishes, as JSON for apps and
// partners with an API key. Lists page by cursor: each answer names the
// cursor of its next page until there is none.

const (
	apiDefaultLimit = 20
	apiMaxLimit     = 100
)

type apiEdition struct {
	Code     string `json:"code"`
	Language string `json:"language"`
	Name     string `json:"name"`
	TimeZone string `json:"time_zone"`
	Default  bool   `json:"default"`
	URL      string `json:"url"`
}

type apiNamed struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type apiStory struct {
	ID            int64            `json:"id"`
	Edition       string           `json:"edition"`
	URL           string           `json:"url"`
	Headline      string           `json:"headline"`
	Lead          string           `json:"lead"`
	BodyHTML      string           `json:"body_html,omitempty"`
	Section       apiNamed         `json:"section"`
	Tags          []apiNamed       `json:"tags"`
	Bylines       []string         `json:"bylines"`
	Labels        []string         `json:"labels"`
	PublishedAt   time.Time        `json:"published_at"`
	UpdatedAt     *time.Time       `json:"updated_at,omitempty"`
	FeaturedImage string           `json:"featured_image,omitempty"`
	Media         []apiMedia       `json:"media,omitempty"`
	Translations  []apiTranslation `json:"translations,omitempty"`
}

type apiMedia struct {
	Role     string  `json:"role"`
	Kind     string  `json:"kind"`
	URL      string  `json:"url"`
	Type     string  `json:"type"`
	Size     int64   `json:"size"`
	Width    int     `json:"width,omitempty"`
	Height   int     `json:"height,omitempty"`
	Duration float64 `json:"duration_seconds,omitempty"`
	Caption  string  `json:"caption,omitempty"`
	Credit   string  `json:"credit,omitempty"`
	Alt      string  `json:"alt,omitempty"`
}

type apiTranslation struct {
	Edition string `json:"edition"`
	ID      int64  `json:"id"`
	URL     string `json:"url"`
}

type apiEpisode struct {
	ID          int64     `json:"id"`
	GUID        string    `json:"guid"`
	Edition     string    `json:"edition"`
	Show        apiNamed  `json:"show"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	URL         string    `json:"url"`
	AudioURL    string    `json:"audio_url"`
	AudioType   string    `json:"audio_type"`
	AudioSize   int64     `json:"audio_size"`
	Duration    float64   `json:"duration_seconds"`
	Season      int       `json:"season,omitempty"`
	Number      int       `json:"number,omitempty"`
	PublishedAt time.Time `json:"published_at"`
}

// apiEditions serves /api/v1/editions.
func (s *Server) apiEditions(w http.ResponseWriter, r *http.Request) error {
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return err
	}
	base := s.baseURL(r)
	out := make([]apiEdition, len(eds))
	for i, e := range eds {
		out[i] = apiEdition{Code: e.Code, Language: e.Language, Name: e.Name, TimeZone: e.TimeZone, Default: e.Default, URL: base + e.PathPrefix() + "/"}
	}
	return writeJSONCached(w, r, map[string]any{"editions": out}, keyCacheControl)
}

// apiSite resolves ?edition=, the default edition when it is not given.
func (s *Server) apiSite(r *http.Request) (*site, error) {
	st, err := s.loadSite(r, r.URL.Query().Get("edition"))
	if errors.Is(err, news.ErrNotFound) {
		return nil, news.Errorf(news.ErrInvalid, "no edition %q", r.URL.Query().Get("edition"))
	}
	return st, err
}

// apiSections serves /api/v1/sections?edition=.
func (s *Server) apiSections(w http.ResponseWriter, r *http.Request) error {
	st, err := s.apiSite(r)
	if err != nil {
		return err
	}
	out := make([]apiNamed, len(st.sections))
	for i, sec := range st.sections {
		out[i] = apiNamed{Slug: sec.Slug, Name: sec.Name, URL: st.abs(st.path("/" + sec.Slug + "/"))}
	}
	return writeJSONCached(w, r, map[string]any{"sections": out}, keyCacheControl)
}

// apiTags serves /api/v1/tags?edition=: the tags of published stories.
func (s *Server) apiTags(w http.ResponseWriter, r *http.Request) error {
	st, err := s.apiSite(r)
	if err != nil {
		return err
	}
	tags, err := s.store.PublishedTags(r.Context(), st.ed.Code)
	if err != nil {
		return err
	}
	out := make([]apiNamed, len(tags))
	for i, t := range tags {
		out[i] = apiNamed{Slug: t.Slug, Name: t.Name, URL: st.abs(st.path("/tags/" + t.Slug))}
	}
	return writeJSONCached(w, r, map[string]any{"tags": out}, keyCacheControl)
}

// apiAuthors serves /api/v1/authors.
func (s *Server) apiAuthors(w http.ResponseWriter, r *http.Request) error {
	authors, err := s.store.Authors(r.Context())
	if err != nil {
		return err
	}
	out := make([]apiNamed, len(authors))
	for i, a := range authors {
		out[i] = apiNamed{Slug: a.Slug, Name: a.Name}
	}
	return writeJSONCached(w, r, map[string]any{"authors": out}, keyCacheControl)
}

// apiStories serves /api/v1/stories: an edition's published stories,
// newest first, filtered by section, tag or author (slugs), a page of
// limit at a time from cursor.
func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) error {
	st, err := s.apiSite(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := news.StoryFilter{Edition: st.ed.Code, Status: news.StatusPublished, NoTotal: true}
	if f.Limit, err = apiLimit(q.Get("limit")); err != nil {
		return err
	}
	if c := q.Get("cursor"); c != "" {
		if f.After, err = parseCursor(c); err != nil {
			return err
		}
	}
	if slug := q.Get("section"); slug != "" {
		sec, ok := st.section(slug)
		if !ok {
			return news.Errorf(news.ErrInvalid, "no section %q in edition %s", slug, st.ed.Code)
		}
		f.SectionID = sec.ID
	}
	if slug := q.Get("tag"); slug != "" {
		tag, err := s.store.TagBySlug(r.Context(), st.ed.Code, slug)
		if err != nil {
			return news.Errorf(news.ErrInvalid, "no tag %q in edition %s", slug, st.ed.Code)
		}
		f.TagID = tag.ID
	}
	if slug := q.Get("author"); slug != "" {
		if f.AuthorID, err = s.authorID(r, slug); err != nil {
			return err
		}
	}
	list, err := s.store.ListStories(r.Context(), f)
	if err != nil {
		return err
	}
	out := struct {
		Stories    []apiStory `json:"stories"`
		NextCursor string     `json:"next_cursor,omitempty"`
	}{Stories: make([]apiStory, len(list.Stories))}
	for i := range list.Stories {
		out.Stories[i] = st.apiStory(&list.Stories[i], false)
	}
	if n := len(list.Stories); n == f.Limit {
		last := list.Stories[n-1]
		out.NextCursor = formatCursor(news.StoryCursor{PublishedAt: last.PublishedAt, ID: last.ID})
	}
	return writeJSONCached(w, r, out, keyCacheControl)
}

// apiStoryOne serves /api/v1/stories/{id}: a published story with its body,
// media and translations.
func (s *Server) apiStoryOne(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return errNotFound
	}
	x, err := s.store.Story(r.Context(), id)
	if err != nil {
		return err
	}
	if x.Status != news.StatusPublished {
		return errNotFound
	}
	st, err := s.loadSite(r, x.Edition)
	if err != nil {
		return err
	}
	return writeJSONCached(w, r, st.apiStory(&x, true), keyCacheControl)
}

// apiEpisodes serves /api/v1/episodes?edition=&show=: the latest published
// episodes of the edition's shows, or of one show.
func (s *Server) apiEpisodes(w http.ResponseWriter, r *http.Request) error {
	st, err := s.apiSite(r)
	if err != nil {
		return err
	}
	f := store.EpisodeFilter{Edition: st.ed.Code, Published: true}
	if f.Limit, err = apiLimit(r.URL.Query().Get("limit")); err != nil {
		return err
	}
	if slug := r.URL.Query().Get("show"); slug != "" {
		sh, err := s.store.ShowBySlug(r.Context(), st.ed.Code, slug)
		if err != nil {
			return news.Errorf(news.ErrInvalid, "no show %q in edition %s", slug, st.ed.Code)
		}
		f.ShowID = sh.ID
	}
	eps, err := s.store.Episodes(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]apiEpisode, len(eps))
	for i, e := range eps {
		out[i] = apiEpisode{
			ID: e.ID, GUID: e.GUID, Edition: st.ed.Code, Show: apiNamed{Slug: e.Show.Slug, Name: e.Show.Title, URL: st.abs(st.path(e.Show.Path()))},
			Title: e.Title, Description: e.Description, URL: st.abs(st.path(e.Path(e.Show))),
			AudioURL: st.absURL(e.Audio.URL), AudioType: e.Audio.Type, AudioSize: e.Audio.Size, Duration: e.Duration.Seconds(),
			Season: e.Season, Number: e.Number, PublishedAt: e.PublishedAt.UTC(),
		}
	}
	return writeJSONCached(w, r, map[string]any{"episodes": out}, keyCacheControl)
}

// apiStory is a story as the API gives it; full adds the body, media and
// translations, which lists leave out.
func (st *site) apiStory(x *news.Story, full bool) apiStory {
	a := apiStory{
		ID: x.ID, Edition: x.Edition, URL: st.abs(st.path(x.Path())), Headline: x.Headline, Lead: x.Lead,
		Section: apiNamed{Slug: x.Section.Slug, Name: x.Section.Name, URL: st.abs(st.path("/" + x.Section.Slug + "/"))},
		Tags:    []apiNamed{}, Bylines: []string{}, Labels: []string{},
		PublishedAt: x.PublishedAt.UTC(), FeaturedImage: st.absURL(x.FeaturedImage),
	}
	if !x.UpdatedAt.IsZero() {
		u := x.UpdatedAt.UTC()
		a.UpdatedAt = &u
	}
	for _, t := range x.Tags {
		a.Tags = append(a.Tags, apiNamed{Slug: t.Slug, Name: t.Name, URL: st.abs(st.path("/tags/" + t.Slug))})
	}
	for _, b := range x.Bylines {
		a.Bylines = append(a.Bylines, b.Name)
	}
	for _, l := range x.Labels {
		a.Labels = append(a.Labels, string(l))
	}
	if !full {
		return a
	}
	a.BodyHTML = x.Body
	for _, sm := range x.Media {
		m := sm.Media
		a.Media = append(a.Media, apiMedia{Role: string(sm.Role), Kind: string(m.Kind), URL: st.abs(m.URL()), Type: m.MIME, Size: m.Size,
			Width: m.Width, Height: m.Height, Duration: m.Duration.Seconds(), Caption: m.Caption, Credit: m.Credit, Alt: m.Alt})
	}
	for _, t := range x.Translations {
		if ed, ok := news.FindEdition(st.editions, t.Edition); ok && t.Status == news.StatusPublished {
			a.Translations = append(a.Translations, apiTranslation{Edition: t.Edition, ID: t.ID, URL: st.abs(ed.PathPrefix() + t.Path())})
		}
	}
	return a
}

// authorID resolves an author's slug.
func (s *Server) authorID(r *http.Request, slug string) (int64, error) {
	authors, err := s.store.Authors(r.Context())
	if err != nil {
		return 0, err
	}
	for _, a := range authors {
		if a.Slug == slug {
			return a.ID, nil
		}
	}
	return 0, news.Errorf(news.ErrInvalid, "no author %q", slug)
}

// apiLimit reads ?limit=, from 1 to apiMaxLimit.
func apiLimit(s string) (int, error) {
	if s == "" {
		return apiDefaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > apiMaxLimit {
		return 0, news.Errorf(news.ErrInvalid, "limit must be a number from 1 to %d", apiMaxLimit)
	}
	return n, nil
}

// formatCursor and parseCursor write and read the opaque cursor of a list
// page: the publication time and id of its last story.
func formatCursor(c news.StoryCursor) string {
	return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "%d.%d", c.PublishedAt.UnixMicro(), c.ID))
}

func parseCursor(s string) (*news.StoryCursor, error) {
	bad := news.Errorf(news.ErrInvalid, "cursor is not one this API gave")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	at, id, ok := strings.Cut(string(b), ".")
	micros, err1 := strconv.ParseInt(at, 10, 64)
	n, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil || n <= 0 {
		return nil, bad
	}
	return &news.StoryCursor{PublishedAt: time.UnixMicro(micros).UTC(), ID: n}, nil
}
