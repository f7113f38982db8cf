package web

// mediaText is what the media of a story say: the gallery and its viewer,
// the video player's controls and the attachments.
type mediaText struct {
	Gallery      string // names the gallery
	Photos       plural // the gallery's count: 5 photos
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
