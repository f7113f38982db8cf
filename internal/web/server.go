// Package web is newsdesk's HTTP edge: the public news site rendered on the
// server with html/template. Handlers return errors and one place turns them
// into status codes and error pages; templates and static files are embedded
// and checked when the server is built, never in front of a reader.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"

	"newsdesk/internal/i18n"
	"newsdesk/internal/mail"
	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// Store is what the public site reads. *store.Store satisfies it; the web
// layer names only the methods it calls so that its needs stay visible.
type Store interface {
	Ping(ctx context.Context) error
	Editions(ctx context.Context) ([]news.Edition, error)
	Sections(ctx context.Context, edition string) ([]news.Section, error)
	SectionBySlug(ctx context.Context, edition, slug string) (news.Section, error)
	TagBySlug(ctx context.Context, edition, slug string) (news.Tag, error)
	PopularTags(ctx context.Context, edition string, limit int) ([]news.Tag, error)
	Story(ctx context.Context, id int64) (news.Story, error)
	ListStories(ctx context.Context, f news.StoryFilter) (news.StoryList, error)
	RelatedStories(ctx context.Context, st news.Story, limit int) ([]news.Story, error)
	HomeSlots(ctx context.Context, edition string) ([]news.Story, error)
	SectionRedirect(ctx context.Context, edition, slug string) (news.Section, error)
	TagRedirect(ctx context.Context, edition, slug string) (news.Tag, error)

	// The desk's lists, home page order, sections and tags.
	StatusCounts(ctx context.Context, f news.StoryFilter) (map[news.Status]int, error)
	Authors(ctx context.Context) ([]news.Author, error)
	Section(ctx context.Context, id int64) (news.Section, error)
	SectionCounts(ctx context.Context, edition string) ([]news.SectionCount, error)
	CreateSection(ctx context.Context, sec *news.Section) error
	UpdateSection(ctx context.Context, sec *news.Section) error
	DeleteSection(ctx context.Context, id int64) error
	Tag(ctx context.Context, id int64) (news.Tag, error)
	TagCounts(ctx context.Context, edition, query string, limit int) ([]news.TagCount, error)
	CreateTag(ctx context.Context, tag *news.Tag) error
	UpdateTag(ctx context.Context, tag *news.Tag) error
	MergeTags(ctx context.Context, from, into int64) error
	DeleteTag(ctx context.Context, id int64) error
	SetHomeSlots(ctx context.Context, edition string, ids []int64) error

	// Staff, sessions and sign-in.
	Sessions() *store.SessionStore
	CreateUser(ctx context.Context, u news.User) (news.User, error)
	User(ctx context.Context, id int64) (news.User, error)
	UserByEmail(ctx context.Context, email string) (news.User, error)
	Users(ctx context.Context) ([]news.User, error)
	UpdateUser(ctx context.Context, u news.User) (news.User, error)
	SetPassword(ctx context.Context, id int64, hash string) error
	EndSessions(ctx context.Context, id int64) (news.User, error)
	CreateToken(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error)
	TokenUser(ctx context.Context, raw, purpose string) (news.User, error)
	UseToken(ctx context.Context, raw, purpose string) (news.User, error)
	RecordSignInFailure(ctx context.Context, keys ...string) error
	SignInFailures(ctx context.Context, key string, since time.Time) ([]time.Time, error)
	ClearSignInFailures(ctx context.Context, key string) error
	Edition(ctx context.Context, code string) (news.Edition, error)
	SaveEdition(ctx context.Context, e news.Edition) error
	Settings(ctx context.Context) (news.Settings, error)
	SaveSettings(ctx context.Context, set news.Settings) error

	// The story editor.
	CreateStory(ctx context.Context, st *news.Story) error
	UpdateStory(ctx context.Context, st *news.Story) error
	DeleteStory(ctx context.Context, id int64, version int) error
	StoryRevisions(ctx context.Context, id int64) ([]news.Revision, error)
	RecordRejectedRevision(ctx context.Context, st news.Story, userID int64) (news.Revision, error)
	SuggestTags(ctx context.Context, edition, q string, limit int) ([]news.Tag, error)

	// Corrections and updates.
	AddNote(ctx context.Context, n news.Note) (news.Note, error)

	// The page cache follows the store's changes.
	LastChange(ctx context.Context) (int64, error)
	ChangesAfter(ctx context.Context, after int64, limit int) ([]news.Change, error)
	WatchChanges(ctx context.Context, wake func()) error

	// Revisions and presence in the editor.
	StoryRevision(ctx context.Context, storyID, revID int64) (news.Revision, error)
	RestoreRevision(ctx context.Context, storyID, revID int64, version int, userID int64) (news.Story, error)
	Heartbeat(ctx context.Context, storyID, userID int64) ([]news.Presence, error)
	TakeOver(ctx context.Context, storyID, userID int64) ([]news.Presence, error)
	Leave(ctx context.Context, storyID, userID int64) error

	// Podcasts: shows, episodes and their desk.
	Shows(ctx context.Context, edition string) ([]news.Show, error)
	Show(ctx context.Context, id int64) (news.Show, error)
	ShowBySlug(ctx context.Context, edition, slug string) (news.Show, error)
	CreateShow(ctx context.Context, sh *news.Show) error
	UpdateShow(ctx context.Context, sh *news.Show) error
	Episode(ctx context.Context, id int64) (news.Episode, error)
	Episodes(ctx context.Context, f store.EpisodeFilter) ([]news.Episode, error)
	CreateEpisode(ctx context.Context, e *news.Episode) error
	UpdateEpisode(ctx context.Context, e *news.Episode) error

	// Webhooks, for admins.
	Webhooks(ctx context.Context) ([]news.Webhook, error)
	CreateWebhook(ctx context.Context, w news.Webhook) (news.Webhook, error)
	SetWebhookActive(ctx context.Context, id int64, active bool) error
	DeleteWebhook(ctx context.Context, id int64) error
	WebhookDeliveries(ctx context.Context, webhookID int64, limit int) ([]news.Delivery, error)

	// Readers: accounts and bookmarks.
	CreateTokenData(ctx context.Context, userID int64, purpose, data string, ttl time.Duration) (string, error)
	TokenData(ctx context.Context, raw, purpose string) (news.User, string, error)
	UseTokenData(ctx context.Context, raw, purpose string) (news.User, string, error)
	ConfirmUser(ctx context.Context, id int64) error
	DeleteReader(ctx context.Context, id int64) error
	AddBookmark(ctx context.Context, userID, storyID int64) error
	RemoveBookmark(ctx context.Context, userID, storyID int64) error
	Bookmarks(ctx context.Context, userID int64, page, size int) (news.StoryList, error)
	BookmarkedIDs(ctx context.Context, userID int64, ids []int64) ([]int64, error)

	// The media library.
	CreateMedia(ctx context.Context, m news.Media) (news.Media, bool, error)
	Media(ctx context.Context, id int64) (news.Media, error)
	MediaByHash(ctx context.Context, hash string) (news.Media, error)
	MediaByKey(ctx context.Context, key string) (news.Media, error)
	ListMedia(ctx context.Context, f news.MediaFilter) ([]news.Media, int, error)
	UpdateMedia(ctx context.Context, m news.Media) (news.Media, error)
	DeleteMedia(ctx context.Context, id int64) (news.Media, error)

	// Feeds carry the media of their stories as enclosures.
	StoriesMedia(ctx context.Context, ids []int64) (map[int64][]news.StoryMedia, error)

	// Translations of stories.
	LinkTranslations(ctx context.Context, a, b int64) error
	UnlinkTranslation(ctx context.Context, id int64) error
	StartTranslation(ctx context.Context, fromID int64, edition string, owner int64) (news.Story, error)

	// Sitemaps.
	PublishedCount(ctx context.Context, edition string) (int, error)
	StoryLinks(ctx context.Context, edition string, page, size int) ([]news.StoryLink, error)
	RecentStoryLinks(ctx context.Context, since time.Time, limit int) ([]news.StoryLink, error)
	TranslationLinks(ctx context.Context, groups []int64) (map[int64][]news.StoryLink, error)
	PublishedTags(ctx context.Context, edition string) ([]news.Tag, error)
	PublishedAuthors(ctx context.Context, edition string) ([]news.Author, error)
	AuthorBySlug(ctx context.Context, slug string) (news.Author, error)

	// The content API and its keys.
	APIKeyFor(ctx context.Context, raw string) (news.APIKey, error)
	APIKeys(ctx context.Context) ([]news.APIKey, error)
	CreateAPIKey(ctx context.Context, name string, createdBy int64) (string, news.APIKey, error)
	RevokeAPIKey(ctx context.Context, id int64) error
	CreateUserToken(ctx context.Context, userID int64, name string) (string, news.APIKey, error)
	UserTokens(ctx context.Context, userID int64) ([]news.APIKey, error)
	RevokeUserToken(ctx context.Context, userID, id int64) error

	// Full-text search: the search page and the search API.
	Search(ctx context.Context, q news.SearchQuery) (news.SearchResult, error)
}

// Config holds the settings of the web layer.
type Config struct {
	// BaseURL is the absolute URL of the site without a trailing slash,
	// used in canonical links and metadata. Empty means the scheme and host
	// of each request.
	BaseURL string
	// CacheSize bounds the memory of the page cache in bytes: zero means
	// DefaultCacheSize, a negative size no cache. The cache serves only
	// while Watch runs.
	CacheSize int64
	// Mailer sends readers' confirmation, reset and notice e-mails. Nil
	// means the log: each message is written to the server's log.
	Mailer mail.Sender

	// Media is the media library's files. Without it /media/ serves
	// nothing and the desk takes no uploads.
	Media *media.Library
}

// Server serves the public site. Build it with NewServer.
type Server struct {
	cfg    Config
	store  Store
	log    *slog.Logger
	pages  *pageSet
	static *staticFiles
	words  *i18n.Catalog        // month names, plurals and relative times per language
	ui     *uiTexts             // the chrome's words per language, from words
	desk   *langTexts[deskText] // the desk's words per language
	zones  sync.Map             // time zone name -> *time.Location
	nav    navCache             // editions and sections, for at most navTTL
	cache  *pageCache           // rendered public pages; nil when disabled
	poll   time.Duration        // how often Watch reads changes unannounced

	// sessions are the desk's server-side sessions (scs over the
	// store's sessions table).
	sessions *scs.SessionManager

	popularMu sync.Mutex
	popular   map[string]popularTopics // by edition code
	// popularGen counts resets of popular, so that a list read before
	// one is not kept after it.
	popularGen uint64
}

// NewServer parses every template and indexes the static files, so that a
// broken template stops the program at start-up.
func NewServer(cfg Config, st Store, logger *slog.Logger) (*Server, error) {
	if st == nil {
		return nil, errors.New("web: new server: no store")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	static, err := newStaticFiles()
	if err != nil {
		return nil, fmt.Errorf("web: new server: %w", err)
	}
	pages, err := parsePages(templateFS, static)
	if err != nil {
		return nil, fmt.Errorf("web: new server: %w", err)
	}
	words, err := i18n.New()
	if err != nil {
		return nil, fmt.Errorf("web: new server: %w", err)
	}
	ui, err := newUITexts(words)
	if err != nil {
		return nil, fmt.Errorf("web: new server: %w", err)
	}
	desk, err := newDeskTexts(words)
	if err != nil {
		return nil, fmt.Errorf("web: new server: %w", err)
	}
	if cfg.Mailer == nil {
		if cfg.Mailer, err = mail.New(mail.Settings{From: "newsdesk <noreply@localhost>"}, logger); err != nil {
			return nil, fmt.Errorf("web: new server: %w", err)
		}
	}
	s := &Server{cfg: cfg, store: st, log: logger, pages: pages, static: static, words: words, ui: ui, desk: desk, popular: map[string]popularTopics{}, poll: pollInterval}
	s.sessions = newSessionManager(st.Sessions(), strings.HasPrefix(cfg.BaseURL, "https://"), logger)
	if cfg.CacheSize == 0 {
		cfg.CacheSize = DefaultCacheSize
	}
	if cfg.CacheSize > 0 {
		s.cache = newPageCache(st, cfg.CacheSize, s.keysChanged)
	}
	return s, nil
}

// Session lifetimes: a member of staff stays signed in for a working
// fortnight at most, and is signed out after three idle days.
const (
	sessionLifetime    = 14 * 24 * time.Hour
	sessionIdleTimeout = 3 * 24 * time.Hour
)

// newSessionManager configures scs: an HttpOnly, SameSite=Lax cookie for
// the whole site (readers' accounts will share it), Secure when the site is
// served over HTTPS.
func newSessionManager(st scs.Store, secure bool, logger *slog.Logger) *scs.SessionManager {
	sm := scs.New()
	sm.Store = st
	sm.Lifetime = sessionLifetime
	sm.IdleTimeout = sessionIdleTimeout
	sm.Cookie.Name = "newsdesk_session"
	sm.Cookie.Path = "/"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		logger.ErrorContext(r.Context(), "session failed", "method", r.Method, "path", r.URL.Path, "err", err)
		plainError(w, http.StatusInternalServerError)
	}
	return sm
}

// withSessions loads and saves sessions for the desk and readers' /account/
// pages only: public pages stay free of cookies, and of the Vary: Cookie
// that would defeat caches.
func (s *Server) withSessions(next http.Handler) http.Handler {
	withSession := s.sessions.LoadAndSave(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := r.URL.Path; p == "/desk" || strings.HasPrefix(p, "/desk/") || strings.HasPrefix(p, "/account/") {
			withSession.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Handler returns the site with its middleware: panic recovery, request
// logging, security headers and cross-origin protection for unsafe methods.
func (s *Server) Handler() http.Handler {
	var h http.Handler = s.routes()
	h = s.withSessions(h)
	h = s.recoverPanics(h)
	h = securityHeaders(h)
	h = http.NewCrossOriginProtection().Handler(h)
	return s.logRequests(h)
}

// baseURL is the absolute origin for canonical links: the configured one,
// else the scheme and host the request came in on.
func (s *Server) baseURL(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
