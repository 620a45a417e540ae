package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// The headless review contract (issue 22): `wubdesk send` queues and
// pushes a month, `wubdesk hub review` accepts or returns it (exit 2 when
// decided already or a return has no note), `hub report --json` lists the
// months, and a headless import into an accepted month exits 2 naming it.
func TestSendReviewCommands(t *testing.T) {
	h := hubtest.Start(t)
	dbPath := filepath.Join(t.TempDir(), "wub.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	db.SetOffice(context.Background(), wub.Office{AgencyCode: wub.DISPERINDAG})
	if _, err := db.CreateTrainee(context.Background(), &wub.Trainee{NIK: "3528045203950001", Name: "Siti", Sex: "P", Enrolments: []wub.Enrolment{{
		AgencyCode: wub.DISPERINDAG, Year: 2022, Status: wub.StatusTrained, EnrolledOn: time.Date(2022, 11, 1, 0, 0, 0, 0, time.UTC),
		CompletedOn: time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC)}}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if code, _, stderr := runCLI(t, "enrol", "--db", dbPath, "--hub", h.URL, "--code", h.AddOffice(t, wub.DISPERINDAG), "--pin", h.Fingerprint); code != 0 {
		t.Fatalf("enrol: %d %s", code, stderr)
	}

	xlsxOut := filepath.Join(t.TempDir(), "WUB_DISPERINDAG_2022-12.xlsx")
	code, out, stderr := runCLI(t, "send", "--db", dbPath, "--month", "2022-12", "--out", xlsxOut, "--json")
	var sent struct {
		State, Code string
		Sent        int
		Queued      bool
	}
	if code != 0 || json.Unmarshal([]byte(out), &sent) != nil || sent.State != hubapi.MonthSent || sent.Sent != 1 || sent.Queued {
		t.Fatalf("send: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "hub", "review", "--pg", h.PGURL, "--agency", wub.DISPERINDAG, "--month", "2022-12", "--return", ""); code != 2 {
		t.Fatalf("return without a note: %d %s", code, stderr)
	}
	if code, out, stderr := runCLI(t, "hub", "review", "--pg", h.PGURL, "--agency", wub.DISPERINDAG, "--month", "2022-12", "--accept", "--by", "ekonomi"); code != 0 || !strings.Contains(out, "Diterima") || !strings.Contains(out, sent.Code) {
		t.Fatalf("accept: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "hub", "review", "--pg", h.PGURL, "--agency", wub.DISPERINDAG, "--month", "2022-12", "--return", "ulang"); code != 2 || !strings.Contains(stderr, "ekonomi") {
		t.Fatalf("second decision: %d %s", code, stderr)
	}
	code, out, _ = runCLI(t, "hub", "report", "--pg", h.PGURL, "--json")
	var rep hubapi.Report
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || len(rep.Months) != 1 || rep.Months[0].State != hubapi.MonthAccepted {
		t.Fatalf("report: %d %s", code, out)
	}
	// The office learns the decision with its next send (the month is then refused).
	if code, _, stderr := runCLI(t, "send", "--db", dbPath, "--month", "2022-11"); code != 0 {
		t.Fatalf("send November: %d %s", code, stderr)
	}
	db, _ = store.Open(dbPath)
	if err := app.New(db).RefreshMonths(context.Background()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if code, _, stderr := runCLI(t, "send", "--db", dbPath, "--month", "2022-12"); code != 2 || !strings.Contains(stderr, "Desember 2022") {
		t.Fatalf("send of an accepted month: %d %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "import", "--db", dbPath, "--agency", "DISPERINDAG", fixtures+"office_2022.xlsx")
	if code != 2 || !strings.Contains(stderr, "Desember 2022") || !strings.Contains(stderr, "minta buka kembali") {
		t.Fatalf("import into an accepted month: %d %s", code, stderr)
	}
}
