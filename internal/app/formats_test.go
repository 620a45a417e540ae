package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

var ctx = context.Background()

var clock = time.Date(2024, 7, 5, 2, 0, 0, 0, time.UTC)

func openRegister(t *testing.T) (*app.App, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "wub.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return clock }
	db.Actor = "tester"
	t.Cleanup(func() { db.Close() })
	return app.New(db), db
}

func seed(t *testing.T, db *store.DB) {
	t.Helper()
	for i, nik := range []string{"3528045203950001", "3528021007880002", "3528034701900003"} {
		if _, err := db.CreateTrainee(ctx, &wub.Trainee{NIK: nik, Name: []string{"Siti Aminah", "Moh. Hasan", "Ani"}[i],
			Sex: []string{"P", "L", "P"}[i], Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2024,
				Status: wub.StatusTrained, CompletedOn: time.Date(2024, 6, 10+i, 0, 0, 0, 0, time.UTC)}}}); err != nil {
			t.Fatal(err)
		}
	}
}

// ExportSubmission is the one monthly export: the register's clock stamps
// it, progress counts the rows, and the agency is checked the same way for
// the window and the command.
func TestExportSubmission(t *testing.T) {
	a, db := openRegister(t)
	seed(t, db)
	path := filepath.Join(t.TempDir(), "WUB_DISPERINDAG_2024-06.xlsx")
	var last [2]int
	meta, err := a.ExportSubmission(ctx, app.ExportRequest{Agency: " disperindag ", Month: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		Path: path, Progress: func(done, total int) { last = [2]int{done, total} }})
	if err != nil {
		t.Fatal(err)
	}
	if !meta.GeneratedAt.Equal(clock) || meta.TraineeRows != 3 || last != [2]int{3, 3} {
		t.Errorf("meta %+v, progress %v", meta, last)
	}
	r := xlsx.ReadSubmissionFile(path)
	if !r.OK() || r.Meta.DataSHA256 != meta.DataSHA256 || len(r.Rows) != 3 {
		t.Fatalf("read back %v %+v", r.Err, r.Meta)
	}
	if _, err := a.ExportSubmission(ctx, app.ExportRequest{Agency: "NOPE", Month: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		Path: path}); wub.ErrorCode(err) != "agency_unknown" {
		t.Errorf("unknown agency: %v", err)
	}
	if _, err := a.ExportSubmission(ctx, app.ExportRequest{Agency: wub.DPMPTSP, Month: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC),
		Path: path}); wub.ErrorCode(err) != "export_agency_no_program" {
		t.Errorf("agency without a program that year: %v", err)
	}
}

// ReceiveSubmissions stores what the streaming reader accepts, lists what
// it refuses, and Consolidate counts the stored ones with the register's
// targets; ConsolidateFiles needs no register.
func TestReceiveAndConsolidate(t *testing.T) {
	office, db := openRegister(t)
	seed(t, db)
	dir := t.TempDir()
	good := filepath.Join(dir, "WUB_DISPERINDAG_2024-06.xlsx")
	if _, err := office.ExportSubmission(ctx, app.ExportRequest{Agency: wub.DISPERINDAG,
		Month: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), Path: good}); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "tidak-ada.xlsx")

	regency, _ := openRegister(t)
	var seen []int
	res, err := regency.ReceiveSubmissions(ctx, []string{good, missing}, func(i int, _ string) { seen = append(seen, i) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Read != 2 || res.Accepted != 1 || len(res.Refused) != 1 || res.Year != 2024 || len(seen) != 2 {
		t.Fatalf("received %+v, callbacks %v", res, seen)
	}
	if y, err := regency.LatestReceivedYear(ctx); y != 2024 || err != nil {
		t.Errorf("latest year %d %v", y, err)
	}
	c, err := regency.Consolidate(ctx, 2024, res.Refused)
	if err != nil {
		t.Fatal(err)
	}
	if c.People != 3 || len(c.Files) != 2 {
		t.Errorf("consolidation: %d people, %d files", c.People, len(c.Files))
	}
	again, err := regency.ReceiveSubmissions(ctx, []string{good}, nil)
	if err != nil || again.Again != 1 || again.Accepted != 0 {
		t.Errorf("sent again: %+v %v", again, err)
	}
	c2, err := app.ConsolidateFiles(ctx, []string{good}, xlsx.ConsolidateOptions{Now: clock})
	if err != nil || c2.People != 3 {
		t.Errorf("without a register: %v", err)
	}
	cancelled, stop := context.WithCancel(ctx)
	stop()
	if _, err := app.ConsolidateFiles(cancelled, []string{good}, xlsx.ConsolidateOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// ImportWorkbook writes a preview's rows in one transaction as the
// register's actor, stamped by its clock; the rows it does not write are
// each in the report with their reason.
func TestImportWorkbookAsTheActor(t *testing.T) {
	a, db := openRegister(t)
	rep, err := a.PreviewImport(ctx, filepath.Join("..", "xlsx", "testdata", "office_2022.xlsx"), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var calls int
	res, err := a.ImportWorkbook(ctx, rep, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != rep.Accepted || res.Inserted == 0 || calls == 0 {
		t.Fatalf("result %+v of %d accepted, %d progress calls", res, rep.Accepted, calls)
	}
	tr, err := db.TraineeByNIK(ctx, "3528045203950001")
	if err != nil || tr == nil {
		t.Fatal(tr, err)
	}
	audit, err := db.AuditFor(ctx, "trainee", tr.ID)
	if err != nil || len(audit) == 0 || audit[0].Actor != "tester" || !audit[0].At.Equal(clock) {
		t.Errorf("audit %+v %v", audit, err)
	}
	for i, r := range rep.Rows {
		if (r.Status == xlsx.Rejected && rep.Reason(i) == "") || (r.Status == xlsx.Skipped && r.Skip() == "") {
			t.Errorf("row %d not written without a reason", r.Num)
		}
	}
	// The same file again: every row is registered, nothing to write.
	again, err := a.PreviewImport(ctx, filepath.Join("..", "xlsx", "testdata", "office_2022.xlsx"), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.ImportWorkbook(ctx, again, nil); wub.ErrorCode(err) != "import_nothing" {
		t.Errorf("second import: %v", err)
	}
	dups, err := a.ImportDuplicates(ctx, again)
	if err != nil || len(dups) != 0 {
		t.Errorf("duplicates of rows not imported: %v %v", dups, err)
	}
}
