package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"wubdesk/internal/handover"
	"wubdesk/internal/wub"
)

var bg = context.Background()

// openTest is a register in a temp folder with the clock pinned.
func openTest(t *testing.T, name string) *App {
	t.Helper()
	a, err := Open(filepath.Join(t.TempDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	a.SetClock(func() time.Time { return time.Date(2023, 1, 3, 9, 0, 0, 0, time.UTC) })
	t.Cleanup(func() { a.Close() })
	return a
}

func addPeople(t *testing.T, a *App, agency string, niks ...string) {
	t.Helper()
	for _, n := range niks {
		tr := &wub.Trainee{NIK: n, Name: "Peserta " + n[12:], Sex: "P", Enrolments: []wub.Enrolment{
			{AgencyCode: agency, Year: 2022, Status: wub.StatusTrained, CompletedOn: time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC)}}}
		if _, err := a.CreateTrainee(bg, tr); err != nil {
			t.Fatal(err)
		}
	}
}

func TestClockIsTheRegisters(t *testing.T) {
	a := openTest(t, "wub.db")
	if got := a.Now(); !got.Equal(time.Date(2023, 1, 3, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("Now = %v", got)
	}
}

// The window's and the command's backup are one use case: progress by
// stage, and a cancelled backup leaves no file.
func TestBackupProgressAndCancel(t *testing.T) {
	a := openTest(t, "wub.db")
	addPeople(t, a, wub.DKP, "3528045203950001", "3528045203950002")
	dir := t.TempDir()
	var mu sync.Mutex
	var stages []string
	progress := func(stage string, done, total int64) {
		mu.Lock()
		defer mu.Unlock()
		if len(stages) == 0 || stages[len(stages)-1] != stage {
			stages = append(stages, stage)
		}
	}
	info, err := a.Backup(bg, BackupOptions{Dest: filepath.Join(dir, "cadangan.db"), Progress: progress})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(stages, ",") != wub.StageCopy+","+wub.StageCheck || info.SchemaVersion == 0 {
		t.Errorf("stages %v, info %+v", stages, info)
	}
	if _, err := VerifyBackup(bg, info.Path); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(bg)
	cancel()
	if _, err := a.Backup(cancelled, BackupOptions{Dest: filepath.Join(dir, "batal.db")}); err == nil {
		t.Fatal("a cancelled backup succeeded")
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("a cancelled backup left files: %v", left)
	}
	// The headless backup of a file that is open elsewhere.
	if _, err := BackupFile(bg, a.Path(), BackupOptions{Dest: filepath.Join(dir, "tugas.db")}); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreBringsTheBackupBack(t *testing.T) {
	a := openTest(t, "wub.db")
	addPeople(t, a, wub.DKP, "3528045203950001")
	backup := filepath.Join(t.TempDir(), "cadangan.db")
	if _, err := a.Backup(bg, BackupOptions{Dest: backup}); err != nil {
		t.Fatal(err)
	}
	addPeople(t, a, wub.DKP, "3528045203950002")
	path := a.Path()
	a.Close()
	rules, required := RestoreRules(bg, path, backup)
	if rules != path || required {
		t.Errorf("rules %q required %v: the readable current file's rules apply, and it asks for no sign-in", rules, required)
	}
	var stages []string
	kept, err := Restore(bg, RestoreOptions{Path: path, From: backup, Progress: func(stage string, _, _ int64) {
		if len(stages) == 0 || stages[len(stages)-1] != stage {
			stages = append(stages, stage)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if kept == "" || len(stages) == 0 {
		t.Errorf("kept %q, stages %v", kept, stages)
	}
	b, err := OpenChecked(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	list, err := b.ListTrainees(bg, wub.TraineeFilter{}, 0, 10)
	if err != nil || list.Total != 1 {
		t.Errorf("after restore %d people (%v), want the backup's 1", list.Total, err)
	}
	if bs, err := ListBackups(path); err != nil || len(bs) == 0 || bs[0].Reason != wub.ReasonRestore {
		t.Errorf("backups %+v (%v): the replaced file is kept", bs, err)
	}
}

// A damaged current file cannot say whose rules apply: the backup's do.
func TestRestoreRulesOfAnEmptiedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "wub.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if rules, _ := RestoreRules(bg, path, filepath.Join(dir, "cadangan.db")); rules != filepath.Join(dir, "cadangan.db") {
		t.Errorf("rules %q", rules)
	}
}

// Handover through the use cases: the giving office exports, the
// receiving one reads, previews and imports; a package this register
// cannot take is refused before anything is written.
func TestHandoverBetweenOffices(t *testing.T) {
	giving := openTest(t, "dpmptsp.db")
	if err := giving.SetOffice(bg, wub.Office{AgencyCode: wub.DPMPTSP, HeadName: "Ir. Achmad Faisol"}); err != nil {
		t.Fatal(err)
	}
	addPeople(t, giving, wub.DPMPTSP, "3528044107980001", "3528044207980002")
	path := filepath.Join(t.TempDir(), "paket"+handover.Ext)
	var calls int
	ex, err := giving.HandoverExport(bg, HandoverExportOptions{To: wub.DISPERINDAG, Date: time.Date(2023, 1, 3, 0, 0, 0, 0, time.UTC),
		Path: path, Progress: func(done, total int) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	if ex.Manifest.CreatedBy != giving.Actor() || calls == 0 {
		t.Errorf("created by %q (actor %q), %d progress calls", ex.Manifest.CreatedBy, giving.Actor(), calls)
	}
	if _, err := os.Stat(ex.BeritaAcara); err != nil {
		t.Error(err)
	}

	receiving := openTest(t, "disperindag.db")
	if err := receiving.SetOffice(bg, wub.Office{AgencyCode: wub.DISPERINDAG, HeadName: "Ir. Budi Santoso"}); err != nil {
		t.Fatal(err)
	}
	p, err := ReadHandover(path)
	if err != nil {
		t.Fatal(err)
	}
	preview, err := receiving.HandoverImport(bg, p, HandoverImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := receiving.ListTrainees(bg, wub.TraineeFilter{}, 0, 10); list.Total != 0 {
		t.Fatalf("a dry run imported %d people", list.Total)
	}
	res, err := receiving.HandoverImport(bg, p, HandoverImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if preview.Totals().New != res.Totals().New || res.Totals().New == 0 {
		t.Errorf("preview %+v, import %+v", preview.Totals(), res.Totals())
	}
	if list, _ := receiving.ListTrainees(bg, wub.TraineeFilter{}, 0, 10); list.Total != 2 {
		t.Errorf("%d people received, want 2", list.Total)
	}

	older := receiving.HandoverSchema()
	older.Version = p.Manifest.SchemaVersion - 1
	if err := p.Fits(older); wub.ErrorCode(err) != "handover_schema_newer" {
		t.Errorf("a package from a newer schema: %v", err)
	}
	fewer := receiving.HandoverSchema()
	fewer.Kinds = fewer.Kinds[1:]
	if err := p.Fits(fewer); wub.ErrorCode(err) != "handover_member_missing" {
		t.Errorf("a package with a kind this register does not know: %v", err)
	}
}
