package ui

import (
	"strings"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

func TestBatchMoveAndRemoveKeepHistory(t *testing.T) {
	u, db := newTestUI(t, true)
	a := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2024)
	b := seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DISPERINDAG, 2024)
	one := &wub.Batch{AgencyCode: wub.DISPERINDAG, Year: 2024, Name: "Angkatan 1"}
	two := &wub.Batch{AgencyCode: wub.DISPERINDAG, Year: 2024, Name: "Angkatan 2"}
	for _, x := range []*wub.Batch{one, two} {
		if err := db.CreateBatch(bg, x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.EnrolInBatch(bg, one.ID, []int64{a, b}, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	s := u.nav.screen("angkatan").(*batchesScreen)
	u.jobs.wait()
	if len(s.rows) != 2 {
		t.Fatalf("batches listed: %d", len(s.rows))
	}
	s.showDetail(one)
	u.jobs.wait()
	m := s.detail.members
	if len(m.members) != 2 {
		t.Fatalf("members: %+v", m.members)
	}
	// Nothing ticked: the actions only say what to do.
	m.setStatus(wub.StatusTrained)
	u.jobs.wait()
	if !strings.Contains(u.nav.status.Text, "Centang dulu") {
		t.Errorf("status without a tick: %q", u.nav.status.Text)
	}
	m.picked[a] = true
	m.move(two.ID, "jadwal bentrok")
	u.jobs.wait()
	m.picked[b] = true
	m.remove("pindah domisili")
	u.jobs.wait()
	if len(m.members) != 0 {
		t.Fatalf("members left: %+v", m.members)
	}
	hist, _ := db.BatchHistory(bg, one.ID)
	var got []string
	for _, h := range hist {
		got = append(got, h.TraineeName+" "+h.Action+" "+h.Reason)
	}
	want := []string{"Siti Aminah enrol ", "Ahmad Fauzi enrol ", "Siti Aminah move jadwal bentrok", "Ahmad Fauzi remove pindah domisili"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("history = %q", got)
	}
	if ms, _ := db.BatchMembers(bg, two.ID); len(ms) != 1 || ms[0].Name != "Siti Aminah" {
		t.Errorf("batch 2 = %+v", ms)
	}
}

func TestReportAndVisitDialogs(t *testing.T) {
	u, db := newTestUI(t, true) // today is 1 June 2024
	tr := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2024)
	f := &wub.Facilitator{NIK: "3528041508880002", Name: "Moh. Hasan"}
	if _, err := db.CreateFacilitator(bg, f); err != nil {
		t.Fatal(err)
	}
	s := facScreen(t, u)
	s.openFacilitator(f.ID)
	u.jobs.wait()
	rec := s.form.records

	rec.addReport() // May 2024, submitted today (1 June): on time
	d := rec.dlg
	if got := dlgEntry(t, d, "month").Text; got != "2024-05" {
		t.Errorf("default month %q", got)
	}
	dlgEntry(t, d, "trainees_visited").SetText("dua belas")
	d.submit()
	u.jobs.wait()
	if rec.dlg == nil || !strings.Contains(d.fields["trainees_visited"].msg.Text, "bilangan bulat") {
		t.Fatalf("bad count accepted: %q", d.fields["trainees_visited"].msg.Text)
	}
	dlgEntry(t, d, "trainees_visited").SetText("12")
	d.submit()
	u.jobs.wait()
	if len(rec.reports) != 1 || rec.reportText(0, 2) != "Tepat waktu" {
		t.Fatalf("reports: %+v", rec.reports)
	}
	rec.addReport()
	rec.dlg.submit() // the same month again
	u.jobs.wait()
	if rec.dlg == nil || !strings.Contains(rec.dlg.fields["month"].msg.Text, "sudah ada") {
		t.Errorf("second May report: %v", rec.dlg != nil)
	}
	rec.dlg.d.Hide()

	rec.addVisit()
	d = rec.dlg
	d.submit() // no trainee chosen
	u.jobs.wait()
	if !strings.Contains(d.fields["trainee"].msg.Text, "Pilih peserta") {
		t.Fatalf("visit without trainee: %q", d.fields["trainee"].msg.Text)
	}
	dlgEntry(t, d, "find").SetText("siti")
	u.jobs.wait()
	d.fields["trainee"].input.(interface{ SetSelectedIndex(int) }).SetSelectedIndex(0)
	d.submit()
	u.jobs.wait()
	ms, _ := db.Mentorings(bg, store.MentoringFilter{FacilitatorID: f.ID})
	if rec.dlg != nil || len(ms) != 1 || ms[0].TraineeID != tr || ms[0].BusinessState != wub.BusinessNotStarted {
		t.Fatalf("visits: %+v", ms)
	}
}
