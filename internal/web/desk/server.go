// Package desk is newsdesk's editing desk, the staff's pages under
// /desk/: stories and their editor, the home page's order, sections, tags,
// the media library, podcasts, staff, editions, settings, webhooks and API
// keys. It is a handler that the web server mounts at /desk/, behind the
// same middleware as the rest of the site, and it shares the site's
// session cookie with readers' accounts. What it needs of the public site
// (previews of the story page, the page cache) comes in as the Site
// interface, so the desk knows nothing else of the site.
package desk

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"newsdesk/internal/i18n"
	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/session"
	"newsdesk/internal/web/words"
)

// Store is what the desk reads and writes. *store.Store satisfies it.
type Store interface {
	// Stories, the home page's order and the editor.
	Story(ctx context.Context, id int64) (news.Story, error)
	ListStories(ctx context.Context, f news.StoryFilter) (news.StoryList, error)
	StatusCounts(ctx context.Context, f news.StoryFilter) (map[news.Status]int, error)
	CreateStory(ctx context.Context, st *news.Story) error
	UpdateStory(ctx context.Context, st *news.Story) error
	DeleteStory(ctx context.Context, id int64, version int) error
	HomeSlots(ctx context.Context, edition string) ([]news.Story, error)
	SetHomeSlots(ctx context.Context, edition string, ids []int64) error
	StoryRevisions(ctx context.Context, id int64) ([]news.Revision, error)
	StoryRevision(ctx context.Context, storyID, revID int64) (news.Revision, error)
	RestoreRevision(ctx context.Context, storyID, revID int64, version int, userID int64) (news.Story, error)
	RecordRejectedRevision(ctx context.Context, st news.Story, userID int64) (news.Revision, error)
	SuggestTags(ctx context.Context, edition, q string, limit int) ([]news.Tag, error)
	AddNote(ctx context.Context, n news.Note) (news.Note, error)
	LinkTranslations(ctx context.Context, a, b int64) error
	UnlinkTranslation(ctx context.Context, id int64) error
	StartTranslation(ctx context.Context, fromID int64, edition string, owner int64) (news.Story, error)
	Heartbeat(ctx context.Context, storyID, userID int64) ([]news.Presence, error)
	TakeOver(ctx context.Context, storyID, userID int64) ([]news.Presence, error)
	Leave(ctx context.Context, storyID, userID int64) error
	Authors(ctx context.Context) ([]news.Author, error)

	// Editions, sections, tags and the site's settings.
	Editions(ctx context.Context) ([]news.Edition, error)
	Edition(ctx context.Context, code string) (news.Edition, error)
	SaveEdition(ctx context.Context, e news.Edition) error
	Sections(ctx context.Context, edition string) ([]news.Section, error)
	Section(ctx context.Context, id int64) (news.Section, error)
	SectionCounts(ctx context.Context, edition string) ([]news.SectionCount, error)
	CreateSection(ctx context.Context, sec *news.Section) error
	UpdateSection(ctx context.Context, sec *news.Section) error
	DeleteSection(ctx context.Context, id int64) error
	Tag(ctx context.Context, id int64) (news.Tag, error)
	TagBySlug(ctx context.Context, edition, slug string) (news.Tag, error)
	TagCounts(ctx context.Context, edition, query string, limit int) ([]news.TagCount, error)
	CreateTag(ctx context.Context, tag *news.Tag) error
	UpdateTag(ctx context.Context, tag *news.Tag) error
	MergeTags(ctx context.Context, from, into int64) error
	DeleteTag(ctx context.Context, id int64) error
	Settings(ctx context.Context) (news.Settings, error)
	SaveSettings(ctx context.Context, set news.Settings) error

	// Staff, one-time links and personal tokens.
	User(ctx context.Context, id int64) (news.User, error)
	Users(ctx context.Context) ([]news.User, error)
	CreateUser(ctx context.Context, u news.User) (news.User, error)
	UpdateUser(ctx context.Context, u news.User) (news.User, error)
	SetPassword(ctx context.Context, id int64, hash string) error
	EndSessions(ctx context.Context, id int64) (news.User, error)
	CreateToken(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error)
	TokenUser(ctx context.Context, raw, purpose string) (news.User, error)
	UseToken(ctx context.Context, raw, purpose string) (news.User, error)
	CreateUserToken(ctx context.Context, userID int64, name string) (string, news.APIKey, error)
	UserTokens(ctx context.Context, userID int64) ([]news.APIKey, error)
	RevokeUserToken(ctx context.Context, userID, id int64) error

	// The media library, podcasts, webhooks and API keys.
	Media(ctx context.Context, id int64) (news.Media, error)
	MediaByHash(ctx context.Context, hash string) (news.Media, error)
	ListMedia(ctx context.Context, f news.MediaFilter) ([]news.Media, int, error)
	CreateMedia(ctx context.Context, m news.Media) (news.Media, bool, error)
	UpdateMedia(ctx context.Context, m news.Media) (news.Media, error)
	DeleteMedia(ctx context.Context, id int64) (news.Media, error)
	Shows(ctx context.Context, edition string) ([]news.Show, error)
	Show(ctx context.Context, id int64) (news.Show, error)
	CreateShow(ctx context.Context, sh *news.Show) error
	UpdateShow(ctx context.Context, sh *news.Show) error
	Episode(ctx context.Context, id int64) (news.Episode, error)
	Episodes(ctx context.Context, f store.EpisodeFilter) ([]news.Episode, error)
	CreateEpisode(ctx context.Context, e *news.Episode) error
	UpdateEpisode(ctx context.Context, e *news.Episode) error
	Webhooks(ctx context.Context) ([]news.Webhook, error)
	CreateWebhook(ctx context.Context, w news.Webhook) (news.Webhook, error)
	SetWebhookActive(ctx context.Context, id int64, active bool) error
	DeleteWebhook(ctx context.Context, id int64) error
	WebhookDeliveries(ctx context.Context, webhookID int64, limit int) ([]news.Delivery, error)
	APIKeys(ctx context.Context) ([]news.APIKey, error)
	CreateAPIKey(ctx context.Context, name string, createdBy int64) (string, news.APIKey, error)
	RevokeAPIKey(ctx context.Context, id int64) error
}

// Site is what the desk needs of the public site. The web server
// satisfies it.
type Site interface {
	// Editions are the editions as the site's navigation holds them.
	Editions(ctx context.Context) ([]news.Edition, error)
	// PreviewForm writes x, a story still being written, as the public
	// story page would show it in its edition and section.
	PreviewForm(w http.ResponseWriter, r *http.Request, x news.Story) error
	// PreviewStory writes x, a stored story in any status, as its public
	// page would show it, related stories included.
	PreviewStory(w http.ResponseWriter, r *http.Request, x news.Story) error
	// CatchUpAfterWrite purges the public pages a write changed before
	// its answer leaves.
	CatchUpAfterWrite(r *http.Request)
}

// Config holds what the desk is given.
type Config struct {
	// BaseURL is the absolute URL of the site without a trailing slash,
	// for the links the desk hands out. Empty means the scheme and host of
	// each request.
	BaseURL string
	// Media is the media library's files. Without it the desk takes no
	// uploads.
	Media *media.Library
	// Static gives a static file's URL, for the desk's styles and scripts
	// (StaticFiles), which the web server serves.
	Static func(name string) (string, error)
	// Icon gives an icon's inline SVG.
	Icon func(name string) template.HTML
}

// Desk serves the desk. Build it with New.
type Desk struct {
	cfg      Config
	store    Store
	site     Site
	sessions *session.Sessions
	log      *slog.Logger
	pages    map[string]*template.Template
	words    *i18n.Catalog          // month names, plurals and languages
	desk     *words.Texts[deskText] // the desk's words per language
	zones    sync.Map               // time zone name -> *time.Location
}

// New parses the desk's templates and words, so that a broken template
// stops the program at start-up.
func New(cfg Config, st Store, site Site, sessions *session.Sessions, logger *slog.Logger) (*Desk, error) {
	switch {
	case st == nil:
		return nil, errors.New("desk: new: no store")
	case site == nil:
		return nil, errors.New("desk: new: no site")
	case sessions == nil:
		return nil, errors.New("desk: new: no sessions")
	case cfg.Static == nil || cfg.Icon == nil:
		return nil, errors.New("desk: new: no static files or icons")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	pages, err := parsePages(templateFS, template.FuncMap{"static": cfg.Static, "icon": cfg.Icon, "fieldOf": fieldOf})
	if err != nil {
		return nil, fmt.Errorf("desk: new: %w", err)
	}
	catalog, err := i18n.New()
	if err != nil {
		return nil, fmt.Errorf("desk: new: %w", err)
	}
	texts, err := newDeskTexts(catalog)
	if err != nil {
		return nil, fmt.Errorf("desk: new: %w", err)
	}
	return &Desk{cfg: cfg, store: st, site: site, sessions: sessions, log: logger, pages: pages, words: catalog, desk: texts}, nil
}

//go:embed templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// StaticFiles are the desk's styles and scripts, in a folder "static":
// the web server serves them under /static/ with the site's, and Config's
// Static gives their URLs.
func StaticFiles() fs.FS { return staticFS }

// pageNames are the desk's page templates, templates/<name>.html, each
// parsed with templates/layout.html.
var pageNames = []string{"error", "signin", "signin_link", "story_edit", "stories", "story_notes", "story_translations", "home", "revisions", "revision_diff", "account", "staff", "sections", "tags", "editions", "settings", "webhooks", "api_keys", "tokens", "media", "podcasts", "show", "episode"}

// parsePages parses the desk layout and every desk page from fsys (the
// embedded templates, or a broken set in tests).
func parsePages(fsys fs.FS, funcs template.FuncMap) (map[string]*template.Template, error) {
	// presence.html is a partial that the story editor includes; fields.html
	// holds the inputs of the section and tag rows.
	layout, err := template.New("layout").Funcs(funcs).ParseFS(fsys, "templates/layout.html", "templates/presence.html", "templates/fields.html")
	if err != nil {
		return nil, fmt.Errorf("parse desk layout: %w", err)
	}
	desk := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := layout.Clone()
		if err != nil {
			return nil, fmt.Errorf("clone desk layout for %s: %w", name, err)
		}
		if _, err := t.ParseFS(fsys, "templates/"+name+".html"); err != nil {
			return nil, fmt.Errorf("parse desk %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("desk template %s defines no content block", name)
		}
		desk[name] = t
	}
	return desk, nil
}

// location returns the edition's time zone, loaded once per desk:
// time.LoadLocation reads the zone file from disk on every call.
func (s *Desk) location(ed news.Edition) *time.Location {
	if loc, ok := s.zones.Load(ed.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc := ed.Location()
	s.zones.Store(ed.TimeZone, loc)
	return loc
}

// baseURL is the absolute origin for the links the desk hands out: the
// configured one, else the scheme and host the request came in on.
func (s *Desk) baseURL(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// errNotFound is returned by handlers for URLs that name nothing.
var errNotFound = news.Errorf(news.ErrNotFound, "page not found")

// handlerFunc is a page handler: it writes a response on success and
// returns an error otherwise.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error
