package desk

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store/storetest"
	"newsdesk/internal/web/session"
)

// The roles of the desk test: every staff role, a signed-in reader, and
// nobody signed in ("").
var everyone = []news.Role{news.RoleAdmin, news.RoleEditor, news.RoleAuthor, news.RoleContributor, news.RoleReader, ""}

// Who may take an action, by staff role.
var (
	allStaff     = []news.Role{news.RoleAdmin, news.RoleEditor, news.RoleAuthor, news.RoleContributor}
	publishers   = []news.Role{news.RoleAdmin, news.RoleEditor, news.RoleAuthor}
	editors      = []news.Role{news.RoleAdmin, news.RoleEditor}
	adminsOnly   = []news.Role{news.RoleAdmin}
	readersOfAll = publishers // everyone but contributors opens others' stories
)

// roleCase is one desk action. prepare makes what the action works on,
// fresh for each role, and returns the request; actor is the member of
// staff making it (a reader, or zero when nobody is signed in).
type roleCase struct {
	name    string
	method  string
	allowed []news.Role
	// write says an allowed request changes the database; a refused one
	// never may.
	write   bool
	prepare func(t *testing.T, rf *roleFixture, actor news.User) (path string, form url.Values)
	// file, when set, makes the action a multipart upload of the file it
	// returns beside the form's fields.
	file func(rf *roleFixture) []byte
}

// roleFixture is a desk fixture with a database snapshot and a supply of
// fresh stories, sections, tags and users.
type roleFixture struct {
	*deskFixture
	other news.User // owns the stories that are not the actor's
	raw   *sql.DB   // for snapshots, beside the store
	seq   atomic.Int64
}

func (rf *roleFixture) next() int64 { return rf.seq.Add(1) }

// story stores a new story owned by owner in the given status.
func (rf *roleFixture) story(t *testing.T, owner int64, status news.Status) news.Story {
	t.Helper()
	ctx := context.Background()
	n := rf.next()
	st := news.Story{
		Edition: "en", Section: rf.world, Headline: fmt.Sprintf("Role test story %d", n), Slug: fmt.Sprintf("role-test-story-%d", n),
		Lead: "A lead.", Body: "<p>A body.</p>", Status: status, OwnerID: owner, EditedBy: owner,
	}
	if status == news.StatusPublished {
		st.PublishedAt = time.Now().Add(-time.Hour)
	}
	if err := rf.store.CreateStory(ctx, &st); err != nil {
		t.Fatal(err)
	}
	return rf.story1(t, st.ID)
}

func (rf *roleFixture) story1(t *testing.T, id int64) news.Story {
	t.Helper()
	st, err := rf.store.Story(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// editorValues is the editor's form for st with the given button pressed.
func (rf *roleFixture) editorValues(st news.Story, action string) url.Values {
	v := rf.storyValues(st.Headline + " edited")
	v.Set("version", strconv.Itoa(st.Version))
	v.Set("slug", st.Slug)
	v.Set("section", strconv.FormatInt(st.Section.ID, 10))
	v.Set("action", action)
	if action == "schedule" {
		v.Set("published_at", time.Now().Add(72*time.Hour).Format("2006-01-02T15:04"))
	}
	return v
}

// snapshot is every row of every table but the sessions (which each
// request may touch), in a stable order.
func (rf *roleFixture) snapshot(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	q := `SELECT name FROM sqlite_master WHERE type = 'table'`
	if rf.store.Dialect() == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	tables, err := sqlStrings(ctx, rf.raw, q)
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(tables)
	var b strings.Builder
	for _, table := range tables {
		if table == "sessions" || strings.HasPrefix(table, "sqlite_") {
			continue
		}
		rows, err := sqlRows(ctx, rf.raw, `SELECT * FROM `+table)
		if err != nil {
			t.Fatalf("snapshot %s: %v", table, err)
		}
		sort.Strings(rows)
		fmt.Fprintf(&b, "== %s\n%s\n", table, strings.Join(rows, "\n"))
	}
	return b.String()
}

func sqlStrings(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// sqlRows returns each row of q as text.
func sqlRows(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		var b strings.Builder
		for i, v := range vals {
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%s=%v|", cols[i], v)
		}
		out = append(out, b.String())
	}
	return out, rows.Err()
}

// actor makes a fresh user of the role for one case, so that what the
// case does to its own account (a new password, signing out everywhere)
// stays with it, and returns them with a client signed in as them.
func (rf *roleFixture) actor(t *testing.T, role news.Role) (news.User, *client) {
	t.Helper()
	c := rf.client(t)
	if role == "" {
		return news.User{}, c
	}
	u := rf.addUser(t, fmt.Sprintf("%s%d@example.com", role, rf.next()), role, rf.users[news.RoleAdmin].PasswordHash)
	// A session made as the sign-in form makes it, without hashing a
	// password for each of several hundred requests (sign-in has tests of
	// its own). Readers cannot sign in at the desk at all; their session
	// is the one the readers' own sign-in gives.
	ctx, err := rf.srv.sessions.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	rf.srv.sessions.Put(ctx, session.KeyUser, u.ID)
	rf.srv.sessions.Put(ctx, session.KeyEpoch, u.SessionEpoch)
	token, expiry, err := rf.srv.sessions.Commit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.cookie = &http.Cookie{Name: "newsdesk_session", Value: token, Expires: expiry}
	return u, c
}

// storyCase is an editor action on a story of the given owner ("own" or
// another's) and status.
func storyCase(name string, allowed []news.Role, own bool, status news.Status, action string) roleCase {
	return roleCase{name: name, method: http.MethodPost, allowed: allowed, write: true,
		prepare: func(t *testing.T, rf *roleFixture, actor news.User) (string, url.Values) {
			owner := rf.other.ID
			if own && actor.ID != 0 {
				owner = actor.ID
			}
			st := rf.story(t, owner, status)
			if status == news.StatusTrashed {
				st = rf.story1(t, st.ID)
			}
			return fmt.Sprintf("/desk/stories/%d", st.ID), rf.editorValues(st, action)
		}}
}

// storyPath is an action on a fresh story at path (with %d for its id).
func storyPath(name, method, path string, allowed []news.Role, write, own bool, status news.Status, form func(rf *roleFixture, st news.Story) url.Values) roleCase {
	return roleCase{name: name, method: method, allowed: allowed, write: write,
		prepare: func(t *testing.T, rf *roleFixture, actor news.User) (string, url.Values) {
			owner := rf.other.ID
			if own && actor.ID != 0 {
				owner = actor.ID
			}
			st := rf.story(t, owner, status)
			var v url.Values
			if form != nil {
				v = form(rf, st)
			}
			return fmt.Sprintf(path, st.ID), v
		}}
}

// translateForm is the translations page's form for action, starting in
// or linking to the Russian edition.
func translateForm(action string) func(rf *roleFixture, st news.Story) url.Values {
	return func(rf *roleFixture, st news.Story) url.Values {
		return url.Values{"action": {action}, "edition": {"ru"}}
	}
}

// translationCase links a published English story and a published Russian
// one of the same owner, or unlinks the first when they were linked before.
func translationCase(name string, allowed []news.Role, own, unlink bool) roleCase {
	return roleCase{name: name, method: http.MethodPost, allowed: allowed, write: true,
		prepare: func(t *testing.T, rf *roleFixture, actor news.User) (string, url.Values) {
			owner := rf.other.ID
			if own && actor.ID != 0 {
				owner = actor.ID
			}
			en := rf.story(t, owner, news.StatusPublished)
			n := rf.next()
			ru := news.Story{Edition: "ru", Section: rf.russian.Section, Headline: fmt.Sprintf("Перевод %d", n), Slug: fmt.Sprintf("perevod-%d", n),
				Lead: "Лид.", Body: "<p>Текст.</p>", Status: news.StatusPublished, PublishedAt: time.Now().Add(-time.Hour), OwnerID: owner, EditedBy: owner}
			if err := rf.store.CreateStory(context.Background(), &ru); err != nil {
				t.Fatal(err)
			}
			path := fmt.Sprintf("/desk/stories/%d/translations", en.ID)
			if !unlink {
				return path, url.Values{"action": {"link"}, "other": {strconv.FormatInt(ru.ID, 10)}}
			}
			if err := rf.store.LinkTranslations(context.Background(), en.ID, ru.ID); err != nil {
				t.Fatal(err)
			}
			return path, url.Values{"action": {"unlink"}}
		}}
}

// fixed is an action at a fixed path with a fixed form.
func fixed(name, method, path string, allowed []news.Role, write bool, form url.Values) roleCase {
	return roleCase{name: name, method: method, allowed: allowed, write: write,
		prepare: func(*testing.T, *roleFixture, news.User) (string, url.Values) { return path, form }}
}

// roleCases is every desk action, with who may take it.
func roleCases() []roleCase {
	const own, others = true, false
	draft, published, trashed := news.StatusDraft, news.StatusPublished, news.StatusTrashed
	uniq := func(rf *roleFixture, prefix string) string { return fmt.Sprintf("%s %d", prefix, rf.next()) }
	cases := []roleCase{
		// Reading.
		fixed("story list", "GET", "/desk/stories", allStaff, false, nil),
		fixed("new story form", "GET", "/desk/stories/new", allStaff, false, nil),
		storyPath("open own draft", "GET", "/desk/stories/%d", allStaff, false, own, draft, nil),
		storyPath("open another's draft", "GET", "/desk/stories/%d", readersOfAll, false, others, draft, nil),
		storyPath("private preview of another's draft", "GET", "/desk/stories/%d/preview", readersOfAll, false, others, draft, nil),
		storyPath("revisions of another's draft", "GET", "/desk/stories/%d/revisions", readersOfAll, false, others, draft, nil),
		storyPath("revision diff of another's draft", "GET", "/desk/stories/%d/revisions/diff", readersOfAll, false, others, draft, nil),
		storyPath("notes of another's story", "GET", "/desk/stories/%d/notes", readersOfAll, false, others, published, nil),
		storyPath("translations of another's story", "GET", "/desk/stories/%d/translations", readersOfAll, false, others, published, nil),
		fixed("tag suggestions", "GET", "/desk/tags/suggest?edition=en&q=harb", allStaff, false, nil),
		fixed("live preview", "POST", "/desk/stories/preview", allStaff, false, url.Values{"headline": {"Preview"}, "body": {"<p>x</p>"}, "edition": {"en"}}),
		fixed("home page order", "GET", "/desk/home?edition=en", editors, false, nil),
		fixed("sections", "GET", "/desk/sections?edition=en", editors, false, nil),
		fixed("tags", "GET", "/desk/tags?edition=en", editors, false, nil),
		fixed("staff", "GET", "/desk/staff", adminsOnly, false, nil),
		fixed("own account", "GET", "/desk/account", allStaff, false, nil),

		// Writing stories.
		{name: "create a draft", method: "POST", allowed: allStaff, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/stories/new", with(rf.storyValues(uniq(rf, "New draft")), "action", "save")
		}},
		{name: "create and submit", method: "POST", allowed: allStaff, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/stories/new", with(rf.storyValues(uniq(rf, "New submission")), "action", "submit")
		}},
		{name: "create and publish", method: "POST", allowed: publishers, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/stories/new", with(rf.storyValues(uniq(rf, "New and published")), "action", "publish")
		}},
		storyCase("save own draft", allStaff, own, draft, "save"),
		storyCase("save another's draft", editors, others, draft, "save"),
		storyCase("submit own draft", allStaff, own, draft, "submit"),
		storyCase("submit another's draft", editors, others, draft, "submit"),
		storyCase("publish own draft", publishers, own, draft, "publish"),
		storyCase("publish another's draft", editors, others, draft, "publish"),
		storyCase("schedule own draft", publishers, own, draft, "schedule"),
		storyCase("schedule another's draft", editors, others, draft, "schedule"),
		storyCase("update own published story", publishers, own, published, "update"),
		storyCase("update another's published story", editors, others, published, "update"),
		storyCase("unpublish own story", editors, own, published, "unpublish"),
		storyCase("unpublish another's story", editors, others, published, "unpublish"),
		storyCase("trash own draft", allStaff, own, draft, "trash"),
		storyCase("trash another's draft", editors, others, draft, "trash"),
		storyCase("trash own published story", editors, own, published, "trash"),
		storyCase("restore own story from the trash", allStaff, own, trashed, "restore"),
		storyCase("restore another's story from the trash", editors, others, trashed, "restore"),
		storyCase("delete own story for ever", adminsOnly, own, trashed, "delete"),
		storyCase("delete another's story for ever", adminsOnly, others, trashed, "delete"),
		{name: "restore a revision of own draft", method: "POST", allowed: allStaff, write: true, prepare: revisionRestore(own)},
		{name: "restore a revision of another's draft", method: "POST", allowed: editors, write: true, prepare: revisionRestore(others)},
		storyPath("add a note to another's story", "POST", "/desk/stories/%d/notes", editors, true, others, published,
			func(*roleFixture, news.Story) url.Values {
				return url.Values{"kind": {"correction"}, "text": {"An earlier version misspelt the harbour master's name."}}
			}),
		storyPath("add a note to own story", "POST", "/desk/stories/%d/notes", editors, true, own, published,
			func(*roleFixture, news.Story) url.Values {
				return url.Values{"kind": {"update"}, "text": {"Talks resumed."}}
			}),
		storyPath("presence in own draft", "POST", "/desk/stories/%d/presence", allStaff, true, own, draft, nil),
		storyPath("presence in another's draft", "POST", "/desk/stories/%d/presence", readersOfAll, true, others, draft, nil),
		storyPath("take over another's draft", "POST", "/desk/stories/%d/presence/takeover", editors, true, others, draft, nil),
		storyPath("leave a story", "POST", "/desk/stories/%d/presence/leave", allStaff, false, own, draft, nil),

		// Curating.
		{name: "order the home page", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			st := rf.story(t, rf.other.ID, published)
			return "/desk/home", url.Values{"edition": {"en"}, "action": {"add-top"}, "add": {strconv.FormatInt(st.ID, 10)}}
		}},
		{name: "create a section", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/sections", url.Values{"edition": {"en"}, "name": {uniq(rf, "Section")}}
		}},
		{name: "rename a section", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			sec := rf.section(t)
			return fmt.Sprintf("/desk/sections/%d", sec.ID), url.Values{"name": {sec.Name + " renamed"}, "slug": {sec.Slug + "-renamed"}}
		}},
		{name: "delete a section", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return fmt.Sprintf("/desk/sections/%d/delete", rf.section(t).ID), nil
		}},
		{name: "create a tag", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/tags", url.Values{"edition": {"en"}, "name": {uniq(rf, "Tag")}}
		}},
		{name: "rename a tag", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			tag := rf.tag(t)
			return fmt.Sprintf("/desk/tags/%d", tag.ID), url.Values{"name": {tag.Name + " renamed"}, "slug": {tag.Slug + "-renamed"}}
		}},
		{name: "merge tags", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			from, into := rf.tag(t), rf.tag(t)
			return fmt.Sprintf("/desk/tags/%d/merge", from.ID), url.Values{"into": {into.Name}}
		}},
		{name: "delete a tag", method: "POST", allowed: editors, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return fmt.Sprintf("/desk/tags/%d/delete", rf.tag(t).ID), nil
		}},

		// Translations.
		storyPath("start a translation of own draft", "POST", "/desk/stories/%d/translations", allStaff, true, own, draft, translateForm("start")),
		storyPath("start a translation of another's story", "POST", "/desk/stories/%d/translations", readersOfAll, true, others, published, translateForm("start")),
		translationCase("link own stories as translations", publishers, own, false),
		translationCase("link others' stories as translations", editors, others, false),
		translationCase("unlink own story from its translation", publishers, own, true),
		translationCase("unlink another's story from its translation", editors, others, true),

		// Staff and accounts.
		{name: "invite", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/staff", url.Values{"email": {fmt.Sprintf("invited%d@example.com", rf.next())}, "role": {"admin"}}
		}},
		{name: "change a role", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return fmt.Sprintf("/desk/staff/%d/role", rf.person(t).ID), url.Values{"role": {"admin"}}
		}},
		{name: "disable an account", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return fmt.Sprintf("/desk/staff/%d/disable", rf.person(t).ID), nil
		}},
		{name: "make a sign-in link", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return fmt.Sprintf("/desk/staff/%d/link", rf.person(t).ID), nil
		}},
		fixed("editions", "GET", "/desk/editions", adminsOnly, false, nil),
		{name: "create an edition", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/editions", url.Values{"code": {fmt.Sprintf("de-n%d", rf.next())}, "name": {"Deutsch"}, "language": {"de"},
				"time_zone": {"Europe/Berlin"}, "date_format": {"02.01.2006 15:04"}}
		}},
		{name: "change an edition", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/editions/ru", url.Values{"name": {uniq(rf, "Русская редакция")}, "language": {"ru"},
				"time_zone": {"Europe/Moscow"}, "date_format": {"02.01.2006 15:04"}}
		}},
		fixed("site settings", "GET", "/desk/settings", adminsOnly, false, nil),
		{name: "change the site settings", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return "/desk/settings", url.Values{"site_name": {uniq(rf, "Harbour Times")}, "channel_telegram": {"https://t.me/harbour"}}
		}},
		fixed("own API tokens", "GET", "/desk/account/tokens", allStaff, false, nil),
		fixed("make an API token", "POST", "/desk/account/tokens", allStaff, true, url.Values{"name": {"Script"}}),
		{name: "revoke own API token", method: "POST", allowed: allStaff, write: true, prepare: func(t *testing.T, rf *roleFixture, actor news.User) (string, url.Values) {
			owner := actor.ID
			if owner == 0 {
				owner = rf.other.ID
			}
			_, k, err := rf.store.CreateUserToken(context.Background(), owner, fmt.Sprintf("Token %d", rf.next()))
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf("/desk/account/tokens/%d/revoke", k.ID), nil
		}},
		fixed("API keys", "GET", "/desk/api-keys", adminsOnly, false, nil),
		fixed("make an API key", "POST", "/desk/api-keys", adminsOnly, true, url.Values{"name": {"Partner app"}}),
		{name: "revoke an API key", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			_, k, err := rf.store.CreateAPIKey(context.Background(), fmt.Sprintf("Key %d", rf.next()), 0)
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf("/desk/api-keys/%d/revoke", k.ID), nil
		}},
		fixed("webhooks", "GET", "/desk/webhooks", adminsOnly, false, nil),
		fixed("add a webhook", "POST", "/desk/webhooks", adminsOnly, true, url.Values{"url": {"https://hooks.example/in"}, "event": {"story.published"}}),
		{name: "pause a webhook", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return fmt.Sprintf("/desk/webhooks/%d/active", rf.webhook(t).ID), url.Values{"active": {"false"}}
		}},
		{name: "delete a webhook", method: "POST", allowed: adminsOnly, write: true, prepare: func(t *testing.T, rf *roleFixture, _ news.User) (string, url.Values) {
			return fmt.Sprintf("/desk/webhooks/%d/delete", rf.webhook(t).ID), nil
		}},
		fixed("rename oneself", "POST", "/desk/account", allStaff, true, url.Values{"name": {"A New Name"}}),
		fixed("change own password", "POST", "/desk/account/password", allStaff, true,
			url.Values{"current": {deskPassword}, "password": {"another long password"}, "confirm": {"another long password"}}),
		fixed("sign out everywhere", "POST", "/desk/signout/everywhere", allStaff, true, nil),

		// The media library.
		fixed("media library", "GET", "/desk/media", allStaff, false, nil),
		{name: "upload media", method: "POST", allowed: allStaff, write: true,
			prepare: func(*testing.T, *roleFixture, news.User) (string, url.Values) { return "/desk/media", nil },
			file:    func(rf *roleFixture) []byte { return pngFile(int(rf.next())) }},
		mediaCase("edit own media", "/desk/media/%d", allStaff, own, url.Values{"caption": {"A new caption"}, "alt": {"Boats"}}),
		mediaCase("edit another's media", "/desk/media/%d", editors, others, url.Values{"caption": {"A new caption"}, "alt": {"Boats"}}),
		mediaCase("delete own media", "/desk/media/%d/delete", allStaff, own, nil),
		mediaCase("delete another's media", "/desk/media/%d/delete", editors, others, nil),
	}
	return append(cases, podcastRoleCases()...)
}

// mediaCase is an action on a fresh library item at path (with %d for its
// id), uploaded by the actor (own) or by another.
func mediaCase(name, path string, allowed []news.Role, own bool, form url.Values) roleCase {
	return roleCase{name: name, method: http.MethodPost, allowed: allowed, write: true,
		prepare: func(t *testing.T, rf *roleFixture, actor news.User) (string, url.Values) {
			by := rf.other.ID
			if own && actor.ID != 0 {
				by = actor.ID
			}
			n := rf.next()
			hash := fmt.Sprintf("%064d", n)
			m, _, err := rf.store.CreateMedia(context.Background(), news.Media{Hash: hash, Key: fmt.Sprintf("r%031d.png", n),
				Kind: news.MediaImage, MIME: "image/png", Name: fmt.Sprintf("role-%d.png", n), Size: 10, CreatedBy: by})
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf(path, m.ID), form
		}}
}

// revisionRestore is the restore of the first revision of a draft saved
// twice.
func revisionRestore(own bool) func(t *testing.T, rf *roleFixture, actor news.User) (string, url.Values) {
	return func(t *testing.T, rf *roleFixture, actor news.User) (string, url.Values) {
		owner := rf.other.ID
		if own && actor.ID != 0 {
			owner = actor.ID
		}
		st := rf.story(t, owner, news.StatusDraft)
		st.Headline += " (second version)"
		st.EditedBy = owner
		if err := rf.store.UpdateStory(context.Background(), &st); err != nil {
			t.Fatal(err)
		}
		revs, err := rf.store.StoryRevisions(context.Background(), st.ID)
		if err != nil || len(revs) < 2 {
			t.Fatalf("revisions = %d, %v; want 2", len(revs), err)
		}
		st = rf.story1(t, st.ID)
		return fmt.Sprintf("/desk/stories/%d/revisions/%d/restore", st.ID, revs[0].ID), url.Values{"version": {strconv.Itoa(st.Version)}}
	}
}

func (rf *roleFixture) section(t *testing.T) news.Section {
	t.Helper()
	n := rf.next()
	sec := news.Section{Edition: "en", Name: fmt.Sprintf("Role section %d", n), Slug: fmt.Sprintf("role-section-%d", n), Position: int(n) + 100}
	if err := rf.store.CreateSection(context.Background(), &sec); err != nil {
		t.Fatal(err)
	}
	return sec
}

func (rf *roleFixture) webhook(t *testing.T) news.Webhook {
	t.Helper()
	hook, err := rf.store.CreateWebhook(context.Background(), news.Webhook{
		URL: fmt.Sprintf("https://hooks.example/%d", rf.next()), Events: news.WebhookEvents, Secret: "0123456789abcdef", Active: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return hook
}

func (rf *roleFixture) tag(t *testing.T) news.Tag {
	t.Helper()
	n := rf.next()
	tag := news.Tag{Edition: "en", Name: fmt.Sprintf("Role tag %d", n), Slug: fmt.Sprintf("role-tag-%d", n)}
	if err := rf.store.CreateTag(context.Background(), &tag); err != nil {
		t.Fatal(err)
	}
	return tag
}

// person is a fresh member of staff for the staff actions to act on.
func (rf *roleFixture) person(t *testing.T) news.User {
	t.Helper()
	return rf.addUser(t, fmt.Sprintf("person%d@example.com", rf.next()), news.RoleAuthor, "")
}

// TestDeskRoles takes every desk action as every role, through HTTP: the
// allowed succeed (and change what they should), the refused get 403 (or
// the sign-in page or 401 when nobody is signed in) and change nothing in
// the database.
func TestDeskRoles(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		// A newsroom of its own for each action, so the actions run side
		// by side.
		testDeskRoles(t, true, func(t *testing.T) *roleFixture { return newRoleFixture(t, newDeskFixture(t)) })
	})
	t.Run("postgres", func(t *testing.T) {
		// One newsroom for every action, in turn: a schema for each would
		// spend most of the test migrating.
		rf := newRoleFixture(t, newDeskFixtureOn(t, newFixtureOn(t, 3, storetest.Postgres(t))))
		testDeskRoles(t, false, func(*testing.T) *roleFixture { return rf })
	})
}

// testDeskRoles runs every case as every role on the newsroom that
// newsroom gives it, then checks that every staff-only route of routes.go
// was among them, so that a new desk action cannot be left out.
func testDeskRoles(t *testing.T, parallel bool, newsroom func(t *testing.T) *roleFixture) {
	routes := staffRoutes(t)
	var mu sync.Mutex
	taken := map[string]bool{}
	t.Cleanup(func() {
		for _, rt := range routes {
			if !taken[rt.name] {
				t.Errorf("desk route %q has no case in roleCases", rt.name)
			}
		}
	})
	for _, rc := range roleCases() {
		t.Run(rc.name, func(t *testing.T) {
			if parallel {
				t.Parallel()
			}
			rf := newsroom(t)
			for _, role := range everyone {
				path := rf.check(t, rc, role)
				mu.Lock()
				for _, rt := range routes {
					if rt.method == rc.method && rt.re.MatchString(strings.SplitN(path, "?", 2)[0]) {
						taken[rt.name] = true
					}
				}
				mu.Unlock()
			}
		})
	}
}

// staffRoute is a route of routes.go served through s.staff.
type staffRoute struct {
	name, method string
	re           *regexp.Regexp
}

// staffRoutes reads the desk's staff-only routes from routes.go.
func staffRoutes(t *testing.T) []staffRoute {
	t.Helper()
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []staffRoute
	for _, m := range regexp.MustCompile(`mux\.Handle\("(GET|POST) (/desk/[^"]*)", s\.staff\(`).FindAllStringSubmatch(string(src), -1) {
		var b strings.Builder
		b.WriteString("^")
		for _, seg := range strings.Split(strings.TrimPrefix(m[2], "/"), "/") {
			switch {
			case seg == "{$}":
				b.WriteString("/")
			case strings.HasSuffix(seg, "...}"):
				b.WriteString("/.*")
			case strings.HasPrefix(seg, "{"):
				b.WriteString("/[^/]+")
			default:
				b.WriteString("/" + regexp.QuoteMeta(seg))
			}
		}
		b.WriteString("$")
		out = append(out, staffRoute{name: m[1] + " " + m[2], method: m[1], re: regexp.MustCompile(b.String())})
	}
	if len(out) < 10 {
		t.Fatalf("found %d staff routes in routes.go; has its form changed?", len(out))
	}
	return out
}

func newRoleFixture(t *testing.T, df *deskFixture) *roleFixture {
	t.Helper()
	driver, dsn := "sqlite", "file:"+df.dbPath+"?mode=ro"
	if df.store.Dialect() == "postgres" {
		driver, dsn = "pgx", df.dbPath
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	rf := &roleFixture{deskFixture: df, raw: raw}
	rf.other = rf.addUser(t, "owner@example.com", news.RoleEditor, "")
	return rf
}

// check takes the action as role, checks the outcome and returns the path
// it requested.
func (rf *roleFixture) check(t *testing.T, rc roleCase, role news.Role) string {
	t.Helper()
	who := string(role)
	if role == "" {
		who = "signed out"
	}
	actor, c := rf.actor(t, role)
	path, form := rc.prepare(t, rf, actor)
	allowed := slices.Contains(rc.allowed, role)
	var before string
	if !allowed || rc.write {
		before = rf.snapshot(t)
	}
	var res response
	switch {
	case rc.method == http.MethodGet:
		res = c.get(path)
	case rc.file != nil:
		res = c.upload(path, form, "upload.png", rc.file(rf))
	default:
		res = c.post(path, form)
	}
	if allowed {
		if res.status >= 400 || strings.HasPrefix(res.header.Get("Location"), "/desk/signin?next=") {
			t.Errorf("%s: %s %s = %d (Location %q), want it done\n%.400s", who, rc.method, path, res.status, res.header.Get("Location"), visibleText(res.body))
		}
		if rc.write && before == rf.snapshot(t) {
			t.Errorf("%s: %s %s = %d but changed nothing", who, rc.method, path, res.status)
		}
		return path
	}
	want := http.StatusForbidden
	if role == "" {
		want = http.StatusUnauthorized
		if rc.method == http.MethodGet {
			want = http.StatusSeeOther
		}
	}
	if res.status != want {
		t.Errorf("%s: %s %s = %d, want %d\n%.400s", who, rc.method, path, res.status, want, visibleText(res.body))
	}
	if want == http.StatusSeeOther && !strings.HasPrefix(res.header.Get("Location"), "/desk/signin?next=") {
		t.Errorf("%s: %s %s led to %q, want the sign-in page", who, rc.method, path, res.header.Get("Location"))
	}
	if after := rf.snapshot(t); before != after {
		t.Errorf("%s: refused %s %s changed the database:\n%s", who, rc.method, path, firstDifference(before, after))
	}
	return path
}

// firstDifference shows the first lines where two snapshots differ.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < min(len(al), len(bl)); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("before: %.300s\nafter:  %.300s", al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines before, %d after", len(al), len(bl))
}
