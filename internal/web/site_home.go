package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// Sizes of the home page's parts.
const (
	homeListSize   = 11 // the top story and ten more: full rows of the desktop grid
	homeBlockSize  = 4  // stories in each section's block
	homeTopics     = 12
	topLeadRunes   = 360
	cardLeadRunes  = 180
	blockLeadRunes = 0 // section blocks show headlines only
)

// homePage is the data of an edition's front page. Later pages (?page=2)
// continue the list of latest stories without the top story and blocks.
type homePage struct {
	basePage
	Heading string
	Top     *storyCard
	// Featured are the stories the desk chose to follow the top story, in
	// its order.
	Featured []storyCard
	Latest   []storyCard
	Blocks   []sectionBlock
	Topics   []navLink
	Pager    pager
	podcastSide
}

// sectionBlock is one section's latest stories on the front page.
type sectionBlock struct {
	Section navLink
	Stories []storyCard
}

// homePage serves the default edition's front page at "/".
func (s *Server) homePage(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadSite(r, "")
	if err != nil {
		return err
	}
	return s.renderHome(w, r, st)
}

// editionOrSectionPage serves "/{first}/": another edition's front page
// when first is an edition code, else a section of the default edition.
func (s *Server) editionOrSectionPage(w http.ResponseWriter, r *http.Request) error {
	first := r.PathValue("first")
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return err
	}
	if ed, ok := news.FindEdition(eds, first); ok {
		if ed.Default {
			http.Redirect(w, r, withQuery(r, "/"), http.StatusMovedPermanently)
			return nil
		}
		st, err := s.siteFor(r, eds, ed)
		if err != nil {
			return err
		}
		return s.renderHome(w, r, st)
	}
	def, ok := news.FindEdition(eds, "")
	if !ok {
		return errNotFound
	}
	st, err := s.siteFor(r, eds, def)
	if err != nil {
		return err
	}
	return s.renderSection(w, r, st, first)
}

// renderHome renders page N of an edition's front page.
func (s *Server) renderHome(w http.ResponseWriter, r *http.Request, st *site) error {
	page, err := pageNumber(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	curated, err := s.store.HomeSlots(ctx, st.ed.Code)
	if err != nil {
		return fmt.Errorf("web: home of %s: %w", st.ed.Code, err)
	}
	list, err := s.store.ListStories(ctx, latestFilter(st.ed.Code, curated, page))
	if err != nil {
		return fmt.Errorf("web: home of %s: %w", st.ed.Code, err)
	}
	if err := checkPage(list, page); err != nil {
		return err
	}
	addKeys(r, news.EditionKey(st.ed.Code))
	addKeys(r, storyKeys(list.Stories)...)
	addKeys(r, storyKeys(curated)...)
	home := st.path("/")
	p := &homePage{basePage: st.base(r, ""), Heading: st.settings.SiteName + " — " + st.ui.Latest}
	p.OnHome = page == 1
	p.Latest = st.cards(list.Stories, cardLeadRunes)
	shown := append(slices.Clip(curated), list.Stories...)
	if page == 1 && len(shown) > 0 {
		top := st.card(&shown[0], topLeadRunes)
		p.Top = &top
		if len(curated) > 0 {
			p.Featured = st.cards(curated[1:], cardLeadRunes)
		} else {
			p.Latest = p.Latest[1:]
		}
		if p.Blocks, err = s.sectionBlocks(r, st, shown); err != nil {
			return err
		}
		if p.podcastSide, err = s.podcastSide(r, st); err != nil {
			return err
		}
		tags, err := s.popularTags(ctx, st.ed.Code)
		if err != nil {
			return err
		}
		for _, t := range tags {
			addKeys(r, news.TagKey(t.ID))
			p.Topics = append(p.Topics, navLink{Name: t.Name, URL: st.path("/tags/" + t.Slug)})
		}
	}
	p.Pager = newPager(home, page, list.Pages)
	p.Title = st.settings.SiteName
	if !st.ed.Default {
		p.Title = st.settings.SiteName + " — " + st.ed.Name
	}
	if page > 1 {
		p.Title = st.ui.Latest + " — " + st.ui.PageOf + " " + strconv.Itoa(page) + " — " + st.settings.SiteName
	}
	p.Description = st.ui.Footer
	p.Canonical = st.origin + pageURL(home, page)
	p.PrevURL, p.NextURL = st.abs(p.Pager.PrevURL), st.abs(p.Pager.NextURL)
	p.Meta = listMeta(&p.basePage, st)
	org, err := st.organization()
	if err != nil {
		return err
	}
	p.JSONLD = []template.JS{org}
	return s.render(w, r, http.StatusOK, "home", p, noValidators)
}

// latestFilter selects page N of the edition's latest stories. Without
// stories chosen by the desk, the first of page 1 is the top story. With
// them, the chosen ones lead page 1 and the latest stories, leaving them
// out, follow in pages of one fewer, since the chosen top story stands
// where the newest would have. No story is left out of every page, and
// none is on two.
func latestFilter(edition string, curated []news.Story, page int) news.StoryFilter {
	f := news.StoryFilter{Edition: edition, Status: news.StatusPublished, Limit: homeListSize, Page: page}
	if len(curated) > 0 {
		f.Limit = homeListSize - 1
		for i := range curated {
			f.Exclude = append(f.Exclude, curated[i].ID)
		}
	}
	return f
}

// sectionBlocks reads the latest stories of every section, in navigation
// order, leaving out those already listed above them. A section with nothing
// left to show gets no block: its stories, if any, are in the list above.
// That is one small indexed query per section, read in full by the reader
// scrolling down, so no section (however new) is reachable only from the menu.
func (s *Server) sectionBlocks(r *http.Request, st *site, shown []news.Story) ([]sectionBlock, error) {
	ctx := r.Context()
	exclude := make([]int64, len(shown))
	for i := range shown {
		exclude[i] = shown[i].ID
	}
	var blocks []sectionBlock
	for _, sec := range st.sections {
		f := sectionFilter(sec, 1, homeBlockSize)
		f.Exclude, f.NoTotal = exclude, true // blocks show no page count
		l, err := s.store.ListStories(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("web: home block %s/%s: %w", st.ed.Code, sec.Slug, err)
		}
		if len(l.Stories) == 0 {
			continue
		}
		addKeys(r, storyKeys(l.Stories)...)
		blocks = append(blocks, sectionBlock{
			Section: navLink{Name: sec.Name, URL: st.path("/" + sec.Slug + "/")},
			Stories: withoutSection(st.cards(l.Stories, blockLeadRunes)),
		})
	}
	return blocks, nil
}

// popularTTL is how long the popular topics of an edition are reused.
// Counting every published story's tags takes tens of milliseconds at
// 100,000 stories, and a ranking a few minutes old is as good as a fresh one.
// While the page cache is watched, a change to any tag's stories or name
// drops the lists at once (keysChanged), so a renamed tag never lingers.
const popularTTL = 5 * time.Minute

// popularTopics is one edition's popular tags as last read.
type popularTopics struct {
	tags []news.Tag
	read time.Time
}

// keysChanged drops what the server keeps beside the page cache when a
// change touched it: the navigation on a change to editions or sections,
// the popular topics on a change to any tag's stories (or name).
func (s *Server) keysChanged(keys []string) {
	nav, tags := false, false
	for _, k := range keys {
		nav = nav || k == news.KeyEditions || k == news.KeySite || strings.HasPrefix(k, "nav:")
		tags = tags || strings.HasPrefix(k, "t:")
	}
	if nav {
		s.nav.reset()
	}
	if tags {
		s.popularMu.Lock()
		s.popularGen++
		clear(s.popular)
		s.popularMu.Unlock()
	}
}

// popularTags returns the edition's most used tags, reading them from the
// store at most once per popularTTL.
func (s *Server) popularTags(ctx context.Context, edition string) ([]news.Tag, error) {
	s.popularMu.Lock()
	p, ok := s.popular[edition]
	gen := s.popularGen
	s.popularMu.Unlock()
	if ok && time.Since(p.read) < popularTTL {
		return p.tags, nil
	}
	tags, err := s.store.PopularTags(ctx, edition, homeTopics)
	if err != nil {
		return nil, fmt.Errorf("web: popular tags of %s: %w", edition, err)
	}
	s.popularMu.Lock()
	if s.popularGen == gen { // else a tag changed while reading
		s.popular[edition] = popularTopics{tags: tags, read: time.Now()}
	}
	s.popularMu.Unlock()
	return tags, nil
}

// health answers GET /healthz: 200 when the database answers, else 503.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	err := s.store.Ping(ctx)
	if err != nil && respond.ClientGone(r) {
		s.log.DebugContext(ctx, "client went away", "method", r.Method, "path", r.URL.Path, "err", err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err != nil {
		s.log.ErrorContext(ctx, "health check failed", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("unavailable\n"))
		return
	}
	_, _ = w.Write([]byte("ok\n"))
}
