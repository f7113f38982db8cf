// Package config reads newsdesk's settings from command-line flags, with a
// NEWSDESK_<FLAG> environment variable as the default of every flag. It
// validates them once; the rest of the program receives plain values.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
)

// Config holds the settings shared by newsdesk's commands.
type Config struct {
	Addr     string // address serve listens on
	Data     string // folder for the SQLite file and media
	Database string // database URL; empty means SQLite in Data
	BaseURL  string // public URL of the site, for canonical links
	Demo     bool   // fill an empty database with demo content

	// Outgoing e-mail. With no SMTPHost, messages are written to the log.
	SMTPHost     string
	SMTPPort     int
	SMTPUsername string
	SMTPPassword string
	SMTPFrom     string // sender, "Name <address>" or an address
	SMTPTLS      string // none, starttls or tls
}

// Defaults used when neither a flag nor its variable is set.
const (
	DefaultAddr = "127.0.0.1:8080"
	DefaultData = "./newsdesk-data"

	DefaultSMTPPort = 587
	DefaultSMTPFrom = "newsdesk <noreply@localhost>"
	DefaultSMTPTLS  = "starttls"
)

// Flags binds the settings to fs. Each flag takes its default from the
// variable NEWSDESK_<NAME> (upper case, '-' as '_') when getenv returns one.
// serve adds the flags that only the server needs.
type Flags struct {
	fs     *flag.FlagSet
	getenv func(string) string
	serve  bool
	envErr error
	cfg    Config
}

// NewFlags registers the storage flags (--data, --database) on fs, and the
// server flags (--addr, --base-url, --demo, --smtp-*) when serve is true.
func NewFlags(fs *flag.FlagSet, getenv func(string) string, serve bool) *Flags {
	f := &Flags{fs: fs, getenv: getenv, serve: serve}
	f.str(&f.cfg.Data, "data", DefaultData, "folder for the database file and media")
	f.str(&f.cfg.Database, "database", "", "database URL (postgres://...); default: SQLite in --data")
	if serve {
		f.str(&f.cfg.Addr, "addr", DefaultAddr, "address to listen on")
		f.str(&f.cfg.BaseURL, "base-url", "", "public URL of the site for canonical links, e.g. https://news.example.com")
		f.boolean(&f.cfg.Demo, "demo", "fill an empty database with demo content")
		f.str(&f.cfg.SMTPHost, "smtp-host", "", "SMTP server for outgoing e-mail; default: write messages to the log")
		f.integer(&f.cfg.SMTPPort, "smtp-port", DefaultSMTPPort, "SMTP server port")
		f.str(&f.cfg.SMTPUsername, "smtp-username", "", "SMTP user name; default: no authentication")
		f.str(&f.cfg.SMTPPassword, "smtp-password", "", "SMTP password")
		f.str(&f.cfg.SMTPFrom, "smtp-from", DefaultSMTPFrom, "sender of outgoing e-mail")
		f.str(&f.cfg.SMTPTLS, "smtp-tls", DefaultSMTPTLS, "SMTP connection security: none, starttls or tls")
	}
	return f
}

// EnvName returns the environment variable that sets flag name.
func EnvName(name string) string {
	return "NEWSDESK_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

func (f *Flags) str(p *string, name, def, usage string) {
	if v := f.getenv(EnvName(name)); v != "" {
		def = v
	}
	f.fs.StringVar(p, name, def, usage+" ($"+EnvName(name)+")")
}

func (f *Flags) boolean(p *bool, name, usage string) {
	def := false
	if v := f.getenv(EnvName(name)); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			f.envErr = errors.Join(f.envErr, fmt.Errorf("%s=%q is not true or false", EnvName(name), v))
		}
		def = b
	}
	f.fs.BoolVar(p, name, def, usage+" ($"+EnvName(name)+")")
}

func (f *Flags) integer(p *int, name string, def int, usage string) {
	if v := f.getenv(EnvName(name)); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			f.envErr = errors.Join(f.envErr, fmt.Errorf("%s=%q is not a whole number", EnvName(name), v))
		}
		def = n
	}
	f.fs.IntVar(p, name, def, usage+" ($"+EnvName(name)+")")
}

// Parse parses args and returns the validated configuration.
func (f *Flags) Parse(args []string) (Config, error) {
	if f.envErr != nil {
		return Config{}, f.envErr
	}
	if err := f.fs.Parse(args); err != nil {
		return Config{}, err
	}
	err := f.cfg.validate()
	if f.serve {
		err = errors.Join(err, f.cfg.validateMail())
	}
	return f.cfg, err
}

func (c Config) validate() error {
	var errs []error
	if c.Data == "" {
		errs = append(errs, errors.New("--data must not be empty"))
	}
	if c.Addr != "" {
		if _, _, err := net.SplitHostPort(c.Addr); err != nil {
			errs = append(errs, fmt.Errorf("--addr %q is not host:port", c.Addr))
		}
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("--base-url %q is not an http or https URL", c.BaseURL))
		}
	}
	return errors.Join(errs...)
}

// validateMail checks the --smtp-* flags, which only serve has.
func (c Config) validateMail() error {
	var errs []error
	if c.SMTPPort < 1 || c.SMTPPort > 65535 {
		errs = append(errs, fmt.Errorf("--smtp-port %d is not between 1 and 65535", c.SMTPPort))
	}
	switch c.SMTPTLS {
	case "none", "starttls", "tls":
	default:
		errs = append(errs, fmt.Errorf("--smtp-tls %q is not none, starttls or tls", c.SMTPTLS))
	}
	if _, err := mail.ParseAddress(c.SMTPFrom); err != nil {
		errs = append(errs, fmt.Errorf("--smtp-from %q is not an e-mail address", c.SMTPFrom))
	}
	if c.SMTPPassword != "" && c.SMTPUsername == "" {
		errs = append(errs, errors.New("--smtp-password is set without --smtp-username"))
	}
	return errors.Join(errs...)
}

// DatabaseURL is the database to open: --database when set, else the SQLite
// file newsdesk.db in the data folder.
func (c Config) DatabaseURL() string {
	if c.Database != "" {
		return c.Database
	}
	return filepath.Join(c.Data, "newsdesk.db")
}

// SiteURL is the base URL without a trailing slash.
func (c Config) SiteURL() string {
	return strings.TrimRight(c.BaseURL, "/")
}
