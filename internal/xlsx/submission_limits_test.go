package xlsx

import (
	"bytes"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// Issue 20: consolidation reads submissions through the import's streaming
// reader and its limits, so an oversized file, a zip bomb or a sheet of a
// million rows is refused with a message naming the file, never read into
// memory whole.
func TestSubmissionReaderHasImportLimits(t *testing.T) {
	d := func(m, day int) time.Time { return time.Date(2024, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	a := wub.Agency{Code: wub.DKP, FirstYear: 2020, Names: []wub.AgencyName{{Short: "DKP", Full: "Dinas Kelautan dan Perikanan"}}}
	var buf bytes.Buffer
	_, err := WriteSubmission(&buf, Submission{Agency: a, Month: d(6, 1), Now: d(6, 30), AppVersion: "test"},
		func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
			for i, nik := range []string{"3528010202900002", "3528010202900003", "3528010202900004"} {
				tr := &wub.Trainee{ID: int64(i + 1), NIK: nik, Name: "Budi", Sex: "L", KecCode: "35.28.01"}
				e := &wub.Enrolment{TraineeID: tr.ID, AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusTrained, CompletedOn: d(1, 20)}
				if err := emit(tr, e); err != nil {
					return err
				}
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if r := readSubmission(bytes.NewReader(buf.Bytes()), "DKP.xlsx", Limits{}); !r.OK() || len(r.Rows) != 3 {
		t.Fatalf("default limits: %v, %d rows", r.Err, len(r.Rows))
	}
	for _, tc := range []struct {
		name string
		lim  Limits
		code string
	}{
		{"file", Limits{FileBytes: 1000}, "submission_too_big"},
		{"part (zip bomb)", Limits{PartBytes: 1500}, "submission_too_big_part"},
		{"rows", Limits{Rows: 2}, "submission_too_big_part"},
	} {
		r := readSubmission(bytes.NewReader(buf.Bytes()), "DKP.xlsx", tc.lim)
		if wub.ErrorCode(r.Err) != tc.code {
			t.Errorf("%s: %v, want %s", tc.name, r.Err, tc.code)
		}
	}
	// Text is not a submission, even though the import reads it as CSV.
	if r := ReadSubmission(bytes.NewReader([]byte("NIK;Nama\n3528010202900002;Budi\n")), "DKP.xlsx"); wub.ErrorCode(r.Err) != "submission_unreadable" {
		t.Errorf("CSV: %v", r.Err)
	}
}

// FuzzReadSubmissionBytes feeds arbitrary bytes (seeded with a real
// submission, whole and cut short) to the submission reader: it must never
// panic, and whatever it accepts must carry the rows its Meta promises.
func FuzzReadSubmissionBytes(f *testing.F) {
	d := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	a := wub.Agency{Code: wub.DKP, FirstYear: 2020, Names: []wub.AgencyName{{Short: "DKP", Full: "Dinas Kelautan dan Perikanan"}}}
	var buf bytes.Buffer
	if _, err := WriteSubmission(&buf, Submission{Agency: a, Month: d, Now: d, AppVersion: "fuzz"},
		func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
			return emit(&wub.Trainee{ID: 1, NIK: "3528010202900002", Name: "Budi", Sex: "L"},
				&wub.Enrolment{TraineeID: 1, AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusTrained, CompletedOn: d})
		}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:buf.Len()/2])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := readSubmission(bytes.NewReader(b), "fuzz.xlsx", Limits{FileBytes: 1 << 20, PartBytes: 4 << 20, Rows: 1000})
		if r.OK() && len(r.Rows) != r.Meta.TraineeRows {
			t.Fatalf("accepted with %d rows, Meta says %d", len(r.Rows), r.Meta.TraineeRows)
		}
	})
}
