package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// The bulk-load kill test: BulkLoad into an empty file runs in
// rollback-journal mode. A child process (this test binary, re-run with
// WUB_KILL_BULK_DB set) loads people chunk by chunk and prints a line per
// chunk; the parent SIGKILLs it at a random moment, reopens the file as the
// app would and checks that it is whole, back in WAL mode and empty (the
// load was one transaction), or complete when the child got to the end.

const killBulkPeople, killBulkChunk = 6000, 100

// TestKillBulkChild is the child: it only runs when the parent starts it.
func TestKillBulkChild(t *testing.T) {
	path := os.Getenv("WUB_KILL_BULK_DB")
	if path == "" {
		t.Skip("run by TestKillDuringBulkLoad")
	}
	db, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	ps := manyPeople(killBulkPeople)
	err = db.BulkLoad(ctx, func(b *Bulk) error {
		for i := 0; i < len(ps); i += killBulkChunk {
			if err := b.InsertMany(ps[i : i+killBulkChunk]); err != nil {
				return err
			}
			fmt.Println("chunk", i/killBulkChunk)
		}
		return nil
	})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("done")
	db.Close()
}

func TestKillDuringBulkLoad(t *testing.T) {
	rounds := killRounds(t, 8, 3)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	for round := range rounds {
		path := filepath.Join(t.TempDir(), "wub.db")
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillBulkChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "WUB_KILL_BULK_DB="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The last round lets the load finish; the others kill it after a
		// random number of chunks plus a random pause (inside the inserts,
		// the index builds or the commit).
		killAt := rng.IntN(killBulkPeople / killBulkChunk)
		if round == rounds-1 {
			killAt = -1
		}
		done := false
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			l := sc.Text()
			if l == "done" {
				done = true
				break
			}
			if l == "chunk "+strconv.Itoa(killAt) {
				time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
				cmd.Process.Kill()
				break
			}
			if len(l) > 5 && l[:5] == "error" {
				t.Fatalf("round %d: child: %s", round, l)
			}
		}
		cmd.Process.Kill()
		cmd.Wait()

		db, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopening after the kill: %v", round, err)
		}
		if err := db.IntegrityCheck(ctx, true); err != nil {
			t.Errorf("round %d: %v", round, err)
		}
		var mode string
		db.w.QueryRow("PRAGMA journal_mode").Scan(&mode)
		if mode != "wal" {
			t.Errorf("round %d: journal %q after reopening, want wal", round, mode)
		}
		n := countRows(t, db, "SELECT count(*) FROM trainee")
		switch {
		case done && n != killBulkPeople:
			t.Errorf("round %d: the finished load left %d trainees, want %d", round, n, killBulkPeople)
		case !done && n != 0 && n != killBulkPeople:
			t.Errorf("round %d: killed load left %d trainees: part of a transaction", round, n)
		}
		if err := db.VerifyTallies(ctx); err != nil {
			t.Errorf("round %d: %v", round, err)
		}
		if n == 0 {
			// The file takes a load again.
			if err := db.BulkLoad(ctx, func(b *Bulk) error { return b.InsertMany(manyPeople(50)) }); err != nil {
				t.Errorf("round %d: load after the kill: %v", round, err)
			}
		}
		if _, err := db.w.Exec("INSERT INTO trainee_fts (trainee_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
			t.Errorf("round %d: search index: %v", round, err)
		}
		db.Close()
		t.Logf("round %d: killed after chunk %d, %d trainees after reopening (finished: %v)", round, killAt, n, done)
	}
}
