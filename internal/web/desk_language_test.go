package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"newsdesk/internal/i18n"
	"newsdesk/internal/news"
)

// TestDeskInRussian renders the desk's pages for an admin who chose
// Russian on the account page, and checks that they speak Russian and
// that no English word of the desk's catalogs is left on them.
func TestDeskInRussian(t *testing.T) {
	df := newDeskFixture(t)
	ctx := context.Background()
	// Cyrillic names, so that no name on the staff page reads as English.
	for i, role := range append(news.StaffRoles, news.RoleReader) {
		u := df.users[role]
		u.Name = []string{"Анна", "Борис", "Вера", "Глеб", "Дина"}[i]
		if _, err := df.store.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	admin := df.signedIn(t, news.RoleAdmin)
	wantStatus(t, "choose Russian", admin.post("/desk/account", url.Values{"name": {"Анна"}, "language": {"ru"}}), http.StatusSeeOther)
	mustContain(t, "account after choosing", admin.get("/desk/account").body, "Теперь редакция на языке: Русский.")
	show := df.russianShow(t, admin)
	english := englishWords(t, "desk.")

	for _, tc := range []struct {
		path  string
		wants []string
	}{
		{"/desk/account", []string{"Язык редакции", "Ваша учётная запись", "администратор"}},
		{"/desk/stories?edition=ru", []string{"Материалы", "1 материал", "Опубликован 31 янв. 2018", "Опубликованные", "Только мои"}},
		{fmt.Sprintf("/desk/stories/%d", df.russian.ID), []string{"Правка материала", "Заголовок", "Опубликован", "31 янв. 2018", "Снять с публикации", "Главное видео или изображение"}},
		{fmt.Sprintf("/desk/stories/%d/revisions", df.russian.ID), []string{"Версии материала", "Создана"}},
		{fmt.Sprintf("/desk/stories/%d/notes", df.russian.ID), []string{"Поправки и обновления", "исправление"}},
		{fmt.Sprintf("/desk/stories/%d/translations", df.russian.ID), []string{"Начать перевод"}},
		{"/desk/stories/new?edition=ru", []string{"Новый материал", "Сохранить черновик", "Выберите рубрику"}},
		{"/desk/home?edition=ru", []string{"Главная страница", "Добавить материал"}},
		{"/desk/media", []string{"Медиатека", "Выберите файлы или перетащите их сюда", "0 файлов.", "изображение 20 МБ"}},
		{"/desk/sections?edition=ru", []string{"Рубрики", "Новая рубрика", "Мир"}},
		{"/desk/tags?edition=ru", []string{"Теги", "Новый тег", "Ирак"}},
		{"/desk/staff", []string{"Сотрудники", "5 учётных записей", "внештатный автор", "Пригласить"}},
		{"/desk/settings", []string{"Настройки сайта", "Ограничения загрузки", "изображение (МБ)"}},
		{"/desk/editions", []string{"Издания", "Новое издание", "Часовой пояс"}},
		{"/desk/podcasts", []string{"Передачи", "Новая передача", "Выпуски"}},
		{fmt.Sprintf("/desk/podcasts/%d", show), []string{"Выпусков пока нет.", "Сохранить передачу"}},
		{fmt.Sprintf("/desk/podcasts/%d/episodes/new", show), []string{"Новый выпуск", "Номер выпуска"}},
		{"/desk/webhooks", []string{"Вебхуки", "Добавить вебхук"}},
		{"/desk/api-keys", []string{"Ключи API", "Новый ключ"}},
		{"/desk/account/tokens", []string{"Токены API", "Новый токен"}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res := admin.get(tc.path)
			wantStatus(t, tc.path, res, http.StatusOK)
			mustContain(t, tc.path, res.body, `<html lang="ru">`)
			text := visibleWords(res.body)
			mustContain(t, tc.path, text, tc.wants...)
			for _, w := range english {
				if w.re.MatchString(text) {
					t.Errorf("English left on the page: %q (%s)", w.text, w.id)
				}
			}
		})
	}

	t.Run("a refused form", func(t *testing.T) {
		res := admin.post("/desk/sections", url.Values{"edition": {"ru"}, "name": {""}})
		wantStatus(t, "section without a name", res, http.StatusBadRequest)
		mustContain(t, "refusal", visibleWords(res.body), "Исправьте отмеченные ниже поля.", "нужно заполнить")
	})
	t.Run("an error page", func(t *testing.T) {
		res := admin.get("/desk/stories/999999")
		wantStatus(t, "a missing story", res, http.StatusNotFound)
		mustContain(t, "error page", visibleWords(res.body), "Ошибка 404", "Не найдено", "Материал 999999 не найден")
	})
}

// russianShow makes a podcast show of the Russian edition on the desk and
// returns its id.
func (df *deskFixture) russianShow(t *testing.T, c *client) int64 {
	t.Helper()
	res := c.post("/desk/podcasts", url.Values{"edition": {"ru"}, "title": {"Утренний выпуск"}, "slug": {"utro"}})
	wantStatus(t, "create a show", res, http.StatusSeeOther)
	var id int64
	if _, err := fmt.Sscanf(res.header.Get("Location"), "/desk/podcasts/%d", &id); err != nil {
		t.Fatalf("show at %q: %v", res.header.Get("Location"), err)
	}
	return id
}

// sameInRussian are the desk's messages that Russian writes as English
// does: names, and what is code rather than words.
var sameInRussian = map[string]bool{
	"desk.LanguageName": true, "desk.Brand": true, "desk.Revisions.Newsdesk": true, "desk.Story.HTML": true, "desk.URLPlaceholder": true,
}

// TestRussianSiteInRussian reads the Russian edition's pages, its
// readers' account pages and an error page, and finds none of the site's
// English words on them.
func TestRussianSiteInRussian(t *testing.T) {
	af := newAccountFixture(t, 3)
	english := englishWords(t, "ui.")
	c := af.browser(t, "192.0.2.120")
	for _, path := range []string{
		"/ru/", "/ru/mir/", "/ru" + af.russian.Path(), "/ru/tags/irak", "/ru/search?q=жители", "/ru/search?sort=x",
		"/ru/podcasts/", "/ru/no-such-page", "/account/signin?ed=ru", "/account/signup?ed=ru", "/account/reset?ed=ru",
	} {
		t.Run(path, func(t *testing.T) {
			res := c.get(path)
			if res.status >= 500 {
				t.Fatalf("GET %s: %d", path, res.status)
			}
			mustContain(t, path, res.body, `<html lang="ru">`)
			text := visibleWords(res.body)
			for _, w := range english {
				if w.re.MatchString(text) {
					t.Errorf("English left on the page: %q (%s)", w.text, w.id)
				}
			}
		})
	}
}

// deskWord is an English message of the desk with the expression that
// finds it as whole words.
type deskWord struct {
	id, text string
	re       *regexp.Regexp
}

// englishWords lists the English messages under prefix that Russian says
// differently, as the parts between their verbs, placeholders and markup
// that are long enough to be telling.
func englishWords(t *testing.T, prefix string) []deskWord {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	en := c.Lang("en")
	breaks := regexp.MustCompile(`%(\[\d+\])?[a-z]|\{\{[^}]*\}\}|\{[a-z]+\}|<[^>]*>`)
	var out []deskWord
	for _, id := range c.IDs(prefix) {
		text := en.T(id)
		if text == id || sameInRussian[id] {
			continue
		}
		// A message of the domain's has the words of the values it
		// carries ("story 12 not found"): only its longer parts tell.
		words := 1
		if strings.HasPrefix(id, "desk.messages.") || strings.HasPrefix(id, accountMessages) {
			words = 2
		}
		for _, part := range breaks.Split(html.UnescapeString(text), -1) {
			part = strings.Trim(part, " .,:;()«»“”\"'!?—-")
			if len(strings.Fields(part)) < words || len(strings.Fields(part)) < 2 && len(part) < 5 {
				continue
			}
			out = append(out, deskWord{id, part, regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(part) + `($|[^\pL])`)})
		}
	}
	return out
}

var (
	// visibleAttrs are attributes people see or hear, as visibleWords
	// reads them.
	visibleAttrs = regexp.MustCompile(`(?:placeholder|title|aria-label|alt|data-confirm)="([^"]*)"`)
	// notWords are what a page shows that is not in any language: code,
	// e-mail addresses and paths.
	notWords = regexp.MustCompile(`(?s)<code>.*?</code>|[\w.+-]+@[\w.-]+|(?:^|\s)/[\w/.…-]*`)
)

// visibleWords is the visible text of a page with the values of its
// visible attributes, without code, addresses or paths.
func visibleWords(page string) string {
	var b strings.Builder
	b.WriteString(notWords.ReplaceAllString(visibleText(notWords.ReplaceAllString(page, " ")), " "))
	for _, m := range visibleAttrs.FindAllStringSubmatch(page, -1) {
		b.WriteString(" " + notWords.ReplaceAllString(html.UnescapeString(m[1]), " "))
	}
	return b.String()
}

// TestDeskLanguageChoice: a member of staff reads the desk in the default
// edition's language until choosing one on the account page; the choice
// outlives a change of the default edition, and only the catalogs'
// languages may be chosen.
func TestDeskLanguageChoice(t *testing.T) {
	df := newDeskFixture(t)
	watch(t, df.srv) // as newsdesk serve does: writes reach the site's caches at once
	admin, editor := df.signedIn(t, news.RoleAdmin), df.signedIn(t, news.RoleEditor)

	res := editor.get("/desk/account")
	mustContain(t, "account in English", res.body, `<html lang="en">`, `<option value="" selected>The default edition&#39;s: English</option>`,
		`<option value="ru">Русский</option>`)

	res = editor.post("/desk/account", url.Values{"name": {"Editor"}, "language": {"xx"}})
	wantStatus(t, "a language the desk lacks", res, http.StatusBadRequest)
	mustContain(t, "refusal", visibleText(res.body), "Language of the desk is not a language the desk is written in.")

	ru := url.Values{"name": {"Русский"}, "language": {"ru"}, "time_zone": {"Europe/Moscow"}, "date_format": {"2 January 2006, 15:04"}, "default": {"1"}}
	wantStatus(t, "make ru the default edition", admin.post("/desk/editions/ru", ru), http.StatusSeeOther)
	mustContain(t, "the desk follows the default edition", editor.get("/desk/stories").body, `<html lang="ru">`, ">Материалы</h1>")
	signIn := df.client(t).get("/desk/signin")
	mustContain(t, "sign-in page", visibleText(signIn.body), "Вход в редакцию", "Адрес электронной почты")

	wantStatus(t, "choose English", editor.post("/desk/account", url.Values{"name": {"Editor"}, "language": {"en"}}), http.StatusSeeOther)
	res = editor.get("/desk/stories")
	mustContain(t, "the chosen language", res.body, `<html lang="en">`, "The desk is now in English.", ">Stories</h1>")
	if u, err := df.store.User(context.Background(), df.users[news.RoleEditor].ID); err != nil || u.Language != "en" {
		t.Errorf("stored user = %+v, %v; want language en", u, err)
	}
	// A form without the field keeps the choice.
	wantStatus(t, "rename", editor.post("/desk/account", url.Values{"name": {"Ed"}}), http.StatusSeeOther)
	mustContain(t, "after renaming", editor.get("/desk/stories").body, `<html lang="en">`)
}

// TestDeskEditionEndToEnd: an edition an admin adds on the desk gets its
// sections and stories from the desk and its own pages on the site, in
// its date format; a language without catalogs reads the site in English.
func TestDeskEditionEndToEnd(t *testing.T) {
	df := newDeskFixture(t)
	watch(t, df.srv) // as newsdesk serve does: writes reach the site's caches at once
	ctx := context.Background()
	admin := df.signedIn(t, news.RoleAdmin)

	de := url.Values{"code": {"de"}, "name": {"Deutsch"}, "language": {"de"}, "time_zone": {"Europe/Berlin"}, "date_format": {"02.01.2006 15:04"}}
	wantStatus(t, "add the edition", admin.post("/desk/editions", de), http.StatusSeeOther)
	wantStatus(t, "add a section", admin.post("/desk/sections", url.Values{"edition": {"de"}, "name": {"Welt"}}), http.StatusSeeOther)
	secs, err := df.store.Sections(ctx, "de")
	if err != nil || len(secs) != 1 || secs[0].Slug != "welt" {
		t.Fatalf("sections of de = %+v, %v", secs, err)
	}
	form := with(df.storyValues("Hafen bekommt neue Kräne"), "edition", "de", "section", fmt.Sprint(secs[0].ID), "action", "publish", "tags", "Hafen")
	id := storyIDFrom(t, admin.post("/desk/stories/new", form))
	st := df.story(t, id)
	if st.Edition != "de" || st.Status != news.StatusPublished {
		t.Fatalf("story = %s %s, want a published story of de", st.Edition, st.Status)
	}

	home := df.mustGet(t, "/de/", http.StatusOK)
	mustContain(t, "the edition's home page", home.body, `<html lang="de"`, "Hafen bekommt neue Kräne", `href="/de/welt/"`, ">Deutsch<")
	mustContain(t, "the site's words, in English without a German catalog", visibleText(home.body), "Latest")
	page := df.mustGet(t, "/de"+st.Path(), http.StatusOK)
	mustContain(t, "the story page", page.body, st.PublishedAt.In(news.Edition{TimeZone: "Europe/Berlin"}.Location()).Format("02.01.2006 15:04"))
	df.mustGet(t, "/de/welt/", http.StatusOK)
	df.mustGet(t, "/de/tags/hafen", http.StatusOK)
	mustContain(t, "the other editions switch to it", df.mustGet(t, "/", http.StatusOK).body, `href="/de/"`)
	mustContain(t, "the desk lists it", admin.get("/desk/stories?edition=de").body, "Hafen bekommt neue Kräne")
}
