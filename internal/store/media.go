package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"newsdesk/internal/news"
)

// mediaColumns reads a media item; scanMedia takes them in this order.
const mediaColumns = `m.id, m.hash, m.key, m.kind, m.mime, m.name, m.size, m.width, m.height,
	m.duration_ms, m.caption, m.credit, m.alt, m.created_by, m.created_at`

// CreateMedia records a stored file in the library. When an item with the
// same content hash is already there (two identical uploads at once), it
// returns that item and created is false; m.Key is then not used.
func (s *Store) CreateMedia(ctx context.Context, m news.Media) (saved news.Media, created bool, err error) {
	if err := m.Validate(); err != nil {
		return news.Media{}, false, fmt.Errorf("store: create media: %w", err)
	}
	err = s.update(ctx, func(tx *tx) error {
		if old, err := tx.mediaWhere(ctx, `m.hash = ?`, m.Hash); err == nil {
			saved = old
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		m.CreatedAt = tx.now
		err := tx.queryRow(ctx, `
			INSERT INTO media (hash, key, kind, mime, name, size, width, height, duration_ms,
				caption, credit, alt, folded, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			m.Hash, m.Key, string(m.Kind), m.MIME, m.Name, m.Size, m.Width, m.Height, m.Duration.Milliseconds(),
			m.Caption, m.Credit, m.Alt, foldMedia(m), m.CreatedBy, dbTime(m.CreatedAt)).Scan(&m.ID)
		if err != nil {
			return err
		}
		saved, created = m, true
		return nil
	})
	if isUniqueViolation(err) {
		// The same file was recorded by another upload since the check.
		saved, err = s.MediaByHash(ctx, m.Hash)
		return saved, false, err
	}
	if err != nil {
		return news.Media{}, false, fmt.Errorf("store: create media: %w", err)
	}
	return saved, created, nil
}

// Media returns the library item with the given id.
func (s *Store) Media(ctx context.Context, id int64) (news.Media, error) {
	return s.mediaOne(ctx, `m.id = ?`, id, fmt.Sprintf("media %d", id))
}

// MediaByHash returns the item whose uploaded content has the hash.
func (s *Store) MediaByHash(ctx context.Context, hash string) (news.Media, error) {
	return s.mediaOne(ctx, `m.hash = ?`, hash, "media with hash "+hash)
}

// MediaByKey returns the item stored under key.
func (s *Store) MediaByKey(ctx context.Context, key string) (news.Media, error) {
	return s.mediaOne(ctx, `m.key = ?`, key, fmt.Sprintf("media %q", key))
}

func (s *Store) mediaOne(ctx context.Context, cond string, arg any, what string) (news.Media, error) {
	var m news.Media
	err := s.view(ctx, func(tx *tx) (err error) {
		m, err = tx.mediaWhere(ctx, cond, arg)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("%s", what)
		}
		return err
	})
	if err != nil {
		return news.Media{}, fmt.Errorf("store: %w", err)
	}
	return m, nil
}

func (tx *tx) mediaWhere(ctx context.Context, cond string, args ...any) (news.Media, error) {
	return scanMedia(tx.queryRow(ctx, `SELECT `+mediaColumns+`, 0 FROM media m WHERE `+cond, args...))
}

// ListMedia returns the library's items that match f, newest first, with
// the number of stories, podcast episodes and shows using each, and the
// number of items that match.
func (s *Store) ListMedia(ctx context.Context, f news.MediaFilter) ([]news.Media, int, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where = append(where, `m.kind = ?`)
		args = append(args, string(f.Kind))
	}
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		where = append(where, `m.folded LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscape(w)+"%")
	}
	cond := ""
	if len(where) > 0 {
		cond = ` WHERE ` + strings.Join(where, ` AND `)
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 60
	}
	var (
		items []news.Media
		total int
	)
	err := s.view(ctx, func(tx *tx) (err error) {
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM media m`+cond, args...).Scan(&total); err != nil {
			return err
		}
		// Uses: the stories, podcast episodes and shows that name the item.
		items, err = queryAll(ctx, tx, scanMedia, `SELECT `+mediaColumns+`,
			(SELECT COUNT(DISTINCT sm.story_id) FROM story_media sm WHERE sm.media_id = m.id)
			+ (SELECT COUNT(*) FROM episodes e WHERE e.audio_media_id = m.id)
			+ (SELECT COUNT(*) FROM shows sh WHERE sh.cover_media_id = m.id)
			FROM media m`+cond+` ORDER BY m.id DESC LIMIT ? OFFSET ?`, append(args, limit, max(f.Offset, 0))...)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: list media: %w", err)
	}
	return items, total, nil
}

// UpdateMedia saves an item's caption, credit and alt text. The pages of
// the stories that use it change with it. An image that a published or
// scheduled story shows keeps an alt text.
func (s *Store) UpdateMedia(ctx context.Context, m news.Media) (news.Media, error) {
	var saved news.Media
	err := s.update(ctx, func(tx *tx) error {
		old, err := tx.mediaWhere(ctx, `m.id = ?`, m.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("media %d", m.ID)
		}
		if err != nil {
			return err
		}
		saved = old
		saved.Caption, saved.Credit, saved.Alt = strings.TrimSpace(m.Caption), strings.TrimSpace(m.Credit), strings.TrimSpace(m.Alt)
		if err := saved.Validate(); err != nil {
			return err
		}
		users, err := tx.mediaStories(ctx, m.ID)
		if err != nil {
			return err
		}
		if saved.Kind == news.MediaImage && saved.Alt == "" {
			for _, u := range users {
				if u.status == news.StatusPublished || u.status == news.StatusScheduled {
					v := news.ValidationErrors{}
					v.Add("alt", fmt.Sprintf("is required: story %d, which shows this image, is %s", u.id, u.status))
					return v.Err("media")
				}
			}
		}
		if _, err := tx.exec(ctx, `UPDATE media SET caption = ?, credit = ?, alt = ?, folded = ? WHERE id = ?`,
			saved.Caption, saved.Credit, saved.Alt, foldMedia(saved), saved.ID); err != nil {
			return err
		}
		for _, u := range users {
			tx.recordChange(news.StoryKey(u.id))
		}
		return nil
	})
	if err != nil {
		return news.Media{}, fmt.Errorf("store: update media %d: %w", m.ID, err)
	}
	return saved, nil
}

// DeleteMedia removes an item from the library and returns it, so that
// its file can be removed too. An item that a story uses is a conflict.
func (s *Store) DeleteMedia(ctx context.Context, id int64) (news.Media, error) {
	var m news.Media
	err := s.update(ctx, func(tx *tx) (err error) {
		m, err = tx.mediaWhere(ctx, `m.id = ?`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("media %d", id)
		}
		if err != nil {
			return err
		}
		users, err := tx.mediaStories(ctx, id)
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return news.Errorf(news.ErrConflict, "%s is used by %d stories (story %d first): remove it from them before deleting it", m.Name, len(users), users[0].id)
		}
		var featured int64
		err = tx.queryRow(ctx, `SELECT id FROM stories WHERE featured_image = ? LIMIT 1`, m.URL()).Scan(&featured)
		if err == nil {
			return news.Errorf(news.ErrConflict, "%s is the featured image of story %d: choose another before deleting it", m.Name, featured)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := tx.mediaInPodcasts(ctx, m); err != nil {
			return err
		}
		_, err = tx.exec(ctx, `DELETE FROM media WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return news.Media{}, fmt.Errorf("store: delete media %d: %w", id, err)
	}
	return m, nil
}

// mediaUser is a story that uses a media item.
type mediaUser struct {
	id     int64
	status news.Status
}

func (tx *tx) mediaStories(ctx context.Context, mediaID int64) ([]mediaUser, error) {
	return queryAll(ctx, tx, func(r scanner) (mediaUser, error) {
		var u mediaUser
		var status string
		err := r.Scan(&u.id, &status)
		u.status = news.Status(status)
		return u, err
	}, `SELECT DISTINCT s.id, s.status FROM story_media sm JOIN stories s ON s.id = sm.story_id
		WHERE sm.media_id = ? ORDER BY s.id`, mediaID)
}

// storyMedia returns the media of the stories, by story id, in role and
// position order.
func (tx *tx) storyMedia(ctx context.Context, ids ...int64) (map[int64][]news.StoryMedia, error) {
	out := map[int64][]news.StoryMedia{}
	if len(ids) == 0 {
		return out, nil
	}
	type row struct {
		story int64
		role  string
		m     news.Media
	}
	rows, err := queryAll(ctx, tx, func(r scanner) (row, error) {
		var x row
		var dur int64
		var made sql.NullTime
		var kind string
		err := r.Scan(&x.story, &x.role, &x.m.ID, &x.m.Hash, &x.m.Key, &kind, &x.m.MIME, &x.m.Name, &x.m.Size,
			&x.m.Width, &x.m.Height, &dur, &x.m.Caption, &x.m.Credit, &x.m.Alt, &x.m.CreatedBy, &made)
		x.m.Kind, x.m.Duration, x.m.CreatedAt = news.MediaKind(kind), time.Duration(dur)*time.Millisecond, goTime(made)
		return x, err
	}, `SELECT sm.story_id, sm.role, `+mediaColumns+`
		FROM story_media sm JOIN media m ON m.id = sm.media_id
		WHERE sm.story_id IN (`+placeholders(len(ids))+`)
		ORDER BY sm.story_id, CASE sm.role WHEN 'lead' THEN 0 WHEN 'gallery' THEN 1 WHEN 'audio' THEN 2 ELSE 3 END, sm.position`,
		int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	for _, x := range rows {
		out[x.story] = append(out[x.story], news.StoryMedia{Role: news.MediaRole(x.role), Media: x.m})
	}
	return out, nil
}

// resolveStoryMedia prepares the media of a story being saved. When
// st.Media is nil the story keeps the media it has. Otherwise each item
// is read from the library and checked, and the story's labels are
// derived from its media; a story without media keeps the labels it was
// given (an imported story's source names them), unless it had media
// before, whose labels go with them.
func (tx *tx) resolveStoryMedia(ctx context.Context, st *news.Story) error {
	var had []news.StoryMedia
	if st.ID != 0 {
		cur, err := tx.storyMedia(ctx, st.ID)
		if err != nil {
			return err
		}
		had = cur[st.ID]
	}
	if st.Media == nil {
		st.Media = had
	}
	var items []news.StoryMedia
	seen := map[string]bool{}
	for _, it := range st.Media {
		key := fmt.Sprintf("%s:%d", it.Role, it.Media.ID)
		if seen[key] {
			continue
		}
		seen[key] = true
		m, err := tx.mediaWhere(ctx, `m.id = ?`, it.Media.ID)
		if errors.Is(err, sql.ErrNoRows) {
			v := news.ValidationErrors{}
			v.Add("media", fmt.Sprintf("names media %d, which is not in the library", it.Media.ID))
			return v.Err("story")
		}
		if err != nil {
			return err
		}
		items = append(items, news.StoryMedia{Role: it.Role, Media: m})
	}
	publishing := st.Status == news.StatusPublished || st.Status == news.StatusScheduled
	if err := news.ValidateStoryMedia(items, publishing); err != nil {
		return err
	}
	if publishing && strings.HasPrefix(st.FeaturedImage, "/media/") {
		m, err := tx.mediaWhere(ctx, `m.key = ?`, strings.TrimPrefix(st.FeaturedImage, "/media/"))
		if err == nil && m.Kind == news.MediaImage && m.Alt == "" {
			v := news.ValidationErrors{}
			v.Add("featured_image", "needs its alt text in the media library before the story is published")
			return v.Err("story")
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	st.Media = items
	switch {
	case len(items) > 0:
		st.Labels = news.LabelsFor(items)
	case len(had) > 0:
		st.Labels = nil
	}
	return nil
}

// writeStoryMedia saves the story's media links, replacing the old ones
// when replace is set.
func (tx *tx) writeStoryMedia(ctx context.Context, st *news.Story, replace bool) error {
	if replace {
		if _, err := tx.exec(ctx, `DELETE FROM story_media WHERE story_id = ?`, st.ID); err != nil {
			return err
		}
	}
	if len(st.Media) == 0 {
		return nil
	}
	args := make([]any, 0, 4*len(st.Media))
	pos := map[news.MediaRole]int{}
	for _, it := range st.Media {
		args = append(args, st.ID, it.Media.ID, string(it.Role), pos[it.Role])
		pos[it.Role]++
	}
	_, err := tx.exec(ctx, `INSERT INTO story_media (story_id, media_id, role, position) VALUES `+
		repeatJoin("(?, ?, ?, ?)", len(st.Media)), args...)
	return err
}

// fillMedia loads the media of one story.
func (tx *tx) fillMedia(ctx context.Context, st *news.Story) error {
	m, err := tx.storyMedia(ctx, st.ID)
	if err != nil {
		return err
	}
	st.Media = m[st.ID]
	st.BodyMedia = nil
	if keys := bodyMediaKeys(st.Body); len(keys) > 0 {
		args := make([]any, len(keys))
		for i, k := range keys {
			args[i] = k
		}
		st.BodyMedia, err = queryAll(ctx, tx, scanMedia, `SELECT `+mediaColumns+`, 0 FROM media m WHERE m.key IN (`+placeholders(len(keys))+`)`, args...)
		if err != nil {
			return err
		}
	}
	st.FeaturedMedia = nil
	if key, ok := strings.CutPrefix(st.FeaturedImage, "/media/"); ok {
		fm, err := tx.mediaWhere(ctx, `m.key = ?`, key)
		if err == nil {
			st.FeaturedMedia = &fm
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	return nil
}

// bodyMediaRE finds the library images of a story's body.
var bodyMediaRE = regexp.MustCompile(`<img [^>]*src="/media/([0-9a-f]{32}\.(?:jpg|png|webp|gif))"`)

// bodyMediaKeys returns the keys of the library images the body shows,
// each once, at most 50.
func bodyMediaKeys(body string) []string {
	var keys []string
	for _, m := range bodyMediaRE.FindAllStringSubmatch(body, 50) {
		if !slices.Contains(keys, m[1]) {
			keys = append(keys, m[1])
		}
	}
	return keys
}

func scanMedia(r scanner) (news.Media, error) {
	var (
		m    news.Media
		kind string
		dur  int64
		made sql.NullTime
	)
	err := r.Scan(&m.ID, &m.Hash, &m.Key, &kind, &m.MIME, &m.Name, &m.Size, &m.Width, &m.Height,
		&dur, &m.Caption, &m.Credit, &m.Alt, &m.CreatedBy, &made, &m.Uses)
	if err != nil {
		return news.Media{}, err
	}
	m.Kind, m.Duration, m.CreatedAt = news.MediaKind(kind), time.Duration(dur)*time.Millisecond, goTime(made)
	return m, nil
}

// foldMedia is the text the library's search matches.
func foldMedia(m news.Media) string {
	return strings.ToLower(strings.Join([]string{m.Name, m.Caption, m.Credit, m.Alt}, " "))
}
