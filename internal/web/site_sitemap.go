package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/feeds"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// Sitemaps: /sitemap.xml indexes, for each edition, its pages (front page,
// sections, tags, authors, podcasts) and its stories in sitemaps of sitemapSize,
// newest first, and one news sitemap of every edition's last two days.
// /robots.txt points to the index.

const (
	sitemapSize = 10000
	newsWindow  = 48 * time.Hour
	newsMax     = 1000 // Google News reads at most this many
)

// robots serves /robots.txt: everything but the desk and readers' pages
// may be crawled, and the sitemap index is named.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) error {
	body := "User-agent: *\nDisallow: /desk/\nDisallow: /account/\nDisallow: /api/\n\nSitemap: " + s.baseURL(r) + "/sitemap.xml\n"
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", pageMaxAge)
	http.ServeContent(w, r, "", noValidators, strings.NewReader(body))
	return nil
}

// sitemapIndex serves /sitemap.xml.
func (s *Server) sitemapIndex(w http.ResponseWriter, r *http.Request) error {
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return err
	}
	base := s.baseURL(r)
	var maps []feeds.SitemapRef
	for _, ed := range eds {
		n, err := s.store.PublishedCount(r.Context(), ed.Code)
		if err != nil {
			return err
		}
		maps = append(maps, feeds.SitemapRef{Loc: base + "/sitemaps/" + ed.Code + "-pages.xml"})
		for page := 1; page <= (n+sitemapSize-1)/sitemapSize; page++ {
			maps = append(maps, feeds.SitemapRef{Loc: base + "/sitemaps/" + ed.Code + "-stories-" + strconv.Itoa(page) + ".xml"})
		}
	}
	maps = append(maps, feeds.SitemapRef{Loc: base + "/sitemaps/news.xml"})
	addKeys(r, news.KeySitemap, news.KeyEditions)
	return writeXML(w, r, func(b *bytes.Buffer) error { return feeds.WriteSitemapIndex(b, maps) })
}

// sitemap serves /sitemaps/{file}: "news.xml", "{edition}-pages.xml" or
// "{edition}-stories-{n}.xml".
func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) error {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".xml")
	if !ok {
		return errNotFound
	}
	if name == "news" {
		return s.newsSitemap(w, r)
	}
	code, rest, _ := strings.Cut(name, "-")
	st, err := s.loadSite(r, code)
	if err != nil || code == "" {
		return errNotFound
	}
	addKeys(r, news.KeySitemap, news.KeyEditions, news.NavKey(st.ed.Code))
	if rest == "pages" {
		return s.pagesSitemap(w, r, st)
	}
	pageText, ok := strings.CutPrefix(rest, "stories-")
	page, err := strconv.Atoi(pageText)
	if !ok || err != nil || page < 1 || strconv.Itoa(page) != pageText {
		return errNotFound
	}
	links, err := s.store.StoryLinks(r.Context(), st.ed.Code, page, sitemapSize)
	if err != nil {
		return err
	}
	if len(links) == 0 && page > 1 {
		return errNotFound
	}
	translations, err := s.translationsOf(r, links)
	if err != nil {
		return err
	}
	urls := make([]feeds.SitemapURL, len(links))
	for i, l := range links {
		urls[i] = feeds.SitemapURL{Loc: st.abs(st.path(l.Path())), LastMod: l.Modified(), Alternates: st.hreflangs(l, translations)}
	}
	return writeXML(w, r, func(b *bytes.Buffer) error { return feeds.WriteSitemap(b, urls) })
}

// pagesSitemap lists an edition's pages other than stories.
func (s *Server) pagesSitemap(w http.ResponseWriter, r *http.Request, st *site) error {
	urls := []feeds.SitemapURL{{Loc: st.abs(st.path("/"))}}
	for _, sec := range st.sections {
		urls = append(urls, feeds.SitemapURL{Loc: st.abs(st.path("/" + sec.Slug + "/"))})
	}
	tags, err := s.store.PublishedTags(r.Context(), st.ed.Code)
	if err != nil {
		return err
	}
	for _, t := range tags {
		urls = append(urls, feeds.SitemapURL{Loc: st.abs(st.path("/tags/" + t.Slug))})
	}
	authors, err := s.store.PublishedAuthors(r.Context(), st.ed.Code)
	if err != nil {
		return err
	}
	for _, a := range authors {
		urls = append(urls, feeds.SitemapURL{Loc: st.abs(st.path(authorPath(a)))})
	}
	shows, err := s.store.Shows(r.Context(), st.ed.Code)
	if err != nil {
		return err
	}
	if len(shows) > 0 {
		urls = append(urls, feeds.SitemapURL{Loc: st.abs(st.path("/podcasts/"))})
	}
	for _, sh := range shows {
		urls = append(urls, feeds.SitemapURL{Loc: st.abs(st.path(sh.Path()))})
		eps, err := s.store.Episodes(r.Context(), store.EpisodeFilter{ShowID: sh.ID, Published: true, Limit: sitemapSize})
		if err != nil {
			return err
		}
		for _, e := range eps {
			urls = append(urls, feeds.SitemapURL{Loc: st.abs(st.path(e.Path(sh))), LastMod: e.PublishedAt})
		}
	}
	return writeXML(w, r, func(b *bytes.Buffer) error { return feeds.WriteSitemap(b, urls) })
}

// newsSitemap lists every edition's stories of the last two days in
// Google News' format.
func (s *Server) newsSitemap(w http.ResponseWriter, r *http.Request) error {
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return err
	}
	sites := map[string]*site{}
	for _, ed := range eds {
		if sites[ed.Code], err = s.siteFor(r, eds, ed); err != nil {
			return err
		}
	}
	links, err := s.store.RecentStoryLinks(r.Context(), time.Now().Add(-newsWindow), newsMax)
	if err != nil {
		return err
	}
	translations, err := s.translationsOf(r, links)
	if err != nil {
		return err
	}
	urls := make([]feeds.SitemapURL, 0, len(links))
	for _, l := range links {
		st, ok := sites[l.Edition]
		if !ok {
			continue
		}
		urls = append(urls, feeds.SitemapURL{
			Loc: st.abs(st.path(l.Path())), Alternates: st.hreflangs(l, translations),
			News: &feeds.NewsEntry{Publication: st.settings.SiteName, Language: newsLanguage(st.ed.Language), Published: l.PublishedAt, Title: l.Headline},
		})
	}
	addKeys(r, news.KeySitemap, news.KeyEditions, news.KeySite)
	return writeXML(w, r, func(b *bytes.Buffer) error { return feeds.WriteSitemap(b, urls) })
}

// newsLanguage is a language as Google News names it: ISO 639 in lower
// case, with the script of Chinese ("zh-cn", "zh-tw").
func newsLanguage(tag string) string {
	tag = strings.ToLower(tag)
	if strings.HasPrefix(tag, "zh-") {
		return tag
	}
	lang, _, _ := strings.Cut(tag, "-")
	return lang
}

// translationsOf returns the published translations of the stories that
// have some, by translation group.
func (s *Server) translationsOf(r *http.Request, links []news.StoryLink) (map[int64][]news.StoryLink, error) {
	var groups []int64
	for _, l := range links {
		if l.TranslationGroup != 0 {
			groups = append(groups, l.TranslationGroup)
		}
	}
	return s.store.TranslationLinks(r.Context(), groups)
}

// hreflangs are the alternates of a story that has published translations:
// itself and each of them, by language; none otherwise.
func (st *site) hreflangs(l news.StoryLink, translations map[int64][]news.StoryLink) []feeds.Alternate {
	group := translations[l.TranslationGroup]
	if l.TranslationGroup == 0 || len(group) < 2 {
		return nil
	}
	var alts []feeds.Alternate
	for _, t := range group {
		ed, ok := news.FindEdition(st.editions, t.Edition)
		if !ok {
			continue
		}
		alts = append(alts, feeds.Alternate{Hreflang: ed.Language, Href: st.abs(ed.PathPrefix() + t.Path())})
	}
	return alts
}

// writeXML writes what write makes as a cacheable XML document.
func writeXML(w http.ResponseWriter, r *http.Request, write func(*bytes.Buffer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return fmt.Errorf("web: %s: %w", r.URL.Path, err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/xml; charset=utf-8")
	h.Set("Cache-Control", pageMaxAge)
	h.Set("ETag", contentETag(buf.Bytes()))
	http.ServeContent(w, r, "", noValidators, bytes.NewReader(buf.Bytes()))
	return nil
}
