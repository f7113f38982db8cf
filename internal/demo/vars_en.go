package demo

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// englishVars draws the facts of one English story published at at.
func englishVars(r *rand.Rand, at time.Time) vars {
	ci := r.IntN(len(countries))
	c, c2 := countries[ci], countries[(ci+1+r.IntN(len(countries)-1))%len(countries)]
	city := pick(r, c.cities)
	co := pick(r, companies)
	co2 := rival(r, co)
	mk := pick(r, makers)
	tech := pick(r, techCompanies)
	team := pick(r, teams)
	p1, p2, p3 := person(r), person(r), person(r)
	s2 := r.IntN(3)
	v := vars{
		"country": c.name, "adj": c.adj, "city": city, "city2": pickOther(r, c.cities, city),
		"country2": c2.name, "adj2": c2.adj, "city3": pick(r, c2.cities),
		"person": p1[0] + " " + p1[1], "last": p1[1],
		"person2": p2[0] + " " + p2[1], "last2": p2[1],
		"person3": p3[0] + " " + p3[1], "last3": p3[1],
		"company": co.name, "product": co.product, "company2": co2.name,
		"maker": mk.name, "energyco": pick(r, []string{"Brightwater Energy", "Lowmere Power"}), "makerproduct": mk.product,
		"jobs": thousands(50 * (3 + r.IntN(40))), "prizemoney": thousands(10000*(5+r.IntN(60))) + " crowns",
		"techco": tech.name, "techproduct": tech.product, "gadget": pick(r, products),
		"party": pick(r, parties), "team": team, "team2": pickOther(r, teams, team),
		"score1": strconv.Itoa(s2 + 1 + r.IntN(3)), "score2": strconv.Itoa(s2),
		"tournament": pick(r, tournaments), "university": pick(r, universities),
		"agency": pick(r, agencies), "probe": pick(r, probes), "planet": pick(r, planets),
		"habit":   pick(r, habits),
		"outcome": pick(r, outcomes), "sea": pick(r, seas), "gallery": pick(r, galleries),
		"orchestra": pick(r, orchestras), "prize": pick(r, prizes),
		"film": pick(r, filmTitles), "book": pick(r, bookTitles),
		"n": strconv.Itoa(3 + r.IntN(38)), "n2": strconv.Itoa(2 + r.IntN(11)),
		"n3": strconv.Itoa(2 + r.IntN(5)), "big": thousands(100 * (12 + r.IntN(468))),
		"pct": strconv.Itoa(2 + r.IntN(30)), "pct2": strconv.Itoa(1 + r.IntN(9)),
		"amount": amount(r), "rate": strconv.FormatFloat(float64(150+25*r.IntN(12))/100, 'f', 2, 64),
		"minutes": strconv.Itoa(10 + r.IntN(80)), "hours": strconv.Itoa(2 + r.IntN(9)),
		"weekday": at.Weekday().String(), "month": at.AddDate(0, 1, 0).Month().String(),
		"year": strconv.Itoa(at.Year()), "nextyear": strconv.Itoa(at.Year() + 1),
	}
	v["minute"] = ordinal(10 + r.IntN(80))
	v["nth"] = pick(r, []string{"second", "third", "fourth", "fifth", "sixth"})
	v["party2"] = pickOther(r, parties, v["party"])
	v["film2"] = pickOther(r, filmTitles, v["film"])
	v["book2"] = pickOther(r, bookTitles, v["book"])
	cr := pick(r, creatures)
	v["creature"], v["habitat"] = cr[0], cr[1]
	v["player"], v["player2"] = v["person2"], v["person3"]
	return v
}

// rival draws another company of co's sector.
func rival(r *rand.Rand, co company) company {
	for {
		if c := pick(r, companies); c.sector == co.sector && c != co {
			return c
		}
	}
}

// person draws a first and a last name.
func person(r *rand.Rand) [2]string {
	return [2]string{pick(r, firstNames), pick(r, lastNames)}
}

// thousands writes n with comma separators, as English news copy does.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// amount is a sum of money in the made-up crown.
func amount(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return strconv.Itoa(20+10*r.IntN(60)) + " million crowns"
	}
	return strconv.Itoa(1+r.IntN(4)) + "." + strconv.Itoa(1+r.IntN(9)) + " billion crowns"
}

// ordinal writes 21 as "21st", 12 as "12th".
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
