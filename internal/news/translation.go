package news

import "strconv"

// Translation is a version of a story in another edition: what a story
// page needs for its language switch and hreflang alternates, and what the
// desk lists beside the editor.
type Translation struct {
	ID       int64
	Edition  string
	Headline string
	Slug     string
	Section  Section // its slug makes the path
	Status   Status
}

// Path is the translation's URL path within its edition, as Story.Path.
func (t Translation) Path() string {
	return "/" + t.Section.Slug + "/" + strconv.FormatInt(t.ID, 10) + "-" + t.Slug
}

// TranslationIn returns the story's translation in the edition, if any.
func (s *Story) TranslationIn(edition string) (Translation, bool) {
	for _, t := range s.Translations {
		if t.Edition == edition {
			return t, true
		}
	}
	return Translation{}, false
}
