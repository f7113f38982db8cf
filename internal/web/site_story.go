package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// relatedCount is how many related stories a story page lists.
const relatedCount = 4

// storyPage is the data of a story page.
type storyPage struct {
	basePage
	Story    storyView
	Related  []storyCard
	Share    []shareLink
	Bookmark bookmarkButton
	podcastSide
}

// storyView is a story as its page shows it.
type storyView struct {
	Headline    string
	Lead        string
	Body        template.HTML // sanitised by the store's writers
	Section     navLink
	Date        string
	DateTime    string
	Updated     string // empty unless edited after publication
	UpdatedTime string
	Bylines     []navLink // to each author's page
	Tags        []navLink
	Labels      []labelView
	Image       string     // the featured image's URL, empty when none
	Featured    *mediaView // the featured image as shown, nil when none or the lead replaces it
	Media       storyMedia
	Notes       []noteView // oldest first
}

// noteView is a correction, clarification or update as the page shows it.
type noteView struct {
	Kind     string // the kind, for the class name
	Name     string // the kind in the edition's language
	Date     string
	DateTime string
	Text     string
}

// parseStorySegment reads "{id}-{slug}" (or a bare "{id}").
func parseStorySegment(seg string) (int64, bool) {
	idText, _, _ := strings.Cut(seg, "-")
	if idText == "" || idText[0] == '0' {
		return 0, false
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	return id, err == nil && id > 0
}

// storyPage serves "/{section}/{id}-{slug}" and its edition-prefixed form.
// The id alone decides which story it is; a URL with a stale slug or section
// is redirected to the story's one canonical address.
func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) error {
	if h := s.podcastPath(r); h != nil {
		return h(w, r)
	}
	if h := s.feedPath(r); h != nil {
		return h(w, r)
	}
	if h := s.searchPath(r); h != nil {
		return h(w, r)
	}
	id, ok := parseStorySegment(r.PathValue("story"))
	if !ok {
		if r.PathValue("edition") == "" {
			// "/ru/world": an edition and a section without the slash.
			return s.addSlash(w, r, r.PathValue("section"), r.PathValue("story"))
		}
		return errNotFound
	}
	st, done, err := s.prefixedEdition(w, r)
	if err != nil || done {
		return err
	}
	x, err := s.store.Story(r.Context(), id)
	if err != nil {
		return fmt.Errorf("web: story %d: %w", id, err)
	}
	if x.Edition != st.ed.Code || x.Status != news.StatusPublished {
		return errNotFound
	}
	canonical := st.path(x.Path())
	if r.URL.Path != canonical {
		http.Redirect(w, r, canonical, http.StatusMovedPermanently)
		return nil
	}
	related, err := s.store.RelatedStories(r.Context(), x, relatedCount)
	if err != nil {
		return fmt.Errorf("web: related stories of %d: %w", id, err)
	}
	addKeys(r, storyPageKeys(&x, related)...)
	// The edition switch and hreflang links follow the translations.
	for _, tr := range x.Translations {
		addKeys(r, news.StoryKey(tr.ID))
	}
	p, err := st.storyPage(r, &x, related)
	if err != nil {
		return err
	}
	if p.podcastSide, err = s.podcastSide(r, st); err != nil {
		return err
	}
	p.setColumns()
	return s.render(w, r, http.StatusOK, "story", p, x.Modified())
}

// storyPage builds the data of a story's page. The desk's previews build
// theirs here too, so that a preview is the public page and nothing else.
func (st *site) storyPage(r *http.Request, x *news.Story, related []news.Story) (*storyPage, error) {
	p := &storyPage{basePage: st.base(r, x.Section.Slug), Story: st.storyView(x), Related: st.cards(related, 0)}
	p.Title = x.Headline
	if x.SEOTitle != "" {
		p.Title = x.SEOTitle
	}
	p.Title += " — " + st.settings.SiteName
	p.Description = x.Description
	if p.Description == "" {
		p.Description = excerpt(x.Lead, 200)
	}
	p.Canonical = st.origin + st.path(x.Path())
	p.Share = shareLinks(st.ui, p.Canonical, x.Headline)
	p.Alternates = append(p.Alternates, alternateLink{
		Title: x.Headline, Type: "application/json+oembed",
		URL: st.abs("/api/v1/oembed?" + url.Values{"url": {p.Canonical}, "format": {"json"}}.Encode()),
	})
	p.Bookmark = st.bookmarkButton(x.ID)
	st.linkTranslations(p, x)
	var err error
	var article, crumbs template.JS
	if p.Meta, article, err = storyMeta(st, x, p.Canonical, p.Description); err != nil {
		return nil, err
	}
	if crumbs, err = st.breadcrumbs(x.Section, x.Headline, p.Canonical); err != nil {
		return nil, err
	}
	p.JSONLD = []template.JS{article, crumbs}
	p.setColumns()
	return p, nil
}

// setColumns lays the page out in two columns, the story and what sits
// beside it, or the story alone when nothing does.
func (p *storyPage) setColumns() {
	p.MainClass = "columns"
	if len(p.Related) == 0 && len(p.Podcasts) == 0 {
		p.MainClass = "columns solo"
	}
}

// linkTranslations points the edition switch of a story's page at the
// story's published translations, where it has them, and names them and
// the page itself as hreflang alternates, for search engines.
func (st *site) linkTranslations(p *storyPage, x *news.Story) {
	var alts []alternateLink
	for i, e := range st.editions {
		tr, ok := x.TranslationIn(e.Code)
		if !ok || tr.Status != news.StatusPublished || i >= len(p.Editions) {
			continue
		}
		p.Editions[i].URL = e.PathPrefix() + tr.Path()
		alts = append(alts, alternateLink{Hreflang: e.Language, URL: st.abs(p.Editions[i].URL)})
	}
	if len(alts) == 0 {
		return
	}
	alts = append(alts, alternateLink{Hreflang: st.ed.Language, URL: p.Canonical})
	p.Alternates = append(p.Alternates, alts...)
}

// storyPageKeys names what a story page shows: the story, its tags and the
// related stories. Those are chosen among the newest stories of its tags,
// so any change to a tag's list may change them; when the tags offer too
// few, the section's newest fill up, and its list counts too.
func storyPageKeys(x *news.Story, related []news.Story) []string {
	keys := append(storyKeys(related), news.StoryKey(x.ID))
	for _, t := range x.Tags {
		keys = append(keys, news.TagKey(t.ID))
	}
	if len(related) < relatedCount {
		keys = append(keys, news.SectionKey(x.Section.ID))
	}
	return keys
}

// storyView prepares a story of this edition for its page.
func (st *site) storyView(x *news.Story) storyView {
	v := storyView{
		Headline: x.Headline,
		Lead:     x.Lead,
		Body:     template.HTML(x.Body),
		Section:  navLink{Name: x.Section.Name, URL: st.path("/" + x.Section.Slug + "/")},
		Date:     st.formatDate(x.PublishedAt),
		DateTime: x.PublishedAt.UTC().Format(rfc3339),
		Labels:   st.labels(x.Labels),
		Image:    x.FeaturedImage,
	}
	v.Body = template.HTML(bodyWithWidths(x.Body, x.BodyMedia))
	v.Media = st.storyMedia(x)
	v.Featured = st.featuredImage(x, v.Media)
	if !x.UpdatedAt.IsZero() && x.UpdatedAt.After(x.PublishedAt) {
		v.Updated = st.formatDate(x.UpdatedAt)
		v.UpdatedTime = x.UpdatedAt.UTC().Format(rfc3339)
	}
	for _, a := range x.Bylines {
		v.Bylines = append(v.Bylines, navLink{Name: a.Name, URL: st.path(authorPath(a))})
	}
	for _, t := range x.Tags {
		v.Tags = append(v.Tags, navLink{Name: t.Name, URL: st.path("/tags/" + t.Slug)})
	}
	for _, n := range x.Notes {
		v.Notes = append(v.Notes, noteView{
			Kind: string(n.Kind), Name: st.ui.noteKind(n.Kind),
			Date: st.formatDate(n.At), DateTime: n.At.UTC().Format(rfc3339), Text: n.Text,
		})
	}
	return v
}

// PreviewForm writes x, a story the desk's editor is still writing, as
// the public story page would show it: in x's edition (the default one
// when x names none) and section (the edition's first when x has none).
func (s *Server) PreviewForm(w http.ResponseWriter, r *http.Request, x news.Story) error {
	st, err := s.loadSite(r, x.Edition)
	if err != nil {
		return err
	}
	x.Edition = st.ed.Code
	if sec, ok := sectionByID(st.sections, x.Section.ID); ok {
		x.Section = sec
	} else if len(st.sections) > 0 {
		x.Section = st.sections[0]
	}
	return s.renderPreview(w, r, st, &x, nil)
}

// PreviewStory writes x, a stored story in any status, as its public page
// will look, related stories included: the desk's link that editors share
// with each other before publication.
func (s *Server) PreviewStory(w http.ResponseWriter, r *http.Request, x news.Story) error {
	st, err := s.loadSite(r, x.Edition)
	if err != nil {
		return err
	}
	if x.PublishedAt.IsZero() {
		x.PublishedAt = time.Now() // as it would be if published now
	}
	related, err := s.store.RelatedStories(r.Context(), x, relatedCount)
	if err != nil {
		return fmt.Errorf("web: related stories of %d: %w", x.ID, err)
	}
	return s.renderPreview(w, r, st, &x, related)
}

// renderPreview renders x with the public story template. Previews are
// private: never stored by caches nor indexed.
func (s *Server) renderPreview(w http.ResponseWriter, r *http.Request, st *site, x *news.Story, related []news.Story) error {
	p, err := st.storyPage(r, x, related)
	if err != nil {
		return err
	}
	p.NoIndex = true
	buf, release := respond.Buffer()
	defer release()
	if err := s.pages.pages["story"].ExecuteTemplate(buf, "layout", p); err != nil {
		return fmt.Errorf("web: render preview of %q: %w", x.Headline, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
	return nil
}

// sectionByID finds a section among secs.
func sectionByID(secs []news.Section, id int64) (news.Section, bool) {
	for _, sec := range secs {
		if sec.ID == id {
			return sec, true
		}
	}
	return news.Section{}, false
}
