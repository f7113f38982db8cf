package web

import "html/template"

// iconPaths are newsdesk's own line icons on a 24×24 grid. They are drawn
// inline so they inherit the text colour, and hidden from assistive
// technology and text extractors, which should get the story and nothing else.
var iconPaths = map[string]string{
	"video":         `<rect x="2.5" y="6" width="13" height="12" rx="2"/><path d="M15.5 10.5 21.5 7v10l-6-3.5z"/>`,
	"photos":        `<path d="M3.5 8.5h3.5l2-3h6l2 3h3.5v10h-17z"/><circle cx="12" cy="13" r="3.2"/>`,
	"audio":         `<path d="M4 15v-3a8 8 0 0 1 16 0v3"/><rect x="3" y="14" width="4.5" height="6" rx="1.5"/><rect x="16.5" y="14" width="4.5" height="6" rx="1.5"/>`,
	"chevron-left":  `<path d="m14.5 5-7 7 7 7"/>`,
	"chevron-right": `<path d="m9.5 5 7 7-7 7"/>`,
	"chevron-down":  `<path d="m5 9.5 7 7 7-7"/>`,
	"globe":         `<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c3.2 3.6 3.2 14.4 0 18M12 3c-3.2 3.6-3.2 14.4 0 18"/>`,
	"clock":         `<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/>`,
	"tag":           `<path d="M3.5 12.5v-9h9l8 8-9 9z"/><circle cx="8" cy="8" r="1.4"/>`,
	"share":         `<circle cx="18" cy="5.5" r="2.5"/><circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="18.5" r="2.5"/><path d="m8.2 10.8 7.6-4.1M8.2 13.2l7.6 4.1"/>`,
	"mail":          `<rect x="3" y="5.5" width="18" height="13" rx="2"/><path d="m3.5 7 8.5 6 8.5-6"/>`,
	"link":          `<path d="M10 14a4 4 0 0 0 5.7 0l3.1-3.1a4 4 0 0 0-5.7-5.7L11.5 6.8"/><path d="M14 10a4 4 0 0 0-5.7 0l-3.1 3.1a4 4 0 0 0 5.7 5.7l1.6-1.6"/>`,
	"bookmark":      `<path d="M6.5 3.5h11v17l-5.5-4-5.5 4z"/>`,
	"bookmark-b":    `<path d="M6.5 3.5h11v17l-5.5-4-5.5 4z" fill="currentColor"/>`,
	"trash":         `<path d="M4 6.5h16M9.5 6.5V4h5v2.5M6.5 6.5l1 13.5h9l1-13.5M10 10.5v6M14 10.5v6"/>`,
	"user":          `<circle cx="12" cy="8" r="4"/><path d="M4.5 20.5c1.2-4 4-6 7.5-6s6.3 2 7.5 6"/>`,
	// The audio player's.
	"audio-play":     `<path d="M7 4.5v15l12-7.5z"/>`,
	"audio-pause":    `<path d="M8 5v14M16 5v14"/>`,
	"audio-back":     `<path d="M4 12a8 8 0 1 0 2.4-5.7"/><path d="M4 3.5v4h4"/>`,
	"audio-forward":  `<path d="M20 12a8 8 0 1 1-2.4-5.7"/><path d="M20 3.5v4h-4"/>`,
	"audio-volume":   `<path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z"/><path d="M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11"/>`,
	"audio-muted":    `<path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z"/><path d="m16 9.5 5 5m0-5-5 5"/>`,
	"audio-download": `<path d="M12 4v11m-4.5-4.5L12 15l4.5-4.5"/><path d="M5 19.5h14"/>`,
	"feed":           `<path d="M5 11a8 8 0 0 1 8 8M5 5a14 14 0 0 1 14 14"/><circle cx="6" cy="18" r="1.3"/>`,
	"audio-close":    `<path d="m6 6 12 12M18 6 6 18"/>`,
	// The story video's controls and attachments.
	"v-expand":   `<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/>`,
	"v-compress": `<path d="M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5"/>`,
	"file":       `<path d="M6 3.5h8l4 4v13H6z"/><path d="M14 3.5v4h4"/>`,
	"camera":     `<path d="M3.5 8.5h3.5l2-3h6l2 3h3.5v10h-17z"/><circle cx="12" cy="13" r="3.2"/>`,
	"search":     `<circle cx="10.5" cy="10.5" r="6.5"/><path d="m15.5 15.5 5 5"/>`,
}

// icons holds each icon as a ready <svg> element, built once.
var icons = func() map[string]template.HTML {
	m := make(map[string]template.HTML, len(iconPaths))
	for name, paths := range iconPaths {
		m[name] = template.HTML(`<svg class="icon icon-` + name + `" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">` + paths + `</svg>`)
	}
	return m
}()

// Icon is the template function that draws an icon by name; an unknown name
// draws nothing rather than breaking the page.
func Icon(name string) template.HTML { return icons[name] }
