package news

import (
	"strings"
	"time"
	"unicode/utf8"
)

// NoteKind says what a note on a published story is.
type NoteKind string

// Note kinds, as readers see them above a story's notes.
const (
	NoteCorrection    NoteKind = "correction"
	NoteClarification NoteKind = "clarification"
	NoteUpdate        NoteKind = "update"
)

// NoteKinds lists every kind in the order the desk offers them.
var NoteKinds = []NoteKind{NoteCorrection, NoteClarification, NoteUpdate}

// Valid reports whether k is a known kind.
func (k NoteKind) Valid() bool {
	switch k {
	case NoteCorrection, NoteClarification, NoteUpdate:
		return true
	}
	return false
}

// MaxNoteLen bounds the text of a note.
const MaxNoteLen = 2000

// Note is a correction, clarification or update that an editor attaches to
// a published story. Notes are data, not edits to the body: the page lists
// them in order, and the story's updated time moves to the latest one.
type Note struct {
	ID       int64
	StoryID  int64
	Kind     NoteKind
	Text     string // plain text
	At       time.Time
	AuthorID int64 // the staff user who wrote it
}

// Validate checks the note's fields.
func (n Note) Validate() error {
	v := ValidationErrors{}
	if !n.Kind.Valid() {
		v.Add("kind", "must be correction, clarification or update")
	}
	switch t := strings.TrimSpace(n.Text); {
	case t == "":
		v.Add("text", "is required")
	case utf8.RuneCountInString(t) > MaxNoteLen:
		v.Add("text", "is too long")
	}
	return v.Err("note")
}
