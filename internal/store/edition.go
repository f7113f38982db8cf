package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsdesk/internal/news"
)

const editionColumns = `code, language, name, time_zone, date_format, is_default`

// SaveEdition creates or replaces the edition with e's code. When e is the
// default edition, every other edition stops being the default.
func (s *Store) SaveEdition(ctx context.Context, e news.Edition) error {
	if err := e.Validate(); err != nil {
		return fmt.Errorf("store: save edition: %w", err)
	}
	err := s.update(ctx, func(tx *tx) error {
		if e.Default {
			if _, err := tx.exec(ctx, `UPDATE editions SET is_default = FALSE WHERE is_default AND code <> ?`, e.Code); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `
			INSERT INTO editions (`+editionColumns+`) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET
				language = excluded.language, name = excluded.name,
				time_zone = excluded.time_zone, date_format = excluded.date_format,
				is_default = excluded.is_default`,
			e.Code, e.Language, e.Name, e.TimeZone, e.DateFormat, e.Default)
		// Every page shows the editions in its switch, and its dates in
		// its edition's format and zone.
		tx.recordChange(news.KeyEditions)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save edition %s: %w", e.Code, err)
	}
	return nil
}

// Editions returns every edition, the default first, then by code.
func (s *Store) Editions(ctx context.Context) ([]news.Edition, error) {
	var eds []news.Edition
	err := s.view(ctx, func(tx *tx) (err error) {
		eds, err = queryAll(ctx, tx, scanEdition, `SELECT `+editionColumns+` FROM editions ORDER BY is_default DESC, code`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: editions: %w", err)
	}
	return eds, nil
}

// Edition returns the edition with the given code.
func (s *Store) Edition(ctx context.Context, code string) (news.Edition, error) {
	var e news.Edition
	err := s.view(ctx, func(tx *tx) error {
		var err error
		e, err = scanEdition(tx.queryRow(ctx, `SELECT `+editionColumns+` FROM editions WHERE code = ?`, code))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("edition %q", code)
		}
		return err
	})
	if err != nil {
		return news.Edition{}, fmt.Errorf("store: edition %s: %w", code, err)
	}
	return e, nil
}

// DefaultEdition returns the edition served at "/".
func (s *Store) DefaultEdition(ctx context.Context) (news.Edition, error) {
	var e news.Edition
	err := s.view(ctx, func(tx *tx) error {
		var err error
		e, err = scanEdition(tx.queryRow(ctx, `SELECT `+editionColumns+` FROM editions WHERE is_default`))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("default edition")
		}
		return err
	})
	if err != nil {
		return news.Edition{}, fmt.Errorf("store: default edition: %w", err)
	}
	return e, nil
}

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface {
	Scan(dest ...any) error
}

func scanEdition(r scanner) (news.Edition, error) {
	var e news.Edition
	err := r.Scan(&e.Code, &e.Language, &e.Name, &e.TimeZone, &e.DateFormat, &e.Default)
	return e, err
}
