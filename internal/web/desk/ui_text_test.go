package desk

import (
	"regexp"
	"strings"
	"testing"

	"newsdesk/internal/i18n"
	"newsdesk/internal/web/webtest"
)

// TestDomainMessagesTranslated fails when a message written for people
// has no translation: those that the domain, the store, the media
// library, the password rules or the desk's handlers write for staff
// (desk.messages); readers' are the site's test. It reads them from the
// source, so a new message cannot slip by in English.
func TestDomainMessagesTranslated(t *testing.T) {
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		prefix string
		files  []string
	}{
		{problemMessages, []string{"../../news/*.go", "../../store/*.go", "../../media/*.go", "../../auth/*.go", "*.go", "../storyedit/*.go", "../session/*.go", "../errors.go"}},
	} {
		known := map[string]bool{}
		for _, id := range c.IDs(set.prefix) {
			known[strings.TrimPrefix(id, set.prefix)] = true
		}
		var missing []string
		for _, msg := range webtest.DomainMessages(t, set.files) {
			if !known[msg] {
				missing = append(missing, msg)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%d messages have no %s entry:\n%s", len(missing), set.prefix, strings.Join(missing, "\n"))
		}
	}
}

// TestDomainMessagesInRussian translates the domain's messages, with the
// values they carry, and checks that every translation fills its verbs.
func TestDomainMessagesInRussian(t *testing.T) {
	ru := deskWordsOf(t, "ru")
	for _, tc := range []struct{ en, want string }{
		{"is required", "нужно заполнить"},
		{"story 12 was changed by someone else", "материал 12 изменил кто-то другой"},
		{"your role (author) may not publish story", "ваша роль (автор) не позволяет: публиковать материалы"},
		{`section "World" still holds 3 stories (trashed ones included): move them to another section first`,
			`в рубрике "World" ещё 3 материала (считая корзину): сначала перенесите их в другую рубрику`},
		{"notes go on published stories; story 7 is draft", "примечания добавляются к опубликованным материалам; материал 7 — черновик"},
		{`"publish" does not apply to a story that is in the trash`, `"publish" не применяется к материалу в состоянии «в корзине»`},
		{"the upload is too large: files may be at most 20 MB", "загрузка слишком большая: файлы могут быть не больше 20 МБ"},
		{"a message the catalogs do not know", "a message the catalogs do not know"},
	} {
		if got := ru.Say(tc.en); got != tc.want {
			t.Errorf("Say(%q) = %q, want %q", tc.en, got, tc.want)
		}
	}
	en := deskWordsOf(t, "en")
	if got := en.Say("notes go on published stories; story 7 is draft"); got != "notes go on published stories; story 7 is draft" {
		t.Errorf("English changed a message: %q", got)
	}
	// Every message with verbs, written with sample values, comes back
	// in Russian with each value in its place.
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	samples := map[string]string{"%d": "42", "%s": "sample", "%v": "sample", "%q": `"sample"`}
	for prefix, say := range map[string]func(string) string{problemMessages: ru.Say} {
		for _, id := range c.IDs(prefix) {
			format := strings.TrimPrefix(id, prefix)
			if !strings.Contains(format, "%") {
				continue
			}
			msg := regexp.MustCompile(`%[dsvq]`).ReplaceAllStringFunc(format, func(v string) string { return samples[v] })
			got := say(msg)
			if got == msg || strings.Contains(got, "%!") || strings.Count(got, "sample")+strings.Count(got, "42") < strings.Count(format, "%") {
				t.Errorf("%q in Russian: %q", msg, got)
			}
		}
	}
}
