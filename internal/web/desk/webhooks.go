package desk

import (
	"crypto/rand"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/respond"
)

// webhookLogSize is how many of each webhook's deliveries the desk shows.
const webhookLogSize = 20

// webhooksPage is the data of templates/webhooks.html.
type webhooksPage struct {
	deskPage
	Hooks  []webhookRow
	Events []string
	Form   formError
	URL    string
	Chosen map[string]bool
}

// webhooksText is what the webhooks page says.
type webhooksText struct {
	Title, Add, Address, Events, EventsProblem, AddButton, AddedOn, Pause, Resume string // EventsProblem: %s; AddedOn: %s, the date
	DeleteConfirm, Deliveries, Event, Attempts, LastAnswer, Queued, Delivered     string // Deliveries: %s, the address
	Failed, Pending, NextTry, NothingSent, Added, Resumed, PausedNow, Deleted     string // NextTry: %s, the time
	Intro                                                                         template.HTML
}

// webhookRow is one webhook with its latest deliveries.
type webhookRow struct {
	news.Webhook
	Log []news.Delivery
}

// deskWebhooks lists the webhooks and their delivery logs. Admins only.
func (s *Desk) deskWebhooks(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageWebhooks, nil); err != nil {
		return err
	}
	return s.renderWebhooks(w, r, u, http.StatusOK, "", news.WebhookEvents, formError{})
}

func (s *Desk) renderWebhooks(w http.ResponseWriter, r *http.Request, u news.User, status int, url string, chosen []string, ferr formError) error {
	dp, err := s.newDeskPage(r, u, "webhooks")
	if err != nil {
		return err
	}
	dp.Title = dp.T.Webhooks.Title
	hooks, err := s.store.Webhooks(r.Context())
	if err != nil {
		return err
	}
	p := &webhooksPage{deskPage: dp, Events: news.WebhookEvents, Form: ferr, URL: url, Chosen: map[string]bool{}}
	for _, e := range chosen {
		p.Chosen[e] = true
	}
	for _, h := range hooks {
		log, err := s.store.WebhookDeliveries(r.Context(), h.ID, webhookLogSize)
		if err != nil {
			return err
		}
		p.Hooks = append(p.Hooks, webhookRow{Webhook: h, Log: log})
	}
	return s.renderDesk(w, r, status, "webhooks", p)
}

// deskWebhookCreate registers a webhook with a new random secret, which
// the flash shows once: the receiver needs it to check signatures.
func (s *Desk) deskWebhookCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageWebhooks, nil); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return news.Errorf(news.ErrInvalid, "unreadable form")
	}
	hook := news.Webhook{
		URL:       strings.TrimSpace(r.PostFormValue("url")),
		Events:    r.PostForm["event"],
		Secret:    "whsec_" + rand.Text(),
		Active:    true,
		CreatedBy: u.ID,
	}
	hook, err := s.store.CreateWebhook(r.Context(), hook)
	if err != nil {
		ferr, ok := asFormError(err, s.deskWords(r, u))
		if !ok {
			return err
		}
		return s.renderWebhooks(w, r, u, respond.Status(err), r.PostFormValue("url"), r.PostForm["event"], ferr)
	}
	s.sessions.Flash(r, s.deskWords(r, u).Webhooks.Added+" "+hook.Secret)
	return deskRedirect(w, r, "/desk/webhooks")
}

// deskWebhookActive pauses or resumes a webhook.
func (s *Desk) deskWebhookActive(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageWebhooks, nil); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	active := r.PostFormValue("active") == "true"
	if err := s.store.SetWebhookActive(r.Context(), id, active); err != nil {
		return err
	}
	if t := s.deskWords(r, u).Webhooks; active {
		s.sessions.Flash(r, t.Resumed)
	} else {
		s.sessions.Flash(r, t.PausedNow)
	}
	return deskRedirect(w, r, "/desk/webhooks")
}

// deskWebhookDelete removes a webhook and its log.
func (s *Desk) deskWebhookDelete(w http.ResponseWriter, r *http.Request, u news.User) error {
	if err := news.Authorize(u, news.ActManageWebhooks, nil); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := s.store.DeleteWebhook(r.Context(), id); err != nil {
		return err
	}
	s.sessions.Flash(r, s.deskWords(r, u).Webhooks.Deleted)
	return deskRedirect(w, r, "/desk/webhooks")
}
