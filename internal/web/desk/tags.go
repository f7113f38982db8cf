package desk

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"newsdesk/internal/news"
	"newsdesk/internal/web/storyedit"
)

// tagsShown is how many tags the tag page lists; a search narrows them.
const tagsShown = 200

// deskTagsPage is the data of templates/tags.html: an edition's tags
// with forms to create, rename, merge and delete them.
type deskTagsPage struct {
	deskPage
	Edition news.Edition
	Query   string
	Tags    []news.TagCount
	More    bool // more tags match than are listed
	Create  manageForm
	Edit    manageForm
	Error   string
	SiteURL string
}

// tagsText is what the tags page says.
type tagsText struct {
	Title, New, Create, Find, FindPlaceholder, All, Intro, OnlyFirst, Merge string // OnlyFirst: %d, how many
	MergeInto, MergeConfirm, IntoOf, DeleteConfirm, NoMatch, None           string // MergeConfirm, IntoOf, DeleteConfirm: %s, the name; NoMatch: %s, the search
	Created, Saved, Moved, Merged, Deleted                                  string // Merged: the tag, then the other twice
}

// deskTags serves GET /desk/tags?edition=&q=.
func (s *Desk) deskTags(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.newTagsPage(r, u, r.URL.Query().Get("edition"))
	if err != nil {
		return err
	}
	p.Query = strings.TrimSpace(r.URL.Query().Get("q"))
	return s.renderTags(w, r, p, http.StatusOK)
}

// deskTagCreate serves POST /desk/tags.
func (s *Desk) deskTagCreate(w http.ResponseWriter, r *http.Request, u news.User) error {
	p, err := s.newTagsPage(r, u, r.PostFormValue("edition"))
	if err != nil {
		return err
	}
	form := readManageForm(r, 0)
	tag := news.Tag{Edition: p.Edition.Code, Name: form.Name, Slug: form.Slug}
	if err := s.store.CreateTag(r.Context(), &tag); err != nil {
		p.Create = form
		return s.refuseManage(w, r, p.T, err, &p.Create.Errors, &p.Error, func(status int) error { return s.renderTags(w, r, p, status) })
	}
	s.sessions.Flash(r, fmt.Sprintf(p.T.Tags.Created, tag.Name))
	return deskRedirect(w, r, tagsURL(p.Edition.Code, ""))
}

// deskTagUpdate serves POST /desk/tags/{id}: rename. A new slug leaves the
// old one redirecting to it.
func (s *Desk) deskTagUpdate(w http.ResponseWriter, r *http.Request, u news.User) error {
	tag, p, err := s.tagAndPage(r, u)
	if err != nil {
		return err
	}
	form := readManageForm(r, tag.ID)
	old := tag
	tag.Name, tag.Slug = form.Name, form.Slug
	if err := s.store.UpdateTag(r.Context(), &tag); err != nil {
		p.Edit = form
		return s.refuseManage(w, r, p.T, err, &p.Edit.Errors, &p.Error, func(status int) error { return s.renderTags(w, r, p, status) })
	}
	msg := fmt.Sprintf(p.T.Tags.Saved, tag.Name)
	if tag.Slug != old.Slug {
		msg += " " + fmt.Sprintf(p.T.Tags.Moved, p.Edition.PathPrefix()+"/tags/"+old.Slug, p.Edition.PathPrefix()+"/tags/"+tag.Slug)
	}
	s.sessions.Flash(r, msg)
	return deskRedirect(w, r, tagsURL(p.Edition.Code, r.PostFormValue("q")))
}

// deskTagMerge serves POST /desk/tags/{id}/merge: the tag's stories move
// to the tag named in the form's "into" field, and the tag goes, its
// address redirecting to the other's.
func (s *Desk) deskTagMerge(w http.ResponseWriter, r *http.Request, u news.User) error {
	tag, p, err := s.tagAndPage(r, u)
	if err != nil {
		return err
	}
	form := readManageForm(r, tag.ID)
	form.Name, form.Slug = tag.Name, tag.Slug
	into, err := s.mergeTarget(r, tag, form.Into)
	if err == nil {
		err = s.store.MergeTags(r.Context(), tag.ID, into.ID)
	}
	if err != nil {
		p.Edit = form
		return s.refuseManage(w, r, p.T, err, &p.Edit.Errors, &p.Error, func(status int) error { return s.renderTags(w, r, p, status) })
	}
	s.sessions.Flash(r, fmt.Sprintf(p.T.Tags.Merged, tag.Name, into.Name))
	return deskRedirect(w, r, tagsURL(p.Edition.Code, r.PostFormValue("q")))
}

// mergeTarget finds the tag a merge goes into by what was typed: its name
// or its slug.
func (s *Desk) mergeTarget(r *http.Request, from news.Tag, typed string) (news.Tag, error) {
	if typed == "" {
		return news.Tag{}, storyedit.FieldError("into", "name the tag to merge into")
	}
	into, err := s.store.TagBySlug(r.Context(), from.Edition, news.Slugify(typed))
	if errors.Is(err, news.ErrNotFound) {
		return news.Tag{}, storyedit.FieldError("into", fmt.Sprintf("edition %s has no tag %q", from.Edition, typed))
	}
	return into, err
}

// deskTagDelete serves POST /desk/tags/{id}/delete: only a tag no story
// carries goes.
func (s *Desk) deskTagDelete(w http.ResponseWriter, r *http.Request, u news.User) error {
	tag, p, err := s.tagAndPage(r, u)
	if err != nil {
		return err
	}
	if err := s.store.DeleteTag(r.Context(), tag.ID); err != nil {
		p.Edit.ID = tag.ID
		return s.refuseManage(w, r, p.T, err, &p.Edit.Errors, &p.Error, func(status int) error { return s.renderTags(w, r, p, status) })
	}
	s.sessions.Flash(r, fmt.Sprintf(p.T.Tags.Deleted, tag.Name))
	return deskRedirect(w, r, tagsURL(p.Edition.Code, r.PostFormValue("q")))
}

func (s *Desk) tagAndPage(r *http.Request, u news.User) (news.Tag, *deskTagsPage, error) {
	if err := news.Authorize(u, news.ActManageSections, nil); err != nil {
		return news.Tag{}, nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return news.Tag{}, nil, errNotFound
	}
	tag, err := s.store.Tag(r.Context(), id)
	if err != nil {
		return news.Tag{}, nil, err
	}
	p, err := s.newTagsPage(r, u, tag.Edition)
	if p != nil {
		p.Query = strings.TrimSpace(r.PostFormValue("q"))
	}
	return tag, p, err
}

func (s *Desk) newTagsPage(r *http.Request, u news.User, code string) (*deskTagsPage, error) {
	if err := news.Authorize(u, news.ActManageSections, nil); err != nil {
		return nil, err
	}
	dp, err := s.newDeskPage(r, u, "tags")
	if err != nil {
		return nil, err
	}
	dp.Title = dp.T.Tags.Title
	ed, ok := news.FindEdition(dp.Editions, code)
	if !ok {
		return nil, news.Errorf(news.ErrNotFound, "there is no edition %q", code)
	}
	return &deskTagsPage{deskPage: dp, Edition: ed, SiteURL: ed.PathPrefix()}, nil
}

func (s *Desk) renderTags(w http.ResponseWriter, r *http.Request, p *deskTagsPage, status int) error {
	tags, err := s.store.TagCounts(r.Context(), p.Edition.Code, p.Query, tagsShown+1)
	if err != nil {
		return err
	}
	if p.More = len(tags) > tagsShown; p.More {
		tags = tags[:tagsShown]
	}
	p.Tags = tags
	return s.renderDesk(w, r, status, "tags", p)
}

func tagsURL(edition, q string) string {
	v := url.Values{"edition": {edition}}
	if q = strings.TrimSpace(q); q != "" {
		v.Set("q", q)
	}
	return "/desk/tags?" + v.Encode()
}
