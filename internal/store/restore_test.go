package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wubdesk/internal/wub"
)

func fileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// corrupt overwrites pages in the middle of a closed database file with
// noise, as a failing disk or a half-written sector would.
func corrupt(t testing.TB, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	pages := len(b) / page
	if pages < 10 {
		t.Fatalf("%s has only %d pages", path, pages)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for p := pages * 3 / 10; p < pages*6/10; p++ {
		for i := p * page; i < (p+1)*page; i++ {
			b[i] = byte(rng.UintN(256))
		}
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// crashCopy copies an open database's file and -wal as a power cut would
// leave them: committed frames still in the WAL, not yet in the main file.
func crashCopy(t testing.TB, db *DB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "crash.db")
	if err := copyWithWAL(db.Path, dst); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dst + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("no WAL to copy: %v", err)
	}
	return dst
}

func TestRestoreReplacesAndKeepsCurrent(t *testing.T) {
	db := openTest(t)
	addBulk(t, db, 0, 50, "a")
	backup := filepath.Join(t.TempDir(), "flashdisk.db")
	if _, err := db.BackupTo(ctx, backup); err != nil {
		t.Fatal(err)
	}
	addBulk(t, db, 50, 30, "b")
	path := crashCopy(t, db) // 80 trainees, the last 30 only in its WAL

	kept, err := Restore(ctx, path, backup)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(kept) != BackupDir(path) || !strings.HasSuffix(kept, "-restore.db") {
		t.Errorf("current file kept as %s", kept)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("the old WAL is still beside the restored file")
	}
	re, err := OpenChecked(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := re.CountTrainees(ctx, wub.TraineeFilter{})
	if err := re.IntegrityCheck(ctx, true); err != nil || n != 50 {
		t.Errorf("restored: %d trainees, %v; want 50", n, err)
	}
	re.Close()
	if n := countIn(t, kept); n != 80 {
		t.Errorf("kept file has %d trainees, want 80 (WAL included)", n)
	}
	if _, err := VerifyBackup(ctx, kept); err != nil {
		t.Errorf("kept file: %v", err)
	}
}

func TestRestoreRefusesBadSourcesAndChangesNothing(t *testing.T) {
	db := openTest(t)
	addBulk(t, db, 0, 400, "a")
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	if _, err := db.BackupTo(ctx, good); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileHash(t, db.Path)

	text := filepath.Join(dir, "surat.db")
	os.WriteFile(text, bytes.Repeat([]byte("surat "), 100), 0o644)
	newer := filepath.Join(dir, "newer.db")
	b, _ := os.ReadFile(good)
	b[63] = byte(SchemaVersion() + 1) // user_version, big-endian at offset 60
	os.WriteFile(newer, b, 0o644)
	damagedCopy := filepath.Join(dir, "rusak.db")
	copyFile(good, damagedCopy)
	corrupt(t, damagedCopy)

	tests := []struct{ name, src, code string }{
		{"text file", text, "db_foreign"},
		{"newer schema", newer, "db_newer"},
		{"damaged", damagedCopy, "db_damaged"},
		{"missing", filepath.Join(dir, "hilang.db"), "db_missing"},
		{"itself", db.Path, "backup_same_file"},
	}
	for _, tt := range tests {
		_, err := Restore(ctx, db.Path, tt.src)
		want := "restore_bad_source"
		if tt.name == "itself" {
			want = tt.code
		}
		if wub.ErrorCode(err) != want {
			t.Errorf("%s: Restore = %v, want %s", tt.name, err, want)
		}
		if tt.name == "itself" {
			continue
		}
		if _, err := VerifyBackup(ctx, tt.src); wub.ErrorCode(err) != tt.code {
			t.Errorf("%s: VerifyBackup = %v, want %s", tt.name, err, tt.code)
		}
	}
	if fileHash(t, db.Path) != before {
		t.Error("a refused restore changed the database")
	}
	if list, _ := ListBackups(db.Path); len(list) != 0 {
		t.Errorf("a refused restore made %d backups", len(list))
	}
	ents, _ := os.ReadDir(filepath.Dir(db.Path))
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

func TestOpenCheckedDamagedFileOffersNewestGoodBackup(t *testing.T) {
	db := openTest(t)
	addBulk(t, db, 0, 400, "a")
	older, err := db.BackupBefore(ctx, ReasonImport)
	if err != nil {
		t.Fatal(err)
	}
	addBulk(t, db, 400, 10, "b")
	newest, err := db.BackupBefore(ctx, ReasonImport)
	if err != nil {
		t.Fatal(err)
	}
	corrupt(t, newest.Path) // the newest backup went bad too: the older one is offered
	db.Close()
	corrupt(t, db.Path)

	_, err = OpenChecked(ctx, db.Path)
	var de *DamagedError
	if !errors.As(err, &de) || wub.ErrorCode(err) != "db_damaged" {
		t.Fatalf("err = %v, want a DamagedError", err)
	}
	if !de.HasBackup || de.Backup.Path != older.Path {
		t.Fatalf("offered %+v, want %s", de.Backup, older.Path)
	}
	damagedBytes := fileHash(t, db.Path)
	kept, err := Restore(ctx, db.Path, de.Backup.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(kept, "-damaged.bad") || fileHash(t, kept) != damagedBytes {
		t.Errorf("the damaged file was not kept whole: %s", kept)
	}
	re, err := OpenChecked(ctx, db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	n, _ := re.CountTrainees(ctx, wub.TraineeFilter{})
	if err := re.IntegrityCheck(ctx, true); err != nil || n != 400 {
		t.Errorf("after restore: %d trainees, %v", n, err)
	}
}

func TestOpenCheckedEmptyOrMissingFile(t *testing.T) {
	tests := []struct {
		name        string
		withBackups bool
		setup       func(path string)
		code        string // "" opens
	}{
		{"new file", false, func(string) {}, ""},
		{"empty file, no backups", false, func(p string) { os.WriteFile(p, nil, 0o644) }, ""},
		{"missing, backups exist", true, func(p string) { os.Remove(p) }, "db_missing"},
		{"emptied, backups exist", true, func(p string) { os.Truncate(p, 0) }, "db_damaged"},
		{"header overwritten, backups exist", true, func(p string) {
			f, _ := os.OpenFile(p, os.O_RDWR, 0)
			f.WriteAt(bytes.Repeat([]byte{0}, 100), 0)
			f.Close()
		}, "db_damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "wub.db")
			if tt.withBackups {
				db, err := Open(path)
				if err != nil {
					t.Fatal(err)
				}
				addBulk(t, db, 0, 5, "a")
				if _, err := db.BackupBefore(ctx, ReasonDaily); err != nil {
					t.Fatal(err)
				}
				db.Close()
			}
			tt.setup(path)
			db, err := OpenChecked(ctx, path)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				db.Close()
				return
			}
			var de *DamagedError
			if !errors.As(err, &de) || wub.ErrorCode(err) != tt.code || !de.HasBackup {
				t.Fatalf("err = %v (%T), want %s with a backup", err, err, tt.code)
			}
			if de.Missing != (tt.code == "db_missing") {
				t.Errorf("Missing = %v", de.Missing)
			}
		})
	}
}

// TestLargeFileIsCheckedAfterOpening: a file above CheckAtOpenLimit opens
// after a light check, and the full check that follows in the background
// finds the damage and offers the backup, as OpenChecked would have.
func TestLargeFileIsCheckedAfterOpening(t *testing.T) {
	db := openTest(t)
	addBulk(t, db, 0, 400, "a")
	good, err := db.BackupBefore(ctx, ReasonImport)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.CheckOpened(ctx); err != nil {
		t.Fatalf("a database opened without a deferred check: %v", err)
	}
	db.Close()

	defer func(old int64) { CheckAtOpenLimit = old }(CheckAtOpenLimit)
	CheckAtOpenLimit = 16 << 10 // every test file is "large"

	re, err := OpenChecked(ctx, db.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !re.CheckDeferred {
		t.Fatal("a file above the limit was checked in full at open")
	}
	if err := re.CheckOpened(ctx); err != nil {
		t.Fatalf("good file: %v", err)
	}
	re.Close()

	// Damage deep in the file, where opening does not look.
	b, err := os.ReadFile(db.Path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) * 8 / 10; i < len(b)*9/10; i++ {
		b[i] = byte(i * 7)
	}
	if err := os.WriteFile(db.Path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	re, err = OpenChecked(ctx, db.Path)
	if err != nil {
		t.Fatalf("the light check should let the damaged file open: %v", err)
	}
	defer re.Close()
	err = re.CheckOpened(ctx)
	var de *DamagedError
	if !errors.As(err, &de) || wub.ErrorCode(err) != "db_damaged" {
		t.Fatalf("CheckOpened = %v, want a DamagedError", err)
	}
	if !de.HasBackup || de.Backup.Path != good.Path {
		t.Errorf("offered %+v, want %s", de.Backup, good.Path)
	}
}
