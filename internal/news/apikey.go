package news

import (
	"strings"
	"time"
	"unicode/utf8"
)

// APIKey lets a partner or an app read the content API; a key of a member
// of staff (UserID set) also acts as them on the admin API. The key itself
// is shown once when made; Prefix, its first characters, names it after.
type APIKey struct {
	ID         int64
	UserID     int64  // zero for a content key
	Name       string // whose or what it is, e.g. "Partner app"
	Prefix     string
	CreatedBy  int64
	CreatedAt  time.Time
	LastUsedAt time.Time // zero until first used; updated at most hourly
	RevokedAt  time.Time // zero while the key works
}

// MaxAPIKeyNameLen limits a key's name.
const MaxAPIKeyNameLen = 100

// Validate checks the key's name.
func (k APIKey) Validate() error {
	v := ValidationErrors{}
	switch n := utf8.RuneCountInString(strings.TrimSpace(k.Name)); {
	case n == 0:
		v.Add("name", "is required")
	case n > MaxAPIKeyNameLen:
		v.Add("name", "is too long")
	}
	return v.Err("API key")
}
