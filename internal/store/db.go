package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"wubdesk/internal/wub"
)

// ApplicationID marks a SQLite file as a WUBDesk database ("WUBD").
const ApplicationID = 0x57554244

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is an open WUBDesk database: one writer connection for every change
// and a pool of read-only connections for queries.
type DB struct {
	Path string
	w    *sql.DB // exactly one connection: all writes and write transactions
	r    *sql.DB // read-only pool

	// Now is the clock; tests replace it.
	Now func() time.Time
	// Actor names who makes changes in the audit log.
	Actor string
	// role is the signed-in user's role ("" without sign-in); WriteTx
	// refuses changes the role may not make.
	role wub.Role

	// CheckDeferred is set by OpenChecked for a file too large to check
	// before opening (CheckAtOpenLimit): CheckOpened runs the check.
	CheckDeferred bool

	// ReadOnly is set when the file (or its folder, or the medium) cannot be
	// written: the app shows it and every change is refused with
	// disk_readonly instead of failing at the first save.
	ReadOnly bool
	// ident is the file as opened: stillSame compares the path with it
	// before every commit.
	ident os.FileInfo

	onClose []func() // run by Close after the pools are closed (lock release)

	dups dupCache // the last likely-duplicate scan (dupes.go)
}

// DefaultPath is the database file in the user's configuration folder
// (%AppData%\WUBDesk\wubdesk.db on Windows).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "WUBDesk", "wubdesk.db"), nil
}

func dsn(path string, readOnly bool) string {
	q := "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)" +
		"&_txlock=immediate&_time_format=sqlite"
	if readOnly {
		q += "&_pragma=query_only(1)"
	} else {
		q += "&_pragma=journal_mode(WAL)"
	}
	return path + q
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date. A file that is not a WUBDesk database, or was made by a
// newer WUBDesk, is refused and left untouched.
func Open(path string) (*DB, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("nama berkas basis data tidak boleh mengandung ? atau #: %s", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("membuat folder %s: %w", filepath.Dir(abs), err)
	}
	if err := refuseEmptied(abs); err != nil {
		return nil, err
	}
	if err := checkHeader(abs); err != nil {
		return nil, err
	}
	if st, err := os.Stat(abs); err == nil && st.Size() > 0 && !writable(abs) {
		return openReadOnly(abs)
	}
	w, err := sql.Open("sqlite", dsn(abs, false))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	db := &DB{Path: abs, w: w, Now: func() time.Time { return time.Now() }, Actor: defaultActor()}
	if err := db.migrate(context.Background()); err != nil {
		w.Close()
		return nil, db.fileErr(err)
	}
	if db.ident, err = os.Stat(abs); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(abs, true))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(readers())
	r.SetMaxIdleConns(readers())
	db.r = r
	return db, nil
}

// readers is the size of the read pool.
func readers() int { return max(4, runtime.NumCPU()) }

// Close closes both pools. The WAL is checkpointed by SQLite on the last close.
func (db *DB) Close() error {
	var errs []error
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	if db.w != nil {
		errs = append(errs, db.w.Close())
	}
	for _, fn := range db.onClose {
		fn()
	}
	db.onClose = nil
	return errors.Join(errs...)
}

func defaultActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "operator"
}

// checkHeader refuses a file that is not SQLite, or is SQLite but not ours,
// without writing anything to it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	hdr := make([]byte, 100)
	n, _ := f.Read(hdr)
	if n == 0 {
		return nil // empty file: a new database
	}
	if n < 100 || string(hdr[:16]) != "SQLite format 3\x00" {
		return wub.Errorf("db_foreign", filepath.Base(path))
	}
	appID := uint32(hdr[68])<<24 | uint32(hdr[69])<<16 | uint32(hdr[70])<<8 | uint32(hdr[71])
	userVersion := uint32(hdr[60])<<24 | uint32(hdr[61])<<16 | uint32(hdr[62])<<8 | uint32(hdr[63])
	if appID != ApplicationID && !(appID == 0 && userVersion == 0) {
		return wub.Errorf("db_foreign", filepath.Base(path))
	}
	// Refuse a newer schema before any connection sets journal_mode, which
	// would already change the file's header.
	if int(userVersion) > SchemaVersion() {
		return wub.Errorf("db_newer", userVersion, SchemaVersion())
	}
	return nil
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a number", out[i-1].name, out[i].name)
		}
	}
	return out, nil
}

// SchemaVersion is the newest schema this build knows: the number of the
// last migration (numbers may have gaps; each only has to be larger).
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		panic(err)
	}
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// BeforeMigrate, when set, is called with the open writer before a
// migration changes an existing database (the backup hook of the
// reliability issue). It is not called for a new, empty database.
var BeforeMigrate func(ctx context.Context, db *DB, from, to int) error

// migrate applies every migration newer than the file's user_version, each
// in its own IMMEDIATE transaction together with the version bump.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var cur int
	if err := db.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
		return classify(err, db.Path)
	}
	latest := SchemaVersion()
	if cur > latest {
		return wub.Errorf("db_newer", cur, latest)
	}
	if cur < latest && cur > 0 && BeforeMigrate != nil {
		if err := BeforeMigrate(ctx, db, cur, latest); err != nil {
			return err
		}
	}
	for _, m := range ms {
		if m.version <= cur {
			continue
		}
		if err := db.apply(ctx, m); err != nil {
			return fmt.Errorf("migrasi %s: %w", m.name, err)
		}
	}
	return nil
}

func (db *DB) apply(ctx context.Context, m migration) error {
	tx, err := db.w.BeginTx(ctx, nil) // _txlock=immediate: BEGIN IMMEDIATE
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v >= m.version { // another process got there first
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// classify turns SQLite's errors about the file into domain errors.
func classify(err error, path string) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return wub.Errorf("db_foreign", filepath.Base(path))
		case sqlite3.SQLITE_CORRUPT:
			return wub.Errorf("db_damaged", se.Error())
		}
	}
	return err
}

func isUniqueViolation(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}

// now returns the clock as stored: UTC, second precision, RFC 3339.
func (db *DB) now() string { return db.Now().UTC().Format(time.RFC3339) }

// today is the clock's date in local time, at midnight UTC like stored dates.
func (db *DB) today() time.Time {
	n := db.Now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// Today exposes the injected clock's date to callers that check records.
func (db *DB) Today() time.Time { return db.today() }

// WriteTx runs fn in one write transaction (BEGIN IMMEDIATE on the single
// writer): every change of the store goes through here or through Bulk, so
// this is also where a signed-in role without the right to edit is stopped,
// whatever screen or command asked.
func (db *DB) WriteTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return db.writeTx(ctx, fn, wub.ActEdit)
}

// writeTx is WriteTx for a change that any of acts allows (a head of office
// records contract decisions with ActSignOff).
func (db *DB) writeTx(ctx context.Context, fn func(tx *sql.Tx) error, acts ...wub.Action) error {
	if err := db.allowed(acts...); err != nil {
		return err
	}
	return db.systemTx(ctx, fn)
}

// allowed reports a role_denied error when a user is signed in whose role
// may do none of acts. Without sign-in the one clerk may do everything.
func (db *DB) allowed(acts ...wub.Action) error {
	if db.role == "" {
		return nil
	}
	for _, a := range acts {
		if db.role.Can(a) {
			return nil
		}
	}
	return wub.Errorf("role_denied", db.role.Label(), wub.WhoCan(acts...))
}

// systemTx is a write transaction that no role check stops: the app's own
// bookkeeping (failed sign-in counters), not a user's change.
//
// Before the commit it checks that the path still names the file that was
// opened (stillSame): a change written into a deleted or replaced file would
// be reported as saved and then be gone.
func (db *DB) systemTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if db.ReadOnly {
		return wub.Errorf("disk_readonly", filepath.Dir(db.Path))
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return db.fileErr(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return db.fileErr(err)
	}
	if err := db.stillSame(); err != nil {
		return err
	}
	return db.fileErr(tx.Commit())
}

// IntegrityCheck runs PRAGMA quick_check (full=false) or integrity_check.
func (db *DB) IntegrityCheck(ctx context.Context, full bool) error {
	q := "PRAGMA quick_check"
	if full {
		q = "PRAGMA integrity_check"
	}
	rows, err := db.r.QueryContext(ctx, q)
	if err != nil {
		return classify(err, db.Path)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(err, db.Path)
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = append(problems[:5], "…")
		}
		return wub.Errorf("db_damaged", strings.Join(problems, "; "))
	}
	return nil
}

// UserVersion returns the schema version of the open file.
func (db *DB) UserVersion(ctx context.Context) (int, error) {
	var v int
	err := db.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
