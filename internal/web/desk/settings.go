package desk

import (
	"net/http"
	"strconv"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// settingsPage is the data of templates/settings.html.
type settingsPage struct {
	deskPage
	SiteName    string
	FeedSummary bool
	Channels    []channelField
	Limits      []limitField
	Form        formError
}

// settingsText is what the site settings page says.
type settingsText struct {
	Title, Publication, Name, NameHint, Channels, ChannelsIntro, Limits, LimitsIntro string
	LimitLabel, LimitProblem, Feeds, FeedsLegend, FeedFull, FeedSummary, Save, Saved string // LimitLabel, LimitProblem: %s, the kind
}

// limitField is the upload limit of one kind of media, in megabytes.
type limitField struct {
	Kind  news.MediaKind
	MB    string
	Error string
}

// channelField is one channel's address field.
type channelField struct {
	news.Channel
	Address string
	Error   string
}

// deskSettings shows the site settings. Admins only.
func (s *Desk) deskSettings(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageSettings, nil); err != nil {
		return err
	}
	set, err := s.store.Settings(r.Context())
	if err != nil {
		return err
	}
	return s.renderSettings(w, r, u, http.StatusOK, set, formError{})
}

func (s *Desk) renderSettings(w http.ResponseWriter, r *http.Request, u news.User, status int, set news.Settings, ferr formError) error {
	dp, err := s.newDeskPage(r, u, "settings")
	if err != nil {
		return err
	}
	dp.Title = dp.T.Settings.Title
	p := &settingsPage{deskPage: dp, SiteName: set.SiteName, FeedSummary: set.FeedSummary, Form: ferr}
	for _, c := range news.SiteChannels {
		c.Name = dp.T.ChannelName(c)
		p.Channels = append(p.Channels, channelField{Channel: c, Address: set.Channels[c.Key], Error: ferr.Field("channel_" + c.Key)})
	}
	for _, k := range news.MediaKinds {
		mb := strconv.FormatFloat(float64(set.MediaLimit(k))/(1<<20), 'f', -1, 64)
		p.Limits = append(p.Limits, limitField{Kind: k, MB: mb, Error: ferr.Field("media_limit_" + string(k))})
	}
	return s.renderDesk(w, r, status, "settings", p)
}

// deskSettingsSave saves the site settings; every public page shows them
// at once.
func (s *Desk) deskSettingsSave(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageSettings, nil); err != nil {
		return err
	}
	set := news.Settings{
		SiteName:    strings.TrimSpace(r.PostFormValue("site_name")),
		Channels:    map[string]string{},
		FeedSummary: r.PostFormValue("feed_content") == "summary",
	}
	for _, c := range news.SiteChannels {
		set.Channels[c.Key] = strings.TrimSpace(r.PostFormValue("channel_" + c.Key))
	}
	set.MediaLimits = map[news.MediaKind]int64{}
	for _, k := range news.MediaKinds {
		v := strings.TrimSpace(r.PostFormValue("media_limit_" + string(k)))
		if v == "" {
			continue // the form without the field keeps the limit
		}
		mb, err := strconv.ParseFloat(v, 64)
		if err != nil || mb <= 0 || mb > float64(news.MaxMediaLimit>>20) {
			set.MediaLimits[k] = -1 // refused by Validate with the field's message
			continue
		}
		set.MediaLimits[k] = int64(mb * (1 << 20))
	}
	if err := s.store.SaveSettings(r.Context(), set); err != nil {
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderSettings(w, r, u, respond.Status(err), set, ferr)
	}
	s.sessions.Flash(r, s.deskWords(r, u).Settings.Saved)
	return deskRedirect(w, r, "/desk/settings")
}
