package news

import (
	"regexp"
	"time"
)

// Edition is one language edition of the site: English at "/", Russian at
// "/ru/", each with its own home page, sections, date format and time zone.
type Edition struct {
	Code     string // "en", "ru": the URL prefix for non-default editions
	Language string // BCP 47 tag for the lang attribute, e.g. "en", "ru"
	Name     string // shown in the edition switch, e.g. "English"
	TimeZone string // IANA zone in which dates are shown and read
	// DateFormat is a Go time layout for the date line of a story,
	// e.g. "2 Jan, 2006 15:04"; the site writes its month names in the
	// edition's language ("2 January 2006, 15:04" gives "31 января 2018,
	// 02:43" in Russian).
	DateFormat string
	Default    bool // served at "/" rather than "/{code}/"
}

var editionCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})?$`)

// Validate checks the edition's fields.
func (e Edition) Validate() error {
	v := ValidationErrors{}
	if !editionCode.MatchString(e.Code) {
		v.Add("code", "must be a lower-case language code such as en or pt-br")
	}
	if e.Name == "" {
		v.Add("name", "is required")
	}
	if e.Language == "" {
		v.Add("language", "is required")
	}
	if _, err := time.LoadLocation(e.TimeZone); err != nil || e.TimeZone == "" {
		v.Add("time_zone", "must be an IANA time zone such as Europe/London")
	}
	if e.DateFormat == "" {
		v.Add("date_format", "is required")
	}
	return v.Err("edition " + e.Code)
}

// Location returns the edition's time zone, or UTC when it cannot be loaded.
func (e Edition) Location() *time.Location {
	loc, err := time.LoadLocation(e.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// PathPrefix is "" for the default edition and "/{code}" for the others, so
// that PathPrefix()+"/tags/x" is the edition's tag page.
func (e Edition) PathPrefix() string {
	if e.Default {
		return ""
	}
	return "/" + e.Code
}

// StarterEditions are the editions a new newsroom starts with: English at
// "/" and Russian at "/ru/". Admins may change or add to them later.
func StarterEditions() []Edition {
	return []Edition{
		{Code: "en", Language: "en", Name: "English", TimeZone: "Europe/London", DateFormat: "2 Jan, 2006 15:04", Default: true},
		{Code: "ru", Language: "ru", Name: "Русский", TimeZone: "Europe/Moscow", DateFormat: "2 January 2006, 15:04"},
	}
}

// FindEdition returns the edition of eds that code names, or the default
// edition for an empty code (the first one when none is marked default).
func FindEdition(eds []Edition, code string) (Edition, bool) {
	for _, e := range eds {
		if (code == "" && e.Default) || (code != "" && e.Code == code) {
			return e, true
		}
	}
	if code == "" && len(eds) > 0 {
		return eds[0], true
	}
	return Edition{}, false
}
