package demo

// The invented world the demo stories happen in. Every place, person,
// company and title here is made up for newsdesk; none refers to a real one.

// country is a made-up country with its adjective and some of its cities.
type country struct {
	name, adj string
	cities    []string
}

var countries = []country{
	{"Veldoria", "Veldorian", []string{"Port Alder", "Marrowgate", "Tiberton", "Ashcombe"}},
	{"Castrel", "Castrelian", []string{"Corvel", "Sanmarin", "Lisvane", "Belmonte"}},
	{"Nareth", "Narethi", []string{"Halvik", "Dorrenby", "Essling", "Quarrow"}},
	{"Sundria", "Sundrian", []string{"Velmora", "Kestrel Point", "Calloway", "Rishton"}},
	{"Talvonia", "Talvonian", []string{"Orlen", "Varenna", "Brisk", "Lowmere"}},
	{"Ilvania", "Ilvanian", []string{"Dunmore", "Harwick", "Emberly", "Stavely"}},
}

var firstNames = []string{
	"Ilse", "Piet", "Wren", "Marta", "Idris", "Sanna", "Tomas", "Helena", "Jonah",
	"Priya", "Felix", "Nadia", "Owen", "Lucia", "Emil", "Ada", "Rafael", "Greta",
	"Yusuf", "Lena", "Mateo", "Ingrid", "Kofi", "Elena", "Soren", "Amara", "Viktor",
	"Clara", "Anton", "Maya", "Bram", "Delia",
}

var lastNames = []string{
	"Maranda", "Lunardi", "Abello", "Kovel", "Fenn", "Ekholm", "Varga", "Dorrance",
	"Holloway", "Castell", "Brenner", "Okafor", "Lindqvist", "Moreau", "Halvorsen",
	"Petrakis", "Quist", "Rennick", "Sorel", "Talbot", "Wexley", "Yardley", "Ostrov",
	"Marchetti", "Aalto", "Bexley", "Corrigan", "Duval",
}

// company is a made-up firm with something it sells (a plural noun phrase).
// Firms of one sector are rivals, so takeovers and comparisons stay
// within it.
type company struct {
	name, product, sector string
}

var companies = []company{
	{"Halden Rail", "sleeper tickets", "transport"}, {"Solace Air", "regional flights", "transport"},
	{"Penrose Shipping", "container freight", "transport"},
	{"Brightwater Energy", "offshore wind power", "energy"}, {"Lowmere Power", "green electricity", "energy"},
	{"Calder Mining", "copper", "metals"}, {"Kestrel Steel", "rail track", "metals"},
	{"Arden Biotech", "flu vaccines", "pharma"}, {"Marlow Pharma", "generic medicines", "pharma"},
	{"Varga Foods", "frozen meals", "food"}, {"Ashcombe Dairies", "cheese", "food"},
	{"Northgate Bank", "small-business loans", "banking"}, {"Harbour Savings", "mortgages", "banking"},
	{"Tessaly Motors", "electric vans", "vehicles"}, {"Redwick Motors", "delivery trucks", "vehicles"},
}

// makers are firms that build factories.
var makers = []company{
	{"Tessaly Motors", "electric vans", ""}, {"Redwick Motors", "delivery trucks", ""},
	{"Kestrel Steel", "rail track", ""}, {"Orla Textiles", "outdoor clothing", ""},
	{"Varga Foods", "frozen meals", ""}, {"Marlow Pharma", "generic medicines", ""},
	{"Lumen Circuit", "low-power chips", ""},
}

var techCompanies = []company{
	{"Quillon Software", "an AI payroll assistant", ""}, {"Meridian Telecom", "a voice assistant for the home", ""},
	{"Lumen Circuit", "a chip for running AI models on phones", ""}, {"Bytewell", "an AI coding assistant", ""},
	{"Nimbus Labs", "a translation assistant", ""}, {"Coraline Devices", "a tablet with a built-in AI assistant", ""},
}

var parties = []string{
	"Civic Union", "Green Alliance", "National Renewal", "Workers' Front",
	"Liberal Forum", "People's Coalition",
}

var teams = []string{
	"Harwick Rovers", "Dunmore Athletic", "Port Alder United", "Corvel City",
	"Velmora Wanderers", "Marrowgate Town", "Lisvane Albion", "Tiberton FC",
	"Halvik Sporting", "Orlen Harbour",
}

var tournaments = []string{"Velmora Open", "Castrel Championships", "Halvik Masters", "Orlen Indoor Trophy"}

var universities = []string{
	"University of Marrowgate", "Corvel Institute of Technology", "Halvik Polytechnic",
	"Sanmarin University", "Varenna University", "Emberly College",
}

var agencies = []string{"Sundrian Space Agency", "Veldorian Space Agency", "Castrelian Space Office"}

var probes = []string{"Heron", "Lantern", "Kite", "Meridian-2", "Skylark", "Osprey"}

var planets = []string{"Mars", "Venus", "Jupiter's moon Europa", "the asteroid Vesta", "Saturn's moon Titan"}

// creatures pairs each made-up find with the place it lives.
var creatures = [][2]string{
	{"tree frog", "the cloud forests of northern Talvonia"},
	{"orchid", "the cloud forests of northern Talvonia"},
	{"deep-sea snail", "the cold seeps off the Ilvanian coast"},
	{"cave beetle", "a flooded limestone cave near Halvik"},
	{"blind cave shrimp", "a flooded limestone cave near Halvik"},
	{"marsh spider", "the salt marshes outside Kestrel Point"},
	{"freshwater crab", "the mountain streams above Orlen"},
}

var habits = []string{"a daily walk", "an afternoon nap", "regular sauna visits", "gardening", "cycling to work"}

var outcomes = []string{
	"better sleep in older adults", "lower blood pressure", "a sharper memory in later life",
	"fewer sick days", "a lower risk of heart disease",
}

var seas = []string{"the Sundrian Sea", "the Gulf of Orlen", "the Narrow Sea", "the Brisk Straits"}

var galleries = []string{
	"National Gallery of Nareth", "Velmora Museum of Modern Art", "Corvel Kunsthalle",
	"Marrowgate Print Rooms",
}

var orchestras = []string{"Velmora Philharmonic", "Castrel Chamber Orchestra", "Halvik Symphony", "Dunmore Festival Strings"}

var prizes = []string{"Aldane Prize for Fiction", "Harwick Book Award", "Northern Lights Novel Prize"}

var filmTitles = []string{
	"The Salt Road", "Winter Harbour", "A House by the Ferry", "Small Hours", "The Glass Orchard",
	"Low Tide at Calloway",
}

var bookTitles = []string{
	"The Lamplighter's Daughter", "Borrowed Light", "North of the River", "The Last Tram",
	"Ferryman's Song", "Orchard Weather",
}

var products = []string{
	"a hydrogen-powered bus", "a home battery", "a solar roof tile", "a heat pump for flats",
}
