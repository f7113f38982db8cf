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
// those handlers pass them on (see podcastPath), as they do feeds
// ("/ru/feed.xml", "/world/feed.atom", "/tags/x/feed.json": see feedPath)
// and an edition's search ("/ru/search": see searchPath). The desk's URLs
// are in the desk's own routes.go (internal/web/desk): it is mounted at
// /desk/ and hands back to these routes the URLs it does not route.
func (s *Server) routes(desk Desk) http.Handler {
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
	mux.Handle("GET /robots.txt", s.cachedPage(s.robots))
	mux.Handle("GET /sitemap.xml", s.cachedPage(s.sitemapIndex))
	mux.Handle("GET /sitemaps/{file}", s.cachedPage(s.sitemap))
	mux.Handle("GET /feed.xml", s.cachedPage(s.editionFeed))
	mux.Handle("GET /feed.atom", s.cachedPage(s.editionFeed))
	mux.Handle("GET /feed.json", s.cachedPage(s.editionFeed))
	mux.Handle("GET /{edition}/tags/{tag}/{feed}", s.cachedPage(s.tagFeed))
	mux.Handle("GET /authors/{author}", s.cachedPage(s.authorPage))
	mux.Handle("GET /{edition}/authors/{author}", s.cachedPage(s.authorPage))
	mux.Handle("GET /{edition}/authors/{author}/{feed}", s.cachedPage(s.authorFeed))
	mux.Handle("GET /{edition}/{section}/{story}", s.cachedPage(s.storyPage))
	mux.Handle("GET /podcasts", s.page(s.podcastsRedirect))
	mux.Handle("GET /podcasts/{$}", s.cachedPage(s.podcastsPage))
	mux.Handle("GET /{edition}/podcasts/{show}/{$}", s.cachedPage(s.showPage))
	mux.Handle("GET /{edition}/podcasts/{show}/feed.xml", s.cachedPage(s.showFeed))
	mux.Handle("GET /{edition}/podcasts/{show}/{episode}", s.cachedPage(s.episodePage))
	mux.Handle("GET /account", http.RedirectHandler("/account/", http.StatusMovedPermanently))
	mux.Handle("GET /account/{$}", s.reader(s.accountSettings))
	mux.Handle("GET /account/signin", s.account(s.accountSignInForm))
	mux.Handle("POST /account/signin", s.account(s.accountSignIn))
	mux.Handle("POST /account/signout", s.account(s.accountSignOut))
	mux.Handle("GET /account/signup", s.account(s.accountSignUpForm))
	mux.Handle("POST /account/signup", s.account(s.accountSignUp))
	mux.Handle("GET /account/confirm/{token}", s.account(s.accountConfirmForm))
	mux.Handle("POST /account/confirm/{token}", s.account(s.accountConfirm))
	mux.Handle("GET /account/reset", s.account(s.accountResetForm))
	mux.Handle("POST /account/reset", s.account(s.accountReset))
	mux.Handle("GET /account/reset/{token}", s.account(s.accountResetLinkForm))
	mux.Handle("POST /account/reset/{token}", s.account(s.accountResetLink))
	mux.Handle("POST /account/email", s.reader(s.accountEmail))
	mux.Handle("GET /account/email/{token}", s.account(s.accountEmailLinkForm))
	mux.Handle("POST /account/email/{token}", s.account(s.accountEmailLink))
	mux.Handle("POST /account/password", s.reader(s.accountPassword))
	mux.Handle("POST /account/delete", s.reader(s.accountDelete))
	mux.Handle("GET /account/bookmarks", s.reader(s.accountBookmarks))
	mux.Handle("POST /account/bookmarks", s.account(s.accountBookmark))
	mux.Handle("GET /account/bookmarks/state", s.account(s.accountBookmarkState))
	mux.Handle("GET /media/{key}", s.page(s.mediaFile))
	mux.Handle("GET /api/v1/oembed", s.api(s.oembed))
	mux.Handle("GET /api/v1/openapi.json", s.api(s.openAPI))
	mux.Handle("GET /api/v1/editions", s.keyed(s.apiEditions))
	mux.Handle("GET /api/v1/sections", s.keyed(s.apiSections))
	mux.Handle("GET /api/v1/tags", s.keyed(s.apiTags))
	mux.Handle("GET /api/v1/authors", s.keyed(s.apiAuthors))
	mux.Handle("GET /api/v1/stories", s.keyed(s.apiStories))
	mux.Handle("GET /api/v1/stories/{id}", s.keyed(s.apiStoryOne))
	mux.Handle("GET /api/v1/episodes", s.keyed(s.apiEpisodes))
	mux.Handle("POST /api/v1/admin/stories", s.withToken(s.apiStoryCreate))
	mux.Handle("GET /api/v1/admin/stories/{id}", s.withToken(s.apiStoryGet))
	mux.Handle("PATCH /api/v1/admin/stories/{id}", s.withToken(s.apiStoryPatch))
	mux.Handle("POST /api/v1/admin/media", s.withToken(apiMediaUpload(desk)))
	mux.Handle("GET /search", s.page(s.searchPageHandler))
	mux.Handle("GET /api/v1/search", s.api(s.apiSearch))
	mux.Handle("/", s.page(notFound))
	if desk == nil {
		return mux
	}
	mounted := http.NewServeMux()
	mounted.Handle("/desk", desk.Handler(mux))
	mounted.Handle("/desk/", desk.Handler(mux))
	mounted.Handle("/", mux)
	return mounted
}
