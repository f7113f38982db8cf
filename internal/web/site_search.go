package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// The search page and the search API take the same parameters:
//
//	q        the query: words, "phrases", -excluded, OR
//	edition  an edition's code, or "all"; the page's own edition by default
//	section  a section's slug (of the edition searched)
//	tag      a tag's slug (of the edition searched)
//	author   an author's slug
//	media    video, photos or audio
//	from, to dates (YYYY-MM-DD) in the edition's time zone, both inclusive
//	sort     relevance (the default) or newest
//	page     the page, from 1
//
// No query text is an error: any text finds stories or none. A section,
// tag or author that does not exist finds none. A malformed date, media
// type, sort or page is refused with a message.

// searchCacheControl keeps searches out of shared caches: a story must
// be found the moment it is published and not a minute later.
const searchCacheControl = "private, max-age=0"

// searchForm is the search as typed, so that the form comes back as sent.
type searchForm struct {
	Q, Edition, Section, Tag, Author, Media, From, To, Sort string
	Page                                                    int
}

func readSearchForm(v url.Values) searchForm {
	f := searchForm{
		Q: strings.TrimSpace(v.Get("q")), Edition: v.Get("edition"), Section: v.Get("section"), Tag: v.Get("tag"),
		Author: v.Get("author"), Media: v.Get("media"), From: v.Get("from"), To: v.Get("to"), Sort: v.Get("sort"),
	}
	f.Page = 1
	if p := v.Get("page"); p != "" {
		f.Page, _ = strconv.Atoi(p)
	}
	return f
}

// values returns the form as URL parameters, leaving out what is unset.
func (f searchForm) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"q": f.Q, "edition": f.Edition, "section": f.Section, "tag": f.Tag,
		"author": f.Author, "media": f.Media, "from": f.From, "to": f.To, "sort": f.Sort} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if f.Page > 1 {
		v.Set("page", strconv.Itoa(f.Page))
	}
	return v
}

// url is the address of the search at path with f's parameters, changed
// by edit when it is not nil.
func (f searchForm) url(path string, edit func(*searchForm)) string {
	if edit != nil {
		edit(&f)
	}
	if v := f.values().Encode(); v != "" {
		return path + "?" + v
	}
	return path
}

// searchQuery turns the form into a store query for the site's edition.
// ok is false when a filter names nothing that exists, so that nothing
// can be found.
func (s *Server) searchQuery(ctx context.Context, st *site, f searchForm) (q news.SearchQuery, ok bool, err error) {
	v := news.ValidationErrors{}
	q = news.SearchQuery{Text: f.Q, Edition: st.ed.Code, Page: f.Page, Facets: true}
	switch f.Edition {
	case "":
	case "all":
		q.Edition = ""
	default:
		q.Edition = f.Edition
	}
	switch f.Sort {
	case "", string(news.SortRelevance), string(news.SortNewest):
		q.Sort = news.ParseSearchSort(f.Sort)
	default:
		v.Add("sort", "must be relevance or newest")
	}
	if f.Media != "" {
		if l, lok := news.ParseMediaLabel(f.Media); lok {
			q.Media = l
		} else {
			v.Add("media", "must be video, photos or audio")
		}
	}
	if f.Page < 1 || f.Page > news.MaxSearchPage {
		v.Add("page", fmt.Sprintf("must be a number from 1 to %d", news.MaxSearchPage))
	}
	if q.From, err = searchDate(f.From, st.loc, 0); err != nil {
		v.Add("from", err.Error())
	}
	if q.To, err = searchDate(f.To, st.loc, 1); err != nil {
		v.Add("to", err.Error())
	}
	if err := v.Err("search"); err != nil {
		return q, false, err
	}
	return s.resolveSearchFilters(ctx, q, f)
}

// searchDate reads a date of the form, as the start of that day in loc
// plus days days; "" is no date.
func searchDate(s string, loc *time.Location, days int) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return time.Time{}, errors.New("must be a date such as 2024-12-31")
	}
	return t.AddDate(0, 0, days), nil
}

// resolveSearchFilters looks up the section, tag and author the form
// names by slug.
func (s *Server) resolveSearchFilters(ctx context.Context, q news.SearchQuery, f searchForm) (news.SearchQuery, bool, error) {
	if f.Section != "" {
		if q.Edition == "" || !news.ValidSlug(f.Section) {
			return q, false, nil
		}
		sec, err := s.store.SectionBySlug(ctx, q.Edition, f.Section)
		if errors.Is(err, news.ErrNotFound) {
			return q, false, nil
		} else if err != nil {
			return q, false, err
		}
		q.SectionID = sec.ID
	}
	if f.Tag != "" {
		if q.Edition == "" || !news.ValidSlug(f.Tag) {
			return q, false, nil
		}
		tag, err := s.store.TagBySlug(ctx, q.Edition, f.Tag)
		if errors.Is(err, news.ErrNotFound) {
			return q, false, nil
		} else if err != nil {
			return q, false, err
		}
		q.TagID = tag.ID
	}
	if f.Author != "" {
		authors, err := s.store.Authors(ctx)
		if err != nil {
			return q, false, err
		}
		for _, a := range authors {
			if a.Slug == f.Author {
				q.AuthorID = a.ID
			}
		}
		if q.AuthorID == 0 {
			return q, false, nil
		}
	}
	return q, true, nil
}

// marked renders fragments as HTML: every fragment escaped, the marked
// ones in <mark>.
func marked(fs []news.Fragment) template.HTML {
	var b strings.Builder
	for _, f := range fs {
		if f.Mark {
			b.WriteString("<mark>")
		}
		b.WriteString(template.HTMLEscapeString(f.Text))
		if f.Mark {
			b.WriteString("</mark>")
		}
	}
	return template.HTML(b.String())
}

// editionPrefixes maps edition codes to their URL prefixes, so that
// results of every edition link to their own pages.
func editionPrefixes(eds []news.Edition) map[string]string {
	m := make(map[string]string, len(eds))
	for _, e := range eds {
		m[e.Code] = e.PathPrefix()
	}
	return m
}
