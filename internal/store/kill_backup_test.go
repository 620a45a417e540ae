//go:build linux

package store

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestKillBackupChild makes backups to one destination without pause until
// the parent kills it.
func TestKillBackupChild(t *testing.T) {
	src, dest := os.Getenv("WUB_KILLBACKUP_SRC"), os.Getenv("WUB_KILLBACKUP_DEST")
	if src == "" {
		t.Skip("run by TestKilledBackupLeavesNothingBehind")
	}
	for {
		if _, err := BackupFile(ctx, src, dest); err != nil {
			t.Fatal(err)
		}
	}
}

func tempsIn(dir string) []string {
	var out []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// Issue 25 item 5: a `backup --out` killed while it writes leaves its
// temporary (and -journal) beside the destination; the next backup there
// removes them, and the destination is always a good backup or absent.
func TestKilledBackupLeavesNothingBehind(t *testing.T) {
	rounds := killRounds(t, 20, 5)
	path := spacedDB(t, 6000)
	dir := t.TempDir()
	dest := filepath.Join(dir, "cadangan.db")
	left := false
	for round := 0; round < rounds && !left; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillBackupChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "WUB_KILLBACKUP_SRC="+path, "WUB_KILLBACKUP_DEST="+dest)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill while a temporary is being written.
		deadline := time.Now().Add(10 * time.Second)
		for len(tempsIn(dir)) == 0 && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(time.Duration(round%5) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		left = len(tempsIn(dir)) > 0
		if _, err := os.Stat(dest); err == nil {
			if _, err := VerifyBackup(ctx, dest); err != nil {
				t.Fatalf("round %d: the destination is not a good backup: %v", round, err)
			}
		}
	}
	if !left {
		t.Skipf("no kill landed while a temporary was written in %d rounds", rounds)
	}
	if _, err := BackupFile(ctx, path, dest); err != nil {
		t.Fatal(err)
	}
	if temps := tempsIn(dir); len(temps) > 0 {
		t.Fatalf("left behind after the next backup: %v", temps)
	}
}
