package i18n

import (
	"strconv"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Lang is the words of one language. Its methods never fail: a message
// that cannot be found or rendered is shown by its id, which a test catches
// long before a reader would.
type Lang struct {
	tag       string
	localizer *goi18n.Localizer
	english   *goi18n.Localizer // for messages the language lacks
	months    [12]string
	genitive  [12]string
	short     [12]string
}

func newLang(c *Catalog, tag string) *Lang {
	en := language.English.String()
	l := &Lang{tag: tag, localizer: goi18n.NewLocalizer(c.bundle, tag, en), english: goi18n.NewLocalizer(c.bundle, en)}
	for i := range 12 {
		n := strconv.Itoa(i + 1)
		l.months[i] = l.T("date.month." + n)
		l.genitive[i] = l.T("date.month_genitive." + n)
		l.short[i] = l.T("date.month_short." + n)
	}
	return l
}

// Tag is the language tag the Lang was asked for.
func (l *Lang) Tag() string { return l.tag }

// T returns the message id in this language.
func (l *Lang) T(id string) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id})
}

// N returns the message id for the count n, in the plural form this
// language uses for n (1 материал, 2 материала, 5 материалов).
func (l *Lang) N(id string, n int) string {
	return l.localize(&goi18n.LocalizeConfig{
		MessageID:    id,
		PluralCount:  n,
		TemplateData: map[string]int{"Count": n},
	})
}

// localize renders a message in this language, else in English (go-i18n
// reports a message missing from the matched language rather than falling
// back), else shows the id.
func (l *Lang) localize(cfg *goi18n.LocalizeConfig) string {
	if s, err := l.localizer.Localize(cfg); err == nil {
		return s
	}
	if s, err := l.english.Localize(cfg); err == nil {
		return s
	}
	return cfg.MessageID
}
