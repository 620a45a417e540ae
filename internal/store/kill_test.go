package store

import (
	"bufio"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// The kill test: a child process (this test binary, re-run with
// WUB_KILL_DB set) imports, edits and backs up without pause and prints a
// line after each commit returns; the parent SIGKILLs it at a random moment,
// reopens the file and checks that integrity_check is ok, every commit it
// was told about is there, and no import is there in part.

const killCounterNIK = "3528041111900001"

// killBulkSize is the number of trainees in one import transaction.
func killBulkSize() int { return 500 }

func killCreateNIK(round, j int) string {
	return fmt.Sprintf("352804%02d%02d85%04d", round%28+1, round/28%12+1, j+1)
}

// TestKillChild is the child: it only runs when the parent starts it.
func TestKillChild(t *testing.T) {
	path := os.Getenv("WUB_KILL_DB")
	if path == "" {
		t.Skip("run by TestKillDuringWrites")
	}
	round, _ := strconv.Atoi(os.Getenv("WUB_KILL_ROUND"))
	db, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	counter, err := db.TraineeByNIK(ctx, killCounterNIK)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	v, _ := strconv.Atoi(strings.TrimPrefix(counter.Notes, "v"))
	fmt.Println("ready")
	for k, j := 0, 0; ; k++ {
		if k%3 == 1 {
			info, err := db.BackupBefore(ctx, ReasonImport)
			if err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			fmt.Println("backup", filepath.Base(info.Path))
		}
		if k*killBulkSize() < 90000 {
			source := fmt.Sprintf("r%d/b%d", round, k)
			addBulk(t, db, round*100000+k*killBulkSize(), killBulkSize(), source)
			fmt.Println("bulk", source)
		}
		for range 10 {
			v++
			counter.Notes = "v" + strconv.Itoa(v)
			if _, err := db.UpdateTrainee(ctx, counter); err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			fmt.Println("edit", v)
		}
		for range 3 {
			tr := &wub.Trainee{NIK: killCreateNIK(round, j), Name: "Peserta Baru", Sex: "L",
				Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusRegistered}}}
			if _, err := db.CreateTrainee(ctx, tr); err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			fmt.Println("create", tr.NIK)
			j++
		}
	}
}

// killRounds skips a kill test where it cannot or need not run and
// returns how many rounds to run: full, short under -short, or
// WUB_KILL_ROUNDS.
func killRounds(t *testing.T, full, short int) int {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("SIGKILL test runs on Linux")
	}
	if raceEnabled {
		// The race detector slows SQLite tenfold and adds nothing to a test
		// of separate processes: scripts/test.sh runs this one without it.
		t.Skip("run without -race (scripts/test.sh does)")
	}
	if s := os.Getenv("WUB_KILL_ROUNDS"); s != "" {
		n, _ := strconv.Atoi(s)
		return n
	}
	if testing.Short() {
		return short
	}
	return full
}

func TestKillDuringWrites(t *testing.T) {
	rounds := killRounds(t, 30, 4)
	path := filepath.Join(t.TempDir(), "wub.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateTrainee(ctx, &wub.Trainee{NIK: killCounterNIK, Name: "Penghitung", Sex: "L", Notes: "v0",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusRegistered}}}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	lastEdit := 0
	var created []string
	var bulks []string
	verified := map[string]bool{}
	for round := 0; round < rounds; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "WUB_KILL_DB="+path, "WUB_KILL_ROUND="+strconv.Itoa(round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1000)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		if l := <-lines; l != "ready" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: child said %q", round, l)
		}
		// Kill after a random number of reported commits plus a random
		// pause, so that the moment falls inside imports, edits and backups
		// alike whatever the speed of the machine (or the race detector).
		var told []string
		after := rng.IntN(30)
		for l := range lines {
			told = append(told, l)
			if len(told) >= after {
				break
			}
		}
		delay := time.Duration(rng.IntN(400)) * time.Millisecond
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		for l := range lines {
			told = append(told, l)
		}
		cmd.Wait()
		for _, l := range told {
			verb, arg, _ := strings.Cut(l, " ")
			switch verb {
			case "edit":
				lastEdit, _ = strconv.Atoi(arg)
			case "create":
				created = append(created, arg)
			case "bulk":
				bulks = append(bulks, arg)
			case "backup":
			default:
				t.Fatalf("round %d: child said %q", round, l)
			}
		}
		checkAfterKill(t, path, round, lastEdit, created, bulks, verified)
		if t.Failed() {
			t.Fatalf("round %d (killed after %v) failed; child said %d lines", round, delay, len(told))
		}
	}
	t.Logf("%d rounds: %d bulk imports of %d, %d creates and %d edits committed; %d backups checked",
		rounds, len(bulks), killBulkSize(), len(created), lastEdit, len(verified))
}

// checkAfterKill reopens the file as the next start of the app would.
func checkAfterKill(t *testing.T, path string, round, lastEdit int, created, bulks []string, verified map[string]bool) {
	t.Helper()
	db, err := OpenChecked(ctx, path)
	if err != nil {
		t.Fatalf("round %d: reopen: %v", round, err)
	}
	defer db.Close()
	if err := db.IntegrityCheck(ctx, true); err != nil {
		t.Errorf("round %d: %v", round, err)
	}
	// Every import is all or nothing, and every reported one is whole.
	rows, err := db.r.QueryContext(ctx, `SELECT t.source, count(*), count(DISTINCT e.id) FROM trainee t
		JOIN enrolment e ON e.trainee_id = t.id WHERE t.source LIKE 'r%/b%' GROUP BY t.source`)
	if err != nil {
		t.Fatal(err)
	}
	present := map[string]bool{}
	for rows.Next() {
		var src string
		var n, ne int
		rows.Scan(&src, &n, &ne)
		present[src] = true
		if n != killBulkSize() || ne != killBulkSize() {
			t.Errorf("round %d: import %s has %d trainees and %d enrolments, want %d or none", round, src, n, ne, killBulkSize())
		}
	}
	rows.Close()
	for _, b := range bulks {
		if !present[b] {
			t.Errorf("round %d: committed import %s is missing", round, b)
		}
	}
	// Each trainee insert wrote its audit row in the same transaction.
	var trainees, audits int
	db.r.QueryRow("SELECT count(*) FROM trainee").Scan(&trainees)
	db.r.QueryRow("SELECT count(*) FROM audit WHERE entity = 'trainee' AND action = 'insert'").Scan(&audits)
	if trainees != audits {
		t.Errorf("round %d: %d trainees but %d insert audit rows", round, trainees, audits)
	}
	// The edit counter: at least the last reported value, at most one more
	// (committed, then killed before it could say so).
	counter, err := db.TraineeByNIK(ctx, killCounterNIK)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := strconv.Atoi(strings.TrimPrefix(counter.Notes, "v"))
	if v < lastEdit || v > lastEdit+1 {
		t.Errorf("round %d: edit counter is v%d, last reported v%d", round, v, lastEdit)
	}
	for _, nik := range created {
		if _, err := db.TraineeByNIK(ctx, nik); err != nil {
			t.Errorf("round %d: created trainee %s: %v", round, nik, err)
		}
	}
	// A backup cut off mid-way never has a backup's name.
	list, _ := ListBackups(path)
	for _, b := range list {
		if verified[b.Path] {
			continue
		}
		verified[b.Path] = true
		if _, err := VerifyBackup(ctx, b.Path); err != nil {
			t.Errorf("round %d: backup %s: %v", round, filepath.Base(b.Path), err)
		}
	}
}

// TestSynchronousFull: every connection, writer and readers, syncs the WAL
// at each commit (what makes a returned commit survive a power cut).
func TestSynchronousFull(t *testing.T) {
	db := openTest(t)
	for name, pool := range map[string]interface {
		QueryRow(string, ...any) *sql.Row
	}{"writer": db.w, "reader": db.r} {
		var sync int
		var mode string
		pool.QueryRow("PRAGMA synchronous").Scan(&sync)
		pool.QueryRow("PRAGMA journal_mode").Scan(&mode)
		if sync != 2 || mode != "wal" {
			t.Errorf("%s: synchronous=%d journal_mode=%s, want 2 (FULL) and wal", name, sync, mode)
		}
	}
}
