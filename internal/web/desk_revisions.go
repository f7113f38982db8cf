package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

// revisionsPage is the data of templates/desk/revisions.html: every
// revision of a story, newest first.
type revisionsPage struct {
	deskPage
	Story      news.Story
	Rows       []revisionRow
	CanRestore bool
	// From and To preselect the comparison form: the two latest versions.
	From, To int64
}

// revisionRow is one revision as the desk lists it.
type revisionRow struct {
	ID       int64
	Version  int
	Kind     news.RevisionKind
	KindName string
	Who      string
	At       string // in the edition's zone
	AtISO    string
	Headline string
	Current  bool  // the revision the story stands at
	Previous int64 // the revision listed before it, 0 for the first
}

// Label names the revision in the comparison form's choices.
func (r revisionRow) Label() string {
	return fmt.Sprintf("Version %d, %s (%s, %s)", r.Version, strings.ToLower(r.KindName), r.Who, r.At)
}

// storyRevisions lists the revisions of a story.
func (s *Server) storyRevisions(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, rows, err := s.revisionRows(r, u)
	if err != nil {
		return err
	}
	dp, err := s.newDeskPage(r, u, "Revisions: "+x.Headline, "stories")
	if err != nil {
		return err
	}
	p := &revisionsPage{deskPage: dp, Story: x, CanRestore: news.Can(u, news.ActEditStory, &x)}
	for i := len(rows) - 1; i >= 0; i-- {
		p.Rows = append(p.Rows, rows[i])
	}
	p.To = rows[len(rows)-1].ID
	p.From = rows[len(rows)-1].Previous
	return s.renderDesk(w, r, http.StatusOK, "revisions", p)
}

// revisionRows reads the story of the path, checks that u may open it, and
// returns its revisions oldest first.
func (s *Server) revisionRows(r *http.Request, u news.User) (news.Story, []revisionRow, error) {
	x, err := s.storyOfPath(r)
	if err != nil {
		return news.Story{}, nil, err
	}
	if err := mayOpen(u, &x); err != nil {
		return news.Story{}, nil, err
	}
	revs, err := s.store.StoryRevisions(r.Context(), x.ID)
	if err != nil {
		return news.Story{}, nil, fmt.Errorf("web: revisions of story %d: %w", x.ID, err)
	}
	loc, err := s.storyLocation(r, x.Edition)
	if err != nil {
		return news.Story{}, nil, err
	}
	rows := make([]revisionRow, len(revs))
	for i, rev := range revs {
		var prev *news.Revision
		if i > 0 {
			prev = &revs[i-1]
		}
		rows[i] = revisionRow{
			ID: rev.ID, Version: rev.Version, Kind: rev.Kind, KindName: revisionKindName(rev, prev),
			Who: revisionAuthor(rev), At: deskTime(rev.CreatedAt, loc), AtISO: rev.CreatedAt.Format(time.RFC3339),
			Headline: rev.Story.Headline,
			Current:  rev.Kind != news.RevisionRejected && rev.Version == x.Version,
		}
		if i > 0 {
			rows[i].Previous = revs[i-1].ID
		}
	}
	return x, rows, nil
}

// storyLocation returns the time zone of the edition with the given code.
func (s *Server) storyLocation(r *http.Request, code string) (*time.Location, error) {
	eds, err := s.store.Editions(r.Context())
	if err != nil {
		return nil, fmt.Errorf("web: editions: %w", err)
	}
	ed, _ := findEdition(eds, code)
	return s.location(ed), nil
}

// revisionKindName says how a revision came about; prev is the revision
// listed before it, nil for the first.
func revisionKindName(rev news.Revision, prev *news.Revision) string {
	switch {
	case rev.Kind == news.RevisionRejected:
		return "Refused save"
	case rev.Kind == news.RevisionRestore:
		return "Restored"
	case rev.Version == 1:
		return "Created"
	case rev.UserID == 0 && prev != nil && prev.Story.Status == news.StatusScheduled && rev.Story.Status == news.StatusPublished:
		return "Published on schedule"
	}
	return "Saved"
}

// revisionAuthor names who made a revision: a member of staff, or
// newsdesk itself for imports, demo content and scheduled publication.
func revisionAuthor(rev news.Revision) string {
	switch {
	case rev.UserName != "":
		return rev.UserName
	case rev.UserID == 0:
		return "newsdesk"
	}
	return "a former user"
}

// revisionDiffPage is the data of templates/desk/revision_diff.html.
type revisionDiffPage struct {
	deskPage
	Story                news.Story
	Rows                 []revisionRow // newest first, for the comparison form
	From, To             revisionRow
	Headline, Lead, Body []diffRun
	Others               []fieldChange
	Changed              bool
}

// diffRun is a run of a word diff as the page shows it: the white space
// at the ends of an insertion or deletion stays outside its mark, so that
// only words are underlined or struck through.
type diffRun struct {
	Kind                markup.DiffKind
	Before, Text, After string
}

// diffRuns prepares ops for the page.
func diffRuns(ops []markup.DiffOp) []diffRun {
	runs := make([]diffRun, len(ops))
	for i, op := range ops {
		if op.Kind == markup.DiffEqual {
			runs[i] = diffRun{Kind: op.Kind, Text: op.Text}
			continue
		}
		text := strings.TrimLeftFunc(op.Text, unicode.IsSpace)
		before := op.Text[:len(op.Text)-len(text)]
		trimmed := strings.TrimRightFunc(text, unicode.IsSpace)
		runs[i] = diffRun{Kind: op.Kind, Before: before, Text: trimmed, After: text[len(trimmed):]}
	}
	return runs
}

// fieldChange is a field other than the text that differs between two
// revisions.
type fieldChange struct{ Name, From, To string }

// storyRevisionDiff shows a word diff of the headline, lead and body
// between revisions a and b (ids). Without b it shows the current
// revision; without a, the revision listed before b.
func (s *Server) storyRevisionDiff(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, rows, err := s.revisionRows(r, u)
	if err != nil {
		return err
	}
	pick := func(param string, fallback int) (int, error) {
		v := r.URL.Query().Get(param)
		if v == "" {
			return fallback, nil
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, news.Errorf(news.ErrInvalid, "%s must be a revision number", param)
		}
		for i, row := range rows {
			if row.ID == id {
				return i, nil
			}
		}
		return 0, news.Errorf(news.ErrNotFound, "story %d has no revision %d", x.ID, id)
	}
	bi, err := pick("b", len(rows)-1)
	if err != nil {
		return err
	}
	ai, err := pick("a", max(bi-1, 0))
	if err != nil {
		return err
	}
	ctx := r.Context()
	a, err := s.store.StoryRevision(ctx, x.ID, rows[ai].ID)
	if err != nil {
		return fmt.Errorf("web: revision diff: %w", err)
	}
	b, err := s.store.StoryRevision(ctx, x.ID, rows[bi].ID)
	if err != nil {
		return fmt.Errorf("web: revision diff: %w", err)
	}
	dp, err := s.newDeskPage(r, u, "Compare revisions: "+x.Headline, "stories")
	if err != nil {
		return err
	}
	p := &revisionDiffPage{
		deskPage: dp, Story: x, From: rows[ai], To: rows[bi],
		Others: otherChanges(&a.Story, &b.Story),
	}
	headline := markup.DiffWords(a.Story.Headline, b.Story.Headline)
	lead := markup.DiffWords(a.Story.Lead, b.Story.Lead)
	body := markup.DiffHTML(a.Story.Body, b.Story.Body)
	p.Headline, p.Lead, p.Body = diffRuns(headline), diffRuns(lead), diffRuns(body)
	for i := len(rows) - 1; i >= 0; i-- {
		p.Rows = append(p.Rows, rows[i])
	}
	p.Changed = len(p.Others) > 0 || markup.DiffChanged(headline) || markup.DiffChanged(lead) || markup.DiffChanged(body)
	return s.renderDesk(w, r, http.StatusOK, "revision_diff", p)
}

// otherChanges lists the fields besides headline, lead and body that
// differ between two versions of a story.
func otherChanges(a, b *news.Story) []fieldChange {
	var out []fieldChange
	add := func(name, from, to string) {
		if from != to {
			out = append(out, fieldChange{name, from, to})
		}
	}
	add("Section", a.Section.Name, b.Section.Name)
	add("Tags", joinNames(a.Tags, func(t news.Tag) string { return t.Name }), joinNames(b.Tags, func(t news.Tag) string { return t.Name }))
	add("Bylines", joinNames(a.Bylines, func(x news.Author) string { return x.Name }), joinNames(b.Bylines, func(x news.Author) string { return x.Name }))
	add("Address", a.Slug, b.Slug)
	add("Status", string(a.Status), string(b.Status))
	add("SEO title", a.SEOTitle, b.SEOTitle)
	add("Social title", a.SocialTitle, b.SocialTitle)
	add("Description", a.Description, b.Description)
	add("Featured image", a.FeaturedImage, b.FeaturedImage)
	return out
}

func joinNames[T any](xs []T, name func(T) string) string {
	names := make([]string, len(xs))
	for i, x := range xs {
		names[i] = name(x)
	}
	return strings.Join(names, ", ")
}

// storyRevisionRestore saves the content of an old revision as a new
// version of the story. The form carries the version the user saw: if the
// story was saved since, nothing is restored and the list says why.
func (s *Server) storyRevisionRestore(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := news.Authorize(u, news.ActEditStory, &x); err != nil {
		return err
	}
	revID, err := strconv.ParseInt(r.PathValue("rev"), 10, 64)
	if err != nil {
		return errNotFound
	}
	version, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil {
		return news.Errorf(news.ErrInvalid, "the form names no version of the story; reload the page and try again")
	}
	list := "/desk/stories/" + strconv.FormatInt(x.ID, 10) + "/revisions"
	// Bodies in revisions were sanitised when they were saved, as every
	// body is, so the restored one needs no second pass.
	st, err := s.store.RestoreRevision(r.Context(), x.ID, revID, version, u.ID)
	if errors.Is(err, news.ErrConflict) {
		s.flash(r, "Someone saved the story after you opened this list, so nothing was restored. Check the latest revisions, then restore again.")
		return deskRedirect(w, r, list)
	}
	if err != nil {
		return err
	}
	s.flash(r, fmt.Sprintf("Restored: the story is now version %d, with the text of the revision you chose.", st.Version))
	return deskRedirect(w, r, "/desk/stories/"+strconv.FormatInt(x.ID, 10))
}
