package store

import (
	"context"
	"fmt"
	"time"

	"newsdesk/internal/markup"
	"newsdesk/internal/news"
)

// The search index is written in the transaction that writes the story, so
// that a story is found the moment it is published and never once it is
// unpublished, trashed or deleted. Every story is indexed, whatever its
// status: the desk searches them all, the public site only the published.

// Limits on the stemmed text indexed per field, in bytes: more of a very
// long body adds nothing a reader searches for, and PostgreSQL refuses a
// tsvector over a megabyte.
const (
	maxIndexHeadline = 4 << 10
	maxIndexLead     = 16 << 10
	maxIndexBody     = 256 << 10
)

// mediaBit is each media label's bit in search_docs.media.
var mediaBit = map[news.MediaLabel]int{news.LabelVideo: 1, news.LabelPhotos: 2, news.LabelAudio: 4}

func mediaBits(ls []news.MediaLabel) int {
	n := 0
	for _, l := range ls {
		n |= mediaBit[l]
	}
	return n
}

// searchTime is the time a search orders a story by and filters on: its
// publication time, or its creation time before it has one.
func searchTime(st *news.Story) int64 {
	if !st.PublishedAt.IsZero() {
		return st.PublishedAt.Unix()
	}
	return st.CreatedAt.Unix()
}

// analyser returns the analyser of an edition's language, kept for the
// rest of the transaction.
func (tx *tx) analyser(ctx context.Context, edition string) (*analyser, error) {
	if a, ok := tx.analysers[edition]; ok {
		return a, nil
	}
	var lang string
	if err := tx.queryRow(ctx, `SELECT language FROM editions WHERE code = ?`, edition).Scan(&lang); err != nil {
		return nil, fmt.Errorf("language of edition %s: %w", edition, err)
	}
	if tx.analysers == nil {
		tx.analysers = map[string]*analyser{}
	}
	a := newAnalyser(lang)
	tx.analysers[edition] = a
	return a, nil
}

// indexStory writes the saved story st into the search index, replacing
// what the index held for it.
func (tx *tx) indexStory(ctx context.Context, st *news.Story) error {
	a, err := tx.analyser(ctx, st.Edition)
	if err != nil {
		return err
	}
	head := a.indexText(st.Headline, maxIndexHeadline)
	lead := a.indexText(st.Lead, maxIndexLead)
	// The story's topics are searched with its body: a story tagged
	// "Elections" is found by the word even where its text says "vote".
	text := markup.Text(st.Body)
	for _, t := range st.Tags {
		text += "\n" + t.Name
	}
	body := a.indexText(text, maxIndexBody)
	args := []any{st.ID, st.Edition, st.Section.ID, string(st.Status), searchTime(st), mediaBits(st.Labels)}
	if tx.s.dialect == dialectPostgres {
		_, err := tx.exec(ctx, `
			INSERT INTO search_docs (story_id, edition, section_id, status, at, media, indexed, doc, head)
			VALUES (?, ?, ?, ?, ?, ?, TRUE,
				setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B') ||
				setweight(to_tsvector('simple', ?), 'C'), to_tsvector('simple', ?))
			ON CONFLICT (story_id) DO UPDATE SET edition = excluded.edition, section_id = excluded.section_id,
				status = excluded.status, at = excluded.at, media = excluded.media, indexed = TRUE,
				doc = excluded.doc, head = excluded.head`,
			append(args, head, lead, body, head)...)
		return err
	}
	if _, err := tx.exec(ctx, `
		INSERT INTO search_docs (story_id, edition, section_id, status, at, media, indexed)
		VALUES (?, ?, ?, ?, ?, ?, 1)
		ON CONFLICT (story_id) DO UPDATE SET edition = excluded.edition, section_id = excluded.section_id,
			status = excluded.status, at = excluded.at, media = excluded.media, indexed = 1`, args...); err != nil {
		return err
	}
	meta := metaTerms(st)
	if _, err := tx.exec(ctx, `INSERT OR REPLACE INTO search_text (rowid, headline, lead, body, meta) VALUES (?, ?, ?, ?, ?)`,
		st.ID, head, lead, body, meta); err != nil {
		return err
	}
	_, err = tx.exec(ctx, `INSERT OR REPLACE INTO search_head (rowid, headline, lead, meta) VALUES (?, ?, ?, ?)`,
		st.ID, head, lead, meta)
	return err
}

// unindexStory removes a deleted story from the index. Its search_docs row
// goes with the story (ON DELETE CASCADE); SQLite's FTS5 table knows no
// foreign keys.
func (tx *tx) unindexStory(ctx context.Context, id int64) error {
	if tx.s.dialect == dialectPostgres {
		return nil
	}
	if _, err := tx.exec(ctx, `DELETE FROM search_text WHERE rowid = ?`, id); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `DELETE FROM search_head WHERE rowid = ?`, id)
	return err
}

// indexBatch is how many stories indexPending indexes per transaction.
const indexBatch = 500

// indexPending indexes the stories that the search migration found: those
// saved before the search existed. It does nothing, quickly, once they
// are done.
func (s *Store) indexPending(ctx context.Context) error {
	unindexed := `SELECT story_id FROM search_docs WHERE indexed = 0 ORDER BY story_id LIMIT ?`
	if s.dialect == dialectPostgres {
		unindexed = `SELECT story_id FROM search_docs WHERE NOT indexed ORDER BY story_id LIMIT ?`
	}
	for {
		var n int
		err := s.update(ctx, func(tx *tx) error {
			ids, err := queryAll(ctx, tx, scanID, unindexed, indexBatch)
			if err != nil {
				return err
			}
			for _, id := range ids {
				st, err := tx.storyWhere(ctx, `s.id = ?`, id)
				if err != nil {
					return err
				}
				if err := tx.indexStory(ctx, &st); err != nil {
					return err
				}
			}
			n = len(ids)
			return nil
		})
		if err != nil {
			return fmt.Errorf("store: index stories for search: %w", err)
		}
		if n < indexBatch {
			return nil
		}
	}
}

// unixTime reads back a time stored as Unix seconds.
func unixTime(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

// OptimizeSearch compacts the search index after a bulk import. SQLite's
// FTS5 index grows by segments, one or more per transaction of writes,
// and a query reads every segment: thousands of stories imported at once
// leave many, which a merge into one makes several times faster to
// search. PostgreSQL's GIN indexes keep new entries in a pending list
// that every search reads through until a vacuum moves them into the
// index (100 times slower searches after an import of 20,000 stories);
// the vacuum also refreshes the planner's statistics.
func (s *Store) OptimizeSearch(ctx context.Context) error {
	qs := []string{`INSERT INTO search_text (search_text) VALUES ('optimize')`, `INSERT INTO search_head (search_head) VALUES ('optimize')`}
	if s.dialect == dialectPostgres {
		qs = []string{`VACUUM (ANALYZE) search_docs`}
	}
	for _, q := range qs {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: optimize search index: %w", err)
		}
	}
	return nil
}

// TableSizes returns the bytes each table and index of the database
// takes on disk, by name, for the benchmarks that report what the search
// index costs. On SQLite it reads the dbstat table; the FTS5 index's own
// tables are named search_text_*.
func (s *Store) TableSizes(ctx context.Context) (map[string]int64, error) {
	q := `SELECT name, SUM(pgsize) FROM dbstat GROUP BY name`
	if s.dialect == dialectPostgres {
		q = `SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c
			WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'i', 't', 'm')
			UNION ALL
			SELECT c.relname || '_toast', pg_total_relation_size(c.reltoastrelid) FROM pg_class c
			WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.reltoastrelid <> 0`
	}
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: table sizes: %w", err)
	}
	defer rows.Close()
	sizes := map[string]int64{}
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			return nil, fmt.Errorf("store: table sizes: %w", err)
		}
		sizes[name] += n
	}
	return sizes, rows.Err()
}
