package desk

import (
	"slices"

	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
)

// labelFor is the button text of act on a story in status st. Saving
// keeps a story's status, so on a story in review or scheduled it is no
// draft that the button saves.
func labelFor(t *storyText, act storyedit.Action, st news.Status) string {
	if act == storyedit.Save && st != news.StatusDraft {
		return t.Save
	}
	return t.Buttons[string(act)]
}

// doneFor is the message after act on a story that was in status st,
// worded as labelFor words the button.
func doneFor(t *storyText, act storyedit.Action, st news.Status) string {
	if act == storyedit.Save && st != news.StatusDraft {
		return t.Saved
	}
	return t.Done[string(act)]
}

// availableActions lists the actions u may take on the story, for the
// editor's buttons in the words t: only those that will work are shown.
func availableActions(t *storyText, u news.User, stored *news.Story, isNew bool) []actionButton {
	var out []actionButton
	for _, r := range storyedit.Rules {
		if _, err := storyedit.Authorize(u, r.Act, stored, isNew); err == nil {
			b := actionButton{Action: string(r.Act), Label: labelFor(t, r.Act, stored.Status), Danger: r.Danger}
			if r.Act == storyedit.Delete {
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
var primaryOrder = []storyedit.Action{storyedit.Update, storyedit.Publish, storyedit.Submit, storyedit.Restore, storyedit.Save}
