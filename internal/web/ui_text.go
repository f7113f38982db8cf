package web

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"newsdesk/internal/i18n"
	"newsdesk/internal/news"
)

// uiText holds the words of the site's chrome in one language, filled from
// the message catalogs of internal/i18n (see newUITexts), so that the
// templates name each word as a field.
type uiText struct {
	SkipToContent string
	MainNav       string
	EditionNav    string
	Home          string
	TopStory      string
	Latest        string
	MoreLatest    string // the front page's link to the rest of the latest news
	MoreIn        string
	PopularTopics string
	Topic         string
	Section       string
	Published     string
	Updated       string
	Notes         string // heading of a story's corrections and updates
	NoteKinds     map[news.NoteKind]string
	By            string
	Tags          string
	Related       string
	Pagination    string
	Previous      string
	Next          string
	PageOf        string // "Page", followed by the number
	NoStories     string
	NotFoundTitle string
	NotFoundText  string
	ErrorTitle    string
	ErrorText     string
	BackHome      string
	Footer        string
	FollowUs      string // names the list of the outlet's channels
	Share         string // names the story's share links
	ShareVK       string
	ShareOK       string
	ShareMail     string
	CopyLink      string
	LinkCopied    string
	ShareMore     string // the system share sheet, where the browser has one
	Labels        map[news.MediaLabel]string
	SearchLink    string       // the header's link to the search page
	Podcast       podcastText  // the podcast pages and the audio player
	Media         *mediaText   // galleries, video and attachments in stories (ui_text_media.go)
	Account       *accountText // readers' accounts and bookmarks (ui_text_account.go)
	Search        *searchText  // the search page (site_search_page.go)
}

// label returns the badge text of a media label.
func (u *uiText) label(l news.MediaLabel) string {
	if s, ok := u.Labels[l]; ok {
		return s
	}
	return string(l)
}

// noteKind returns the name of a kind of note.
func (u *uiText) noteKind(k news.NoteKind) string {
	if s, ok := u.NoteKinds[k]; ok {
		return s
	}
	return string(k)
}

// uiTexts are the chrome's words in every language of the catalogs,
// built once when the server starts.
type uiTexts struct {
	byLang  map[string]*uiText // by primary language subtag: "en", "ru"
	english *uiText
}

// newUITexts fills a uiText for each language of the catalogs: field F of
// uiText is message "ui.F", field G of its Podcast "ui.Podcast.G", an
// entry k of a map "ui.NoteKinds.k". A message a language lacks is in
// English (the i18n test lists them), and one English lacks stops the
// server at start.
func newUITexts(c *i18n.Catalog) (*uiTexts, error) {
	t := &uiTexts{byLang: map[string]*uiText{}}
	for _, lang := range c.Languages() {
		ui := &uiText{Media: &mediaText{}, Account: &accountText{}, Search: &searchText{}}
		if err := fillText(c.Lang(lang), "ui.", reflect.ValueOf(ui).Elem()); err != nil {
			return nil, fmt.Errorf("web: words of %s: %w", lang, err)
		}
		// Translations of the store's and auth's English messages,
		// keyed by the English message.
		ui.Account.messages = map[string]string{}
		for _, id := range c.IDs(accountMessages) {
			en := strings.TrimPrefix(id, accountMessages)
			if tr := c.Lang(lang).T(id); tr != en {
				ui.Account.messages[en] = tr
			}
		}
		t.byLang[lang] = ui
	}
	t.english = t.byLang["en"]
	if t.english == nil {
		return nil, errors.New("web: no English words")
	}
	return t, nil
}

// accountMessages prefixes the ids of translated store and auth messages.
const accountMessages = "ui.Account.messages."

// uiMaps lists the keys of the maps in uiText, which reflection cannot.
var uiMaps = map[string][]string{
	"NoteKinds": {string(news.NoteCorrection), string(news.NoteClarification), string(news.NoteUpdate)},
	"Labels":    {string(news.LabelVideo), string(news.LabelPhotos), string(news.LabelAudio)},
}

// fillText sets every exported string field of the struct v, and of the
// structs it holds, from the messages under prefix.
func fillText(l *i18n.Lang, prefix string, v reflect.Value) error {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() {
			continue
		}
		id := prefix + f.Name
		switch fv.Kind() {
		case reflect.String:
			s := l.T(id)
			if s == id {
				return fmt.Errorf("no message %s", id)
			}
			fv.SetString(s)
		case reflect.Map:
			keys, ok := uiMaps[f.Name]
			if !ok {
				return fmt.Errorf("no keys known for the map %s", id)
			}
			m := reflect.MakeMap(fv.Type())
			for _, k := range keys {
				m.SetMapIndex(reflect.ValueOf(k).Convert(fv.Type().Key()), reflect.ValueOf(l.T(id+"."+k)))
			}
			fv.Set(m)
		case reflect.Struct:
			if err := fillText(l, id+".", fv); err != nil {
				return err
			}
		case reflect.Pointer:
			if err := fillText(l, id+".", fv.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// forLang returns the words for a language tag ("ru", "ru-RU"), English
// when the catalogs have none of that language.
func (t *uiTexts) forLang(tag string) *uiText {
	lang, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if ui, ok := t.byLang[lang]; ok {
		return ui
	}
	return t.english
}
