package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// TestBackupAndRestoreProgressAndCancel: a manual backup shows its bar and
// can be cancelled (no file is written); a restore shows its bar and can be
// cancelled while it checks the backup (the database stays as it was), and
// runs to its end otherwise.
func TestBackupAndRestoreProgressAndCancel(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	st := u.nav.screen("pengaturan").(*settingsScreen)
	u.jobs.wait()
	p := st.backup
	flash := t.TempDir()

	release := make(chan struct{})
	p.run.hold = func() { <-release }
	p.backupToFolder(flash)
	if !p.run.box.Visible() || p.run.cancelBtn.Disabled() || !p.backupTo.Disabled() {
		t.Fatal("no progress bar with Cancel while the backup runs")
	}
	test.Tap(p.run.cancelBtn)
	close(release)
	u.jobs.wait()
	p.run.hold = nil
	if left, _ := os.ReadDir(flash); len(left) != 0 {
		t.Errorf("a cancelled backup left %v", left)
	}
	if !strings.Contains(u.nav.status.Text, "dibatalkan") || p.run.box.Visible() || p.backupTo.Disabled() {
		t.Errorf("after cancel: status %q, bar shown %v", u.nav.status.Text, p.run.box.Visible())
	}

	p.backupToFolder(flash)
	u.jobs.wait()
	files, _ := filepath.Glob(filepath.Join(flash, "wub-cadangan-*.db"))
	if len(files) != 1 || p.run.bar.Value < 0.9 {
		t.Fatalf("backup files %v, bar %.2f", files, p.run.bar.Value)
	}
	seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DKP, 2023)

	// Cancel the restore: the two-trainee database stays.
	run := newFileRun(u, true)
	release = make(chan struct{})
	run.hold = func() { <-release }
	u.restoreWith(files[0], run)
	if !run.box.Visible() || run.cancelBtn.Disabled() {
		t.Fatal("no Cancel while the restore runs")
	}
	test.Tap(run.cancelBtn)
	close(release)
	u.jobs.wait()
	if u.testDB() == nil || u.testDB() == db {
		t.Fatal("the database was not reopened")
	}
	if n := trainees(t, u.testDB()); n != 2 {
		t.Errorf("%d trainees after a cancelled restore, want 2", n)
	}
	if list, _ := store.ListBackups(u.testDB().Path); hasReason(list, store.ReasonRestore) {
		t.Error("a cancelled restore put the current file away")
	}

	run = newFileRun(u, true)
	u.restoreWith(files[0], run)
	u.jobs.wait()
	if n := trainees(t, u.testDB()); n != 1 {
		t.Errorf("%d trainees after restoring the one-trainee backup", n)
	}
	u.releaseInstance()
}

func hasReason(list []store.BackupInfo, reason string) bool {
	for _, b := range list {
		if b.Reason == reason {
			return true
		}
	}
	return false
}
