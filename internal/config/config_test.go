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
		{name: "defaults", want: Config{Addr: DefaultAddr, Data: DefaultData}},
		{
			name: "flags",
			args: []string{"--addr", "127.0.0.1:0", "--data", "/tmp/x", "--demo", "--base-url", "https://news.example.com/"},
			want: Config{Addr: "127.0.0.1:0", Data: "/tmp/x", Demo: true, BaseURL: "https://news.example.com/"},
		},
		{
			name: "environment",
			env:  map[string]string{"NEWSDESK_ADDR": "127.0.0.1:9", "NEWSDESK_DEMO": "1", "NEWSDESK_DATABASE": "postgres://db/x"},
			want: Config{Addr: "127.0.0.1:9", Data: DefaultData, Demo: true, Database: "postgres://db/x"},
		},
		{
			name: "flag beats environment",
			args: []string{"--addr", "127.0.0.1:1"},
			env:  map[string]string{"NEWSDESK_ADDR": "127.0.0.1:9"},
			want: Config{Addr: "127.0.0.1:1", Data: DefaultData},
		},
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
