package main

import "strings"

// sectionOrder is the fixed set of sections the corpus files stories under,
// in the order they appear on the home page.
var sectionOrder = []string{"World", "Business", "Markets", "Economy", "Energy", "Commodities"}

// sectionNamesRU names the same sections in the Russian edition.
var sectionNamesRU = map[string]string{
	"World": "Мир", "Business": "Бизнес", "Markets": "Рынки",
	"Economy": "Экономика", "Energy": "Энергетика", "Commodities": "Сырьё",
}

// sectionTopics lists the Reuters topic codes filed under each section; the
// first topic of a story that is listed decides. Stories with no listed
// topic go to World.
var sectionTopics = map[string][]string{
	"Business": {"earn", "acq", "ship", "carcass"},
	"Markets": {"money-fx", "interest", "money-supply", "reserves", "dlr", "yen",
		"dmk", "stg", "nkr", "austdlr", "can"},
	"Economy": {"trade", "gnp", "cpi", "jobs", "bop", "ipi", "retail", "housing",
		"wpi", "income", "lei", "instal-debt", "capacity", "inventories", "cpu"},
	"Energy": {"crude", "nat-gas", "gas", "fuel", "heat", "propane", "pet-chem",
		"jet", "naphtha"},
	"Commodities": {"grain", "wheat", "corn", "sugar", "coffee", "cocoa", "veg-oil",
		"oilseed", "soybean", "livestock", "cotton", "rubber", "gold", "silver",
		"copper", "alum", "tin", "zinc", "lead", "iron-steel", "barley", "rice",
		"sorghum", "meal-feed"},
}

// topicSection is sectionTopics turned around: topic code -> section.
var topicSection = func() map[string]string {
	m := map[string]string{}
	for sec, topics := range sectionTopics {
		for _, t := range topics {
			m[t] = sec
		}
	}
	return m
}()

// topicNames are readable tag names for the commonest topic codes; other
// codes are title-cased.
var topicNames = map[string]string{
	"earn": "Earnings", "acq": "Mergers and acquisitions", "money-fx": "Foreign exchange",
	"crude": "Crude oil", "interest": "Interest rates", "ship": "Shipping",
	"money-supply": "Money supply", "veg-oil": "Vegetable oils", "nat-gas": "Natural gas",
	"cpi": "Inflation", "bop": "Balance of payments", "ipi": "Industrial production",
	"alum": "Aluminium", "iron-steel": "Iron and steel", "gnp": "GNP",
	"dlr": "Dollar", "dmk": "Mark", "stg": "Sterling", "wpi": "Producer prices",
	"pet-chem": "Petrochemicals", "meal-feed": "Animal feed", "instal-debt": "Consumer credit",
	"lei": "Leading indicators", "jobs": "Jobs", "trade": "Trade",
}

// placeName makes a country code readable: "usa" -> "USA",
// "west-germany" -> "West Germany".
func placeName(code string) string {
	if len(code) <= 3 {
		return strings.ToUpper(code)
	}
	return titleWords(code)
}

// topicName is the tag name of a topic code.
func topicName(code string) string {
	if n, ok := topicNames[code]; ok {
		return n
	}
	return titleWords(code)
}

// titleWords turns "hyphen-separated-words" into "Hyphen Separated Words".
func titleWords(code string) string {
	words := strings.FieldsFunc(code, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// sectionFor picks the section of a story from its topics.
func sectionFor(topics []string) string {
	for _, t := range topics {
		if s, ok := topicSection[t]; ok {
			return s
		}
	}
	return "World"
}
