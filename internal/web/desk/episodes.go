package desk

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
)

// deskEpisodePage is the data of templates/episode.html: a new or
// stored episode's form.
type deskEpisodePage struct {
	deskPage
	Show    news.Show
	Episode news.Episode // the stored episode; zero for a new one
	Form    episodeForm
	Audio   []mediaChoice
	SiteURL string // the episode's public address, when it has one
	Zone    string // the edition's time zone, for the schedule field
}

// episodeForm is the episode form as typed, with its errors.
type episodeForm struct {
	Title, Slug, Description string
	Season, Number           string
	Explicit                 bool
	Audio                    int64
	PublishAt                string // datetime-local in the edition's zone
	Version                  int
	Errors                   formError
}

// Episode actions: the buttons of the episode form.
const (
	epSave      = "save"
	epPublish   = "publish"
	epSchedule  = "schedule"
	epUnpublish = "unpublish"
)

// deskEpisodeNew serves GET /desk/podcasts/{id}/episodes/new.
func (s *Desk) deskEpisodeNew(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.newEpisodePage(r, u, 0)
	if err != nil {
		return err
	}
	return s.renderDesk(w, r, http.StatusOK, "episode", p)
}

// deskEpisodeCreate serves POST /desk/podcasts/{id}/episodes/new.
func (s *Desk) deskEpisodeCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.newEpisodePage(r, u, 0)
	if err != nil {
		return err
	}
	e := news.Episode{ShowID: p.Show.ID, Status: news.StatusDraft}
	return s.saveEpisode(w, r, u, p, e)
}

// deskEpisode serves GET /desk/episodes/{id}.
func (s *Desk) deskEpisode(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.storedEpisodePage(r, u)
	if err != nil {
		return err
	}
	return s.renderDesk(w, r, http.StatusOK, "episode", p)
}

// deskEpisodeSave serves POST /desk/episodes/{id}: save, publish,
// schedule or unpublish.
func (s *Desk) deskEpisodeSave(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.storedEpisodePage(r, u)
	if err != nil {
		return err
	}
	return s.saveEpisode(w, r, u, p, p.Episode)
}

// storedEpisodePage reads the episode named in the path and its show.
func (s *Desk) storedEpisodePage(r *http.Request, u news.User) (*deskEpisodePage, error) {
	if err := news.Authorize(u, news.ActEditEpisode, nil); err != nil {
		return nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	e, err := s.store.Episode(r.Context(), id)
	if err != nil {
		return nil, err
	}
	p, err := s.newEpisodePage(r, u, e.ShowID)
	if err != nil {
		return nil, err
	}
	p.Episode = e
	p.Title = e.Title
	p.Form = p.formOf(e)
	if e.Status == news.StatusPublished {
		ed, _ := news.FindEdition(p.Editions, p.Show.Edition)
		p.SiteURL = ed.PathPrefix() + e.Path(p.Show)
	}
	return p, nil
}

// newEpisodePage starts the page of an episode of the show showID, or of
// the show named in the path when showID is zero.
func (s *Desk) newEpisodePage(r *http.Request, u news.User, showID int64) (*deskEpisodePage, error) {
	if err := news.Authorize(u, news.ActEditEpisode, nil); err != nil {
		return nil, err
	}
	if showID == 0 {
		var err error
		if showID, err = strconv.ParseInt(r.PathValue("id"), 10, 64); err != nil {
			return nil, errNotFound
		}
	}
	sh, err := s.store.Show(r.Context(), showID)
	if err != nil {
		return nil, err
	}
	dp, err := s.newDeskPage(r, u, "podcasts")
	if err != nil {
		return nil, err
	}
	dp.Title = fmt.Sprintf(dp.T.Podcasts.NewEpisodeOf, sh.Title)
	ed, _ := news.FindEdition(dp.Editions, sh.Edition)
	p := &deskEpisodePage{deskPage: dp, Show: sh, Zone: ed.TimeZone}
	if p.Audio, err = s.mediaChoices(r, news.MediaAudio); err != nil {
		return nil, err
	}
	return p, nil
}

// location is the show's edition's time zone.
func (p *deskEpisodePage) location() *time.Location {
	if loc, err := time.LoadLocation(p.Zone); err == nil && p.Zone != "" {
		return loc
	}
	return time.UTC
}

// formOf fills the form from a stored episode.
func (p *deskEpisodePage) formOf(e news.Episode) episodeForm {
	f := episodeForm{
		Title: e.Title, Slug: e.Slug, Description: e.Description, Explicit: e.Explicit,
		Audio: e.Audio.ID, Version: e.Version,
	}
	if e.Season > 0 {
		f.Season = strconv.Itoa(e.Season)
	}
	if e.Number > 0 {
		f.Number = strconv.Itoa(e.Number)
	}
	if e.Status == news.StatusScheduled {
		f.PublishAt = e.PublishedAt.In(p.location()).Format(storyedit.DateTimeLocal)
	}
	return f
}

// saveEpisode applies the form and the button pressed to e (the stored
// episode, or a new one) and saves it. An audio file uploaded with the
// form goes into the media library first and becomes the episode's audio;
// a file whose duration cannot be read is refused and nothing is saved.
func (s *Desk) saveEpisode(w http.ResponseWriter, r *http.Request, u news.User, p *deskEpisodePage, e news.Episode) error {
	act := r.FormValue("action")
	form, err := s.readEpisodeForm(w, r, u)
	if err == nil && (act == epPublish || act == epSchedule || act == epUnpublish) {
		err = news.Authorize(u, news.ActPublishEpisode, nil)
	}
	if err == nil {
		err = s.applyEpisodeForm(r, p, form, act, &e)
	}
	if err == nil {
		if e.ID == 0 {
			err = s.store.CreateEpisode(r.Context(), &e)
		} else {
			err = s.store.UpdateEpisode(r.Context(), &e)
		}
	}
	if err != nil {
		p.Form = form
		return s.refuseShow(w, r, p.T, err, &p.Form.Errors, func(status int) error { return s.renderDesk(w, r, status, "episode", p) })
	}
	s.sessions.Flash(r, fmt.Sprintf(p.T.Podcasts.EpisodeSaved, e.Title, p.T.StatusWord(e.Status)))
	return deskRedirect(w, r, "/desk/episodes/"+strconv.FormatInt(e.ID, 10))
}

// readEpisodeForm reads the form, a multipart one when it carries a file.
func (s *Desk) readEpisodeForm(w http.ResponseWriter, r *http.Request, u news.User) (episodeForm, error) {
	f := episodeForm{}
	audio, err := s.uploadedAudio(w, r, u)
	f.Title = r.FormValue("title")
	f.Slug = r.FormValue("slug")
	f.Description = r.FormValue("description")
	f.Season = strings.TrimSpace(r.FormValue("season"))
	f.Number = strings.TrimSpace(r.FormValue("number"))
	f.Explicit = r.FormValue("explicit") != ""
	f.PublishAt = strings.TrimSpace(r.FormValue("published_at"))
	f.Audio, _ = strconv.ParseInt(r.FormValue("audio"), 10, 64)
	f.Version, _ = strconv.Atoi(r.FormValue("version"))
	if audio != 0 {
		f.Audio = audio
	}
	return f, err
}

// applyEpisodeForm copies the form into e and moves it into the status
// that act gives it.
func (s *Desk) applyEpisodeForm(r *http.Request, p *deskEpisodePage, f episodeForm, act string, e *news.Episode) error {
	v := news.ValidationErrors{}
	number := func(field, text string) int {
		if text == "" {
			return 0
		}
		n, err := strconv.Atoi(text)
		if err != nil || n < 0 {
			v.Add(field, "must be a whole number, or empty")
		}
		return n
	}
	stored := *e
	e.Title, e.Slug, e.Description, e.Explicit = f.Title, f.Slug, f.Description, f.Explicit
	e.Season, e.Number = number("season", f.Season), number("number", f.Number)
	if e.ID != 0 {
		e.Version = f.Version
	}
	var at time.Time
	if f.PublishAt != "" {
		var err error
		if at, err = storyedit.ParseLocalTime(f.PublishAt, p.location()); err != nil {
			v.Add("published_at", "is not a date and time")
		}
	}
	if err := v.Err("episode"); err != nil {
		return err
	}
	if f.Audio != e.Audio.ID {
		ref, d, err := s.mediaRef(r, f.Audio, news.MediaAudio, "audio")
		if err != nil {
			return err
		}
		e.Audio, e.Duration = ref, d
	}
	now := time.Now().UTC()
	switch act {
	case epSave, "":
		// Saving keeps the status and time.
	case epPublish:
		if stored.Status != news.StatusPublished || e.PublishedAt.IsZero() {
			e.PublishedAt = now
		}
		e.Status = news.StatusPublished
	case epSchedule:
		switch {
		case at.IsZero():
			return storyedit.FieldError("published_at", "give the date and time to publish at")
		case !at.After(now):
			return storyedit.FieldError("published_at", "must be in the future; use Publish now to publish at once")
		}
		e.Status, e.PublishedAt = news.StatusScheduled, at
	case epUnpublish:
		if stored.Status == news.StatusScheduled {
			e.PublishedAt = time.Time{}
		}
		e.Status = news.StatusDraft
	default:
		return news.Errorf(news.ErrInvalid, "unknown action %q", act)
	}
	return nil
}
