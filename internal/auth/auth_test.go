package auth

import (
	"errors"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/news"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("correct horse battery", DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not argon2id PHC with the default parameters", h)
	}
	other, _ := HashPassword("correct horse battery", DefaultParams)
	if other == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	tests := []struct {
		hash, pw string
		want     bool
		wantErr  bool
	}{
		{h, "correct horse battery", true, false},
		{h, "correct horse batterY", false, false},
		{h, "", false, false},
		{"", "anything", false, false},
		{"$2a$10$bcrypt", "x", false, true},
		{"$argon2id$v=19$m=999999999,t=2,p=1$c2FsdA$a2V5a2V5a2V5a2V5a2V5", "x", false, true},
		{strings.Replace(h, "v=19", "v=16", 1), "correct horse battery", false, true},
	}
	for i, tt := range tests {
		got, err := CheckPassword(tt.hash, tt.pw)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("%d: CheckPassword = %v, %v; want %v, error %v", i, got, err, tt.want, tt.wantErr)
		}
	}
	// Hashes made under other parameters still check.
	cheap := Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
	h2, _ := HashPassword("another password", cheap)
	if ok, err := CheckPassword(h2, "another password"); !ok || err != nil {
		t.Errorf("check under other parameters = %v, %v", ok, err)
	}
}

func TestPasswordRules(t *testing.T) {
	tests := []struct {
		pw string
		ok bool
	}{
		{"short", false},
		{"exactly10!", true},
		{"пароль-кириллица", true},
		{strings.Repeat("x", MaxPasswordLen+1), false},
	}
	for _, tt := range tests {
		err := CheckPasswordRules(tt.pw)
		if (err == nil) != tt.ok {
			t.Errorf("CheckPasswordRules(%.20q) = %v, want ok %v", tt.pw, err, tt.ok)
		}
		var e *news.Error
		if err != nil && (!errors.As(err, &e) || e.Fields["password"] == "") {
			t.Errorf("error %v does not name the password field", err)
		}
	}
}

func TestToken(t *testing.T) {
	raw, hash := NewToken()
	if len(raw) != 43 || HashToken(raw) != hash || len(hash) != 64 {
		t.Errorf("NewToken = %q, %q", raw, hash)
	}
	raw2, _ := NewToken()
	if raw == raw2 {
		t.Error("two tokens are equal")
	}
}

func TestThrottle(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	th := Throttle{Limit: 3, Window: 10 * time.Minute}
	ago := func(d ...time.Duration) []time.Time {
		var ts []time.Time
		for _, x := range d {
			ts = append(ts, now.Add(-x))
		}
		return ts
	}
	tests := []struct {
		name     string
		failures []time.Time
		want     time.Duration
	}{
		{"none", nil, 0},
		{"under the limit", ago(time.Minute, 2*time.Minute), 0},
		{"old failures do not count", ago(time.Minute, 11*time.Minute, 12*time.Minute), 0},
		{"at the limit", ago(time.Minute, 2*time.Minute, 3*time.Minute), 7 * time.Minute},
		{"over the limit waits for the third newest", ago(4*time.Minute, time.Minute, 2*time.Minute, 3*time.Minute), 7 * time.Minute},
		{"at least a second", ago(10*time.Minute-time.Millisecond, 2*time.Minute, 3*time.Minute), time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := th.RetryAfter(tt.failures, now); got != tt.want {
				t.Errorf("RetryAfter = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCommonPassword(t *testing.T) {
	tests := []struct {
		pw     string
		common bool
	}{
		{"password", true},
		{"Password2024!", true},
		{"QWERTYUIOP", true},
		{"1234567890", true},
		{"!!2024-2025!!", true},
		{"aaaaaaaaaaaa", true},
		{"ЙЦУКЕНГШЩЗ", true},
		{"123iloveyou123", true},
		{"correct horse battery", false},
		{"harbour lights at nine", false},
		{"passwordless kettle", false},
		{"пароль-кириллица", false},
	}
	for _, tt := range tests {
		if got := CommonPassword(tt.pw); got != tt.common {
			t.Errorf("CommonPassword(%q) = %v, want %v", tt.pw, got, tt.common)
		}
	}
	if err := CheckPasswordRules("Sunshine12345"); err == nil {
		t.Error("CheckPasswordRules accepts Sunshine12345")
	}
	if n := len(commonPasswords()); n < 300 {
		t.Errorf("the list holds %d passwords, want a few hundred", n)
	}
}
