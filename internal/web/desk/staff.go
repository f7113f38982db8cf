package desk

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
	"newsdesk/internal/web/respond"
	"newsdesk/internal/web/words"
)

// inviteTTL is how long an invitation link works: long enough for someone
// on leave, short enough that old mail is harmless.
const inviteTTL = 7 * 24 * time.Hour

// sessionInvite carries a fresh one-time link from the form's POST to the
// page after the redirect, shown once.
const sessionInvite = "invite"

// staffPage is the data of templates/staff.html.
type staffPage struct {
	deskPage
	Users  []news.User
	Roles  []news.Role
	Invite news.User // the invitation form's values
	Form   formError
	// Link is a one-time sign-in link just made, with whom it is for.
	Link     string
	LinkFor  string
	LinkDays int
}

// staffText is what the staff page says.
type staffText struct {
	Title, LinkHeading, LinkText, LinkLabel, Copy, People, Name, Role, RoleOf string // LinkHeading: %s; LinkText: %[1]s, whom, %[2]s, Days; RoleOf: %s
	Invited, NewLink, Enable, Disable, DisableConfirm, Invite, InviteIntro    string // DisableConfirm: %s, the address
	InviteButton, InvitedAs, NowRole, Enabled, DisabledOut, LinkMade          string // InvitedAs, NowRole: %s, %s; the rest %s, the address
	Accounts, Days                                                            words.Plural
}

// deskStaff lists the staff and readers, with the invitation form.
func (s *Desk) deskStaff(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageStaff, nil); err != nil {
		return err
	}
	return s.renderStaff(w, r, u, http.StatusOK, func(*staffPage) {})
}

func (s *Desk) renderStaff(w http.ResponseWriter, r *http.Request, u news.User, status int, fill func(*staffPage)) error {
	dp, err := s.newDeskPage(r, u, "staff")
	if err != nil {
		return err
	}
	dp.Title = dp.T.Staff.Title
	users, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	roles := append(append([]news.Role{}, news.StaffRoles...), news.RoleReader)
	p := &staffPage{deskPage: dp, Users: users, Roles: roles, Invite: news.User{Role: news.RoleContributor}, LinkDays: int(inviteTTL / (24 * time.Hour))}
	if v, ok := s.sessions.Pop(r.Context(), sessionInvite).(string); ok {
		p.LinkFor, p.Link, _ = strings.Cut(v, "\x00")
	}
	fill(p)
	return s.renderDesk(w, r, status, "staff", p)
}

// deskStaffInvite creates an account and shows a one-time link to copy
// and send to the person: newsdesk sends no mail itself yet.
func (s *Desk) deskStaffInvite(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageStaff, nil); err != nil {
		return err
	}
	in := news.User{Email: r.PostFormValue("email"), Name: r.PostFormValue("name"), Role: news.Role(r.PostFormValue("role"))}
	created, err := s.store.CreateUser(r.Context(), in)
	if err != nil {
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderStaff(w, r, u, respond.Status(err), func(p *staffPage) { p.Invite, p.Form = in, ferr })
	}
	if err := s.leaveLink(r, created); err != nil {
		return err
	}
	t := s.deskWords(r, u)
	s.sessions.Flash(r, fmt.Sprintf(t.Staff.InvitedAs, created.Email, t.Role(created.Role)))
	return deskRedirect(w, r, "/desk/staff")
}

// leaveLink makes a one-time sign-in link for target and keeps it in the
// session for the staff page to show once.
func (s *Desk) leaveLink(r *http.Request, target news.User) error {
	raw, err := s.store.CreateToken(r.Context(), target.ID, store.TokenSignIn, inviteTTL)
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), sessionInvite, target.Email+"\x00"+s.baseURL(r)+"/desk/signin/"+raw)
	return nil
}

// staffTarget authorises the action and loads the user the URL names.
func (s *Desk) staffTarget(r *http.Request, u news.User) (news.User, error) {
	if err := news.Authorize(u, news.ActManageStaff, nil); err != nil {
		return news.User{}, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return news.User{}, errNotFound
	}
	return s.store.User(r.Context(), id)
}

// deskStaffRole changes a user's role. The store refuses to demote the
// last admin.
func (s *Desk) deskStaffRole(w http.ResponseWriter, r *http.Request, u news.User) error {
	target, err := s.staffTarget(r, u)
	if err != nil {
		return err
	}
	target.Role = news.Role(r.PostFormValue("role"))
	if _, err := s.store.UpdateUser(r.Context(), target); err != nil {
		return err
	}
	t := s.deskWords(r, u)
	s.sessions.Flash(r, fmt.Sprintf(t.Staff.NowRole, target.Email, t.Role(target.Role)))
	return deskRedirect(w, r, "/desk/staff")
}

// deskStaffDisable disables (or with enable=1 enables) a user's account;
// disabling ends the user's sessions at once.
func (s *Desk) deskStaffDisable(w http.ResponseWriter, r *http.Request, u news.User) error {
	target, err := s.staffTarget(r, u)
	if err != nil {
		return err
	}
	enable := r.PostFormValue("enable") == "1"
	if !enable && target.ID == u.ID {
		return news.Errorf(news.ErrConflict, "you cannot disable your own account")
	}
	target.Disabled = !enable
	if _, err := s.store.UpdateUser(r.Context(), target); err != nil {
		return err
	}
	t := s.deskWords(r, u)
	if enable {
		s.sessions.Flash(r, fmt.Sprintf(t.Staff.Enabled, target.Email))
	} else {
		s.sessions.Flash(r, fmt.Sprintf(t.Staff.DisabledOut, target.Email))
	}
	return deskRedirect(w, r, "/desk/staff")
}

// deskStaffLink makes a new one-time sign-in link for a user who has lost
// their password or their invitation.
func (s *Desk) deskStaffLink(w http.ResponseWriter, r *http.Request, u news.User) error {
	target, err := s.staffTarget(r, u)
	if err != nil {
		return err
	}
	if err := s.leaveLink(r, target); err != nil {
		return err
	}
	s.sessions.Flash(r, fmt.Sprintf(s.deskWords(r, u).Staff.LinkMade, target.Email))
	return deskRedirect(w, r, "/desk/staff")
}
