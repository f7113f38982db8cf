package news

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a user may do. Staff roles reach the desk; readers do not.
type Role string

// Roles, from the most to the least powerful staff role, then readers.
const (
	RoleAdmin       Role = "admin"
	RoleEditor      Role = "editor"
	RoleAuthor      Role = "author"
	RoleContributor Role = "contributor"
	RoleReader      Role = "reader"
)

// StaffRoles lists the roles that reach the desk, most powerful first.
var StaffRoles = []Role{RoleAdmin, RoleEditor, RoleAuthor, RoleContributor}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	switch r {
	case RoleAdmin, RoleEditor, RoleAuthor, RoleContributor, RoleReader:
		return true
	}
	return false
}

// Staff reports whether the role reaches the desk.
func (r Role) Staff() bool { return r.Valid() && r != RoleReader }

// User is a person with an account: a member of staff or a reader.
type User struct {
	ID    int64
	Email string // lower case; unique
	Name  string
	Role  Role
	// AuthorID is the byline the user writes under, zero when none.
	AuthorID int64
	// PasswordHash is the encoded argon2id hash, empty when the user has
	// not set a password yet. It never leaves the server.
	PasswordHash string
	// SessionEpoch grows when the user signs out everywhere: sessions made
	// under an older epoch are no longer accepted.
	SessionEpoch int64
	Disabled     bool
	// Language is the BCP 47 tag of the language a member of staff reads
	// the desk in; empty for the default edition's language.
	Language string
	// Unconfirmed marks a reader who signed up and has not yet followed
	// the link mailed to the address; such an account cannot sign in.
	Unconfirmed bool
	CreatedAt   time.Time
}

// Limits on user fields.
const (
	MaxEmailLen = 254
	MaxNameLen  = 100
)

// NormalizeEmail trims an address and lower-cases it, so that one person
// has one account whatever the case they type.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidEmail reports whether s is a plain address such as
// "name@example.com", without a display name or angle brackets.
func ValidEmail(s string) bool {
	if len(s) > MaxEmailLen || strings.ContainsAny(s, " <>\"") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return false
	}
	_, domain, _ := strings.Cut(s, "@")
	return strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// Validate checks the user's fields.
func (u User) Validate() error {
	v := ValidationErrors{}
	if !ValidEmail(u.Email) {
		v.Add("email", "must be an e-mail address such as name@example.com")
	}
	if utf8.RuneCountInString(u.Name) > MaxNameLen {
		v.Add("name", "is too long")
	}
	if !u.Role.Valid() {
		v.Add("role", "must be admin, editor, author, contributor or reader")
	}
	if u.Language != "" && !languageTag.MatchString(u.Language) {
		v.Add("language", "must be a language tag such as en or pt-BR")
	}
	return v.Err("user")
}

// languageTag is a BCP 47 language with an optional region or script.
var languageTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$`)

// DisplayName is the user's name, or the e-mail address when there is none.
func (u User) DisplayName() string {
	if strings.TrimSpace(u.Name) != "" {
		return u.Name
	}
	return u.Email
}
