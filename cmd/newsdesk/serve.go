package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsdesk/internal/config"
	"newsdesk/internal/demo"
	"newsdesk/internal/mail"
	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/schedule"
	"newsdesk/internal/store"
	"newsdesk/internal/web"
	"newsdesk/internal/web/desk"
	"newsdesk/internal/web/session"
	"newsdesk/internal/webhook"
)

// serve runs the web server until ctx is cancelled.
func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := config.NewFlags(newFlagSet("serve", stderr), getenv, true).Parse(args)
	if err != nil {
		return usageError{err}
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	mailer, err := mail.New(mail.Settings{
		Host: cfg.SMTPHost, Port: cfg.SMTPPort, Username: cfg.SMTPUsername, Password: cfg.SMTPPassword,
		From: cfg.SMTPFrom, TLS: cfg.SMTPTLS,
	}, logger)
	if err != nil {
		return err
	}
	logger.Info("outgoing mail", "via", mailer.Mode())

	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	lib, err := openMedia(cfg)
	if err != nil {
		return err
	}
	var demoAdmin news.User
	if cfg.Demo {
		if err := fillDemo(ctx, st, lib, logger); err != nil {
			return err
		}
		if demoAdmin, err = ensureDemoStaff(ctx, st, logger); err != nil {
			return err
		}
	}
	// Readers' accounts and the desk share one session cookie.
	sessions := session.New(st.Sessions(), st, strings.HasPrefix(cfg.SiteURL(), "https://"), logger)
	site, err := web.NewServer(web.Config{BaseURL: cfg.SiteURL(), Mailer: mailer, Media: lib, Sessions: sessions, Static: []fs.FS{desk.StaticFiles()}}, st, logger)
	if err != nil {
		return err
	}
	staff, err := desk.New(desk.Config{BaseURL: cfg.SiteURL(), Media: lib, Static: site.StaticURL, Icon: web.Icon}, st, site, sessions, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	srv := &http.Server{
		Handler:           site.HandlerWithDesk(staff),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	// Tests and scripts read this line to learn the port of --addr :0.
	fmt.Fprintf(stdout, "newsdesk: listening on http://%s\n", ln.Addr())
	if demoAdmin.ID != 0 {
		link, err := signInLink(ctx, st, demoAdmin, cmp.Or(cfg.SiteURL(), "http://"+ln.Addr().String()))
		if err != nil {
			ln.Close()
			return err
		}
		fmt.Fprintf(stdout, "newsdesk: sign in to the desk as the demo admin %s with this one-time link: %s\n", demoAdmin.Email, link)
	}

	// Every process runs the scheduler; the store publishes each story
	// once. Its first pass publishes what fell due while newsdesk was
	// stopped.
	defer background(ctx, func(ctx context.Context) { schedule.Run(ctx, st, logger) })()
	// The page cache serves while Watch keeps it in step with the changes
	// of every process and node.
	defer background(ctx, func(ctx context.Context) { site.Watch(ctx) })()
	// Every process sends webhooks too; the store hands each delivery to
	// one of them.
	hooks := &webhook.Worker{Store: st, Log: logger, BaseURL: cfg.SiteURL()}
	defer background(ctx, func(ctx context.Context) { hooks.Run(ctx) })()

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// openMedia opens the media library in --data/media, with uploads checked
// in --data/media-tmp, on the same disk.
func openMedia(cfg config.Config) (*media.Library, error) {
	disk, err := media.NewDisk(filepath.Join(cfg.Data, "media"))
	if err != nil {
		return nil, err
	}
	tmp := filepath.Join(cfg.Data, "media-tmp")
	if err := os.MkdirAll(tmp, 0o750); err != nil {
		return nil, fmt.Errorf("create media folder: %w", err)
	}
	return &media.Library{Storage: disk, TempDir: tmp}, nil
}

// openStore creates the data folder, opens and migrates the database, and
// gives a new newsroom its starter editions.
func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	if cfg.Database == "" {
		if err := os.MkdirAll(cfg.Data, 0o750); err != nil {
			return nil, fmt.Errorf("create data folder: %w", err)
		}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL())
	if err != nil {
		return nil, err
	}
	if err := ensureEditions(ctx, st); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func ensureEditions(ctx context.Context, st *store.Store) error {
	eds, err := st.Editions(ctx)
	if err != nil || len(eds) > 0 {
		return err
	}
	for _, e := range news.StarterEditions() {
		if err := st.SaveEdition(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// fillDemo adds demo content unless the newsroom already has stories, so
// --demo can stay on across restarts without duplicating anything.
func fillDemo(ctx context.Context, st *store.Store, lib *media.Library, logger *slog.Logger) error {
	list, err := st.ListStories(ctx, news.StoryFilter{Limit: 1})
	if err != nil {
		return err
	}
	if list.Total > 0 {
		logger.Info("demo content skipped: the database already has stories", "stories", list.Total)
		return nil
	}
	now := time.Now()
	if err := demo.Fill(ctx, st, now); err != nil {
		return fmt.Errorf("demo content: %w", err)
	}
	if err := demo.Podcasts(ctx, st, demoMedia(st, lib), now); err != nil {
		return fmt.Errorf("demo content: %w", err)
	}
	if err := demo.MediaStories(ctx, st, demoMedia(st, lib), now); err != nil {
		return fmt.Errorf("demo content: %w", err)
	}
	logger.Info("demo content added")
	return nil
}

// ensureDemoStaff gives a newsroom without users the demo staff, and
// returns the demo admin while that account has no password yet, so that
// serve can print a sign-in link for it. Once the admin has chosen a
// password no link is printed: the account is someone's now.
func ensureDemoStaff(ctx context.Context, st *store.Store, logger *slog.Logger) (news.User, error) {
	users, err := st.Users(ctx)
	if err != nil {
		return news.User{}, err
	}
	if len(users) == 0 {
		for _, u := range demo.Staff() {
			if _, err := st.CreateUser(ctx, u); err != nil {
				return news.User{}, fmt.Errorf("demo staff: %w", err)
			}
		}
		logger.Info("demo staff added", "users", len(demo.Staff()))
	}
	admin, err := st.UserByEmail(ctx, demo.AdminEmail)
	if errors.Is(err, news.ErrNotFound) {
		return news.User{}, nil
	}
	if err != nil || admin.Role != news.RoleAdmin || admin.Disabled || admin.PasswordHash != "" {
		return news.User{}, err
	}
	return admin, nil
}

// background runs fn in a goroutine and returns a function that cancels it
// and waits for it to return: deferred, it stops the work before the store
// it uses is closed.
func background(ctx context.Context, fn func(context.Context)) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(ctx)
	}()
	return func() {
		cancel()
		<-done
	}
}
