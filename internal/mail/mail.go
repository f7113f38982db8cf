// Package mail sends newsdesk's outgoing e-mail: over SMTP when a server is
// configured, otherwise into the log, so that a single-machine install
// without a mail server still shows the links it would have mailed.
package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	netmail "net/mail"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// TLS modes for the connection to the SMTP server.
const (
	TLSNone     = "none"     // plain text, for a relay on the same host or network
	TLSStartTLS = "starttls" // upgrade with STARTTLS, which the server must offer
	TLSImplicit = "tls"      // TLS from the first byte, usually port 465
)

// Settings describe the SMTP server. An empty Host means no server: messages
// are logged instead of sent.
type Settings struct {
	Host     string
	Port     int
	Username string // empty: no authentication
	Password string
	From     string // "Name <address>" or a bare address
	TLS      string // TLSNone, TLSStartTLS or TLSImplicit
}

// Message is one e-mail to one recipient.
type Message struct {
	To      string
	Subject string
	Text    string // plain text body, always sent
	HTML    string // optional HTML alternative
}

// Sender sends messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
	// Mode says where messages go, for the start-up log.
	Mode() string
}

// sendTimeout bounds one delivery when ctx has no earlier deadline, so a
// silent server cannot hold a request forever.
const sendTimeout = 30 * time.Second

// New returns the Sender for s: SMTP when s.Host is set, the log otherwise.
func New(s Settings, logger *slog.Logger) (Sender, error) {
	from, err := netmail.ParseAddress(s.From)
	if err != nil {
		return nil, fmt.Errorf("mail: from address %q: %w", s.From, err)
	}
	if s.Host == "" {
		return &logSender{from: from.String(), logger: logger}, nil
	}
	if s.Port < 1 || s.Port > 65535 {
		return nil, fmt.Errorf("mail: SMTP port %d is not between 1 and 65535", s.Port)
	}
	switch s.TLS {
	case TLSNone, TLSStartTLS, TLSImplicit:
	default:
		return nil, fmt.Errorf("mail: TLS mode %q is not none, starttls or tls", s.TLS)
	}
	return &smtpSender{settings: s, from: from}, nil
}

// smtpSender delivers through an SMTP server, one connection per message:
// newsdesk mails rarely (sign-up, password reset), and a fresh client per
// send keeps concurrent requests apart.
type smtpSender struct {
	settings Settings
	from     *netmail.Address
}

func (s *smtpSender) Mode() string {
	return fmt.Sprintf("SMTP %s:%d (%s)", s.settings.Host, s.settings.Port, s.settings.TLS)
}

func (s *smtpSender) Send(ctx context.Context, m Message) error {
	msg, err := s.compose(m)
	if err != nil {
		return fmt.Errorf("mail: send to %s: %w", m.To, err)
	}
	client, err := gomail.NewClient(s.settings.Host, s.options()...)
	if err != nil {
		return fmt.Errorf("mail: send to %s: %w", m.To, err)
	}
	ctx, cancel := context.WithTimeout(ctx, sendTimeout)
	defer cancel()
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("mail: send to %s: %w", m.To, err)
	}
	return nil
}

func (s *smtpSender) options() []gomail.Option {
	opts := []gomail.Option{gomail.WithPort(s.settings.Port), gomail.WithTimeout(sendTimeout)}
	switch s.settings.TLS {
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	}
	if s.settings.Username != "" {
		// Over TLS the library picks the strongest mechanism the server
		// offers. Without TLS it would pick none of the common ones, so
		// PLAIN is asked for, which the library sends in clear only to
		// a server on localhost.
		auth := gomail.SMTPAuthAutoDiscover
		if s.settings.TLS == TLSNone {
			auth = gomail.SMTPAuthPlain
		}
		opts = append(opts,
			gomail.WithSMTPAuth(auth),
			gomail.WithUsername(s.settings.Username),
			gomail.WithPassword(s.settings.Password))
	}
	return opts
}

func (s *smtpSender) compose(m Message) (*gomail.Msg, error) {
	if m.Text == "" {
		return nil, errors.New("no plain text body")
	}
	msg := gomail.NewMsg()
	if err := msg.FromFormat(s.from.Name, s.from.Address); err != nil {
		return nil, err
	}
	if err := msg.To(m.To); err != nil {
		return nil, err
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}

// logSender writes each message to the log at info level. The plain text
// body is logged whole, since it carries the links (confirmation, password
// reset) that the reader would otherwise have followed from the e-mail.
type logSender struct {
	from   string
	logger *slog.Logger
}

func (s *logSender) Mode() string { return "log (no SMTP host configured)" }

func (s *logSender) Send(ctx context.Context, m Message) error {
	if _, err := netmail.ParseAddress(m.To); err != nil {
		return fmt.Errorf("mail: send to %s: %w", m.To, err)
	}
	if m.Text == "" {
		return fmt.Errorf("mail: send to %s: no plain text body", m.To)
	}
	s.logger.InfoContext(ctx, "mail not sent, no SMTP host configured",
		"from", s.from, "to", m.To, "subject", m.Subject, "body", m.Text)
	return nil
}
