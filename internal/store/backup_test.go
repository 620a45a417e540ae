package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// nikFor makes the i-th of many distinct, well-formed Pamekasan NIKs.
func nikFor(i int) string {
	serial := i%9999 + 1
	r := i / 9999
	dd, mm, yy := r%28+1, (r/28)%12+1, (r/(28*12))%100
	return fmt.Sprintf("352804%02d%02d%02d%04d", dd, mm, yy, serial)
}

// addBulk inserts n trainees numbered from first in one transaction, each
// with one enrolment; source marks the batch.
func addBulk(t testing.TB, db *DB, first, n int, source string) {
	t.Helper()
	err := db.Bulk(ctx, func(b *Bulk) error {
		for i := first; i < first+n; i++ {
			tr := &wub.Trainee{NIK: nikFor(i), Name: fmt.Sprintf("Peserta %d", i), Sex: "L", Source: source,
				Enrolments: []wub.Enrolment{{AgencyCode: wub.DKPP, Year: 2022, Status: wub.StatusTrained}}}
			tr.Normalize()
			if err := b.Insert(tr); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// countIn counts the live trainees of a database file.
func countIn(t testing.TB, path string) int {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := db.CountTrainees(ctx, wub.TraineeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBackupToMakesAVerifiedSelfContainedCopy(t *testing.T) {
	db := openTest(t)
	addBulk(t, db, 0, 300, "a")
	flash := t.TempDir()
	dest := filepath.Join(flash, "cadangan kantor.db") // a space, as clerks name files
	info, err := db.BackupTo(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	if info.SchemaVersion != SchemaVersion() || info.Size == 0 || info.Path != dest {
		t.Errorf("info = %+v", info)
	}
	hdr, _ := readHeader(dest)
	if be32(hdr[68:72]) != ApplicationID || hdr[18] != 1 {
		t.Errorf("application_id %x, journal byte %d: want ours and a rollback journal", be32(hdr[68:72]), hdr[18])
	}
	ents, _ := os.ReadDir(flash)
	if len(ents) != 1 {
		t.Errorf("flash drive holds %d files, want only the backup", len(ents))
	}
	if n := countIn(t, dest); n != 300 {
		t.Errorf("backup has %d trainees, want 300", n)
	}
	// Writing over an earlier backup replaces it.
	addBulk(t, db, 300, 5, "b")
	if _, err := db.BackupTo(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if n := countIn(t, dest); n != 305 {
		t.Errorf("second backup has %d trainees, want 305", n)
	}
}

func TestBackupRefusesBadInputs(t *testing.T) {
	db := openTest(t)
	dir := t.TempDir()
	txt := filepath.Join(dir, "catatan.db")
	os.WriteFile(txt, bytes.Repeat([]byte("bukan basis data "), 20), 0o644)
	tests := []struct {
		name, src, dest, code string
	}{
		{"missing", filepath.Join(dir, "tidak-ada.db"), filepath.Join(dir, "out.db"), "db_missing"},
		{"foreign", txt, filepath.Join(dir, "out.db"), "db_foreign"},
		{"itself", db.Path, db.Path, "backup_same_file"},
		{"no folder", db.Path, filepath.Join(dir, "no", "such", "folder.db"), "backup_failed"},
	}
	for _, tt := range tests {
		_, err := BackupFile(ctx, tt.src, tt.dest)
		if wub.ErrorCode(err) != tt.code {
			t.Errorf("%s: err = %v, want %s", tt.name, err, tt.code)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "tidak-ada.db")); err == nil {
		t.Error("backing up a missing file created it")
	}
	if _, err := os.Stat(filepath.Join(dir, "out.db")); err == nil {
		t.Error("a failed backup left a file")
	}
}

func TestBackupNames(t *testing.T) {
	at := time.Date(2024, 6, 1, 9, 5, 7, 0, time.Local)
	tests := []backupName{
		{base: "wubdesk", at: at, reason: ReasonDaily},
		{base: "kantor-dkp", at: at, reason: ReasonImport, seq: 3},
	}
	for _, b := range tests {
		b.file = b.String()
		got, ok := parseBackupName(b.file)
		if !ok || got != b {
			t.Errorf("%s parsed as %+v, %v", b.file, got, ok)
		}
	}
	for _, bad := range []string{"wubdesk.db", "wubdesk-20240601-0905-daily.db", "wubdesk-20240601-090507-Daily.db",
		".wubdesk-20240601-090507-daily.db.tmp-abc", "wubdesk-20240601-090507-damaged.bad"} {
		if _, ok := parseBackupName(bad); ok && !strings.HasPrefix(bad, ".") {
			t.Errorf("%s parsed as a backup", bad)
		}
	}
}

// TestRotationOverAYear runs a year of office days on an injected clock:
// a start-of-day backup each day except Sunday, two imports on Mondays and
// Thursdays, each followed by the rotation. (The files are links to one
// real backup: VACUUM INTO under the race detector takes a quarter second,
// and TestAutomaticBackups covers making them.) At the end, what the
// rotation promises must be on disk, and nothing else.
func TestRotationOverAYear(t *testing.T) {
	db := openTest(t)
	dir := BackupDir(db.Path)
	os.MkdirAll(dir, 0o755)
	real := filepath.Join(t.TempDir(), "real.db")
	if _, err := db.BackupTo(ctx, real); err != nil {
		t.Fatal(err)
	}
	var made []string // every backup file name, in order
	place := func(at time.Time, reason string) {
		b, err := nextName(dir, "wub", at, reason)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Link(real, filepath.Join(dir, b.String())); err != nil {
			t.Fatal(err)
		}
		made = append(made, b.String())
		if err := rotate(dir, "wub"); err != nil {
			t.Fatal(err)
		}
	}
	limit := KeepRecent + KeepDaily + KeepWeekly + KeepMonthly
	for day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.Local); day.Year() == 2024; day = day.AddDate(0, 0, 1) {
		if day.Weekday() == time.Sunday {
			continue
		}
		place(day.Add(7*time.Hour+30*time.Minute), ReasonDaily)
		if day.Weekday() == time.Monday || day.Weekday() == time.Thursday {
			place(day.Add(10*time.Hour), ReasonImport)
			place(day.Add(10*time.Hour), ReasonImport) // the same second: a sequence number
		}
		if names, _ := backupNames(dir, "wub"); len(names) > limit {
			t.Fatalf("%s: %d backups on disk, more than %d", day.Format("2006-01-02"), len(names), limit)
		}
	}

	// What must be there, from the calendar and the log of made files.
	want := map[string]string{}
	for _, f := range made[len(made)-KeepRecent:] {
		want[f] = "recent"
	}
	firstOn := func(prefix string) string { // the first file made whose date starts with prefix
		for _, f := range made {
			if b, _ := parseBackupName(f); strings.HasPrefix(b.at.Format("2006-01-02"), prefix) {
				return f
			}
		}
		return ""
	}
	openDays := 0
	for d := time.Date(2024, 12, 31, 0, 0, 0, 0, time.Local); openDays < KeepDaily; d = d.AddDate(0, 0, -1) {
		if d.Weekday() != time.Sunday {
			want[firstOn(d.Format("2006-01-02"))] = "daily " + d.Format("Mon 2 Jan")
			openDays++
		}
	}
	// ISO weeks: 31 Dec 2024 is a Tuesday in week 2025-W01, whose Monday is 30 Dec.
	for w, monday := 0, time.Date(2024, 12, 30, 0, 0, 0, 0, time.Local); w < KeepWeekly; w, monday = w+1, monday.AddDate(0, 0, -7) {
		want[firstOn(monday.Format("2006-01-02"))] = "weekly " + monday.Format("2 Jan")
	}
	for m := 1; m <= 12; m++ {
		want[firstOn(fmt.Sprintf("2024-%02d", m))] = fmt.Sprintf("monthly %d", m)
	}
	delete(want, "")
	if len(want) < 25 {
		t.Fatalf("only %d files expected; the expectation is broken", len(want))
	}

	names, _ := backupNames(dir, "wub")
	have := map[string]bool{}
	for _, n := range names {
		have[n.file] = true
		if _, ok := want[n.file]; !ok {
			t.Errorf("%s is kept but no rule keeps it", n.file)
		}
	}
	var missing []string
	for f, why := range want {
		if !have[f] {
			missing = append(missing, f+" ("+why+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("missing %s", m)
	}
}

// TestAutomaticBackups: the start-of-day backup is made once per calendar
// day, BackupBefore names files by reason and sequence, and the rotation
// runs after each (a busy day of imports keeps only the newest ones beyond
// the day's first).
func TestAutomaticBackups(t *testing.T) {
	db := openTest(t)
	clock := time.Date(2024, 3, 4, 7, 30, 0, 0, time.Local)
	db.Now = func() time.Time { return clock }
	addBulk(t, db, 0, 20, "a")
	first, made, err := db.StartOfDayBackup(ctx)
	if err != nil || !made || first.Reason != ReasonDaily {
		t.Fatalf("start of day: %+v %v %v", first, made, err)
	}
	clock = clock.Add(3 * time.Hour)
	if _, made, _ := db.StartOfDayBackup(ctx); made {
		t.Error("a second start-of-day backup on the same day")
	}
	var last BackupInfo
	for i := range KeepRecent + 2 {
		addBulk(t, db, 100+i, 1, "import")
		if last, err = db.BackupBefore(ctx, ReasonImport); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.HasSuffix(last.Path, fmt.Sprintf("-import-%d.db", KeepRecent+1)) {
		t.Errorf("import backup %d in one second named %s", KeepRecent+2, filepath.Base(last.Path))
	}
	list, _ := ListBackups(db.Path)
	if len(list) != KeepRecent+1 || list[len(list)-1].Path != first.Path || list[0].Path != last.Path {
		t.Errorf("after a busy day: %d backups, oldest %v", len(list), list[len(list)-1].Path)
	}
	if n := countIn(t, last.Path); n != 20+KeepRecent+2 {
		t.Errorf("last import backup holds %d trainees", n)
	}
	if n := countIn(t, first.Path); n != 20 {
		t.Errorf("start-of-day backup holds %d trainees", n)
	}
	clock = clock.AddDate(0, 0, 1)
	if _, made, _ := db.StartOfDayBackup(ctx); !made {
		t.Error("no start-of-day backup the next day")
	}
}

func TestRotationLeavesOtherFilesAlone(t *testing.T) {
	db := openTest(t)
	dir := BackupDir(db.Path)
	os.MkdirAll(dir, 0o755)
	others := []string{"salinan-manual.db", "other-20200101-010101-daily.db", "wub-20200101-010101-damaged.bad"}
	for _, f := range others {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	var clock = time.Date(2024, 1, 1, 8, 0, 0, 0, time.Local)
	db.Now = func() time.Time { return clock }
	for i := 0; i < 15; i++ {
		clock = clock.AddDate(0, 0, 1)
		if _, err := db.BackupBefore(ctx, ReasonImport); err != nil {
			t.Fatal(err)
		}
	}
	if list, _ := ListBackups(db.Path); len(list) >= 15 {
		t.Errorf("rotation removed nothing: %d backups", len(list))
	}
	for _, f := range others {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("rotation removed %s", f)
		}
	}
	if _, err := db.BackupBefore(ctx, "Sebelum Impor"); err == nil {
		t.Error("a reason with spaces and capitals was accepted")
	}
}
