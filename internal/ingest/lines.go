package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// uiWords are the words of site chrome a scraper picks up with the article:
// navigation, account links, share buttons, player controls and icon names.
// A line made only of these (and numbers) is chrome, not story text.
var uiWords = wordSet(`
home menu search sign in up out log login logout register subscribe subscription
share shares sharing bookmark bookmarks close open more read comments comment
tweet print email e-mail mail fb facebook tw twitter x vk tg telegram ok wt
whatsapp gp ins instagram yt youtube fm rss en ru de fr es ar english edition
editions skip to content main navigation live tv radio podcasts podcast listen
watch video videos photos photo gallery news latest top stories trending most
popular follow us advertisement advert ad ads sponsored related tags tag topics
next previous prev back copy link url get short embed download play pause mute
muted unmute nomuted expand compress full screen fullscreen cookie cookies accept
settings account profile newsletter donate about contact loading see also all
view show hide save saved trash filter camera chevron left right down swipe edit
move check flag file stepback stepfor icon the and of on a now here this story
article page breaking
главная меню поиск войти вход регистрация выйти поделиться комментарии
комментарий комментариев читать далее также читайте ещё еще подписаться
подписка закрыть реклама подкасты подкаст слушать смотреть видео фото новости
главное популярное теги тег по теме в и на эфир прямой все показать скачать
`)

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

var (
	// duration matches player time stamps, including ones the scraper cut
	// short: "0:00", "27:33", "1:02:03", "28:1", "28:".
	duration = regexp.MustCompile(`^-?\d{1,3}(:\d{0,2}){1,2}$`)
	// numbersOnly matches lines of counters and page numbers.
	numbersOnly = regexp.MustCompile(`^[\d\s.,:/()+-]+$`)
	// uiSeparators split menus such as "Home | World | Business".
	uiSeparators = regexp.MustCompile(`[\s|•·/»›>–—()\[\]:]+`)
	// trailerPrefix starts lines that point away from the story at its end:
	// "Read more: ...", "Related: ...", a copyright notice. The colon (or
	// arrow) is required so that a last paragraph beginning "Related talks"
	// stays.
	trailerPrefix = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright\s+(?:©\s*)?\d{4}|(?:read more|read also|see also|also read|related|more on this|more from|follow us|читайте также|читать также|по теме|подробнее)\s*(?:[:.…»›>]|$))`)
	tagsLine      = regexp.MustCompile(`(?i)^(tags|topics|теги|темы)\s*:\s*(.+)$`)
)

// isIconLine reports whether line is icon names run together by a scraper
// ("icon bookmark-bicon bookmarkicon camera...") or mostly the word "icon".
func isIconLine(line string) bool {
	lower := strings.ToLower(line)
	if strings.TrimSpace(lower) == "icon" {
		return true
	}
	n := strings.Count(lower, "icon")
	return n >= 2 && n*3 >= len(strings.Fields(lower))
}

// isUILine reports whether line is made only of chrome words and numbers,
// like "Share", "Comments (12)", "Podcasts" or "fb tw vk tg ok mail". A line
// ending as a sentence ends ("More to follow.") is story text.
func isUILine(line string) bool {
	if endsSentence(line) {
		return false
	}
	words := 0
	for _, w := range uiSeparators.Split(strings.ToLower(line), -1) {
		w = strings.Trim(w, ".,;!?\"'“”«»")
		switch {
		case w == "":
		case numbersOnly.MatchString(w):
		case uiWords[w]:
			words++
		default:
			return false
		}
	}
	return words > 0
}

// isMenuLine reports whether line is a menu or breadcrumb trail such as
// "Home › World › Middle East" or "News | Sport | Weather".
func isMenuLine(line string) bool {
	parts := strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune("|›»>•·", r) })
	if len(parts) < 2 {
		return false
	}
	for _, part := range parts {
		if n := len(strings.Fields(part)); n == 0 || n > 4 {
			return false
		}
	}
	return true
}

// isChrome reports whether line is site chrome: icon names, a menu or a
// line of UI words. Chrome is dropped at the top and the bottom of a page.
func isChrome(line string) bool {
	return isIconLine(line) || isMenuLine(line) || isUILine(line)
}

// isResidue reports whether line is player or widget debris: chrome, a time
// stamp such as "0:00" or "28:1", or only numbers.
func isResidue(line string) bool {
	line = strings.TrimSpace(line)
	return line != "" && (isChrome(line) || duration.MatchString(line) || numbersOnly.MatchString(line))
}

// isTrailer reports whether line is residue that only occurs after a story:
// "Read more: ...", "Related: ...", a copyright notice.
func isTrailer(line string) bool {
	return isResidue(line) || trailerPrefix.MatchString(strings.TrimSpace(line))
}

// endsSentence reports whether line ends as a sentence or a quotation does.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(line))
	return strings.ContainsRune(`.!?…"'”’»`, r)
}

// collapse joins the words of s with single spaces, so that lines can be
// compared regardless of the scraper's spacing.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
