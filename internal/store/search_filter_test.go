package store

import (
	"slices"
	"testing"
	"time"
)

func TestDateCover(t *testing.T) {
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		from, to string
		want     []string
	}{
		{"2024-03-15T00:00:00Z", "2024-03-16T00:00:00Z", []string{"_dy20240315"}},
		{"2024-03-15T10:00:00Z", "2024-03-15T11:00:00Z", []string{"_dy20240315"}},
		// An edge inside a day covers that day: the exact condition on
		// search_docs decides.
		{"2024-03-30T22:00:00+03:00", "2024-04-02T00:00:00+03:00",
			[]string{"_dy20240330", "_dy20240331", "_dy20240401"}},
		{"2024-02-28T00:00:00Z", "2024-05-02T00:00:00Z",
			[]string{"_dy20240228", "_dy20240229", "_mo202403", "_mo202404", "_dy20240501"}},
		{"2023-12-31T00:00:00Z", "2026-02-01T00:00:00Z",
			[]string{"_dy20231231", "_yr2024", "_yr2025", "_mo202601"}},
		{"2025-11-26T12:00:00Z", "3000-01-01T00:00:00Z",
			[]string{"_dy20251126", "_dy20251127", "_dy20251128", "_dy20251129", "_dy20251130", "_mo202512",
				"_yr2026", "_yr2027", "_yr2028", "_yr2029", "_dc203", "_dc204", "_dc205", "_dc206", "_dc207", "_dc208", "_dc209",
				"_ce21", "_ce22", "_ce23", "_ce24", "_ce25", "_ce26", "_ce27", "_ce28", "_ce29"}},
		{"1000-01-01T00:00:00Z", "1989-03-02T00:00:00Z",
			[]string{"_ce10", "_ce11", "_ce12", "_ce13", "_ce14", "_ce15", "_ce16", "_ce17", "_ce18",
				"_dc190", "_dc191", "_dc192", "_dc193", "_dc194", "_dc195", "_dc196", "_dc197",
				"_yr1980", "_yr1981", "_yr1982", "_yr1983", "_yr1984", "_yr1985", "_yr1986", "_yr1987", "_yr1988",
				"_mo198901", "_mo198902", "_dy19890301"}},
	} {
		if got := dateCover(at(c.from), at(c.to)); !slices.Equal(got, c.want) {
			t.Errorf("dateCover(%s, %s) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

func TestEditionTerm(t *testing.T) {
	seen := map[string]string{}
	for _, code := range []string{"en", "ru", "pt-br", "ptb-r0", "pt-br0", "zh-hant"} {
		term := editionTerm(code)
		if other, ok := seen[term]; ok {
			t.Errorf("editions %s and %s share the term %s", code, other, term)
		}
		seen[term] = code
	}
}
