package desk

import (
	"net/http"
	"strconv"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// tokensPage is the data of templates/tokens.html: the signed-in
// member of staff's personal tokens for the admin API.
type tokensPage struct {
	deskPage
	Table keysTable
	Form  formError
	Name  string
}

// deskTokens lists one's own tokens.
func (s *Desk) deskTokens(w http.ResponseWriter, r *http.Request, u news.User) error {
	return s.renderTokens(w, r, u, http.StatusOK, "", formError{})
}

func (s *Desk) renderTokens(w http.ResponseWriter, r *http.Request, u news.User, status int, name string, ferr formError) error {
	dp, err := s.newDeskPage(r, u, "account")
	if err != nil {
		return err
	}
	dp.Title = dp.T.Keys.TokensTitle
	toks, err := s.store.UserTokens(r.Context(), u.ID)
	if err != nil {
		return err
	}
	table := keysTable{T: dp.T, Keys: toks, NameHeading: dp.T.Keys.For, RevokeBase: "/desk/account/tokens"}
	return s.renderDesk(w, r, status, "tokens", &tokensPage{deskPage: dp, Table: table, Form: ferr, Name: name})
}

// deskTokenCreate makes a token of one's own; the flash shows it once.
func (s *Desk) deskTokenCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	raw, _, err := s.store.CreateUserToken(r.Context(), u.ID, r.PostFormValue("name"))
	if err != nil {
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderTokens(w, r, u, respond.Status(err), r.PostFormValue("name"), ferr)
	}
	s.sessions.Flash(r, s.deskWords(r, u).Keys.TokenMade+" "+raw)
	return deskRedirect(w, r, "/desk/account/tokens")
}

// deskTokenRevoke stops one of one's own tokens from working.
func (s *Desk) deskTokenRevoke(w http.ResponseWriter, r *http.Request, u news.User) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := s.store.RevokeUserToken(r.Context(), u.ID, id); err != nil {
		return err
	}
	s.sessions.Flash(r, s.deskWords(r, u).Keys.TokenRevoked)
	return deskRedirect(w, r, "/desk/account/tokens")
}
