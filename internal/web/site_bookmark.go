package web

import (
	"net/http"
	"net/url"
	"strings"
)

// bookmarkButton is the data of a story's bookmark button on a public
// page. The page is cached and the same for everyone, so the button is
// drawn unsaved; the site's script asks /account/bookmarks/state for the
// reader's own state and shows it. Without the script the button is a
// form that saves and comes back to the page.
type bookmarkButton struct {
	ID     int64  // the story; zero draws no button
	Return string // the page to come back to
	Ed     string // the edition code for account pages, "" for the default
	A      *accountText
}

// bookmarkButton is the button of story id on this page.
func (st *site) bookmarkButton(id int64) bookmarkButton {
	b := bookmarkButton{ID: id, Return: st.here, A: st.ui.Account}
	if !st.ed.Default {
		b.Ed = st.ed.Code
	}
	return b
}

// accountLinks are the addresses of a reader's account pages.
type accountLinks struct {
	SignIn, SignUp, Reset, Settings, Bookmarks string
}

// accountLinks builds the account addresses for this edition; next is
// where sign-in and sign-up return to, empty for the account page. An
// account page is no place to return to after signing in.
func (st *site) accountLinks(next string) accountLinks {
	if strings.HasPrefix(next, "/account/") {
		next = ""
	}
	return accountLinks{
		SignIn:    st.accountURL("/account/signin", "next", next),
		SignUp:    st.accountURL("/account/signup", "next", next),
		Reset:     st.accountURL("/account/reset"),
		Settings:  st.accountURL("/account/"),
		Bookmarks: st.accountURL("/account/bookmarks"),
	}
}

// accountURL returns an account path with ?ed= for editions other than
// the default, and more query pairs (key, value, ...); empty values are
// left out.
func (st *site) accountURL(path string, kv ...string) string {
	v := url.Values{}
	if !st.ed.Default {
		v.Set("ed", st.ed.Code)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			v.Set(kv[i], kv[i+1])
		}
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// herePath is where a page's forms return to: the path with its page
// number, as the page cache keys it (cacheKey), or, for a page the cache
// does not keep (a search), the whole address with its query.
func herePath(r *http.Request) string {
	if r.URL.RawQuery == "" {
		return r.URL.Path
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err == nil && len(q) == 1 && len(q["page"]) == 1 {
		if p := q.Get("page"); p != "1" {
			return r.URL.Path + "?page=" + url.QueryEscape(p)
		}
		return r.URL.Path
	}
	return r.URL.RequestURI()
}
