// Package store keeps newsdesk's newsroom in a database: SQLite by default,
// PostgreSQL when the newsroom outgrows one machine. Every change is one
// transaction that also records what changed, so no version of a story is
// ever lost.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"newsdesk/internal/news"
)

// Dialect names returned by (*Store).Dialect.
const (
	dialectSQLite   = "sqlite"
	dialectPostgres = "postgres"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// Store is the newsroom's database. It is safe for concurrent use.
type Store struct {
	dialect string
	// write takes every transaction that changes data. On SQLite it holds a
	// single connection, so writers queue in Go instead of failing with
	// SQLITE_BUSY; on PostgreSQL it is the same pool as read.
	write *sql.DB
	// read serves queries. On SQLite it is a separate pool of connections
	// that WAL lets read alongside the one writer.
	read *sql.DB
	// readStmts keeps the statements of SQLite reads prepared: preparing
	// one costs more than running it. (pgx keeps its own cache of
	// prepared statements on PostgreSQL; SQLite writes are rare enough.)
	readStmts *stmtCache
	now       func() time.Time
	// rank bounds how many stories SQLite's search scores (search_rank.go).
	rank rankLimits

	// url and channel are PostgreSQL's: WatchChanges opens a connection
	// of its own to listen on the channel that change writers notify.
	url     string
	channel string
}

// Open connects to the database named by url, applies any pending
// migrations and returns the store. A url starting with postgres:// or
// postgresql:// selects PostgreSQL; anything else is the path of a SQLite
// file, optionally prefixed with "sqlite:" or "file:".
func Open(ctx context.Context, url string) (*Store, error) {
	var (
		s   *Store
		err error
	)
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		s, err = openPostgres(url)
	} else {
		s, err = openSQLite(url)
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.indexPending(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func openPostgres(url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	db.SetMaxOpenConns(4 * runtime.GOMAXPROCS(0))
	db.SetMaxIdleConns(4 * runtime.GOMAXPROCS(0))
	db.SetConnMaxIdleTime(5 * time.Minute)
	return &Store{dialect: dialectPostgres, write: db, read: db, now: time.Now, rank: defaultRankLimits, url: url}, nil
}

// sqlitePragmas are set through the DSN so that every pooled connection
// gets them, not just the first one.
var sqlitePragmas = []string{
	"busy_timeout(5000)",
	"journal_mode(WAL)",
	"synchronous(NORMAL)",
	"foreign_keys(ON)",
	// Read the file through a memory map rather than a read call per page:
	// a newsroom of 100,000 stories is over a gigabyte, and pages of random
	// stories are seldom in SQLite's own small cache. SQLite caps the map at
	// its compiled maximum (2 GB); pages past it are read as before.
	"mmap_size(2147483648)",
}

func openSQLite(path string) (*Store, error) {
	path = strings.TrimPrefix(strings.TrimPrefix(path, "sqlite:"), "file:")
	// Parameters the caller gave (say "?_pragma=cache_size(-64000)") are
	// kept beside ours; a pragma the caller sets replaces ours.
	path, given, _ := strings.Cut(path, "?")
	if path == "" {
		return nil, errors.New("store: open sqlite: empty database path")
	}
	userQuery, err := url.ParseQuery(given)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
	}
	dsn := func(extra ...string) string {
		q := url.Values{}
		for k, vs := range userQuery {
			q[k] = append(q[k], vs...)
		}
		for _, p := range sqlitePragmas {
			if !slices.ContainsFunc(userQuery["_pragma"], func(u string) bool { return pragmaName(u) == pragmaName(p) }) {
				q.Add("_pragma", p)
			}
		}
		// Times are written in SQLite's own layout; in UTC it sorts as text.
		q.Set("_time_format", "sqlite")
		for i := 0; i+1 < len(extra); i += 2 {
			q.Add(extra[i], extra[i+1])
		}
		return "file:" + path + "?" + q.Encode()
	}
	// BEGIN IMMEDIATE takes the write lock up front, so a transaction never
	// fails half-way when it upgrades from reading to writing.
	w, err := sql.Open("sqlite", dsn("_txlock", "immediate"))
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	// The write pool must create the file and switch it to WAL before the
	// readers open it read-only.
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn("_pragma", "query_only(1)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
	}
	n := max(4, 2*runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxIdleTime(0)
	return &Store{
		dialect: dialectSQLite, write: w, read: r, now: time.Now, rank: defaultRankLimits,
		readStmts: newStmtCache(r),
	}, nil
}

// pragmaName returns the name of a pragma as the DSN sets it:
// "mmap_size" for "mmap_size(0)" or "MMAP_SIZE = 0". The driver runs the
// pragmas in alphabetical order, so of two with one name the one that sorts
// last would win, whoever gave it.
func pragmaName(p string) string {
	name, _, _ := strings.Cut(p, "(")
	name, _, _ = strings.Cut(name, "=")
	return strings.ToLower(strings.TrimSpace(name))
}

// migrate applies the embedded migrations of the store's dialect.
func (s *Store) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations/"+s.dialect)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	opts := []goose.ProviderOption{
		goose.WithDisableGlobalRegistry(true),
		// Migrations are numbered when work on them starts, and may land
		// in another order: a database that has 00008 must still get 00004.
		goose.WithAllowOutofOrder(true),
	}
	dialect := goose.DialectSQLite3
	if s.dialect == dialectPostgres {
		dialect = goose.DialectPostgres
		// Several nodes may start at once: the lock lets one migrate while
		// the others wait. It is keyed by schema so that newsrooms sharing
		// one server in separate schemas do not wait for each other.
		schema, err := s.currentSchema(ctx)
		if err != nil {
			return fmt.Errorf("store: migrate: %w", err)
		}
		s.channel = changeChannel(schema)
		h := fnv.New64a()
		h.Write([]byte("newsdesk:" + schema))
		locker, err := lock.NewPostgresSessionLocker(
			lock.WithLockID(int64(h.Sum64()>>1)),
			lock.WithLockTimeout(1, 300),
		)
		if err != nil {
			return fmt.Errorf("store: migrate: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, s.write, sub, opts...)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	// p.Close would close s.write, which the store keeps using.
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// Close closes the database connections.
func (s *Store) Close() error {
	s.readStmts.close()
	err := s.write.Close()
	if s.read != s.write {
		err = errors.Join(err, s.read.Close())
	}
	return err
}

// Dialect reports which database the store uses: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Ping checks that the database answers, for health checks.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.read.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// rebind turns the ? placeholders of shared SQL into PostgreSQL's $1, $2...
// SQLite gets ? as written: it numbers $n parameters by first appearance,
// which would break SQL that uses them out of order. Queries hold no
// literal question marks, so no quoting needs to be understood.
func (s *Store) rebind(query string) string {
	if s.dialect != dialectPostgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// tx is a transaction that rebinds its SQL for the store's dialect.
type tx struct {
	tx    *sql.Tx
	s     *Store
	stmts *stmtCache // nil when the driver caches statements itself
	now   time.Time  // one clock reading for everything the transaction stamps

	// tags and authors remember what the transaction resolved, so that a
	// batch of stories looks each one up once.
	tags    map[string]news.Tag
	authors map[string]news.Author
	// counts gathers changes to story_counts, written before commit.
	counts map[countKey]int
	// changes gathers the keys of what the transaction touched, written
	// as one change before commit.
	changes map[string]struct{}
	// analysers stem the search index's text, by edition code.
	analysers map[string]*analyser
}

func (t *tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, t.s.rebind(query), args...)
}

func (t *tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, t.s.rebind(query), args...)
}

func (t *tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, t.s.rebind(query), args...)
}

// stmt returns the cached statement for query bound to the transaction, or
// nil to run the query unprepared.
func (t *tx) stmt(ctx context.Context, query string) *sql.Stmt {
	if t.stmts == nil {
		return nil
	}
	st := t.stmts.get(query)
	if st == nil {
		return nil
	}
	// The transaction's statement reuses what st prepared on this
	// connection before, and is closed when the transaction ends.
	return t.tx.StmtContext(ctx, st)
}

// queryAll runs query and scans each of its rows with scan.
func queryAll[T any](ctx context.Context, t *tx, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := t.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		all = append(all, v)
	}
	return all, rows.Err()
}

// update runs fn in a write transaction, committing when fn returns nil.
func (s *Store) update(ctx context.Context, fn func(*tx) error) error {
	return s.inTx(ctx, s.write, nil, nil, fn)
}

// view runs fn in a read-only transaction, so that the several queries of
// one read see one state of the database.
func (s *Store) view(ctx context.Context, fn func(*tx) error) error {
	var opts *sql.TxOptions
	if s.dialect == dialectPostgres {
		opts = &sql.TxOptions{ReadOnly: true}
	}
	return s.inTx(ctx, s.read, s.readStmts, opts, fn)
}

func (s *Store) inTx(ctx context.Context, db *sql.DB, stmts *stmtCache, opts *sql.TxOptions, fn func(*tx) error) error {
	sqlTx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	t := &tx{tx: sqlTx, s: s, stmts: stmts, now: s.now().UTC().Truncate(time.Microsecond)}
	err = fn(t)
	if err == nil && len(t.counts) > 0 {
		err = t.flushCounts(ctx)
	}
	// Last, so that PostgreSQL's lock on the changes table is held for
	// as short a time as possible.
	if err == nil && len(t.changes) > 0 {
		err = t.flushChanges(ctx)
	}
	if err != nil {
		sqlTx.Rollback()
		return err
	}
	return sqlTx.Commit()
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// int64Args turns ids into query arguments.
func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// normTime returns t as the database gives it back: UTC, at the
// microsecond precision both databases keep.
func normTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

// dbTime prepares a time for storage: normalised, and NULL when zero.
func dbTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return normTime(t)
}

// goTime reads back a time stored by dbTime.
func goTime(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// isUniqueViolation reports whether err is a unique constraint failure,
// which a concurrent writer can cause after our own checks passed.
func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23505"
	}
	var liteErr *sqlite.Error
	if errors.As(err, &liteErr) {
		c := liteErr.Code()
		return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// notFound is the domain error for a missing row, with a message safe to
// show: "story 12 not found".
func notFound(format string, args ...any) error {
	return news.Errorf(news.ErrNotFound, format+" not found", args...)
}
