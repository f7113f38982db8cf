package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// NewToken returns a random token for a URL or cookie (32 bytes, base64url)
// and the hash under which it is stored. The raw token is shown once and
// never kept, so a leaked database holds no usable link or session.
func NewToken() (raw, hash string) {
	b := make([]byte, 32)
	// crypto/rand.Read never fails on supported platforms.
	_, _ = rand.Read(b)
	raw = base64.RawURLEncoding.EncodeToString(b)
	return raw, HashToken(raw)
}

// HashToken is the stored form of a token: hex SHA-256. Tokens carry 256
// random bits, so a fast unsalted hash is enough.
func HashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}
