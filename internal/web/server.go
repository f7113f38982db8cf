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

	"newsdesk/internal/news"
)

// siteName is the publication's name in the header, titles and metadata,
// until site settings make it configurable.
const siteName = "newsdesk"

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
}

// Config holds the settings of the web layer.
type Config struct {
	// BaseURL is the absolute URL of the site without a trailing slash,
	// used in canonical links and metadata. Empty means the scheme and host
	// of each request.
	BaseURL string
}

// Server serves the public site. Build it with NewServer.
type Server struct {
	cfg    Config
	store  Store
	log    *slog.Logger
	pages  *pageSet
	static *staticFiles
	zones  sync.Map // time zone name -> *time.Location
	nav    navCache // editions and sections, for at most navTTL

	popularMu sync.Mutex
	popular   map[string]popularTopics // by edition code
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
	return &Server{cfg: cfg, store: st, log: logger, pages: pages, static: static, popular: map[string]popularTopics{}}, nil
}

// Handler returns the site with its middleware: panic recovery, request
// logging, security headers and cross-origin protection for unsafe methods.
func (s *Server) Handler() http.Handler {
	var h http.Handler = s.routes()
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
