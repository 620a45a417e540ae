package store

import (
	"errors"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func d(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }

func TestSubmissionRowsOrderAndCountDate(t *testing.T) {
	db := openTest(t)
	mk := func(nik, name, agency string, year int, status string, enrolled, completed time.Time) *wub.Trainee {
		tr := &wub.Trainee{NIK: nik, Name: name, Sex: "L", Enrolments: []wub.Enrolment{{AgencyCode: agency, Year: year,
			Status: status, EnrolledOn: enrolled, CompletedOn: completed}}}
		if _, err := db.CreateTrainee(ctx, tr); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return tr
	}
	var zero time.Time
	mk("3528040101900001", "Selesai Juni", wub.DISPERINDAG, 2024, wub.StatusTrained, d(2024, 2, 1), d(2024, 6, 30))
	mk("3528040101900002", "Daftar Maret", wub.DISPERINDAG, 2024, wub.StatusRegistered, d(2024, 3, 5), zero)
	mk("3528040101900003", "Tanpa Tanggal", wub.DISPERINDAG, 2024, wub.StatusDropped, zero, zero)
	mk("3528040101900004", "Selesai Juli", wub.DISPERINDAG, 2024, wub.StatusTrained, d(2024, 6, 1), d(2024, 7, 1))
	mk("3528040101900005", "Tahun Lain", wub.DISPERINDAG, 2023, wub.StatusTrained, zero, d(2023, 5, 1))
	mk("3528040101900006", "Dinas Lain", wub.DKP, 2024, wub.StatusTrained, zero, d(2024, 5, 1))
	gone := mk("3528040101900007", "Dihapus", wub.DISPERINDAG, 2024, wub.StatusTrained, zero, d(2024, 4, 1))
	if err := db.DeleteTrainee(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := db.SubmissionRows(ctx, wub.DISPERINDAG, 2024, d(2024, 6, 30), func(tr *wub.Trainee, e *wub.Enrolment) error {
		cd := "belum diisi"
		if !e.CountDate().IsZero() {
			cd = e.CountDate().Format("01-02")
		}
		got = append(got, tr.Name+"/"+cd)
		if e.AgencyCode != wub.DISPERINDAG || e.Year != 2024 || tr.NIK == "" {
			t.Errorf("row %+v %+v", tr, e)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Rows without a count date come last, never as 1 January.
	want := []string{"Daftar Maret/03-05", "Selesai Juni/06-30", "Tanpa Tanggal/belum diisi"}
	if len(got) != len(want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %s, want %s", i, got[i], want[i])
		}
	}
	if n, err := db.SubmissionCount(ctx, wub.DISPERINDAG, 2024, d(2024, 6, 30)); n != 3 || err != nil {
		t.Errorf("count %d %v", n, err)
	}
	stop := errors.New("stop")
	calls := 0
	err = db.SubmissionRows(ctx, wub.DISPERINDAG, 2024, d(2024, 12, 31), func(*wub.Trainee, *wub.Enrolment) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("error from fn: %v after %d calls", err, calls)
	}
}

func TestRecordSubmission(t *testing.T) {
	db := openTest(t)
	rs := wub.ReceivedSubmission{FileName: "DKP_2024-06.xlsx", FileSHA256: "aa11",
		Meta: wub.SubmissionMeta{Format: 1, AgencyCode: wub.DKP, AgencyName: "DKP", Period: "2024-06", Year: 2024,
			GeneratedAt: time.Date(2024, 7, 5, 9, 0, 0, 0, wub.WIB), TraineeRows: 2, TrainedTotal: 1, DataSHA256: "bb22"}}
	rows := []wub.SubmissionRow{
		{NIK: "3528040101900002", Name: "Kedua", Status: wub.StatusRegistered, Hash: "h2"},
		{NIK: "3528040101900001", Name: "Pertama", Status: wub.StatusTrained, Kecamatan: "Pamekasan", Batch: "Angkatan 1",
			CompletedOn: d(2024, 6, 3), Hash: "h1"},
	}
	first, added, err := db.RecordSubmission(ctx, rs, rows)
	if err != nil || !added || first.ID == 0 {
		t.Fatalf("record: %+v %v %v", first, added, err)
	}
	if !first.ReceivedAt.Equal(time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("received at %v, want the clock", first.ReceivedAt)
	}
	db.Now = func() time.Time { return time.Date(2024, 7, 20, 9, 0, 0, 0, time.UTC) }
	again, added, err := db.RecordSubmission(ctx, rs, rows)
	if err != nil || added || again.ID != first.ID || !again.ReceivedAt.Equal(first.ReceivedAt) {
		t.Errorf("recorded twice: %+v %v %v", again, added, err)
	}
	list, err := db.ReceivedSubmissions(ctx, 2024)
	if err != nil || len(list) != 1 || list[0].Meta.DataSHA256 != "bb22" || !list[0].Meta.GeneratedAt.Equal(rs.Meta.GeneratedAt) ||
		list[0].FileName != rs.FileName {
		t.Errorf("list %+v %v", list, err)
	}
	if other, _ := db.ReceivedSubmissions(ctx, 2023); len(other) != 0 {
		t.Errorf("2023: %+v", other)
	}
	got, err := db.ReceivedRows(ctx, first.ID)
	if err != nil || len(got) != 2 || got[0] != rows[0] || got[1].Name != "Pertama" || !got[1].CompletedOn.Equal(d(2024, 6, 3)) ||
		got[1].Batch != "Angkatan 1" {
		t.Errorf("rows %+v %v", got, err)
	}
	audit, _ := db.AuditFor(ctx, "received_submission", first.ID)
	if len(audit) != 1 || audit[0].Action != "insert" {
		t.Errorf("audit %+v", audit)
	}
}

func TestLateDaySetting(t *testing.T) {
	db := openTest(t)
	if n, err := db.LateDay(ctx); n != wub.DefaultLateDay || err != nil {
		t.Errorf("default %d %v", n, err)
	}
	if err := db.SetLateDay(ctx, 15); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.LateDay(ctx); n != 15 {
		t.Errorf("after set: %d", n)
	}
	for _, bad := range []int{0, 29, -1} {
		if err := db.SetLateDay(ctx, bad); wub.ErrorCode(err) != "late_day_invalid" {
			t.Errorf("%d: %v", bad, err)
		}
	}
}
