// Package auth holds newsdesk's credentials: argon2id password hashes in
// the PHC string form, random one-time tokens of which only a hash is
// stored, and the arithmetic of throttling failed sign-ins. It does no I/O.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"newsdesk/internal/news"
)

// Params are the argon2id cost parameters. They are written into every
// hash, so raising them later keeps old hashes checkable.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	KeyLen  uint32
	SaltLen uint32
}

// DefaultParams follow OWASP's argon2id recommendation (19 MiB, two
// passes, one lane): about 30 ms on a server core, so a sign-in stays quick
// while a stolen hash stays costly to guess at.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, KeyLen: 32, SaltLen: 16}

// Password length limits, in characters. The upper bound keeps a hostile
// request from making the server hash megabytes.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 256
)

// CheckPasswordRules returns an ErrInvalid error naming field "password"
// when pw is too short, too long or too common (CommonPassword).
func CheckPasswordRules(pw string) error {
	v := news.ValidationErrors{}
	switch n := utf8.RuneCountInString(pw); {
	case n < MinPasswordLen:
		v.Add("password", fmt.Sprintf("must be at least %d characters", MinPasswordLen))
	case n > MaxPasswordLen:
		v.Add("password", fmt.Sprintf("must be at most %d characters", MaxPasswordLen))
	case CommonPassword(pw):
		v.Add("password", "is one of the first that anyone guessing would try: choose another")
	}
	return v.Err("password")
}

// HashPassword returns pw hashed with argon2id under p, encoded as
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>".
func HashPassword(pw string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: hash password: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// errMalformed is returned for a stored hash that is not argon2id PHC.
var errMalformed = errors.New("auth: malformed password hash")

// CheckPassword reports whether pw matches the encoded hash, comparing in
// constant time. An empty hash (no password set) matches nothing.
func CheckPassword(encoded, pw string) (bool, error) {
	if encoded == "" {
		return false, nil
	}
	p, salt, key, err := decodeHash(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// dummyHash is checked against when the account does not exist, so that a
// sign-in for an unknown address takes as long as one for a known address.
// It is made on first use rather than at start-up.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("no such account", DefaultParams)
	return h
})

// WasteTime spends as long as CheckPassword does on a real hash.
func WasteTime(pw string) { _, _ = CheckPassword(dummyHash(), pw) }

func decodeHash(encoded string) (Params, []byte, []byte, error) {
	var p Params
	parts := strings.Split(encoded, "$")
	// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, errMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, errMalformed
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errMalformed
	}
	// Refuse parameters that would make one check exhaust the server.
	if p.Memory == 0 || p.Memory > 1<<20 || p.Time == 0 || p.Time > 16 || p.Threads == 0 {
		return p, nil, nil, errMalformed
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return p, nil, nil, errMalformed
	}
	key, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(key) < 16 {
		return p, nil, nil, errMalformed
	}
	return p, salt, key, nil
}
