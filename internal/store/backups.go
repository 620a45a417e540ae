package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// Reasons for an automatic backup. The reason ends the file name.
const (
	ReasonDaily         = wub.ReasonDaily
	ReasonImport        = wub.ReasonImport
	ReasonConsolidation = wub.ReasonConsolidation
	ReasonMigration     = wub.ReasonMigration
	ReasonRestore       = wub.ReasonRestore
)

// Rotation: what stays in the backups folder after an automatic backup.
// A backup is kept when any rule picks it; every other file named like a
// backup of this database is deleted. Files named otherwise are never
// touched.
const (
	KeepRecent  = 10 // the newest backups, whatever their reason (a day of imports)
	KeepDaily   = 7  // the first backup of each of the 7 latest days that have one
	KeepWeekly  = 4  // the first of each of the 4 latest ISO weeks
	KeepMonthly = 12 // the first of each of the 12 latest months
)

func init() {
	BeforeMigrate = func(ctx context.Context, db *DB, from, to int) error {
		_, err := db.BackupBefore(ctx, ReasonMigration)
		return err
	}
}

// OnClose runs fn when the database is closed (the caller's instance lock
// is released after the file is).
func (db *DB) OnClose(fn func()) { db.onClose = append(db.onClose, fn) }

// BackupDir is the backups folder beside a database file.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// dbBase is the database's file name without its extension: the start of
// its backups' names, so that two databases in one folder rotate apart.
func dbBase(dbPath string) string {
	b := filepath.Base(dbPath)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// backupName is a parsed backup file name:
// <base>-YYYYMMDD-HHMMSS-<reason>[-N].db, with the local wall-clock time.
type backupName struct {
	base   string
	at     time.Time
	reason string
	seq    int
	file   string
}

var backupRe = regexp.MustCompile(`^(.+)-(\d{8}-\d{6})-([a-z]+)(?:-(\d+))?\.db$`)

func parseBackupName(file string) (backupName, bool) {
	m := backupRe.FindStringSubmatch(file)
	if m == nil {
		return backupName{}, false
	}
	at, err := time.ParseInLocation("20060102-150405", m[2], time.Local)
	if err != nil {
		return backupName{}, false
	}
	seq := 0
	if m[4] != "" {
		seq, _ = strconv.Atoi(m[4])
	}
	return backupName{base: m[1], at: at, reason: m[3], seq: seq, file: file}, true
}

func (b backupName) String() string {
	s := fmt.Sprintf("%s-%s-%s", b.base, b.at.Format("20060102-150405"), b.reason)
	if b.seq > 0 {
		s += "-" + strconv.Itoa(b.seq)
	}
	return s + ".db"
}

// newer orders backups newest first; the sequence breaks ties within a second.
func newer(a, b backupName) bool {
	if !a.at.Equal(b.at) {
		return a.at.After(b.at)
	}
	return a.seq > b.seq
}

// BackupBefore makes an automatic backup in the backups folder beside the
// database, named for the reason (ReasonImport, ReasonConsolidation, ...),
// verifies it and applies the rotation. Call it before work that changes
// many rows; if it fails, do not start the work.
func (db *DB) BackupBefore(ctx context.Context, reason string) (BackupInfo, error) {
	if !regexp.MustCompile(`^[a-z]+$`).MatchString(reason) {
		return BackupInfo{}, fmt.Errorf("backup reason %q: lower-case letters only", reason)
	}
	dir := BackupDir(db.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return BackupInfo{}, err
	}
	removeStaleTemps(dir, db.Now())
	if err := ensureSpace(dir, fileSize(db.Path)); err != nil {
		return BackupInfo{}, err
	}
	name, err := nextName(dir, dbBase(db.Path), db.Now(), reason)
	if err != nil {
		return BackupInfo{}, err
	}
	info, err := db.BackupTo(ctx, filepath.Join(dir, name.String()))
	if err != nil {
		return BackupInfo{}, err
	}
	if err := rotate(dir, name.base); err != nil {
		return info, fmt.Errorf("rotasi cadangan: %w", err)
	}
	return info, nil
}

// nextName names a new backup made at t. Backups made within one second get
// sequence numbers above every one already there, so that the newest
// always sorts first (and survives the rotation).
func nextName(dir, base string, t time.Time, reason string) (backupName, error) {
	name := backupName{base: base, at: t.Local().Truncate(time.Second), reason: reason}
	names, err := backupNames(dir, base)
	if err != nil {
		return name, err
	}
	for _, n := range names {
		if n.at.Equal(name.at) && n.seq >= name.seq {
			name.seq = n.seq + 1
		}
	}
	for { // a file of another kind may hold the name
		if _, err := os.Lstat(filepath.Join(dir, name.String())); os.IsNotExist(err) {
			return name, nil
		}
		name.seq++
	}
}

// StartOfDayBackup makes the day's backup unless the backups folder already
// has one for today (by the DB clock). The GUI calls it after OpenChecked,
// off the UI goroutine; made says whether a file was written.
func (db *DB) StartOfDayBackup(ctx context.Context) (info BackupInfo, made bool, err error) {
	today := db.Now().Local().Format("20060102")
	names, err := backupNames(BackupDir(db.Path), dbBase(db.Path))
	if err != nil {
		return BackupInfo{}, false, err
	}
	for _, n := range names {
		if n.reason == ReasonDaily && n.at.Format("20060102") == today {
			return BackupInfo{Path: filepath.Join(BackupDir(db.Path), n.file), At: n.at, Reason: n.reason}, false, nil
		}
	}
	info, err = db.BackupBefore(ctx, ReasonDaily)
	return info, err == nil, err
}

// backupNames lists the files of dir named like backups of base, newest
// first. A missing folder has none.
func backupNames(dir, base string) ([]backupName, error) {
	ents, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []backupName
	for _, e := range ents {
		if b, ok := parseBackupName(e.Name()); ok && b.base == base && e.Type().IsRegular() {
			out = append(out, b)
		}
	}
	sort.Slice(out, func(i, j int) bool { return newer(out[i], out[j]) })
	return out, nil
}

// ListBackups lists the backups beside a database, newest first, from their
// names only (cheap; VerifyBackup checks one before it is used).
func ListBackups(dbPath string) ([]BackupInfo, error) {
	dir := BackupDir(dbPath)
	names, err := backupNames(dir, dbBase(dbPath))
	if err != nil {
		return nil, err
	}
	out := make([]BackupInfo, 0, len(names))
	for _, n := range names {
		info := BackupInfo{Path: filepath.Join(dir, n.file), At: n.at, Reason: n.reason}
		if st, err := os.Stat(info.Path); err == nil {
			info.Size = st.Size()
		}
		out = append(out, info)
	}
	return out, nil
}

// NewestGoodBackup returns the newest backup beside dbPath that passes
// VerifyBackup (the "damaged file" dialog offers it); ok is false when
// there is none.
func NewestGoodBackup(ctx context.Context, dbPath string) (info BackupInfo, ok bool, err error) {
	list, err := ListBackups(dbPath)
	if err != nil {
		return BackupInfo{}, false, err
	}
	for _, b := range list {
		if info, err := VerifyBackup(ctx, b.Path); err == nil {
			return info, true, nil
		}
		if err := ctx.Err(); err != nil {
			return BackupInfo{}, false, err
		}
	}
	return BackupInfo{}, false, nil
}

// keepSet applies the rotation rules to backups sorted newest first and
// returns the files to keep.
func keepSet(names []backupName) map[string]bool {
	keep := map[string]bool{}
	for i := 0; i < len(names) && i < KeepRecent; i++ {
		keep[names[i].file] = true
	}
	// firstOfPeriod keeps the oldest backup of each of the n latest periods.
	firstOfPeriod := func(n int, period func(time.Time) string) {
		var periods []string
		first := map[string]string{}
		for _, b := range names { // newest first: the last one seen is the oldest
			p := period(b.at)
			if _, seen := first[p]; !seen {
				periods = append(periods, p)
			}
			first[p] = b.file
		}
		for i := 0; i < len(periods) && i < n; i++ {
			keep[first[periods[i]]] = true
		}
	}
	firstOfPeriod(KeepDaily, func(t time.Time) string { return t.Format("2006-01-02") })
	firstOfPeriod(KeepWeekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) })
	firstOfPeriod(KeepMonthly, func(t time.Time) string { return t.Format("2006-01") })
	return keep
}

// rotate deletes the backups of base in dir that no rule keeps.
func rotate(dir, base string) error {
	names, err := backupNames(dir, base)
	if err != nil {
		return err
	}
	keep := keepSet(names)
	var errs []string
	for _, b := range names {
		if !keep[b.file] {
			if err := os.Remove(filepath.Join(dir, b.file)); err != nil && !os.IsNotExist(err) {
				errs = append(errs, err.Error())
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// removeStaleTemps deletes temporary copies left by a backup that was cut
// off (power loss, a killed process): see stale.
func removeStaleTemps(dir string, now time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), ".tmp-") {
			continue
		}
		_, rest, _ := strings.Cut(e.Name(), ".tmp-")
		if stale(rest, e, now) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
