package web

import (
	"strings"
)

// accountText holds the words of readers' account and bookmark pages and
// of the e-mails they receive, in one language.
type accountText struct {
	SignIn, SignUp, SignOut, Account, Bookmarks string
	Email, Password, NewPassword, Confirm       string
	CurrentPassword                             string
	SignInTitle, SignUpTitle                    string
	SignUpIntro                                 string
	NoAccount, HaveAccount, Forgot              string
	SentTitle, SentText                         string // SentText has one %s: the address
	ConfirmTitle, ConfirmText, ConfirmButton    string
	ResetTitle, ResetIntro, ResetButton         string
	NewPasswordTitle, SavePassword              string
	SettingsTitle, SignedInAs                   string
	ChangeEmail, ChangeEmailHelp, SendLink      string
	ChangePassword                              string
	DeleteTitle, DeleteText, DeleteButton       string
	EmailLinkTitle, EmailLinkButton             string // the page of the link that moves an account
	StaffNote                                   string // an account page shown to staff
	Save, Saved, Remove                         string // the bookmark button and the list's trash button
	NoBookmarks                                 string
	BadCredentials, Unconfirmed, Disabled       string
	TooMany                                     plural // minutes to wait
	BadEmail                                    string
	ShortPassword, LongPassword                 plural // the fewest and most characters
	CommonPassword, Mismatch, WrongCurrent      string
	SignedOut, Deleted, PasswordChanged         string
	EmailChanged, EmailSent                     string // %s: the address
	NeedSignIn                                  string
	// messages translate the English messages of the store, auth and
	// the account handlers that readers see (ui.Account.messages.*).
	messages *problems
	// The e-mails: subjects and plain text bodies. %s are links or
	// addresses, in the order the comments give.
	MailConfirmSubject, MailConfirm     string // site, link
	MailExistsSubject, MailExists       string // site, sign-in link, reset link
	MailResetSubject, MailReset         string // site, link
	MailNoAccountSubject, MailNoAccount string // site, sign-up link
	MailEmailSubject, MailEmail         string // site, new address, link
}

// say returns msg in the page's language when a translation exists.
func (a *accountText) say(msg string) string { return a.messages.say(msg) }

// sentence returns msg with a capital first letter and a full stop.
func sentence(msg string) string {
	if msg == "" {
		return ""
	}
	r := []rune(msg)
	msg = strings.ToUpper(string(r[0])) + string(r[1:])
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

func (a *accountText) tooMany(mins int) string { return a.TooMany.N(mins) }
