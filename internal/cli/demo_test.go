package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

func TestDemoCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Run(context.Background(), append([]string{"demo"}, args...), &out, &errb)
		return code, out.String(), errb.String()
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  string // must contain
		stderr  string // must contain; "" means stderr must be empty
		trainee int    // trainees in the database afterwards
	}{
		{"no --db", []string{"--trainees", "5"}, 2, "", "--db BERKAS wajib diisi", -1},
		{"zero trainees", []string{"--db", path, "--trainees", "0"}, 2, "", "--trainees harus antara", -1},
		{"fills a new file", []string{"--db", path, "--trainees", "120", "--seed", "3"}, 0, "120 peserta", "", 120},
		{"refuses a filled file", []string{"--db", path, "--trainees", "50"}, 2, "", "sudah berisi 120 peserta", 120},
		{"stray argument", []string{"--db", path, "extra"}, 2, "", "argumen tidak dikenal", 120},
	}
	for _, tt := range tests {
		code, stdout, stderr := run(tt.args...)
		if code != tt.code || !strings.Contains(stdout, tt.stdout) {
			t.Errorf("%s: exit %d, stdout %q; want %d and %q", tt.name, code, stdout, tt.code, tt.stdout)
		}
		if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%s: stderr %q, want %q", tt.name, stderr, tt.stderr)
		}
		if tt.trainee < 0 {
			continue
		}
		db, err := app.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		n, err := db.CountTrainees(context.Background(), wub.TraineeFilter{})
		db.Close()
		if err != nil || n != tt.trainee {
			t.Errorf("%s: %d trainees (%v), want %d", tt.name, n, err, tt.trainee)
		}
	}
}
