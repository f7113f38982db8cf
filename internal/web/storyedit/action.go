// Package storyedit holds the rules of editing a story through a form,
// which the desk's editor and the admin API share: the form as typed, its
// checks, and the actions (save, submit, publish, schedule...) with who may
// take them on a story in which status.
package storyedit

import (
	"slices"
	"time"

	"newsdesk/internal/news"
)

// Action is one of the editor's buttons: the value of the form's
// "action" field.
type Action string

// The editor's actions.
const (
	Save      Action = "save"
	Submit    Action = "submit"
	Publish   Action = "publish"
	Schedule  Action = "schedule"
	Update    Action = "update"
	Unpublish Action = "unpublish"
	Trash     Action = "trash"
	Restore   Action = "restore"
	Delete    Action = "delete"
)

// Rule says what an action needs and does. The desk words its button
// and the message after it worked.
type Rule struct {
	Perms []news.Action // every one must be allowed on the stored story
	From  []news.Status // the statuses it applies to
	// Content is set for actions that save the form's fields; the others
	// only move the stored story from one status to another.
	Content bool
	// Danger marks the buttons that take a story off the site or away.
	Danger bool
}

// unpublishedStatuses are those of a story not (yet) on the site.
var unpublishedStatuses = []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled}

// Rules lists every action, in the order the editor shows them.
var Rules = []struct {
	Act Action
	Rule
}{
	{Save, Rule{Perms: []news.Action{news.ActEditStory},
		From: []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled}, Content: true}},
	{Submit, Rule{Perms: []news.Action{news.ActEditStory, news.ActSubmitStory}, From: []news.Status{news.StatusDraft}, Content: true}},
	{Publish, Rule{Perms: []news.Action{news.ActEditStory, news.ActPublishStory}, From: unpublishedStatuses, Content: true}},
	{Schedule, Rule{Perms: []news.Action{news.ActEditStory, news.ActScheduleStory}, From: unpublishedStatuses, Content: true}},
	{Update, Rule{Perms: []news.Action{news.ActEditStory}, From: []news.Status{news.StatusPublished}, Content: true}},
	{Unpublish, Rule{Perms: []news.Action{news.ActEditStory, news.ActUnpublishStory},
		From: []news.Status{news.StatusPublished, news.StatusScheduled}, Content: true, Danger: true}},
	{Trash, Rule{Perms: []news.Action{news.ActTrashStory},
		From: []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled, news.StatusPublished}, Danger: true}},
	{Restore, Rule{Perms: []news.Action{news.ActRestoreStory}, From: []news.Status{news.StatusTrashed}}},
	{Delete, Rule{Perms: []news.Action{news.ActDeleteStory}, From: []news.Status{news.StatusTrashed}, Danger: true}},
}

// ActionKeys lists the actions, as the desk's words key them.
func ActionKeys() []string {
	keys := make([]string, len(Rules))
	for i, r := range Rules {
		keys[i] = string(r.Act)
	}
	return keys
}

// RuleOf returns the rule of act.
func RuleOf(act Action) (Rule, bool) {
	for _, r := range Rules {
		if r.Act == act {
			return r.Rule, true
		}
	}
	return Rule{}, false
}

// NewStoryFor is what a story that u is about to create looks like to the
// permission rules: u's own draft.
func NewStoryFor(u news.User) *news.Story {
	return &news.Story{OwnerID: u.ID, Status: news.StatusDraft}
}

// Authorize checks that u may take act on stored, the story as it
// is now (a new story is NewStoryFor(u), which also needs ActCreateStory),
// and that the action applies to the story's status.
func Authorize(u news.User, act Action, stored *news.Story, isNew bool) (Rule, error) {
	rule, ok := RuleOf(act)
	if !ok {
		return Rule{}, news.Errorf(news.ErrInvalid, "unknown action %q", act)
	}
	if isNew {
		if err := news.Authorize(u, news.ActCreateStory, nil); err != nil {
			return rule, err
		}
		if !rule.Content {
			return rule, news.Errorf(news.ErrInvalid, "%q needs a story that has been saved", act)
		}
	}
	for _, p := range rule.Perms {
		if err := news.Authorize(u, p, stored); err != nil {
			return rule, err
		}
	}
	if !slices.Contains(rule.From, stored.Status) {
		return rule, news.Errorf(news.ErrInvalid, "%q does not apply to a story that is %s", act, StatusWord(stored.Status))
	}
	return rule, nil
}

// Apply moves edited, the stored story with the form applied (or the
// stored story itself for actions without content), into the status and
// time that act gives it. at is the schedule time from the form; now is the
// current time.
func Apply(act Action, edited *news.Story, stored news.Story, at, now time.Time) error {
	switch act {
	case Save, Update:
		edited.Status, edited.PublishedAt = stored.Status, stored.PublishedAt
	case Submit:
		edited.Status = news.StatusReview
	case Publish:
		edited.Status = news.StatusPublished
		// A story published before and taken down keeps its first date;
		// a draft or a scheduled story is published now.
		if stored.Status == news.StatusScheduled || edited.PublishedAt.IsZero() || edited.PublishedAt.After(now) {
			edited.PublishedAt = now
		}
	case Schedule:
		switch {
		case at.IsZero():
			return FieldError("published_at", "give the date and time to publish at")
		case !at.After(now):
			return FieldError("published_at", "must be in the future; use Publish now to publish at once")
		}
		edited.Status, edited.PublishedAt = news.StatusScheduled, at
	case Unpublish:
		if stored.Status == news.StatusScheduled {
			edited.PublishedAt = time.Time{} // the time was only the plan
		}
		edited.Status = news.StatusDraft
	case Trash:
		edited.Status = news.StatusTrashed
	case Restore:
		edited.Status = news.StatusDraft
		if edited.PublishedAt.After(now) {
			edited.PublishedAt = time.Time{}
		}
	default:
		return news.Errorf(news.ErrInvalid, "unknown action %q", act)
	}
	return nil
}

// FieldError is a validation error on one field.
func FieldError(field, msg string) error {
	v := news.ValidationErrors{}
	v.Add(field, msg)
	return v.Err("story")
}

// StatusWord names a status in an English message of the domain's kind,
// which the desk translates whole (deskText.Say): "a draft", "published".
func StatusWord(s news.Status) string {
	switch s {
	case news.StatusDraft:
		return "a draft"
	case news.StatusReview:
		return "in review"
	case news.StatusScheduled:
		return "scheduled"
	case news.StatusPublished:
		return "published"
	case news.StatusTrashed:
		return "in the trash"
	}
	return string(s)
}

// MayOpen checks that u may read x in the editor. Contributors see only
// their own stories; the rest of the staff may read any story there, and
// the editor offers them only the actions they may take.
func MayOpen(u news.User, x *news.Story) error {
	if u.Role == news.RoleContributor && x.OwnerID != u.ID {
		return news.Errorf(news.ErrForbidden, "contributors may open only their own stories")
	}
	return nil
}
