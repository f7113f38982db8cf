package demo

import "newsdesk/internal/news"

// featureKinds are the English Technology, Sport and Culture stories.
func featureKinds() []kind {
	return append(append(technologyKinds(), sportKinds()...), cultureKinds()...)
}

func technologyKinds() []kind {
	return []kind{{
		section: "Technology", tags: []string{"artificial intelligence"},
		headlines: []string{
			"{techco} unveils {techproduct}",
			"{techco} bets on {techproduct} to win back customers",
			"{techco} launches {techproduct} in {country}",
		},
		leads: []string{
			"{techco} has unveiled {techproduct}, the company's most important launch in years, at an event in {city} on {weekday}.",
			"{techco} is counting on {techproduct} to win back customers it has lost to larger rivals, the company said as it showed the product on {weekday}.",
			"{techco} will start selling {techproduct} in {country} next month, the company said at an event in {city}.",
		},
		body: []string{
			"The company showed the product to an audience of developers and investors, and said it had been in development for {n3} years.",
			"{techco} says the new service uses far less energy than earlier versions, and that most of the processing happens on the customer's own device.",
			"Prices will start at about {n} crowns a month for households, with discounts for schools and small businesses.",
			"Privacy campaigners asked the company to publish more detail about what data is collected and how long it is kept.",
			"Analysts said the launch was important for {techco}, whose sales fell by {pct2} per cent last year.",
			"The product will reach {country2} and other markets later in the year, the company said.",
		},
		unique:  []string{"techco"},
		speaker: "{person}, {techco}'s head of products",
		quotes: []string{
			"We built this for people who do not want to think about technology at all",
			"It is faster, it is cheaper to run and it keeps your data at home",
			"The best feedback we got from testers was that they forgot it was there",
		},
	}, {
		section: "Technology", tags: []string{"cybersecurity"},
		headlines: []string{
			"Cyberattack disrupts online services of {city} hospitals",
			"Ransomware attack hits {maker}, halting deliveries",
			"{country}'s tax office takes systems offline after cyberattack",
		},
		leads: []string{
			"A cyberattack has disrupted computer systems used by hospitals in {city}, forcing staff to fall back on paper records, the regional health authority said on {weekday}.",
			"{maker} has halted deliveries and shut down parts of its computer network after criminals encrypted files and demanded a ransom.",
			"{country}'s tax office has taken its online services offline after a cyberattack, the finance ministry said on {weekday}.",
		},
		body: []string{
			"The attack was detected early on {weekday} morning, when staff found they could not log in to systems used for bookings, payments and supplies.",
			"Specialists from {country}'s national cybersecurity centre are helping to restore the systems, which are expected to remain offline for several days.",
			"There is no evidence so far that personal data was taken, but investigators have not ruled it out.",
			"The organisation said it would not pay the ransom, in line with government advice.",
			"Security researchers said the attack appeared to use a flaw in widely used remote-access software for which a fix was released {n2} months ago.",
			"It is the {nth} serious attack on a public body in {country} this year.",
		},
		unique:  []string{"city", "maker", "country"},
		speaker: "{person}, the director of the national cybersecurity centre",
		quotes: []string{
			"These groups look for the one door that was left unlocked",
			"Backups made the difference between a bad week and a disaster",
			"Paying criminals only funds the next attack",
		},
	}, {
		section: "Technology", tags: []string{"artificial intelligence"},
		headlines: []string{
			"{adj} lawmakers approve rules for artificial intelligence",
			"{country} passes law requiring labels on AI-generated images",
			"Parliament in {country} votes to regulate facial recognition",
		},
		leads: []string{
			"Lawmakers in {country} have approved rules that require companies to tell people when they are dealing with an automated system, in a vote on {weekday}.",
			"{country}'s parliament has passed a law requiring images and video made with artificial intelligence to carry a visible label.",
			"{country}'s parliament has voted to restrict the use of facial recognition by police and private companies, as part of a wider law on artificial intelligence.",
		},
		body: []string{
			"The law passed by {n} votes to {n2} after more than a year of debate and {n3} rounds of amendments.",
			"Companies that break the rules could be fined up to {pct2} per cent of their annual turnover.",
			"The rules ban the use of facial recognition in public places except with a judge's approval in cases of serious crime.",
			"Technology companies warned that the law was vague in places and could slow the introduction of new services.",
			"Consumer groups welcomed the vote but said enforcement would depend on the new regulator having enough staff.",
			"Most of the rules will take effect in {nextyear}, giving businesses time to adapt.",
		},
		unique:  []string{"country"},
		speaker: "{person}, the member of parliament who steered the bill",
		quotes: []string{
			"People have a right to know when they are talking to a machine",
			"We wanted rules that protect citizens without closing the door on new ideas",
			"This is a first step, and we will come back to it as the technology changes",
		},
	}, {
		section: "Technology", tags: []string{"energy"}, more: []string{"transport", "climate"},
		headlines: []string{
			"{energyco} to test {gadget} in {city}",
			"{city} becomes first city in {country} to try {gadget}",
			"Trial of {gadget} begins in {city}",
		},
		leads: []string{
			"A trial of {gadget} begins in {city} this month, in a project backed by {energyco} and the city council.",
			"{city} will be the first place in {country} to test {gadget}, the city council said on {weekday}.",
			"Households in {city} have started taking part in a trial of {gadget}, which its backers hope could be used across {country}.",
		},
		body: []string{
			"About {n} households and businesses will take part in the trial, which will last {n2} months.",
			"Engineers from the {university} will measure how the equipment copes with winter temperatures and heavy use.",
			"The project costs {amount}, about half of which comes from a national fund for clean technology.",
			"If the results are good, the council hopes to extend the scheme to the whole city within five years.",
			"Some residents have asked who will pay for repairs once the trial ends; the council says the equipment will stay free of charge for participants.",
			"Results are due to be published in a report next year.",
		},
		unique:  []string{"city"},
		speaker: "{person}, the council's head of energy",
		quotes: []string{
			"We would rather find the problems in a trial than after we have spent the money",
			"{city} has always been willing to try things first",
			"If it works here, it will work anywhere in {country}",
		},
	}}
}

func sportKinds() []kind {
	return []kind{{
		section: "Sport", tags: []string{"football"}, label: news.LabelVideo,
		headlines: []string{
			"{team} beat {team2} {score1}-{score2} to go top of the league",
			"{team} keep winning run going against {team2}",
			"Late goal gives {team} {score1}-{score2} win over {team2}",
		},
		leads: []string{
			"{team} moved to the top of the table with a {score1}-{score2} win over {team2} on {weekday}, their {nth} victory in a row.",
			"{team} made it {n3} wins in a row with a {score1}-{score2} victory over {team2} on {weekday}.",
			"A goal in the final minutes gave {team} a {score1}-{score2} win over {team2} in front of a crowd of {big}.",
		},
		body: []string{
			"{team2} started the brighter side and hit the post in the opening quarter of an hour, but could not turn their pressure into goals.",
			"The decisive goal came in the {minute} minute, when {player} curled a shot into the far corner from the edge of the area.",
			"{team2} had a player sent off shortly after half-time for a second yellow card, and struggled to create chances after that.",
			"The win leaves {team} {n3} points clear at the top with {n} games left to play.",
			"{team2} remain in mid-table and face a difficult run of away games in {month}.",
			"The two sides meet again in the cup quarter-finals later this month.",
		},
		unique:  []string{"team", "team2"},
		speaker: "{person}, the {team} coach",
		quotes: []string{
			"We did not play well for an hour, but this team does not stop running",
			"Top of the league means nothing in {month}; ask me again at the end of the season",
			"The crowd carried us through the last twenty minutes",
		},
	}, {
		section: "Sport", tags: []string{"tennis"},
		headlines: []string{
			"{player} wins {tournament} title",
			"{player} beats {player2} in three sets to take the {tournament}",
			"{player} saves match points to win {tournament} final",
		},
		leads: []string{
			"{player} won the {tournament} on {weekday}, beating {player2} in a final that lasted almost three hours.",
			"{player} came back from a set down to beat {player2} and win the {tournament}, the biggest title of their career.",
			"{player} saved {n3} match points before beating {player2} in the final of the {tournament} on {weekday}.",
		},
		body: []string{
			"{player2} took the first set after breaking serve twice, and the crowd in {city} sensed an upset.",
			"{player} changed tactics in the second set, coming to the net more often, and levelled the match after a long tie-break.",
			"The deciding set turned on a single break of serve in the seventh game.",
			"The win is worth {prizemoney} in prize money and will lift {player} into the top {n} of the world rankings.",
			"{player2}, who reached the final without dropping a set, said an old shoulder injury had flared up in the final set.",
			"Both players are expected to compete at the next tournament in {city3} in {month}.",
		},
		unique:  []string{"player", "tournament"},
		speaker: "{player}",
		quotes: []string{
			"I told myself to keep going for one more game, and then one more",
			"This is the tournament I watched on television as a child",
			"I was not playing my best, but I found a way, and that is what champions do",
		},
	}, {
		section: "Sport", tags: []string{"football"},
		headlines: []string{
			"{team} appoint {person} as head coach",
			"{team} turn to {person} after sacking coach",
			"{person} named new {team} coach on {n3}-year deal",
		},
		leads: []string{
			"{team} have appointed {person} as their new head coach, the club said on {weekday}.",
			"{person} has taken charge of {team}, days after the club dismissed its coach following a run of poor results.",
			"{team} have named {person} as head coach on a contract that runs for {n3} years.",
		},
		body: []string{
			"{last} arrives from {team2}, where they won promotion in their first season and reached a cup final in their second.",
			"The club is {n} points from the relegation places after winning just {n3} of its last {n} league matches.",
			"Supporters had called for change after a heavy home defeat last month, and the board acted after a meeting on {weekday}.",
			"{last} will bring two assistants and a fitness coach, and is expected to take the first training session on Monday.",
			"The new coach's first match is at home to {team2} next weekend.",
			"The club said it would give {last} money to spend on players in the transfer window in {month}.",
		},
		unique:  []string{"team"},
		speaker: "{person}",
		quotes: []string{
			"This is a club with a great history, and it belongs higher up the table",
			"I want a team that the supporters recognise as their own",
			"There is no time to settle in; we start winning on Saturday",
		},
	}, {
		section: "Sport", tags: []string{"athletics"},
		headlines: []string{
			"{person} breaks course record at {city} marathon",
			"Record field of {big} runners take part in {city} marathon",
			"{person} wins {city} marathon in record time",
		},
		leads: []string{
			"{person} won the {city} marathon on {weekday} in a course record, taking more than a minute off the previous best time.",
			"More than {big} runners took part in the {city} marathon on {weekday}, a record for the race, which was won by {person}.",
			"{person} ran away from the field in the final kilometres to win the {city} marathon on {weekday} in the fastest time the race has seen.",
		},
		body: []string{
			"The race started in cool, still conditions, and a small leading group went through halfway well inside record pace.",
			"{last} broke away with about eight kilometres to go and ran the final stretch along the river alone.",
			"{person2} finished second, and {person3} came third in a personal best.",
			"Organisers said the number of entries had grown by {pct} per cent since last year, helped by a new half-marathon held on the same day.",
			"Volunteers handed out more than {big} bottles of water, and the city's trams ran extra services from early morning.",
			"Next year's race will be held on a new course that finishes in the old market square.",
		},
		unique:  []string{"city", "person"},
		speaker: "{person}",
		quotes: []string{
			"I did not look at the clock once; I just wanted to win",
			"The crowds along the river were incredible",
			"I have run this race {n3} times, and this was the day it all came together",
		},
	}}
}

func cultureKinds() []kind {
	return []kind{{
		section: "Culture", tags: []string{"film"},
		headlines: []string{
			"{film} wins top prize at {city} film festival",
			"Debut film {film} takes the {city} festival's main award",
			"Quiet drama {film} is the surprise winner in {city}",
		},
		leads: []string{
			"{film}, a drama about a family running a ferry on a remote coast, won the main prize at the {city} film festival on {weekday}.",
			"The jury of the {city} film festival gave its top award to {film}, the first feature by director {person}.",
			"{film}, a quiet drama about a family running a ferry on a remote coast, was the surprise winner of the {city} film festival's main award.",
		},
		body: []string{
			"The film was shot over {n2} weeks with a small crew and a cast made up mostly of people who had never acted before.",
			"Jury president {person2} said the decision had been unanimous.",
			"The festival showed {n} films in competition this year, and sold more than {big} tickets, a record.",
			"The runner-up prize went to {film2}, a documentary about a village choir.",
			"{film} will open in cinemas in {country} in {month}, and has been bought for release in several other countries.",
			"The festival also honoured the veteran actor {person3} with an award for lifetime achievement.",
		},
		unique:  []string{"city", "film", "film2"},
		speaker: "{person}, the film's director",
		quotes: []string{
			"We made this film with friends and neighbours, and this prize belongs to all of them",
			"I wanted to make a film about work, and about the people who do it without being noticed",
			"Small stories can travel a long way",
		},
	}, {
		section: "Culture", tags: []string{"art"}, label: news.LabelPhotos,
		headlines: []string{
			"{gallery} opens major retrospective of painter {person}",
			"{person}'s harbour paintings go on show at the {gallery}",
			"Forgotten painter {person} gets first big show at the {gallery}",
		},
		leads: []string{
			"The {gallery} has opened the largest exhibition yet of the work of {person}, whose paintings of harbours and factories were little known outside {country} until recently.",
			"More than {n} paintings of harbours and shipyards by {person} go on show at the {gallery} this week, many of them never exhibited before.",
			"{person}, a painter of docks and factories who was little known outside {country}, is the subject of a large new exhibition at the {gallery}.",
		},
		body: []string{
			"The exhibition brings together paintings, sketchbooks and letters, many lent by private collectors and by the artist's family.",
			"{last} worked for most of their life in {city}, painting the docks, the shipyards and the people who worked in them.",
			"Curators spent {n2} years tracing works that had been sold abroad or forgotten in storage.",
			"The show includes a reconstruction of the artist's studio, with brushes, paints and an unfinished canvas.",
			"The gallery expects more than {big} visitors before the exhibition closes in {month}.",
			"After {city}, the exhibition will travel to {city3} in {country2}.",
		},
		unique:  []string{"person", "gallery"},
		speaker: "{person2}, the exhibition's curator",
		quotes: []string{
			"This is an artist who painted work itself, and who took it seriously",
			"Some of these canvases have not been seen in public for fifty years",
			"Once you have seen these harbours you cannot look at the real ones the same way",
		},
	}, {
		section: "Culture", tags: []string{"music"},
		headlines: []string{
			"{orchestra} announces season of {n} concerts",
			"{orchestra} names {person} as its new chief conductor",
			"{orchestra} to tour {country2} for the first time",
		},
		leads: []string{
			"The {orchestra} will give {n} concerts in its new season, including {n3} world premieres, it said on {weekday}.",
			"The {orchestra} has named {person} as its chief conductor from next season, the first new appointment in more than a decade.",
			"The {orchestra} will tour {country2} for the first time next spring, as part of a season of {n} concerts announced on {weekday}.",
		},
		body: []string{
			"The programme mixes familiar symphonies with new works by composers from {country} and {country2}.",
			"{last} conducted the orchestra as a guest many times before being chosen for the top job after a vote of the players.",
			"The orchestra will also play {n2} free concerts in schools and hospitals around {city}.",
			"Ticket prices for people under 26 will be cut to a flat {n} crowns for every concert.",
			"A tour of {country2} is planned for the spring, with concerts in {city3} and two other cities.",
			"The season opens in {month} with a new piece for choir and orchestra written for the hall's reopening after repairs.",
		},
		unique:  []string{"orchestra"},
		speaker: "{person}, the orchestra's chief conductor",
		quotes: []string{
			"An orchestra has to play for the whole city, not just for the people who already come",
			"We want the new pieces to sit beside the old ones as equals",
			"The players chose this programme as much as I did",
		},
	}, {
		section: "Culture", tags: []string{"books"},
		headlines: []string{
			"{person} wins the {prize} for {book}",
			"Novel {book} takes the {prize}",
			"First-time novelist {person} wins the {prize}",
		},
		leads: []string{
			"{person} has won the {prize} for {book}, a novel about three generations of a family in {city}, the judges announced on {weekday}.",
			"{book}, a novel about three generations of a family in {city}, has won the {prize}, one of the most valuable literary awards in {country}.",
			"{person}, a teacher who wrote in the early mornings before school, has won the {prize} with a first novel, {book}.",
		},
		body: []string{
			"The judges chose the book from a shortlist of six titles, which also included {book2} by {person2}.",
			"{last} wrote the novel over {n2} years while working as a teacher, mostly early in the morning before school.",
			"The prize is worth {prizemoney}, and past winners have usually seen sales of their books rise sharply.",
			"The publisher said it would print a further {big} copies after the announcement.",
			"Translation rights have already been sold in several countries, including {country2}.",
			"{last} is working on a second novel, set in the same city a century earlier.",
		},
		unique:  []string{"prize", "book", "book2"},
		speaker: "{person}",
		quotes: []string{
			"I wrote the book I wanted to read and could not find",
			"My grandmother told me most of these stories; I only wrote them down",
			"I did not expect to be here, and I do not quite believe it yet",
		},
	}}
}
