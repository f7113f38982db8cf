package desk

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"newsdesk/internal/news"
)

func TestDeskEditions(t *testing.T) {
	df := newDeskFixture(t)
	ctx := context.Background()
	admin := df.signedIn(t, news.RoleAdmin)

	res := admin.get("/desk/editions")
	wantStatus(t, "GET /desk/editions", res, http.StatusOK)
	mustContain(t, "editions page", res.body, `action="/desk/editions/en"`, `action="/desk/editions/ru"`, `value="Europe/Moscow"`, `<datalist id="zones">`, "Default")

	good := url.Values{"code": {"de"}, "name": {"Deutsch"}, "language": {"de"}, "time_zone": {"Europe/Berlin"}, "date_format": {"02.01.2006 15:04"}}
	tests := []struct {
		name      string
		form      url.Values
		want      int
		wantTexts []string
	}{
		{"bad code", with(good, "code", "Deutsch!"), http.StatusBadRequest, []string{"Code must be a lower-case language code", `value="Deutsch"`}},
		{"bad zone", with(good, "time_zone", "Mars/Olympus"), http.StatusBadRequest, []string{"Time zone must be an IANA time zone", `value="Mars/Olympus"`}},
		{"no name", with(good, "name", ""), http.StatusBadRequest, []string{"Name is required"}},
		{"code taken", with(good, "code", "ru"), http.StatusConflict, []string{"Code is taken by another edition"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := admin.post("/desk/editions", tt.form)
			wantStatus(t, "create", res, tt.want)
			mustContain(t, "form", res.body, tt.wantTexts...)
		})
	}
	if ru, _ := df.store.Edition(ctx, "ru"); ru.Name != "Русский" {
		t.Errorf("a refused creation changed ru: %+v", ru)
	}

	wantStatus(t, "create de", admin.post("/desk/editions", good), http.StatusSeeOther)
	de, err := df.store.Edition(ctx, "de")
	if err != nil || de.TimeZone != "Europe/Berlin" || de.Default {
		t.Fatalf("de = %+v, %v", de, err)
	}
	mustContain(t, "page after creating", admin.get("/desk/editions").body, "Edition Deutsch created", `action="/desk/editions/de"`)

	// The default stays until another edition takes over.
	en := url.Values{"name": {"English"}, "language": {"en"}, "time_zone": {"Europe/London"}, "date_format": {"2 Jan, 2006 15:04"}}
	res = admin.post("/desk/editions/en", en)
	wantStatus(t, "unset the only default", res, http.StatusBadRequest)
	mustContain(t, "form", visibleText(res.body), "The default stays until you make another edition the default")
	wantStatus(t, "make de the default", admin.post("/desk/editions/de", with(good, "default", "1")), http.StatusSeeOther)
	eds, err := df.store.Editions(ctx)
	if err != nil || eds[0].Code != "de" || !eds[0].Default || eds[1].Default || eds[2].Default {
		t.Errorf("editions after the change = %+v, %v", eds, err)
	}
	wantStatus(t, "rename en", admin.post("/desk/editions/en", with(en, "name", "English (UK)", "date_format", "Jan 2, 2006")), http.StatusSeeOther)
	if got, _ := df.store.Edition(ctx, "en"); got.Name != "English (UK)" || got.DateFormat != "Jan 2, 2006" || got.Default {
		t.Errorf("en = %+v", got)
	}
	wantStatus(t, "unknown edition", admin.post("/desk/editions/xx", en), http.StatusNotFound)
}
