package web

import "net/http"

// routes lists every URL of the site, one per line. The first path segment
// of "/{first}/" is an edition code or a section slug of the default edition;
// ServeMux cannot tell them apart, so one handler resolves it. "/{first}"
// is routed explicitly so that ServeMux does not answer it with its own
// temporary redirect to "/{first}/", even for names that are no page.
// Public pages go through the page cache (cachedPage). Podcast URLs of
// the default edition ("/podcasts/{show}/...") have the shape of an
// edition's section and story pages, and "/ru/podcasts/" of a section:
// those handlers pass them on (see podcastPath).
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.Handle("GET /static/{file}", s.static)
	mux.Handle("GET /{$}", s.cachedPage(s.homePage))
	mux.Handle("GET /{first}", s.page(s.slashless))
	mux.Handle("GET /{first}/{$}", s.cachedPage(s.editionOrSectionPage))
	mux.Handle("GET /{edition}/{section}/{$}", s.cachedPage(s.sectionPage))
	mux.Handle("GET /tags/{tag}", s.cachedPage(s.tagPage))
	mux.Handle("GET /{edition}/tags/{tag}", s.cachedPage(s.tagPage))
	mux.Handle("GET /{section}/{story}", s.cachedPage(s.storyPage))
	mux.Handle("GET /{edition}/{section}/{story}", s.cachedPage(s.storyPage))
	mux.Handle("GET /podcasts", s.page(s.podcastsRedirect))
	mux.Handle("GET /podcasts/{$}", s.cachedPage(s.podcastsPage))
	mux.Handle("GET /{edition}/podcasts/{show}/{$}", s.cachedPage(s.showPage))
	mux.Handle("GET /{edition}/podcasts/{show}/feed.xml", s.cachedPage(s.showFeed))
	mux.Handle("GET /{edition}/podcasts/{show}/{episode}", s.cachedPage(s.episodePage))
	mux.HandleFunc("GET /desk", s.deskHome)
	mux.HandleFunc("GET /desk/{$}", s.deskHome)
	mux.Handle("GET /desk/signin", s.deskOpen(s.deskSignInForm))
	mux.Handle("POST /desk/signin", s.deskOpen(s.deskSignIn))
	mux.Handle("GET /desk/signin/{token}", s.deskOpen(s.deskSignInLinkForm))
	mux.Handle("POST /desk/signin/{token}", s.deskOpen(s.deskSignInLink))
	mux.Handle("POST /desk/signout", s.deskOpen(s.deskSignOut))
	mux.Handle("POST /desk/signout/everywhere", s.staff(s.deskSignOutEverywhere))
	mux.Handle("GET /desk/stories", s.staff(s.deskStories))
	mux.Handle("GET /desk/home", s.staff(s.deskHomeOrder))
	mux.Handle("POST /desk/home", s.staff(s.deskHomeOrderSave))
	mux.Handle("GET /desk/sections", s.staff(s.deskSections))
	mux.Handle("POST /desk/sections", s.staff(s.deskSectionCreate))
	mux.Handle("POST /desk/sections/{id}", s.staff(s.deskSectionUpdate))
	mux.Handle("POST /desk/sections/{id}/delete", s.staff(s.deskSectionDelete))
	mux.Handle("GET /desk/tags", s.staff(s.deskTags))
	mux.Handle("POST /desk/tags", s.staff(s.deskTagCreate))
	mux.Handle("POST /desk/tags/{id}", s.staff(s.deskTagUpdate))
	mux.Handle("POST /desk/tags/{id}/merge", s.staff(s.deskTagMerge))
	mux.Handle("POST /desk/tags/{id}/delete", s.staff(s.deskTagDelete))
	mux.Handle("GET /desk/stories/new", s.staff(s.storyNew))
	mux.Handle("POST /desk/stories/new", s.staff(s.storyCreate))
	mux.Handle("POST /desk/stories/preview", s.staff(s.storyPreview))
	mux.Handle("GET /desk/stories/{id}", s.staff(s.storyEdit))
	mux.Handle("POST /desk/stories/{id}", s.staff(s.storySave))
	mux.Handle("GET /desk/stories/{id}/preview", s.staff(s.storyPrivatePreview))
	mux.Handle("GET /desk/tags/suggest", s.staff(s.tagSuggest))
	mux.Handle("GET /desk/stories/{id}/notes", s.staff(s.storyNotes))
	mux.Handle("POST /desk/stories/{id}/notes", s.staff(s.noteAdd))
	mux.Handle("GET /desk/stories/{id}/revisions", s.staff(s.storyRevisions))
	mux.Handle("GET /desk/stories/{id}/revisions/diff", s.staff(s.storyRevisionDiff))
	mux.Handle("POST /desk/stories/{id}/revisions/{rev}/restore", s.staff(s.storyRevisionRestore))
	mux.Handle("POST /desk/stories/{id}/presence", s.staff(s.storyPresence))
	mux.Handle("POST /desk/stories/{id}/presence/takeover", s.staff(s.storyTakeOver))
	mux.Handle("POST /desk/stories/{id}/presence/leave", s.staff(s.storyLeave))
	mux.Handle("GET /desk/account", s.staff(s.deskAccount))
	mux.Handle("POST /desk/account", s.staff(s.deskAccountSave))
	mux.Handle("POST /desk/account/password", s.staff(s.deskAccountPassword))
	mux.Handle("GET /desk/staff", s.staff(s.deskStaff))
	mux.Handle("POST /desk/staff", s.staff(s.deskStaffInvite))
	mux.Handle("POST /desk/staff/{id}/role", s.staff(s.deskStaffRole))
	mux.Handle("POST /desk/staff/{id}/disable", s.staff(s.deskStaffDisable))
	mux.Handle("POST /desk/staff/{id}/link", s.staff(s.deskStaffLink))
	mux.Handle("GET /desk/editions", s.staff(s.deskEditions))
	mux.Handle("POST /desk/editions", s.staff(s.deskEditionCreate))
	mux.Handle("POST /desk/editions/{code}", s.staff(s.deskEditionSave))
	mux.Handle("GET /desk/settings", s.staff(s.deskSettings))
	mux.Handle("POST /desk/settings", s.staff(s.deskSettingsSave))
	mux.Handle("/", s.page(notFound))
	return mux
}
