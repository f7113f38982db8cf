package desk

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/session"
)

// deskPodcastsPage is the data of templates/podcasts.html: every
// show, and a form for a new one.
type deskPodcastsPage struct {
	deskPage
	Shows      []deskShowRow
	Form       showForm // the new show, as typed
	Categories []string
	Images     []mediaChoice
}

// podcastsText is what the desk's podcast pages say: the shows, a show
// with its form, and an episode's form.
type podcastsText struct {
	Title, Shows, Show, Episodes, NewEpisode, NewEpisodeOf, NoShows, NewShow, CreateShow string // NewEpisodeOf: %s, the show
	ViewShow, Feed, Episode, Date, Duration, NoEpisodes, TheShow, SaveShow               string
	// The show's fields.
	FieldTitle, Address, AddressHint, Description, Author, Language, LanguagePlaceholder string
	LanguageHint, Category, Subcategory, SubcategoryPlaceholder, Cover                   string
	CoverHint                                                                            template.HTML
	OwnerEmail, OwnerHint, Explicit, Locked                                              string
	// The episode's form.
	EpisodeAddressHint, Audio, FromLibrary, OrUpload, AudioHint, AudioNow string // AudioNow: %s, the duration
	Season, Number, PublishAt, PublishAtHint, PublishTime                 string // PublishAt: %s, the zone
	Update, SaveDraft, PublishNow, Schedule, Unpublish                    string
	Created, Saved, EpisodeSaved                                          string // %s: the title; EpisodeSaved then the status
}

// deskShowRow is a show in the desk's list.
type deskShowRow struct {
	Show     news.Show
	Edition  string // the edition's name
	SiteURL  string
	Episodes int
}

// showForm is the show form as typed, with its errors.
type showForm struct {
	ID                                                            int64
	Edition, Title, Slug, Description, Author, Category, Language string
	OwnerEmail                                                    string
	Explicit, Locked                                              bool
	Cover                                                         int64
	Version                                                       int
	Errors                                                        formError
}

// deskShowPage is the data of templates/show.html: a show's form and
// its episodes.
type deskShowPage struct {
	deskPage
	Show       news.Show
	Form       showForm
	Episodes   []news.Episode
	SiteURL    string
	Categories []string
	Images     []mediaChoice
}

// deskPodcasts serves GET /desk/podcasts.
func (s *Desk) deskPodcasts(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActEditEpisode, nil); err != nil {
		return err
	}
	p, err := s.newPodcastsPage(r, u)
	if err != nil {
		return err
	}
	if len(p.Editions) > 0 {
		p.Form.Edition = p.Editions[0].Code
		if ed, ok := news.FindEdition(p.Editions, ""); ok {
			p.Form.Edition = ed.Code
		}
	}
	return s.renderDesk(w, r, http.StatusOK, "podcasts", p)
}

func (s *Desk) newPodcastsPage(r *http.Request, u news.User) (*deskPodcastsPage, error) {
	dp, err := s.newDeskPage(r, u, "podcasts")
	if err != nil {
		return nil, err
	}
	dp.Title = dp.T.Podcasts.Title
	p := &deskPodcastsPage{deskPage: dp, Categories: news.PodcastCategories}
	shows, err := s.store.Shows(r.Context(), "")
	if err != nil {
		return nil, err
	}
	for _, sh := range shows {
		eps, err := s.store.Episodes(r.Context(), store.EpisodeFilter{ShowID: sh.ID, Limit: 1000})
		if err != nil {
			return nil, err
		}
		ed, _ := news.FindEdition(dp.Editions, sh.Edition)
		p.Shows = append(p.Shows, deskShowRow{Show: sh, Edition: ed.Name, SiteURL: ed.PathPrefix() + sh.Path(), Episodes: len(eps)})
	}
	if news.Can(u, news.ActManageShows, nil) {
		if p.Images, err = s.mediaChoices(r, news.MediaImage); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// deskShowCreate serves POST /desk/podcasts: a new show.
func (s *Desk) deskShowCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageShows, nil); err != nil {
		return err
	}
	form := readShowForm(r, 0)
	sh := news.Show{Edition: form.Edition}
	err := s.applyShowForm(r, form, &sh)
	if err == nil {
		err = s.store.CreateShow(r.Context(), &sh)
	}
	if err != nil {
		p, perr := s.newPodcastsPage(r, u)
		if perr != nil {
			return perr
		}
		p.Form = form
		return s.refuseShow(w, r, p.T, err, &p.Form.Errors, func(status int) error { return s.renderDesk(w, r, status, "podcasts", p) })
	}
	s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Podcasts.Created, sh.Title))
	return deskRedirect(w, r, "/desk/podcasts/"+strconv.FormatInt(sh.ID, 10))
}

// deskShow serves GET /desk/podcasts/{id}: the show's form and episodes.
func (s *Desk) deskShow(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.deskShowData(r, u)
	if err != nil {
		return err
	}
	p.Form = formOfShow(p.Show)
	return s.renderDesk(w, r, http.StatusOK, "show", p)
}

// deskShowSave serves POST /desk/podcasts/{id}.
func (s *Desk) deskShowSave(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageShows, nil); err != nil {
		return err
	}
	p, err := s.deskShowData(r, u)
	if err != nil {
		return err
	}
	form := readShowForm(r, p.Show.ID)
	sh := p.Show
	sh.Version = form.Version
	err = s.applyShowForm(r, form, &sh)
	if err == nil {
		err = s.store.UpdateShow(r.Context(), &sh)
	}
	if err != nil {
		form.Edition = p.Show.Edition
		p.Form = form
		return s.refuseShow(w, r, p.T, err, &p.Form.Errors, func(status int) error { return s.renderDesk(w, r, status, "show", p) })
	}
	s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Podcasts.Saved, sh.Title))
	return deskRedirect(w, r, "/desk/podcasts/"+strconv.FormatInt(sh.ID, 10))
}

// deskShowData reads the show named in the path with its episodes.
func (s *Desk) deskShowData(r *http.Request, u news.User) (*deskShowPage, error) {
	if err := news.Authorize(u, news.ActEditEpisode, nil); err != nil {
		return nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	sh, err := s.store.Show(r.Context(), id)
	if err != nil {
		return nil, err
	}
	dp, err := s.newDeskPage(r, u, "podcasts")
	if err != nil {
		return nil, err
	}
	dp.Title = sh.Title
	ed, _ := news.FindEdition(dp.Editions, sh.Edition)
	p := &deskShowPage{deskPage: dp, Show: sh, SiteURL: ed.PathPrefix(), Categories: news.PodcastCategories}
	if p.Episodes, err = s.store.Episodes(r.Context(), store.EpisodeFilter{ShowID: sh.ID, Limit: 1000}); err != nil {
		return nil, err
	}
	if news.Can(u, news.ActManageShows, nil) {
		if p.Images, err = s.mediaChoices(r, news.MediaImage); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// readShowForm reads the show form.
func readShowForm(r *http.Request, id int64) showForm {
	f := showForm{
		ID:          id,
		Edition:     strings.TrimSpace(r.PostFormValue("edition")),
		Title:       r.PostFormValue("title"),
		Slug:        r.PostFormValue("slug"),
		Description: r.PostFormValue("description"),
		Author:      r.PostFormValue("author"),
		Category:    strings.TrimSpace(r.PostFormValue("category")),
		Language:    r.PostFormValue("language"),
		OwnerEmail:  r.PostFormValue("owner_email"),
		Explicit:    r.PostFormValue("explicit") != "",
		Locked:      r.PostFormValue("locked") != "",
	}
	if sub := strings.TrimSpace(r.PostFormValue("subcategory")); sub != "" && f.Category != "" {
		f.Category += "/" + sub
	}
	f.Cover, _ = strconv.ParseInt(r.PostFormValue("cover"), 10, 64)
	f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	return f
}

// formOfShow fills the form from a stored show.
func formOfShow(sh news.Show) showForm {
	return showForm{
		ID: sh.ID, Edition: sh.Edition, Title: sh.Title, Slug: sh.Slug, Description: sh.Description,
		Author: sh.Author, Category: sh.Category, Language: sh.Language, OwnerEmail: sh.OwnerEmail,
		Explicit: sh.Explicit, Locked: sh.Locked, Cover: sh.Cover.ID, Version: sh.Version,
	}
}

// applyShowForm copies the form into the show; the cover is read from
// the media library and must be an image.
func (s *Desk) applyShowForm(r *http.Request, f showForm, sh *news.Show) error {
	sh.Title, sh.Slug, sh.Description, sh.Author = f.Title, f.Slug, f.Description, f.Author
	sh.Category, sh.Language, sh.OwnerEmail = f.Category, f.Language, f.OwnerEmail
	sh.Explicit, sh.Locked = f.Explicit, f.Locked
	if f.Cover == 0 {
		sh.Cover = news.MediaRef{}
		return nil
	}
	if f.Cover == sh.Cover.ID {
		return nil
	}
	ref, _, err := s.mediaRef(r, f.Cover, news.MediaImage, "cover")
	sh.Cover = ref
	return err
}

// SubCategory and TopCategory split the typed category for the form.
func (f showForm) TopCategory() string { c, _, _ := strings.Cut(f.Category, "/"); return c }

// SubCategory is the part of the category after the slash.
func (f showForm) SubCategory() string { _, sub, _ := strings.Cut(f.Category, "/"); return sub }

// refuseShow shows a refused show or episode form again with its errors,
// or passes other errors to the desk's error page.
func (s *Desk) refuseShow(w http.ResponseWriter, r *http.Request, t *deskText, err error, errs *formError, render func(status int) error) error {
	fe, ok := asFormError(err, t)
	if !ok {
		return err
	}
	*errs = fe
	return render(session.Status(err))
}
