package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

func facScreen(t *testing.T, u *App) *facilitatorsScreen {
	t.Helper()
	s, ok := u.nav.screen("fasilitator").(*facilitatorsScreen)
	if !ok {
		t.Fatal("no Fasilitator screen")
	}
	u.jobs.wait()
	return s
}

func dlgEntry(t *testing.T, d *facDialog, key string) *entry {
	t.Helper()
	e, ok := d.fields[key].input.(*entry)
	if !ok {
		t.Fatalf("field %s is not an entry", key)
	}
	return e
}

// TestFacilitatorBatchAndContractRound walks the whole story through the
// screens: register a facilitator, give them a contract, run a batch with
// them, enrol trainees, and decide the next year's contracts.
func TestFacilitatorBatchAndContractRound(t *testing.T) {
	u, db := newTestUI(t, true) // Disperindag; today is 1 June 2024
	t1 := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2023)
	t2 := seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DISPERINDAG, 2023)
	seed(t, db, "3528044107990003", "Nur Aini", wub.DKP, 2023)

	// 1. A new facilitator through the form.
	s := facScreen(t, u)
	u.dispatch(actionNew)
	f := s.form
	test.Type(f.nik, "3528041508880002")
	test.Type(f.name, "Moh. Hasan")
	f.sex.setCode("L")
	f.kecamatan.setCode("35.28.04")
	f.desa.setCode("35.28.04.1001")
	test.Type(f.expertise, "batik tulis")
	u.dispatch(actionSave)
	u.jobs.wait()
	if s.form == nil || s.form.orig.ID == 0 || s.form.records == nil {
		t.Fatalf("after saving a new facilitator the form should show their records; messages %v", f.check())
	}
	hasan := s.form.orig

	// 2. Their 2023 contract through the dialog; then an overlapping one is refused.
	rec := s.form.records
	rec.addContract()
	d := rec.dlg
	d.fields["year"].input.(*widget.Select).SetSelected("2023")
	dlgEntry(t, d, "start_date").SetText("02/01/2023")
	dlgEntry(t, d, "end_date").SetText("31/12/2023")
	dlgEntry(t, d, "spk").SetText("027/15/SPK/2023")
	dlgEntry(t, d, "honorarium").SetText("2.000.000")
	dlgEntry(t, d, "target").SetText("30")
	d.submit()
	u.jobs.wait()
	if rec.dlg != nil {
		t.Fatalf("contract dialog still open: %q", d.fields["start_date"].msg.Text)
	}
	if len(rec.contracts) != 1 || rec.contracts[0].Honorarium != 2000000 || rec.contracts[0].Year != 2023 {
		t.Fatalf("contracts = %+v", rec.contracts)
	}
	rec.addContract()
	d = rec.dlg
	d.fields["year"].input.(*widget.Select).SetSelected("2023")
	dlgEntry(t, d, "start_date").SetText("01/06/2023")
	dlgEntry(t, d, "end_date").SetText("30/06/2023")
	d.submit()
	u.jobs.wait()
	if rec.dlg == nil || !strings.Contains(d.fields["start_date"].msg.Text, "027/15/SPK/2023") {
		t.Fatalf("overlap message = %q", d.fields["start_date"].msg.Text)
	}
	d.d.Hide()

	// A second facilitator of 2023, registered directly.
	rina := &wub.Facilitator{NIK: "3528045508900003", Name: "Rina Wati", Sex: "P"}
	if _, err := db.CreateFacilitator(bg, rina); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateContract(bg, &wub.Contract{FacilitatorID: rina.ID, AgencyCode: wub.DISPERINDAG, Year: 2023,
		StartDate: time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), TargetTrainees: 20}); err != nil {
		t.Fatal(err)
	}

	// 3. A batch of 2023 run by Hasan, with two trainees enrolled from the list.
	bs := u.nav.screen("angkatan").(*batchesScreen)
	u.jobs.wait()
	bs.newBatch()
	bd := bs.detail
	bd.year.SetSelected("2023")
	test.Type(bd.name, "Angkatan 1")
	test.Type(bd.training, "Batik tulis")
	test.Type(bd.start, "06/03/2023")
	test.Type(bd.end, "10/03/2023")
	u.jobs.wait()
	if !contains(bd.facs.Options, "Moh. Hasan") || !contains(bd.facs.Options, "Rina Wati") {
		t.Fatalf("facilitators offered: %v", bd.facs.Options)
	}
	bd.facs.SetSelected([]string{"Moh. Hasan"})
	u.dispatch(actionSave)
	u.jobs.wait()
	if bs.detail == nil || bs.detail.members == nil {
		t.Fatal("the saved batch did not open with its trainees")
	}
	m := bs.detail.members
	m.openEnrol()
	u.jobs.wait()
	e := m.enrol
	if len(e.results) != 2 { // Disperindag 2023 only: not Nur Aini of DKP
		t.Fatalf("enrol offers %d trainees", len(e.results))
	}
	e.picked[t1], e.picked[t2] = true, true
	e.updateCount()
	e.submit()
	u.jobs.wait()
	if len(m.members) != 2 || m.enrol != nil {
		t.Fatalf("members after enrolling: %+v", m.members)
	}
	m.pickAll()
	m.setStatus(wub.StatusTrained)
	u.jobs.wait()
	if lulus, _, _ := wub.BatchCompletion(m.members); lulus != 2 {
		t.Fatalf("lulus = %d", lulus)
	}
	bs.closeDetail()
	u.jobs.wait()
	if len(bs.rows) != 1 || bs.cellText(0, 7) != "2" || bs.cellText(0, 8) != "Moh. Hasan" {
		t.Fatalf("batch list: %d rows, lulus %q, facilitators %q", len(bs.rows), bs.cellText(0, 7), bs.cellText(0, 8))
	}

	// 4. The contract round for 2024: renew Hasan, not Rina.
	ks := u.nav.screen("kontrak").(*contractRoundScreen)
	u.jobs.wait()
	if ks.year.Selected != "2024" || ks.agency.code() != wub.DISPERINDAG || len(ks.rows) != 2 {
		t.Fatalf("round opened at %s %s with %d rows", ks.agency.code(), ks.year.Selected, len(ks.rows))
	}
	var hasanRow, rinaRow *roundRowView
	for _, r := range ks.rows {
		switch r.row.FacilitatorID {
		case hasan.ID:
			hasanRow = r
		case rina.ID:
			rinaRow = r
		}
	}
	if hasanRow.row.BatchesRun != 1 || hasanRow.row.TraineesTrained != 2 || hasanRow.row.Target != 30 {
		t.Errorf("Hasan's record: %+v", hasanRow.row)
	}
	hasanRow.decision.setCode(wub.DecisionRenew)
	u.jobs.wait()
	rinaRow.note.SetText("target pendampingan tidak tercapai")
	rinaRow.decision.setCode(wub.DecisionNotRenew)
	u.jobs.wait()
	ks.doCreate()
	u.jobs.wait()
	if !strings.Contains(u.nav.status.Text, "1 kontrak tahun 2024 dibuat") {
		t.Errorf("status after creating: %q", u.nav.status.Text)
	}
	cs, _ := db.Contracts(bg, store.ContractFilter{AgencyCode: wub.DISPERINDAG, Year: 2024})
	if len(cs) != 1 || cs[0].FacilitatorID != hasan.ID || cs[0].Honorarium != 2000000 || cs[0].TargetTrainees != 30 {
		t.Fatalf("2024 contracts: %+v", cs)
	}
	hist, _ := db.DecisionHistory(bg, wub.DISPERINDAG, 2024, rina.ID)
	if len(hist) != 1 || hist[0].Decision != wub.DecisionNotRenew || hist[0].Note != "target pendampingan tidak tercapai" {
		t.Errorf("Rina's decisions: %+v", hist)
	}
	for _, r := range ks.rows {
		if (r.row.FacilitatorID == hasan.ID) != (r.row.NewContract != 0) {
			t.Errorf("%s: new contract %d", r.row.Name, r.row.NewContract)
		}
	}

	// The workbook for the head's signature.
	path := filepath.Join(t.TempDir(), "kontrak.xlsx")
	w, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	ks.exportTo(w)
	u.jobs.wait()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Kontrak 2024")
	var all []string
	for _, r := range rows {
		all = append(all, strings.Join(r, "|"))
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"Moh. Hasan", "Diperpanjang", "Tidak diperpanjang", "Ir. Budi Santoso", "NIP 196805121993031007"} {
		if !strings.Contains(text, want) {
			t.Errorf("workbook lacks %q", want)
		}
	}

	// 5. Hasan's 2024 contract runs in May: the list says he has not reported.
	s = facScreen(t, u)
	s.reload()
	u.jobs.wait()
	if !strings.Contains(s.missing.Text, "Moh. Hasan") || strings.Contains(s.missing.Text, "Rina") {
		t.Errorf("missing reports line: %q", s.missing.Text)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestFacilitatorFormMessages(t *testing.T) {
	u, db := newTestUI(t, true)
	s := facScreen(t, u)
	s.newFacilitator()
	f := s.form
	test.Type(f.nik, "3528041508880002")
	test.Type(f.name, "Moh. Hasan")
	f.status.setCode(wub.FacStopped)
	f.save()
	u.jobs.wait()
	if s.form != f || !strings.Contains(f.fields["status_date"].msg.Text, "Isi tanggal") {
		t.Fatalf("stopped without a date: %q", f.fields["status_date"].msg.Text)
	}
	if rows, _ := db.SearchFacilitators(bg, wub.FacilitatorFilter{}); len(rows) != 0 {
		t.Fatalf("saved %d", len(rows))
	}
	test.Type(f.statusDate, "31/01/2024")
	f.save()
	u.jobs.wait()
	if rows, _ := db.SearchFacilitators(bg, wub.FacilitatorFilter{Status: wub.FacStopped}); len(rows) != 1 {
		t.Fatalf("after the date: %d saved", len(rows))
	}
	// The same NIK again is refused under the NIK field.
	s.newFacilitator()
	f = s.form
	test.Type(f.nik, "3528041508880002")
	test.Type(f.name, "Lain")
	f.save()
	u.jobs.wait()
	if !strings.Contains(f.fields["nik"].msg.Text, "Moh. Hasan") {
		t.Errorf("duplicate NIK message: %q", f.fields["nik"].msg.Text)
	}
}

func TestGoldenFacilitatorScreens(t *testing.T) {
	u, db := newTestUI(t, true)
	t1 := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2023)
	f := &wub.Facilitator{NIK: "3528041508880002", Name: "Moh. Hasan", Expertise: "batik tulis, pengemasan", DesaCode: "35.28.04.1001"}
	if _, err := db.CreateFacilitator(bg, f); err != nil {
		t.Fatal(err)
	}
	c := &wub.Contract{FacilitatorID: f.ID, AgencyCode: wub.DISPERINDAG, Year: 2023, SPKNumber: "027/15/SPK/2023",
		StartDate: time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC),
		KecCode: "35.28.04", Honorarium: 2000000, TargetTrainees: 30}
	if _, err := db.CreateContract(bg, c); err != nil {
		t.Fatal(err)
	}
	b := &wub.Batch{AgencyCode: wub.DISPERINDAG, Year: 2023, Name: "Angkatan 1", TrainingType: "Batik tulis",
		StartDate: time.Date(2023, 3, 6, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2023, 3, 10, 0, 0, 0, 0, time.UTC), DesaCode: "35.28.04.1001"}
	if err := db.CreateBatch(bg, b); err != nil {
		t.Fatal(err)
	}
	if err := db.SetBatchFacilitators(bg, b.ID, []int64{f.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EnrolInBatch(bg, b.ID, []int64{t1}, b.StartDate); err != nil {
		t.Fatal(err)
	}
	facScreen(t, u)
	assertScreenMarkup(t, u, "fasilitator_list.xml")
	u.nav.show("angkatan")
	u.jobs.wait()
	assertScreenMarkup(t, u, "angkatan_list.xml")
	u.nav.show("kontrak")
	u.jobs.wait()
	assertScreenMarkup(t, u, "kontrak.xml")
}
