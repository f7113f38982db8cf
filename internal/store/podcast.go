package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"newsdesk/internal/news"
)

// showColumns reads a show; scanShow takes them in this order.
const showColumns = `sh.id, sh.edition, sh.slug, sh.title, sh.description, sh.author, sh.category,
	sh.language, sh.explicit, sh.owner_email, sh.locked, sh.cover_media_id, sh.cover_url,
	sh.cover_type, sh.cover_size, sh.created_at, sh.version`

func scanShow(r scanner) (news.Show, error) {
	var (
		s       news.Show
		created sql.NullTime
	)
	err := r.Scan(&s.ID, &s.Edition, &s.Slug, &s.Title, &s.Description, &s.Author, &s.Category,
		&s.Language, &s.Explicit, &s.OwnerEmail, &s.Locked, &s.Cover.ID, &s.Cover.URL,
		&s.Cover.Type, &s.Cover.Size, &created, &s.Version)
	s.CreatedAt = goTime(created)
	return s, err
}

// CreateShow validates and saves a new show, setting its ID, CreatedAt
// and Version. A slug the edition already has is a conflict.
func (s *Store) CreateShow(ctx context.Context, sh *news.Show) error {
	sh.Normalize()
	if err := sh.Validate(); err != nil {
		return fmt.Errorf("store: create show: %w", err)
	}
	saved := *sh
	err := s.update(ctx, func(tx *tx) error {
		saved.Version = 1
		saved.CreatedAt = tx.now
		err := tx.queryRow(ctx, `INSERT INTO shows (edition, slug, title, description, author, category,
				language, explicit, owner_email, locked, cover_media_id, cover_url, cover_type, cover_size,
				created_at, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			saved.Edition, saved.Slug, saved.Title, saved.Description, saved.Author, saved.Category,
			saved.Language, saved.Explicit, saved.OwnerEmail, saved.Locked, saved.Cover.ID, saved.Cover.URL,
			saved.Cover.Type, saved.Cover.Size, dbTime(saved.CreatedAt), saved.Version).Scan(&saved.ID)
		if isUniqueViolation(err) {
			return showSlugTaken(saved.Slug)
		}
		if err != nil {
			return err
		}
		tx.recordShowChange(&saved)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create show %q: %w", sh.Title, err)
	}
	*sh = saved
	return nil
}

func showSlugTaken(slug string) error {
	return &news.Error{Code: news.ErrConflict, Message: "the edition already has a show at /podcasts/" + slug + "/",
		Fields: map[string]string{"slug": "is taken by another show"}}
}

// UpdateShow replaces a show's fields. sh.Version must be the stored
// version, else the save is a conflict; on success it is the new one.
// A show keeps its edition.
func (s *Store) UpdateShow(ctx context.Context, sh *news.Show) error {
	sh.Normalize()
	if err := sh.Validate(); err != nil {
		return fmt.Errorf("store: update show %d: %w", sh.ID, err)
	}
	saved := *sh
	err := s.update(ctx, func(tx *tx) error {
		old, err := scanShow(tx.queryRow(ctx, `SELECT `+showColumns+` FROM shows sh WHERE sh.id = ?`, sh.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("show %d", sh.ID)
		}
		if err != nil {
			return err
		}
		if old.Version != sh.Version {
			return news.Errorf(news.ErrConflict, "show %d was changed by someone else", sh.ID)
		}
		saved.Edition, saved.CreatedAt, saved.Version = old.Edition, old.CreatedAt, old.Version+1
		_, err = tx.exec(ctx, `UPDATE shows SET slug = ?, title = ?, description = ?, author = ?, category = ?,
				language = ?, explicit = ?, owner_email = ?, locked = ?, cover_media_id = ?, cover_url = ?,
				cover_type = ?, cover_size = ?, version = ?
			WHERE id = ?`,
			saved.Slug, saved.Title, saved.Description, saved.Author, saved.Category, saved.Language,
			saved.Explicit, saved.OwnerEmail, saved.Locked, saved.Cover.ID, saved.Cover.URL, saved.Cover.Type,
			saved.Cover.Size, saved.Version, saved.ID)
		if isUniqueViolation(err) {
			return showSlugTaken(saved.Slug)
		}
		if err != nil {
			return err
		}
		tx.recordShowChange(&saved)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: update show %d: %w", sh.ID, err)
	}
	*sh = saved
	return nil
}

// recordShowChange names the show's page and feed and the edition's
// podcast lists. Its episodes' pages show its title and cover too: they
// carry the show's key.
func (tx *tx) recordShowChange(sh *news.Show) {
	tx.recordChange(news.ShowKey(sh.ID), news.PodcastsKey(sh.Edition), news.KeySitemap)
}

// Show returns the show with the id.
func (s *Store) Show(ctx context.Context, id int64) (news.Show, error) {
	var sh news.Show
	err := s.view(ctx, func(tx *tx) error {
		var err error
		sh, err = scanShow(tx.queryRow(ctx, `SELECT `+showColumns+` FROM shows sh WHERE sh.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("show %d", id)
		}
		return err
	})
	if err != nil {
		return news.Show{}, fmt.Errorf("store: show %d: %w", id, err)
	}
	return sh, nil
}

// ShowBySlug returns the edition's show with the slug.
func (s *Store) ShowBySlug(ctx context.Context, edition, slug string) (news.Show, error) {
	var sh news.Show
	err := s.view(ctx, func(tx *tx) error {
		var err error
		sh, err = scanShow(tx.queryRow(ctx, `SELECT `+showColumns+` FROM shows sh WHERE sh.edition = ? AND sh.slug = ?`, edition, slug))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("show %q", slug)
		}
		return err
	})
	if err != nil {
		return news.Show{}, fmt.Errorf("store: show %q: %w", slug, err)
	}
	return sh, nil
}

// Shows returns the edition's shows by title, every edition's when
// edition is empty.
func (s *Store) Shows(ctx context.Context, edition string) ([]news.Show, error) {
	var shows []news.Show
	err := s.view(ctx, func(tx *tx) error {
		q, args := `SELECT `+showColumns+` FROM shows sh`, []any{}
		if edition != "" {
			q, args = q+` WHERE sh.edition = ?`, append(args, edition)
		}
		var err error
		shows, err = queryAll(ctx, tx, scanShow, q+` ORDER BY sh.edition, sh.title, sh.id`, args...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: shows: %w", err)
	}
	return shows, nil
}

// episodeColumns reads an episode and its show; scanEpisode takes them
// in this order.
const episodeColumns = `e.id, e.show_id, e.slug, e.guid, e.title, e.description, e.audio_media_id,
	e.audio_url, e.audio_type, e.audio_size, e.duration_ms, e.season, e.number, e.explicit,
	e.status, e.published_at, e.created_at, e.updated_at, e.version, ` + showColumns

const episodeFrom = ` FROM episodes e JOIN shows sh ON sh.id = e.show_id`

func scanEpisode(r scanner) (news.Episode, error) {
	var (
		e                           news.Episode
		ms                          int64
		status                      string
		published, created, updated sql.NullTime
		shCreated                   sql.NullTime
	)
	sh := &e.Show
	err := r.Scan(&e.ID, &e.ShowID, &e.Slug, &e.GUID, &e.Title, &e.Description, &e.Audio.ID,
		&e.Audio.URL, &e.Audio.Type, &e.Audio.Size, &ms, &e.Season, &e.Number, &e.Explicit,
		&status, &published, &created, &updated, &e.Version,
		&sh.ID, &sh.Edition, &sh.Slug, &sh.Title, &sh.Description, &sh.Author, &sh.Category,
		&sh.Language, &sh.Explicit, &sh.OwnerEmail, &sh.Locked, &sh.Cover.ID, &sh.Cover.URL,
		&sh.Cover.Type, &sh.Cover.Size, &shCreated, &sh.Version)
	e.Duration = time.Duration(ms) * time.Millisecond
	e.Status = news.Status(status)
	e.PublishedAt, e.CreatedAt, e.UpdatedAt = goTime(published), goTime(created), goTime(updated)
	sh.CreatedAt = goTime(shCreated)
	return e, err
}

// newGUID returns a random UUID (version 4) for an episode's guid.
func newGUID() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// CreateEpisode validates and saves a new episode of its show, setting
// its ID, GUID, CreatedAt, Version and Show.
func (s *Store) CreateEpisode(ctx context.Context, e *news.Episode) error {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return fmt.Errorf("store: create episode: %w", err)
	}
	saved := *e
	err := s.update(ctx, func(tx *tx) error {
		sh, err := scanShow(tx.queryRow(ctx, `SELECT `+showColumns+` FROM shows sh WHERE sh.id = ?`, e.ShowID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("show %d", e.ShowID)
		}
		if err != nil {
			return err
		}
		saved.Show, saved.GUID, saved.Version, saved.UpdatedAt = sh, newGUID(), 1, time.Time{}
		saved.PublishedAt = normTime(saved.PublishedAt)
		if saved.CreatedAt.IsZero() {
			saved.CreatedAt = tx.now
		}
		err = tx.queryRow(ctx, `INSERT INTO episodes (show_id, slug, guid, title, description, audio_media_id,
				audio_url, audio_type, audio_size, duration_ms, season, number, explicit, status,
				published_at, created_at, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			saved.ShowID, saved.Slug, saved.GUID, saved.Title, saved.Description, saved.Audio.ID,
			saved.Audio.URL, saved.Audio.Type, saved.Audio.Size, saved.Duration.Milliseconds(),
			saved.Season, saved.Number, saved.Explicit, string(saved.Status),
			dbTime(saved.PublishedAt), dbTime(saved.CreatedAt), saved.Version).Scan(&saved.ID)
		if err != nil {
			return err
		}
		tx.recordEpisodeChange(nil, &saved)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create episode %q: %w", e.Title, err)
	}
	*e = saved
	return nil
}

// UpdateEpisode replaces an episode's fields and status. e.Version must
// be the stored version, else the save is a conflict and nothing changes;
// on success it is the new one. The show and the GUID never change. An
// episode edited after it was published records when.
func (s *Store) UpdateEpisode(ctx context.Context, e *news.Episode) error {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return fmt.Errorf("store: update episode %d: %w", e.ID, err)
	}
	saved := *e
	err := s.update(ctx, func(tx *tx) error {
		old, err := scanEpisode(tx.queryRow(ctx, `SELECT `+episodeColumns+episodeFrom+` WHERE e.id = ?`, e.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("episode %d", e.ID)
		}
		if err != nil {
			return err
		}
		if old.Version != e.Version {
			return news.Errorf(news.ErrConflict, "episode %d was changed by someone else", e.ID)
		}
		saved.ShowID, saved.Show, saved.GUID, saved.CreatedAt = old.ShowID, old.Show, old.GUID, old.CreatedAt
		saved.Version = old.Version + 1
		saved.UpdatedAt = old.UpdatedAt
		saved.PublishedAt = normTime(saved.PublishedAt)
		if old.Status == news.StatusPublished && saved.Status == news.StatusPublished {
			saved.UpdatedAt = tx.now
		}
		res, err := tx.exec(ctx, `UPDATE episodes SET slug = ?, title = ?, description = ?, audio_media_id = ?,
				audio_url = ?, audio_type = ?, audio_size = ?, duration_ms = ?, season = ?, number = ?,
				explicit = ?, status = ?, published_at = ?, updated_at = ?, version = ?
			WHERE id = ? AND version = ?`,
			saved.Slug, saved.Title, saved.Description, saved.Audio.ID, saved.Audio.URL, saved.Audio.Type,
			saved.Audio.Size, saved.Duration.Milliseconds(), saved.Season, saved.Number, saved.Explicit,
			string(saved.Status), dbTime(saved.PublishedAt), dbTime(saved.UpdatedAt), saved.Version,
			saved.ID, old.Version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return news.Errorf(news.ErrConflict, "episode %d was changed by someone else", e.ID)
		}
		tx.recordEpisodeChange(&old, &saved)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: update episode %d: %w", e.ID, err)
	}
	*e = saved
	return nil
}

// recordEpisodeChange names the episode and, when it was or is public,
// its show's page and feed and the edition's podcast lists. A draft is on
// no public page.
func (tx *tx) recordEpisodeChange(old, e *news.Episode) {
	tx.recordChange(news.EpisodeKey(e.ID))
	if (old == nil || old.Status != news.StatusPublished) && e.Status != news.StatusPublished {
		return
	}
	tx.recordChange(news.ShowKey(e.ShowID), news.PodcastsKey(e.Show.Edition), news.KeySitemap)
}

// Episode returns the episode with the id, whatever its status, with its
// show.
func (s *Store) Episode(ctx context.Context, id int64) (news.Episode, error) {
	var e news.Episode
	err := s.view(ctx, func(tx *tx) error {
		var err error
		e, err = scanEpisode(tx.queryRow(ctx, `SELECT `+episodeColumns+episodeFrom+` WHERE e.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("episode %d", id)
		}
		return err
	})
	if err != nil {
		return news.Episode{}, fmt.Errorf("store: episode %d: %w", id, err)
	}
	return e, nil
}

// EpisodeFilter selects episodes: of one show or of one edition's shows,
// published only or every status, newest first.
type EpisodeFilter struct {
	ShowID    int64
	Edition   string
	Published bool
	Limit     int // 0 means 50
}

// Episodes returns the episodes the filter selects: by publication time,
// newest first, drafts (which have none) before the rest.
func (s *Store) Episodes(ctx context.Context, f EpisodeFilter) ([]news.Episode, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	q := `SELECT ` + episodeColumns + episodeFrom + ` WHERE 1 = 1`
	var args []any
	if f.ShowID != 0 {
		q += ` AND e.show_id = ?`
		args = append(args, f.ShowID)
	}
	if f.Edition != "" {
		q += ` AND sh.edition = ?`
		args = append(args, f.Edition)
	}
	if f.Published {
		q += ` AND e.status = 'published'`
	}
	// NULLs first on both databases: drafts head the desk's list.
	q += ` ORDER BY e.published_at IS NOT NULL, e.published_at DESC, e.id DESC LIMIT ?`
	args = append(args, f.Limit)
	var out []news.Episode
	err := s.view(ctx, func(tx *tx) error {
		var err error
		out, err = queryAll(ctx, tx, scanEpisode, q, args...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: episodes: %w", err)
	}
	return out, nil
}

// dueEpisodes selects scheduled episodes whose time has come, as
// dueStories does stories.
const (
	dueEpisodesSQLite = `SELECT id FROM episodes
		WHERE status = 'scheduled' AND published_at <= ?
		ORDER BY published_at, id LIMIT ?`
	dueEpisodesPostgres = dueEpisodesSQLite + ` FOR UPDATE SKIP LOCKED`
)

// PublishDueEpisodes publishes every scheduled episode whose time has
// come and returns them, each exactly once however many processes call
// it at once, as PublishDue does stories.
func (s *Store) PublishDueEpisodes(ctx context.Context) ([]news.Episode, error) {
	var all []news.Episode
	for {
		var batch []news.Episode
		err := s.update(ctx, func(tx *tx) (err error) {
			batch, err = tx.publishDueEpisodes(ctx)
			return err
		})
		if err != nil {
			return all, fmt.Errorf("store: publish due episodes: %w", err)
		}
		all = append(all, batch...)
		if len(batch) < publishBatch {
			return all, nil
		}
	}
}

func (tx *tx) publishDueEpisodes(ctx context.Context) ([]news.Episode, error) {
	q := dueEpisodesSQLite
	if tx.s.dialect == dialectPostgres {
		q = dueEpisodesPostgres
	}
	ids, err := queryAll(ctx, tx, scanID, q, tx.now, publishBatch)
	if err != nil {
		return nil, err
	}
	var published []news.Episode
	for _, id := range ids {
		e, err := scanEpisode(tx.queryRow(ctx, `SELECT `+episodeColumns+episodeFrom+` WHERE e.id = ?`, id))
		if err != nil {
			return nil, err
		}
		res, err := tx.exec(ctx, `UPDATE episodes SET status = 'published', version = version + 1
			WHERE id = ? AND status = 'scheduled' AND version = ?`, id, e.Version)
		if err != nil {
			return nil, err
		}
		if n, err := res.RowsAffected(); err != nil {
			return nil, err
		} else if n == 0 {
			continue
		}
		old := e
		e.Status = news.StatusPublished
		e.Version++
		tx.recordEpisodeChange(&old, &e)
		published = append(published, e)
	}
	return published, nil
}

// nextDueEpisode is the publication time of the scheduled episode due
// first; NextDue weighs it against the stories'.
func (tx *tx) nextDueEpisode(ctx context.Context) (sql.NullTime, error) {
	var next sql.NullTime
	err := tx.queryRow(ctx, `SELECT published_at FROM episodes WHERE status = 'scheduled'
		ORDER BY published_at LIMIT 1`).Scan(&next)
	if errors.Is(err, sql.ErrNoRows) {
		return sql.NullTime{}, nil
	}
	return next, err
}

// mediaInPodcasts refuses to let a library item go while an episode plays
// it or a show shows it as its cover: their pages and feeds link to it.
func (tx *tx) mediaInPodcasts(ctx context.Context, m news.Media) error {
	var episode, show int64
	err := tx.queryRow(ctx, `SELECT id FROM episodes WHERE audio_media_id = ? LIMIT 1`, m.ID).Scan(&episode)
	if err == nil {
		return news.Errorf(news.ErrConflict, "%s is the audio of podcast episode %d: choose other audio for it before deleting this", m.Name, episode)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	err = tx.queryRow(ctx, `SELECT id FROM shows WHERE cover_media_id = ? LIMIT 1`, m.ID).Scan(&show)
	if err == nil {
		return news.Errorf(news.ErrConflict, "%s is the cover art of podcast show %d: choose another cover before deleting this", m.Name, show)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return nil
}
