package store

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// spacedDB makes a closed database with n trainees whose NIK serials are
// three apart, so one NIK in the index can change without breaking the
// index's order (quick_check then still passes), and one backup beside it.
func spacedDB(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kantor.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Bulk(ctx, func(b *Bulk) error {
		for i := 0; i < n; i++ {
			tr := &wub.Trainee{NIK: fmt.Sprintf("3528040101%02d%04d", i/3000, (i%3000)*3+1), Name: fmt.Sprintf("Peserta %d", i), Sex: "L",
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
	if _, err := db.BackupBefore(ctx, ReasonDaily); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

// damageNIKIndex changes one NIK inside a leaf page of the live-NIK index
// (trainee_nik_live) of a closed file, keeping the page's order.
func damageNIKIndex(t *testing.T, path string) {
	t.Helper()
	c, err := sql.Open("sqlite", readOnlyURI(path))
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	if err := c.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'trainee_nik_live'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	c.QueryRow("PRAGMA page_size").Scan(&pageSize)
	c.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := func(n int64) []byte { return b[(n-1)*pageSize : n*pageSize] }
	// Down the right-most children to a leaf (0x02 interior, 0x0a leaf).
	p := root
	for page(p)[0] == 0x02 {
		p = int64(binary.BigEndian.Uint32(page(p)[8:12]))
	}
	if page(p)[0] != 0x0a {
		t.Fatalf("page %d is type %#x, not an index leaf", p, page(p)[0])
	}
	leaf := page(p)
	locs := regexp.MustCompile(`3528040101\d{6}`).FindAllIndex(leaf, -1)
	if len(locs) < 3 {
		t.Fatalf("only %d NIKs in leaf page %d", len(locs), p)
	}
	at := locs[len(locs)/2][1] - 1 // the last digit of a NIK in the middle: 1, 4 or 7 → 2, 5 or 8
	leaf[at]++
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Issue 25 item 1: a changed NIK in a leaf page of the live-NIK index
// passes quick_check; the full check finds it, a backup of it is not
// called good, and a headless write refuses the file with the restore offer.
func TestIndexDamageIsFoundByTheFullCheck(t *testing.T) {
	path := spacedDB(t, 3000)
	damageNIKIndex(t, path)

	c, _ := sql.Open("sqlite", readOnlyURI(path))
	if err := runCheck(ctx, c, false, path); err != nil {
		t.Fatalf("quick_check should pass this damage (the point of the test): %v", err)
	}
	if err := runCheck(ctx, c, true, path); wub.ErrorCode(err) != "db_damaged" {
		t.Fatalf("integrity_check: %v, want db_damaged", err)
	}
	c.Close()

	dest := filepath.Join(t.TempDir(), "flashdisk.db")
	if _, err := BackupFile(ctx, path, dest); err == nil {
		t.Fatal("a backup of a file with a damaged index was called good")
	}
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("refused backup left %s: %v", dest, err)
	}
	if _, err := VerifyBackup(ctx, path); wub.ErrorCode(err) != "db_damaged" {
		t.Fatalf("VerifyBackup: %v, want db_damaged", err)
	}

	var de *DamagedError
	if db, err := OpenForWrite(ctx, path); !errors.As(err, &de) {
		if db != nil {
			db.Close()
		}
		t.Fatalf("OpenForWrite: %v, want *DamagedError", err)
	}
	if !de.HasBackup {
		t.Error("no good backup offered")
	}

	// The window opens it (quick_check passes) and the background check,
	// run whatever the size, finds it.
	db, err := OpenChecked(ctx, path)
	if err != nil {
		t.Fatalf("OpenChecked: %v", err)
	}
	defer db.Close()
	if err := db.CheckOpened(ctx); !errors.As(err, &de) {
		t.Fatalf("CheckOpened: %v, want *DamagedError", err)
	}
	r, err := CheckFile(ctx, path)
	if err != nil || r.OK {
		t.Fatalf("CheckFile OK=%v err=%v", r.OK, err)
	}
}

// The app's invariants: two live trainees with one NIK (what an import
// through a damaged index stores) make a file damaged even when SQLite
// finds nothing, and a backup of it is refused.
func TestInvariantsRefuseTwoLiveTraineesWithOneNIK(t *testing.T) {
	path := spacedDB(t, 50)
	c, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	// What a damaged index lets through, made without the index.
	for _, q := range []string{"DROP INDEX trainee_nik_live",
		"UPDATE trainee SET nik = (SELECT nik FROM trainee WHERE id = 1) WHERE id = 2"} {
		if _, err := c.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()
	if _, err := BackupFile(ctx, path, filepath.Join(t.TempDir(), "b.db")); err == nil ||
		!strings.Contains(err.Error(), "lebih dari sekali") {
		t.Fatalf("backup: %v, want refused for a NIK counted twice", err)
	}
}

// Issue 25 item 2: an emptied file (or one without its header) beside
// backups or a -wal is never made a new database.
func TestEmptiedFileIsNeverANewOffice(t *testing.T) {
	t.Run("backups", func(t *testing.T) {
		path := spacedDB(t, 5)
		os.Truncate(path, 0)
		if db, err := Open(path); wub.ErrorCode(err) != "db_emptied" {
			if db != nil {
				db.Close()
			}
			t.Fatalf("Open: %v, want db_emptied", err)
		}
		if st, _ := os.Stat(path); st.Size() != 0 {
			t.Fatalf("the emptied file was written: %d bytes", st.Size())
		}
		r, err := CheckFile(ctx, path)
		if err != nil || r.OK {
			t.Fatalf("CheckFile of an emptied file: OK=%v err=%v", r.OK, err)
		}
		var de *DamagedError
		if _, err := OpenForWrite(ctx, path); !errors.As(err, &de) || !de.HasBackup {
			t.Fatalf("OpenForWrite: %v, want *DamagedError with a backup", err)
		}
	})
	t.Run("wal beside it", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "kantor.db")
		os.WriteFile(path, nil, 0o644)
		os.WriteFile(path+"-wal", bytes.Repeat([]byte{1}, 4096), 0o644)
		if db, err := Open(path); wub.ErrorCode(err) != "db_emptied" {
			if db != nil {
				db.Close()
			}
			t.Fatalf("Open: %v, want db_emptied", err)
		}
	})
	t.Run("garbage header with backups", func(t *testing.T) {
		path := spacedDB(t, 5)
		os.WriteFile(path, bytes.Repeat([]byte("x"), 8192), 0o644)
		if db, err := Open(path); wub.ErrorCode(err) != "db_emptied" {
			if db != nil {
				db.Close()
			}
			t.Fatalf("Open: %v, want db_emptied", err)
		}
	})
	t.Run("new file still opens", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "baru.db")
		os.WriteFile(path, nil, 0o644)
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
	})
}

// Issue 25 item 3: a file deleted or replaced while open takes no commit.
func TestFileChangedUnderTheAppTakesNoCommit(t *testing.T) {
	newTrainee := func(i int) *wub.Trainee {
		return &wub.Trainee{NIK: fmt.Sprintf("35280401019%05d", i), Name: "Baru", Sex: "P",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusRegistered}}}
	}
	t.Run("deleted", func(t *testing.T) {
		db := openTest(t)
		if _, err := db.CreateTrainee(ctx, newTrainee(1)); err != nil {
			t.Fatal(err)
		}
		os.Remove(db.Path)
		if _, err := db.CreateTrainee(ctx, newTrainee(2)); wub.ErrorCode(err) != "db_gone" {
			t.Fatalf("save into a deleted file: %v, want db_gone", err)
		}
		err := db.BulkImport(ctx, func(b *Bulk) error { return b.Insert(newTrainee(3)) })
		if wub.ErrorCode(err) != "db_gone" && !strings.Contains(fmt.Sprint(err), "tidak ada") {
			t.Fatalf("import into a deleted file: %v, want db_gone", err)
		}
	})
	t.Run("replaced", func(t *testing.T) {
		db := openTest(t)
		other := filepath.Join(filepath.Dir(db.Path), "lain.db")
		o, err := Open(other)
		if err != nil {
			t.Fatal(err)
		}
		o.Close()
		if err := os.Rename(other, db.Path); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateTrainee(ctx, newTrainee(4)); wub.ErrorCode(err) != "db_replaced" {
			t.Fatalf("save into a replaced file: %v, want db_replaced", err)
		}
	})
}

// Issue 25 item 5: the temporaries of a killed backup beside the
// destination (and their -journal) are removed by the next backup there;
// a live process's temporary is left alone.
func TestBackupRemovesLeftoversOfDeadProcesses(t *testing.T) {
	path := spacedDB(t, 20)
	dir := t.TempDir()
	dest := filepath.Join(dir, "cadangan.db")
	dead := deadPID(t)
	leftovers := []string{
		fmt.Sprintf(".cadangan.db.tmp-%d-0a0b0c0d0e0f", dead),
		fmt.Sprintf(".cadangan.db.tmp-%d-0a0b0c0d0e0f-journal", dead),
	}
	live := fmt.Sprintf(".cadangan.db.tmp-%d-111111111111", os.Getpid()+0) // our own: in use
	for _, n := range append(leftovers, live) {
		os.WriteFile(filepath.Join(dir, n), make([]byte, 1<<16), 0o644)
	}
	other := filepath.Join(dir, ".lain.db.tmp-1-abc") // another file's: not ours to judge
	os.WriteFile(other, nil, 0o644)
	if _, err := BackupFile(ctx, path, dest); err != nil {
		t.Fatal(err)
	}
	for _, n := range leftovers {
		if _, err := os.Stat(filepath.Join(dir, n)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("leftover %s still there", n)
		}
	}
	for _, n := range []string{live, ".lain.db.tmp-1-abc"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed: %v", n, err)
		}
	}
}

// deadPID is the id of a process that has ended (this test binary, run
// with no tests).
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// Issue 25 item 7: an unknown name gets the same answers and the same
// pauses as a known name with wrong passwords, so names cannot be told
// apart (before, only a known name was ever paused).
func TestUnknownAndKnownNamesAnswerAlike(t *testing.T) {
	cheapHashes(t)
	db := openTest(t)
	clock := time.Date(2024, 6, 1, 8, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return clock }
	if _, err := db.CreateUser(ctx, wub.User{Name: "budi", Role: wub.RoleOperator, Active: true}, "benar-sekali"); err != nil {
		t.Fatal(err)
	}
	answers := func(name string) []string {
		var out []string
		for i := 0; i < 7; i++ {
			_, err := db.Authenticate(ctx, name, "salah")
			out = append(out, err.Error())
			clock = clock.Add(time.Second)
		}
		return out
	}
	known := answers("budi")
	clock = clock.Add(-7 * time.Second) // the same moments for the other name
	unknown := answers("siapa-saja")
	if strings.Join(known, "|") != strings.Join(unknown, "|") {
		t.Fatalf("answers differ:\nknown   %q\nunknown %q", known, unknown)
	}
	if !strings.Contains(known[len(known)-1], "detik") {
		t.Fatalf("no pause after repeated failures: %q", known)
	}
}
