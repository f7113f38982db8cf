package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"newsdesk/internal/news"
)

// revisionColumns reads a revision and the name of the user who saved it;
// scanRevision takes them in this order.
const revisionColumns = `r.id, r.story_id, r.version, r.kind, r.user_id,
	COALESCE(NULLIF(u.name, ''), u.email, ''), r.created_at, r.snapshot`

const revisionFrom = ` FROM story_revisions r LEFT JOIN users u ON u.id = r.user_id`

// StoryRevisions returns every revision of the story in version order, a
// rejected save after the version it started from.
func (s *Store) StoryRevisions(ctx context.Context, id int64) ([]news.Revision, error) {
	var revs []news.Revision
	err := s.view(ctx, func(tx *tx) (err error) {
		revs, err = queryAll(ctx, tx, scanRevision, `SELECT `+revisionColumns+revisionFrom+`
			WHERE r.story_id = ? ORDER BY r.version, r.id`, id)
		if err == nil && len(revs) == 0 {
			// Every story has revision 1, so no revisions means no story.
			return notFound("story %d", id)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: revisions of story %d: %w", id, err)
	}
	return revs, nil
}

// StoryRevision returns the revision with id revID of the story storyID.
func (s *Store) StoryRevision(ctx context.Context, storyID, revID int64) (news.Revision, error) {
	var rev news.Revision
	err := s.view(ctx, func(tx *tx) (err error) {
		rev, err = tx.revision(ctx, storyID, revID)
		return err
	})
	if err != nil {
		return news.Revision{}, fmt.Errorf("store: revision %d of story %d: %w", revID, storyID, err)
	}
	return rev, nil
}

// RecordRejectedRevision keeps st, a save refused because the story
// changed since st.Version, as a rejected revision of st.ID by userID, so
// that what its writer typed is not lost. The story itself is unchanged.
func (s *Store) RecordRejectedRevision(ctx context.Context, st news.Story, userID int64) (news.Revision, error) {
	var rev news.Revision
	err := s.update(ctx, func(tx *tx) error {
		var exists bool
		if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)`, st.ID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return notFound("story %d", st.ID)
		}
		id, err := tx.insertRevision(ctx, &st, news.RevisionRejected, userID)
		if err != nil {
			return err
		}
		rev, err = tx.revision(ctx, st.ID, id)
		return err
	})
	if err != nil {
		return news.Revision{}, fmt.Errorf("store: record rejected save of story %d: %w", st.ID, err)
	}
	return rev, nil
}

// RestoreRevision saves the content of revision revID as a new version of
// story storyID, recorded as a restore by userID. version is the story's
// version the restoring user saw: a story saved since is a conflict. The
// story keeps its status and times; its headline, lead, body, tags,
// bylines, labels, slug, featured image and metadata come from the
// revision, and so does its section unless that section is gone.
func (s *Store) RestoreRevision(ctx context.Context, storyID, revID int64, version int, userID int64) (news.Story, error) {
	var st news.Story
	err := s.update(ctx, func(tx *tx) error {
		rev, err := tx.revision(ctx, storyID, revID)
		if err != nil {
			return err
		}
		cur, err := tx.storyWhere(ctx, `s.id = ?`, storyID)
		if err != nil {
			return err
		}
		old := rev.Story
		st = cur
		st.Headline, st.Lead, st.Body = old.Headline, old.Lead, old.Body
		st.Tags, st.Bylines, st.Labels = old.Tags, old.Bylines, old.Labels
		st.SEOTitle, st.SocialTitle, st.Description = old.SEOTitle, old.SocialTitle, old.Description
		st.FeaturedImage = old.FeaturedImage
		if old.Edition == cur.Edition {
			st.Slug = old.Slug
			if _, err := tx.sectionByID(ctx, old.Section.ID); err == nil {
				st.Section = old.Section
			} else if !errors.Is(err, news.ErrNotFound) {
				return err
			}
		}
		st.Version = version
		st.EditedBy = userID
		return tx.saveStory(ctx, &st, news.RevisionRestore)
	})
	if err != nil {
		return news.Story{}, fmt.Errorf("store: restore revision %d of story %d: %w", revID, storyID, err)
	}
	return st, nil
}

func (tx *tx) revision(ctx context.Context, storyID, revID int64) (news.Revision, error) {
	rev, err := scanRevision(tx.queryRow(ctx, `SELECT `+revisionColumns+revisionFrom+`
		WHERE r.id = ? AND r.story_id = ?`, revID, storyID))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Revision{}, notFound("revision %d of story %d", revID, storyID)
	}
	return rev, err
}

func scanRevision(r scanner) (news.Revision, error) {
	var (
		rev  news.Revision
		kind string
		made sql.NullTime
		snap []byte
	)
	if err := r.Scan(&rev.ID, &rev.StoryID, &rev.Version, &kind, &rev.UserID, &rev.UserName, &made, &snap); err != nil {
		return news.Revision{}, err
	}
	rev.Kind = news.RevisionKind(kind)
	rev.CreatedAt = goTime(made)
	if err := json.Unmarshal(snap, &rev.Story); err != nil {
		return news.Revision{}, fmt.Errorf("revision %d: %w", rev.ID, err)
	}
	return rev, nil
}

// recordRevision saves st, as it now stands, as revision st.Version, saved
// by st.EditedBy.
func (tx *tx) recordRevision(ctx context.Context, st *news.Story) error {
	return tx.recordRevisionKind(ctx, st, news.RevisionSave)
}

// recordRevisionKind is recordRevision for a revision of the given kind.
func (tx *tx) recordRevisionKind(ctx context.Context, st *news.Story, kind news.RevisionKind) error {
	_, err := tx.insertRevision(ctx, st, kind, st.EditedBy)
	return err
}

func (tx *tx) insertRevision(ctx context.Context, st *news.Story, kind news.RevisionKind, userID int64) (int64, error) {
	snap, err := json.Marshal(st)
	if err != nil {
		return 0, fmt.Errorf("revision: %w", err)
	}
	var id int64
	err = tx.queryRow(ctx, `
		INSERT INTO story_revisions (story_id, version, kind, user_id, created_at, snapshot)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		st.ID, st.Version, string(kind), userID, dbTime(tx.now), string(snap)).Scan(&id)
	return id, err
}
