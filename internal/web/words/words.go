// Package words fills the words of newsdesk's pages from the message
// catalogs of internal/i18n: a struct of words per language, whose fields
// the templates name, plurals, and the translation of the domain's English
// messages. The public site and the desk each declare their own structs.
package words

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"newsdesk/internal/i18n"
)

// Texts holds a struct of words, T, for every language of the catalogs:
// the site's chrome or the desk's.
type Texts[T any] struct {
	byLang  map[string]*T // by primary language subtag: "en", "ru"
	english *T
}

// Keys lists the keys of the maps in a struct of words, by the maps'
// field names, which reflection cannot.
type Keys map[string][]string

// New fills a T for each language of the catalogs from the messages under
// prefix: field F of T is message prefix+"F", field G of a struct it holds
// prefix+"F.G", an entry k of a map prefix+"F.k" for each of keys[F]. It
// then calls done, when not nil, for what reflection cannot fill. A
// message a language lacks is in English (the i18n test lists them), and
// one English lacks is an error, which stops the server at start.
func New[T any](c *i18n.Catalog, prefix string, keys Keys, done func(*T, *i18n.Lang) error) (*Texts[T], error) {
	t := &Texts[T]{byLang: map[string]*T{}}
	for _, lang := range c.Languages() {
		words, l := new(T), c.Lang(lang)
		if err := fill(l, prefix, keys, reflect.ValueOf(words).Elem()); err != nil {
			return nil, fmt.Errorf("web: words of %s: %w", lang, err)
		}
		if done != nil {
			if err := done(words, l); err != nil {
				return nil, fmt.Errorf("web: words of %s: %w", lang, err)
			}
		}
		t.byLang[lang] = words
	}
	t.english = t.byLang["en"]
	if t.english == nil {
		return nil, errors.New("web: no English words")
	}
	return t, nil
}

// For returns the words for a language tag ("ru", "ru-RU"), English when
// the catalogs have none of that language.
func (t *Texts[T]) For(tag string) *T {
	lang, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if w, ok := t.byLang[lang]; ok {
		return w
	}
	return t.english
}

// English returns the English words, which every catalog has.
func (t *Texts[T]) English() *T { return t.english }

// KeysOf lists values of a string type as map keys.
func KeysOf[S ~string](vals []S) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// fill sets every exported string field of the struct v, and of the
// structs it holds, from the messages under prefix; a Plural field gets
// the message's plural forms. Nil pointers to structs are allocated.
func fill(l *i18n.Lang, prefix string, keys Keys, v reflect.Value) error {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() {
			continue
		}
		id := prefix + f.Name
		if fv.Type() == pluralType {
			if l.N(id, 1) == id {
				return fmt.Errorf("no message %s", id)
			}
			fv.Set(reflect.ValueOf(Plural{lang: l, id: id}))
			continue
		}
		switch fv.Kind() {
		case reflect.String:
			s := l.T(id)
			if s == id {
				return fmt.Errorf("no message %s", id)
			}
			fv.SetString(s)
		case reflect.Map:
			ks, ok := keys[f.Name]
			if !ok {
				return fmt.Errorf("no keys known for the map %s", id)
			}
			m := reflect.MakeMap(fv.Type())
			for _, k := range ks {
				m.SetMapIndex(reflect.ValueOf(k).Convert(fv.Type().Key()), reflect.ValueOf(l.T(id+"."+k)))
			}
			fv.Set(m)
		case reflect.Struct:
			if err := fill(l, id+".", keys, fv); err != nil {
				return err
			}
		case reflect.Pointer:
			if fv.IsNil() {
				fv.Set(reflect.New(fv.Type().Elem()))
			}
			if err := fill(l, id+".", keys, fv.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// Plural is a message with plural forms, such as "{{.Count}} stories":
// N writes it for a count in the language it was filled for.
type Plural struct {
	lang *i18n.Lang
	id   string
}

var pluralType = reflect.TypeFor[Plural]()

// N returns the message for the count n (1 story, 3 stories; 1 материал,
// 3 материала, 5 материалов).
func (p Plural) N(n int) string { return p.lang.N(p.id, n) }

// Sentence returns msg with a capital first letter and a full stop.
func Sentence(msg string) string {
	if msg == "" {
		return ""
	}
	r := []rune(msg)
	msg = strings.ToUpper(string(r[0])) + string(r[1:])
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}
