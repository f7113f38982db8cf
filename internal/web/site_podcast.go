package web

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"newsdesk/internal/feeds"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// Sizes of the podcast lists.
const (
	podcastsLatest   = 4   // on /podcasts/: each show's latest in a player, and three more
	showEpisodes     = 100 // episodes on a show's page and in its feed
	sideEpisodes     = 3   // episodes in the side column of other pages
	episodeMoreCount = 5   // other episodes of the show on an episode's page
)

// podcastsPage is the data of /podcasts/: every show of the edition with
// its latest episodes.
type podcastsPage struct {
	basePage
	Shows []showView
}

// showPage is the data of a show's page: the show, a player for its
// latest episode, and its episodes.
type showPage struct {
	basePage
	Show     showView
	Latest   *episodeView
	Player   *playerData // the latest episode's
	Episodes []episodeView
}

// episodePage is the data of an episode's page.
type episodePage struct {
	basePage
	Show    showView
	Episode episodeView
	Player  *playerData
	More    []episodeView
}

// playerData is what the audio player template needs.
type playerData struct {
	Episode episodeView
	UI      *uiText
}

// showView is a show as the site shows it.
type showView struct {
	Title       string
	Description string
	Author      string
	URL         string
	FeedURL     string
	Cover       string
	Episodes    []episodeView
	Player      *playerData // the latest episode's, on /podcasts/
}

// episodeView is an episode as a list or its page shows it.
type episodeView struct {
	ID          int64
	Title       string
	Description string
	URL         string
	ShowTitle   string
	ShowURL     string
	Date        string
	DateTime    string
	Duration    string  // "27:33"
	DurationISO string  // "PT1653S", for <time datetime>
	Seconds     float64 // for the player before the file's metadata loads
	AudioURL    string
	AudioType   string
	Download    string // the file name offered for download
	Season      int
	Number      int
}

// showView prepares a show of this edition.
func (st *site) showView(sh news.Show) showView {
	return showView{
		Title: sh.Title, Description: sh.Description, Author: sh.Author,
		URL: st.path(sh.Path()), FeedURL: st.path(sh.FeedPath()), Cover: sh.Cover.URL,
	}
}

// episodeView prepares an episode of this edition.
func (st *site) episodeView(e news.Episode) episodeView {
	v := episodeView{
		ID: e.ID, Title: e.Title, Description: e.Description,
		URL: st.path(e.Path(e.Show)), ShowTitle: e.Show.Title, ShowURL: st.path(e.Show.Path()),
		Date: st.formatDate(e.PublishedAt), DateTime: e.PublishedAt.UTC().Format(rfc3339),
		Duration: news.FormatDuration(e.Duration), Seconds: e.Duration.Seconds(),
		DurationISO: "PT" + strconv.FormatInt(int64(e.Duration.Round(time.Second)/time.Second), 10) + "S",
		AudioURL:    e.Audio.URL, AudioType: e.Audio.Type, Season: e.Season, Number: e.Number,
	}
	if e.Audio.URL != "" {
		v.Download = e.Show.Slug + "-" + strconv.FormatInt(e.ID, 10) + "-" + e.Slug + audioExt(e.Audio.Type)
	}
	return v
}

// audioExt names the file type of a download.
func audioExt(mime string) string {
	switch mime {
	case "audio/mp4", "audio/aac":
		return ".m4a"
	case "audio/ogg":
		return ".ogg"
	}
	return ".mp3"
}

func (st *site) episodeViews(es []news.Episode) []episodeView {
	out := make([]episodeView, len(es))
	for i := range es {
		out[i] = st.episodeView(es[i])
	}
	return out
}

// podcastPath picks the podcast handler for a request that the routes of
// sections and stories matched: "/ru/podcasts/" as an edition's section,
// and "/podcasts/{show}/", "/podcasts/{show}/feed.xml" and
// "/podcasts/{show}/{id}-{slug}" as a section or story of an edition
// named "podcasts". It sets the path values the podcast handlers read,
// and returns nil for every other request.
func (s *Server) podcastPath(r *http.Request) handlerFunc {
	edition, section, story := r.PathValue("edition"), r.PathValue("section"), r.PathValue("story")
	switch {
	case edition != "" && section == "podcasts" && story == "":
		return s.podcastsPage
	case edition != "podcasts" || section == "":
		return nil
	}
	r.SetPathValue("edition", "")
	r.SetPathValue("show", section)
	switch story {
	case "":
		return s.showPage
	case "feed.xml":
		return s.showFeed
	}
	r.SetPathValue("episode", story)
	return s.episodePage
}

// podcastsRedirect sends "/podcasts" to "/podcasts/".
func (s *Server) podcastsRedirect(w http.ResponseWriter, r *http.Request) error {
	http.Redirect(w, r, withQuery(r, r.URL.Path+"/"), http.StatusMovedPermanently)
	return nil
}

// podcastsPage serves "/podcasts/" and its edition-prefixed form: the
// edition's shows that have published episodes, each with its latest.
func (s *Server) podcastsPage(w http.ResponseWriter, r *http.Request) error {
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	ctx := r.Context()
	shows, err := s.store.Shows(ctx, st.ed.Code)
	if err != nil {
		return err
	}
	addKeys(r, news.PodcastsKey(st.ed.Code))
	p := &podcastsPage{basePage: st.base(r, "")}
	for _, sh := range shows {
		eps, err := s.store.Episodes(ctx, store.EpisodeFilter{ShowID: sh.ID, Published: true, Limit: podcastsLatest})
		if err != nil {
			return err
		}
		addKeys(r, news.ShowKey(sh.ID))
		if len(eps) == 0 {
			continue
		}
		v := st.showView(sh)
		v.Episodes = st.episodeViews(eps)
		v.Player = &playerData{Episode: v.Episodes[0], UI: st.ui}
		p.Shows = append(p.Shows, v)
	}
	p.Title = st.ui.Podcast.Podcasts + " — " + st.settings.SiteName
	p.Description = st.ui.Podcast.ListDescription
	p.Canonical = st.origin + st.path("/podcasts/")
	return s.render(w, r, http.StatusOK, "podcasts", p, noValidators)
}

// publicShow resolves the {show} of a podcast URL: a show of the edition
// with its published episodes, newest first. A show with none is on no
// public page.
func (s *Server) publicShow(r *http.Request, st *site, limit int) (news.Show, []news.Episode, error) {
	sh, err := s.store.ShowBySlug(r.Context(), st.ed.Code, r.PathValue("show"))
	if err != nil {
		return news.Show{}, nil, err
	}
	eps, err := s.store.Episodes(r.Context(), store.EpisodeFilter{ShowID: sh.ID, Published: true, Limit: limit})
	if err != nil {
		return news.Show{}, nil, err
	}
	if len(eps) == 0 {
		return news.Show{}, nil, errNotFound
	}
	addKeys(r, news.ShowKey(sh.ID))
	return sh, eps, nil
}

// showPage serves "/podcasts/{show}/".
func (s *Server) showPage(w http.ResponseWriter, r *http.Request) error {
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	sh, eps, err := s.publicShow(r, st, showEpisodes)
	if err != nil {
		return err
	}
	p := &showPage{basePage: st.base(r, ""), Show: st.showView(sh), Episodes: st.episodeViews(eps)}
	p.Latest = &p.Episodes[0]
	p.Player = &playerData{Episode: p.Episodes[0], UI: st.ui}
	p.Title = sh.Title + " — " + st.settings.SiteName
	p.Description = excerpt(sh.Description, 200)
	p.Canonical = st.origin + st.path(sh.Path())
	p.Meta = podcastMeta(st, p.Title, p.Description, p.Canonical, st.abs(sh.Cover.URL), "")
	return s.render(w, r, http.StatusOK, "show", p, eps[0].PublishedAt)
}

// episodePage serves "/podcasts/{show}/{id}-{slug}". As with stories, the
// id decides; a stale slug is redirected to the episode's address.
func (s *Server) episodePage(w http.ResponseWriter, r *http.Request) error {
	id, ok := parseStorySegment(r.PathValue("episode"))
	if !ok {
		return errNotFound
	}
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	e, err := s.store.Episode(r.Context(), id)
	if err != nil {
		return err
	}
	if e.Show.Edition != st.ed.Code || e.Status != news.StatusPublished {
		return errNotFound
	}
	canonical := st.path(e.Path(e.Show))
	if r.URL.Path != canonical {
		http.Redirect(w, r, canonical, http.StatusMovedPermanently)
		return nil
	}
	eps, err := s.store.Episodes(r.Context(), store.EpisodeFilter{ShowID: e.ShowID, Published: true, Limit: episodeMoreCount + 1})
	if err != nil {
		return err
	}
	addKeys(r, news.EpisodeKey(e.ID), news.ShowKey(e.ShowID))
	p := &episodePage{basePage: st.base(r, ""), Show: st.showView(e.Show), Episode: st.episodeView(e)}
	p.Player = &playerData{Episode: p.Episode, UI: st.ui}
	for _, x := range eps {
		if x.ID != e.ID && len(p.More) < episodeMoreCount {
			p.More = append(p.More, st.episodeView(x))
		}
	}
	p.Title = e.Title + " — " + e.Show.Title + " — " + st.settings.SiteName
	p.Description = excerpt(e.Description, 200)
	p.Canonical = st.origin + canonical
	p.Meta = podcastMeta(st, e.Title, p.Description, p.Canonical, st.abs(e.Show.Cover.URL), st.abs(e.Audio.URL))
	ld, err := episodeLD(st, e, p.Canonical)
	if err != nil {
		return err
	}
	p.JSONLD = []template.JS{ld}
	modified := e.PublishedAt
	if e.UpdatedAt.After(modified) {
		modified = e.UpdatedAt
	}
	return s.render(w, r, http.StatusOK, "episode", p, modified)
}

// episodeLD is an episode's schema.org PodcastEpisode, for search
// engines: its audio, duration and show.
func episodeLD(st *site, e news.Episode, url string) (template.JS, error) {
	type media struct {
		Type     string `json:"@type"`
		URL      string `json:"contentUrl"`
		Format   string `json:"encodingFormat,omitempty"`
		Duration string `json:"duration,omitempty"`
	}
	type series struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url"`
		Feed string `json:"webFeed"`
	}
	v := struct {
		Context     string  `json:"@context"`
		Type        string  `json:"@type"`
		Name        string  `json:"name"`
		URL         string  `json:"url"`
		Description string  `json:"description,omitempty"`
		Published   string  `json:"datePublished"`
		Episode     int     `json:"episodeNumber,omitempty"`
		Audio       *media  `json:"associatedMedia,omitempty"`
		Series      series  `json:"partOfSeries"`
		Language    string  `json:"inLanguage"`
		Image       *string `json:"image,omitempty"`
	}{
		Context: "https://schema.org", Type: "PodcastEpisode", Name: e.Title, URL: url,
		Description: e.Description, Published: e.PublishedAt.UTC().Format(rfc3339), Episode: e.Number,
		Series:   series{Type: "PodcastSeries", Name: e.Show.Title, URL: st.origin + st.path(e.Show.Path()), Feed: st.origin + st.path(e.Show.FeedPath())},
		Language: orDefault(e.Show.Language, st.ed.Language),
	}
	if e.Audio.URL != "" {
		v.Audio = &media{Type: "MediaObject", URL: st.abs(e.Audio.URL), Format: e.Audio.Type,
			Duration: "PT" + strconv.FormatInt(int64(e.Duration.Round(time.Second)/time.Second), 10) + "S"}
	}
	if img := st.abs(e.Show.Cover.URL); img != "" {
		v.Image = &img
	}
	return jsonLD(v)
}

// podcastMeta is the social metadata of a show's or an episode's page.
func podcastMeta(st *site, title, description, url, image, audio string) []metaTag {
	tags := []metaTag{
		{Property: "og:type", Content: "website"},
		{Property: "og:site_name", Content: st.settings.SiteName},
		{Property: "og:title", Content: title},
		{Property: "og:url", Content: url},
	}
	if description != "" {
		tags = append(tags, metaTag{Property: "og:description", Content: description})
	}
	if image != "" {
		tags = append(tags, metaTag{Property: "og:image", Content: image})
	}
	if audio != "" {
		tags = append(tags, metaTag{Property: "og:audio", Content: audio})
	}
	return tags
}

// showFeed serves "/podcasts/{show}/feed.xml": the show's podcast RSS.
func (s *Server) showFeed(w http.ResponseWriter, r *http.Request) error {
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	sh, eps, err := s.publicShow(r, st, showEpisodes)
	if err != nil {
		return err
	}
	cat, sub := sh.CategoryParts()
	lang := sh.Language
	if lang == "" {
		lang = st.ed.Language
	}
	p := feeds.Podcast{
		Title: sh.Title, Description: sh.Description, Language: lang,
		Link: st.origin + st.path(sh.Path()), Self: st.origin + st.path(sh.FeedPath()),
		Image: st.abs(sh.Cover.URL), Author: sh.Author, Category: cat, Subcategory: sub,
		Explicit: sh.Explicit, OwnerName: orDefault(sh.Author, st.settings.SiteName), OwnerEmail: sh.OwnerEmail,
		Locked: sh.Locked,
	}
	for _, e := range eps {
		p.Episodes = append(p.Episodes, feeds.Episode{
			ID: e.GUID, URL: st.origin + st.path(e.Path(sh)), Title: e.Title, Description: e.Description,
			Published: e.PublishedAt, Duration: e.Duration, Season: e.Season, Number: e.Number, Explicit: e.Explicit,
			Audio: feeds.Enclosure{URL: st.abs(e.Audio.URL), Type: e.Audio.Type, Length: e.Audio.Size},
		})
		if e.UpdatedAt.After(p.Updated) {
			p.Updated = e.UpdatedAt
		}
	}
	var buf bytes.Buffer
	if err := feeds.WritePodcast(&buf, p); err != nil {
		return fmt.Errorf("web: podcast feed %d: %w", sh.ID, err)
	}
	return serveDocument(w, r, "application/rss+xml; charset=utf-8", buf.Bytes(), time.Time{})
}

// serveDocument writes a public document that is not an HTML page (a
// feed) with the caching headers of pages and an ETag over its bytes.
func serveDocument(w http.ResponseWriter, r *http.Request, contentType string, body []byte, modified time.Time) error {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", pageMaxAge)
	h.Set("ETag", `"`+strconv.FormatUint(uint64(crc32.Checksum(body, crcTable)), 36)+"-"+strconv.FormatInt(int64(len(body)), 36)+`"`)
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// podcastSide is the side column's block of latest episodes, embedded in
// the data of story pages and the front page.
type podcastSide struct {
	Podcasts    []episodeView
	PodcastsURL string
}

// podcastSide reads the edition's latest episodes for the side column of
// story pages and the front page, naming the list for the page cache.
func (s *Server) podcastSide(r *http.Request, st *site) (podcastSide, error) {
	eps, err := s.store.Episodes(r.Context(), store.EpisodeFilter{Edition: st.ed.Code, Published: true, Limit: sideEpisodes})
	if err != nil {
		return podcastSide{}, fmt.Errorf("web: latest episodes of %s: %w", st.ed.Code, err)
	}
	addKeys(r, news.PodcastsKey(st.ed.Code))
	return podcastSide{Podcasts: st.episodeViews(eps), PodcastsURL: st.path("/podcasts/")}, nil
}
