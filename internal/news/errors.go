// Package news holds newsdesk's domain: stories, editions, sections, tags,
// authors and the rules they obey. It does no I/O and imports only the
// standard library, so every other package can depend on it.
package news

import (
	"errors"
	"fmt"
)

// Code classifies a domain error. The HTTP layer maps each code to a status;
// the CLI maps them to exit codes. A Code is itself an error, so callers test
// with errors.Is(err, news.ErrNotFound).
type Code string

// Error codes shared by every package.
const (
	ErrNotFound  Code = "not found"
	ErrConflict  Code = "conflict"
	ErrInvalid   Code = "invalid"
	ErrForbidden Code = "forbidden"
	// ErrTooLarge refuses an upload over its size limit.
	ErrTooLarge Code = "too large"
)

func (c Code) Error() string { return string(c) }

// Error is a domain error with a message that is safe to show to the person
// who caused it. Fields names the inputs at fault, for forms that show an
// error beside each field.
type Error struct {
	Code    Code
	Message string
	Fields  map[string]string
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

func (e *Error) Error() string {
	if e.Message == "" {
		return string(e.Code)
	}
	return e.Message
}

// Unwrap lets errors.Is match the error's Code.
func (e *Error) Unwrap() error { return e.Code }

// ErrorCode returns the code of the first domain error in err's chain, or ""
// for an internal error that must not be shown to users.
func ErrorCode(err error) Code {
	var c Code
	if errors.As(err, &c) {
		return c
	}
	return ""
}

// ErrorMessage returns the safe message of the first domain error in err's
// chain, or "" when err carries none.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	var c Code
	if errors.As(err, &c) {
		return string(c)
	}
	return ""
}

// ValidationErrors collects per-field problems and turns them into one
// ErrInvalid *Error.
type ValidationErrors map[string]string

// Add records msg for field unless the field already has a message.
func (v ValidationErrors) Add(field, msg string) {
	if _, ok := v[field]; !ok {
		v[field] = msg
	}
}

// Err returns nil when nothing was recorded, otherwise an ErrInvalid *Error
// whose message lists the fields in a stable order.
func (v ValidationErrors) Err(what string) error {
	if len(v) == 0 {
		return nil
	}
	msg := what + ": "
	for i, f := range sortedKeys(v) {
		if i > 0 {
			msg += "; "
		}
		msg += f + " " + v[f]
	}
	return &Error{Code: ErrInvalid, Message: msg, Fields: map[string]string(v)}
}
