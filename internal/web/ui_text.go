package web

import (
	"newsdesk/internal/i18n"
	"newsdesk/internal/news"
	"newsdesk/internal/web/words"
)

// uiText holds the words of the site's chrome in one language, filled from
// the message catalogs of internal/i18n (see newUITexts), so that the
// templates name each word as a field.
type uiText struct {
	SkipToContent string
	MainNav       string
	EditionNav    string
	Home          string
	TopStory      string
	Latest        string
	MoreLatest    string // the front page's link to the rest of the latest news
	MoreIn        string
	PopularTopics string
	Topic         string
	Section       string
	Published     string
	Updated       string
	Notes         string // heading of a story's corrections and updates
	NoteKinds     map[news.NoteKind]string
	By            string
	Tags          string
	Related       string
	Pagination    string
	Previous      string
	Next          string
	PageOf        string // "Page", followed by the number
	NoStories     string
	NotFoundTitle string
	NotFoundText  string
	ErrorTitle    string
	ErrorText     string
	BackHome      string
	Footer        string
	FollowUs      string            // names the list of the outlet's channels
	Channels      map[string]string // the names of news.SiteChannels that are words
	Share         string            // names the story's share links
	ShareVK       string
	ShareOK       string
	ShareMail     string
	CopyLink      string
	LinkCopied    string
	ShareMore     string // the system share sheet, where the browser has one
	Labels        map[news.MediaLabel]string
	SearchLink    string       // the header's link to the search page
	Podcast       podcastText  // the podcast pages and the audio player
	Media         *mediaText   // galleries, video and attachments in stories (below)
	Account       *accountText // readers' accounts and bookmarks (below)
	Search        *searchText  // the search page (site_search_page.go)
}

// label returns the badge text of a media label.
func (u *uiText) label(l news.MediaLabel) string {
	if s, ok := u.Labels[l]; ok {
		return s
	}
	return string(l)
}

// noteKind returns the name of a kind of note.
func (u *uiText) noteKind(k news.NoteKind) string {
	if s, ok := u.NoteKinds[k]; ok {
		return s
	}
	return string(k)
}

// uiTexts are the chrome's words in every language of the catalogs,
// built once when the server starts.
type uiTexts = words.Texts[uiText]

// newUITexts fills a uiText for each language of the catalogs: field F of
// uiText is message "ui.F", field G of its Podcast "ui.Podcast.G", an
// entry k of a map "ui.NoteKinds.k".
func newUITexts(c *i18n.Catalog) (*uiTexts, error) {
	return words.New(c, "ui.", uiMaps, func(ui *uiText, l *i18n.Lang) error {
		// Translations of the English messages of the store, auth and
		// the account handlers, keyed by their formats as the desk's are.
		var err error
		ui.Account.messages, err = words.NewMessages(c, l, accountMessages)
		return err
	})
}

// accountMessages prefixes the ids of translated store and auth messages.
const accountMessages = "ui.Account.messages."

// uiMaps lists the keys of the maps in uiText, by the maps' field names,
// which reflection cannot.
var uiMaps = words.Keys{
	"NoteKinds": {string(news.NoteCorrection), string(news.NoteClarification), string(news.NoteUpdate)},
	"Labels":    {string(news.LabelVideo), string(news.LabelPhotos), string(news.LabelAudio)},
	"Channels":  {"radio", "podcasts"}, // the other channels' names are brands
	"Problems":  searchFields,
}

// podcastText holds the words of the podcast pages and the audio player.
type podcastText struct {
	Podcasts        string // the list's heading and the side column's
	ListDescription string
	NoPodcasts      string
	Episodes        string
	MoreEpisodes    string
	LatestEpisode   string
	Subscribe       string // the feed link
	Season          string
	Episode         string
	Player          string // names the player region
	Play            string
	Pause           string
	Back15          string
	Forward30       string
	Mute            string
	Unmute          string
	Seek            string
	Speed           string
	Download        string
	Listen          string
	Close           string // hides the docked mini player
}

// mediaText is what the media of a story say: the gallery and its viewer,
// the video player's controls and the attachments.
type mediaText struct {
	Gallery      string       // names the gallery
	Photos       words.Plural // the gallery's count: 5 photos
	OpenGallery  string       // the thumbnail's label: "Open photo %d of %d"
	Close        string
	Previous     string
	Next         string
	Of           string // "3 of 7"
	Play         string
	Pause        string
	Mute         string
	Unmute       string
	FullScreen   string
	ExitFull     string
	Seek         string
	Attachments  string
	Download     string
	Audio        string
	Credit       string // before a photographer's name
	VideoPlayer  string
	ImageViewer  string
	NoVideo      string // for browsers without <video>
	SwipeHint    string
	DurationText string // "Duration"
}

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
	TooMany                                     words.Plural // minutes to wait
	BadEmail                                    string
	ShortPassword, LongPassword                 words.Plural // the fewest and most characters
	CommonPassword, Mismatch, WrongCurrent      string
	SignedOut, Deleted, PasswordChanged         string
	EmailChanged, EmailSent                     string // %s: the address
	NeedSignIn                                  string
	// messages translate the English messages of the store, auth and
	// the account handlers that readers see (ui.Account.messages.*).
	messages *words.Messages
	// The e-mails: subjects and plain text bodies. %s are links or
	// addresses, in the order the comments give.
	MailConfirmSubject, MailConfirm     string // site, link
	MailExistsSubject, MailExists       string // site, sign-in link, reset link
	MailResetSubject, MailReset         string // site, link
	MailNoAccountSubject, MailNoAccount string // site, sign-up link
	MailEmailSubject, MailEmail         string // site, new address, link
}

// say returns msg in the page's language when a translation exists.
func (a *accountText) say(msg string) string { return a.messages.Say(msg) }

func (a *accountText) tooMany(mins int) string { return a.TooMany.N(mins) }
