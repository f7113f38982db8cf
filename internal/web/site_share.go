package web

import (
	"net/url"
	"strings"
)

// shareLink is one way to share a story: a plain link to a network's own
// share page, so that sharing needs no third-party script or pixel and
// works without JavaScript.
type shareLink struct {
	Key  string // a class name and the icon's name
	Name string // the network's name, shown and read out
	URL  string
}

// shareLinks builds the share links of a story from its canonical address
// and headline, in the order the page shows them.
func shareLinks(ui *uiText, canonical, headline string) []shareLink {
	u, h := url.QueryEscape(canonical), url.QueryEscape(headline)
	return []shareLink{
		{"facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u},
		{"x", "X", "https://x.com/intent/post?url=" + u + "&text=" + h},
		{"vk", ui.ShareVK, "https://vk.com/share.php?url=" + u + "&title=" + h},
		{"telegram", "Telegram", "https://t.me/share/url?url=" + u + "&text=" + h},
		{"ok", ui.ShareOK, "https://connect.ok.ru/offer?url=" + u + "&title=" + h},
		{"whatsapp", "WhatsApp", "https://wa.me/?text=" + url.QueryEscape(headline+" "+canonical)},
		// Mail programs read "+" literally, so spaces are spelled %20.
		{"mail", ui.ShareMail, "mailto:?subject=" + mailEscape(headline) + "&body=" + mailEscape(canonical)},
	}
}

// mailEscape escapes s for a mailto: header field.
func mailEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}
