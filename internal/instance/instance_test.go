package instance

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// TestInstanceChild is a second launch, run by the tests below: it tries
// the lock and reports what happened, or holds it until killed.
func TestInstanceChild(t *testing.T) {
	path := os.Getenv("WUB_INSTANCE_DB")
	if path == "" {
		t.Skip("run by the other tests")
	}
	l, err := Acquire(path)
	if err != nil {
		le, _ := err.(*LockedError)
		fmt.Printf("locked code=%s activated=%v\n", wub.ErrorCode(err), le != nil && le.Activated)
		return
	}
	fmt.Println("held")
	if os.Getenv("WUB_INSTANCE_HOLD") != "" {
		time.Sleep(time.Minute)
	}
	l.Release()
}

func child(t *testing.T, db string, hold bool) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestInstanceChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "WUB_INSTANCE_DB="+db)
	if hold {
		cmd.Env = append(cmd.Env, "WUB_INSTANCE_HOLD=1")
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewScanner(out)
}

func firstLine(t *testing.T, sc *bufio.Scanner) string {
	t.Helper()
	for sc.Scan() {
		if l := sc.Text(); strings.HasPrefix(l, "locked") || l == "held" {
			return l
		}
	}
	t.Fatal("child said nothing")
	return ""
}

func TestSecondLaunchActivatesTheFirst(t *testing.T) {
	db := filepath.Join(t.TempDir(), "wub.db")
	l, err := Acquire(db)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	activated := make(chan struct{}, 1)
	l.OnActivate(func() { activated <- struct{}{} })

	_, sc := child(t, db, false)
	if got := firstLine(t, sc); got != "locked code=db_locked activated=true" {
		t.Errorf("second launch: %q", got)
	}
	select {
	case <-activated:
	case <-time.After(5 * time.Second):
		t.Error("the first instance was not asked to come to the front")
	}
	// Another database in the same folder is not locked.
	other, err := Acquire(filepath.Join(filepath.Dir(db), "lain.db"))
	if err != nil {
		t.Fatal(err)
	}
	other.Release()
}

func TestSameProcessAndRelease(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sub", "wub.db") // the folder is made
	l, err := Acquire(db)
	if err != nil {
		t.Fatal(err)
	}
	called := make(chan bool, 1)
	l.OnActivate(func() { called <- true })
	_, err = Acquire(db)
	if wub.ErrorCode(err) != "db_locked" {
		t.Fatalf("second Acquire in one process: %v", err)
	}
	select {
	case <-called:
	case <-time.After(5 * time.Second):
		t.Error("not activated")
	}
	if !strings.Contains(err.Error(), "wub.db") {
		t.Errorf("message %q does not name the file", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	l2, err := Acquire(db)
	if err != nil {
		t.Fatalf("after Release: %v", err)
	}
	l2.Release()
}

func TestLockDiesWithItsProcess(t *testing.T) {
	db := filepath.Join(t.TempDir(), "wub.db")
	cmd, sc := child(t, db, true)
	if got := firstLine(t, sc); got != "held" {
		t.Fatalf("child: %q", got)
	}
	_, err := Acquire(db)
	le, ok := err.(*LockedError)
	if !ok {
		t.Fatalf("while the child holds it: %v", err)
	}
	if !le.Activated {
		t.Error("the holding child did not answer")
	}
	cmd.Process.Kill() // no Release: the OS must drop the lock
	cmd.Wait()
	l, err := Acquire(db)
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	l.Release()
}
