package news

import "time"

// Presence is a member of staff who has a story open in the editor. Of the
// people present, the one who opened the story first, or took it over
// last, is the one editing it; the others see who that is and since when.
type Presence struct {
	StoryID  int64
	UserID   int64
	UserName string    // the user's display name
	Since    time.Time // when the user opened the story, or took it over
	SeenAt   time.Time // the latest heartbeat
}

// Presence timing: an open editor sends a heartbeat every
// PresenceHeartbeat; one not heard from for PresenceExpiry has gone, even
// if its tab closed without saying so.
const (
	PresenceHeartbeat = 15 * time.Second
	PresenceExpiry    = 45 * time.Second
)
