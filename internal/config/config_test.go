package config

import (
	"flag"
	"io"
	"path/filepath"
	"testing"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    Config
		wantErr bool
	}{
		{name: "defaults", want: serveDefaults(Config{Addr: DefaultAddr, Data: DefaultData})},
		{
			name: "flags",
			args: []string{"--addr", "127.0.0.1:0", "--data", "/tmp/x", "--demo", "--base-url", "https://news.example.com/"},
			want: serveDefaults(Config{Addr: "127.0.0.1:0", Data: "/tmp/x", Demo: true, BaseURL: "https://news.example.com/"}),
		},
		{
			name: "environment",
			env:  map[string]string{"NEWSDESK_ADDR": "127.0.0.1:9", "NEWSDESK_DEMO": "1", "NEWSDESK_DATABASE": "postgres://db/x"},
			want: serveDefaults(Config{Addr: "127.0.0.1:9", Data: DefaultData, Demo: true, Database: "postgres://db/x"}),
		},
		{
			name: "flag beats environment",
			args: []string{"--addr", "127.0.0.1:1"},
			env:  map[string]string{"NEWSDESK_ADDR": "127.0.0.1:9"},
			want: serveDefaults(Config{Addr: "127.0.0.1:1", Data: DefaultData}),
		},
		{
			name: "smtp flags",
			args: []string{"--smtp-host", "smtp.example.org", "--smtp-port", "465", "--smtp-username", "news",
				"--smtp-password", "secret", "--smtp-from", "Daily News <news@example.org>", "--smtp-tls", "tls"},
			want: Config{Addr: DefaultAddr, Data: DefaultData, SMTPHost: "smtp.example.org", SMTPPort: 465,
				SMTPUsername: "news", SMTPPassword: "secret", SMTPFrom: "Daily News <news@example.org>", SMTPTLS: "tls"},
		},
		{
			name: "smtp environment",
			env: map[string]string{"NEWSDESK_SMTP_HOST": "127.0.0.1", "NEWSDESK_SMTP_PORT": "25", "NEWSDESK_SMTP_USERNAME": "u",
				"NEWSDESK_SMTP_PASSWORD": "p", "NEWSDESK_SMTP_FROM": "news@example.org", "NEWSDESK_SMTP_TLS": "none"},
			want: Config{Addr: DefaultAddr, Data: DefaultData, SMTPHost: "127.0.0.1", SMTPPort: 25,
				SMTPUsername: "u", SMTPPassword: "p", SMTPFrom: "news@example.org", SMTPTLS: "none"},
		},
		{
			name: "smtp flag beats environment",
			args: []string{"--smtp-port", "2525"},
			env:  map[string]string{"NEWSDESK_SMTP_PORT": "25"},
			want: Config{Addr: DefaultAddr, Data: DefaultData, SMTPPort: 2525, SMTPFrom: DefaultSMTPFrom, SMTPTLS: DefaultSMTPTLS},
		},
		{name: "bad smtp port variable", env: map[string]string{"NEWSDESK_SMTP_PORT": "smtp"}, wantErr: true},
		{name: "smtp port zero", args: []string{"--smtp-port", "0"}, wantErr: true},
		{name: "smtp port too big", args: []string{"--smtp-port", "65536"}, wantErr: true},
		{name: "bad smtp tls", args: []string{"--smtp-tls", "ssl"}, wantErr: true},
		{name: "empty smtp tls", args: []string{"--smtp-tls", ""}, wantErr: true},
		{name: "bad smtp from", args: []string{"--smtp-from", "newsdesk"}, wantErr: true},
		{name: "empty smtp from", env: map[string]string{"NEWSDESK_SMTP_FROM": " "}, wantErr: true},
		{name: "smtp password without user", args: []string{"--smtp-password", "secret"}, wantErr: true},
		{name: "bad bool variable", env: map[string]string{"NEWSDESK_DEMO": "maybe"}, wantErr: true},
		{name: "bad addr", args: []string{"--addr", "nonsense"}, wantErr: true},
		{name: "bad base url", args: []string{"--base-url", "ftp://x"}, wantErr: true},
		{name: "empty data", args: []string{"--data", ""}, wantErr: true},
		{name: "unknown flag", args: []string{"--nope"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			got, err := NewFlags(fs, func(k string) string { return tt.env[k] }, true).Parse(tt.args)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// serveDefaults adds the defaults of the --smtp-* flags to c.
func serveDefaults(c Config) Config {
	c.SMTPPort, c.SMTPFrom, c.SMTPTLS = DefaultSMTPPort, DefaultSMTPFrom, DefaultSMTPTLS
	return c
}

// TestStorageFlags checks that the commands other than serve neither take
// nor check the mail settings.
func TestStorageFlags(t *testing.T) {
	newFlags := func(env map[string]string) *Flags {
		fs := flag.NewFlagSet("import", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		return NewFlags(fs, func(k string) string { return env[k] }, false)
	}
	got, err := newFlags(map[string]string{"NEWSDESK_SMTP_TLS": "bogus"}).Parse(nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Config{Data: DefaultData}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := newFlags(nil).Parse([]string{"--smtp-host", "x"}); err == nil {
		t.Error("import accepted --smtp-host")
	}
}

func TestDatabaseURL(t *testing.T) {
	c := Config{Data: "/srv/news"}
	if got, want := c.DatabaseURL(), filepath.Join("/srv/news", "newsdesk.db"); got != want {
		t.Errorf("DatabaseURL() = %q, want %q", got, want)
	}
	c.Database = "postgres://x/y"
	if got := c.DatabaseURL(); got != "postgres://x/y" {
		t.Errorf("DatabaseURL() = %q, want the --database value", got)
	}
}
