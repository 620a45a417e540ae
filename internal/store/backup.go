package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"wubdesk/internal/platform"
	"wubdesk/internal/wub"
)

// BackupInfo describes a backup file (wub.BackupInfo).
type BackupInfo = wub.BackupInfo

// BackupTo writes a consistent copy of the open database to dest (a flash
// drive, another folder) and verifies it. Writers are not blocked: the copy
// is the last committed state when it starts.
func (db *DB) BackupTo(ctx context.Context, dest string) (BackupInfo, error) {
	return BackupFile(ctx, db.Path, dest)
}

// BackupFile copies the WUBDesk database at src to dest without opening it
// for writing or migrating it (the headless `wubdesk backup`; safe while the
// app has the file open). The copy is made with VACUUM INTO under a
// temporary name beside dest, flushed to disk, checked (application_id,
// integrity_check and the app's invariants) and only then renamed to dest, so that dest is either the
// old file or a complete, good backup — never half a backup.
func BackupFile(ctx context.Context, src, dest string) (BackupInfo, error) {
	src, err := filepath.Abs(src)
	if err != nil {
		return BackupInfo{}, err
	}
	dest, err = filepath.Abs(dest)
	if err != nil {
		return BackupInfo{}, err
	}
	if src == dest {
		return BackupInfo{}, wub.Errorf("backup_same_file")
	}
	if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
		return BackupInfo{}, wub.Errorf("db_missing", src)
	}
	if err := checkHeader(src); err != nil {
		return BackupInfo{}, err
	}
	removeLeftovers(filepath.Dir(dest), filepath.Base(dest), time.Now())
	if err := ensureSpace(filepath.Dir(dest), fileSize(src)); err != nil {
		return BackupInfo{}, wub.Errorf("backup_failed", filepath.Base(dest), err)
	}
	tmp := tempName(dest)
	defer os.Remove(tmp) // a no-op once renamed
	defer os.Remove(tmp + "-journal")
	if f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
		f.Close()
		platform.Hide(tmp)
	}
	stop := watchFile(ctx, StageCopy, tmp, fileSize(src))
	err = vacuumInto(ctx, src, tmp)
	stop()
	if err != nil {
		if p := diskProblem(err, filepath.Dir(dest)); p != nil {
			err = p
		}
		return BackupInfo{}, wub.Errorf("backup_failed", filepath.Base(dest), err)
	}
	if err := syncFile(tmp); err != nil {
		return BackupInfo{}, wub.Errorf("backup_failed", filepath.Base(dest), err)
	}
	report(ctx, StageCheck, 0, 0)
	// The full check: a copy of a file with a damaged index can pass
	// quick_check and would then be offered as "good" (issue 25).
	info, err := verifyFile(ctx, tmp, true, false)
	if err != nil {
		return BackupInfo{}, wub.Errorf("backup_failed", filepath.Base(dest), err)
	}
	if err := ctx.Err(); err != nil { // cancelled: dest stays as it was
		return BackupInfo{}, err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return BackupInfo{}, wub.Errorf("backup_failed", filepath.Base(dest), err)
	}
	syncDir(filepath.Dir(dest))
	info.Path = dest
	if b, ok := parseBackupName(filepath.Base(dest)); ok {
		info.At, info.Reason = b.at, b.reason
	}
	return info, nil
}

// vacuumInto copies src into the new file out through its own connection:
// the reader pool is query_only, which SQLite counts as forbidding VACUUM
// INTO, and the writer must stay free for the app.
func vacuumInto(ctx context.Context, src, out string) error {
	// synchronous=OFF spares VACUUM INTO its own syncs of the output: the
	// caller syncs the finished file once, before it gets its real name.
	c, err := sql.Open("sqlite", src+"?_pragma=busy_timeout(10000)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetMaxOpenConns(1)
	if _, err := c.ExecContext(ctx, "VACUUM INTO ?", out); err != nil {
		return classify(err, src)
	}
	return nil
}

// VerifyBackup checks that path is a good WUBDesk backup that this build can
// restore: a SQLite file with our application_id, a schema no newer than
// this build's, and a clean integrity_check. Nothing is written to path.
func VerifyBackup(ctx context.Context, path string) (BackupInfo, error) {
	info, err := verifyFile(ctx, path, true, true)
	if err != nil {
		return BackupInfo{}, err
	}
	if b, ok := parseBackupName(filepath.Base(path)); ok {
		info.At, info.Reason = b.at, b.reason
	}
	return info, nil
}

// verifyFile reads the header of path and runs quick_check (integrity_check
// when full) on it through a read-only connection. notNewer refuses a
// schema this build does not know. A file in WAL mode (a live database
// copied from another PC) is checked on a private copy, because opening it
// read-only in place would need its -shm file.
func verifyFile(ctx context.Context, path string, full, notNewer bool) (BackupInfo, error) {
	info, hdr, err := backupHeader(path, notNewer)
	if err != nil {
		return BackupInfo{}, err
	}
	if hdr[18] == 2 || hdr[19] == 2 { // WAL
		dir, err := os.MkdirTemp("", "wubdesk-verify-")
		if err != nil {
			return BackupInfo{}, err
		}
		defer os.RemoveAll(dir)
		cp := filepath.Join(dir, "copy.db")
		if err := copyWithWAL(path, cp); err != nil {
			return BackupInfo{}, err
		}
		if err := toRollbackJournal(ctx, cp); err != nil {
			return BackupInfo{}, err
		}
		path = cp
	}
	c, err := sql.Open("sqlite", readOnlyURI(path))
	if err != nil {
		return BackupInfo{}, err
	}
	defer c.Close()
	check := runCheck
	if full {
		check = fullCheck
	}
	if err := check(ctx, c, full, path); err != nil {
		return BackupInfo{}, err
	}
	return info, nil
}

// backupHeader reads what the header says about a would-be backup: SQLite,
// our application_id and (with notNewer) a schema this build knows.
func backupHeader(path string, notNewer bool) (BackupInfo, []byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return BackupInfo{}, nil, wub.Errorf("db_missing", path)
		}
		return BackupInfo{}, nil, err
	}
	hdr, err := readHeader(path)
	if err != nil {
		return BackupInfo{}, nil, err
	}
	if string(hdr[:16]) != "SQLite format 3\x00" || be32(hdr[68:72]) != ApplicationID {
		return BackupInfo{}, nil, wub.Errorf("db_foreign", filepath.Base(path))
	}
	version := int(be32(hdr[60:64]))
	if notNewer && version > SchemaVersion() {
		return BackupInfo{}, nil, wub.Errorf("db_newer", version, SchemaVersion())
	}
	return BackupInfo{Path: path, At: st.ModTime(), SchemaVersion: version, Size: st.Size()}, hdr, nil
}

// runCheck runs quick_check or integrity_check and turns findings into a
// db_damaged error (the findings name pages and indexes, never row values).
func runCheck(ctx context.Context, c *sql.DB, full bool, path string) error {
	q := "PRAGMA quick_check"
	if full {
		q = "PRAGMA integrity_check"
	}
	rows, err := c.QueryContext(ctx, q)
	if err != nil {
		return damaged(err, path)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return damaged(err, path)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return damaged(err, path)
	}
	if len(problems) > 0 {
		return wub.Errorf("db_damaged", wub.Message("db_check_findings", "", len(problems), problems[0]))
	}
	return nil
}

// damaged reports an error met while checking a file as damage unless it
// is about reaching the file at all. SQLite's own words stay in brackets
// for whoever supports the office.
func damaged(err error, path string) error {
	// A full disk or a refused write is no damage: a healthy file must never
	// be called damaged (and a backup offered over it) because of them.
	if p := diskProblem(err, filepath.Dir(path)); p != nil {
		return p
	}
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CORRUPT {
		return wub.Errorf("db_damaged", wub.Message("db_corrupt_detail", "", se.Error()))
	}
	err = classify(err, path)
	if wub.ErrorCode(err) != "" {
		return err
	}
	return wub.Errorf("db_damaged", err.Error())
}

// toRollbackJournal checkpoints a WAL-mode copy into its main file and
// switches it to a rollback journal, so that it is one self-contained file.
func toRollbackJournal(ctx context.Context, path string) error {
	c, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetMaxOpenConns(1)
	if _, err := c.ExecContext(ctx, "PRAGMA journal_mode=DELETE"); err != nil {
		return damaged(err, path)
	}
	return nil
}

// readOnlyURI opens path read-only without creating anything beside it.
// On Windows the drive letter needs a leading slash in a file: URI.
func readOnlyURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: "mode=ro&_pragma=busy_timeout(10000)"}
	return u.String()
}

func readHeader(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hdr := make([]byte, 100)
	if _, err := io.ReadFull(f, hdr); err != nil {
		return nil, wub.Errorf("db_foreign", filepath.Base(path))
	}
	return hdr, nil
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// tempName is a unique name beside path that rotation and listings ignore:
// ".<name>.tmp-<pid>-<random>". The process id lets a later run tell a
// temporary of a killed process from one still being written.
func tempName(path string) string {
	var r [6]byte
	rand.Read(r[:])
	return filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s.tmp-%d-%s", filepath.Base(path), os.Getpid(), hex.EncodeToString(r[:])))
}

// removeLeftovers deletes the temporaries (and their -journal) that a
// killed or cut-off backup or restore left in dir for files named like
// base: those whose process is gone, or older than a day. The backups
// folder gets this from removeStaleTemps too; a `backup --out` on a flash
// drive gets it here, at the next backup to the same place.
func removeLeftovers(dir, base string, now time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + ".tmp-"
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		if stale(strings.TrimPrefix(name, prefix), e, now) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// stale reads "<pid>-<random>[-journal|-wal]" after ".tmp-".
func stale(rest string, e os.DirEntry, now time.Time) bool {
	if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > 24*time.Hour {
		return true
	}
	pidText, _, ok := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(pidText)
	if !ok || err != nil {
		// An older build's name, without a process id: an hour, as before.
		fi, err := e.Info()
		return err == nil && now.Sub(fi.ModTime()) > time.Hour
	}
	return pid != os.Getpid() && !platform.ProcessAlive(pid)
}

// copyWithWAL copies a database file and its -wal (when there is one).
func copyWithWAL(src, dst string) error {
	if err := copyFile(src, dst); err != nil {
		return err
	}
	if _, err := os.Stat(src + "-wal"); err == nil {
		return copyFile(src+"-wal", dst+"-wal")
	}
	return nil
}

// copyFile copies src to a new file dst and flushes it to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("fsync: %w", err)
	}
	return f.Close()
}

// syncDir makes a rename durable. Windows cannot open a folder for syncing
// (NTFS journals the rename itself), so it is skipped there.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
