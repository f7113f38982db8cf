package desk

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
)

// revisionsPage is the data of templates/revisions.html: every
// revision of a story, newest first.
type revisionsPage struct {
	deskPage
	Story      news.Story
	Rows       []revisionRow
	CanRestore bool
	// From and To preselect the comparison form: the two latest versions.
	From, To int64
}

// revisionsText is what the pages of a story's revisions say.
type revisionsText struct {
	Title, DiffTitle, Heading, DiffHeading, StoryN, VersionN, VersionHead, Back string // Title, DiffTitle, Heading: %s, the headline; DiffHeading: %d, %d
	Compare, CompareTwo, From, To, Caption, Version, Saved, By, Kind, Headline  string
	Current, Changes, InVersion, Restore, RestoreConfirm, Same, Lead, Body      string // InVersion: %d, the version, %s, the kind; RestoreConfirm: %d
	OthersCaption, Field, Label, Newsdesk, FormerUser, Restored, Conflict       string // Label: version, kind, who, when
	Added, Removed                                                              string
	Legend                                                                      template.HTML // %s: the version
	Kinds                                                                       map[string]string
	Fields                                                                      map[string]string // the other fields that differ
}

// revisionKinds are how a revision came about, as Kinds names them.
var revisionKinds = []string{"rejected", "restored", "created", "scheduled", "saved"}

// revisionFields are the fields besides the text that a comparison
// lists, as Fields names them.
var revisionFields = []string{"section", "tags", "bylines", "slug", "status", "seo_title", "social_title", "description", "featured_image"}

// revisionRow is one revision as the desk lists it.
type revisionRow struct {
	ID       int64
	Version  int
	Kind     news.RevisionKind
	KindName string
	Label    string // names the revision in the comparison form's choices
	Who      string
	At       string // in the edition's zone
	AtISO    string
	Headline string
	Current  bool  // the revision the story stands at
	Previous int64 // the revision listed before it, 0 for the first
}

// storyRevisions lists the revisions of a story.
func (s *Desk) storyRevisions(w http.ResponseWriter, r *http.Request, u news.User) error {
	dp, err := s.newDeskPage(r, u, "stories")
	if err != nil {
		return err
	}
	x, rows, err := s.revisionRows(r, u, dp.T)
	if err != nil {
		return err
	}
	dp.Title = fmt.Sprintf(dp.T.Revisions.Title, x.Headline)
	p := &revisionsPage{deskPage: dp, Story: x, CanRestore: news.Can(u, news.ActEditStory, &x)}
	for i := len(rows) - 1; i >= 0; i-- {
		p.Rows = append(p.Rows, rows[i])
	}
	p.To = rows[len(rows)-1].ID
	p.From = rows[len(rows)-1].Previous
	return s.renderDesk(w, r, http.StatusOK, "revisions", p)
}

// revisionRows reads the story of the path, checks that u may open it, and
// returns its revisions oldest first, described in the words t.
func (s *Desk) revisionRows(r *http.Request, u news.User, t *deskText) (news.Story, []revisionRow, error) {
	x, err := s.storyOfPath(r)
	if err != nil {
		return news.Story{}, nil, err
	}
	if err := storyedit.MayOpen(u, &x); err != nil {
		return news.Story{}, nil, err
	}
	revs, err := s.store.StoryRevisions(r.Context(), x.ID)
	if err != nil {
		return news.Story{}, nil, fmt.Errorf("desk: revisions of story %d: %w", x.ID, err)
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
		row := revisionRow{
			ID: rev.ID, Version: rev.Version, Kind: rev.Kind, KindName: t.Revisions.Kinds[revisionKind(rev, prev)],
			Who: revisionAuthor(t, rev), At: t.Time(rev.CreatedAt, loc), AtISO: rev.CreatedAt.Format(time.RFC3339),
			Headline: rev.Story.Headline,
			Current:  rev.Kind != news.RevisionRejected && rev.Version == x.Version,
		}
		row.Label = fmt.Sprintf(t.Revisions.Label, row.Version, strings.ToLower(row.KindName), row.Who, row.At)
		rows[i] = row
		if i > 0 {
			rows[i].Previous = revs[i-1].ID
		}
	}
	return x, rows, nil
}

// storyLocation returns the time zone of the edition with the given code.
func (s *Desk) storyLocation(r *http.Request, code string) (*time.Location, error) {
	eds, err := s.store.Editions(r.Context())
	if err != nil {
		return nil, fmt.Errorf("desk: editions: %w", err)
	}
	ed, _ := news.FindEdition(eds, code)
	return s.location(ed), nil
}

// revisionKind says how a revision came about, as revisionKinds name it;
// prev is the revision listed before it, nil for the first.
func revisionKind(rev news.Revision, prev *news.Revision) string {
	switch {
	case rev.Kind == news.RevisionRejected:
		return "rejected"
	case rev.Kind == news.RevisionRestore:
		return "restored"
	case rev.Version == 1:
		return "created"
	case rev.UserID == 0 && prev != nil && prev.Story.Status == news.StatusScheduled && rev.Story.Status == news.StatusPublished:
		return "scheduled"
	}
	return "saved"
}

// revisionAuthor names who made a revision: a member of staff, or
// newsdesk itself for imports, demo content and scheduled publication.
func revisionAuthor(t *deskText, rev news.Revision) string {
	switch {
	case rev.UserName != "":
		return rev.UserName
	case rev.UserID == 0:
		return t.Revisions.Newsdesk
	}
	return t.Revisions.FormerUser
}

// revisionDiffPage is the data of templates/revision_diff.html.
type revisionDiffPage struct {
	deskPage
	Story                news.Story
	Rows                 []revisionRow // newest first, for the comparison form
	From, To             revisionRow
	Headline, Lead, Body []diffRun
	Others               []fieldChange
	Changed              bool
}

// diffView is the data of the "revdiff" template: a diff's runs and the
// words to mark them with.
type diffView struct {
	T    *deskText
	Runs []diffRun
}

// Diff prepares runs for the "revdiff" template.
func (p *revisionDiffPage) Diff(runs []diffRun) diffView { return diffView{T: p.T, Runs: runs} }

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
func (s *Desk) storyRevisionDiff(w http.ResponseWriter, r *http.Request, u news.User) error {
	dp, err := s.newDeskPage(r, u, "stories")
	if err != nil {
		return err
	}
	x, rows, err := s.revisionRows(r, u, dp.T)
	if err != nil {
		return err
	}
	dp.Title = fmt.Sprintf(dp.T.Revisions.DiffTitle, x.Headline)
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
		return fmt.Errorf("desk: revision diff: %w", err)
	}
	b, err := s.store.StoryRevision(ctx, x.ID, rows[bi].ID)
	if err != nil {
		return fmt.Errorf("desk: revision diff: %w", err)
	}
	p := &revisionDiffPage{
		deskPage: dp, Story: x, From: rows[ai], To: rows[bi],
		Others: otherChanges(dp.T, &a.Story, &b.Story),
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
// differ between two versions of a story, named in the words t.
func otherChanges(t *deskText, a, b *news.Story) []fieldChange {
	var out []fieldChange
	add := func(field, from, to string) {
		if from != to {
			out = append(out, fieldChange{t.Revisions.Fields[field], from, to})
		}
	}
	tag := func(x news.Tag) string { return x.Name }
	author := func(x news.Author) string { return x.Name }
	add("section", a.Section.Name, b.Section.Name)
	add("tags", joinNames(a.Tags, tag), joinNames(b.Tags, tag))
	add("bylines", joinNames(a.Bylines, author), joinNames(b.Bylines, author))
	add("slug", a.Slug, b.Slug)
	add("status", t.StatusOf(a.Status), t.StatusOf(b.Status))
	add("seo_title", a.SEOTitle, b.SEOTitle)
	add("social_title", a.SocialTitle, b.SocialTitle)
	add("description", a.Description, b.Description)
	add("featured_image", a.FeaturedImage, b.FeaturedImage)
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
func (s *Desk) storyRevisionRestore(w http.ResponseWriter, r *http.Request, u news.User) error {
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
		s.sessions.Flash(r, s.deskWords(r, u).Revisions.Conflict)
		return deskRedirect(w, r, list)
	}
	if err != nil {
		return err
	}
	s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Revisions.Restored, st.Version))
	return deskRedirect(w, r, "/desk/stories/"+strconv.FormatInt(x.ID, 10))
}
