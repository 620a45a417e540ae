package instance

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// Issue 25 item 3: a second name for the same file (a hard link, a
// symlink, a symlinked folder) meets the same lock, in another process
// and in this one; the second launch still brings the first to the front.
func TestSecondNameForTheSameFileIsLocked(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links need privileges on Windows; the file ID is tested by the build")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "wub.db")
	if err := os.WriteFile(db, []byte("SQLite format 3\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(t.TempDir(), "salinan.db")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(t.TempDir(), "pintasan.db")
	if err := os.Symlink(db, sym); err != nil {
		t.Fatal(err)
	}
	symDir := filepath.Join(t.TempDir(), "folder")
	if err := os.Symlink(dir, symDir); err != nil {
		t.Fatal(err)
	}
	names := []string{hard, sym, filepath.Join(symDir, "wub.db")}

	l, err := Acquire(db)
	if err != nil {
		t.Fatal(err)
	}
	activated := make(chan struct{}, 4)
	l.OnActivate(func() { activated <- struct{}{} })
	for _, name := range names {
		if other, err := AcquireQuietly(name); err == nil {
			other.Release()
			t.Errorf("same process: %s was not locked", name)
		}
		_, sc := child(t, name, false)
		if got := firstLine(t, sc); got != "locked code=db_locked activated=true" {
			t.Errorf("second launch on %s: %q", name, got)
		}
		select {
		case <-activated:
		case <-time.After(5 * time.Second):
			t.Errorf("launch on %s did not bring the first to the front", name)
		}
	}
	l.Release()

	// And the other way round: held under the link, the real name is locked.
	l, err = Acquire(hard)
	if err != nil {
		t.Fatal(err)
	}
	_, sc := child(t, db, false)
	if got := firstLine(t, sc); got != "locked code=db_locked activated=true" {
		t.Errorf("launch on the real name while the hard link is held: %q", got)
	}
	l.Release()
	_, sc = child(t, db, false)
	if got := firstLine(t, sc); got != "held" {
		t.Errorf("after release: %q", got)
	}
}
