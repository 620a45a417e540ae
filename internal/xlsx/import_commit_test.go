package xlsx

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"wubdesk/internal/wub"
)

func previewOffice(t *testing.T, o Options) *Report {
	t.Helper()
	o.Today = today
	rep, err := PreviewFile(ctx, filepath.Join("testdata", "office_2022.xlsx"), o)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// snapshot is everything an import may change.
func snapshot(t *testing.T, db interface {
	TraineeByNIK(context.Context, string) (*wub.Trainee, error)
}, niks ...string) []string {
	t.Helper()
	var out []string
	for _, n := range niks {
		tr, err := db.TraineeByNIK(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		if tr == nil {
			out = append(out, n+": -")
			continue
		}
		out = append(out, n+": "+tr.Name+" / "+tr.Phone+" / "+tr.Source+" / "+wub.FormatDate(tr.BirthDate))
		for _, e := range tr.Enrolments {
			out = append(out, "  "+e.AgencyCode+" "+e.Status)
		}
	}
	return out
}

var officeNIKs = []string{"3528045203950001", "3528021007880002", "3528034701900003", "3528051505850004",
	"3528060101900005", "3528074508000006", "3529011203910011", "3528105505950012", "3528111203910013"}

func TestCommitWritesAcceptedRows(t *testing.T) {
	db := openDB(t)
	rep := previewOffice(t, Options{Register: db})
	var calls [][2]int
	res, err := commit(ctx, db, rep, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 9 || len(calls) == 0 || calls[len(calls)-1] != [2]int{9, 9} {
		t.Fatalf("result %+v, progress %v", res, calls)
	}
	tr, err := db.TraineeByNIK(ctx, "3528045203950001")
	if err != nil || tr == nil {
		t.Fatal(tr, err)
	}
	if tr.Source != "office_2022.xlsx / DATA PESERTA / 8" || len(tr.Enrolments) != 1 ||
		tr.Enrolments[0].AgencyCode != wub.DISPERINDAG || tr.Enrolments[0].Year != 2022 ||
		tr.Enrolments[0].Status != wub.StatusTrained {
		t.Errorf("trainee %+v", tr)
	}
	// The rejected numeric NIK and the duplicate are not there.
	if tr, _ := db.TraineeByNIK(ctx, "3528064410920010"); tr != nil {
		t.Error("row 12 (numeric NIK ending in 0) was imported")
	}

	// Importing the same file again: every row is now registered.
	again := previewOffice(t, Options{Register: db})
	if again.Accepted != 0 || again.Rejected != 16 {
		t.Fatalf("second preview: %d accepted, %d rejected", again.Accepted, again.Rejected)
	}
	i := rowIndex(again, 8)
	if again.Reason(i) != "NIK sudah terdaftar: Siti Aminah — Disperindag 2022." {
		t.Errorf("row 8 reason %q", again.Reason(i))
	}
	if _, err := commit(ctx, db, again, nil); wub.ErrorCode(err) != "import_nothing" {
		t.Errorf("commit of nothing: %v", err)
	}
}

func TestCommitUpdateExisting(t *testing.T) {
	db := openDB(t)
	// The same people were registered by Diskop UKM in 2021 with fewer details.
	rep, err := PreviewFile(ctx, filepath.Join("testdata", "separate_cols.xlsx"), Options{Register: db, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := commit(ctx, db, rep, nil); err != nil {
		t.Fatal(err)
	}
	before, _ := db.TraineeByNIK(ctx, "3528021007880002")
	up := previewOffice(t, Options{Register: db, UpdateExisting: true})
	if up.Updates != 4 || up.Accepted != 5 {
		t.Fatalf("updates %d, accepted %d", up.Updates, up.Accepted)
	}
	res, err := commit(ctx, db, up, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 5 || res.Enrolled != 4 {
		t.Errorf("result %+v", res)
	}
	after, _ := db.TraineeByNIK(ctx, "3528021007880002")
	if after.Name != "MOH. HASAN" || after.Source != before.Source || len(after.Enrolments) != 2 {
		t.Errorf("updated trainee %+v", after)
	}
	audit, err := db.AuditFor(ctx, "trainee", after.ID)
	if err != nil || len(audit) != 2 || audit[1].Action != "update" {
		t.Errorf("audit %+v %v", audit, err)
	}
}

func TestCancelledCommitChangesNothing(t *testing.T) {
	db := openDB(t)
	rep := previewOffice(t, Options{Register: db})
	before := snapshot(t, db, officeNIKs...)
	c, cancel := context.WithCancel(ctx)
	_, err := commit(c, db, rep, func(done, total int) {
		if done >= 1 {
			cancel()
		}
	})
	// Progress comes every 500 rows or at the end: cancel after the last row.
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if after := snapshot(t, db, officeNIKs...); !reflect.DeepEqual(before, after) {
		t.Errorf("database changed:\n%v\n%v", before, after)
	}
}

func TestFailingCommitChangesNothing(t *testing.T) {
	db := openDB(t)
	rep := previewOffice(t, Options{Register: db})
	// Someone registers row 24's NIK between the preview and the commit.
	if _, err := db.CreateTrainee(ctx, &wub.Trainee{NIK: "3528111203910013", Name: "Kamil", Sex: "L",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusTrained}}}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, db, officeNIKs...)
	_, err := commit(ctx, db, rep, nil)
	if wub.ErrorCode(err) != "import_changed" {
		t.Fatalf("err %v, want import_changed", err)
	}
	if after := snapshot(t, db, officeNIKs...); !reflect.DeepEqual(before, after) {
		t.Errorf("database changed:\n%v\n%v", before, after)
	}
}

func TestCommitNeedsYearAndAgency(t *testing.T) {
	db := openDB(t)
	rep, err := PreviewFile(ctx, filepath.Join("testdata", "office_2022.xlsx"), Options{Register: db, Agency: "DPMPTSP", Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := commit(ctx, db, rep, nil); wub.ErrorCode(err) != "agency_not_in_year" {
		t.Errorf("DPMPTSP 2023: %v", err)
	}
	rep.SetTarget("", 2022)
	if _, err := commit(ctx, db, rep, nil); wub.ErrorCode(err) != "import_agency_missing" {
		t.Errorf("no agency: %v", err)
	}
}

// The error report is the rejected rows as they were; fixed in Excel (here:
// by code) it imports cleanly.
func TestErrorReportRoundTrip(t *testing.T) {
	db := openDB(t)
	rep := previewOffice(t, Options{Register: db})
	if _, err := commit(ctx, db, rep, nil); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteErrors(&buf, rep); err != nil {
		t.Fatal(err)
	}
	back, err := Preview(ctx, bytes.NewReader(buf.Bytes()), "ditolak.xlsx", Options{Register: db, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	got := outcomeOf(back)
	want := outcome{Sheet: "DATA PESERTA", HeaderRow: 6, Year: 2022, Agency: wub.DISPERINDAG,
		Rejected: map[int]string{7: "nik_numeric_cell", 8: "nik_registered", 9: "name_missing", 10: "nik_format",
			11: "gender_invalid", 12: "date_invalid", 13: "nik_missing"},
		Warnings: map[int]string{}, Skipped: map[int]string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	// The reason column says why, in Indonesian.
	cells := back.Cells(rowIndex(back, 9))
	if reason := cells[len(cells)-1]; reason != "Nama wajib diisi." {
		t.Errorf("reason cell %q", reason)
	}
}

func rowIndex(rep *Report, num int) int {
	for i, r := range rep.Rows {
		if r.Num == num {
			return i
		}
	}
	return -1
}
