package ingest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

// A Telegram channel export is a JSON array of posts, each with its
// message_id, sender_id (the channel), text, date and channel name, and
// perhaps a category. A post becomes a published story: the first line of
// its text the headline (shortened at a word when too long), the next
// paragraph the lead and the rest the body; the category its section and
// the channel its byline. Posts without text are skipped.

// telegramPost is one post of an export.
type telegramPost struct {
	MessageID int64  `json:"message_id"`
	SenderID  int64  `json:"sender_id"`
	Text      string `json:"text"`
	Date      string `json:"date"`
	Channel   string `json:"channel"`
	Category  string `json:"category"`
}

// parseTelegram reads one channel export.
func parseTelegram(name string, data []byte) ([]news.Story, error) {
	var posts []telegramPost
	if err := json.Unmarshal(bytes.TrimPrefix(data, utf8BOM), &posts); err != nil {
		return nil, invalid(name, "not a Telegram export (a JSON array of posts): %v", err)
	}
	var sts []news.Story
	for _, p := range posts {
		if st, ok := telegramStory(p); ok {
			sts = append(sts, st)
		}
	}
	if len(sts) == 0 {
		return nil, invalid(name, "no post with text and a date")
	}
	return sts, nil
}

func telegramStory(p telegramPost) (news.Story, bool) {
	published, err := time.Parse(time.RFC3339, p.Date)
	if err != nil || p.MessageID == 0 {
		return news.Story{}, false
	}
	var paras []string
	for _, block := range strings.Split(plainMarkdown(strings.ReplaceAll(p.Text, "\r\n", "\n")), "\n\n") {
		if s := strings.TrimSpace(block); s != "" {
			paras = append(paras, s)
		}
	}
	if len(paras) == 0 {
		return news.Story{}, false
	}
	// The headline is the first line; the rest of its paragraph, if any,
	// stays with the text.
	first, rest, _ := strings.Cut(paras[0], "\n")
	headline := strings.Join(strings.Fields(first), " ")
	paras = paras[1:]
	if rest = strings.TrimSpace(rest); rest != "" {
		paras = append([]string{rest}, paras...)
	}
	if utf8.RuneCountInString(headline) > news.MaxHeadlineLen {
		paras = append([]string{headline}, paras...)
		headline = markup.Excerpt(headline, news.MaxHeadlineLen)
	}
	if news.Slugify(headline) == "" {
		return news.Story{}, false
	}
	st := news.Story{
		Headline: headline, Slug: news.Slugify(headline),
		Status: news.StatusPublished, PublishedAt: published,
		SourceKey: "telegram:" + strconv.FormatInt(p.SenderID, 10) + ":" + strconv.FormatInt(p.MessageID, 10),
	}
	for i, para := range paras {
		paras[i] = strings.Join(strings.Fields(para), " ")
	}
	if len(paras) > 0 {
		st.Lead, paras = paras[0], paras[1:]
		if utf8.RuneCountInString(st.Lead) > news.MaxLeadLen {
			paras = append([]string{st.Lead}, paras...)
			st.Lead = markup.Excerpt(st.Lead, news.MaxLeadLen)
		}
	}
	st.Body = markup.Paragraphs(paras)
	if c := strings.TrimSpace(p.Category); c != "" {
		st.Section.Name = strings.ToUpper(c[:1]) + c[1:]
	}
	if c := strings.TrimSpace(p.Channel); c != "" {
		st.Bylines = []news.Author{{Name: c}}
	}
	return st, true
}

var (
	// markdownLink is a link as exports write it: [text](address).
	markdownLink = regexp.MustCompile(`\[([^\]\n]*)\]\([^)\s]*\)`)
	// markdownMarks are the emphasis marks of Telegram's Markdown.
	markdownMarks = strings.NewReplacer("**", "", "__", "", "~~", "", "||", "", "`", "")
)

// plainMarkdown turns the Markdown of an export into plain text: links
// become their text, emphasis marks go.
func plainMarkdown(s string) string {
	return markdownMarks.Replace(markdownLink.ReplaceAllString(s, "$1"))
}

// isTelegram reports whether a JSON document is an array of posts.
func isTelegram(data []byte) bool {
	var probe []struct {
		MessageID *int64  `json:"message_id"`
		Text      *string `json:"text"`
	}
	if json.Unmarshal(bytes.TrimPrefix(data, utf8BOM), &probe) != nil || len(probe) == 0 {
		return false
	}
	return probe[0].MessageID != nil && probe[0].Text != nil
}
