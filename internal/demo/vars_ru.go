package demo

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// place is a made-up Russian place name in the cases the templates need.
type place struct {
	nom, gen, prep string
}

var ruCities = []place{
	{"Ольховск", "Ольховска", "Ольховске"},
	{"Северогорск", "Северогорска", "Северогорске"},
	{"Заречинск", "Заречинска", "Заречинске"},
	{"Верхнеполье", "Верхнеполья", "Верхнеполье"},
	{"Каменск-Озёрный", "Каменска-Озёрного", "Каменске-Озёрном"},
	{"Светлояр", "Светлояра", "Светлояре"},
}

var ruCountries = []place{
	{"Вельдория", "Вельдории", "Вельдории"},
	{"Кастрелия", "Кастрелии", "Кастрелии"},
	{"Сундрия", "Сундрии", "Сундрии"},
	{"Тальвония", "Тальвонии", "Тальвонии"},
}

// ruPerson is a made-up name; female picks the verb endings.
type ruPerson struct {
	name   string
	female bool
}

var ruPeople = []ruPerson{
	{"Вера Лапина", true}, {"Игорь Мельников", false}, {"Ольга Серова", true},
	{"Дмитрий Крылов", false}, {"Мария Лесная", true}, {"Павел Зорин", false},
	{"Елена Грачёва", true}, {"Сергей Ветров", false}, {"Наталья Ключевская", true},
	{"Алексей Рябинин", false}, {"Ирина Соколовская", true}, {"Григорий Ланской", false},
}

// ruTeams are masculine names, so that "обыграл" agrees with each of them.
var ruTeams = []string{"Маяк", "Ледокол", "Кедр", "Рассвет", "Буревестник", "Метеор"}

var ruCompanies = []string{"«Вельда-Транс»", "«Северный станкозавод»", "«Озёрная энергия»", "«Ольховские мельницы»", "«Полярный кабель»"}

var ruProducts = []string{"электробусов", "тепловых насосов", "кабеля для энергосетей", "сельскохозяйственной техники", "бытовой электроники"}

var ruParties = []string{"Гражданский союз", "Новая волна", "Партия труда", "Зелёная лига"}

var ruProbes = []string{"Сокол", "Зарница", "Вега-2", "Стриж"}

var ruPlanets = []string{"Марса", "Венеры", "Европы, спутника Юпитера", "Титана, спутника Сатурна"}

var ruPlays = []string{"Последний паром", "Тихий час", "Зимняя гавань", "Дом у переправы", "Стеклянный сад"}

var ruWeekdays = [...]string{"в воскресенье", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"}

var ruMonths = [...]string{"в январе", "в феврале", "в марте", "в апреле", "в мае", "в июне", "в июле",
	"в августе", "в сентябре", "в октябре", "в ноябре", "в декабре"}

// russianVars draws the facts of one Russian story published at at. Counts
// that precede a noun end in zero, so the noun always takes the genitive
// plural ("240 рабочих мест").
func russianVars(r *rand.Rand, at time.Time) vars {
	city := pick(r, ruCities)
	c := pick(r, ruCountries)
	p1, p2 := pick(r, ruPeople), pick(r, ruPeople)
	for p2 == p1 {
		p2 = pick(r, ruPeople)
	}
	team := pick(r, ruTeams)
	s2 := r.IntN(3)
	v := vars{
		"city": city.nom, "city_gen": city.gen, "city_prep": city.prep,
		"country": c.nom, "country_gen": c.gen, "country_prep": c.prep,
		"person": p1.name, "person2": p2.name,
		"said": verb(p1, "сказал"), "noted": verb(p1, "отметил"), "added": verb(p1, "добавил"),
		"wrote2": verb(p2, "написал"),
		"team":   team, "team2": pickOther(r, ruTeams, team),
		"score1": strconv.Itoa(s2 + 1 + r.IntN(3)), "score2": strconv.Itoa(s2),
		"company": pick(r, ruCompanies), "product": pick(r, ruProducts),
		"party": pick(r, ruParties), "probe": pick(r, ruProbes), "planet": pick(r, ruPlanets),
		"play": pick(r, ruPlays),
		"n":    strconv.Itoa(10 * (2 + r.IntN(9))), "jobs": strconv.Itoa(10 * (12 + r.IntN(50))),
		"big": ruThousands(1000 * (3 + r.IntN(40))), "pct": strconv.Itoa(40 + r.IntN(35)),
		"years": strconv.Itoa(5 + r.IntN(4)), "minute": strconv.Itoa(60 + r.IntN(30)),
		"weekday": ruWeekdays[at.Weekday()], "month": ruMonths[at.AddDate(0, 1, 0).Month()-1],
		"year": strconv.Itoa(at.Year()), "nextyear": strconv.Itoa(at.Year() + 1),
	}
	v["party2"] = pickOther(r, ruParties, v["party"])
	return v
}

// verb puts a past-tense verb in the speaker's gender.
func verb(p ruPerson, masc string) string {
	if p.female {
		return masc + "а"
	}
	return masc
}

// ruThousands writes 12000 as "12 000" with a no-break space, as Russian
// copy does.
func ruThousands(n int) string {
	s := strconv.Itoa(n)
	if len(s) > 3 {
		s = s[:len(s)-3] + "\u00a0" + s[len(s)-3:]
	}
	return s
}
