package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"newsdesk/internal/news"
)

// The changes table lists, for every committed write, the surrogate keys of
// what it touched (see news.StoryKey and its neighbours). Page caches read
// it in id order and purge the pages carrying those keys. A write names its
// keys with tx.recordChange; they are written as one row just before the
// transaction commits, so a write that rolls back names nothing.

// changeRetention is how long changes are kept. A cache that has not read
// the changes for that long has been down and starts empty anyway.
const changeRetention = 24 * time.Hour

// pruneEvery: one write in this many deletes the expired changes.
const pruneEvery = 256

// recordChange names keys that the transaction's write touched. Every
// write to what a public page shows calls it: stories, notes, home page
// order, sections, tags, editions.
func (tx *tx) recordChange(keys ...string) {
	if tx.changes == nil {
		tx.changes = make(map[string]struct{}, len(keys))
	}
	for _, k := range keys {
		if k != "" {
			tx.changes[k] = struct{}{}
		}
	}
}

// recordStoryChange names what a story write touched: the story, and when
// the story was or is public, every list it was in before (old, nil for a
// new story) and is in after (st, nil for a deleted one), the feeds and the
// sitemap. Unpublished stories are on no public page but their own, which
// answers 404 and is never cached, so they name only the story.
func (tx *tx) recordStoryChange(old, st *news.Story) {
	public := false
	for _, x := range []*news.Story{old, st} {
		if x == nil {
			continue
		}
		tx.recordChange(news.StoryKey(x.ID))
		public = public || x.Status == news.StatusPublished
	}
	if !public {
		return
	}
	tx.recordChange(news.KeyFeed, news.KeySitemap)
	for _, x := range []*news.Story{old, st} {
		if x != nil {
			tx.recordChange(storyScopes(x)...)
		}
	}
}

// flushChanges writes the keys recordChange gathered as one change. On
// PostgreSQL it first locks the table against other writers until commit,
// so that ids are taken in commit order and a reader that has seen id n
// will never later find a smaller one; the lock is taken last and held
// for the insert alone. It also notifies listeners, which PostgreSQL does
// only when the transaction commits.
func (tx *tx) flushChanges(ctx context.Context) error {
	keys := make([]string, 0, len(tx.changes))
	for k := range tx.changes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	tx.changes = nil
	if tx.s.dialect == dialectPostgres {
		if _, err := tx.exec(ctx, `LOCK TABLE changes IN EXCLUSIVE MODE`); err != nil {
			return fmt.Errorf("record change: %w", err)
		}
	}
	var id int64
	if err := tx.queryRow(ctx, `INSERT INTO changes (at, keys) VALUES (?, ?) RETURNING id`,
		dbTime(tx.now), strings.Join(keys, " ")).Scan(&id); err != nil {
		return fmt.Errorf("record change: %w", err)
	}
	if tx.s.dialect == dialectPostgres {
		if _, err := tx.exec(ctx, `SELECT pg_notify(?, ?)`, tx.s.channel, strconv.FormatInt(id, 10)); err != nil {
			return fmt.Errorf("notify change: %w", err)
		}
	}
	if id%pruneEvery == 0 {
		if _, err := tx.exec(ctx, `DELETE FROM changes WHERE at < ?`, dbTime(tx.now.Add(-changeRetention))); err != nil {
			return fmt.Errorf("prune changes: %w", err)
		}
	}
	return nil
}

// LastChange returns the id of the newest change, 0 when there is none: a
// cache starting empty reads the changes after it.
func (s *Store) LastChange(ctx context.Context) (int64, error) {
	var id int64
	err := s.view(ctx, func(tx *tx) error {
		return tx.queryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM changes`).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("store: last change: %w", err)
	}
	return id, nil
}

// ChangesAfter returns up to limit changes with ids above after, oldest
// first.
func (s *Store) ChangesAfter(ctx context.Context, after int64, limit int) ([]news.Change, error) {
	var chs []news.Change
	err := s.view(ctx, func(tx *tx) (err error) {
		chs, err = queryAll(ctx, tx, scanChange, `SELECT id, at, keys FROM changes WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: changes after %d: %w", after, err)
	}
	return chs, nil
}

func scanChange(r scanner) (news.Change, error) {
	var (
		c    news.Change
		at   sql.NullTime
		keys string
	)
	if err := r.Scan(&c.ID, &at, &keys); err != nil {
		return news.Change{}, err
	}
	c.At, c.Keys = goTime(at), strings.Fields(keys)
	return c, nil
}

// WatchChanges calls wake soon after any process commits a change, until
// ctx ends (it then returns nil) or its connection fails (it returns the
// error, and the caller may call it again); the caller reads the changes
// with ChangesAfter. On PostgreSQL it listens on a connection of its own
// and also wakes the caller once it listens, since notifications sent
// while it was not listening are lost. SQLite cannot notify another
// process, so there it only waits for ctx to end: callers poll as well.
func (s *Store) WatchChanges(ctx context.Context, wake func()) error {
	if s.dialect != dialectPostgres {
		<-ctx.Done()
		return nil
	}
	err := s.listen(ctx, wake)
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// listen holds one LISTEN connection until it fails or ctx ends.
func (s *Store) listen(ctx context.Context, wake func()) error {
	conn, err := pgx.Connect(ctx, s.url)
	if err != nil {
		return fmt.Errorf("store: listen for changes: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{s.channel}.Sanitize()); err != nil {
		return fmt.Errorf("store: listen for changes: %w", err)
	}
	wake()
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return fmt.Errorf("store: wait for changes: %w", err)
		}
		wake()
	}
}

// changeChannel is the PostgreSQL notification channel of the newsroom in
// schema: notifications cross schemas, and newsrooms sharing a server in
// separate schemas should not wake each other. Hashed to stay within the
// 63 bytes of a channel name.
func changeChannel(schema string) string {
	h := fnv.New64a()
	h.Write([]byte(schema))
	return "newsdesk_changes_" + strconv.FormatUint(h.Sum64(), 16)
}

// currentSchema returns the schema that the connection's tables live in.
func (s *Store) currentSchema(ctx context.Context) (string, error) {
	var schema string
	if err := s.write.QueryRowContext(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return "", err
	}
	if schema == "" {
		return "", errors.New("no current schema")
	}
	return schema, nil
}
