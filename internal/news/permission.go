package news

// Action is something a member of staff does on the desk. Every desk
// handler names its action and asks Can before it acts.
type Action string

// Desk actions. Story actions are checked against a story; the others are
// checked with a nil story.
const (
	ActCreateStory    Action = "create story"
	ActEditStory      Action = "edit story"
	ActSubmitStory    Action = "submit story for review"
	ActPublishStory   Action = "publish story"
	ActScheduleStory  Action = "schedule story"
	ActUnpublishStory Action = "unpublish story"
	ActTrashStory     Action = "move story to trash"
	ActRestoreStory   Action = "restore story from trash"
	ActDeleteStory    Action = "delete story for ever"
	ActAddNote        Action = "add a correction"
	ActCurateHome     Action = "order the home page"
	ActManageSections Action = "manage sections and tags"
	ActManageStaff    Action = "manage staff"
	ActManageEditions Action = "manage editions"
	ActManageSettings Action = "manage site settings"
	ActManageWebhooks Action = "manage webhooks"
	ActManageAPIKeys  Action = "manage API keys"

	// Podcasts: editors manage the shows; authors too write, schedule
	// and publish their episodes.
	ActManageShows    Action = "manage podcast shows"
	ActEditEpisode    Action = "edit podcast episodes"
	ActPublishEpisode Action = "publish podcast episodes"

	// The media library: every member of staff uploads; see CanMedia.
	ActUploadMedia Action = "upload media"
	ActEditMedia   Action = "edit media"
	ActDeleteMedia Action = "delete media"
)

// Actions lists every desk action.
var Actions = []Action{
	ActCreateStory, ActEditStory, ActSubmitStory, ActPublishStory, ActScheduleStory, ActUnpublishStory,
	ActTrashStory, ActRestoreStory, ActDeleteStory, ActAddNote, ActCurateHome, ActManageSections,
	ActManageStaff, ActManageEditions, ActManageSettings, ActManageWebhooks, ActManageAPIKeys,
	ActManageShows, ActEditEpisode, ActPublishEpisode, ActUploadMedia, ActEditMedia, ActDeleteMedia,
}

// Can reports whether u may take action a, on st for story actions.
//
// A contributor writes and edits own drafts and submits them for review. An
// author also publishes, schedules and edits own stories whatever their
// status. An editor does anything to anyone's stories and media and manages
// sections, tags and the home page; an admin also manages staff, editions,
// settings and webhooks, and alone deletes stories for ever. Every member
// of staff uploads media (see CanMedia for editing it). Readers and
// disabled users can do nothing on the desk.
func Can(u User, a Action, st *Story) bool {
	if u.Disabled || !u.Role.Staff() {
		return false
	}
	switch u.Role {
	case RoleAdmin:
		return true
	case RoleEditor:
		switch a {
		case ActDeleteStory, ActManageStaff, ActManageEditions, ActManageSettings, ActManageWebhooks, ActManageAPIKeys:
			return false
		}
		return true
	}
	own := st != nil && st.OwnerID != 0 && st.OwnerID == u.ID
	unpublished := st != nil && (st.Status == StatusDraft || st.Status == StatusReview)
	switch a {
	case ActCreateStory, ActUploadMedia:
		return true
	case ActEditStory, ActSubmitStory:
		if u.Role == RoleContributor {
			return own && unpublished
		}
		return own
	case ActTrashStory:
		return own && unpublished
	case ActRestoreStory:
		return own && st.Status == StatusTrashed
	case ActPublishStory, ActScheduleStory:
		return u.Role == RoleAuthor && own && st.Status != StatusTrashed
	case ActEditEpisode, ActPublishEpisode:
		return u.Role == RoleAuthor
	}
	return false
}

// CanMedia reports whether u may take action a (ActEditMedia or
// ActDeleteMedia) on the library item m: editors and admins on any item,
// authors and contributors on those they uploaded.
func CanMedia(u User, a Action, m Media) bool {
	if Can(u, a, nil) {
		return true
	}
	if u.Disabled || !u.Role.Staff() || m.CreatedBy == 0 || m.CreatedBy != u.ID {
		return false
	}
	return a == ActEditMedia || a == ActDeleteMedia
}

// AuthorizeMedia is CanMedia as an error.
func AuthorizeMedia(u User, a Action, m Media) error {
	if CanMedia(u, a, m) {
		return nil
	}
	return Errorf(ErrForbidden, "your role (%s) may not %s uploaded by someone else", u.Role, a)
}

// Authorize is Can as an error: nil when u may take the action, otherwise
// an ErrForbidden error that says what was refused.
func Authorize(u User, a Action, st *Story) error {
	if Can(u, a, st) {
		return nil
	}
	return Errorf(ErrForbidden, "your role (%s) may not %s", u.Role, a)
}
