package news

import (
	"errors"
	"testing"
)

func TestCan(t *testing.T) {
	const me, other = 7, 8
	story := func(owner int64, status Status) *Story { return &Story{OwnerID: owner, Status: status} }
	user := func(role Role) User { return User{ID: me, Role: role} }
	tests := []struct {
		name string
		u    User
		a    Action
		st   *Story
		want bool
	}{
		{"contributor writes", user(RoleContributor), ActCreateStory, nil, true},
		{"contributor edits own draft", user(RoleContributor), ActEditStory, story(me, StatusDraft), true},
		{"contributor edits own story in review", user(RoleContributor), ActEditStory, story(me, StatusReview), true},
		{"contributor may not edit own published story", user(RoleContributor), ActEditStory, story(me, StatusPublished), false},
		{"contributor may not edit another's draft", user(RoleContributor), ActEditStory, story(other, StatusDraft), false},
		{"contributor submits own draft", user(RoleContributor), ActSubmitStory, story(me, StatusDraft), true},
		{"contributor may not publish own draft", user(RoleContributor), ActPublishStory, story(me, StatusDraft), false},
		{"contributor may not schedule", user(RoleContributor), ActScheduleStory, story(me, StatusDraft), false},
		{"contributor trashes own draft", user(RoleContributor), ActTrashStory, story(me, StatusDraft), true},
		{"contributor restores own story", user(RoleContributor), ActRestoreStory, story(me, StatusTrashed), true},
		{"contributor may not curate", user(RoleContributor), ActCurateHome, nil, false},
		{"contributor uploads media", user(RoleContributor), ActUploadMedia, nil, true},
		{"contributor may not edit the library", user(RoleContributor), ActEditMedia, nil, false},
		{"editor edits the library", user(RoleEditor), ActEditMedia, nil, true},
		{"editor deletes media", user(RoleEditor), ActDeleteMedia, nil, true},
		{"reader may not upload media", user(RoleReader), ActUploadMedia, nil, false},
		{"author publishes own draft", user(RoleAuthor), ActPublishStory, story(me, StatusDraft), true},
		{"author schedules own draft", user(RoleAuthor), ActScheduleStory, story(me, StatusReview), true},
		{"author edits own published story", user(RoleAuthor), ActEditStory, story(me, StatusPublished), true},
		{"author may not publish another's", user(RoleAuthor), ActPublishStory, story(other, StatusDraft), false},
		{"author may not publish a trashed story", user(RoleAuthor), ActPublishStory, story(me, StatusTrashed), false},
		{"author may not unpublish", user(RoleAuthor), ActUnpublishStory, story(me, StatusPublished), false},
		{"author may not trash own published story", user(RoleAuthor), ActTrashStory, story(me, StatusPublished), false},
		{"author may not add corrections", user(RoleAuthor), ActAddNote, story(me, StatusPublished), false},
		{"author may not edit an imported story", user(RoleAuthor), ActEditStory, story(0, StatusPublished), false},
		{"editor edits anyone's", user(RoleEditor), ActEditStory, story(other, StatusPublished), true},
		{"editor unpublishes", user(RoleEditor), ActUnpublishStory, story(other, StatusPublished), true},
		{"editor adds corrections", user(RoleEditor), ActAddNote, story(other, StatusPublished), true},
		{"editor curates", user(RoleEditor), ActCurateHome, nil, true},
		{"editor manages sections", user(RoleEditor), ActManageSections, nil, true},
		{"editor may not delete for ever", user(RoleEditor), ActDeleteStory, story(other, StatusTrashed), false},
		{"editor may not manage staff", user(RoleEditor), ActManageStaff, nil, false},
		{"editor may not manage editions", user(RoleEditor), ActManageEditions, nil, false},
		{"admin deletes for ever", user(RoleAdmin), ActDeleteStory, story(other, StatusTrashed), true},
		{"admin manages staff", user(RoleAdmin), ActManageStaff, nil, true},
		{"admin manages settings", user(RoleAdmin), ActManageSettings, nil, true},
		{"admin manages webhooks", user(RoleAdmin), ActManageWebhooks, nil, true},
		{"editor may not manage webhooks", user(RoleEditor), ActManageWebhooks, nil, false},
		{"admin manages API keys", user(RoleAdmin), ActManageAPIKeys, nil, true},
		{"editor may not manage API keys", user(RoleEditor), ActManageAPIKeys, nil, false},
		{"contributor may not edit episodes", user(RoleContributor), ActEditEpisode, nil, false},
		{"author publishes episodes", user(RoleAuthor), ActPublishEpisode, nil, true},
		{"author may not manage shows", user(RoleAuthor), ActManageShows, nil, false},
		{"editor manages shows", user(RoleEditor), ActManageShows, nil, true},
		{"disabled admin can do nothing", User{ID: me, Role: RoleAdmin, Disabled: true}, ActCreateStory, nil, false},
		{"reader can do nothing", user(RoleReader), ActCreateStory, nil, false},
		{"unknown role can do nothing", user("chief"), ActCreateStory, nil, false},
		{"no user can do nothing", User{}, ActEditStory, story(0, StatusDraft), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Can(tt.u, tt.a, tt.st); got != tt.want {
				t.Errorf("Can(%s, %q) = %v, want %v", tt.u.Role, tt.a, got, tt.want)
			}
			err := Authorize(tt.u, tt.a, tt.st)
			if tt.want != (err == nil) {
				t.Errorf("Authorize(%s, %q) = %v, want allowed %v", tt.u.Role, tt.a, err, tt.want)
			}
			if err != nil && !errors.Is(err, ErrForbidden) {
				t.Errorf("Authorize error %v is not ErrForbidden", err)
			}
		})
	}
}

func TestValidEmail(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"editor@example.com", true},
		{"a.b+desk@news.example.org", true},
		{"", false},
		{"editor", false},
		{"editor@localhost", false},
		{"Editor <editor@example.com>", false},
		{"editor@example.com.", false},
		{"two words@example.com", false},
		{"editor@@example.com", false},
	}
	for _, tt := range tests {
		if got := ValidEmail(tt.in); got != tt.want {
			t.Errorf("ValidEmail(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := NormalizeEmail("  Editor@Example.COM "); got != "editor@example.com" {
		t.Errorf("NormalizeEmail = %q", got)
	}
}

func TestCanMedia(t *testing.T) {
	const me, other = 7, 8
	tests := []struct {
		name string
		u    User
		a    Action
		by   int64
		want bool
	}{
		{"contributor edits own upload", User{ID: me, Role: RoleContributor}, ActEditMedia, me, true},
		{"contributor deletes own upload", User{ID: me, Role: RoleContributor}, ActDeleteMedia, me, true},
		{"contributor may not edit another's", User{ID: me, Role: RoleContributor}, ActEditMedia, other, false},
		{"author may not edit generated media", User{ID: me, Role: RoleAuthor}, ActEditMedia, 0, false},
		{"editor edits another's", User{ID: me, Role: RoleEditor}, ActEditMedia, other, true},
		{"reader may not edit own", User{ID: me, Role: RoleReader}, ActEditMedia, me, false},
		{"disabled contributor may not edit own", User{ID: me, Role: RoleContributor, Disabled: true}, ActEditMedia, me, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanMedia(tt.u, tt.a, Media{CreatedBy: tt.by}); got != tt.want {
				t.Errorf("CanMedia(%s, %q, by %d) = %v, want %v", tt.u.Role, tt.a, tt.by, got, tt.want)
			}
			if err := AuthorizeMedia(tt.u, tt.a, Media{CreatedBy: tt.by}); (err == nil) != tt.want || err != nil && !errors.Is(err, ErrForbidden) {
				t.Errorf("AuthorizeMedia = %v, want allowed %v", err, tt.want)
			}
		})
	}
}
