package store

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// benchPath is a database of 20,000 trainees (twice the program's target),
// made once per benchmark run in a temporary folder.
func benchPath(b *testing.B) string {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wubdesk-bench-")
		if err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, "wub.db")
		db, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		for i := 0; i < 20000; i += 5000 {
			addBulk(b, db, i, 5000, "bench")
		}
		benchFile = path
	})
	if benchFile == "" {
		b.Fatal("no bench database")
	}
	return benchFile
}

var (
	benchOnce sync.Once
	benchFile string
)

func BenchmarkBackupTo20k(b *testing.B) {
	path := benchPath(b)
	out := filepath.Join(b.TempDir(), "backup.db")
	var size int64
	for b.Loop() {
		info, err := BackupFile(ctx, path, out)
		if err != nil {
			b.Fatal(err)
		}
		size = info.Size
	}
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

func BenchmarkOpenChecked20k(b *testing.B) {
	path := benchPath(b)
	for b.Loop() {
		db, err := OpenChecked(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

func BenchmarkCheckFile20k(b *testing.B) {
	path := benchPath(b)
	for b.Loop() {
		if r, err := CheckFile(ctx, path); err != nil || !r.OK {
			b.Fatal(r, err)
		}
	}
}

func BenchmarkRestore20k(b *testing.B) {
	path := benchPath(b)
	dir := b.TempDir()
	backup := filepath.Join(dir, "backup.db")
	if _, err := BackupFile(ctx, path, backup); err != nil {
		b.Fatal(err)
	}
	target := filepath.Join(dir, "kantor.db")
	copyFile(backup, target)
	for b.Loop() {
		if _, err := Restore(ctx, target, backup); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		hashPassword("rahasia-kantor")
	}
}
