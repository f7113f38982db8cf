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
