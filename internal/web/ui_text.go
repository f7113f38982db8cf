package web

import "newsdesk/internal/news"

// uiText holds the words of the site's chrome in one language. It stays
// small and typed until the i18n package takes over message catalogs.
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
	FollowUs      string // names the list of the outlet's channels
	Share         string // names the story's share links
	ShareVK       string
	ShareOK       string
	ShareMail     string
	CopyLink      string
	LinkCopied    string
	ShareMore     string // the system share sheet, where the browser has one
	Labels        map[news.MediaLabel]string
	SearchLink    string       // the header's link to the search page
	Podcast       podcastText  // the podcast pages and the audio player
	Media         *mediaText   // galleries, video and attachments in stories (ui_text_media.go)
	Account       *accountText // readers' accounts and bookmarks (ui_text_account.go)
}

// label returns the badge text of a media label.
func (u *uiText) label(l news.MediaLabel) string {
	if s, ok := u.Labels[l]; ok {
		return s
	}
	return string(l)
}

var english = &uiText{
	SkipToContent: "Skip to content",
	MainNav:       "Sections",
	EditionNav:    "Editions",
	Home:          "Home",
	TopStory:      "Top story",
	Latest:        "Latest news",
	MoreLatest:    "More latest news",
	MoreIn:        "More in",
	PopularTopics: "Popular topics",
	Topic:         "Topic",
	Section:       "Section",
	Published:     "Published",
	Updated:       "Updated",
	Notes:         "Corrections and updates",
	NoteKinds:     map[news.NoteKind]string{news.NoteCorrection: "Correction", news.NoteClarification: "Clarification", news.NoteUpdate: "Update"},
	By:            "By",
	Tags:          "Topics",
	Related:       "Related stories",
	Pagination:    "Pages",
	Previous:      "Previous",
	Next:          "Next",
	PageOf:        "Page",
	NoStories:     "No stories here yet.",
	NotFoundTitle: "Page not found",
	NotFoundText:  "The page you asked for does not exist or has been moved.",
	ErrorTitle:    "Something went wrong",
	ErrorText:     "We could not show this page. Please try again in a moment.",
	BackHome:      "Go to the front page",
	Footer:        "Independent news, published with newsdesk.",
	FollowUs:      "Follow us",
	Share:         "Share",
	ShareVK:       "VK",
	ShareOK:       "Odnoklassniki",
	ShareMail:     "E-mail",
	CopyLink:      "Copy link",
	LinkCopied:    "Link copied",
	ShareMore:     "More…",
	Labels:        map[news.MediaLabel]string{news.LabelVideo: "Video", news.LabelPhotos: "Photos", news.LabelAudio: "Audio"},
	SearchLink:    "Search",
	Podcast:       englishPodcast,
	Media:         englishMedia,
	Account:       englishAccount,
}

var russian = &uiText{
	SkipToContent: "Перейти к содержанию",
	MainNav:       "Разделы",
	EditionNav:    "Версии сайта",
	Home:          "Главная",
	TopStory:      "Главное",
	Latest:        "Последние новости",
	MoreLatest:    "Ещё новости",
	MoreIn:        "Ещё в разделе",
	PopularTopics: "Популярные темы",
	Topic:         "Тема",
	Section:       "Раздел",
	Published:     "Опубликовано",
	Updated:       "Обновлено",
	Notes:         "Исправления и дополнения",
	NoteKinds:     map[news.NoteKind]string{news.NoteCorrection: "Исправление", news.NoteClarification: "Уточнение", news.NoteUpdate: "Дополнение"},
	By:            "Автор:",
	Tags:          "Темы",
	Related:       "Читайте также",
	Pagination:    "Страницы",
	Previous:      "Назад",
	Next:          "Далее",
	PageOf:        "Страница",
	NoStories:     "Здесь пока нет материалов.",
	NotFoundTitle: "Страница не найдена",
	NotFoundText:  "Такой страницы нет или она была перемещена.",
	ErrorTitle:    "Что-то пошло не так",
	ErrorText:     "Не удалось показать страницу. Попробуйте ещё раз чуть позже.",
	BackHome:      "На главную",
	Footer:        "Независимые новости на платформе newsdesk.",
	FollowUs:      "Мы в сетях",
	Share:         "Поделиться",
	ShareVK:       "ВКонтакте",
	ShareOK:       "Одноклассники",
	ShareMail:     "Почта",
	CopyLink:      "Скопировать ссылку",
	LinkCopied:    "Ссылка скопирована",
	ShareMore:     "Ещё…",
	Labels:        map[news.MediaLabel]string{news.LabelVideo: "Видео", news.LabelPhotos: "Фото", news.LabelAudio: "Аудио"},
	SearchLink:    "Поиск",
	Podcast:       russianPodcast,
	Media:         russianMedia,
	Account:       russianAccount,
}

// noteKind returns the name of a kind of note.
func (u *uiText) noteKind(k news.NoteKind) string {
	if s, ok := u.NoteKinds[k]; ok {
		return s
	}
	return string(k)
}

// uiFor returns the words for a language tag, English when there are none.
func uiFor(lang string) *uiText {
	switch {
	case lang == "ru" || len(lang) > 2 && lang[:3] == "ru-":
		return russian
	}
	return english
}
