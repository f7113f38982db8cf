package ingest

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("time zone data for Europe/London is not installed")
	}
	moscow, _ := time.LoadLocation("Europe/Moscow")
	at := func(loc *time.Location, y int, mo time.Month, d, h, mi int) time.Time {
		return time.Date(y, mo, d, h, mi, 0, 0, loc)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"31 Jan, 2018 02:43", at(london, 2018, 1, 31, 2, 43)},
		{"31 January 2018 02:43", at(london, 2018, 1, 31, 2, 43)},
		{"31 January 2018", at(london, 2018, 1, 31, 0, 0)},
		{"2018-01-31 02:43", at(london, 2018, 1, 31, 2, 43)},
		{"2018-01-31", at(london, 2018, 1, 31, 0, 0)},
		{"Jan 31, 2018 2:43 PM", at(london, 2018, 1, 31, 14, 43)},
		{"Jan 31, 2018 2:43pm", at(london, 2018, 1, 31, 14, 43)},
		{"January 31, 2018 2:43 a.m.", at(london, 2018, 1, 31, 2, 43)},
		{"Jan 31, 2018", at(london, 2018, 1, 31, 0, 0)},
		{"Wednesday, 31 January 2018 at 02:43", at(london, 2018, 1, 31, 2, 43)},
		{"Published: 31 Jan 2018 | 02:43", at(london, 2018, 1, 31, 2, 43)},
		{"Updated 7 Sept 2019 18:05", at(london, 2019, 9, 7, 18, 5)},
		{"31.01.2018 02:43", at(london, 2018, 1, 31, 2, 43)},
		{"02:43, 31 Jan 2018", at(london, 2018, 1, 31, 2, 43)},
		{"31 Jan 2018 02:43 GMT", at(time.UTC, 2018, 1, 31, 2, 43)},
		{"31 Jan 2018 02:43 MSK", at(moscow, 2018, 1, 31, 2, 43)},
		{"31 января 2018, 02:43", at(london, 2018, 1, 31, 2, 43)},
		{"31 января 2018 г., 02:43", at(london, 2018, 1, 31, 2, 43)},
		{"2018-01-31T02:43:00Z", at(time.UTC, 2018, 1, 31, 2, 43)},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in, london)
		if !ok || !got.Equal(tt.want) || got.Location().String() != tt.want.Location().String() {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{
		"", "Locals want troops out", "0:00", "27:33", "2018", "31 Jan",
		"The vote on 31 January 2018 was close, the council said afterwards in a statement.",
		"31 Foo 2018", "99.99.2018",
	} {
		if got, ok := parseDate(in, london); ok {
			t.Errorf("parseDate(%q) = %v, want no date", in, got)
		}
	}
}
