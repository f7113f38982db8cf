package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/session"
	"newsdesk/internal/web/words"
)

// bookmarksPerPage is the length of a page of /account/bookmarks.
const bookmarksPerPage = 20

// accountBookmark saves (action "add") or removes (action "remove") a
// story for the reader. The site's script posts the form with fetch and
// gets {"saved": bool}; without it the form's POST comes back to the page
// (return) with 303: after saving to the button's anchor (#bookmark-ID),
// whose :target style shows it saved, after removing to an anchor beside
// it (#unsaved-ID). A reader who is not signed in is sent to sign in,
// and the bookmark is made on the way back.
func (s *Server) accountBookmark(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	id, err := strconv.ParseInt(r.PostFormValue("story"), 10, 64)
	if err != nil || id <= 0 {
		return news.Errorf(news.ErrInvalid, "no story to bookmark")
	}
	back := localPath(r.PostFormValue("return"), "/")
	action := r.PostFormValue("action")
	if action != "add" && action != "remove" {
		return news.Errorf(news.ErrInvalid, "the action must be add or remove")
	}
	if !q.signedIn() {
		signin := q.url("/account/signin", "next", back, "bookmark", strconv.FormatInt(id, 10))
		if respond.WantsJSON(r) {
			return respond.JSON(w, http.StatusUnauthorized, map[string]any{"error": words.Sentence(q.a.NeedSignIn), "signin": signin})
		}
		return seeOther(w, r, signin)
	}
	ctx := r.Context()
	idText := strconv.FormatInt(id, 10)
	if action == "add" {
		err := s.store.AddBookmark(ctx, q.u.ID, id)
		if errors.Is(err, news.ErrNotFound) {
			err = news.Errorf(news.ErrNotFound, "a story can be saved only while it is published")
		}
		if err != nil {
			return err
		}
		back = withFragment(back, "bookmark-"+idText)
	} else {
		if err := s.store.RemoveBookmark(ctx, q.u.ID, id); err != nil {
			return err
		}
		back = withFragment(back, "unsaved-"+idText)
	}
	if respond.WantsJSON(r) {
		return respond.JSON(w, http.StatusOK, map[string]any{"story": id, "saved": action == "add"})
	}
	return seeOther(w, r, back)
}

// withFragment sets the #fragment of a local path.
func withFragment(p, frag string) string {
	p, _, _ = strings.Cut(p, "#")
	return p + "#" + frag
}

// accountBookmarkState answers the site's script: whether a reader is
// signed in, their name, and which of the stories ?ids= names (up to
// store.MaxBookmarkIDs, comma-separated) they have saved. It is private
// to the reader and never stored, while the page it fills in stays cached.
func (s *Server) accountBookmarkState(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	var ids []int64
	if v := r.URL.Query().Get("ids"); v != "" {
		parts := strings.Split(v, ",")
		if len(parts) > store.MaxBookmarkIDs {
			return news.Errorf(news.ErrInvalid, "at most %d stories at once", store.MaxBookmarkIDs)
		}
		for _, p := range parts {
			id, err := strconv.ParseInt(p, 10, 64)
			if err != nil || id <= 0 {
				return news.Errorf(news.ErrInvalid, "ids must be story numbers separated by commas")
			}
			ids = append(ids, id)
		}
	}
	w.Header().Add("Vary", "Cookie")
	if !q.signedIn() {
		return s.writeJSONPrivate(w, map[string]any{"signedIn": false})
	}
	saved, err := s.store.BookmarkedIDs(r.Context(), q.u.ID, ids)
	if err != nil {
		return err
	}
	return s.writeJSONPrivate(w, map[string]any{
		"signedIn": true, "name": q.u.DisplayName(), "saved": saved,
		"account": q.url("/account/"), "bookmarks": q.url("/account/bookmarks"),
	})
}

// writeJSONPrivate writes v with status 200 for one reader's eyes: no
// cache, shared or not, may keep it.
func (s *Server) writeJSONPrivate(w http.ResponseWriter, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("web: write json: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.Itoa(len(b)+1))
	_, _ = w.Write(append(b, '\n'))
	return nil
}

// bookmarksPage is the data of templates/bookmarks.html.
type bookmarksPage struct {
	basePage
	A      *accountText
	Notice string
	Items  []bookmarkItem
	Pager  pager
	Ed     string
	Here   string
}

// bookmarkItem is a saved story with its remove button.
type bookmarkItem struct {
	ID   int64
	Card storyCard
}

// accountBookmarks lists the reader's saved stories, the most recently
// saved first, each with a button that removes it.
func (s *Server) accountBookmarks(w http.ResponseWriter, r *http.Request, q *accountReq) error {
	page, err := pageNumber(r)
	if err != nil {
		return err
	}
	list, err := s.store.Bookmarks(r.Context(), q.u.ID, page, bookmarksPerPage)
	if err != nil {
		return err
	}
	if err := checkPage(list, page); err != nil {
		return err
	}
	p := &bookmarksPage{basePage: q.st.base(r, ""), A: q.a, Here: herePath(r)}
	p.Title = q.a.Bookmarks + " — " + p.SiteName
	p.NoIndex = true
	if !q.st.ed.Default {
		p.Ed = q.st.ed.Code
	}
	p.Notice = s.sessions.PopString(r.Context(), session.KeyFlash)
	eds, err := s.loadEditions(r.Context())
	if err != nil {
		return err
	}
	for i := range list.Stories {
		x := &list.Stories[i]
		// A story of another edition is shown with that edition's links.
		xst := q.st
		if x.Edition != q.st.ed.Code {
			if ed, ok := news.FindEdition(eds, x.Edition); ok {
				if xst, err = s.siteFor(r, eds, ed); err != nil {
					return err
				}
			}
		}
		card := xst.card(x, 160)
		card.Bookmark = bookmarkButton{}
		p.Items = append(p.Items, bookmarkItem{ID: x.ID, Card: card})
	}
	path := q.url("/account/bookmarks")
	p.Pager = newPager(path, page, list.Pages)
	return s.renderPrivate(w, r, http.StatusOK, "bookmarks", p)
}
