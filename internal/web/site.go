package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/internal/i18n"
	"newsdesk/internal/news"
)

// site is what every page of one edition needs: the edition, the edition
// switch, the section navigation and the words of the edition's language.
type site struct {
	ed       news.Edition
	editions []news.Edition
	sections []news.Section
	ui       *uiText
	lang     *i18n.Lang     // month names and plurals of the edition's language
	origin   string         // scheme and host for absolute links
	loc      *time.Location // the edition's zone, looked up once
	settings news.Settings  // the site's name and channels
	here     string         // the page's own path and page number, where bookmark buttons return
}

// formatDate writes t in the edition's zone and date format, with month
// names in its language ("31 января 2018, 02:43"). The zone is looked up
// once per server rather than once per date: time.LoadLocation reads the
// zone file from disk on every call, and a list page shows dozens of dates.
func (st *site) formatDate(t time.Time) string {
	return st.lang.Date(t.In(st.loc), st.ed.DateFormat)
}

// loadSite resolves the edition named by code ("" for the default one) and
// reads its sections. An unknown code is news.ErrNotFound.
func (s *Server) loadSite(r *http.Request, code string) (*site, error) {
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return nil, err
	}
	ed, ok := news.FindEdition(eds, code)
	if !ok {
		return nil, errNotFound
	}
	return s.siteFor(r, eds, ed)
}

// siteFor completes a site for an edition already resolved.
func (s *Server) siteFor(r *http.Request, eds []news.Edition, ed news.Edition) (*site, error) {
	secs, err := s.loadSections(r.Context(), ed.Code)
	if err != nil {
		return nil, err
	}
	set, err := s.loadSettings(r.Context())
	if err != nil {
		return nil, err
	}
	// Every page shows the edition switch, the edition's sections and the
	// site's name and channels.
	addKeys(r, news.KeyEditions, news.KeySite, news.NavKey(ed.Code))
	return &site{ed: ed, editions: eds, sections: secs, ui: s.ui.For(ed.Language), lang: s.words.Lang(ed.Language), origin: s.baseURL(r), loc: s.location(ed), settings: set, here: herePath(r)}, nil
}

// location returns the edition's time zone from the server's cache. Zones
// never change while the program runs, so the cache needs no invalidation.
func (s *Server) location(ed news.Edition) *time.Location {
	if loc, ok := s.zones.Load(ed.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc := ed.Location()
	s.zones.Store(ed.TimeZone, loc)
	return loc
}

// prefixedEdition resolves the edition in the {edition} path segment; an
// empty segment is the default edition. The default edition's own code as a
// prefix ("/en/world/") is redirected to the unprefixed URL, so every page
// has one address.
func (s *Server) prefixedEdition(w http.ResponseWriter, r *http.Request) (*site, bool, error) {
	code := r.PathValue("edition")
	st, err := s.loadSite(r, code)
	if err != nil {
		return nil, false, err
	}
	if code != "" && st.ed.Default {
		http.Redirect(w, r, withQuery(r, strings.TrimPrefix(r.URL.Path, "/"+code)), http.StatusMovedPermanently)
		return nil, true, nil
	}
	return st, false, nil
}

// section returns the edition's section with the slug, from the sections
// already loaded for the navigation.
func (st *site) section(slug string) (news.Section, bool) {
	for _, sec := range st.sections {
		if sec.Slug == slug {
			return sec, true
		}
	}
	return news.Section{}, false
}

// path prefixes an edition-relative path with the edition's prefix.
func (st *site) path(p string) string { return st.ed.PathPrefix() + p }

// abs makes a site path absolute, keeping "" for no link.
func (st *site) abs(path string) string {
	if path == "" {
		return ""
	}
	return st.origin + path
}

// basePage is embedded in every page's data: what the layout needs.
type basePage struct {
	Lang        string
	Title       string // the <title>; never shown in the page body
	Description string
	Canonical   string
	SiteName    string
	HomeURL     string
	EditionName string
	OnHome      bool // marks "Home" as the current page in the navigation
	Editions    []navLink
	Sections    []navLink
	Channels    []navLink // the outlet's own pages elsewhere
	UI          *uiText
	Meta        []metaTag
	JSONLD      []template.JS // schema.org objects, each in its own script, the page's main entity first
	PrevURL     string
	NextURL     string
	NoIndex     bool
	// AccountLinks lead to the reader's sign-in, sign-up, account and
	// bookmarks; the site's script shows the signed-in ones.
	AccountLinks accountLinks
	Alternates   []alternateLink // feeds and oEmbed, for discovery
	// MainClass is added to the main element's classes: a page whose
	// main element lays out its parts says how.
	MainClass string
}

// navLink is one link in the header navigation or edition switch.
type navLink struct {
	Name    string
	URL     string
	Lang    string
	Current bool
}

// base fills the layout's data; current is the slug of the section to mark
// as the current one in the navigation.
func (st *site) base(r *http.Request, current string) basePage {
	b := basePage{
		Lang:        st.ed.Language,
		SiteName:    st.settings.SiteName,
		HomeURL:     st.path("/"),
		EditionName: st.ed.Name,
		UI:          st.ui,
		Editions:    make([]navLink, 0, len(st.editions)),
		Sections:    make([]navLink, 0, len(st.sections)),
		Alternates:  st.feedLinks(st.ed.Name, "/"),
	}
	for _, e := range st.editions {
		b.Editions = append(b.Editions, navLink{Name: e.Name, URL: e.PathPrefix() + "/", Lang: e.Language, Current: e.Code == st.ed.Code})
	}
	for _, sec := range st.sections {
		b.Sections = append(b.Sections, navLink{Name: sec.Name, URL: st.path("/" + sec.Slug + "/"), Current: sec.Slug == current})
	}
	b.AccountLinks = st.accountLinks(st.here)
	for _, c := range news.SiteChannels {
		if addr := st.settings.Channels[c.Key]; addr != "" {
			name := c.Name
			if s, ok := st.ui.Channels[c.Key]; ok {
				name = s
			}
			b.Channels = append(b.Channels, navLink{Name: name, URL: addr})
		}
	}
	return b
}

// storyCard is a story in a list: what a reader needs to choose it.
type storyCard struct {
	URL      string
	Headline string
	Lead     string
	Section  navLink
	Date     string
	DateTime string
	Labels   []labelView
	Bookmark bookmarkButton
}

// labelView is a media label badge.
type labelView struct {
	Kind string // the label, also the icon's name
	Name string // in the edition's language
}

// card builds the list view of a story of this edition.
func (st *site) card(x *news.Story, leadRunes int) storyCard {
	return storyCard{
		URL:      st.path(x.Path()),
		Headline: x.Headline,
		Lead:     excerpt(x.Lead, leadRunes),
		Section:  navLink{Name: x.Section.Name, URL: st.path("/" + x.Section.Slug + "/")},
		Date:     st.formatDate(x.PublishedAt),
		DateTime: x.PublishedAt.UTC().Format(rfc3339),
		Labels:   st.labels(x.Labels),
		Bookmark: st.bookmarkButton(x.ID),
	}
}

// storyKeys names the stories a page shows, for the page cache.
func storyKeys(xs []news.Story) []string {
	keys := make([]string, len(xs))
	for i := range xs {
		keys[i] = news.StoryKey(xs[i].ID)
	}
	return keys
}

// cards builds the list views of stories.
func (st *site) cards(xs []news.Story, leadRunes int) []storyCard {
	out := make([]storyCard, len(xs))
	for i := range xs {
		out[i] = st.card(&xs[i], leadRunes)
	}
	return out
}

// withoutSection drops the section kicker from cards that all belong to
// one section already named by their page or block.
func withoutSection(cards []storyCard) []storyCard {
	for i := range cards {
		cards[i].Section = navLink{}
	}
	return cards
}

// labels turns media labels into badges in display order.
func (st *site) labels(ls []news.MediaLabel) []labelView {
	if len(ls) == 0 {
		return nil
	}
	out := make([]labelView, 0, len(ls))
	for _, l := range news.MediaLabels {
		for _, x := range ls {
			if x == l {
				out = append(out, labelView{Kind: string(l), Name: st.ui.label(l)})
				break
			}
		}
	}
	return out
}

// rfc3339 is the machine-readable date in <time datetime> and metadata.
const rfc3339 = "2006-01-02T15:04:05Z07:00"

// excerpt cuts text to at most max runes at a word boundary, adding an
// ellipsis when it cut; max <= 0 means no lead at all.
func excerpt(text string, max int) string {
	if max <= 0 {
		return ""
	}
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	cut := 0
	for i := range text {
		if cut == max {
			text = text[:i]
			break
		}
		cut++
	}
	if i := strings.LastIndexByte(text, ' '); i > len(text)/2 {
		text = text[:i]
	}
	return strings.TrimRight(text, " ,;:.-–—") + "…"
}

// pager is the pagination of a list.
type pager struct {
	Page    int
	Pages   int
	PrevURL string
	NextURL string
	Items   []pageItem
}

// pageItem is a page number link, or a gap between distant numbers.
type pageItem struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// pageURL is the address of page n of the list at path.
func pageURL(path string, n int) string {
	if n <= 1 {
		return path
	}
	if strings.Contains(path, "?") {
		return path + "&page=" + strconv.Itoa(n)
	}
	return path + "?page=" + strconv.Itoa(n)
}

// newPager links the first and last pages and two either side of the
// current one, so the control stays short on a phone.
func newPager(path string, page, pages int) pager {
	p := pager{Page: page, Pages: pages}
	if pages <= 1 {
		return p
	}
	if page > 1 {
		p.PrevURL = pageURL(path, page-1)
	}
	if page < pages {
		p.NextURL = pageURL(path, page+1)
	}
	for n := 1; n <= pages; n++ {
		switch {
		case n == 1 || n == pages || (n >= page-2 && n <= page+2):
			p.Items = append(p.Items, pageItem{N: n, URL: pageURL(path, n), Current: n == page})
		case len(p.Items) > 0 && !p.Items[len(p.Items)-1].Gap:
			p.Items = append(p.Items, pageItem{Gap: true})
		}
	}
	return p
}

// pageNumber reads ?page=N. Anything but a positive number names no page.
func pageNumber(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, errNotFound
	}
	return n, nil
}

// checkPage rejects a page past the end of a list; page 1 always exists,
// empty or not.
func checkPage(l news.StoryList, page int) error {
	if page > 1 && page > l.Pages {
		return errNotFound
	}
	return nil
}
