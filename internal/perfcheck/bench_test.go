package perfcheck

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/app"
	"wubdesk/internal/demo"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

const people = 10_000

var (
	ctx     = context.Background()
	once    sync.Once
	shared  *store.DB
	dir     string
	book    string // an office workbook of the shared database's people
	setupEr error
)

// setup builds the 10,000-person demo database and an import workbook once
// per test binary.
func setup(b *testing.B) *store.DB {
	b.Helper()
	once.Do(func() {
		dir, setupEr = os.MkdirTemp("", "wub-perfcheck-")
		if setupEr != nil {
			return
		}
		shared, setupEr = store.Open(filepath.Join(dir, "demo.db"))
		if setupEr != nil {
			return
		}
		if _, setupEr = demo.Generate(ctx, shared, demo.Options{Trainees: people, Seed: 1}); setupEr != nil {
			return
		}
		if setupEr = demo.FillExtras(ctx, shared, 1); setupEr != nil {
			return
		}
		book = filepath.Join(dir, "kantor.xlsx")
		setupEr = writeWorkbook(shared, book)
	})
	if setupEr != nil {
		b.Fatal(setupEr)
	}
	return shared
}

// writeWorkbook writes the people of the database as an office would list
// them: a title row, then NIK as text, name, sex, birth date, kecamatan, desa.
func writeWorkbook(db *store.DB, path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	sw.SetRow("A1", []any{"DAFTAR PESERTA WUB TAHUN 2023"})
	sw.SetRow("A3", []any{"NO", "NIK", "NAMA LENGKAP", "L/P", "TANGGAL LAHIR", "KECAMATAN", "DESA"})
	rows, err := db.SearchTrainees(ctx, wub.TraineeFilter{}, 0, people)
	if err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+4)
		if err := sw.SetRow(cell, []any{i + 1, r.NIK, r.Name, r.Sex, "", r.KecName, r.DesaName}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// BenchmarkKeystroke is one keystroke in the Peserta list: the first page
// and the count, over queries of 1, 3 and 5 letters and a NIK prefix.
func BenchmarkKeystroke(b *testing.B) {
	db := setup(b)
	queries := []string{"s", "sit", "siti ", "ahmad", "352804", "pade"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		if _, err := db.ListTrainees(ctx, wub.TraineeFilter{Text: q, Sort: wub.SortName}, 0, 100); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDashboard is every figure of the Kuota screen for the regency.
func BenchmarkDashboard(b *testing.B) {
	db := setup(b)
	q := wub.DashboardQuery{Year: 2023, AsOf: time.Date(2023, 9, 30, 0, 0, 0, 0, time.UTC)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Dashboard(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExport is the December submission of the agency with the most
// records, written to nowhere.
func BenchmarkExport(b *testing.B) {
	db := setup(b)
	as, _ := db.Agencies(ctx)
	a, _ := as.ByCode(wub.DISKOPUKM)
	m := time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, err := xlsx.WriteSubmission(io.Discard, xlsx.Submission{Agency: a, Month: m},
			func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
				return db.SubmissionRows(ctx, a.Code, m.Year(), wub.EndOfMonth(m), emit)
			})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport is the preview and commit of a 10,000-row office
// workbook into an empty database (its pre-import backup included).
func BenchmarkImport(b *testing.B) {
	setup(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprintf("imp%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		a := app.New(db)
		rep, err := a.PreviewImport(ctx, book, xlsx.Options{Agency: wub.DKP, Year: 2023})
		if err != nil {
			b.Fatal(err)
		}
		res, err := a.ImportWorkbook(ctx, rep, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if res.Inserted < people*9/10 {
			b.Fatalf("imported %d of %d", res.Inserted, people)
		}
		db.Close()
		b.StartTimer()
	}
}

// BenchmarkDemo generates 10,000 people (the register only).
func BenchmarkDemo(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprintf("demo%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := demo.Generate(ctx, db, demo.Options{Trainees: people, Seed: int64(i + 1)}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
