package mail

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"newsdesk/internal/mail/mailtest"
	"strings"
	"testing"
)

func TestSMTP(t *testing.T) {
	mp := mailtest.Start(t)
	ctx := context.Background()
	base := Settings{Host: "127.0.0.1", Port: mp.SMTPPort, From: "Daily News <noreply@news.example>", TLS: TLSNone}

	t.Run("plain text and HTML", func(t *testing.T) {
		s, err := New(base, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		err = s.Send(ctx, Message{
			To:      "reader@example.org",
			Subject: "Подтвердите адрес",
			Text:    "Confirm: https://news.example/account/confirm?t=abc123\n",
			HTML:    `<p><a href="https://news.example/account/confirm?t=abc123">Confirm</a></p>`,
		})
		if err != nil {
			t.Fatal(err)
		}
		got := mp.Message(t, "reader@example.org")
		if got.Subject != "Подтвердите адрес" {
			t.Errorf("subject = %q, want the one sent", got.Subject)
		}
		if want := (mailtest.Address{Name: "Daily News", Address: "noreply@news.example"}); got.From != want {
			t.Errorf("from = %+v, want %+v", got.From, want)
		}
		if !strings.Contains(got.Text, "https://news.example/account/confirm?t=abc123") {
			t.Errorf("text body = %q, want the link", got.Text)
		}
		if !strings.Contains(got.HTML, `href="https://news.example/account/confirm?t=abc123"`) {
			t.Errorf("HTML body = %q, want the link", got.HTML)
		}
	})

	t.Run("with authentication", func(t *testing.T) {
		set := base
		set.Username, set.Password = "newsdesk", "secret"
		s, err := New(set, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Send(ctx, Message{To: "auth@example.org", Subject: "Reset", Text: "Reset your password"}); err != nil {
			t.Fatal(err)
		}
		got := mp.Message(t, "auth@example.org")
		if got.Username != "newsdesk" {
			t.Errorf("SMTP user = %q, want newsdesk", got.Username)
		}
		if strings.TrimSpace(got.Text) != "Reset your password" || got.HTML != "" {
			t.Errorf("got text %q and HTML %q, want the plain text only", got.Text, got.HTML)
		}
	})

	// mailpit offers no STARTTLS without a certificate: the starttls and
	// tls modes must refuse to fall back to plain text.
	for _, mode := range []string{TLSStartTLS, TLSImplicit} {
		t.Run("no fallback from "+mode, func(t *testing.T) {
			set := base
			set.TLS = mode
			s, err := New(set, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			err = s.Send(ctx, Message{To: "tls@example.org", Subject: "x", Text: "x"})
			if err == nil || !strings.HasPrefix(err.Error(), "mail: send to tls@example.org: ") {
				t.Fatalf("err = %v, want a wrapped send error", err)
			}
		})
	}

	t.Run("bad recipient", func(t *testing.T) {
		s, err := New(base, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Send(ctx, Message{To: "not an address", Subject: "x", Text: "x"}); err == nil {
			t.Fatal("sent to a malformed address")
		}
	})
}

func TestLog(t *testing.T) {
	var buf bytes.Buffer
	s, err := New(Settings{From: "newsdesk <noreply@localhost>"}, slog.New(slog.NewJSONHandler(&buf, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.Mode(), "log") {
		t.Errorf("Mode() = %q, want the log", s.Mode())
	}
	link := "http://127.0.0.1:8080/account/confirm?t=abc123"
	if err := s.Send(context.Background(), Message{To: "reader@example.org", Subject: "Confirm", Text: "Confirm: " + link, HTML: "<p>ignored</p>"}); err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("log %q: %v", buf.String(), err)
	}
	if rec["level"] != "INFO" || rec["to"] != "reader@example.org" || rec["subject"] != "Confirm" || rec["body"] != "Confirm: "+link {
		t.Errorf("log record = %v, want level INFO, the recipient, subject and body", rec)
	}
	if err := s.Send(context.Background(), Message{To: "nope", Text: "x"}); err == nil {
		t.Error("logged a message to a malformed address")
	}
}

func TestNew(t *testing.T) {
	ok := Settings{Host: "smtp.example.org", Port: 587, From: "news@example.org", TLS: TLSStartTLS}
	tests := []struct {
		name   string
		change func(*Settings)
		want   string // start of Mode(), or "" for an error
	}{
		{"smtp", func(*Settings) {}, "SMTP smtp.example.org:587 (starttls)"},
		{"log", func(s *Settings) { s.Host, s.Port, s.TLS = "", 0, "" }, "log"},
		{"bad from", func(s *Settings) { s.From = "nobody" }, ""},
		{"bad port", func(s *Settings) { s.Port = 70000 }, ""},
		{"bad tls", func(s *Settings) { s.TLS = "ssl" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := ok
			tt.change(&set)
			s, err := New(set, slog.New(slog.DiscardHandler))
			if tt.want == "" {
				if err == nil {
					t.Fatalf("New(%+v) = nil error, want one", set)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(s.Mode(), tt.want) {
				t.Errorf("Mode() = %q, want %q", s.Mode(), tt.want)
			}
		})
	}
}
