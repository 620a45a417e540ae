package store

import (
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// fillFixtureHandover imports a one-person handover from DPMPTSP into the
// fixture's office, so that a fixture of schema 8 on holds a handover_import
// row and the history it brought.
func fillFixtureHandover(t *testing.T, db *DB) {
	t.Helper()
	giving := openTest(t)
	if _, err := giving.CreateTrainee(ctx, &wub.Trainee{NIK: "3528045807910005", Name: "Lailatul Qomariyah", Sex: "P",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DPMPTSP, Year: 2022, Status: wub.StatusTrained}}}); err != nil {
		t.Fatal(err)
	}
	date := time.Date(2023, 1, 3, 0, 0, 0, 0, time.UTC)
	office, err := db.Office(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := &HandoverInput{SHA256: strings.Repeat("ab", 32), FileName: "serah-terima.wubho", From: wub.DPMPTSP,
		To: office.AgencyCode, Date: date, CreatedAt: "2023-01-03T02:00:00Z", Manifest: "{}", Rows: map[string][]HandoverRow{}}
	if in.Agencies, err = giving.HandoverAgencies(ctx, wub.DPMPTSP, date); err != nil {
		t.Fatal(err)
	}
	if err := giving.HandoverDump(ctx, func(kind string, row HandoverRow) error {
		in.Rows[kind] = append(in.Rows[kind], row)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	res, err := db.ImportHandover(ctx, in, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tot := res.Totals(); tot.New != 2 {
		t.Fatalf("fixture handover added %+v, want the trainee and the enrolment", tot)
	}
}
