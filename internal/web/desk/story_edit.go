package desk

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/storyedit"
	"newsdesk/internal/web/words"
)

// storyEditPage is the data of templates/story_edit.html: the story
// editor, for a new story or a stored one.
type storyEditPage struct {
	deskPage
	Form     storyedit.Form
	IsNew    bool
	Status   news.Status // the stored story's status; draft for a new one
	Actions  []actionButton
	Editions []editionSections
	Error    formError
	Conflict *storyConflict
	// Story facts shown beside the form.
	PublicURL   string // the public page of a published story
	PreviewURL  string // the private preview of a stored story
	Published   string // when published or scheduled, in the edition's zone
	Updated     string
	TimeZone    string // the zone the schedule field is read in
	MinSchedule string // now, as the schedule field's minimum
	OwnerID     int64
	ReadOnly    bool // u may take no action that saves the form
	// MediaItems describes the stored story's media for the editor's
	// picker, as JSON.
	MediaItems string
}

// storyText is what the story editor says.
type storyText struct {
	NewTitle, EditTitle, NewStory, StoryN, Write, Edit, ThisStory, PrivatePreview   string // EditTitle: %s, the headline; StoryN: %d
	Revisions, Translations, Corrections, ConflictHeading, Headline, Lead, Body     string
	ConflictText                                                                    template.HTML // %d: the story
	OtherFields, OthersChanged, Trashed, ReadOnly, Story                            string
	LeadHint, BodyHint, Formatting, Preview, PreviewHint, RefreshPreview            string
	PreviewFrame, Publishing, ScheduledFor, Published, Updated, PublishAt           string // PublishAt: %s, the zone
	PublishAtHint, Placement, ChooseSection, Tags, SuggestedTags, TagsHint, Bylines string
	BylinesHint, Address, AddressHint, FeaturedImage, Media, SearchAndSocial        string
	FeaturedImageHint, MediaHint                                                    template.HTML
	SEOTitle, SEOTitleHint, SocialTitle, SocialTitleHint, Description               string
	DescriptionHint, Link, Image, LinkAddress, LinkPlaceholder, ImageAlt, Insert    string
	Cancel, Deleted, SlugTaken                                                      string // Deleted: %q, the headline; SlugTaken: %q, %q
	ConflictBy, ConflictByNobody, ConflictByYou                                     string // %[1]s: the name, %[2]s the time; the others %s, the time
	DeleteConfirm, Save, Saved, EditingNow                                          string
	// The rich text editor's buttons: their titles and hidden words.
	ToolHeading, ToolSubheading, ToolBold, ToolItalic, ToolLink, ToolQuote    string
	ToolBullets, ToolNumbers, ToolImage, ToolSource, Bold, Italic, List, HTML string
	BoldName, ItalicName, H2, H3                                              string
	Buttons, Done                                                             map[string]string // by action
	MediaLabels, MediaHints                                                   map[news.MediaRole]string
	FieldLabels                                                               map[string]string // the editor's fields in their errors
}

// MediaRoles lists the media fields of the form, in order.
func (p *storyEditPage) MediaRoles() []mediaRoleField {
	t := p.T.Story
	field := func(role news.MediaRole, kinds string) mediaRoleField {
		return mediaRoleField{role, t.MediaLabels[role], kinds, t.MediaHints[role]}
	}
	return []mediaRoleField{
		field(news.RoleLead, "video,image"),
		field(news.RoleGallery, "image"),
		field(news.RoleAudio, "audio"),
		field(news.RoleAttachment, "document"),
	}
}

// mediaRoleField is one role's field in the editor.
type mediaRoleField struct {
	Role  news.MediaRole
	Label string
	Kinds string // the kinds the picker offers
	Hint  string
}

// storyFields are the editor's fields that FieldLabels name.
var storyFields = []string{
	"headline", "lead", "body", "edition", "section", "tags", "bylines", "slug", "featured_image", "seo_title",
	"social_title", "description", "published_at", "status", "media_lead", "media_gallery", "media_audio",
	"media_attachment", "media",
}

// FieldError is the error of the named field as a sentence, or "". The
// domain's messages continue the field's name ("is required"); the
// editor's own are whole instructions ("choose a section").
func (p *storyEditPage) FieldError(name string) string {
	msg := p.Error.Field(name)
	if msg == "" {
		return ""
	}
	en := p.Error.english[name]
	for _, verb := range []string{"is ", "must ", "needs ", "holds ", "has "} {
		if label, ok := p.T.Story.FieldLabels[name]; ok && strings.HasPrefix(en, verb) {
			return p.T.Problem(label, strings.TrimSuffix(msg, "."))
		}
	}
	return words.Sentence(msg)
}

// StatusName is the stored story's status as the desk names it.
func (p *storyEditPage) StatusName() string { return p.T.StatusOf(p.Status) }

// DefaultAction is what pressing Enter in a field does: save the draft, or
// update the published story; nothing that publishes or removes.
func (p *storyEditPage) DefaultAction() string {
	for _, a := range p.Actions {
		if a.Action == string(storyedit.Save) || a.Action == string(storyedit.Update) {
			return a.Action
		}
	}
	return ""
}

// CanSchedule reports whether the schedule button is offered, and with it
// the field of its time.
func (p *storyEditPage) CanSchedule() bool {
	for _, a := range p.Actions {
		if a.Action == string(storyedit.Schedule) {
			return true
		}
	}
	return false
}

// editionSections is an edition with its sections, for the section choice.
type editionSections struct {
	Edition  news.Edition
	Sections []news.Section
	TimeZone string
}

// storyConflict explains a refused save: who saved the story meanwhile,
// when, and what they changed since the version the editor started from.
type storyConflict struct {
	By       string
	At       string
	Headline []markup.DiffOp
	Lead     []markup.DiffOp
	Body     []markup.DiffOp
	Others   bool // fields besides these changed too
}

// storyNew serves the editor for a new story, in the edition ?edition=
// names or the default one.
func (s *Desk) storyNew(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActCreateStory, nil); err != nil {
		return err
	}
	p, err := s.storyEditor(r, u, nil)
	if err != nil {
		return err
	}
	if code := r.URL.Query().Get("edition"); code != "" {
		if _, ok := news.FindEdition(p.deskPage.Editions, code); ok {
			p.Form.Edition = code
			p.setZone(s, code)
		}
	}
	return s.renderDesk(w, r, http.StatusOK, "story_edit", p)
}

// storyEdit serves the editor for a stored story.
func (s *Desk) storyEdit(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := storyedit.MayOpen(u, &x); err != nil {
		return err
	}
	p, err := s.storyEditor(r, u, &x)
	if err != nil {
		return err
	}
	return s.renderDesk(w, r, http.StatusOK, "story_edit", p)
}

// storyOfPath reads the story named by the {id} path segment.
func (s *Desk) storyOfPath(r *http.Request) (news.Story, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return news.Story{}, errNotFound
	}
	x, err := s.store.Story(r.Context(), id)
	if err != nil {
		return news.Story{}, fmt.Errorf("desk: desk story %d: %w", id, err)
	}
	return x, nil
}

// storyEditor builds the editor's page for stored, or for a new story when
// stored is nil, with the form filled from it.
func (s *Desk) storyEditor(r *http.Request, u news.User, stored *news.Story) (*storyEditPage, error) {
	dp, err := s.newDeskPage(r, u, "stories")
	if err != nil {
		return nil, err
	}
	dp.Title = dp.T.Story.NewTitle
	if stored != nil {
		dp.Title = fmt.Sprintf(dp.T.Story.EditTitle, stored.Headline)
	}
	p := &storyEditPage{deskPage: dp, IsNew: stored == nil}
	for _, ed := range dp.Editions {
		secs, err := s.store.Sections(r.Context(), ed.Code)
		if err != nil {
			return nil, fmt.Errorf("desk: sections of %s: %w", ed.Code, err)
		}
		p.Editions = append(p.Editions, editionSections{Edition: ed, Sections: secs, TimeZone: ed.TimeZone})
	}
	if stored == nil {
		ed, _ := news.FindEdition(dp.Editions, "")
		p.Form = storyedit.Form{Edition: ed.Code, Bylines: u.Name}
		p.Status = news.StatusDraft
		p.Actions = availableActions(dp.T.Story, u, storyedit.NewStoryFor(u), true)
		p.OwnerID = u.ID
	} else {
		ed, _ := news.FindEdition(dp.Editions, stored.Edition)
		loc := s.location(ed)
		p.Form = storyedit.FormOf(stored, loc)
		p.setStory(u, stored, ed, loc)
		items := make([]mediaItem, 0, len(stored.Media))
		for _, it := range stored.Media {
			items = append(items, newMediaItem(it.Media, u))
		}
		if b, err := json.Marshal(items); err == nil {
			p.MediaItems = string(b)
		}
	}
	p.setZone(s, p.Form.Edition)
	return p, nil
}

// setStory fills in the facts of the stored story beside the form.
func (p *storyEditPage) setStory(u news.User, x *news.Story, ed news.Edition, loc *time.Location) {
	p.Status = x.Status
	p.OwnerID = x.OwnerID
	p.Actions = availableActions(p.T.Story, u, x, false)
	p.ReadOnly = true
	for _, a := range p.Actions {
		if rule, _ := storyedit.RuleOf(storyedit.Action(a.Action)); rule.Content {
			p.ReadOnly = false
		}
	}
	p.PreviewURL = "/desk/stories/" + strconv.FormatInt(x.ID, 10) + "/preview"
	if x.Status == news.StatusPublished {
		p.PublicURL = ed.PathPrefix() + x.Path()
	}
	if !x.PublishedAt.IsZero() && (x.Status == news.StatusPublished || x.Status == news.StatusScheduled) {
		p.Published = p.T.Time(x.PublishedAt, loc)
	}
	if !x.UpdatedAt.IsZero() {
		p.Updated = p.T.Time(x.UpdatedAt, loc)
	}
}

// setZone names the time zone of the form's edition for the schedule field.
func (p *storyEditPage) setZone(s *Desk, code string) {
	ed, ok := news.FindEdition(p.deskPage.Editions, code)
	if !ok {
		ed, _ = news.FindEdition(p.deskPage.Editions, "")
	}
	p.TimeZone = ed.TimeZone
	p.MinSchedule = time.Now().In(s.location(ed)).Format(storyedit.DateTimeLocal)
}

// storyCreate saves a new story with the action of the button pressed.
func (s *Desk) storyCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	f, err := storyedit.ParseForm(r)
	if err != nil {
		return err
	}
	act := formAction(f)
	base := storyedit.NewStoryFor(u)
	if _, err := storyedit.Authorize(u, act, base, true); err != nil {
		return err
	}
	eds, err := s.store.Editions(r.Context())
	if err != nil {
		return fmt.Errorf("desk: editions: %w", err)
	}
	edited := *base
	at, err := f.Apply(&edited, eds)
	if err == nil {
		err = storyedit.Apply(act, &edited, *base, at, time.Now())
	}
	if err == nil {
		edited.EditedBy = u.ID
		err = s.store.CreateStory(r.Context(), &edited)
	}
	if err != nil {
		return s.refuseStoryForm(w, r, u, nil, f, err)
	}
	s.sessions.Flash(r, doneMessage(s.deskWords(r, u).Story, act, f, base.Status, edited))
	return deskRedirect(w, r, "/desk/stories/"+strconv.FormatInt(edited.ID, 10))
}

// storySave takes the action of the button pressed on a stored story:
// saving the form, moving the story between statuses, or deleting it.
func (s *Desk) storySave(w http.ResponseWriter, r *http.Request, u news.User) error {
	stored, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	f, err := storyedit.ParseForm(r)
	if err != nil {
		return err
	}
	f.ID = stored.ID
	if f.Version == 0 {
		f.Version = stored.Version
	}
	act := formAction(f)
	rule, err := storyedit.Authorize(u, act, &stored, false)
	if errors.Is(err, news.ErrForbidden) {
		return err
	}
	if err == nil && f.Version != stored.Version {
		err = news.Errorf(news.ErrConflict, "story %d was changed by someone else", stored.ID)
	}
	if err != nil {
		return s.refuseStoryForm(w, r, u, &stored, f, err)
	}
	if act == storyedit.Delete {
		if err := s.store.DeleteStory(r.Context(), stored.ID, f.Version); err != nil {
			return s.refuseStoryForm(w, r, u, &stored, f, err)
		}
		s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Story.Deleted, stored.Headline))
		return deskRedirect(w, r, "/desk/stories?status=trashed")
	}
	edited := stored
	var at time.Time
	if rule.Content {
		eds, err := s.store.Editions(r.Context())
		if err != nil {
			return fmt.Errorf("desk: editions: %w", err)
		}
		if at, err = f.Apply(&edited, eds); err != nil {
			return s.refuseStoryForm(w, r, u, &stored, f, err)
		}
	}
	if err := storyedit.Apply(act, &edited, stored, at, time.Now()); err != nil {
		return s.refuseStoryForm(w, r, u, &stored, f, err)
	}
	edited.Version = f.Version
	edited.EditedBy = u.ID
	if err := s.store.UpdateStory(r.Context(), &edited); err != nil {
		return s.refuseStoryForm(w, r, u, &stored, f, err)
	}
	s.sessions.Flash(r, doneMessage(s.deskWords(r, u).Story, act, f, stored.Status, edited))
	return deskRedirect(w, r, "/desk/stories/"+strconv.FormatInt(edited.ID, 10))
}

// formAction is the action of the button pressed; a form sent with the
// Enter key, without a button, saves.
func formAction(f storyedit.Form) storyedit.Action {
	if f.Action == "" {
		return storyedit.Save
	}
	return storyedit.Action(f.Action)
}

// doneMessage is the flash after a successful action, in the words t,
// noting a slug the store had to change because another story of the
// edition has it.
func doneMessage(t *storyText, act storyedit.Action, f storyedit.Form, was news.Status, saved news.Story) string {
	msg := doneFor(t, act, was)
	if rule, _ := storyedit.RuleOf(act); f.Slug != "" && news.Slugify(f.Slug) != saved.Slug && rule.Content {
		msg += " " + fmt.Sprintf(t.SlugTaken, news.Slugify(f.Slug), saved.Slug)
	}
	return msg
}

// refuseStoryForm answers a refused action with the editor again, keeping
// everything typed: with the errors beside their fields (400), or, when
// someone else saved the story meanwhile, with what they changed (409).
// Errors that no one can fix in the form go to the desk's error page.
func (s *Desk) refuseStoryForm(w http.ResponseWriter, r *http.Request, u news.User, stored *news.Story, f storyedit.Form, cause error) error {
	fe, ok := asFormError(cause, s.deskWords(r, u))
	if !ok {
		return cause
	}
	if stored != nil && errors.Is(cause, news.ErrConflict) {
		current, err := s.store.Story(r.Context(), stored.ID)
		if err != nil {
			return fmt.Errorf("desk: reread story %d after a conflict: %w", stored.ID, err)
		}
		if current.Version != f.Version {
			return s.storyConflict(w, r, u, current, f)
		}
	}
	p, err := s.storyEditor(r, u, stored)
	if err != nil {
		return err
	}
	keepTyped(p, f, stored)
	p.Error = fe
	return s.renderDesk(w, r, respond.Status(cause), "story_edit", p)
}

// keepTyped puts the typed form into the page, keeping the stored story's
// identity and version.
func keepTyped(p *storyEditPage, f storyedit.Form, stored *news.Story) {
	f.Action = ""
	if stored != nil {
		f.ID = stored.ID
		if f.Version == 0 {
			f.Version = stored.Version
		}
	}
	p.Form = f
}
