package desk

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/web/words"
)

// allEditions is the edition filter's value for every edition at once.
const allEditions = "all"

// deskStoriesPage is the data of templates/stories.html: the desk's
// list of stories with its filters.
type deskStoriesPage struct {
	deskPage
	Filter   storiesForm
	Errors   formError
	Tabs     []statusTab
	Sections []news.Section // of the chosen edition; none for every edition
	Authors  []news.Author
	Rows     []storyRow
	Total    int
	Page     int
	Pages    int
	PrevURL  string
	NextURL  string
}

// storiesText is what the story list says.
type storiesText struct {
	Title, Filter, StatusProblem, EveryStatus, HeadlineContains, QueryPlaceholder string // StatusProblem: %s, the problem
	AllEditions, AnySection, Tag, TagPlaceholder, Byline, Anyone, OnlyMine        string
	Clear, Headline, When, NoMatch, FixFilters, All                               string
	Total                                                                         words.Plural
	TotalPages                                                                    string // ", page %d of %d"
	Tabs                                                                          map[news.Status]string
	// What a row says happened last, before its time.
	Started, Published, Due, Dated string
	// The filters' problems.
	NoEdition, NoStatus, NoSection, OtherEdition, TagNeedsEdition, NoTag, NoAuthor string
}

// storiesForm is the filter form as typed, so that it comes back as it
// was sent, mistakes included.
type storiesForm struct {
	Status, Edition, Section, Tag, Author, Query string
	Mine                                         bool
	Page                                         int
}

// statusTab is one status in the filter, with its count.
type statusTab struct {
	Label   string
	Count   int
	URL     string
	Current bool
}

// storyRow is a story as the desk's lists show it.
type storyRow struct {
	ID        int64
	Headline  string
	Status    news.Status
	Edition   string
	Section   string
	Bylines   []string
	When      string // what happened last and when: "Published 2 Jan 2018 15:04"
	DateTime  string // the same time for <time datetime>
	EditURL   string
	PublicURL string // empty unless published
}

// deskStories serves GET /desk/stories: every story staff can open, newest
// first (drafts by when they were started), filtered by status, edition,
// section, tag, byline, owner and headline, twenty to a page.
func (s *Desk) deskStories(w http.ResponseWriter, r *http.Request, u news.User) error {
	ctx := r.Context()
	p := &deskStoriesPage{}
	var err error
	if p.deskPage, err = s.newDeskPage(r, u, "stories"); err != nil {
		return err
	}
	p.Title = p.T.Stories.Title
	form := readStoriesForm(r.URL.Query())
	f, errs, err := s.storiesFilter(r, u, p.deskPage, &form)
	if err != nil {
		return err
	}
	p.Filter = form
	if form.Edition != allEditions {
		if p.Sections, err = s.store.Sections(ctx, form.Edition); err != nil {
			return err
		}
	}
	if p.Authors, err = s.store.Authors(ctx); err != nil {
		return err
	}
	if len(errs) > 0 {
		p.Errors = formError{Message: p.T.Stories.FixFilters, Fields: errs}
		return s.renderDesk(w, r, http.StatusBadRequest, "stories", p)
	}
	counts, err := s.store.StatusCounts(ctx, f)
	if err != nil {
		return err
	}
	p.Tabs = statusTabs(p.T.Stories, form, counts)
	list, err := s.store.ListStories(ctx, f)
	if err != nil {
		return err
	}
	p.Total, p.Page, p.Pages = list.Total, list.Page, list.Pages
	if p.Page > 1 {
		p.PrevURL = form.url(func(v url.Values) { setPage(v, p.Page-1) })
	}
	if p.Page < p.Pages {
		p.NextURL = form.url(func(v url.Values) { setPage(v, p.Page+1) })
	}
	p.Rows = s.deskRows(p.T, list.Stories, p.Editions)
	return s.renderDesk(w, r, http.StatusOK, "stories", p)
}

func readStoriesForm(q url.Values) storiesForm {
	f := storiesForm{
		Status: q.Get("status"), Edition: q.Get("edition"), Section: q.Get("section"),
		Tag: strings.TrimSpace(q.Get("tag")), Author: q.Get("author"),
		Query: strings.TrimSpace(q.Get("q")), Mine: q.Get("mine") != "",
	}
	f.Page, _ = strconv.Atoi(q.Get("page"))
	f.Page = max(f.Page, 1)
	return f
}

// storiesFilter turns the form into a story filter, with a message for
// each field that names nothing. An empty edition is the default one.
func (s *Desk) storiesFilter(r *http.Request, u news.User, dp deskPage, form *storiesForm) (news.StoryFilter, map[string]string, error) {
	ctx := r.Context()
	eds, say := dp.Editions, dp.T.Stories
	errs := map[string]string{}
	f := news.StoryFilter{DeskOrder: true, Query: form.Query, Page: form.Page}
	if form.Edition == "" {
		if ed, ok := news.FindEdition(eds, ""); ok {
			form.Edition = ed.Code
		} else {
			form.Edition = allEditions
		}
	}
	if form.Edition != allEditions {
		if _, ok := news.FindEdition(eds, form.Edition); !ok {
			errs["edition"] = fmt.Sprintf(say.NoEdition, form.Edition)
		}
		f.Edition = form.Edition
	}
	if form.Status != "" {
		if !news.Status(form.Status).Valid() {
			errs["status"] = fmt.Sprintf(say.NoStatus, form.Status)
		}
		f.Status = news.Status(form.Status)
	}
	if form.Section != "" {
		id, err := strconv.ParseInt(form.Section, 10, 64)
		sec, serr := s.store.Section(ctx, id)
		switch {
		case err != nil || errors.Is(serr, news.ErrNotFound):
			errs["section"] = say.NoSection
		case serr != nil:
			return f, nil, serr
		case f.Edition != "" && sec.Edition != f.Edition:
			errs["section"] = fmt.Sprintf(say.OtherEdition, sec.Name, sec.Edition)
		}
		f.SectionID = id
	}
	if form.Tag != "" {
		if f.Edition == "" {
			errs["tag"] = say.TagNeedsEdition
		} else {
			tag, err := s.store.TagBySlug(ctx, f.Edition, news.Slugify(form.Tag))
			switch {
			case errors.Is(err, news.ErrNotFound):
				errs["tag"] = fmt.Sprintf(say.NoTag, f.Edition, form.Tag)
			case err != nil:
				return f, nil, err
			}
			f.TagID = tag.ID
		}
	}
	if form.Author != "" {
		id, err := strconv.ParseInt(form.Author, 10, 64)
		if err != nil || id <= 0 {
			errs["author"] = say.NoAuthor
		}
		f.AuthorID = id
	}
	if form.Mine {
		f.OwnerID = u.ID
	}
	return f, errs, nil
}

// url is the list's address with the form's filters, changed by edit.
func (f storiesForm) url(edit func(url.Values)) string {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("status", f.Status)
	set("edition", f.Edition)
	set("section", f.Section)
	set("tag", f.Tag)
	set("author", f.Author)
	set("q", f.Query)
	if f.Mine {
		v.Set("mine", "1")
	}
	if edit != nil {
		edit(v)
	}
	if len(v) == 0 {
		return "/desk/stories"
	}
	return "/desk/stories?" + v.Encode()
}

func setPage(v url.Values, n int) {
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
}

// statusTabs lists "All" (every status but trashed) and each status with
// its count, in the words t; choosing one starts again at page 1.
func statusTabs(t *storiesText, form storiesForm, counts map[news.Status]int) []statusTab {
	all := 0
	for st, n := range counts {
		if st != news.StatusTrashed {
			all += n
		}
	}
	tabs := []statusTab{{Label: t.All, Count: all, Current: form.Status == "",
		URL: form.url(func(v url.Values) { v.Del("status") })}}
	for _, st := range news.Statuses {
		tabs = append(tabs, statusTab{
			Label: t.Tabs[st], Count: counts[st], Current: form.Status == string(st),
			URL: form.url(func(v url.Values) { v.Set("status", string(st)) }),
		})
	}
	return tabs
}

// deskRows prepares stories for a desk list in the words t.
func (s *Desk) deskRows(t *deskText, sts []news.Story, eds []news.Edition) []storyRow {
	rows := make([]storyRow, len(sts))
	for i := range sts {
		ed, _ := news.FindEdition(eds, sts[i].Edition)
		rows[i] = deskRow(t, &sts[i], ed, s.location(ed))
	}
	return rows
}

// deskRow prepares a story of edition ed, in time zone loc, for a desk list.
func deskRow(t *deskText, st *news.Story, ed news.Edition, loc *time.Location) storyRow {
	row := storyRow{
		ID: st.ID, Headline: st.Headline, Status: st.Status, Edition: st.Edition, Section: st.Section.Name,
		EditURL: "/desk/stories/" + strconv.FormatInt(st.ID, 10),
	}
	for _, a := range st.Bylines {
		row.Bylines = append(row.Bylines, a.Name)
	}
	at, verb := st.CreatedAt, t.Stories.Started
	switch st.Status {
	case news.StatusPublished:
		at, verb = st.PublishedAt, t.Stories.Published
		row.PublicURL = ed.PathPrefix() + st.Path()
	case news.StatusScheduled:
		at, verb = st.PublishedAt, t.Stories.Due
	default:
		if !st.PublishedAt.IsZero() {
			at, verb = st.PublishedAt, t.Stories.Dated
		}
	}
	if !at.IsZero() {
		row.When = verb + " " + t.Time(at, loc)
		row.DateTime = at.UTC().Format(time.RFC3339)
	}
	return row
}
