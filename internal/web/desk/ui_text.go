package desk

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/i18n"
	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
	"newsdesk/internal/web/words"
)

// deskText holds the desk's words in one language: field F is message
// "desk.F", field G of its Stories "desk.Stories.G" (see newDeskTexts).
// The layout's words and those many pages share are here; each page's
// are in a struct beside its handler. Members of staff read the desk in
// the language they chose on their account page, else in the default
// edition's.
type deskText struct {
	lang     *i18n.Lang      // dates and plurals
	problems *words.Messages // the domain's English messages in this language
	script   string          // JS as JSON, for the desk's scripts

	LanguageName string // the language's own name, in the choice of language
	// The layout.
	Brand, Desk, PageTitle string // PageTitle: the page's, %s, then the desk's and brand
	SkipToContent, MainNav string
	NewStory, ViewSite     string
	YourAccount, SignOut   string
	Nav                    deskNavText
	// Words many pages share.
	Save, Delete, View, Find, Remove, Change string
	Actions, Name, Address, Edition, Section string
	Status, Previous, Next, PageOf           string // PageOf: "Page %d of %d"
	Newer, Older, Pages, None, Never         string
	NameOptional, EmailAddress, Password     string
	URLPlaceholder                           string
	Active, Disabled, Paused, Revoked        string
	ViewOnSite, ViewOnSiteHidden             string // the link of a story list; its hidden ending
	FieldProblem                             string // a field's label, %[1]s, then its problem, %[2]s
	FixFields                                string // the message of a form with fields to correct
	SignedOutError, InternalError            string
	// FieldNames name the domain's fields, in a message that lists
	// problems without the form beside it.
	FieldNames map[string]string
	// Roles and Statuses name them; StatusWords name a status in a
	// sentence ("a draft", "in review").
	Roles        map[news.Role]string
	MediaKinds   map[news.MediaKind]string
	Channels     map[string]string // the names of news.SiteChannels that are words
	ActionNames  map[news.Action]string
	SizeUnits    map[string]string // the units of media.FormatSize
	Statuses     map[news.Status]string
	StatusWords  map[news.Status]string
	JS           deskScriptText    // the words of the desk's scripts
	Account      *deskAccountText  // account.go
	Keys         *keysText         // apikeys.go
	Editions     *editionsText     // editions.go
	Podcasts     *podcastsText     // podcasts.go
	Home         *homeText         // home.go
	Stories      *storiesText      // stories.go
	Story        *storyText        // story_edit.go
	Revisions    *revisionsText    // revisions.go
	Sections     *sectionsText     // sections.go
	Tags         *tagsText         // tags.go
	Media        *libraryText      // media.go
	Settings     *settingsText     // settings.go
	Staff        *staffText        // staff.go
	Notes        *notesText        // story_notes.go
	Translations *translationsText // story_translations.go
	Webhooks     *webhooksText     // webhooks.go
	SignIn       *signInText       // signin.go
	Error        *deskErrorText    // desk.go
}

// deskNavText is the desk's navigation.
type deskNavText struct {
	Stories, Media, Home, Sections, Tags, Podcasts string
	Staff, Editions, Settings, Webhooks, APIKeys   string
}

// newDeskTexts fills a deskText for each language of the catalogs: field
// F is message "desk.F", field G of its Stories "desk.Stories.G", an entry
// k of a map "desk.F.k" for each key deskKeys lists.
func newDeskTexts(c *i18n.Catalog) (*words.Texts[deskText], error) {
	return words.New(c, "desk.", deskKeys, func(t *deskText, l *i18n.Lang) error {
		t.lang = l
		js, err := json.Marshal(t.JS)
		if err != nil {
			return err
		}
		t.script = string(js)
		if t.problems, err = words.NewMessages(c, l, problemMessages); err != nil {
			return err
		}
		if lang, _, _ := strings.Cut(l.Tag(), "-"); lang != "en" {
			t.problems.Word = t.valueWords()
		}
		return nil
	})
}

// deskKeys lists the keys of the maps in deskText and the structs it
// holds, by the maps' field names.
var deskKeys = words.Keys{
	"NoteKinds":   {string(news.NoteCorrection), string(news.NoteClarification), string(news.NoteUpdate)},
	"Roles":       words.KeysOf(append(slices.Clone(news.StaffRoles), news.RoleReader)),
	"Statuses":    words.KeysOf(news.Statuses),
	"StatusWords": words.KeysOf(news.Statuses),
	"Tabs":        words.KeysOf(news.Statuses),
	"FieldNames":  fieldNames,
	"FieldLabels": storyFields,
	"Buttons":     storyedit.ActionKeys(),
	"Done":        storyedit.ActionKeys(),
	"MediaLabels": words.KeysOf(news.MediaRoles),
	"MediaHints":  words.KeysOf(news.MediaRoles),
	"Kinds":       revisionKinds,
	"MediaKinds":  words.KeysOf(news.MediaKinds),
	"ActionNames": words.KeysOf(news.Actions),
	"Channels":    {"radio", "podcasts"}, // the other channels' names are brands
	"Fields":      revisionFields,
	"Headings":    {"400", "401", "403", "404", "409", "413", "429", "500"}, // HTTP statuses
	"SizeUnits":   sizeUnits,
}

var (
	// countOfStories is how the domain's English messages count stories.
	countOfStories = regexp.MustCompile(`^(\d+) (?:story|stories)$`)
	// fileSize is a size as media.FormatSize writes it.
	fileSize = regexp.MustCompile(`^([\d.]+) (GB|MB|KB|bytes)$`)
)

// sizeUnits are the units of media.FormatSize, as SizeUnits names them.
var sizeUnits = []string{"GB", "MB", "KB", "bytes"}

// Size writes a size of a file with the desk's units: 20 MB, 20 МБ.
func (t *deskText) Size(n int64) string { return t.size(media.FormatSize(n)) }

// size translates the unit of a size that media.FormatSize wrote.
func (t *deskText) size(v string) string {
	if m := fileSize.FindStringSubmatch(v); m != nil {
		if u, ok := t.SizeUnits[m[2]]; ok {
			return m[1] + " " + u
		}
	}
	return v
}

// valueWords translates the values the domain's messages carry in
// English: roles, statuses (as they are, or as statusWord writes them),
// kinds of media, desk actions, counts of stories and sizes of files.
func (t *deskText) valueWords() func(string) string {
	words := map[string]string{}
	for r, s := range t.Roles {
		words[string(r)] = s
	}
	for st, s := range t.StatusWords {
		words[string(st)], words[storyedit.StatusWord(st)] = s, s
	}
	for k, s := range t.MediaKinds {
		words[string(k)] = s
	}
	for a, s := range t.ActionNames {
		words[string(a)] = s
	}
	return func(v string) string {
		if s, ok := words[v]; ok {
			return s
		}
		if m := countOfStories.FindStringSubmatch(v); m != nil {
			n, _ := strconv.Atoi(m[1])
			return t.Stories.Total.N(n)
		}
		return t.size(v)
	}
}

// LanguageTag is the language's tag, for the page's lang attribute.
func (t *deskText) LanguageTag() string { return t.lang.Tag() }

// Script is the words of the desk's scripts as a JSON object, which the
// layout hands them in the body's data-words attribute.
func (t *deskText) Script() string { return t.script }

// Date writes at with a Go layout, month names in the desk's language.
func (t *deskText) Date(at time.Time, layout string) string { return t.lang.Date(at, layout) }

// Time writes at on the desk: day, month, year and minutes in the zone
// loc (an edition's), with the zone's abbreviation.
func (t *deskText) Time(at time.Time, loc *time.Location) string {
	return t.Date(at.In(loc), "2 Jan 2006, 15:04 MST")
}

// Role names a role.
func (t *deskText) Role(r news.Role) string {
	if s, ok := t.Roles[r]; ok {
		return s
	}
	return string(r)
}

// StatusOf names a status.
func (t *deskText) StatusOf(s news.Status) string {
	if w, ok := t.Statuses[s]; ok {
		return w
	}
	return string(s)
}

// MediaKind names a kind of media.
func (t *deskText) MediaKind(k news.MediaKind) string {
	if s, ok := t.MediaKinds[k]; ok {
		return s
	}
	return string(k)
}

// ChannelName names one of the site's channels.
func (t *deskText) ChannelName(c news.Channel) string {
	if s, ok := t.Channels[c.Key]; ok {
		return s
	}
	return c.Name
}

// StatusWord names a status in a sentence: "a draft", "in review".
func (t *deskText) StatusWord(s news.Status) string {
	if w, ok := t.StatusWords[s]; ok {
		return w
	}
	return string(s)
}

// Problem is a field's problem as a sentence: its label and the message,
// which the domain writes to follow the field's name ("is required").
func (t *deskText) Problem(label, msg string) string {
	return fmt.Sprintf(t.FieldProblem, label, msg)
}

// HTML formats a message with markup, escaping the arguments.
func (t *deskText) HTML(format template.HTML, args ...any) template.HTML {
	for i, a := range args {
		args[i] = template.HTMLEscapeString(fmt.Sprint(a))
	}
	return template.HTML(fmt.Sprintf(string(format), args...))
}

// Sentence is a message that the domain writes as a whole sentence, with
// a capital and a full stop.
func (t *deskText) Sentence(msg string) string { return words.Sentence(msg) }

// Say returns one of the domain's English messages in the desk's
// language, when the catalogs translate it.
func (t *deskText) Say(msg string) string { return t.problems.Say(msg) }

// deskLanguage is the language u reads the desk in: the one chosen, else
// the default edition's.
func deskLanguage(u news.User, eds []news.Edition) string {
	if u.Language != "" {
		return u.Language
	}
	ed, _ := news.FindEdition(eds, "")
	return ed.Language
}

// deskWords returns the desk's words for u, who may be signed out (the
// zero user). The editions are read from the navigation cache, for the
// pages that have not read them.
func (s *Desk) deskWords(r *http.Request, u news.User) *deskText {
	if u.Language != "" {
		return s.desk.For(u.Language)
	}
	eds, err := s.site.Editions(r.Context())
	if err != nil {
		// The page says what failed; in English, which every catalog has.
		return s.desk.English()
	}
	return s.desk.For(deskLanguage(u, eds))
}

// fieldNames lists the fields FieldNames names: those of the domain's
// validation errors and of the desk's forms.
var fieldNames = []string{
	"add", "alt", "at", "audio", "audio_file", "author", "body", "bylines", "category", "code", "confirm",
	"cover", "current", "date_format", "default", "description", "edition", "email", "events", "featured_image",
	"headline", "into", "kind", "labels", "language", "lead", "media", "media_alt", "media_attachment",
	"media_audio", "media_gallery", "media_lead", "name", "number", "other", "owner_email", "password",
	"position", "published_at", "role", "season", "secret", "section", "seo_title", "site_name", "slug",
	"social_title", "status", "stories", "tag", "tags", "text", "time_zone", "title", "url",
}

// fieldName names a field for a message without its form; a field
// named after a key (channel_vk, media_limit_image) goes by its key.
func (t *deskText) fieldName(key string) string {
	if s, ok := t.FieldNames[key]; ok {
		return s
	}
	return strings.ReplaceAll(key, "_", " ")
}

// errorMessage is err's safe message in the desk's language, as a
// sentence; a refusal with fields lists each with its problem.
func (t *deskText) errorMessage(err error) string {
	var e *news.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		msg := t.FixFields
		for _, f := range slices.Sorted(maps.Keys(e.Fields)) {
			msg += " " + t.Problem(t.fieldName(f), t.Say(e.Fields[f]))
		}
		return msg
	}
	msg := t.Say(news.ErrorMessage(err))
	if msg == "" {
		return ""
	}
	return upperFirst(msg)
}

// problemMessages prefixes the ids of the domain's messages.
const problemMessages = "desk.messages."

// deskScriptText is what the desk's scripts say, by the names they use;
// {name} marks where a script puts a value.
type deskScriptText struct {
	Copied            string `json:"copied"`
	WriteStory        string `json:"writeStory"`
	Link              string `json:"link"`
	Image             string `json:"image"`
	UploadOf          string `json:"uploadOf"` // {name}: the file
	Waiting           string `json:"waiting"`
	Stored            string `json:"stored"`
	InLibrary         string `json:"inLibrary"`
	Refused           string `json:"refused"` // {status}: the HTTP status
	ConnectionFailed  string `json:"connectionFailed"`
	ShowNew           string `json:"showNew"`
	ChooseMedia       string `json:"chooseMedia"`
	Done              string `json:"done"`
	SearchLibrary     string `json:"searchLibrary"`
	UploadFiles       string `json:"uploadFiles"`
	Loading           string `json:"loading"`
	NothingMatches    string `json:"nothingMatches"`
	LibraryFailed     string `json:"libraryFailed"`
	Added             string `json:"added"`
	WrongKind         string `json:"wrongKind"` // {kind}
	AddFromLibrary    string `json:"addFromLibrary"`
	ChooseFromLibrary string `json:"chooseFromLibrary"`
	MoveUp            string `json:"moveUp"`   // {id}
	MoveDown          string `json:"moveDown"` // {id}
	Remove            string `json:"remove"`
	RemoveItem        string `json:"removeItem"` // {id}
	TakeOver          string `json:"takeOver"`
	Since             string `json:"since"`    // {name}, {time}
	AlsoOpen          string `json:"alsoOpen"` // {names}
	TookOver          string `json:"tookOver"` // {name}, {time}
	Editing           string `json:"editing"`  // {name}, {time}
	KindImage         string `json:"kind_image"`
	KindVideo         string `json:"kind_video"`
	KindAudio         string `json:"kind_audio"`
	KindDocument      string `json:"kind_document"`
}
