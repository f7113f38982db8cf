package desk

import (
	"fmt"
	"net/http"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/storyedit"
)

// presenceState answers a heartbeat: who is editing the story, whether it
// is the caller, and who else has it open. The page that was editing and
// finds someone else editing now has lost the story to them.
type presenceState struct {
	Editing     *presenceUser  `json:"editing"`
	YouEdit     bool           `json:"you_edit"`
	Others      []presenceUser `json:"others"` // present besides the caller, the one editing first
	CanTakeOver bool           `json:"can_take_over"`
	IntervalMS  int64          `json:"interval_ms"`
}

// presenceUser is a member of staff with the story open.
type presenceUser struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Since    string `json:"since"` // "11:02", or "3 Mar 11:02" before today, in the edition's zone
	SinceISO string `json:"since_iso"`
}

// storyPresence records a heartbeat of u's open editor and answers with
// who is editing.
func (s *Desk) storyPresence(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.presenceStory(r, u)
	if err != nil {
		return err
	}
	ps, err := s.store.Heartbeat(r.Context(), x.ID, u.ID)
	if err != nil {
		return fmt.Errorf("desk: heartbeat: %w", err)
	}
	return s.writePresence(w, r, u, &x, ps)
}

// storyTakeOver makes u the one editing the story. Whoever was editing
// learns it with their next heartbeat.
func (s *Desk) storyTakeOver(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.presenceStory(r, u)
	if err != nil {
		return err
	}
	if err := news.Authorize(u, news.ActEditStory, &x); err != nil {
		return err
	}
	ps, err := s.store.TakeOver(r.Context(), x.ID, u.ID)
	if err != nil {
		return fmt.Errorf("desk: take over: %w", err)
	}
	if !respond.WantsJSON(r) {
		s.sessions.Flash(r, s.deskWords(r, u).Story.EditingNow)
		return deskRedirect(w, r, fmt.Sprintf("/desk/stories/%d", x.ID))
	}
	return s.writePresence(w, r, u, &x, ps)
}

// storyLeave records that u closed the editor: the page sends it with
// navigator.sendBeacon as it goes away, and nobody reads the answer.
func (s *Desk) storyLeave(w http.ResponseWriter, r *http.Request, u news.User) error {
	x, err := s.storyOfPath(r)
	if err != nil {
		return err
	}
	if err := s.store.Leave(r.Context(), x.ID, u.ID); err != nil {
		return fmt.Errorf("desk: leave: %w", err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// presenceStory reads the story of the path and checks that u may open it.
func (s *Desk) presenceStory(r *http.Request, u news.User) (news.Story, error) {
	x, err := s.storyOfPath(r)
	if err != nil {
		return news.Story{}, err
	}
	return x, storyedit.MayOpen(u, &x)
}

func (s *Desk) writePresence(w http.ResponseWriter, r *http.Request, u news.User, x *news.Story, ps []news.Presence) error {
	loc, err := s.storyLocation(r, x.Edition)
	if err != nil {
		return err
	}
	now, t := time.Now().In(loc), s.deskWords(r, u)
	st := presenceState{
		CanTakeOver: news.Can(u, news.ActEditStory, x),
		IntervalMS:  news.PresenceHeartbeat.Milliseconds(),
		Others:      []presenceUser{},
	}
	for i, p := range ps {
		pu := presenceUser{ID: p.UserID, Name: p.UserName, Since: presenceTime(t, p.Since, now), SinceISO: p.Since.Format(time.RFC3339)}
		if i == 0 {
			st.Editing = &pu
			st.YouEdit = p.UserID == u.ID
		}
		if p.UserID != u.ID {
			st.Others = append(st.Others, pu)
		}
	}
	return respond.JSON(w, http.StatusOK, st)
}

// presenceTime shows when someone arrived: the time of day, with the date
// when it was not today, in the desk's words w.
func presenceTime(w *deskText, t, now time.Time) string {
	t = t.In(now.Location())
	if y, m, d := t.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return t.Format("15:04")
	}
	return w.Date(t, "2 Jan 15:04")
}
