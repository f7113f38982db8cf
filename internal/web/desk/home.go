package desk

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/session"
	"newsdesk/internal/web/storyedit"
	"newsdesk/internal/web/words"
)

// homeCandidates is how many recent stories the curation page offers.
const homeCandidates = 20

// deskHomePage is the data of templates/home.html: an edition's
// chosen stories in order, and published stories to add.
type deskHomePage struct {
	deskPage
	Edition    news.Edition
	Slots      []homeSlot
	Candidates []storyRow
	Query      string // the search among candidates
	Add        string // the add-by-number field as typed
	Errors     formError
	Max        int
	Full       bool
	SiteURL    string
}

// homeText is what the home page's order says.
type homeText struct {
	Title, OnHome, Intro, DragHint, MoveUp, MoveDown, MakeTop, Up, Down, TakeOff     string // Intro: %d, the most; MoveUp..TakeOff: %s, the headline
	MakeTopButton, NoneChosen, AddStory, Full, StoryRef, StoryRefPlaceholder         string
	AddFeatured, AddTop, FindPublished, FindLabel, PublishedStories, AddAs, AddAsTop string // AddAs, AddAsTop: %s, the headline
	Add, AddAsTopButton, NoMatch, NoneLeft, ViewHome                                 string // NoMatch: %s, the search
	TopStory, Featured                                                               string // Featured: %d, the place
	Saved, AddedTop, Added, MovedUp, MovedDown, MadeTop, TakenOff                    string
}

// homeSlot is one chosen story with its place.
type homeSlot struct {
	storyRow
	Label       string // "Top story", "Featured 2"
	First, Last bool
}

// deskHomeOrder serves GET /desk/home?edition=: the order of an edition's home
// page, to change with the buttons beside each story (plain forms) or by
// dragging them (desk-curate.js).
func (s *Desk) deskHomeOrder(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActCurateHome, nil); err != nil {
		return err
	}
	p, err := s.newDeskHomePage(r, u, r.URL.Query().Get("edition"))
	if err != nil {
		return err
	}
	p.Query = strings.TrimSpace(r.URL.Query().Get("q"))
	if err := s.fillHomePage(r, p); err != nil {
		return err
	}
	return s.renderDesk(w, r, http.StatusOK, "home", p)
}

// deskHomeOrderSave serves POST /desk/home: one change to the order, named by
// the form's action, then back to the page.
func (s *Desk) deskHomeOrderSave(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActCurateHome, nil); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return news.Errorf(news.ErrInvalid, "the form could not be read")
	}
	p, err := s.newDeskHomePage(r, u, r.PostForm.Get("edition"))
	if err != nil {
		return err
	}
	ctx := r.Context()
	current, err := s.store.HomeSlots(ctx, p.Edition.Code)
	if err != nil {
		return err
	}
	ids := make([]int64, len(current))
	for i := range current {
		ids[i] = current[i].ID
	}
	p.Add = strings.TrimSpace(r.PostForm.Get("add"))
	next, msg, err := reorder(ids, r.PostForm, p.T.Home)
	if err == nil {
		err = s.store.SetHomeSlots(ctx, p.Edition.Code, next)
	}
	if err != nil {
		return s.refuseHome(w, r, p, err)
	}
	s.sessions.Flash(r, msg)
	return deskRedirect(w, r, "/desk/home?edition="+url.QueryEscape(p.Edition.Code))
}

// reorder applies the form's action to the chosen ids and says what it
// did, in the words t.
func reorder(ids []int64, form url.Values, t *homeText) ([]int64, string, error) {
	action := form.Get("action")
	if action == "save" {
		order, err := formIDs(form["order"])
		return order, t.Saved, err
	}
	var id int64
	var err error
	if typed := strings.TrimSpace(form.Get("add")); typed != "" && strings.HasPrefix(action, "add") {
		if id, err = parseStoryRef(typed); err != nil {
			return nil, "", err
		}
	} else if id, err = strconv.ParseInt(form.Get("story"), 10, 64); err != nil || id <= 0 {
		return nil, "", storyedit.FieldError("add", "type a story number or paste its address")
	}
	i := slices.Index(ids, id)
	if strings.HasPrefix(action, "add") {
		if i >= 0 {
			return nil, "", storyedit.FieldError("add", fmt.Sprintf("story %d is on the home page already", id))
		}
		if action == "add-top" {
			return slices.Insert(slices.Clone(ids), 0, id), t.AddedTop, nil
		}
		return append(slices.Clone(ids), id), t.Added, nil
	}
	if i < 0 {
		return nil, "", news.Errorf(news.ErrConflict, "story %d is not on the home page any more: someone changed it meanwhile", id)
	}
	out := slices.Clone(ids)
	switch action {
	case "up":
		if i > 0 {
			out[i-1], out[i] = out[i], out[i-1]
		}
		return out, t.MovedUp, nil
	case "down":
		if i < len(out)-1 {
			out[i+1], out[i] = out[i], out[i+1]
		}
		return out, t.MovedDown, nil
	case "top":
		out = slices.Insert(slices.Delete(out, i, i+1), 0, id)
		return out, t.MadeTop, nil
	case "remove":
		return slices.Delete(out, i, i+1), t.TakenOff, nil
	}
	return nil, "", news.Errorf(news.ErrInvalid, "unknown action %q", action)
}

// formIDs reads story ids from form values.
func formIDs(vals []string) ([]int64, error) {
	ids := make([]int64, 0, len(vals))
	for _, v := range vals {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return nil, news.Errorf(news.ErrInvalid, "the order names %q, which is no story", v)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// parseStoryRef reads a story's number, or its address on the site or the
// desk: "/world/123-slug", "https://news.example/ru/mir/123", "/desk/stories/123".
func parseStoryRef(s string) (int64, error) {
	if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
		return id, nil
	}
	if u, err := url.Parse(s); err == nil && u.Path != "" {
		if id, ok := parseStorySegment(path.Base(u.Path)); ok {
			return id, nil
		}
	}
	return 0, storyedit.FieldError("add", "type a story number or paste its address")
}

// refuseHome shows the page again with what went wrong: beside the
// add field when the story typed there is at fault, else above the list.
func (s *Desk) refuseHome(w http.ResponseWriter, r *http.Request, p *deskHomePage, err error) error {
	fe, ok := asFormError(err, p.T)
	if !ok {
		return err
	}
	var e *news.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		if msg, ok := fe.Fields["stories"]; ok && strings.HasPrefix(r.PostForm.Get("action"), "add") {
			fe.Fields = map[string]string{"add": msg}
		} else if msg, ok := fe.Fields["stories"]; ok {
			fe = formError{Message: words.Sentence(msg)}
		} else if _, ok := fe.Fields["add"]; !ok {
			fe = formError{Message: p.T.errorMessage(err)}
		}
	}
	p.Errors = fe
	if err := s.fillHomePage(r, p); err != nil {
		return err
	}
	return s.renderDesk(w, r, session.Status(err), "home", p)
}

// newDeskHomePage starts the page for the named edition, the default one
// when code is empty.
func (s *Desk) newDeskHomePage(r *http.Request, u news.User, code string) (*deskHomePage, error) {
	dp, err := s.newDeskPage(r, u, "home")
	if err != nil {
		return nil, err
	}
	ed, ok := news.FindEdition(dp.Editions, code)
	if !ok {
		return nil, news.Errorf(news.ErrNotFound, "there is no edition %q", code)
	}
	p := &deskHomePage{deskPage: dp, Edition: ed, Max: news.MaxHomeSlots, SiteURL: ed.PathPrefix() + "/"}
	if p.Title = dp.T.Home.Title; len(dp.Editions) > 1 {
		p.Title += " · " + ed.Name
	}
	return p, nil
}

// fillHomePage reads the chosen stories and the candidates to add.
func (s *Desk) fillHomePage(r *http.Request, p *deskHomePage) error {
	ctx := r.Context()
	chosen, err := s.store.HomeSlots(ctx, p.Edition.Code)
	if err != nil {
		return err
	}
	rows := s.deskRows(p.T, chosen, p.Editions)
	p.Slots = make([]homeSlot, len(rows))
	exclude := make([]int64, len(rows))
	for i, row := range rows {
		p.Slots[i] = homeSlot{storyRow: row, Label: fmt.Sprintf(p.T.Home.Featured, i), First: i == 0, Last: i == len(rows)-1}
		exclude[i] = row.ID
	}
	if len(p.Slots) > 0 {
		p.Slots[0].Label = p.T.Home.TopStory
	}
	p.Full = len(p.Slots) >= news.MaxHomeSlots
	list, err := s.store.ListStories(ctx, news.StoryFilter{
		Edition: p.Edition.Code, Status: news.StatusPublished, Query: p.Query,
		Exclude: exclude, Limit: homeCandidates, NoTotal: true,
	})
	if err != nil {
		return err
	}
	p.Candidates = s.deskRows(p.T, list.Stories, p.Editions)
	return nil
}

// parseStorySegment reads the id at the start of a story's last path
// segment ("1234-some-slug"), as the site's story URLs give it.
func parseStorySegment(seg string) (int64, bool) {
	idText, _, _ := strings.Cut(seg, "-")
	if idText == "" || idText[0] == '0' {
		return 0, false
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	return id, err == nil && id > 0
}
