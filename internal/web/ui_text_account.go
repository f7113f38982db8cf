package web

import (
	"fmt"
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
	TooMany                                     string // %d: minutes
	BadEmail, ShortPassword, LongPassword       string // ShortPassword, LongPassword: %d characters
	CommonPassword, Mismatch, WrongCurrent      string
	SignedOut, Deleted, PasswordChanged         string
	EmailChanged, EmailSent                     string // %s: the address
	NeedSignIn                                  string
	// messages are translations of the store's and auth's English
	// messages, where the language is not English.
	messages map[string]string
	// The e-mails: subjects and plain text bodies. %s are links or
	// addresses, in the order the comments give.
	MailConfirmSubject, MailConfirm     string // site, link
	MailExistsSubject, MailExists       string // site, sign-in link, reset link
	MailResetSubject, MailReset         string // site, link
	MailNoAccountSubject, MailNoAccount string // site, sign-up link
	MailEmailSubject, MailEmail         string // site, new address, link
}

// say returns msg in the page's language when a translation exists.
func (a *accountText) say(msg string) string {
	if t, ok := a.messages[msg]; ok {
		return t
	}
	return msg
}

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

func (a *accountText) tooMany(mins int) string { return fmt.Sprintf(a.TooMany, mins) }

var englishAccount = &accountText{
	SignIn: "Sign in", SignUp: "Sign up", SignOut: "Sign out", Account: "Account", Bookmarks: "Bookmarks",
	Email: "E-mail address", Password: "Password", NewPassword: "New password", Confirm: "Repeat the new password",
	CurrentPassword: "Current password",
	SignInTitle:     "Sign in", SignUpTitle: "Create an account",
	SignUpIntro: "An account keeps your bookmarks on every device. We send one e-mail to confirm the address, and no newsletters.",
	NoAccount:   "No account yet?", HaveAccount: "Already have an account?", Forgot: "Forgotten your password?",
	SentTitle:    "Check your e-mail",
	SentText:     "We have sent a message to %s. Follow the link in it to go on; it works for a day, once. If nothing arrives, look in the spam folder.",
	ConfirmTitle: "Confirm your address", ConfirmText: "Confirm that this address is yours to finish creating your account.", ConfirmButton: "Confirm and sign in",
	ResetTitle: "Reset your password", ResetIntro: "Give the address of your account and we will send a link to choose a new password.", ResetButton: "Send the link",
	NewPasswordTitle: "Choose a new password", SavePassword: "Save the password",
	SettingsTitle: "Your account", SignedInAs: "Signed in as",
	ChangeEmail: "Change your e-mail address", ChangeEmailHelp: "We send a link to the new address; the change is made when you follow it.", SendLink: "Send the link",
	ChangePassword: "Change your password",
	DeleteTitle:    "Delete your account", DeleteText: "This deletes your account and your bookmarks at once. It cannot be undone.", DeleteButton: "Delete my account",
	EmailLinkTitle: "Move your account to this address", EmailLinkButton: "Use this address",
	StaffNote: "This is a staff account: its e-mail address and deletion are managed on the desk.",
	Save:      "Save", Saved: "Saved", Remove: "Remove",
	NoBookmarks:    "No bookmarks yet. Save a story with its bookmark button to read it later.",
	BadCredentials: "That e-mail address and password do not match an account.",
	Unconfirmed:    "Confirm your e-mail address first: we have sent a new link to it.",
	Disabled:       "This account is disabled.",
	TooMany:        "Too many attempts. Try again in %d min.",
	BadEmail:       "Enter an e-mail address such as name@example.com.",
	ShortPassword:  "Use at least %d characters.", LongPassword: "Use at most %d characters.",
	CommonPassword: "This password is one of the first that anyone guessing would try: choose another.",
	Mismatch:       "The two passwords differ.", WrongCurrent: "This is not your current password.",
	SignedOut: "You have signed out.", Deleted: "Your account and bookmarks are deleted.", PasswordChanged: "Your password is changed. Other devices are signed out.",
	EmailChanged: "Your account now uses %s.", EmailSent: "We have sent a link to %s: follow it to use the new address.",
	NeedSignIn:           "Sign in to save stories and see your bookmarks.",
	MailConfirmSubject:   "Confirm your address at %s",
	MailConfirm:          "Welcome to %s.\n\nConfirm your e-mail address to finish creating your account:\n\n%s\n\nThe link works for a day, once. If you did not sign up, ignore this message: no account is made without it.\n",
	MailExistsSubject:    "Your account at %s",
	MailExists:           "Someone, perhaps you, tried to sign up at %s with this address, which already has an account.\n\nSign in: %s\nForgotten your password? Choose a new one: %s\n\nIf it was not you, ignore this message: nothing has changed.\n",
	MailResetSubject:     "Reset your password at %s",
	MailReset:            "Someone, perhaps you, asked to reset the password of your account at %s.\n\nChoose a new password here:\n\n%s\n\nThe link works for an hour, once. If it was not you, ignore this message: your password stays as it is.\n",
	MailNoAccountSubject: "Password reset at %s",
	MailNoAccount:        "Someone, perhaps you, asked to reset a password at %s for this address, but it has no account there.\n\nTo create one: %s\n\nIf it was not you, ignore this message.\n",
	MailEmailSubject:     "Confirm your new address at %s",
	MailEmail:            "Someone, perhaps you, asked to move an account at %s to this address (%s).\n\nTo make the change, follow this link:\n\n%s\n\nThe link works for a day, once. If it was not you, ignore this message.\n",
}

var russianAccount = &accountText{
	SignIn: "Войти", SignUp: "Регистрация", SignOut: "Выйти", Account: "Профиль", Bookmarks: "Закладки",
	Email: "Адрес электронной почты", Password: "Пароль", NewPassword: "Новый пароль", Confirm: "Повторите новый пароль",
	CurrentPassword: "Текущий пароль",
	SignInTitle:     "Вход", SignUpTitle: "Регистрация",
	SignUpIntro: "С учётной записью закладки доступны на всех устройствах. Мы отправим одно письмо для подтверждения адреса и никаких рассылок.",
	NoAccount:   "Ещё нет учётной записи?", HaveAccount: "Уже зарегистрированы?", Forgot: "Забыли пароль?",
	SentTitle:    "Проверьте почту",
	SentText:     "Мы отправили письмо на адрес %s. Перейдите по ссылке из него; она действует сутки и только один раз. Если письма нет, загляните в папку «Спам».",
	ConfirmTitle: "Подтвердите адрес", ConfirmText: "Подтвердите, что это ваш адрес, чтобы завершить регистрацию.", ConfirmButton: "Подтвердить и войти",
	ResetTitle: "Сброс пароля", ResetIntro: "Укажите адрес своей учётной записи, и мы пришлём ссылку для нового пароля.", ResetButton: "Отправить ссылку",
	NewPasswordTitle: "Новый пароль", SavePassword: "Сохранить пароль",
	SettingsTitle: "Ваш профиль", SignedInAs: "Вы вошли как",
	ChangeEmail: "Сменить адрес почты", ChangeEmailHelp: "Мы отправим ссылку на новый адрес; адрес сменится, когда вы по ней перейдёте.", SendLink: "Отправить ссылку",
	ChangePassword: "Сменить пароль",
	DeleteTitle:    "Удалить учётную запись", DeleteText: "Учётная запись и закладки будут удалены сразу и безвозвратно.", DeleteButton: "Удалить учётную запись",
	EmailLinkTitle: "Перенести учётную запись на этот адрес", EmailLinkButton: "Использовать этот адрес",
	StaffNote: "Это учётная запись редакции: её адрес и удаление настраиваются в редакционном разделе.",
	Save:      "В закладки", Saved: "В закладках", Remove: "Удалить",
	NoBookmarks:    "Закладок пока нет. Сохраните материал кнопкой закладки, чтобы прочитать его позже.",
	BadCredentials: "Адрес и пароль не подходят ни к одной учётной записи.",
	Unconfirmed:    "Сначала подтвердите адрес почты: мы отправили на него новую ссылку.",
	Disabled:       "Эта учётная запись отключена.",
	TooMany:        "Слишком много попыток. Попробуйте снова через %d мин.",
	BadEmail:       "Укажите адрес почты, например name@example.com.",
	ShortPassword:  "Пароль должен быть не короче %d символов.", LongPassword: "Пароль должен быть не длиннее %d символов.",
	CommonPassword: "Этот пароль подбирают первым: выберите другой.",
	Mismatch:       "Пароли не совпадают.", WrongCurrent: "Это не ваш текущий пароль.",
	SignedOut: "Вы вышли.", Deleted: "Учётная запись и закладки удалены.", PasswordChanged: "Пароль изменён. На других устройствах выполнен выход.",
	EmailChanged: "Теперь ваша учётная запись использует адрес %s.", EmailSent: "Мы отправили ссылку на %s: перейдите по ней, чтобы сменить адрес.",
	NeedSignIn: "Войдите, чтобы сохранять материалы и видеть закладки.",
	messages: map[string]string{
		"this link is not valid: it may have been used already or expired": "Ссылка недействительна: возможно, она уже использована или истекла.",
		"page not found":                                  "Страница не найдена.",
		"your session has ended: sign in again":           "Сеанс завершён: войдите снова.",
		"a story can be saved only while it is published": "Сохранить можно только опубликованный материал.",
	},
	MailConfirmSubject:   "Подтвердите адрес на сайте %s",
	MailConfirm:          "Добро пожаловать на сайт %s.\n\nПодтвердите адрес почты, чтобы завершить регистрацию:\n\n%s\n\nСсылка действует сутки и только один раз. Если вы не регистрировались, просто не обращайте внимания на это письмо: без него учётная запись не появится.\n",
	MailExistsSubject:    "Ваша учётная запись на сайте %s",
	MailExists:           "Кто-то, возможно вы, пытался зарегистрироваться на сайте %s с этим адресом, но учётная запись с ним уже есть.\n\nВойти: %s\nЗабыли пароль? Выберите новый: %s\n\nЕсли это были не вы, ничего делать не нужно: ничего не изменилось.\n",
	MailResetSubject:     "Сброс пароля на сайте %s",
	MailReset:            "Кто-то, возможно вы, попросил сбросить пароль вашей учётной записи на сайте %s.\n\nВыберите новый пароль по ссылке:\n\n%s\n\nСсылка действует час и только один раз. Если это были не вы, ничего делать не нужно: пароль остался прежним.\n",
	MailNoAccountSubject: "Сброс пароля на сайте %s",
	MailNoAccount:        "Кто-то, возможно вы, попросил сбросить пароль на сайте %s для этого адреса, но учётной записи с ним там нет.\n\nЗарегистрироваться: %s\n\nЕсли это были не вы, просто не обращайте внимания на это письмо.\n",
	MailEmailSubject:     "Подтвердите новый адрес на сайте %s",
	MailEmail:            "Кто-то, возможно вы, попросил перенести учётную запись на сайте %s на этот адрес (%s).\n\nЧтобы сменить адрес, перейдите по ссылке:\n\n%s\n\nСсылка действует сутки и только один раз. Если это были не вы, просто не обращайте внимания на это письмо.\n",
}
