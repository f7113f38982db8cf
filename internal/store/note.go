package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// noteFuture is how far ahead of the clock a note's time may be, for
// clocks of the desk's browser and the server that differ a little.
const noteFuture = 5 * time.Minute

// AddNote attaches a note to a published story and returns it with its ID
// and time (now when n.At is zero). In the same transaction the story's
// updated time moves to the note's time, unless it is later already, and
// the story, notes included, is recorded as a new revision: a note is a
// change to the story that readers are told about. Notes go only on
// published stories, at a time between publication and now.
func (s *Store) AddNote(ctx context.Context, n news.Note) (news.Note, error) {
	n.Text = strings.TrimSpace(n.Text)
	if err := n.Validate(); err != nil {
		return news.Note{}, fmt.Errorf("store: add note to story %d: %w", n.StoryID, err)
	}
	err := s.update(ctx, func(tx *tx) error {
		return tx.addNote(ctx, &n)
	})
	if err != nil {
		return news.Note{}, fmt.Errorf("store: add note to story %d: %w", n.StoryID, err)
	}
	return n, nil
}

func (tx *tx) addNote(ctx context.Context, n *news.Note) error {
	st, err := tx.storyWhere(ctx, `s.id = ?`, n.StoryID)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("story %d", n.StoryID)
	}
	if err != nil {
		return err
	}
	if st.Status != news.StatusPublished {
		return news.Errorf(news.ErrInvalid, "notes go on published stories; story %d is %s", st.ID, st.Status)
	}
	if n.At.IsZero() {
		n.At = tx.now
	}
	n.At = normTime(n.At)
	v := news.ValidationErrors{}
	switch {
	case n.At.Before(st.PublishedAt):
		v.Add("at", "is before the story was published")
	case n.At.After(tx.now.Add(noteFuture)):
		v.Add("at", "is in the future")
	}
	if err := v.Err("note"); err != nil {
		return err
	}
	if err := tx.queryRow(ctx, `
		INSERT INTO story_notes (story_id, kind, text, at, author_id) VALUES (?, ?, ?, ?, ?)
		RETURNING id`, n.StoryID, string(n.Kind), n.Text, dbTime(n.At), n.AuthorID).Scan(&n.ID); err != nil {
		return err
	}
	if n.At.After(st.UpdatedAt) {
		st.UpdatedAt = n.At
	}
	st.Version++
	if _, err := tx.exec(ctx, `UPDATE stories SET updated_at = ?, version = ? WHERE id = ?`,
		dbTime(st.UpdatedAt), st.Version, st.ID); err != nil {
		return err
	}
	if err := tx.fillNotes(ctx, &st); err != nil {
		return err
	}
	st.EditedBy = n.AuthorID
	tx.recordStoryChange(&st, &st)
	return tx.recordRevision(ctx, &st)
}

// StoryNotes returns the notes of a story, oldest first.
func (s *Store) StoryNotes(ctx context.Context, storyID int64) ([]news.Note, error) {
	var st news.Story
	err := s.view(ctx, func(tx *tx) error {
		st.ID = storyID
		return tx.fillNotes(ctx, &st)
	})
	if err != nil {
		return nil, fmt.Errorf("store: notes of story %d: %w", storyID, err)
	}
	return st.Notes, nil
}

// fillNotes sets st.Notes to the story's notes, oldest first; notes of
// one time in the order they were added.
func (tx *tx) fillNotes(ctx context.Context, st *news.Story) error {
	notes, err := queryAll(ctx, tx, scanNote, `
		SELECT id, story_id, kind, text, at, author_id FROM story_notes
		WHERE story_id = ? ORDER BY at, id`, st.ID)
	st.Notes = notes
	return err
}

func scanNote(r scanner) (news.Note, error) {
	var (
		n    news.Note
		kind string
		at   sql.NullTime
	)
	if err := r.Scan(&n.ID, &n.StoryID, &kind, &n.Text, &at, &n.AuthorID); err != nil {
		return news.Note{}, err
	}
	n.Kind, n.At = news.NoteKind(kind), goTime(at)
	return n, nil
}
