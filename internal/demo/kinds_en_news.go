package demo

// englishEdition is how the English demo stories are written.
func englishEdition() edition {
	return edition{
		code:  "en",
		kinds: append(append(worldKinds(), businessKinds()...), append(scienceKinds(), featureKinds()...)...),
		authors: []string{
			"Mara Ellison", "Tomas Reyne", "Helena Voss", "Jonah Pike", "Priya Aldane",
			"Felix Ormond", "Nadia Kessler", "Owen Hartley",
		},
		vars: englishVars,
		quoteForms: []string{
			"“{quote},” said {speaker}.",
			"“{quote},” {speaker_sub} told reporters.",
			"{speaker_sub} said: “{quote}.”",
		},
		laterForms: []string{"“{quote},” {short} said.", "“{quote},” {short} added."},
		rounds:     2,
	}
}

// englishSections are the English edition's sections in navigation order.
var englishSections = []string{"World", "Business", "Science", "Technology", "Sport", "Culture"}

func worldKinds() []kind {
	return []kind{{
		section: "World", tags: []string{"elections"}, more: []string{"economy"},
		headlines: []string{
			"{country} votes in snap election as {party} leads the polls",
			"{party} claims victory in {country}'s parliamentary election",
			"Turnout climbs as {country} chooses a new parliament",
		},
		leads: []string{
			"Voters in {country} went to the polls on {weekday} in an election called two years early, with the {party} expected to finish first but short of a majority.",
			"The {party} is on course to become the largest group in {country}'s parliament, according to early results published overnight by the electoral commission.",
			"Turnout in {country}'s parliamentary election was the highest in two decades, the electoral commission said on {weekday}, in a vote called two years early.",
		},
		body: []string{
			"Polling stations in {city} reported queues from early morning, and the electoral commission said turnout had reached {pct} per cent by midday, higher than at the same point in the last election.",
			"The vote was called after the governing coalition lost a confidence motion over its budget, which would have raised fuel duty and frozen public-sector pay for a second year.",
			"The {party2}, which led the outgoing government, has campaigned on its record of bringing inflation down, while its rivals have focused on housing costs and waiting times in hospitals.",
			"Analysts expect weeks of coalition talks. Under {country}'s constitution the president must invite the leader of the largest party to try to form a government first.",
			"Observers from neighbouring {country2} said voting had been orderly, with a handful of complaints about polling stations opening late in rural districts.",
			"Final results are due on {weekday} evening once postal votes from citizens living abroad have been counted.",
		},
		unique:  []string{"country"},
		speaker: "{person}, the {party}'s leader",
		quotes: []string{
			"People want a government that can pay its bills and still fix the roads",
			"We will talk to every party that accepts the result and the constitution",
			"This was a vote for change, and we intend to deliver it quickly",
		},
	}, {
		section: "World", tags: []string{"diplomacy"}, more: []string{"economy", "transport"},
		headlines: []string{
			"{country} and {country2} agree to reopen border crossings after talks in {city}",
			"{country} and {country2} sign deal to ease trade across their border",
			"Ministers from {country} and {country2} end border dispute after {n2} rounds of talks",
		},
		leads: []string{
			"{country} and {country2} have agreed to reopen {n3} crossings on their shared border, ending a dispute that has held up lorries and cut off families for most of the past year.",
			"Foreign ministers from {country} and {country2} signed an agreement in {city} on {weekday} that will restore trade across their border from next month.",
			"{country} and {country2} have settled a year-long dispute over their shared border, agreeing after {n2} rounds of talks to reopen crossings that were closed last spring.",
		},
		body: []string{
			"The agreement was reached after {n2} rounds of talks mediated by diplomats from a third country, and was signed in {city} by the two foreign ministers.",
			"Hauliers say queues at the single crossing left open have stretched to {n} kilometres at busy times, adding days to deliveries of fresh food and building materials.",
			"The dispute began when {country2} accused its neighbour of failing to stop smuggling, and {country} responded by closing crossings it said were poorly supervised.",
			"Under the deal the two countries will run joint customs checks and share data on goods crossing in both directions.",
			"Business groups on both sides of the border welcomed the announcement but warned that it would take weeks to clear the backlog.",
			"The first crossings are due to reopen on the first day of {month}, with the rest following once new inspection lanes have been built.",
		},
		unique:  []string{"country", "country2"},
		speaker: "{person}, {country}'s foreign minister",
		quotes: []string{
			"Neighbours have to be able to trade, and families have to be able to visit each other",
			"Nobody won this dispute, and everyone paid for it",
			"We have built a system that both sides trust, and that is what was missing",
		},
	}, {
		section: "World", tags: []string{"economy"},
		headlines: []string{
			"Thousands march in {city} over soaring rents",
			"Protesters fill the streets of {city} to demand rent controls",
			"{city} tenants rally against rising housing costs",
		},
		leads: []string{
			"Thousands of people marched through the centre of {city} on {weekday} to demand limits on rent increases, in one of the largest protests the {adj} city has seen in a decade.",
			"Tenants' groups brought an estimated {big} people onto the streets of {city} on {weekday}, calling on the government to cap rent increases.",
			"Tenants in {city} rallied outside the city hall on {weekday}, saying rents have risen far faster than wages.",
		},
		body: []string{
			"The march set off from the railway station and ended outside the city hall, where speakers called for a freeze on rents for existing tenants.",
			"According to the city's own figures, average rents in {city} have risen by {pct} per cent in three years, while wages have grown by less than half that.",
			"Police said the protest had been peaceful. Several streets in the old town were closed for most of the afternoon.",
			"The city council says it has no power to cap rents, which are set by national law, but has promised to build {jobs} affordable homes by {nextyear}.",
			"Landlords' associations argue that controls would discourage investment and make the shortage of homes worse.",
			"Organisers plan a second march next month if the government does not respond to their demands.",
		},
		unique:  []string{"city"},
		speaker: "{person}, who helped organise the march",
		quotes: []string{
			"Nurses, bus drivers and teachers can no longer afford to live in the city they keep running",
			"We are not asking for charity, we are asking for rules",
			"Every year the rent goes up and every year the flat gets worse",
		},
	}, {
		section: "World", tags: []string{"climate"}, more: []string{"transport"},
		headlines: []string{
			"Floods force thousands from their homes in northern {country}",
			"Heavy rain swamps towns across {country} as rivers burst their banks",
			"{country} declares emergency in flooded districts around {city}",
		},
		leads: []string{
			"Rescue teams in {country} evacuated more than {big} people on {weekday} after days of heavy rain pushed rivers over their banks around {city}.",
			"Rivers across northern {country} burst their banks on {weekday} after days of heavy rain, flooding streets in {city} and cutting road links to dozens of villages.",
			"The government of {country} has declared a state of emergency in {n3} districts after floods cut roads and left towns around {city} without power.",
		},
		body: []string{
			"More than {n} centimetres of rain fell in 48 hours, the national weather service said, more than the region usually receives in a month.",
			"Soldiers and volunteers used boats to reach villages cut off by the water, and schools in {city} and {city2} were turned into shelters.",
			"The power company said about {big} homes were without electricity, and warned that some would not be reconnected until the water had gone down.",
			"No deaths have been reported, but {n2} people were taken to hospital with injuries, the interior ministry said.",
			"Scientists at the {university} say heavy downpours of this kind have become more frequent in the region as the climate has warmed.",
			"More rain is forecast for the coming days, and the authorities have asked people living near rivers to be ready to leave at short notice.",
		},
		unique:  []string{"country"},
		speaker: "{person}, the mayor of {city}",
		quotes: []string{
			"The water came up faster than anyone here can remember",
			"Our first job is to get people out safely, and then we will count the damage",
			"We built the flood walls for a once-in-a-century storm, and we have had two in ten years",
		},
	}}
}

func businessKinds() []kind {
	return []kind{{
		section: "Business", tags: []string{"markets"}, more: []string{"economy"},
		headlines: []string{
			"{company} profits rise {pct}% on strong demand for {product}",
			"{company} beats forecasts as sales of {product} climb",
			"{company} shares jump after record year for {product}",
		},
		leads: []string{
			"{company} reported a {pct} per cent rise in annual profit on {weekday}, helped by strong demand for {product} in {country} and abroad.",
			"{company} has reported results ahead of analysts' forecasts, saying sales of {product} grew faster than at any time in the past decade.",
			"Shares in {company} rose sharply on {weekday} after the company reported a record year for sales of {product}.",
		},
		body: []string{
			"Operating profit reached {amount}, the company said, and revenue rose by {pct2} per cent compared with the previous year.",
			"The results were better than the average forecast of analysts, and the company's shares rose by {pct2} per cent in early trading in {city}.",
			"{company} said it would raise its dividend and spend more on its operations in {city} and {city2}, where it employs about {jobs} people.",
			"The company warned, however, that higher energy prices and a shortage of skilled workers could weigh on margins in the year ahead.",
			"Analysts said the figures showed the company was winning customers from larger rivals, including {company2}.",
			"{company} will publish its first-quarter results in {month}.",
		},
		unique:  []string{"company"},
		speaker: "{person}, {company}'s chief executive",
		quotes: []string{
			"Our customers kept buying even when budgets were tight, and that tells us we are making the right things",
			"We are investing while others are cutting, because we expect demand to keep growing",
			"It was a good year, but we are not counting on the next one being as easy",
		},
	}, {
		section: "Business", tags: []string{"economy"},
		headlines: []string{
			"Central bank of {country} holds interest rate at {rate}%",
			"{adj} central bank cuts rates for the first time in two years",
			"{country}'s central bank signals pause as inflation eases",
		},
		leads: []string{
			"The central bank of {country} kept its main interest rate at {rate} per cent on {weekday}, saying it wanted more evidence that inflation was under control before cutting.",
			"{country}'s central bank has lowered borrowing costs for the first time in two years, bringing its main rate down to {rate} per cent.",
			"The central bank of {country} left its main rate at {rate} per cent on {weekday} and signalled that it was in no hurry to change it, as inflation continues to ease.",
		},
		body: []string{
			"Inflation in {country} fell to {pct2} per cent last month, its lowest level since the energy shock, according to the statistics office.",
			"The bank's board said wage growth remained strong and that prices of services were still rising faster than it would like.",
			"Economists had been divided ahead of the meeting, with a narrow majority expecting no change.",
			"Mortgage lenders in {country} follow the bank's decisions closely, because most home loans in the country are on variable rates.",
			"The {adj} crown weakened slightly against the currencies of its main trading partners after the announcement.",
			"The bank's next decision is due in {month}, when it will also publish new economic forecasts.",
		},
		unique:  []string{"country"},
		speaker: "{person}, the bank's governor",
		quotes: []string{
			"We are not yet where we need to be, and we will not declare victory early",
			"The direction is right, but the last part of the journey is often the hardest",
			"Households have had a difficult two years, and we are aware of that in every decision we take",
		},
	}, {
		section: "Business", tags: []string{"markets"}, more: []string{"economy"},
		headlines: []string{
			"{company} agrees to buy {company2} for {amount}",
			"{company} to take over rival {company2}",
			"{company2} backs takeover offer from {company}",
		},
		leads: []string{
			"{company} has agreed to buy {company2} for {amount}, creating one of the largest groups of its kind in the region.",
			"{company} has made an offer worth {amount} for its smaller rival {company2}, the two companies said on {weekday}.",
			"The board of {company2} has recommended that its shareholders accept a takeover offer from {company} worth {amount}.",
		},
		body: []string{
			"The offer values {company2} at a premium of {pct} per cent to its share price before talks between the two companies were first reported last month.",
			"{company} said the combined business would save about {amount} a year within three years, partly by merging offices in {city}.",
			"The deal needs approval from competition regulators in {country} and {country2}, which could take until the end of the year.",
			"Trade unions representing staff at {company2} asked for guarantees that there would be no compulsory job losses.",
			"Shares in {company2} rose by {pct2} per cent on the news, while those of {company} were little changed.",
			"It is the third large takeover in the sector this year, as companies seek scale to cope with higher costs.",
		},
		unique:  []string{"company", "company2"},
		speaker: "{person}, chair of {company2}",
		quotes: []string{
			"This offer gives our shareholders a fair price and our staff a stronger future",
			"Together we can compete with anyone, and on our own we would have struggled to",
			"We looked at every alternative before recommending this deal",
		},
	}, {
		section: "Business", tags: []string{"economy"}, more: []string{"transport", "energy"},
		headlines: []string{
			"{maker} to open factory in {city}, creating {jobs} jobs",
			"{maker} picks {city} for new plant",
			"New {maker} plant brings hundreds of jobs to {city}",
		},
		leads: []string{
			"{maker} will build a new factory on the edge of {city}, creating about {jobs} jobs over the next five years, the company said on {weekday}.",
			"{city} has won a long contest to host a new plant for {maker}, which will make {makerproduct} for customers across {country} and {country2}.",
			"{maker} is to build a plant in {city} that will employ hundreds of people, in one of the largest investments the town has seen in years.",
		},
		body: []string{
			"The plant will cost about {amount} and is due to open in {nextyear}. Construction is expected to start within months.",
			"{maker} said it chose {city} because of its rail links, the skills of local workers and the support of the regional government.",
			"The regional government is contributing to the cost of a new road to the site and a training centre run with local colleges.",
			"Unemployment in the region is well above the national average, after the closure of several older factories over the past decade.",
			"Local residents have raised concerns about lorry traffic, and the company said most goods would leave the site by rail.",
			"Recruitment for the first {n} engineering posts will begin in {month}.",
		},
		unique:  []string{"maker"},
		speaker: "{person}, the company's head of operations",
		quotes: []string{
			"We found everything we need in {city}: people, land and a railway",
			"This is a long-term commitment to the town and to the region",
			"We want most of the people who work here to live within half an hour of the gate",
		},
	}}
}

func scienceKinds() []kind {
	return []kind{{
		section: "Science", tags: []string{"space"},
		headlines: []string{
			"{agency} probe {probe} enters orbit around {planet}",
			"{probe} spacecraft sends first pictures from {planet}",
			"{agency} mission reaches {planet} after {n2}-year journey",
		},
		leads: []string{
			"The {agency}'s {probe} spacecraft has entered orbit around {planet}, completing a journey of more than {n2} years, mission controllers said on {weekday}.",
			"The {probe} probe has sent back its first close-up images of {planet}, days after a delicate manoeuvre to slow it down.",
			"A spacecraft launched by the {agency} {n2} years ago has arrived at {planet}, where it will spend two years mapping the surface.",
		},
		body: []string{
			"The spacecraft fired its main engine for {minutes} minutes to slow down enough to be captured by gravity, while controllers waited for a signal that took more than half an hour to reach Earth.",
			"Over the next two years {probe} will map the surface and measure its magnetic field, and will look for signs of water below the ground.",
			"The mission cost about {amount} and involved scientists from {n} universities, among them the {university}.",
			"The first images show craters, long ridges and a thin layer of haze, in more detail than any earlier mission managed.",
			"The probe also carries a small lander, which will be released in {month} if tests of its parachute system are successful.",
			"Data from the mission will be made public within six months of it being collected, the agency said.",
		},
		unique:  []string{"probe"},
		speaker: "{person}, the mission's chief scientist",
		quotes: []string{
			"We have been waiting for this moment for more than a decade, and it went exactly as planned",
			"Every picture we get back is better than anything that existed before",
			"Now the real science starts",
		},
	}, {
		section: "Science", tags: []string{"health"},
		headlines: []string{
			"Study links {habit} to {outcome}",
			"{habit} may bring {outcome}, {university} researchers find",
			"Large study finds {habit} is tied to {outcome}",
		},
		leads: []string{
			"People who made {habit} part of their routine were more likely to enjoy {outcome}, according to a study of more than {big} adults by researchers at the {university}.",
			"A long-running study from the {university} suggests that {habit} is associated with {outcome}, though the authors caution that it does not prove cause and effect.",
			"A study following more than {big} adults for {n2} years has found that those who took up {habit} were more likely to enjoy {outcome}.",
		},
		body: []string{
			"The researchers followed participants for {n2} years, collecting information about their habits through questionnaires and regular health checks.",
			"After taking account of age, income and smoking, those who reported {habit} were {pct} per cent more likely to show {outcome}.",
			"The study was observational, so it cannot show that the habit itself was responsible, the authors wrote in their paper.",
			"Independent experts said the findings were plausible and fitted with earlier, smaller studies, but that a controlled trial would be needed to be sure.",
			"The team now plans a trial in which volunteers in {city} will be asked to change their routine for a year.",
			"The study was funded by {country}'s national research council.",
		},
		unique:  []string{"habit"},
		speaker: "{person}, who led the study at the {university}",
		quotes: []string{
			"The effect is modest, but it is consistent and it is cheap to act on",
			"We would not tell anyone to change their life on the strength of one study",
			"What surprised us was how early in life the difference began to show",
		},
	}, {
		section: "Science", tags: []string{"climate"},
		headlines: []string{
			"New species of {creature} found in {habitat}",
			"Scientists describe a {creature} never seen before",
			"Expedition to {habitat} turns up unknown {creature}",
		},
		leads: []string{
			"Biologists have described a new species of {creature} discovered in {habitat}, the {university} announced on {weekday}.",
			"A {creature} found during a survey of {habitat} has turned out to be a species unknown to science, researchers at the {university} said.",
			"An expedition to {habitat} has returned with a {creature} that scientists say belongs to a species never described before.",
		},
		body: []string{
			"The first specimens were collected during a survey {n2} years ago, but it took genetic tests to confirm that they belonged to a species of their own.",
			"The team counted fewer than {n} individuals in an area smaller than a football pitch, which suggests the species may be rare.",
			"The researchers have proposed naming it after {person2}, a local guide who helped them find the site.",
			"Habitats of this kind are under pressure from drainage, tourism and warmer summers, the authors warned.",
			"The description was published in a peer-reviewed journal this week, along with photographs and a genetic profile.",
			"The team will return next year to look for further populations in neighbouring valleys.",
		},
		unique:  []string{"creature"},
		speaker: "{person}, a biologist at the {university}",
		quotes: []string{
			"It is a reminder of how much we still do not know about places close to home",
			"We almost walked past it, and I am glad we did not",
			"Finding a species is the easy part; keeping it is the hard part",
		},
	}, {
		section: "Science", tags: []string{"climate"},
		headlines: []string{
			"Survey finds {sea} warming faster than expected",
			"{sea} is heating up, ocean scientists warn",
			"Record temperatures recorded in {sea}",
		},
		leads: []string{
			"Surface waters of {sea} have warmed faster over the past decade than climate models predicted, according to a survey led by the {university}.",
			"Ocean scientists at the {university} have warned that {sea} is warming at a pace that threatens fisheries along the coast of {country}.",
			"Temperatures in {sea} reached a record last summer, according to ocean scientists, with consequences for fisheries along the coast of {country}.",
		},
		body: []string{
			"The survey combined readings from buoys, research ships and satellites, covering more than {n} years of measurements.",
			"Average summer temperatures have risen by about one degree since the measurements began, the team found, with the largest rise near the coast.",
			"Fishermen in {city} have reported that some species are moving north, while others have arrived that were rarely seen before.",
			"Warmer water holds less oxygen, and the researchers recorded more frequent periods when levels near the sea floor fell sharply.",
			"The findings will be presented to the regional fisheries commission, which sets catch limits for the coming year in {month}.",
			"The team is now installing {n2} more buoys to extend the record further offshore.",
		},
		unique:  []string{"sea"},
		speaker: "{person}, an oceanographer who led the survey",
		quotes: []string{
			"The sea is telling us the same story as the thermometers on land, only louder",
			"We expected warming, but not at this pace",
			"The fish are already voting with their fins",
		},
	}}
}
