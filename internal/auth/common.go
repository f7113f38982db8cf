package auth

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed common_passwords.txt
var commonPasswordsText string

// commonPasswords is the set of common_passwords.txt, read on first use.
var commonPasswords = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(commonPasswordsText, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			set[line] = true
		}
	}
	return set
})

// CommonPassword reports whether pw is among the first guesses of anyone
// guessing: a listed password or word, the same with digits or signs
// before or after it, digits and signs alone, or one character repeated.
// Case does not count.
func CommonPassword(pw string) bool {
	lower := strings.ToLower(strings.TrimSpace(pw))
	set := commonPasswords()
	if set[lower] {
		return true
	}
	stem := strings.TrimFunc(lower, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	})
	if stem == "" || set[stem] {
		return true
	}
	first, _ := utf8.DecodeRuneInString(lower)
	return strings.Trim(lower, string(first)) == ""
}
