package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// facNIK makes a valid Pamekasan NIK for test person i.
func facNIK(i int, female bool) string {
	dd := 1 + i%28
	if female {
		dd += 40
	}
	return fmt.Sprintf("352804%02d%02d85%04d", dd, 1+(i/28)%12, 1+i)
}

func addFacilitator(t testing.TB, db *DB, i int, name string) *wub.Facilitator {
	t.Helper()
	f := &wub.Facilitator{NIK: facNIK(i, false), Name: name, Sex: "L", DesaCode: "35.28.04.1001", Expertise: "batik"}
	if _, err := db.CreateFacilitator(ctx, f); err != nil {
		t.Fatalf("create facilitator %s: %v", name, err)
	}
	return f
}

func addContract(t testing.TB, db *DB, facID int64, agency string, year int, start, end time.Time, target int, spk string) *wub.Contract {
	t.Helper()
	c := &wub.Contract{FacilitatorID: facID, AgencyCode: agency, Year: year, StartDate: start, EndDate: end,
		TargetTrainees: target, Honorarium: 1500000, KecCode: "35.28.04", SPKNumber: spk}
	if _, err := db.CreateContract(ctx, c); err != nil {
		t.Fatalf("create contract: %v", err)
	}
	return c
}

func TestFacilitatorLifecycle(t *testing.T) {
	db := openTest(t)
	f := &wub.Facilitator{NIK: "3528 0415 0888 0002", Name: " Moh.  Hasan ", DesaCode: "35.28.04.1001", Phone: "+6281331234567"}
	warns, err := db.CreateFacilitator(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if got := warns.Codes(); !equalStrings(got, []string{"gender_from_nik", "date_from_nik"}) {
		t.Errorf("warnings = %v", got)
	}
	got, err := db.Facilitator(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.NIK != "3528041508880002" || got.Name != "Moh. Hasan" || got.Sex != "L" || got.Status != wub.FacActive ||
		got.Role != wub.RoleFacilitator || got.Phone != "081331234567" || got.KecCode != "35.28.04" {
		t.Errorf("saved = %+v", got)
	}

	// The same NIK again is refused, naming who has it.
	_, err = db.CreateFacilitator(ctx, &wub.Facilitator{NIK: "3528041508880002", Name: "Other"})
	if wub.ErrorCode(err) != "facilitator_nik_registered" || !strings.Contains(err.Error(), "Moh. Hasan") {
		t.Errorf("duplicate NIK: %v", err)
	}

	// Stopping adds to the status history; a plain edit does not.
	got.Expertise = "olahan ikan"
	if _, err := db.UpdateFacilitator(ctx, got); err != nil {
		t.Fatal(err)
	}
	got.Status, got.StatusDate, got.StatusReason = wub.FacStopped, day(2024, 1, 31), "pindah kerja"
	if _, err := db.UpdateFacilitator(ctx, got); err != nil {
		t.Fatal(err)
	}
	hist, err := db.FacilitatorStatusHistory(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Status != wub.FacActive || hist[1].Status != wub.FacStopped ||
		!hist[1].Date.Equal(day(2024, 1, 31)) || hist[1].Reason != "pindah kerja" || hist[1].RecordedBy != "tester" {
		t.Errorf("history = %+v", hist)
	}

	// A stopped facilitator without a date is refused and nothing changes.
	bad := *got
	bad.Status, bad.StatusDate = wub.FacReplaced, time.Time{}
	if _, err := db.UpdateFacilitator(ctx, &bad); wub.ErrorCode(err) != "facilitator_status_date_missing" {
		t.Errorf("replaced without date: %v", err)
	}

	// Delete frees the NIK for a new record; restore is then refused.
	if err := db.DeleteFacilitator(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if rows, _ := db.SearchFacilitators(ctx, wub.FacilitatorFilter{}); len(rows) != 0 {
		t.Errorf("deleted facilitator still listed: %+v", rows)
	}
	again := &wub.Facilitator{NIK: "3528041508880002", Name: "Hasan Baru"}
	if _, err := db.CreateFacilitator(ctx, again); err != nil {
		t.Fatal(err)
	}
	if err := db.RestoreFacilitator(ctx, f.ID); wub.ErrorCode(err) != "facilitator_nik_registered" {
		t.Errorf("restore over a new registration: %v", err)
	}
	if err := db.DeleteFacilitator(ctx, again.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.RestoreFacilitator(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	audit, _ := db.AuditFor(ctx, "facilitator", f.ID)
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Action)
	}
	if !equalStrings(actions, []string{"insert", "update", "update", "delete", "restore"}) {
		t.Errorf("audit = %v", actions)
	}
}

func equalStrings(a, b []string) bool { return strings.Join(a, "|") == strings.Join(b, "|") }

func TestSearchFacilitators(t *testing.T) {
	db := openTest(t)
	a := addFacilitator(t, db, 1, "Ahmad Fauzi")
	b := addFacilitator(t, db, 2, "Badriyah")
	c := addFacilitator(t, db, 3, "Chairul Anam")
	addContract(t, db, a.ID, wub.DISKOPUKM, 2022, day(2022, 1, 1), day(2022, 12, 31), 10, "")
	addContract(t, db, a.ID, wub.DISKOPUKM, 2023, day(2023, 1, 2), day(2023, 12, 31), 10, "")
	addContract(t, db, b.ID, wub.DKP, 2023, day(2023, 1, 2), day(2023, 12, 31), 10, "")
	c.Status, c.StatusDate, c.StatusReason = wub.FacReplaced, day(2023, 1, 1), "diganti"
	if _, err := db.UpdateFacilitator(ctx, c); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		f    wub.FacilitatorFilter
		want []string
	}{
		{wub.FacilitatorFilter{}, []string{"Ahmad Fauzi", "Badriyah", "Chairul Anam"}},
		{wub.FacilitatorFilter{Text: "ANAM"}, []string{"Chairul Anam"}},
		{wub.FacilitatorFilter{Text: facNIK(2, false)[:10]}, []string{"Badriyah"}},
		{wub.FacilitatorFilter{Status: wub.FacReplaced}, []string{"Chairul Anam"}},
		{wub.FacilitatorFilter{Year: 2023}, []string{"Ahmad Fauzi", "Badriyah"}},
		{wub.FacilitatorFilter{AgencyCode: wub.DISKOPUKM, Year: 2022}, []string{"Ahmad Fauzi"}},
		{wub.FacilitatorFilter{AgencyCode: wub.DKP, Year: 2022}, nil},
		{wub.FacilitatorFilter{Text: "50%_"}, nil},
	}
	for _, tt := range tests {
		rows, err := db.SearchFacilitators(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.Name)
		}
		if !equalStrings(got, tt.want) {
			t.Errorf("%+v: %v, want %v", tt.f, got, tt.want)
		}
	}
	rows, _ := db.SearchFacilitators(ctx, wub.FacilitatorFilter{Text: "ahmad"})
	if len(rows) != 1 || rows[0].Year != 2023 || rows[0].AgencyCode != wub.DISKOPUKM || rows[0].DesaName == "" {
		t.Errorf("latest contract on the row: %+v", rows)
	}
}

func TestActivityReports(t *testing.T) {
	db := openTest(t) // today is 1 June 2024
	a := addFacilitator(t, db, 1, "Ahmad")
	b := addFacilitator(t, db, 2, "Badriyah")
	c := addFacilitator(t, db, 3, "Chairul")
	addContract(t, db, a.ID, wub.DISKOPUKM, 2024, day(2024, 1, 2), day(2024, 12, 31), 10, "")
	addContract(t, db, b.ID, wub.DKP, 2024, day(2024, 1, 2), day(2024, 6, 30), 10, "")
	addContract(t, db, c.ID, wub.DKP, 2024, day(2024, 5, 1), day(2024, 12, 31), 10, "")
	r := &wub.ActivityReport{FacilitatorID: a.ID, Month: "April 2024", Activities: "Kunjungan", TraineesVisited: 12,
		SubmittedOn: day(2024, 5, 8)}
	if err := db.SaveActivityReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	dup := &wub.ActivityReport{FacilitatorID: a.ID, Month: "2024-04", SubmittedOn: day(2024, 5, 20)}
	if err := db.SaveActivityReport(ctx, dup); wub.ErrorCode(err) != "report_duplicate" || !strings.Contains(err.Error(), "Ahmad") {
		t.Errorf("second April report: %v", err)
	}
	if err := db.SaveActivityReport(ctx, &wub.ActivityReport{FacilitatorID: b.ID, Month: "2024-04", SubmittedOn: day(2024, 5, 30)}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		agency, month string
		want          []string
	}{
		{"", "2024-04", nil}, // Chairul's contract starts in May
		{"", "2024-05", []string{"Ahmad", "Badriyah", "Chairul"}},
		{wub.DKP, "2024-05", []string{"Badriyah", "Chairul"}},
		{"", "2024-07", []string{"Ahmad", "Chairul"}}, // Badriyah's contract ended in June
		{"", "2023-12", nil},
	}
	for _, tt := range tests {
		cs, err := db.MissingReports(ctx, tt.agency, tt.month)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.FacilitatorName)
		}
		if !equalStrings(got, tt.want) {
			t.Errorf("missing %s %s = %v, want %v", tt.agency, tt.month, got, tt.want)
		}
	}
	if _, err := db.MissingReports(ctx, "", "2024-13"); wub.ErrorCode(err) != "report_month_invalid" {
		t.Errorf("bad month: %v", err)
	}
	rs, err := db.ActivityReports(ctx, a.ID, 2024)
	if err != nil || len(rs) != 1 || rs[0].Month != "2024-04" || !rs[0].OnTime() || rs[0].TraineesVisited != 12 {
		t.Errorf("reports = %+v, %v", rs, err)
	}
	if err := db.DeleteActivityReport(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveActivityReport(ctx, dup); err != nil {
		t.Errorf("a report after the first was deleted: %v", err)
	}
}
