package xlsx_test

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/demo"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func outcomeDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "hasil.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 6, 30, 9, 0, 0, 0, time.UTC) }
	db.Actor = "tester"
	t.Cleanup(func() { db.Close() })
	if err := demo.OutcomeRegister(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return db
}

// exportWithJourneys writes an agency's submission as the export command
// and the Kirim screen do: with the journey facts as of the month's end.
func exportWithJourneys(t *testing.T, db *store.DB, agency string, month time.Time, journeys bool) string {
	t.Helper()
	ctx := context.Background()
	as, _ := db.Agencies(ctx)
	a, _ := as.ByCode(agency)
	s := xlsx.Submission{Agency: a, Month: month, Now: db.Now()}
	if journeys {
		j, err := db.JourneyFacts(ctx, month.Year(), wub.EndOfMonth(month))
		if err != nil {
			t.Fatal(err)
		}
		s.Journeys = j
	}
	path := filepath.Join(t.TempDir(), agency+"-"+wub.Period(month)+".xlsx")
	err := xlsx.WriteFile(path, func(w io.Writer) error {
		_, err := xlsx.WriteSubmission(w, s, func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
			return db.SubmissionRows(ctx, agency, month.Year(), wub.EndOfMonth(month), emit)
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// rekapFigures reads the stage table of a submission's Rekap as openpyxl
// sees it: the count of each stage and the median days.
func rekapFigures(t *testing.T, b pyBook) (map[string]int, float64) {
	t.Helper()
	labels := map[string]string{}
	for _, s := range wub.OutcomeStages {
		labels[wub.OutcomeLabelID(s)] = s
	}
	got := map[string]int{}
	median := -1.0
	in := false
	for _, row := range b.Data["Rekap"] {
		if len(row) == 0 {
			continue
		}
		a := row[0].text()
		if strings.HasPrefix(a, "E. Hasil setelah pelatihan") {
			in = true
			continue
		}
		if !in || len(row) < 2 {
			continue
		}
		if s, ok := labels[a]; ok {
			v, isNum := row[1][0].(float64)
			if !isNum {
				t.Fatalf("%s: %v is not a number", a, row[1][0])
			}
			got[s] = int(v)
		}
		if strings.HasPrefix(a, "Median hari") {
			if v, ok := row[1][0].(float64); ok {
				median = v
			}
			break
		}
	}
	if !in {
		t.Fatal("no stage table in the Rekap")
	}
	return got, median
}

// TestOutcomeFiguresReadBackByOpenpyxl: the stage figures of the monthly
// workbook, read with openpyxl, equal the dashboard's (DB.Outcomes, the
// code behind the Hasil screen) and the hand count; the consolidation of
// the agencies' files counts each person once and equals the regency's.
func TestOutcomeFiguresReadBackByOpenpyxl(t *testing.T) {
	needOpenpyxl(t)
	ctx := context.Background()
	db := outcomeDB(t)
	o, err := db.Outcomes(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	screen := map[string]wub.OutcomeRow{}
	for _, r := range o.ByAgency {
		screen[r.AgencyCode] = r
	}
	june, may := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	dkp := exportWithJourneys(t, db, wub.DKP, june, true)
	got, median := rekapFigures(t, readOpenpyxl(t, dkp))
	for _, s := range wub.OutcomeStages {
		if got[s] != screen[wub.DKP].Count(s) || got[s] != demo.OutcomeHand.DKP[s] {
			t.Errorf("DKP Rekap %s: %d, screen %d, hand %d", s, got[s], screen[wub.DKP].Count(s), demo.OutcomeHand.DKP[s])
		}
	}
	if median != screen[wub.DKP].MedianDays {
		t.Errorf("DKP median %v, screen %v", median, screen[wub.DKP].MedianDays)
	}

	// Disperindag's own May report counts Budi (it trained him too) and
	// nothing of June.
	got, median = rekapFigures(t, readOpenpyxl(t, exportWithJourneys(t, db, wub.DISPERINDAG, may, true)))
	for _, s := range wub.OutcomeStages {
		if got[s] != demo.OutcomeHand.DisperindagMay[s] {
			t.Errorf("Disperindag May %s: %d, hand %d", s, got[s], demo.OutcomeHand.DisperindagMay[s])
		}
	}
	if median != demo.OutcomeHand.MedianDisperindagMay {
		t.Errorf("Disperindag May median %v", median)
	}

	// The Peserta sheet carries the outcome columns at its end; the
	// checksum still holds and the consolidation reads them back.
	disperindag := exportWithJourneys(t, db, wub.DISPERINDAG, june, true)
	b := readOpenpyxl(t, disperindag)
	head := b.Data["Peserta"][0]
	if n := len(head); n < 7 || head[n-7].text() != "Didampingi" || head[n-1].text() != "Modal" {
		t.Errorf("Peserta headings end %v", head)
	}
	var files []*xlsx.Received
	for _, p := range []string{disperindag, dkp} {
		r := xlsx.ReadSubmissionFile(p)
		if !r.OK() {
			t.Fatalf("%s: %v", p, r.Err)
		}
		if len(r.Journeys) != len(r.Rows) {
			t.Fatalf("%s: %d journeys for %d rows", p, len(r.Journeys), len(r.Rows))
		}
		files = append(files, r)
	}
	as, _ := db.Agencies(ctx)
	c := xlsx.Consolidate(files, xlsx.ConsolidateOptions{Agencies: as, Now: db.Now()})
	if c.Outcomes == nil {
		t.Fatal("no outcomes in the consolidation")
	}
	for _, s := range wub.OutcomeStages {
		if c.Outcomes.Total.Count(s) != o.Total.Count(s) || o.Total.Count(s) != demo.OutcomeHand.Regency[s] {
			t.Errorf("regency %s: consolidation %d, screen %d, hand %d", s, c.Outcomes.Total.Count(s), o.Total.Count(s),
				demo.OutcomeHand.Regency[s])
		}
		for _, r := range c.Outcomes.ByAgency {
			if r.Count(s) != screen[r.AgencyCode].Count(s) {
				t.Errorf("%s %s: consolidation %d, screen %d", r.AgencyCode, s, r.Count(s), screen[r.AgencyCode].Count(s))
			}
		}
	}
	if c.Outcomes.Total.MedianDays != o.Total.MedianDays {
		t.Errorf("regency median: consolidation %v, screen %v", c.Outcomes.Total.MedianDays, o.Total.MedianDays)
	}

	// The consolidated workbook's stage table, read with openpyxl.
	out := filepath.Join(t.TempDir(), "rekap.xlsx")
	if err := xlsx.WriteFile(out, func(w io.Writer) error { return xlsx.WriteConsolidation(w, c, wub.Office{}) }); err != nil {
		t.Fatal(err)
	}
	rb := readOpenpyxl(t, out)
	var regency []pyCell
	for _, row := range rb.Data[xlsx.SheetRegency] {
		if len(row) > 2 && row[1].text() == "Kabupaten Pamekasan" {
			regency = row
		}
	}
	if regency == nil {
		t.Fatal("no regency line in the recap's stage table")
	}
	for i, s := range wub.OutcomeStages[1:] {
		if v, _ := regency[2+i][0].(float64); int(v) != o.Total.Count(s) {
			t.Errorf("recap regency %s: %v, screen %d", s, regency[2+i][0], o.Total.Count(s))
		}
	}
	if v, _ := regency[2+len(wub.OutcomeStages)-1][0].(float64); v != o.Total.MedianDays {
		t.Errorf("recap median %v, screen %v", regency[2+len(wub.OutcomeStages)-1][0], o.Total.MedianDays)
	}

	// A report made before the outcome columns existed is named, and its
	// agency's later stages are unknown rather than zero.
	old := xlsx.ReadSubmissionFile(exportWithJourneys(t, db, wub.DKP, june, false))
	if !old.OK() || old.Journeys != nil {
		t.Fatalf("old file: %v, journeys %v", old.Err, old.Journeys)
	}
	c = xlsx.Consolidate([]*xlsx.Received{files[0], old}, xlsx.ConsolidateOptions{Agencies: as, Now: db.Now()})
	if len(c.Outcomes.WithoutColumns) != 1 || c.Outcomes.Known[wub.DKP] || !c.Outcomes.Known[wub.DISPERINDAG] {
		t.Errorf("without columns %v known %v", c.Outcomes.WithoutColumns, c.Outcomes.Known)
	}
	if c.Outcomes.Total.Count(wub.StageTrained) != demo.OutcomeHand.Regency[wub.StageTrained] {
		t.Errorf("trained with an old file: %d", c.Outcomes.Total.Count(wub.StageTrained))
	}
}
