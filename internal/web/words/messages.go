package words

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"newsdesk/internal/i18n"
)

// Messages translates the domain's English messages into one language:
// message prefix+M is the translation of M. M may be a format with verbs
// (%d, %s, %q, %v), which match the parts that vary; the translation has
// a %s, or %[n]s, for each, in the order it needs them.
type Messages struct {
	exact    map[string]string
	patterns []messagePattern // the most literal first
	// Word translates the values that messages carry in English (a role,
	// a status, a kind of media, a count of stories), or returns them as
	// they are; nil in English.
	Word func(string) string
}

type messagePattern struct {
	re      *regexp.Regexp
	verbs   []byte // of each group, in order
	format  string
	literal int // characters outside the verbs
}

// NewMessages reads the translations of the messages under prefix into
// l's language.
func NewMessages(c *i18n.Catalog, l *i18n.Lang, prefix string) (*Messages, error) {
	p := &Messages{exact: map[string]string{}}
	for _, id := range c.IDs(prefix) {
		en, tr := strings.TrimPrefix(id, prefix), l.T(id)
		if tr == en {
			continue // English, or a message the language says the same way
		}
		if !strings.Contains(en, "%") {
			p.exact[en] = tr
			continue
		}
		re, verbs, literal, err := FormatPattern(en)
		if err != nil {
			return nil, fmt.Errorf("message %s: %w", id, err)
		}
		p.patterns = append(p.patterns, messagePattern{re: re, verbs: verbs, format: tr, literal: literal})
	}
	slices.SortStableFunc(p.patterns, func(a, b messagePattern) int { return b.literal - a.literal })
	return p, nil
}

// verbPatterns are what each verb of a format matches.
var verbPatterns = map[byte]string{'d': `(-?\d+)`, 's': `(.+?)`, 'v': `(.+?)`, 'q': `("(?:[^"\\]|\\.)*")`}

// FormatPattern turns a format into a regular expression that matches the
// messages it writes, capturing each verb's text, and lists the verbs and
// the number of characters outside them.
func FormatPattern(format string) (*regexp.Regexp, []byte, int, error) {
	var b strings.Builder
	var verbs []byte
	literal := 0
	b.WriteString("^")
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				j = len(format) - i
			}
			b.WriteString(regexp.QuoteMeta(format[i : i+j]))
			literal += j
			i += j - 1
			continue
		}
		if i+1 == len(format) {
			return nil, nil, 0, errors.New("a format ends with %")
		}
		pat, ok := verbPatterns[format[i+1]]
		if !ok {
			return nil, nil, 0, fmt.Errorf("verb %%%c is not one a message may use", format[i+1])
		}
		b.WriteString(pat)
		verbs = append(verbs, format[i+1])
		i++
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	return re, verbs, literal, err
}

// Say translates msg, or returns it as it is.
func (p *Messages) Say(msg string) string {
	if p == nil {
		return msg
	}
	if tr, ok := p.exact[msg]; ok {
		return tr
	}
	for _, pt := range p.patterns {
		if m := pt.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, len(m)-1)
			for i, a := range m[1:] {
				if pt.verbs[i] == 's' && p.Word != nil {
					a = p.Word(a)
				}
				args[i] = a
			}
			return fmt.Sprintf(pt.format, args...)
		}
	}
	return msg
}
