package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// seedPair registers Siti Aminah with Disperindag in 2022 and, a digit of
// the NIK mistyped and "Hj." in front, with DKP in 2023.
func seedPair(t *testing.T, db *store.DB) (a, b *wub.Trainee) {
	t.Helper()
	birth := time.Date(1995, 3, 12, 0, 0, 0, 0, time.UTC)
	a = &wub.Trainee{NIK: "3528045203950001", Name: "Siti Aminah", Sex: "P", BirthDate: birth, DesaCode: "35.28.04.1001",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2022, Status: wub.StatusTrained}}}
	b = &wub.Trainee{NIK: "3528045203950007", Name: "Hj. Siti Aminah", Sex: "P", BirthDate: birth, Phone: "081234567890",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusTrained}}}
	for _, x := range []*wub.Trainee{a, b} {
		if _, err := db.CreateTrainee(bg, x); err != nil {
			t.Fatal(err)
		}
	}
	return a, b
}

func dupesOf(t *testing.T, u *App) *dupesScreen {
	t.Helper()
	u.nav.show("ganda")
	s, ok := u.nav.screen("ganda").(*dupesScreen)
	if !ok {
		t.Fatal("no Kemungkinan ganda screen")
	}
	u.jobs.wait()
	return s
}

func TestDupesScreenMergeAndUndo(t *testing.T) {
	u, db := newTestUI(t, true)
	a, b := seedPair(t, db)
	s := dupesOf(t, u)
	if len(s.pairs) != 1 || s.summary.Text != "1 kemungkinan ganda belum diperiksa" {
		t.Fatalf("pairs %d, summary %q", len(s.pairs), s.summary.Text)
	}
	if got := s.pairText(0, 2); !strings.Contains(got, "Hj. Siti Aminah") || !strings.Contains(got, "3528********0007") ||
		!strings.Contains(got, "DKP 2023") {
		t.Fatalf("B is named with masked NIK, agency and year: %q", got)
	}
	r := s.review
	if r.a == nil || r.b == nil || r.mergeBtn.Disabled() {
		t.Fatal("the first pair is not shown side by side")
	}
	if r.choices["name"].Disabled() || !r.choices["birth_date"].Disabled() {
		t.Fatal("only differing fields are to be chosen")
	}
	if r.choices["phone"].Selected != "B" || r.choices["desa"].Selected != "A" {
		t.Fatalf("an empty value should not be proposed: phone %q desa %q", r.choices["phone"].Selected, r.choices["desa"].Selected)
	}
	// Keep B's NIK (B's record stays) but A's name.
	r.choices["nik"].SetSelected("B")
	r.choices["name"].SetSelected("A")
	test.Tap(r.mergeBtn)
	tapButton(t, u, "Gabungkan")
	u.jobs.wait()
	if len(s.pairs) != 0 {
		t.Fatalf("pair still open after merge: %+v", s.pairs)
	}
	kept, err := db.Trainee(bg, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.NIK != b.NIK || kept.Name != "Siti Aminah" || kept.DesaCode != a.DesaCode || kept.Phone != b.Phone || len(kept.Enrolments) != 2 {
		t.Fatalf("kept record %+v", kept)
	}
	if err := db.VerifyTallies(bg); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 1 {
		t.Fatalf("%d people after the merge", n)
	}
	if len(s.merges) != 1 || s.undoBtn.Disabled() == false {
		t.Fatalf("merges %+v (undo enabled before a selection: %v)", s.merges, !s.undoBtn.Disabled())
	}
	s.mergeTable.selectRow(0)
	s.mergeTable.onSelect(0)
	test.Tap(s.undoBtn)
	tapButton(t, u, "Batalkan penggabungan")
	u.jobs.wait()
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 2 || len(s.pairs) != 1 {
		t.Fatalf("after undo: %d people, %d pairs", n, len(s.pairs))
	}
	if err := db.VerifyTallies(bg); err != nil {
		t.Fatal(err)
	}
	if s.mergeText(0, 4) != "Dibatalkan" {
		t.Fatalf("merge status %q", s.mergeText(0, 4))
	}
}

func TestDupesScreenDismiss(t *testing.T) {
	u, db := newTestUI(t, true)
	seedPair(t, db)
	s := dupesOf(t, u)
	test.Tap(s.review.dismissBtn)
	u.jobs.wait()
	if len(s.pairs) != 0 || s.summary.Text != "0 kemungkinan ganda belum diperiksa" {
		t.Fatalf("after Bukan orang yang sama: %d pairs, %q", len(s.pairs), s.summary.Text)
	}
	s.reload()
	u.jobs.wait()
	if len(s.pairs) != 0 {
		t.Fatal("a dismissed pair came back")
	}
}

func TestTraineeFormWarnsOfLikelyDuplicate(t *testing.T) {
	u, db := newTestUI(t, true)
	a, _ := seedPair(t, db)
	s := peserta(t, u)
	s.newTrainee()
	f := s.form
	test.Type(f.nik, "3528045203950010") // a swap of A's last two digits
	test.Type(f.name, "Siti  aminah")
	u.jobs.wait()
	if !f.dupes.box.Visible() || len(f.dupes.pairs) == 0 {
		t.Fatal("no warning while typing a likely duplicate")
	}
	want := "Mungkin orang yang sama dengan Siti Aminah — Disperindag 2022, NIK 3528********0001"
	if !strings.HasPrefix(f.dupes.label.Text, want) {
		t.Fatalf("warning %q, want it to start %q", f.dupes.label.Text, want)
	}
	if f.dupes.other != a.ID {
		t.Fatalf("Buka data itu opens %d, want %d", f.dupes.other, a.ID)
	}
	// The warning never blocks: the clerk can save anyway.
	f.nik.SetText("")
	f.name.SetText("")
	fillValid(f, "3528045203950010", "Siti Aminah")
	u.jobs.wait()
	u.dispatch(actionSave)
	u.jobs.wait()
	if s.form != nil {
		t.Fatalf("save blocked: %v", f.check())
	}
	// Someone else: no warning.
	s.newTrainee()
	f = s.form
	test.Type(f.nik, "3528041203900002")
	test.Type(f.name, "Ahmad Fauzi")
	u.jobs.wait()
	if f.dupes.box.Visible() {
		t.Fatalf("warning for someone else: %q", f.dupes.label.Text)
	}
}

func TestKuotaShowsOpenPairs(t *testing.T) {
	u, db := newTestUI(t, true)
	seedPair(t, db)
	u.nav.show("kuota")
	q, ok := u.nav.screen("kuota").(*quotaScreen)
	if !ok {
		t.Fatal("no Kuota screen")
	}
	u.jobs.wait()
	if !q.dupNote.box.Visible() || q.dupNote.label.Text != "1 kemungkinan ganda belum diperiksa" {
		t.Fatalf("Kuota note %q visible=%v", q.dupNote.label.Text, q.dupNote.box.Visible())
	}
	u.nav.show("kirim")
	k := u.nav.screen("kirim").(*submissionScreen)
	u.jobs.wait()
	if !k.dupNote.box.Visible() {
		t.Fatal("Kirim Laporan does not show the open pairs")
	}
}

func TestImportPreviewWarnsOfLikelyDuplicates(t *testing.T) {
	u, db := newTestUI(t, true)
	s := importScreenOf(t, u)
	s.load(importFixtures + "office_2022.xlsx")
	u.jobs.wait()
	if s.rep == nil || s.dupes.box.Visible() {
		t.Fatal("a fresh register should give no warning")
	}
	// Register the first accepted row's person under a NIK one digit away.
	var row *wub.Trainee
	for i := range s.rep.Rows {
		if d := s.rep.Detail(i); d.Trainee != nil && s.rep.Rows[i].Status == xlsx.Accepted {
			row = d.Trainee
			break
		}
	}
	if row == nil {
		t.Fatal("no accepted row")
	}
	other := *row
	n := []byte(other.NIK)
	n[15] = '0' + (n[15]-'0'+1)%10
	other.NIK = string(n)
	other.Enrolments = []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2021, Status: wub.StatusTrained}}
	if _, err := db.CreateTrainee(bg, &other); err != nil {
		t.Fatal(err)
	}
	s.preview()
	u.jobs.wait()
	if !s.dupes.box.Visible() || len(s.dupes.dups) == 0 {
		t.Fatal("no warning in the import preview")
	}
	if s.rep.Accepted == 0 || s.importBtn.Disabled() {
		t.Fatal("the rows can still be imported")
	}
}
