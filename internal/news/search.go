package news

import "time"

// SearchSort orders search results.
type SearchSort string

// Search orders: by relevance (the default), or newest first.
const (
	SortRelevance SearchSort = "relevance"
	SortNewest    SearchSort = "newest"
)

// ParseSearchSort reads a sort order, defaulting to relevance.
func ParseSearchSort(s string) SearchSort {
	if SearchSort(s) == SortNewest {
		return SortNewest
	}
	return SortRelevance
}

// SearchQuery is a full-text search with its filters. Zero fields do not
// filter. Text is what the reader typed: words, "phrases", -excluded words
// and OR; any text is a valid query.
type SearchQuery struct {
	Text      string
	Edition   string
	SectionID int64
	TagID     int64
	AuthorID  int64
	Media     MediaLabel
	From, To  time.Time // publication time, From inclusive, To exclusive
	Sort      SearchSort
	// Staff searches every status but trashed, or Status when set; the
	// public searches published stories only.
	Staff  bool
	Status Status
	Limit  int // defaults to DefaultPageSize
	Page   int // 1-based
	// Facets asks for the counts per section and media label.
	Facets bool
}

// MaxSearchPage bounds how deep a search may page: past it, results are
// seldom what anyone wants and cost the database the most.
const MaxSearchPage = 50

// PageSize returns the query's limit, or DefaultPageSize when unset.
func (q SearchQuery) PageSize() int {
	if q.Limit <= 0 || q.Limit > 100 {
		return DefaultPageSize
	}
	return q.Limit
}

// Offset returns the row offset of the query's page.
func (q SearchQuery) Offset() int {
	return (min(max(q.Page, 1), MaxSearchPage) - 1) * q.PageSize()
}

// Fragment is a piece of text in a search result, marked when it is one of
// the words the query looked for.
type Fragment struct {
	Text string
	Mark bool
}

// SearchHit is one story a search found, with its headline and a snippet
// of its text as fragments that mark the words found.
type SearchHit struct {
	Story    Story
	Headline []Fragment
	Snippet  []Fragment
}

// SectionFacet is a section with the number of results filed in it.
type SectionFacet struct {
	Section Section
	Count   int
}

// MediaFacet is a media label with the number of results that carry it.
type MediaFacet struct {
	Label MediaLabel
	Count int
}

// SearchResult is one page of a search's results with the total across
// all pages and, when asked, the counts per section and media label of
// the query without its own section and media filters.
type SearchResult struct {
	Hits     []SearchHit
	Total    int
	Page     int
	Pages    int
	Sections []SectionFacet
	Media    []MediaFacet
}
