package desk

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/webhook"
)

func TestDeskWebhooks(t *testing.T) {
	df := newDeskFixture(t)
	admin := df.signedIn(t, news.RoleAdmin)
	ctx := context.Background()

	res := admin.post("/desk/webhooks", url.Values{"url": {"javascript:alert(1)"}, "event": {"story.published"}})
	wantStatus(t, "bad address", res, http.StatusBadRequest)
	mustContain(t, "refused form", res.body, "Address must be an absolute http or https URL", `value="javascript:alert(1)"`)
	res = admin.post("/desk/webhooks", url.Values{"url": {"https://hooks.example/in"}})
	wantStatus(t, "no events", res, http.StatusBadRequest)
	mustContain(t, "refused form", res.body, "choose at least one event")
	if hooks, _ := df.store.Webhooks(ctx); len(hooks) != 0 {
		t.Fatalf("refused forms registered %+v", hooks)
	}

	var hits atomic.Int32
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusAccepted)
	}))
	t.Cleanup(receiver.Close)
	res = admin.post("/desk/webhooks", url.Values{"url": {receiver.URL}, "event": {"story.published", "story.unpublished"}})
	wantStatus(t, "add", res, http.StatusSeeOther)
	hooks, err := df.store.Webhooks(ctx)
	if err != nil || len(hooks) != 1 {
		t.Fatalf("webhooks = %+v, %v", hooks, err)
	}
	hook := hooks[0]
	page := admin.get("/desk/webhooks").body
	mustContain(t, "page after adding", page, "shown this once: "+hook.Secret, receiver.URL, "Nothing sent yet")
	if strings.Contains(admin.get("/desk/webhooks").body, hook.Secret) {
		t.Error("the secret is shown again")
	}

	// Publishing a story reaches the receiver, and the log shows it.
	st := news.Story{Edition: "en", Section: df.world, Headline: "Harbour reopens", Slug: "harbour-reopens", Status: news.StatusPublished, PublishedAt: time.Now()}
	if err := df.store.CreateStory(ctx, &st); err != nil {
		t.Fatal(err)
	}
	w := &webhook.Worker{Store: df.store}
	if err := w.Pass(ctx); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 1 {
		t.Fatalf("receiver got %d requests, want 1", hits.Load())
	}
	mustContain(t, "log", admin.get("/desk/webhooks").body, "<code>story.published</code>", news.StoryKey(st.ID), "Delivered", "<td data-label=\"Last answer\">202")

	wantStatus(t, "pause", admin.post("/desk/webhooks/"+strconv.FormatInt(hook.ID, 10)+"/active", url.Values{"active": {"false"}}), http.StatusSeeOther)
	mustContain(t, "paused", admin.get("/desk/webhooks").body, "Paused", "Webhook paused")
	wantStatus(t, "delete", admin.post("/desk/webhooks/"+strconv.FormatInt(hook.ID, 10)+"/delete", nil), http.StatusSeeOther)
	wantStatus(t, "delete again", admin.post("/desk/webhooks/"+strconv.FormatInt(hook.ID, 10)+"/delete", nil), http.StatusNotFound)
	wantStatus(t, "pause a missing one", admin.post("/desk/webhooks/x/active", nil), http.StatusNotFound)
}
