package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"newsdesk/internal/news"
)

const userColumns = `u.id, u.email, u.name, u.role, u.author_id, u.password_hash, u.session_epoch, u.disabled, u.unconfirmed, u.created_at, u.language`

func scanUser(r scanner) (news.User, error) {
	var (
		u       news.User
		role    string
		author  sql.NullInt64
		created sql.NullTime
	)
	if err := r.Scan(&u.ID, &u.Email, &u.Name, &role, &author, &u.PasswordHash, &u.SessionEpoch, &u.Disabled, &u.Unconfirmed, &created, &u.Language); err != nil {
		return news.User{}, err
	}
	u.Role = news.Role(role)
	u.AuthorID = author.Int64
	u.CreatedAt = goTime(created)
	return u, nil
}

// nullID stores a zero id as NULL, for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CreateUser validates u and stores it, returning it with its id. The
// e-mail address is normalised first; one already taken is a conflict.
func (s *Store) CreateUser(ctx context.Context, u news.User) (news.User, error) {
	u.Email = news.NormalizeEmail(u.Email)
	u.Name = strings.TrimSpace(u.Name)
	if err := u.Validate(); err != nil {
		return news.User{}, fmt.Errorf("store: create user: %w", err)
	}
	err := s.update(ctx, func(tx *tx) error {
		u.CreatedAt = tx.now
		err := tx.queryRow(ctx, `INSERT INTO users (email, name, role, author_id, password_hash, session_epoch, disabled, unconfirmed, created_at, language)
			VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?) RETURNING id`,
			u.Email, u.Name, string(u.Role), nullID(u.AuthorID), u.PasswordHash, u.Disabled, u.Unconfirmed, u.CreatedAt, u.Language).Scan(&u.ID)
		if isUniqueViolation(err) {
			return emailTaken(u.Email)
		}
		return err
	})
	if err != nil {
		return news.User{}, fmt.Errorf("store: create user %s: %w", u.Email, err)
	}
	return u, nil
}

func emailTaken(email string) error {
	return &news.Error{Code: news.ErrConflict, Message: "a user with e-mail " + email + " already exists",
		Fields: map[string]string{"email": "is already taken"}}
}

// User returns the user with the given id.
func (s *Store) User(ctx context.Context, id int64) (news.User, error) {
	u, err := s.userWhere(ctx, `u.id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		err = notFound("user %d", id)
	}
	if err != nil {
		return news.User{}, fmt.Errorf("store: user %d: %w", id, err)
	}
	return u, nil
}

// UserByEmail returns the user with the given address, in any case.
func (s *Store) UserByEmail(ctx context.Context, email string) (news.User, error) {
	email = news.NormalizeEmail(email)
	u, err := s.userWhere(ctx, `u.email = ?`, email)
	if errors.Is(err, sql.ErrNoRows) {
		err = notFound("user %s", email)
	}
	if err != nil {
		return news.User{}, fmt.Errorf("store: user %s: %w", email, err)
	}
	return u, nil
}

func (s *Store) userWhere(ctx context.Context, where string, args ...any) (news.User, error) {
	var u news.User
	err := s.view(ctx, func(tx *tx) error {
		var err error
		u, err = scanUser(tx.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE `+where, args...))
		return err
	})
	return u, err
}

// Users lists every user, staff first by role (admins first), then by
// address.
func (s *Store) Users(ctx context.Context) ([]news.User, error) {
	var users []news.User
	err := s.view(ctx, func(tx *tx) error {
		var err error
		users, err = queryAll(ctx, tx, scanUser, `SELECT `+userColumns+` FROM users u
			ORDER BY CASE u.role WHEN 'admin' THEN 0 WHEN 'editor' THEN 1 WHEN 'author' THEN 2
				WHEN 'contributor' THEN 3 ELSE 4 END, u.email`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	return users, nil
}

// UpdateUser saves u's address, name, role, byline, disabled flag and
// desk language. It refuses a change that would leave the newsroom
// without an enabled admin, since nobody could manage staff after it. A
// role change or disabling also ends the user's sessions, so the old
// rights end at once.
func (s *Store) UpdateUser(ctx context.Context, u news.User) (news.User, error) {
	u.Email = news.NormalizeEmail(u.Email)
	u.Name = strings.TrimSpace(u.Name)
	if err := u.Validate(); err != nil {
		return news.User{}, fmt.Errorf("store: update user %d: %w", u.ID, err)
	}
	var saved news.User
	err := s.update(ctx, func(tx *tx) error {
		old, err := scanUser(tx.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, u.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("user %d", u.ID)
		}
		if err != nil {
			return err
		}
		epoch := old.SessionEpoch
		if old.Role != u.Role || (u.Disabled && !old.Disabled) {
			epoch++
		}
		_, err = tx.exec(ctx, `UPDATE users SET email = ?, name = ?, role = ?, author_id = ?, disabled = ?, session_epoch = ?, language = ? WHERE id = ?`,
			u.Email, u.Name, string(u.Role), nullID(u.AuthorID), u.Disabled, epoch, u.Language, u.ID)
		if isUniqueViolation(err) {
			return emailTaken(u.Email)
		}
		if err != nil {
			return err
		}
		var admins int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM users WHERE role = 'admin' AND NOT disabled`).Scan(&admins); err != nil {
			return err
		}
		if admins == 0 && old.Role == news.RoleAdmin && !old.Disabled {
			return news.Errorf(news.ErrConflict, "%s is the last admin: make someone else admin first", old.Email)
		}
		saved = u
		saved.PasswordHash, saved.SessionEpoch, saved.Unconfirmed, saved.CreatedAt = old.PasswordHash, epoch, old.Unconfirmed, old.CreatedAt
		return nil
	})
	if err != nil {
		return news.User{}, fmt.Errorf("store: update user %d: %w", u.ID, err)
	}
	return saved, nil
}

// SetPassword stores a new password hash for the user. Hashing is the
// caller's (internal/auth): the store never sees a password.
func (s *Store) SetPassword(ctx context.Context, id int64, hash string) error {
	err := s.update(ctx, func(tx *tx) error {
		return tx.execOne(ctx, notFound("user %d", id), `UPDATE users SET password_hash = ? WHERE id = ?`, hash, id)
	})
	if err != nil {
		return fmt.Errorf("store: set password of user %d: %w", id, err)
	}
	return nil
}

// EndSessions signs the user out everywhere: it raises the session epoch,
// which every session records at sign-in, so all earlier sessions stop
// being accepted. It returns the user with the new epoch.
func (s *Store) EndSessions(ctx context.Context, id int64) (news.User, error) {
	err := s.update(ctx, func(tx *tx) error {
		return tx.execOne(ctx, notFound("user %d", id), `UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?`, id)
	})
	if err != nil {
		return news.User{}, fmt.Errorf("store: end sessions of user %d: %w", id, err)
	}
	return s.User(ctx, id)
}

// execOne runs a statement that must change exactly one row, returning
// missing when it changed none.
func (tx *tx) execOne(ctx context.Context, missing error, query string, args ...any) error {
	res, err := tx.exec(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return missing
	}
	return nil
}
