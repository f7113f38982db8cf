package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"newsdesk/internal/news"
)

// storyColumns reads a story and its section; scanStory takes them in this
// order.
const storyColumns = `s.id, s.edition, s.slug, s.headline, s.lead, s.body, s.status,
	s.published_at, s.updated_at, s.created_at, s.labels, s.translation_group,
	s.seo_title, s.social_title, s.description, s.source_key, s.version, s.owner_id,
	s.featured_image, sec.id, sec.edition, sec.slug, sec.name, sec.position`

const storyFrom = ` FROM stories s JOIN sections sec ON sec.id = s.section_id`

// CreateStory saves a new story with its tags and bylines, creating the tags
// and authors it names that do not exist yet, and records revision 1. It
// sets st.ID, st.Version, st.CreatedAt, st.Section and the IDs of st.Tags and
// st.Bylines. A slug the edition already has gets a -2, -3... suffix. A
// story whose SourceKey is already stored is a conflict that names the
// stored story.
func (s *Store) CreateStory(ctx context.Context, st *news.Story) error {
	saved := *st
	err := s.update(ctx, func(tx *tx) error {
		return tx.createStory(ctx, &saved)
	})
	if err != nil {
		return fmt.Errorf("store: create story %q: %w", st.Headline, err)
	}
	*st = saved
	return nil
}

// CreateStories saves many stories as CreateStory does, in one transaction:
// either all of them are saved or, on the first error, none.
func (s *Store) CreateStories(ctx context.Context, sts []*news.Story) error {
	saved := make([]news.Story, len(sts))
	err := s.update(ctx, func(tx *tx) error {
		for i, st := range sts {
			saved[i] = *st
			if err := tx.createStory(ctx, &saved[i]); err != nil {
				return fmt.Errorf("story %d of %d (%q): %w", i+1, len(sts), st.Headline, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create stories: %w", err)
	}
	for i := range sts {
		*sts[i] = saved[i]
	}
	return nil
}

// UpdateStory replaces a story's fields, tags and bylines and records a
// revision. st.Version must be the stored version: a story that someone
// else saved in the meantime is a conflict, and nothing is changed. On
// success st.Version is the new version.
func (s *Store) UpdateStory(ctx context.Context, st *news.Story) error {
	saved := *st
	err := s.update(ctx, func(tx *tx) error {
		return tx.updateStory(ctx, &saved)
	})
	if err != nil {
		return fmt.Errorf("store: update story %d: %w", st.ID, err)
	}
	*st = saved
	return nil
}

// Story returns the story with the given id, whatever its status, with its
// notes.
func (s *Store) Story(ctx context.Context, id int64) (news.Story, error) {
	var st news.Story
	err := s.view(ctx, func(tx *tx) error {
		var err error
		st, err = tx.storyWhere(ctx, `s.id = ?`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("story %d", id)
		}
		if err != nil {
			return err
		}
		if err := tx.fillMedia(ctx, &st); err != nil {
			return err
		}
		if err := tx.fillTranslations(ctx, &st); err != nil {
			return err
		}
		return tx.fillNotes(ctx, &st)
	})
	if err != nil {
		return news.Story{}, fmt.Errorf("store: story %d: %w", id, err)
	}
	return st, nil
}

// StoryBySourceKey returns the story imported from the source with the
// given key, so that importers can tell what they already imported.
func (s *Store) StoryBySourceKey(ctx context.Context, key string) (news.Story, error) {
	var st news.Story
	err := s.view(ctx, func(tx *tx) error {
		var err error
		// The second condition lets the partial index on source_key serve.
		st, err = tx.storyWhere(ctx, `s.source_key = ? AND s.source_key <> ''`, key)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("story from source %q", key)
		}
		return err
	})
	if err != nil {
		return news.Story{}, fmt.Errorf("store: story by source key: %w", err)
	}
	return st, nil
}

func (tx *tx) createStory(ctx context.Context, st *news.Story) error {
	if err := tx.prepareStory(ctx, st); err != nil {
		return err
	}
	if st.SourceKey != "" {
		var id int64
		err := tx.queryRow(ctx, `SELECT id FROM stories WHERE source_key = ? AND source_key <> ''`, st.SourceKey).Scan(&id)
		if err == nil {
			return news.Errorf(news.ErrConflict, "source already imported as story %d", id)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	slug, err := tx.uniqueSlug(ctx, st.Edition, st.Slug, 0)
	if err != nil {
		return err
	}
	st.Slug = slug
	st.ID = 0
	st.Version = 1
	if err := tx.resolveStoryMedia(ctx, st); err != nil {
		return err
	}
	if st.CreatedAt.IsZero() {
		st.CreatedAt = tx.now
	}
	err = tx.queryRow(ctx, `
		INSERT INTO stories (edition, section_id, slug, headline, lead, body, status,
			published_at, updated_at, created_at, labels, translation_group,
			seo_title, social_title, description, source_key, version, owner_id, featured_image)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		RETURNING id`,
		st.Edition, st.Section.ID, st.Slug, st.Headline, st.Lead, st.Body, string(st.Status),
		dbTime(st.PublishedAt), dbTime(st.UpdatedAt), dbTime(st.CreatedAt), joinLabels(st.Labels),
		st.TranslationGroup, st.SEOTitle, st.SocialTitle, st.Description, st.SourceKey, st.Version, st.OwnerID,
		st.FeaturedImage,
	).Scan(&st.ID)
	if isUniqueViolation(err) {
		return news.Errorf(news.ErrConflict, "a story with this slug or source was saved at the same time; try again")
	}
	if err != nil {
		return err
	}
	if err := tx.writeStoryLinks(ctx, st, false); err != nil {
		return err
	}
	if err := tx.writeStoryMedia(ctx, st, false); err != nil {
		return err
	}
	if err := tx.indexStory(ctx, st); err != nil {
		return err
	}
	tx.count(storyScopes(st), st.Status, 1)
	tx.recordStoryChange(nil, st)
	return tx.recordRevision(ctx, st)
}

func (tx *tx) updateStory(ctx context.Context, st *news.Story) error {
	return tx.saveStory(ctx, st, news.RevisionSave)
}

// saveStory is updateStory recording a revision of the given kind.
func (tx *tx) saveStory(ctx context.Context, st *news.Story, kind news.RevisionKind) error {
	if st.ID == 0 {
		return notFound("story 0")
	}
	// Claim the row at the version the editor started from: this locks it
	// on PostgreSQL, so a concurrent save waits and then finds the version
	// changed.
	res, err := tx.exec(ctx, `UPDATE stories SET version = version WHERE id = ? AND version = ?`, st.ID, st.Version)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		var exists bool
		if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)`, st.ID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return notFound("story %d", st.ID)
		}
		return news.Errorf(news.ErrConflict, "story %d was changed by someone else", st.ID)
	}
	old, err := tx.storyWhere(ctx, `s.id = ?`, st.ID)
	if err != nil {
		return err
	}
	if err := tx.prepareStory(ctx, st); err != nil {
		return err
	}
	if err := tx.resolveStoryMedia(ctx, st); err != nil {
		return err
	}
	if st.Slug, err = tx.uniqueSlug(ctx, st.Edition, st.Slug, st.ID); err != nil {
		return err
	}
	// A correction to a published story is shown as its updated time.
	if old.Status == news.StatusPublished {
		st.UpdatedAt = tx.now
	}
	st.CreatedAt = old.CreatedAt
	// Ownership stays with the story's creator whoever saves it, and the
	// translation group with the links that LinkTranslations makes.
	st.OwnerID = old.OwnerID
	st.TranslationGroup = old.TranslationGroup
	st.Version++
	_, err = tx.exec(ctx, `
		UPDATE stories SET edition = ?, section_id = ?, slug = ?, headline = ?, lead = ?, body = ?,
			status = ?, published_at = ?, updated_at = ?, labels = ?,
			seo_title = ?, social_title = ?, description = ?, source_key = ?, version = ?, featured_image = ?
		WHERE id = ?`,
		st.Edition, st.Section.ID, st.Slug, st.Headline, st.Lead, st.Body,
		string(st.Status), dbTime(st.PublishedAt), dbTime(st.UpdatedAt), joinLabels(st.Labels),
		st.SEOTitle, st.SocialTitle, st.Description, st.SourceKey, st.Version, st.FeaturedImage, st.ID)
	if isUniqueViolation(err) {
		return news.Errorf(news.ErrConflict, "another story already has source %q", st.SourceKey)
	}
	if err != nil {
		return err
	}
	if err := tx.writeStoryLinks(ctx, st, true); err != nil {
		return err
	}
	if err := tx.writeStoryMedia(ctx, st, true); err != nil {
		return err
	}
	if err := tx.indexStory(ctx, st); err != nil {
		return err
	}
	tx.count(storyScopes(&old), old.Status, -1)
	tx.count(storyScopes(st), st.Status, 1)
	tx.recordStoryChange(&old, st)
	return tx.recordRevisionKind(ctx, st, kind)
}

// prepareStory validates st and resolves what it refers to: its section,
// tags and bylines. It fills in a slug made from the headline when there is
// none, and puts the media labels in their canonical form.
func (tx *tx) prepareStory(ctx context.Context, st *news.Story) error {
	if st.Slug == "" {
		st.Slug = news.Slugify(st.Headline)
	}
	if err := st.Validate(); err != nil {
		return err
	}
	sec, err := tx.sectionByID(ctx, st.Section.ID)
	if err != nil && !errors.Is(err, news.ErrNotFound) {
		return err
	}
	if err != nil || sec.Edition != st.Edition {
		v := news.ValidationErrors{}
		v.Add("section", fmt.Sprintf("section %d is not a section of edition %s", st.Section.ID, st.Edition))
		return v.Err("story")
	}
	st.Section = sec
	st.Labels = canonicalLabels(st.Labels)
	// Hand back the times as a later read will return them.
	st.PublishedAt, st.UpdatedAt, st.CreatedAt = normTime(st.PublishedAt), normTime(st.UpdatedAt), normTime(st.CreatedAt)
	if st.Tags, err = tx.resolveTags(ctx, st.Edition, st.Tags); err != nil {
		return err
	}
	if st.Bylines, err = tx.resolveAuthors(ctx, st.Bylines); err != nil {
		return err
	}
	return nil
}

// uniqueSlug returns slug, or slug with the first free -2, -3... suffix
// when another story of the edition has it. self is the story being saved,
// whose own slug is no obstacle.
func (tx *tx) uniqueSlug(ctx context.Context, edition, slug string, self int64) (string, error) {
	var taken bool
	if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE edition = ? AND slug = ? AND id <> ?)`,
		edition, slug, self).Scan(&taken); err != nil {
		return "", err
	}
	if !taken {
		return slug, nil
	}
	base := slug
	for {
		// Every slug of the form base-*: '.' is the byte after '-'.
		rows, err := tx.query(ctx, `SELECT slug FROM stories WHERE edition = ? AND slug >= ? AND slug < ? AND id <> ?`,
			edition, base+"-", base+".", self)
		if err != nil {
			return "", err
		}
		used := map[string]bool{}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return "", err
			}
			used[s] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", err
		}
		for n := 2; ; n++ {
			suffix := "-" + strconv.Itoa(n)
			if len(base)+len(suffix) > 80 {
				// Too long for a slug: shorten the base and look again.
				base = strings.TrimRight(base[:80-len(suffix)], "-")
				break
			}
			if !used[base+suffix] {
				return base + suffix, nil
			}
		}
	}
}

// writeStoryLinks saves the story's tags and bylines, replacing the old
// ones when replace is set. Tag rows carry the story's status and
// publication time for the tag pages' index.
func (tx *tx) writeStoryLinks(ctx context.Context, st *news.Story, replace bool) error {
	if replace {
		if _, err := tx.exec(ctx, `DELETE FROM story_tags WHERE story_id = ?`, st.ID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM story_authors WHERE story_id = ?`, st.ID); err != nil {
			return err
		}
	}
	if len(st.Tags) > 0 {
		args := make([]any, 0, 5*len(st.Tags))
		for i, t := range st.Tags {
			args = append(args, st.ID, t.ID, i, string(st.Status), dbTime(st.PublishedAt))
		}
		q := `INSERT INTO story_tags (story_id, tag_id, position, status, published_at) VALUES ` +
			repeatJoin("(?, ?, ?, ?, ?)", len(st.Tags))
		if _, err := tx.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	if len(st.Bylines) > 0 {
		args := make([]any, 0, 3*len(st.Bylines))
		for i, a := range st.Bylines {
			args = append(args, st.ID, a.ID, i)
		}
		q := `INSERT INTO story_authors (story_id, author_id, position) VALUES ` + repeatJoin("(?, ?, ?)", len(st.Bylines))
		if _, err := tx.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// storyWhere returns the one story matching cond, with its tags and bylines.
func (tx *tx) storyWhere(ctx context.Context, cond string, args ...any) (news.Story, error) {
	st, err := scanStory(tx.queryRow(ctx, `SELECT `+storyColumns+storyFrom+` WHERE `+cond, args...))
	if err != nil {
		return news.Story{}, err
	}
	sts := []news.Story{st}
	if err := tx.fillLinks(ctx, sts); err != nil {
		return news.Story{}, err
	}
	return sts[0], nil
}

// fillLinks loads the tags and bylines of all the stories with one query,
// however many stories there are.
func (tx *tx) fillLinks(ctx context.Context, sts []news.Story) error {
	if len(sts) == 0 {
		return nil
	}
	index := make(map[int64]int, len(sts))
	ids := make([]any, len(sts))
	for i, st := range sts {
		index[st.ID] = i
		ids[i] = st.ID
	}
	in := placeholders(len(ids))
	// kind is 0 for a tag, 1 for a byline; authors have no edition.
	rows, err := tx.query(ctx, `
		SELECT 0 AS kind, st.story_id, st.position, t.id, t.edition, t.slug, t.name
		FROM story_tags st JOIN tags t ON t.id = st.tag_id
		WHERE st.story_id IN (`+in+`)
		UNION ALL
		SELECT 1, sa.story_id, sa.position, a.id, '', a.slug, a.name
		FROM story_authors sa JOIN authors a ON a.id = sa.author_id
		WHERE sa.story_id IN (`+in+`)`, append(ids, ids...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	// Rows come in no particular order: positions put them in place.
	tagPos := make([][]int, len(sts))
	authorPos := make([][]int, len(sts))
	for rows.Next() {
		var (
			kind, pos           int
			storyID, id         int64
			edition, slug, name string
		)
		if err := rows.Scan(&kind, &storyID, &pos, &id, &edition, &slug, &name); err != nil {
			return err
		}
		i := index[storyID]
		st := &sts[i]
		if kind == 0 {
			st.Tags = append(st.Tags, news.Tag{ID: id, Edition: edition, Slug: slug, Name: name})
			tagPos[i] = append(tagPos[i], pos)
		} else {
			st.Bylines = append(st.Bylines, news.Author{ID: id, Slug: slug, Name: name})
			authorPos[i] = append(authorPos[i], pos)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range sts {
		sortByPosition(sts[i].Tags, tagPos[i])
		sortByPosition(sts[i].Bylines, authorPos[i])
	}
	return nil
}

// sortByPosition sorts links by their positions, pos[i] being that of
// links[i]. Stories have a handful of links, so insertion sort does.
func sortByPosition[T any](links []T, pos []int) {
	for i := 1; i < len(links); i++ {
		for j := i; j > 0 && pos[j] < pos[j-1]; j-- {
			links[j], links[j-1] = links[j-1], links[j]
			pos[j], pos[j-1] = pos[j-1], pos[j]
		}
	}
}

func scanStory(r scanner) (news.Story, error) {
	var (
		st                       news.Story
		status, labels           string
		published, updated, made sql.NullTime
	)
	err := r.Scan(&st.ID, &st.Edition, &st.Slug, &st.Headline, &st.Lead, &st.Body, &status,
		&published, &updated, &made, &labels, &st.TranslationGroup,
		&st.SEOTitle, &st.SocialTitle, &st.Description, &st.SourceKey, &st.Version, &st.OwnerID,
		&st.FeaturedImage, &st.Section.ID, &st.Section.Edition, &st.Section.Slug, &st.Section.Name, &st.Section.Position)
	if err != nil {
		return news.Story{}, err
	}
	st.Status = news.Status(status)
	st.PublishedAt, st.UpdatedAt, st.CreatedAt = goTime(published), goTime(updated), goTime(made)
	st.Labels = splitLabels(labels)
	return st, nil
}

// canonicalLabels spells each label as its constant, drops repeats and
// puts them in display order.
func canonicalLabels(in []news.MediaLabel) []news.MediaLabel {
	have := map[news.MediaLabel]bool{}
	for _, l := range in {
		if c, ok := news.ParseMediaLabel(string(l)); ok {
			have[c] = true
		}
	}
	var out []news.MediaLabel
	for _, l := range news.MediaLabels {
		if have[l] {
			out = append(out, l)
		}
	}
	return out
}

func joinLabels(ls []news.MediaLabel) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = string(l)
	}
	return strings.Join(parts, ",")
}

func splitLabels(s string) []news.MediaLabel {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	ls := make([]news.MediaLabel, len(parts))
	for i, p := range parts {
		ls[i] = news.MediaLabel(p)
	}
	return ls
}

// repeatJoin returns n copies of s separated by commas.
func repeatJoin(s string, n int) string {
	return strings.TrimSuffix(strings.Repeat(s+", ", n), ", ")
}
