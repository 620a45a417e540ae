package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"wubdesk/internal/wub"
)

// DamagedError is what OpenChecked returns for a database file that cannot
// be trusted: SQLite finds damage, the file is empty or unreadable, or it
// is missing although backups of it exist. Backup is the newest backup that
// passed verification (HasBackup false when there is none), for the dialog
// that offers to restore it.
type DamagedError = wub.DamagedError

// CheckAtOpenLimit is the largest file that OpenChecked checks in full
// before opening. quick_check reads every page (about 50 MB/s here: half a
// second for a regency's 25 MB, 17 s for a province's 900 MB), so a larger
// file opens after a light check of its schema and the caller runs
// CheckOpened in the background once the window is usable.
var CheckAtOpenLimit int64 = 32 << 20

// OpenChecked is how the GUI opens the office's database at start: a quick
// integrity check before anything is written (for files up to
// CheckAtOpenLimit; larger ones get a light check and db.Deferred set),
// then Open (which migrates, with a backup first). A damaged file comes back as *DamagedError, never
// as a crash or a silent new empty database. Other errors (db_newer,
// db_foreign for a file that never was ours) are returned as Open returns
// them. Call StartOfDayBackup once the database is open.
func OpenChecked(ctx context.Context, path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if finding := preOpenCheck(ctx, abs); finding != nil {
		if wub.ErrorCode(finding) == "" || isDiskProblem(finding) { // not about the file's contents
			return nil, finding
		}
		return nil, damagedWithBackup(ctx, abs, finding)
	}
	db, err := Open(abs)
	if err != nil {
		if wub.ErrorCode(err) == "db_damaged" {
			return nil, damagedWithBackup(ctx, abs, err)
		}
		return nil, err
	}
	db.CheckDeferred = deferCheck(abs)
	return db, nil
}

// deferCheck reports whether the file is too large for quick_check at open.
func deferCheck(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Size() > CheckAtOpenLimit
}

// CheckOpened is the full check that every start runs in the background,
// whatever the file's size (FullCheck: integrity_check and the app's
// invariants; quick_check at open misses a damaged index): nil when the
// file is good, otherwise a *DamagedError like OpenChecked's. The caller
// stops using db before it offers the restore.
func (db *DB) CheckOpened(ctx context.Context) error {
	return db.FullCheck(ctx)
}

// preOpenCheck looks at the file as it is, read-only. nil means Open may go
// ahead: the file is good, or it is new (absent or empty with no backups).
func preOpenCheck(ctx context.Context, path string) error {
	hasBackups := false
	if list, _ := ListBackups(path); len(list) > 0 {
		hasBackups = true
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if hasBackups {
			return wub.Errorf("db_missing", path)
		}
		return nil
	case err != nil:
		return err
	case st.Size() == 0:
		if hasBackups {
			return wub.Errorf("db_damaged", wub.Message("db_empty_file", ""))
		}
		return nil
	}
	if err := checkHeader(path); err != nil {
		if hasBackups && wub.ErrorCode(err) == "db_foreign" {
			return wub.Errorf("db_damaged", wub.Message("db_bad_header", ""))
		}
		return err
	}
	hdr, err := readHeader(path)
	if err != nil {
		if hasBackups {
			return wub.Errorf("db_damaged", wub.Message("db_bad_header", ""))
		}
		return err
	}
	if v := int(be32(hdr[60:64])); v > SchemaVersion() {
		return wub.Errorf("db_newer", v, SchemaVersion())
	}
	// The same read-only pool settings as the app; WAL is persistent, so
	// this connection reads the committed state including the -wal file.
	c, err := sql.Open("sqlite", checkDSN(path))
	if err != nil {
		return err
	}
	defer c.Close()
	if deferCheck(path) {
		// The light check: page 1 and the schema can be read.
		var n int
		return damagedIf(c.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n), path)
	}
	return runCheck(ctx, c, false, path)
}

func damagedIf(err error, path string) error {
	if err != nil {
		return damaged(err, path)
	}
	return nil
}

func damagedWithBackup(ctx context.Context, path string, finding error) *DamagedError {
	e := &DamagedError{Path: path, Detail: finding, Missing: wub.ErrorCode(finding) == "db_missing"}
	e.Backup, e.HasBackup, _ = NewestGoodBackup(ctx, path)
	return e
}

// Restore replaces the database at dbPath with the backup file src. The
// database must be closed (the GUI closes it, keeps its instance lock,
// calls Restore, then opens it again with OpenChecked). src is checked
// first (VerifyBackup, with a full integrity_check) on a copy beside the
// database; the current file is kept in the backups folder (as a verified
// backup, or moved aside whole as "<name>-damaged.bad" when it cannot be
// read); then the copy takes the database's name in one rename. kept is
// where the current file went ("" when there was none).
func Restore(ctx context.Context, dbPath, src string) (kept string, err error) {
	dbPath, err = filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	if src, err = filepath.Abs(src); err != nil {
		return "", err
	}
	if src == dbPath {
		return "", wub.Errorf("backup_same_file")
	}
	if _, _, err := backupHeader(src, true); err != nil {
		return "", wub.Errorf("restore_bad_source", filepath.Base(src), err)
	}
	staged := tempName(dbPath)
	defer os.Remove(staged)
	defer os.Remove(staged + "-wal")
	defer os.Remove(staged + "-journal")
	stop := watchFile(ctx, StageCopy, staged, fileSize(src)) // progress.go
	err = copyWithWAL(src, staged)
	stop()
	if err != nil {
		return "", wub.Errorf("restore_failed", err)
	}
	if err := ctx.Err(); err != nil { // cancelled: the database was not touched
		return "", err
	}
	// A WAL-mode source becomes one self-contained file before the check.
	if err := toRollbackJournal(ctx, staged); err != nil {
		return "", wub.Errorf("restore_bad_source", filepath.Base(src), err)
	}
	report(ctx, StageCheck, 0, 0)
	if _, err := verifyFile(ctx, staged, true, true); err != nil {
		return "", wub.Errorf("restore_bad_source", filepath.Base(src), err)
	}
	if err := syncFile(staged); err != nil {
		return "", wub.Errorf("restore_failed", err)
	}
	if err := ctx.Err(); err != nil { // cancelled: the database was not touched
		return "", err
	}
	kept, err = keepCurrent(keepContext(ctx), dbPath)
	if err != nil {
		return "", wub.Errorf("restore_failed", err)
	}
	if err := os.Rename(staged, dbPath); err != nil {
		return kept, wub.Errorf("restore_failed", err)
	}
	syncDir(filepath.Dir(dbPath))
	return kept, nil
}

// keepCurrent puts the database that a restore replaces into the backups
// folder and clears its -wal and -shm, which must never meet the restored
// file. A readable file is backed up like any other; an unreadable one is
// moved there whole, never deleted.
func keepCurrent(ctx context.Context, dbPath string) (string, error) {
	if _, err := os.Stat(dbPath); errors.Is(err, fs.ErrNotExist) {
		removeSidecars(dbPath)
		return "", nil
	}
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	name, err := nextName(dir, dbBase(dbPath), time.Now(), ReasonRestore)
	if err != nil {
		return "", err
	}
	kept := filepath.Join(dir, name.String())
	// A damaged file is not copied with VACUUM INTO: the copy could pass
	// its check while missing what the damage hid, and then pose as a good
	// backup. It is moved aside whole instead.
	if preOpenCheck(ctx, dbPath) == nil {
		if _, err := BackupFile(ctx, dbPath, kept); err == nil {
			if err := removeSidecars(dbPath); err != nil {
				return "", err
			}
			return kept, nil
		}
	}
	moved := filepath.Join(dir, dbBase(dbPath)+"-"+name.at.Format("20060102-150405")+"-damaged.bad")
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if _, err := os.Stat(dbPath + suffix); err == nil {
			if err := os.Rename(dbPath+suffix, moved+suffix); err != nil {
				return "", err
			}
		}
	}
	syncDir(dir)
	syncDir(filepath.Dir(dbPath))
	return moved, nil
}

func removeSidecars(dbPath string) error {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
