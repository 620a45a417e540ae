package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	buildOut  []byte
)

// binary builds this command once into a temporary folder: these tests run
// the real program as a user or a scheduled task would.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the program; skipped with -short")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wubdesk-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "wubdesk")
		cmd := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", binPath, ".")
		buildOut, buildErr = cmd.CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("go build: %v\n%s", buildErr, buildOut)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// run starts the program with env added to a clean environment (no
// display unless env gives one) and returns its exit code and output.
func run(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"XDG_CONFIG_HOME=" + t.TempDir()}, env...)
	cmd.Dir = t.TempDir()
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, o.String(), e.String()
}

// Issue 25 item 9: with LANG=C.UTF-8 (CI, scheduled tasks) a command prints
// only its own output, not Fyne's complaints about the locale.
func TestCommandsPrintNoFyneLocaleNoise(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kantor.db")
	for _, lang := range []string{"LANG=C.UTF-8", "LC_ALL=C.UTF-8", "LANG=C", "LANG=POSIX"} {
		for _, args := range [][]string{{"help"}, {"check", "--db", db}, {"demo", "--db", db, "--trainees", "5"}} {
			_, o, e := run(t, []string{lang}, args...)
			if strings.Contains(o+e, "Fyne error") || strings.Contains(o+e, "locale") {
				t.Errorf("%s wubdesk %v printed Fyne's locale noise:\n%s%s", lang, args, o, e)
			}
		}
	}
}

// Issue 25 item 10: a word that is no command exits 2 with the command list
// instead of opening the window on the default database.
func TestUnknownCommandExits2WithTheList(t *testing.T) {
	// ("duplicates", the example, has since become a command.)
	for _, args := range [][]string{{"duplikat", "--db", "x.db"}, {"--db", "x.db", "impor"}, {"xyz"}} {
		code, o, e := run(t, []string{"LANG=C.UTF-8", "DISPLAY=:99"}, args...)
		if code != 2 {
			t.Errorf("wubdesk %v: exit %d, want 2\n%s%s", args, code, o, e)
		}
		for _, want := range []string{"perintah tidak dikenal", "import", "export", "check", "backup"} {
			if !strings.Contains(e, want) {
				t.Errorf("wubdesk %v: stderr lacks %q:\n%s", args, want, e)
			}
		}
		if strings.Contains(e, "panic") || strings.Contains(e, "goroutine") {
			t.Errorf("wubdesk %v: panicked:\n%s", args, e)
		}
	}
}

// Issue 25 item 10: with no display the window's start is one line and
// exit 2, not a GLFW panic with a stack trace.
func TestNoDisplayIsOneLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kantor.db")
	code, o, e := run(t, []string{"LANG=C.UTF-8"}, "--db", db)
	if code != 2 {
		t.Fatalf("exit %d, want 2\n%s%s", code, o, e)
	}
	if lines := strings.Split(strings.TrimSpace(e), "\n"); len(lines) != 1 || !strings.Contains(e, "layar") {
		t.Fatalf("want one line about the display, got:\n%s", e)
	}
}
