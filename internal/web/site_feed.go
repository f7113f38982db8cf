package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/feeds"
	"newsdesk/internal/news"
)

// feedSize is how many stories a feed carries, newest first.
const feedSize = 30

// feedFormat is one syndication format, named by the last segment of its
// URL: a page's feeds are its path followed by feed.xml (RSS), feed.atom
// or feed.json.
type feedFormat struct {
	file        string
	contentType string
	title       string // for autodiscovery links
	write       func(io.Writer, feeds.Feed) error
}

var feedFormats = []feedFormat{
	{"feed.xml", "application/rss+xml", "RSS", feeds.WriteRSS},
	{"feed.atom", "application/atom+xml", "Atom", feeds.WriteAtom},
	{"feed.json", "application/feed+json", "JSON Feed", feeds.WriteJSON},
}

// feedFormatOf returns the format a URL segment names.
func feedFormatOf(file string) (feedFormat, bool) {
	for _, f := range feedFormats {
		if f.file == file {
			return f, true
		}
	}
	return feedFormat{}, false
}

// feedPath picks the feed handler for a request that the routes of
// sections, stories and tags matched with a feed's file name as their last
// segment: "/{edition or section}/feed.xml", "/{edition}/{section}/feed.xml"
// "/tags/{tag}/feed.xml" and "/authors/{author}/feed.xml". It returns nil
// for every other request.
func (s *Server) feedPath(r *http.Request) handlerFunc {
	last := r.PathValue("story")
	if _, ok := feedFormatOf(last); !ok {
		return nil
	}
	r.SetPathValue("feed", last)
	edition, section := r.PathValue("edition"), r.PathValue("section")
	switch {
	case edition == "":
		// "/ru/feed.xml" or "/world/feed.xml".
		return s.editionOrSectionFeed
	case edition == "tags":
		r.SetPathValue("edition", "")
		r.SetPathValue("tag", section)
		return s.tagFeed
	case edition == "authors":
		r.SetPathValue("edition", "")
		r.SetPathValue("author", section)
		return s.authorFeed
	}
	return s.sectionFeed
}

// editionFeed serves "/feed.xml" and its siblings: the default edition's
// latest stories.
func (s *Server) editionFeed(w http.ResponseWriter, r *http.Request) error {
	r.SetPathValue("feed", strings.TrimPrefix(r.URL.Path, "/"))
	st, err := s.loadSite(r, "")
	if err != nil {
		return err
	}
	return s.serveFeed(w, r, st, st.ed.Name, "/", news.StoryFilter{Edition: st.ed.Code}, news.EditionKey(st.ed.Code))
}

// editionOrSectionFeed serves "/{first}/feed.xml": an edition's feed when
// first is an edition code, else a section of the default edition's.
func (s *Server) editionOrSectionFeed(w http.ResponseWriter, r *http.Request) error {
	first := r.PathValue("section")
	st, err := s.loadSite(r, first)
	if err == nil {
		return s.serveFeed(w, r, st, st.ed.Name, "/", news.StoryFilter{Edition: st.ed.Code}, news.EditionKey(st.ed.Code))
	}
	if !errors.Is(err, news.ErrNotFound) {
		return err
	}
	if st, err = s.loadSite(r, ""); err != nil {
		return err
	}
	return s.renderSectionFeed(w, r, st, first)
}

// sectionFeed serves "/{edition}/{section}/feed.xml".
func (s *Server) sectionFeed(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadSite(r, r.PathValue("edition"))
	if err != nil || st.ed.Default {
		// The default edition's sections have no prefix.
		return errNotFound
	}
	return s.renderSectionFeed(w, r, st, r.PathValue("section"))
}

func (s *Server) renderSectionFeed(w http.ResponseWriter, r *http.Request, st *site, slug string) error {
	sec, ok := st.section(slug)
	if !ok {
		return errNotFound
	}
	f := sectionFilter(sec, 1, 0)
	return s.serveFeed(w, r, st, sec.Name, "/"+sec.Slug+"/", f, news.SectionKey(sec.ID))
}

// tagFeed serves "/tags/{tag}/feed.xml" and "/{edition}/tags/{tag}/feed.xml".
func (s *Server) tagFeed(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadSite(r, r.PathValue("edition"))
	if err != nil {
		return err
	}
	if r.PathValue("edition") != "" && st.ed.Default {
		return errNotFound
	}
	if _, ok := feedFormatOf(r.PathValue("feed")); !ok {
		return errNotFound
	}
	tag, err := s.store.TagBySlug(r.Context(), st.ed.Code, r.PathValue("tag"))
	if err != nil {
		return fmt.Errorf("web: tag feed %s/%s: %w", st.ed.Code, r.PathValue("tag"), err)
	}
	f := news.StoryFilter{Edition: st.ed.Code, TagID: tag.ID}
	return s.serveFeed(w, r, st, tag.Name, "/tags/"+tag.Slug, f, news.TagKey(tag.ID))
}

// serveFeed writes the feed of the stories f selects, in the format the
// URL names. path is the page the feed follows, within the edition.
func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request, st *site, title, path string, f news.StoryFilter, key string) error {
	format, ok := feedFormatOf(r.PathValue("feed"))
	if !ok {
		return errNotFound
	}
	f.Status, f.Page, f.Limit = news.StatusPublished, 1, feedSize
	list, err := s.store.ListStories(r.Context(), f)
	if err != nil {
		return fmt.Errorf("web: feed of %s: %w", path, err)
	}
	media, err := s.store.StoriesMedia(r.Context(), storyIDs(list.Stories))
	if err != nil {
		return fmt.Errorf("web: feed of %s: %w", path, err)
	}
	for i := range list.Stories {
		list.Stories[i].Media = media[list.Stories[i].ID]
	}
	addKeys(r, news.KeyFeed, news.KeySite, key)
	addKeys(r, storyKeys(list.Stories)...)
	feed := st.feed(title, path, format, list.Stories)
	var buf bytes.Buffer
	if err := format.write(&buf, feed); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", format.contentType+"; charset=utf-8")
	h.Set("Cache-Control", pageMaxAge)
	h.Set("ETag", contentETag(buf.Bytes()))
	http.ServeContent(w, r, "", feed.Updated, bytes.NewReader(buf.Bytes()))
	return nil
}

// feed builds the feed of a page of the edition from its stories: full
// text, or summaries when the site's settings say so.
func (st *site) feed(title, path string, format feedFormat, stories []news.Story) feeds.Feed {
	name := st.settings.SiteName
	if title != "" && title != name {
		title += " — " + name
	}
	f := feeds.Feed{
		Title:    title,
		Language: st.ed.Language,
		Link:     st.abs(st.path(path)),
		Self:     st.abs(st.path(strings.TrimSuffix(path, "/") + "/" + format.file)),
	}
	for i := range stories {
		x := &stories[i]
		item := feeds.Item{
			ID:         storyTagURI(st.origin, x),
			URL:        st.abs(st.path(x.Path())),
			Title:      x.Headline,
			Summary:    x.Lead,
			Published:  x.PublishedAt,
			Updated:    x.UpdatedAt,
			Categories: []string{x.Section.Name},
			Image:      st.absURL(x.FeaturedImage),
		}
		if !st.settings.FeedSummary {
			item.ContentHTML = x.Body
		}
		for _, b := range x.Bylines {
			item.Authors = append(item.Authors, b.Name)
		}
		for _, t := range x.Tags {
			item.Categories = append(item.Categories, t.Name)
		}
		st.addEnclosures(&item, x.Media)
		if m := x.Modified(); m.After(f.Updated) {
			f.Updated = m
		}
		f.Items = append(f.Items, item)
	}
	return f
}

// addEnclosures attaches a story's media to its feed item: its lead video
// or image, its audio and its attached files, in that order, since RSS
// readers take the first. A lead image is also the item's image. Gallery
// pictures stay on the page.
func (st *site) addEnclosures(item *feeds.Item, media []news.StoryMedia) {
	for _, role := range []news.MediaRole{news.RoleLead, news.RoleAudio, news.RoleAttachment} {
		for _, sm := range media {
			if sm.Role != role {
				continue
			}
			m := sm.Media
			item.Enclosures = append(item.Enclosures, feeds.Enclosure{URL: st.abs(m.URL()), Type: m.MIME, Length: m.Size})
			if role == news.RoleLead && m.Kind == news.MediaImage && item.Image == "" {
				item.Image = st.abs(m.URL())
			}
		}
	}
}

// storyIDs lists the stories' ids.
func storyIDs(sts []news.Story) []int64 {
	ids := make([]int64, len(sts))
	for i := range sts {
		ids[i] = sts[i].ID
	}
	return ids
}

// storyTagURI is a story's id in feeds, a tag URI (RFC 4151) of the site's
// host, the day it was first published and its number: unlike its address,
// it stays the same when its headline, slug or section change.
func storyTagURI(origin string, x *news.Story) string {
	host := origin
	if u, err := url.Parse(origin); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	return "tag:" + host + "," + x.PublishedAt.UTC().Format(time.DateOnly) + ":story:" + strconv.FormatInt(x.ID, 10)
}

// absURL makes a site-relative URL absolute, leaving others as they are.
func (st *site) absURL(u string) string {
	if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
		return st.abs(u)
	}
	return u
}

// feedLinks are the autodiscovery links of a page whose feeds follow path
// within the edition: one per format.
func (st *site) feedLinks(title, path string) []alternateLink {
	name := st.settings.SiteName
	if title != "" && title != name {
		title += " — " + name
	}
	links := make([]alternateLink, len(feedFormats))
	for i, f := range feedFormats {
		links[i] = alternateLink{Title: title + " (" + f.title + ")", Type: f.contentType, URL: st.abs(st.path(strings.TrimSuffix(path, "/") + "/" + f.file))}
	}
	return links
}

// alternateLink is a <link rel="alternate"> in a page's head: a feed of
// the page, its oEmbed description, or (with Hreflang) its translation.
type alternateLink struct {
	Title, Type, URL string
	Hreflang         string
}
