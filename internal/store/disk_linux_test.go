package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"wubdesk/internal/instance"
	"wubdesk/internal/wub"
)

// smallDisk mounts a tmpfs of size bytes (root only; CI runs as root).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("SKIPPED LOUDLY: cannot mount a tmpfs here (%v: %s); CI runs this as root", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fill writes a filler file until the disk has about leave bytes free.
func fill(t *testing.T, dir string, leave int64) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "isi.bin"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			break
		}
	}
	f.Sync()
	st, _ := f.Stat()
	f.Truncate(max(st.Size()-leave, 0))
}

// Issue 25 item 4: on a full disk an import fails with the Indonesian
// message, leaves no pre-import backup behind, and the file is still whole
// and is never called damaged; the instance lock still holds with 0 bytes
// free; a read-only file opens read-only and refuses changes up front.
func TestFullDiskAndReadOnlyFile(t *testing.T) {
	dir := smallDisk(t, "3m")
	path := filepath.Join(dir, "kantor.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addBulk(t, db, 0, 300, "awal")
	db.Close()

	fill(t, dir, 16<<10)
	db, err = OpenChecked(ctx, path)
	var de *DamagedError
	if errors.As(err, &de) {
		t.Fatalf("a healthy file on a full disk was called damaged: %v", err)
	}
	if err == nil {
		err = db.BulkImport(ctx, func(b *Bulk) error {
			for i := 1000; i < 6000; i++ {
				tr := &wub.Trainee{NIK: nikFor(i), Name: "Peserta Impor", Sex: "P",
					Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusRegistered}}}
				tr.Normalize()
				if err := b.Insert(tr); err != nil {
					return err
				}
			}
			return nil
		})
		if c := wub.ErrorCode(err); c != "disk_full" && c != "disk_low" {
			t.Errorf("import on a full disk: %v, want disk_full or disk_low", err)
		}
		db.Close()
	} else if c := wub.ErrorCode(err); c != "disk_full" && c != "disk_low" && c != "disk_readonly" {
		t.Errorf("open on a full disk: %v", err)
	}
	if list, _ := ListBackups(path); len(list) != 0 {
		t.Errorf("a failed import left %d backups on the full disk", len(list))
	}

	fill(t, dir, 0)
	l, err := instance.AcquireQuietly(path)
	if err != nil {
		t.Errorf("lock with 0 bytes free: %v", err)
	} else {
		l.Release()
	}

	os.Remove(filepath.Join(dir, "isi.bin"))
	if r, err := CheckFile(ctx, path); err != nil || !r.OK || r.Counts["trainees"] != 300 {
		t.Fatalf("after the full disk: OK=%v trainees=%d err=%v %v", r.OK, r.Counts["trainees"], err, r.Problems)
	}

	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount ro: %v %s", err, out)
	}
	db, err = OpenChecked(ctx, path)
	if err != nil {
		t.Fatalf("open a read-only file: %v", err)
	}
	if err := db.CheckOpened(ctx); err != nil {
		t.Errorf("the background check of a read-only file: %v", err)
	}
	defer db.Close()
	if !db.ReadOnly {
		t.Error("ReadOnly not set")
	}
	if n, err := db.CountTrainees(ctx, wub.TraineeFilter{}); err != nil || n != 300 {
		t.Errorf("reading a read-only file: %d, %v", n, err)
	}
	if _, err := db.CreateTrainee(ctx, siti()); wub.ErrorCode(err) != "disk_readonly" {
		t.Errorf("save into a read-only file: %v, want disk_readonly", err)
	}
}
