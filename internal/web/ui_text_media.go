package web

// mediaText is what the media of a story say: the gallery and its viewer,
// the video player's controls and the attachments.
type mediaText struct {
	Gallery      string // names the gallery
	Photos       string // "%d photos"
	OpenGallery  string // the thumbnail's label: "Open photo %d of %d"
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

var englishMedia = &mediaText{
	Gallery: "Photo gallery", Photos: "%d photos", OpenGallery: "Open photo %d of %d", Close: "Close",
	Previous: "Previous photo", Next: "Next photo", Of: "of", Play: "Play", Pause: "Pause",
	Mute: "Mute", Unmute: "Unmute", FullScreen: "Full screen", ExitFull: "Exit full screen", Seek: "Seek",
	Attachments: "Documents", Download: "Download", Audio: "Listen", Credit: "Photo:",
	VideoPlayer: "Video player", ImageViewer: "Photo viewer", NoVideo: "Your browser cannot play this video:",
	SwipeHint: "Swipe or use the arrow keys", DurationText: "Duration",
}

var russianMedia = &mediaText{
	Gallery: "Фотогалерея", Photos: "Фото: %d", OpenGallery: "Открыть фото %d из %d", Close: "Закрыть",
	Previous: "Предыдущее фото", Next: "Следующее фото", Of: "из", Play: "Смотреть", Pause: "Пауза",
	Mute: "Выключить звук", Unmute: "Включить звук", FullScreen: "Во весь экран", ExitFull: "Выйти из полноэкранного режима", Seek: "Перемотка",
	Attachments: "Документы", Download: "Скачать", Audio: "Слушать", Credit: "Фото:",
	VideoPlayer: "Видеоплеер", ImageViewer: "Просмотр фото", NoVideo: "Ваш браузер не может показать это видео:",
	SwipeHint: "Листайте или используйте стрелки", DurationText: "Длительность",
}
