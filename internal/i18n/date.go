package i18n

import (
	"strings"
	"time"
)

// Date formats t with a Go layout, writing month names in this language.
// "January" in the layout is the full name and "Jan" the short one; a full
// name that follows the day ("2 January 2006") takes the genitive, as
// Russian writes it ("31 января 2018"), and stands alone otherwise
// ("январь 2018"). The rest of the layout is Go's own.
func (l *Lang) Date(t time.Time, layout string) string {
	var b strings.Builder
	for layout != "" {
		i, full := monthToken(layout)
		if i < 0 {
			b.WriteString(t.Format(layout))
			break
		}
		before := layout[:i]
		b.WriteString(t.Format(before))
		m := t.Month() - 1
		switch {
		case !full:
			b.WriteString(l.short[m])
			layout = layout[i+len("Jan"):]
		case followsDay(before):
			b.WriteString(l.genitive[m])
			layout = layout[i+len("January"):]
		default:
			b.WriteString(l.months[m])
			layout = layout[i+len("January"):]
		}
	}
	return b.String()
}

// monthToken finds the first month in a layout: its index and whether it is
// the full name, or -1.
func monthToken(layout string) (int, bool) {
	i := strings.Index(layout, "Jan")
	if i < 0 {
		return -1, false
	}
	return i, strings.HasPrefix(layout[i:], "January")
}

// followsDay reports whether a layout fragment ends with the day of the
// month, allowing the spaces and punctuation between day and month.
func followsDay(before string) bool {
	s := strings.TrimRight(before, " .,\u00a0")
	return strings.HasSuffix(s, "2") && !strings.HasSuffix(s, "2006") && !strings.HasSuffix(s, "002")
}

// Ago says how long ago t was, relative to now, for stories fresh enough
// that it reads better than a date: "just now", "5 minutes ago", "3 hours
// ago". It reports false for times a day or more ago, and for times in the
// future, which a clock skew between nodes can produce.
func (l *Lang) Ago(now, t time.Time) (string, bool) {
	d := now.Sub(t)
	switch {
	case d < 0 || d >= 24*time.Hour:
		return "", false
	case d < time.Minute:
		return l.T("time.just_now"), true
	case d < time.Hour:
		return l.N("time.minutes_ago", int(d/time.Minute)), true
	}
	return l.N("time.hours_ago", int(d/time.Hour)), true
}
