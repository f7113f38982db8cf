package web

import (
	"slices"
	"time"

	"newsdesk/internal/news"
)

// storyAction is one of the editor's buttons: the value of the form's
// "action" field.
type storyAction string

// The editor's actions.
const (
	actSave      storyAction = "save"
	actSubmit    storyAction = "submit"
	actPublish   storyAction = "publish"
	actSchedule  storyAction = "schedule"
	actUpdate    storyAction = "update"
	actUnpublish storyAction = "unpublish"
	actTrash     storyAction = "trash"
	actRestore   storyAction = "restore"
	actDelete    storyAction = "delete"
)

// actionRule says what an action needs and does. Its button's text and
// the message after it worked are storyText.Buttons and Done.
type actionRule struct {
	perms []news.Action // every one must be allowed on the stored story
	from  []news.Status // the statuses it applies to
	// content is set for actions that save the form's fields; the others
	// only move the stored story from one status to another.
	content bool
	// danger marks the buttons that take a story off the site or away.
	danger bool
}

// unpublishedStatuses are those of a story not (yet) on the site.
var unpublishedStatuses = []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled}

// actionRules lists every action, in the order the editor shows them.
var actionRules = []struct {
	act storyAction
	actionRule
}{
	{actSave, actionRule{perms: []news.Action{news.ActEditStory},
		from: []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled}, content: true}},
	{actSubmit, actionRule{perms: []news.Action{news.ActEditStory, news.ActSubmitStory}, from: []news.Status{news.StatusDraft}, content: true}},
	{actPublish, actionRule{perms: []news.Action{news.ActEditStory, news.ActPublishStory}, from: unpublishedStatuses, content: true}},
	{actSchedule, actionRule{perms: []news.Action{news.ActEditStory, news.ActScheduleStory}, from: unpublishedStatuses, content: true}},
	{actUpdate, actionRule{perms: []news.Action{news.ActEditStory}, from: []news.Status{news.StatusPublished}, content: true}},
	{actUnpublish, actionRule{perms: []news.Action{news.ActEditStory, news.ActUnpublishStory},
		from: []news.Status{news.StatusPublished, news.StatusScheduled}, content: true, danger: true}},
	{actTrash, actionRule{perms: []news.Action{news.ActTrashStory},
		from: []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled, news.StatusPublished}, danger: true}},
	{actRestore, actionRule{perms: []news.Action{news.ActRestoreStory}, from: []news.Status{news.StatusTrashed}}},
	{actDelete, actionRule{perms: []news.Action{news.ActDeleteStory}, from: []news.Status{news.StatusTrashed}, danger: true}},
}

// storyActionKeys lists the actions, as storyText's maps key them.
func storyActionKeys() []string {
	keys := make([]string, len(actionRules))
	for i, r := range actionRules {
		keys[i] = string(r.act)
	}
	return keys
}

// labelFor is the button text of act on a story in status st. Saving
// keeps a story's status, so on a story in review or scheduled it is no
// draft that the button saves.
func labelFor(t *storyText, act storyAction, st news.Status) string {
	if act == actSave && st != news.StatusDraft {
		return t.Save
	}
	return t.Buttons[string(act)]
}

// doneFor is the message after act on a story that was in status st,
// worded as labelFor words the button.
func doneFor(t *storyText, act storyAction, st news.Status) string {
	if act == actSave && st != news.StatusDraft {
		return t.Saved
	}
	return t.Done[string(act)]
}

// ruleOf returns the rule of act.
func ruleOf(act storyAction) (actionRule, bool) {
	for _, r := range actionRules {
		if r.act == act {
			return r.actionRule, true
		}
	}
	return actionRule{}, false
}

// newStoryFor is what a story that u is about to create looks like to the
// permission rules: u's own draft.
func newStoryFor(u news.User) *news.Story {
	return &news.Story{OwnerID: u.ID, Status: news.StatusDraft}
}

// authorizeAction checks that u may take act on stored, the story as it
// is now (a new story is newStoryFor(u), which also needs ActCreateStory),
// and that the action applies to the story's status.
func authorizeAction(u news.User, act storyAction, stored *news.Story, isNew bool) (actionRule, error) {
	rule, ok := ruleOf(act)
	if !ok {
		return actionRule{}, news.Errorf(news.ErrInvalid, "unknown action %q", act)
	}
	if isNew {
		if err := news.Authorize(u, news.ActCreateStory, nil); err != nil {
			return rule, err
		}
		if !rule.content {
			return rule, news.Errorf(news.ErrInvalid, "%q needs a story that has been saved", act)
		}
	}
	for _, p := range rule.perms {
		if err := news.Authorize(u, p, stored); err != nil {
			return rule, err
		}
	}
	if !slices.Contains(rule.from, stored.Status) {
		return rule, news.Errorf(news.ErrInvalid, "%q does not apply to a story that is %s", act, statusWord(stored.Status))
	}
	return rule, nil
}

// availableActions lists the actions u may take on the story, for the
// editor's buttons in the words t: only those that will work are shown.
func availableActions(t *storyText, u news.User, stored *news.Story, isNew bool) []actionButton {
	var out []actionButton
	for _, r := range actionRules {
		if _, err := authorizeAction(u, r.act, stored, isNew); err == nil {
			b := actionButton{Action: string(r.act), Label: labelFor(t, r.act, stored.Status), Danger: r.danger}
			if r.act == actDelete {
				b.Confirm = t.DeleteConfirm
			}
			out = append(out, b)
		}
	}
	for _, act := range primaryOrder {
		if i := slices.IndexFunc(out, func(b actionButton) bool { return b.Action == string(act) }); i >= 0 {
			out[i].Primary = true
			break
		}
	}
	return out
}

// actionButton is one of the editor's submit buttons.
type actionButton struct {
	Action  string
	Label   string
	Primary bool   // the main thing to do next
	Danger  bool   // takes the story off the site or away
	Confirm string // a question to confirm before, for what cannot be undone
}

// primaryOrder ranks the actions that may be the main button: the first
// one available is.
var primaryOrder = []storyAction{actUpdate, actPublish, actSubmit, actRestore, actSave}

// applyAction moves edited, the stored story with the form applied (or the
// stored story itself for actions without content), into the status and
// time that act gives it. at is the schedule time from the form; now is the
// current time.
func applyAction(act storyAction, edited *news.Story, stored news.Story, at, now time.Time) error {
	switch act {
	case actSave, actUpdate:
		edited.Status, edited.PublishedAt = stored.Status, stored.PublishedAt
	case actSubmit:
		edited.Status = news.StatusReview
	case actPublish:
		edited.Status = news.StatusPublished
		// A story published before and taken down keeps its first date;
		// a draft or a scheduled story is published now.
		if stored.Status == news.StatusScheduled || edited.PublishedAt.IsZero() || edited.PublishedAt.After(now) {
			edited.PublishedAt = now
		}
	case actSchedule:
		switch {
		case at.IsZero():
			return fieldError("published_at", "give the date and time to publish at")
		case !at.After(now):
			return fieldError("published_at", "must be in the future; use Publish now to publish at once")
		}
		edited.Status, edited.PublishedAt = news.StatusScheduled, at
	case actUnpublish:
		if stored.Status == news.StatusScheduled {
			edited.PublishedAt = time.Time{} // the time was only the plan
		}
		edited.Status = news.StatusDraft
	case actTrash:
		edited.Status = news.StatusTrashed
	case actRestore:
		edited.Status = news.StatusDraft
		if edited.PublishedAt.After(now) {
			edited.PublishedAt = time.Time{}
		}
	default:
		return news.Errorf(news.ErrInvalid, "unknown action %q", act)
	}
	return nil
}

// fieldError is a validation error on one field.
func fieldError(field, msg string) error {
	v := news.ValidationErrors{}
	v.Add(field, msg)
	return v.Err("story")
}

// statusWord names a status in an English message of the domain's kind,
// which the desk translates whole (deskText.Say): "a draft", "published".
func statusWord(s news.Status) string {
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
