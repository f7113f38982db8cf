// Package web is newsdesk's HTTP edge: the public news site rendered on the
// server with html/template. Handlers return errors and one place turns them
// into status codes and error pages; templates and static files are embedded
// and checked when the server is built, never in front of a reader.
package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"newsdesk/internal/i18n"
	"newsdesk/internal/mail"
	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/session"
)

// Store is what the public site, readers' accounts and the API read and
// write. *store.Store satisfies it; the web layer names only the methods
// it calls so that its needs stay visible. The desk declares its own.
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

	Authors(ctx context.Context) ([]news.Author, error)

	// Users, sessions and sign-in.
	Sessions() *store.SessionStore
	CreateUser(ctx context.Context, u news.User) (news.User, error)
	User(ctx context.Context, id int64) (news.User, error)
	UserByEmail(ctx context.Context, email string) (news.User, error)
	UpdateUser(ctx context.Context, u news.User) (news.User, error)
	SetPassword(ctx context.Context, id int64, hash string) error
	EndSessions(ctx context.Context, id int64) (news.User, error)
	CreateToken(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error)
	TokenUser(ctx context.Context, raw, purpose string) (news.User, error)
	UseToken(ctx context.Context, raw, purpose string) (news.User, error)
	RecordSignInFailure(ctx context.Context, keys ...string) error
	SignInFailures(ctx context.Context, key string, since time.Time) ([]time.Time, error)
	ClearSignInFailures(ctx context.Context, key string) error
	Settings(ctx context.Context) (news.Settings, error)

	// The admin API writes stories.
	CreateStory(ctx context.Context, st *news.Story) error
	UpdateStory(ctx context.Context, st *news.Story) error

	// The page cache follows the store's changes.
	LastChange(ctx context.Context) (int64, error)
	ChangesAfter(ctx context.Context, after int64, limit int) ([]news.Change, error)
	WatchChanges(ctx context.Context, wake func()) error

	// Podcasts: shows and episodes.
	Shows(ctx context.Context, edition string) ([]news.Show, error)
	ShowBySlug(ctx context.Context, edition, slug string) (news.Show, error)
	Episode(ctx context.Context, id int64) (news.Episode, error)
	Episodes(ctx context.Context, f store.EpisodeFilter) ([]news.Episode, error)

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

	// Feeds carry the media of their stories as enclosures.
	StoriesMedia(ctx context.Context, ids []int64) (map[int64][]news.StoryMedia, error)

	// Sitemaps.
	PublishedCount(ctx context.Context, edition string) (int, error)
	StoryLinks(ctx context.Context, edition string, page, size int) ([]news.StoryLink, error)
	RecentStoryLinks(ctx context.Context, since time.Time, limit int) ([]news.StoryLink, error)
	TranslationLinks(ctx context.Context, groups []int64) (map[int64][]news.StoryLink, error)
	PublishedTags(ctx context.Context, edition string) ([]news.Tag, error)
	PublishedAuthors(ctx context.Context, edition string) ([]news.Author, error)
	AuthorBySlug(ctx context.Context, slug string) (news.Author, error)

	// The content API's keys.
	APIKeyFor(ctx context.Context, raw string) (news.APIKey, error)

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
	// nothing.
	Media *media.Library
	// Static are more static files to serve under /static/ beside the
	// site's, each a folder "static": the desk's (desk.StaticFiles).
	Static []fs.FS
	// Sessions are the sessions that readers' accounts share with the
	// desk. Nil means sessions of the server's own over the store's
	// sessions table.
	Sessions *session.Sessions
}

// Desk is the staff's desk, which the server mounts at /desk/ and whose
// library the admin API uploads media to. *desk.Desk satisfies it.
type Desk interface {
	// Handler serves the desk's URLs and hands the others to site.
	Handler(site http.Handler) http.Handler
	// UploadMedia takes the files of a multipart form into the library
	// for u, answering JSON when the request asks for it.
	UploadMedia(w http.ResponseWriter, r *http.Request, u news.User) error
}

// Server serves the public site, readers' accounts, the API and media, and
// mounts the desk. Build it with NewServer.
type Server struct {
	cfg    Config
	store  Store
	log    *slog.Logger
	pages  *pageSet
	static *staticFiles
	words  *i18n.Catalog // month names, plurals and relative times per language
	ui     *uiTexts      // the chrome's words per language, from words
	zones  sync.Map      // time zone name -> *time.Location
	nav    navCache      // editions and sections, for at most navTTL
	cache  *pageCache    // rendered public pages; nil when disabled
	poll   time.Duration // how often Watch reads changes unannounced

	// sessions are the server-side sessions of readers and staff (scs
	// over the store's sessions table).
	sessions *session.Sessions

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
	static, err := newStaticFiles(cfg.Static...)
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
	if cfg.Mailer == nil {
		if cfg.Mailer, err = mail.New(mail.Settings{From: "newsdesk <noreply@localhost>"}, logger); err != nil {
			return nil, fmt.Errorf("web: new server: %w", err)
		}
	}
	s := &Server{cfg: cfg, store: st, log: logger, pages: pages, static: static, words: words, ui: ui, popular: map[string]popularTopics{}, poll: pollInterval}
	s.sessions = cfg.Sessions
	if s.sessions == nil {
		s.sessions = session.New(st.Sessions(), st, strings.HasPrefix(cfg.BaseURL, "https://"), logger)
	}
	if cfg.CacheSize == 0 {
		cfg.CacheSize = DefaultCacheSize
	}
	if cfg.CacheSize > 0 {
		s.cache = newPageCache(st, cfg.CacheSize, s.keysChanged)
	}
	return s, nil
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

// Handler returns the site without a desk, with its middleware: panic
// recovery, request logging, security headers and cross-origin protection
// for unsafe methods. URLs under /desk/ name nothing.
func (s *Server) Handler() http.Handler { return s.HandlerWithDesk(nil) }

// HandlerWithDesk returns the site with desk mounted at /desk/, behind the
// same middleware as the rest of the site: the desk shares its sessions,
// its cross-origin protection and its logs.
func (s *Server) HandlerWithDesk(desk Desk) http.Handler {
	var h http.Handler = s.routes(desk)
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
