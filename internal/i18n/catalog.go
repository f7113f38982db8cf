// Package i18n holds the words newsdesk shows in each language: message
// catalogs with plural rules, month names, and dates and relative times
// written the way each language writes them. English is complete by
// definition; any message another language lacks falls back to English,
// and Catalog.Missing lists what is missing so a test can report it.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed messages/*.json
var messageFS embed.FS

// Catalog is every language's messages. Build it once with New; it is safe
// for concurrent use.
type Catalog struct {
	bundle *goi18n.Bundle
	ids    []string            // every message id, from the English file
	has    map[string][]string // language -> ids it translates
	langs  sync.Map            // tag string -> *Lang
}

// New loads the embedded catalogs. It fails when a file does not parse or
// a language has a message that English does not, which is a typo in an id.
func New() (*Catalog, error) {
	return load(messageFS, "messages")
}

func load(fsys fs.FS, dir string) (*Catalog, error) {
	c := &Catalog{bundle: goi18n.NewBundle(language.English), has: map[string][]string{}}
	c.bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("i18n: list catalogs: %w", err)
	}
	for _, name := range files {
		mf, err := c.bundle.LoadMessageFileFS(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("i18n: load %s: %w", name, err)
		}
		lang := mf.Tag.String()
		for _, m := range mf.Messages {
			c.has[lang] = append(c.has[lang], m.ID)
		}
		slices.Sort(c.has[lang])
	}
	c.ids = c.has["en"]
	if len(c.ids) == 0 {
		return nil, fmt.Errorf("i18n: no English catalog in %s", dir)
	}
	for lang, ids := range c.has {
		for _, id := range ids {
			if _, ok := slices.BinarySearch(c.ids, id); !ok {
				return nil, fmt.Errorf("i18n: %s has message %q that English lacks", lang, id)
			}
		}
	}
	return c, nil
}

// Languages lists the languages that have a catalog, English first.
func (c *Catalog) Languages() []string {
	langs := []string{"en"}
	for lang := range c.has {
		if lang != "en" {
			langs = append(langs, lang)
		}
	}
	slices.Sort(langs[1:])
	return langs
}

// IDs returns the ids of every message that starts with prefix, in order.
func (c *Catalog) IDs(prefix string) []string {
	var ids []string
	for _, id := range c.ids {
		if strings.HasPrefix(id, prefix) {
			ids = append(ids, id)
		}
	}
	return ids
}

// Missing lists, for each language with a catalog, the message ids that
// it lacks and that readers of it therefore see in English.
func (c *Catalog) Missing() map[string][]string {
	missing := map[string][]string{}
	for lang, ids := range c.has {
		for _, id := range c.ids {
			if _, ok := slices.BinarySearch(ids, id); !ok {
				missing[lang] = append(missing[lang], id)
			}
		}
	}
	return missing
}

// Lang returns the words for a BCP 47 tag such as "ru" or "pt-BR". A
// language without a catalog gets English.
func (c *Catalog) Lang(tag string) *Lang {
	tag = strings.TrimSpace(tag)
	if l, ok := c.langs.Load(tag); ok {
		return l.(*Lang)
	}
	l := newLang(c, tag)
	actual, _ := c.langs.LoadOrStore(tag, l)
	return actual.(*Lang)
}
