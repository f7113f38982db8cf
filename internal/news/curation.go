package news

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxHomeSlots is how many stories an edition's home page may have chosen
// by hand: the top story and the featured stories after it.
const MaxHomeSlots = 11

// ValidateHomeSlots checks the order an editor gave an edition's home page:
// at most MaxHomeSlots stories, none twice. Whether each story may be shown
// there is the store's to check.
func ValidateHomeSlots(ids []int64) error {
	v := ValidationErrors{}
	if len(ids) > MaxHomeSlots {
		v.Add("stories", "may hold at most "+strconv.Itoa(MaxHomeSlots)+" stories: the top story and "+strconv.Itoa(MaxHomeSlots-1)+" featured")
	}
	seen := make(map[int64]bool, len(ids))
	for _, id := range ids {
		if id <= 0 {
			v.Add("stories", "names a story that does not exist")
			continue
		}
		if seen[id] {
			v.Add("stories", "holds story "+strconv.FormatInt(id, 10)+" twice")
		}
		seen[id] = true
	}
	return v.Err("home page")
}

// SectionCount is a section with the number of stories filed in it, of
// every status, as the desk lists them.
type SectionCount struct {
	Section
	Stories int
}

// TagCount is a tag with the number of stories that carry it, of every
// status, as the desk lists them.
type TagCount struct {
	Tag
	Stories int
}

// MaxTagNameLen limits a tag's name.
const MaxTagNameLen = 100

// Validate checks the tag's fields.
func (t Tag) Validate() error {
	v := ValidationErrors{}
	if t.Edition == "" {
		v.Add("edition", "is required")
	}
	switch n := strings.TrimSpace(t.Name); {
	case n == "":
		v.Add("name", "is required")
	case utf8.RuneCountInString(n) > MaxTagNameLen:
		v.Add("name", "must be at most "+strconv.Itoa(MaxTagNameLen)+" characters")
	}
	if !ValidSlug(t.Slug) {
		v.Add("slug", "must be lower-case letters, digits and hyphens")
	}
	return v.Err("tag")
}
