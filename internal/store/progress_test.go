package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"wubdesk/internal/wub"
)

// TestBackupProgressAndCancel: a backup reports its copy and its check;
// a cancelled backup leaves no file; a cancelled restore leaves the
// database as it was, and a Cancel once the restore is putting the current
// file away has no effect.
func TestBackupProgressAndCancel(t *testing.T) {
	db := openTest(t)
	for i := 0; i < 50; i++ {
		tr := &wub.Trainee{NIK: "352804520395" + padInt(i+1), Name: "Peserta", Sex: "P", Enrolments: []wub.Enrolment{
			{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusRegistered}}}
		if _, err := db.CreateTrainee(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	var mu sync.Mutex
	var stages []string
	var last, total int64
	pctx := WithProgress(ctx, func(stage string, d, tot int64) {
		mu.Lock()
		defer mu.Unlock()
		if len(stages) == 0 || stages[len(stages)-1] != stage {
			stages = append(stages, stage)
		}
		if stage == StageCopy {
			last, total = d, tot
		}
	})
	dest := filepath.Join(dir, "cadangan.db")
	if _, err := db.BackupTo(pctx, dest); err != nil {
		t.Fatal(err)
	}
	if strings.Join(stages, ",") != "copy,check" || total == 0 || last != total {
		t.Errorf("stages %v, copy %d of %d", stages, last, total)
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	other := filepath.Join(dir, "batal.db")
	if _, err := db.BackupTo(cancelled, other); err == nil {
		t.Fatal("a cancelled backup succeeded")
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("a cancelled backup left files: %v", left)
	}

	path := db.Path
	db.Close()
	before, _ := os.ReadFile(path)
	if _, err := Restore(cancelled, path, dest); err == nil {
		t.Fatal("a cancelled restore succeeded")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a cancelled restore changed the database")
	}
	if list, _ := ListBackups(path); len(list) != 0 {
		t.Errorf("a cancelled restore kept the current file: %v", list)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp-*")); len(left) != 0 {
		t.Errorf("a cancelled restore left %v", left)
	}

	// Cancel arriving while the current file is put away: the restore completes.
	late, cancelLate := context.WithCancel(ctx)
	stages = nil
	lctx := WithProgress(late, func(stage string, d, tot int64) {
		mu.Lock()
		defer mu.Unlock()
		if stage == StageKeep && len(stages) == 0 {
			stages = append(stages, stage)
			cancelLate()
		}
	})
	kept, err := Restore(lctx, path, dest)
	if err != nil || kept == "" {
		t.Fatalf("restore cancelled while keeping the current file: kept %q, %v", kept, err)
	}
	if strings.HasSuffix(kept, ".bad") {
		t.Errorf("the current file was kept as damaged: %s", kept)
	}
	if _, err := VerifyBackup(ctx, path); err != nil {
		t.Errorf("restored file: %v", err)
	}
}

func padInt(i int) string {
	s := "0000" + string(rune('0'+i/10)) + string(rune('0'+i%10))
	return s[len(s)-4:]
}
