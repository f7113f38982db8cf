package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// dateLayouts are the shapes a date line takes once normalizeDate has run:
// commas, "at", weekdays and date prefixes removed, month names shortened to
// three English letters, am/pm upper-cased and set apart.
var dateLayouts = []string{
	"2 Jan 2006 15:04", "2 Jan 2006 15:04:05", "2 Jan 2006 3:04 PM", "2 Jan 2006",
	"Jan 2 2006 15:04", "Jan 2 2006 15:04:05", "Jan 2 2006 3:04 PM", "Jan 2 2006",
	"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02",
	"2006/01/02 15:04", "2006/01/02",
	"02.01.2006 15:04", "02.01.2006 15:04:05", "02.01.2006",
	"15:04 2 Jan 2006", "3:04 PM 2 Jan 2006", "15:04 Jan 2 2006", "15:04 02.01.2006",
}

// monthNames maps English and Russian month names and abbreviations (in the
// nominative and genitive cases a date uses) to Go's three-letter form.
var monthNames = map[string]string{
	"january": "Jan", "february": "Feb", "march": "Mar", "april": "Apr", "may": "May",
	"june": "Jun", "july": "Jul", "august": "Aug", "september": "Sep", "sept": "Sep",
	"october": "Oct", "november": "Nov", "december": "Dec",
	"января": "Jan", "февраля": "Feb", "марта": "Mar", "апреля": "Apr", "мая": "May",
	"июня": "Jun", "июля": "Jul", "августа": "Aug", "сентября": "Sep", "октября": "Oct",
	"ноября": "Nov", "декабря": "Dec",
	"январь": "Jan", "февраль": "Feb", "март": "Mar", "апрель": "Apr", "май": "May",
	"июнь": "Jun", "июль": "Jul", "август": "Aug", "сентябрь": "Sep", "октябрь": "Oct",
	"ноябрь": "Nov", "декабрь": "Dec",
	"янв": "Jan", "фев": "Feb", "мар": "Mar", "апр": "Apr", "июн": "Jun", "июл": "Jul",
	"авг": "Aug", "сен": "Sep", "окт": "Oct", "ноя": "Nov", "дек": "Dec",
}

// dateNoise are words around a date that carry no part of it.
var dateNoise = map[string]bool{
	"published": true, "updated": true, "posted": true, "last": true, "on": true,
	"at": true, "in": true, "г": true, "года": true, "в": true,
	"опубликовано": true, "обновлено": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
	"понедельник": true, "вторник": true, "среда": true, "четверг": true, "пятница": true,
	"суббота": true, "воскресенье": true,
}

// zoneNames are zone abbreviations a date line may end with; a date that
// names its zone is read in it rather than in the edition's.
var zoneNames = map[string]string{
	"gmt": "UTC", "utc": "UTC", "z": "UTC", "msk": "Europe/Moscow", "мск": "Europe/Moscow",
}

var (
	dateSplit  = regexp.MustCompile(`[\s,|·•]+`)
	ampmGlued  = regexp.MustCompile(`(?i)^(\d{1,2}(?::\d{2}){1,2})([ap])\.?m\.?$`)
	ampmAlone  = regexp.MustCompile(`(?i)^([ap])\.?m\.?$`)
	offsetWord = regexp.MustCompile(`^[+-]\d{2}:?\d{2}$`)
)

// maxDateLine keeps sentences that merely mention a date from being read as
// the page's date line.
const maxDateLine = 64

// parseDate reads a date line such as "31 Jan, 2018 02:43", "31 January
// 2018", "2018-01-31 02:43", "Jan 31, 2018 2:43 PM" or "31 января 2018,
// 02:43" in loc, unless the line names its own zone. ok is false when the
// whole line is not a date.
func parseDate(line string, loc *time.Location) (time.Time, bool) {
	if utf8.RuneCountInString(line) > maxDateLine {
		return time.Time{}, false
	}
	line = strings.TrimSpace(line)
	if t, err := time.Parse(time.RFC3339, line); err == nil {
		return t, true
	}
	norm, zone := normalizeDate(line, loc)
	if norm == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, norm, zone); err == nil {
			if t.Year() < 1900 || t.Year() > 2200 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// normalizeDate rewrites a date line into the vocabulary of dateLayouts and
// returns the zone the line asks for (loc when it names none).
func normalizeDate(line string, loc *time.Location) (string, *time.Location) {
	var words []string
	for _, w := range dateSplit.Split(strings.ToLower(line), -1) {
		w = strings.TrimSuffix(strings.TrimRight(w, ":"), ".")
		if w == "" || dateNoise[w] {
			continue
		}
		if m, ok := monthNames[w]; ok {
			w = m
		} else if z, ok := zoneNames[w]; ok {
			if l, err := time.LoadLocation(z); err == nil {
				loc = l
			}
			continue
		} else if offsetWord.MatchString(w) {
			if t, err := time.Parse("-0700", strings.ReplaceAll(w, ":", "")); err == nil {
				_, off := t.Zone()
				loc = time.FixedZone(w, off)
			}
			continue
		} else if m := ampmGlued.FindStringSubmatch(w); m != nil {
			words = append(words, m[1], strings.ToUpper(m[2])+"M")
			continue
		} else if m := ampmAlone.FindStringSubmatch(w); m != nil {
			w = strings.ToUpper(m[1]) + "M"
		}
		words = append(words, w)
	}
	return strings.Join(words, " "), loc
}
