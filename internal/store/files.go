package store

import (
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"wubdesk/internal/platform"
	"wubdesk/internal/wub"
)

// Problems with the disk rather than the data (issue 25): a full disk, a
// read-only file or folder, a file deleted or replaced while it is open.
// None of them is damage, and none may be reported as "saved".

// diskProblem maps a full disk or a refused write, from SQLite or from the
// OS, to a message that says what to do; nil when err is neither. dir is
// the folder being written (shown to the clerk).
func diskProblem(err error, dir string) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return wub.Errorf("disk_full", dir)
		case sqlite3.SQLITE_READONLY:
			return wub.Errorf("disk_readonly", dir)
		case sqlite3.SQLITE_PERM:
			return wub.Errorf("disk_readonly", dir)
		case sqlite3.SQLITE_CANTOPEN:
			if free, err := platform.FreeSpace(dir); err == nil && free < 1<<20 {
				return wub.Errorf("disk_full", dir)
			}
		case sqlite3.SQLITE_IOERR:
			// Writes that failed (the -wal, the -shm, a sync) are a disk's
			// problem, not the data's.
			switch se.Code() >> 8 {
			case 3, 4, 6, 13, 18, 19, 21, 24: // WRITE, FSYNC, TRUNCATE, NOMEM, SHMOPEN, SHMSIZE, SHMMAP, ...
				if free, err := platform.FreeSpace(dir); err == nil && free < 1<<20 {
					return wub.Errorf("disk_full", dir)
				}
				return wub.Errorf("disk_write", dir, se.Code())
			}
		}
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return wub.Errorf("disk_full", dir)
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return wub.Errorf("disk_readonly", dir)
	}
	return nil
}

// fileErr is err with disk problems in words a clerk can act on; other
// errors pass unchanged.
func (db *DB) fileErr(err error) error {
	if err == nil || wub.ErrorCode(err) != "" {
		return err
	}
	if l := lockErr(err); l != nil {
		return l
	}
	if p := diskProblem(err, filepath.Dir(db.Path)); p != nil {
		return p
	}
	return err
}

// stillSame verifies that the path still names the file that was opened:
// a file deleted (Linux lets the app write on into the deleted inode) or
// replaced under the app must not take a commit that then vanishes.
func (db *DB) stillSame() error {
	if db.ident == nil {
		return nil
	}
	st, err := os.Stat(db.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return wub.Errorf("db_gone", db.Path)
	}
	if err != nil {
		return err
	}
	if !os.SameFile(db.ident, st) {
		return wub.Errorf("db_replaced", db.Path)
	}
	return nil
}

// Verify is stillSame for callers that finish work outside a transaction
// (the end of a restore, a handover) and must fail loudly.
func (db *DB) Verify() error { return db.stillSame() }

// SpaceMargin is kept free on top of what a large piece of work needs.
var SpaceMargin int64 = 4 << 20

// ensureSpace refuses to start work that needs about need bytes in dir
// when the disk has less free (plus SpaceMargin): better a clear message
// before than a full disk in the middle.
func ensureSpace(dir string, need int64) error {
	free, err := platform.FreeSpace(dir)
	if err != nil {
		return nil // cannot tell: the write itself will say
	}
	if int64(free) < need+SpaceMargin {
		return wub.Errorf("disk_low", dir, mib(need+SpaceMargin), mib(int64(free)))
	}
	return nil
}

// fileSize is the size of the database with its -wal (what a backup reads).
func fileSize(path string) int64 {
	var n int64
	for _, s := range []string{"", "-wal"} {
		if st, err := os.Stat(path + s); err == nil {
			n += st.Size()
		}
	}
	return n
}

func mib(n int64) string { return wub.FormatFloat(float64(n)/(1<<20), 1) + " MB" }

// writable reports whether the file (or, when it does not exist, its
// folder) can be written: false for a read-only file, folder or medium.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err == nil {
		f.Close()
		// SQLite also writes -wal and -shm beside the file.
		probe, err := os.CreateTemp(filepath.Dir(path), ".wubdesk-probe-*")
		if err != nil {
			return !(errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS))
		}
		probe.Close()
		os.Remove(probe.Name())
		return true
	}
	return !(errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS))
}

// refuseEmptied refuses to make a new database over a file that is empty
// or has no SQLite header while something says a database was there: its
// backups, a -wal or -journal beside it. That is a database that lost its
// contents, and the way out is a restore, not a new office.
func refuseEmptied(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil // absent: a new database (OpenChecked says db_missing when backups exist)
	}
	if st.Size() >= 100 {
		if hdr, err := readHeader(path); err == nil && string(hdr[:16]) == "SQLite format 3\x00" {
			return nil
		}
	}
	var why []string
	if list, _ := ListBackups(path); len(list) > 0 {
		why = append(why, wub.Message("db_emptied_backups", "", len(list)))
	}
	for _, s := range []string{"-wal", "-journal"} {
		if st, err := os.Stat(path + s); err == nil && st.Size() > 0 {
			why = append(why, wub.Message("db_emptied_sidecar", "", filepath.Base(path+s)))
		}
	}
	if len(why) == 0 {
		return nil // a new file (empty) or a foreign one (checkHeader says so)
	}
	return wub.Errorf("db_emptied", filepath.Base(path), strings.Join(why, "; "))
}

// openReadOnly opens a file that cannot be written: both pools read-only,
// no migration (a file of an older schema cannot be upgraded in place),
// ReadOnly set so that the app says so and refuses changes up front.
func openReadOnly(abs string) (*DB, error) {
	uri := readOnlyURI(abs)
	if _, err := os.Stat(abs + "-wal"); errors.Is(err, fs.ErrNotExist) {
		// Closed cleanly: nothing to replay. A WAL-mode file cannot be read
		// with mode=ro alone when its -shm cannot be made; immutable
		// tells SQLite nobody writes it, which is what read-only means here.
		uri += "&immutable=1"
	}
	r, err := sql.Open("sqlite", uri)
	if err != nil {
		return nil, err
	}
	var v int
	if err := r.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		r.Close()
		if p := diskProblem(err, filepath.Dir(abs)); p != nil {
			return nil, p
		}
		return nil, classify(err, abs)
	}
	if v != SchemaVersion() {
		r.Close()
		return nil, wub.Errorf("db_readonly_old", filepath.Base(abs), v, SchemaVersion())
	}
	r.SetMaxOpenConns(readers())
	w, err := sql.Open("sqlite", uri)
	if err != nil {
		r.Close()
		return nil, err
	}
	w.SetMaxOpenConns(1)
	db := &DB{Path: abs, w: w, r: r, Now: func() time.Time { return time.Now() }, Actor: defaultActor(), ReadOnly: true}
	db.ident, _ = os.Stat(abs)
	return db, nil
}

// isDiskProblem reports whether err is one of diskProblem's codes.
func isDiskProblem(err error) bool {
	switch wub.ErrorCode(err) {
	case "disk_full", "disk_low", "disk_readonly", "disk_write":
		return true
	}
	return false
}

// checkDSN is the read-only connection a check uses: the app's read pool
// settings, or, for a file that cannot be written, a read-only URI that
// needs no -shm (see openReadOnly).
func checkDSN(path string) string {
	if writable(path) {
		return dsn(path, true)
	}
	uri := readOnlyURI(path)
	if _, err := os.Stat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		uri += "&immutable=1"
	}
	return uri
}
