package session

import (
	"net/http"

	"newsdesk/internal/auth"
	"newsdesk/internal/news"
)

// ChangePassword sets u's new password after checking the current one,
// then ends every other session of u and renews this one. A wrong current
// password or a refused new one is an ErrInvalid naming the field.
func (s *Sessions) ChangePassword(r *http.Request, u news.User, current, pw, confirm string) error {
	ctx := r.Context()
	if u.PasswordHash != "" {
		ok, err := auth.CheckPassword(u.PasswordHash, current)
		if err != nil {
			return err
		}
		if !ok {
			return &news.Error{Code: news.ErrInvalid, Message: "the current password is wrong",
				Fields: map[string]string{"current": "is not your current password"}}
		}
	}
	if err := PasswordError(pw, confirm); err != nil {
		return err
	}
	hash, err := auth.HashPassword(pw, auth.DefaultParams)
	if err != nil {
		return err
	}
	if err := s.users.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	if u, err = s.users.EndSessions(ctx, u.ID); err != nil {
		return err
	}
	return s.Start(r, u)
}

// PasswordError checks a new password and its repetition.
func PasswordError(pw, confirm string) error {
	if err := auth.CheckPasswordRules(pw); err != nil {
		return err
	}
	if pw != confirm {
		return &news.Error{Code: news.ErrInvalid, Message: "the passwords differ",
			Fields: map[string]string{"confirm": "does not match the password"}}
	}
	return nil
}
