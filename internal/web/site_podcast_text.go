package web

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

var englishPodcast = podcastText{
	Podcasts:        "Podcasts",
	ListDescription: "Our podcast shows and their latest episodes.",
	NoPodcasts:      "No podcasts here yet.",
	Episodes:        "Episodes",
	MoreEpisodes:    "More episodes",
	LatestEpisode:   "Latest episode",
	Subscribe:       "Podcast feed (RSS)",
	Season:          "Season",
	Episode:         "Episode",
	Player:          "Audio player",
	Play:            "Play",
	Pause:           "Pause",
	Back15:          "Back 15 seconds",
	Forward30:       "Forward 30 seconds",
	Mute:            "Mute",
	Unmute:          "Unmute",
	Seek:            "Position",
	Speed:           "Playback speed",
	Download:        "Download",
	Listen:          "Listen",
	Close:           "Close player",
}

var russianPodcast = podcastText{
	Podcasts:        "Подкасты",
	ListDescription: "Наши подкасты и их новые выпуски.",
	NoPodcasts:      "Подкастов пока нет.",
	Episodes:        "Выпуски",
	MoreEpisodes:    "Другие выпуски",
	LatestEpisode:   "Новый выпуск",
	Subscribe:       "Лента подкаста (RSS)",
	Season:          "Сезон",
	Episode:         "Выпуск",
	Player:          "Аудиоплеер",
	Play:            "Слушать",
	Pause:           "Пауза",
	Back15:          "Назад на 15 секунд",
	Forward30:       "Вперёд на 30 секунд",
	Mute:            "Выключить звук",
	Unmute:          "Включить звук",
	Seek:            "Позиция",
	Speed:           "Скорость",
	Download:        "Скачать",
	Listen:          "Слушать",
	Close:           "Закрыть плеер",
}
