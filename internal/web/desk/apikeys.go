package desk

import (
	"html/template"
	"net/http"
	"strconv"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// apiKeysPage is the data of templates/api_keys.html.
type apiKeysPage struct {
	deskPage
	Table keysTable
	Form  formError
	Name  string
}

// keysTable is the data of the desk's "keys-table" template: content keys
// or personal tokens, each revoked at RevokeBase/{id}/revoke.
type keysTable struct {
	T           *deskText
	Keys        []news.APIKey
	NameHeading string
	RevokeBase  string
}

// keysText is what the pages of API keys and personal tokens say.
type keysText struct {
	KeysTitle, KeysHeading, MakeKey, KeyName, KeyButton            string
	KeysIntro                                                      template.HTML
	TokensTitle, TokensHeading, MakeToken, TokenName, TokenButton  string
	TokensIntro                                                    template.HTML
	Name, For, Key, Made, LastUsed, Revoke, RevokeConfirm, NoneYet string // RevokeConfirm: %s, the name
	KeyMade, KeyRevoked, TokenMade, TokenRevoked                   string // the made ones end with the key
}

// deskAPIKeys lists the content API's keys. Admins only.
func (s *Desk) deskAPIKeys(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageAPIKeys, nil); err != nil {
		return err
	}
	return s.renderAPIKeys(w, r, u, http.StatusOK, "", formError{})
}

func (s *Desk) renderAPIKeys(w http.ResponseWriter, r *http.Request, u news.User, status int, name string, ferr formError) error {
	dp, err := s.newDeskPage(r, u, "api-keys")
	if err != nil {
		return err
	}
	dp.Title = dp.T.Keys.KeysTitle
	keys, err := s.store.APIKeys(r.Context())
	if err != nil {
		return err
	}
	table := keysTable{T: dp.T, Keys: keys, NameHeading: dp.T.Keys.Name, RevokeBase: "/desk/api-keys"}
	return s.renderDesk(w, r, status, "api_keys", &apiKeysPage{deskPage: dp, Table: table, Form: ferr, Name: name})
}

// deskAPIKeyCreate makes a key; the flash shows it this once.
func (s *Desk) deskAPIKeyCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageAPIKeys, nil); err != nil {
		return err
	}
	raw, _, err := s.store.CreateAPIKey(r.Context(), r.PostFormValue("name"), u.ID)
	if err != nil {
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderAPIKeys(w, r, u, respond.Status(err), r.PostFormValue("name"), ferr)
	}
	s.sessions.Flash(r, s.deskWords(r, u).Keys.KeyMade+" "+raw)
	return deskRedirect(w, r, "/desk/api-keys")
}

// deskAPIKeyRevoke stops a key from working.
func (s *Desk) deskAPIKeyRevoke(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageAPIKeys, nil); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := s.store.RevokeAPIKey(r.Context(), id); err != nil {
		return err
	}
	s.sessions.Flash(r, s.deskWords(r, u).Keys.KeyRevoked)
	return deskRedirect(w, r, "/desk/api-keys")
}
