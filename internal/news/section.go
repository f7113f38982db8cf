package news

// Section is a part of an edition ("World", "Business") with its own page at
// /{slug}/ and a block on the edition's home page.
type Section struct {
	ID       int64
	Edition  string
	Slug     string
	Name     string
	Position int // order in navigation and on the home page, lowest first
}

// Validate checks the section's fields.
func (s Section) Validate() error {
	v := ValidationErrors{}
	if s.Edition == "" {
		v.Add("edition", "is required")
	}
	if s.Name == "" {
		v.Add("name", "is required")
	}
	if !ValidSlug(s.Slug) {
		v.Add("slug", "must be lower-case letters, digits and hyphens")
	}
	if reservedSectionSlugs[s.Slug] {
		v.Add("slug", "is reserved for another page of the site")
	}
	return v.Err("section")
}

// reservedSectionSlugs are first path segments the site uses itself, so a
// section may not take them.
var reservedSectionSlugs = map[string]bool{
	"tags": true, "search": true, "podcasts": true, "account": true,
	"desk": true, "api": true, "static": true, "media": true, "authors": true,
	"feed.xml": true, "sitemap.xml": true, "healthz": true, "metrics": true,
}

// Tag is a topic label on stories, with a page at /tags/{slug}.
type Tag struct {
	ID      int64
	Edition string
	Slug    string
	Name    string
}

// Author is a person credited in a story's byline.
type Author struct {
	ID   int64
	Slug string
	Name string
}
