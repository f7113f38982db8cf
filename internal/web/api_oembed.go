package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"newsdesk/internal/news"
)

// oEmbed (https://oembed.com/) lets other sites and apps embed a story:
// they find the endpoint from a story page's <link rel="alternate"
// type="application/json+oembed"> and get a card to show.

// oembedWidth is the card's width when the consumer sets no maximum, and
// oembedHeight its approximate height: a rich answer must give both.
const (
	oembedWidth  = 600
	oembedHeight = 200
	oembedMin    = 200 // narrower than this the card is not readable
)

// oembedAnswer is the JSON of a "rich" oEmbed answer.
type oembedAnswer struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	AuthorName   string `json:"author_name,omitempty"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	CacheAge     int    `json:"cache_age"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	ThumbnailURL string `json:"thumbnail_url,omitempty"`
}

// oembedCard is the embedded HTML: a quote of the headline and lead
// linking to the story, with no script, so that it shows as it is.
var oembedCard = template.Must(template.New("oembed").Parse(
	`<blockquote class="newsdesk-embed" cite="{{.URL}}" style="max-width:{{.Width}}px"><p><a href="{{.URL}}">{{.Headline}}</a></p>{{with .Lead}}<p>{{.}}</p>{{end}}<footer>{{.Site}}{{with .Date}}, <time datetime="{{$.DateTime}}">{{.}}</time>{{end}}</footer></blockquote>`))

// oembed serves /api/v1/oembed?url=...: the card of a published story of
// this site. Only JSON is offered; other formats get 501, as the
// specification asks.
func (s *Server) oembed(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		writeAPIError(w, http.StatusNotImplemented, "only format=json is offered")
		return nil
	}
	st, x, err := s.storyAt(r, q.Get("url"))
	if err != nil {
		return err
	}
	width := oembedWidth
	if mw, err := strconv.Atoi(q.Get("maxwidth")); err == nil && mw > 0 {
		width = max(min(width, mw), oembedMin)
	}
	canonical := st.abs(st.path(x.Path()))
	var card strings.Builder
	err = oembedCard.Execute(&card, map[string]any{
		"URL": canonical, "Headline": x.Headline, "Lead": x.Lead, "Site": st.settings.SiteName, "Width": width,
		"Date": st.formatDate(x.PublishedAt), "DateTime": x.PublishedAt.UTC().Format(rfc3339),
	})
	if err != nil {
		return fmt.Errorf("web: oembed card: %w", err)
	}
	a := oembedAnswer{
		Version: "1.0", Type: "rich", Title: x.Headline,
		ProviderName: st.settings.SiteName, ProviderURL: st.abs(st.path("/")),
		CacheAge: 3600, HTML: card.String(), Width: width, Height: oembedHeight,
		ThumbnailURL: st.absURL(x.FeaturedImage),
	}
	names := make([]string, 0, len(x.Bylines))
	for _, b := range x.Bylines {
		names = append(names, b.Name)
	}
	a.AuthorName = strings.Join(names, ", ")
	addKeys(r, news.StoryKey(x.ID), news.KeySite)
	return writePublicJSON(w, r, a)
}

// storyAt resolves the address of a published story of this site, in any
// edition: /{section}/{id}-{slug} or /{edition}/{section}/{id}-{slug}.
// The id decides, as on the story page; anything else is not found.
func (s *Server) storyAt(r *http.Request, raw string) (*site, news.Story, error) {
	u, err := url.Parse(raw)
	if raw == "" || err != nil {
		return nil, news.Story{}, news.Errorf(news.ErrInvalid, "url must be the address of a story")
	}
	if u.Host != "" && u.Host != r.Host && !strings.EqualFold(u.Scheme+"://"+u.Host, s.baseURL(r)) {
		return nil, news.Story{}, news.Errorf(news.ErrNotFound, "not a story of this site")
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	code := ""
	switch len(parts) {
	case 2:
	case 3:
		code = parts[0]
	default:
		return nil, news.Story{}, errNotFound
	}
	id, ok := parseStorySegment(parts[len(parts)-1])
	if !ok {
		return nil, news.Story{}, errNotFound
	}
	st, err := s.loadSite(r, code)
	if err != nil || (code != "" && st.ed.Default) {
		return nil, news.Story{}, errNotFound
	}
	x, err := s.store.Story(r.Context(), id)
	if err != nil {
		return nil, news.Story{}, fmt.Errorf("web: story %d: %w", id, err)
	}
	if x.Edition != st.ed.Code || x.Status != news.StatusPublished {
		return nil, news.Story{}, errNotFound
	}
	return st, x, nil
}
