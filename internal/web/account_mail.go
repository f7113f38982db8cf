package web

import (
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"newsdesk/internal/auth"
	"newsdesk/internal/mail"
	"newsdesk/internal/news"
	"newsdesk/internal/web/session"
)

// Lifetimes of the links mailed to readers.
const (
	confirmLinkTTL = 24 * time.Hour
	resetLinkTTL   = time.Hour
	emailLinkTTL   = 24 * time.Hour
)

// mailWait throttles the requests that send mail (kind "signup", "reset"
// or "email") per recipient and per client, and counts this one. A
// positive wait means the request is refused and nothing is sent.
func (s *Server) mailWait(r *http.Request, kind, to string) (time.Duration, error) {
	keys := []string{kind + ":user:" + to, kind + ":addr:" + session.ClientAddr(r)}
	wait, err := s.sessions.ThrottleWait(r, keys, auth.MailAccountThrottle, auth.MailAddressThrottle)
	if err != nil || wait > 0 {
		return wait, err
	}
	return 0, s.store.RecordSignInFailure(r.Context(), keys...)
}

// sendMail sends one plain text message in the reader's language. The
// subject and body are formats: the subject gets the site's name, the body
// the site's name and then args.
func (s *Server) sendMail(r *http.Request, q *accountReq, to, subject, body string, args ...any) error {
	name := q.st.settings.SiteName
	err := s.cfg.Mailer.Send(r.Context(), mail.Message{
		To:      to,
		Subject: fmt.Sprintf(subject, name),
		Text:    fmt.Sprintf(body, append([]any{name}, args...)...),
	})
	if err != nil {
		return fmt.Errorf("web: mail to a reader: %w", err)
	}
	return nil
}

// abs makes an account path absolute for a link in an e-mail.
func (s *Server) abs(r *http.Request, path string) string { return s.baseURL(r) + path }

// checkEmail returns the reader's message for a malformed address, or "".
func (q *accountReq) checkEmail(email string) string {
	if !news.ValidEmail(email) {
		return q.a.BadEmail
	}
	return ""
}

// checkNewPassword returns the reader's message for a password that the
// rules refuse (auth.CheckPasswordRules), or "".
func (q *accountReq) checkNewPassword(pw string) string {
	switch n := utf8.RuneCountInString(pw); {
	case n < auth.MinPasswordLen:
		return q.a.ShortPassword.N(auth.MinPasswordLen)
	case n > auth.MaxPasswordLen:
		return q.a.LongPassword.N(auth.MaxPasswordLen)
	case auth.CommonPassword(pw):
		return q.a.CommonPassword
	}
	return ""
}
