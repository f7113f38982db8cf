package web

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
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
	FollowUs      string            // names the list of the outlet's channels
	Channels      map[string]string // the names of news.SiteChannels that are words
	Share         string            // names the story's share links
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
type uiTexts = langTexts[uiText]

// langTexts holds a struct of words, T, for every language of the
// catalogs: the site's chrome (uiText) or the desk's (deskText).
type langTexts[T any] struct {
	byLang  map[string]*T // by primary language subtag: "en", "ru"
	english *T
}

// newLangTexts fills a T for each language of the catalogs from the
// messages under prefix (see fillText), then calls done, when not nil,
// for what reflection cannot fill. A message a language lacks is in
// English (the i18n test lists them), and one English lacks stops the
// server at start.
func newLangTexts[T any](c *i18n.Catalog, prefix string, done func(*T, *i18n.Lang) error) (*langTexts[T], error) {
	t := &langTexts[T]{byLang: map[string]*T{}}
	for _, lang := range c.Languages() {
		words, l := new(T), c.Lang(lang)
		if err := fillText(l, prefix, reflect.ValueOf(words).Elem()); err != nil {
			return nil, fmt.Errorf("web: words of %s: %w", lang, err)
		}
		if done != nil {
			if err := done(words, l); err != nil {
				return nil, fmt.Errorf("web: words of %s: %w", lang, err)
			}
		}
		t.byLang[lang] = words
	}
	t.english = t.byLang["en"]
	if t.english == nil {
		return nil, errors.New("web: no English words")
	}
	return t, nil
}

// newUITexts fills a uiText for each language of the catalogs: field F of
// uiText is message "ui.F", field G of its Podcast "ui.Podcast.G", an
// entry k of a map "ui.NoteKinds.k".
func newUITexts(c *i18n.Catalog) (*uiTexts, error) {
	return newLangTexts(c, "ui.", func(ui *uiText, l *i18n.Lang) error {
		// Translations of the English messages of the store, auth and
		// the account handlers, keyed by their formats as the desk's are.
		var err error
		ui.Account.messages, err = newProblems(c, l, accountMessages)
		return err
	})
}

// accountMessages prefixes the ids of translated store and auth messages.
const accountMessages = "ui.Account.messages."

// uiMaps lists the keys of the maps in uiText and deskText, by the
// maps' field names, which reflection cannot.
var uiMaps = map[string][]string{
	"NoteKinds":   {string(news.NoteCorrection), string(news.NoteClarification), string(news.NoteUpdate)},
	"Labels":      {string(news.LabelVideo), string(news.LabelPhotos), string(news.LabelAudio)},
	"Roles":       keysOf(append(slices.Clone(news.StaffRoles), news.RoleReader)),
	"Statuses":    keysOf(news.Statuses),
	"StatusWords": keysOf(news.Statuses),
	"Tabs":        keysOf(news.Statuses),
	"FieldNames":  fieldNames,
	"FieldLabels": storyFields,
	"Buttons":     storyActionKeys(),
	"Done":        storyActionKeys(),
	"MediaLabels": keysOf(news.MediaRoles),
	"MediaHints":  keysOf(news.MediaRoles),
	"Kinds":       revisionKinds,
	"MediaKinds":  keysOf(news.MediaKinds),
	"ActionNames": keysOf(news.Actions),
	"Channels":    {"radio", "podcasts"}, // the other channels' names are brands
	"Fields":      revisionFields,
	"Headings":    {"400", "401", "403", "404", "409", "413", "429", "500"}, // HTTP statuses
	"Problems":    searchFields,
	"SizeUnits":   sizeUnits,
}

// keysOf lists values of a string type as map keys.
func keysOf[S ~string](vals []S) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// fillText sets every exported string field of the struct v, and of the
// structs it holds, from the messages under prefix; a plural field gets
// the message's plural forms. Nil pointers to structs are allocated.
func fillText(l *i18n.Lang, prefix string, v reflect.Value) error {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() {
			continue
		}
		id := prefix + f.Name
		if fv.Type() == pluralType {
			if l.N(id, 1) == id {
				return fmt.Errorf("no message %s", id)
			}
			fv.Set(reflect.ValueOf(plural{lang: l, id: id}))
			continue
		}
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
			if fv.IsNil() {
				fv.Set(reflect.New(fv.Type().Elem()))
			}
			if err := fillText(l, id+".", fv.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// plural is a message with plural forms, such as "{{.Count}} stories":
// N writes it for a count in the language it was filled for.
type plural struct {
	lang *i18n.Lang
	id   string
}

var pluralType = reflect.TypeFor[plural]()

// N returns the message for the count n (1 story, 3 stories; 1 материал,
// 3 материала, 5 материалов).
func (p plural) N(n int) string { return p.lang.N(p.id, n) }

// forLang returns the words for a language tag ("ru", "ru-RU"), English
// when the catalogs have none of that language.
func (t *langTexts[T]) forLang(tag string) *T {
	lang, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if ui, ok := t.byLang[lang]; ok {
		return ui
	}
	return t.english
}
