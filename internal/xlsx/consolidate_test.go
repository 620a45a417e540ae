package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// twoAgencies seeds Disperindag's trainees and one person trained by both
// Disperindag and DKP in 2024, and returns that person's NIK.
func twoAgencies(t *testing.T, db *store.DB) string {
	t.Helper()
	seedDisperindag(t, db)
	b := day(1992, 8, 17)
	tr := person{nik: nik(3, b, true, 42), name: "Dua Dinas", sex: "P", birth: b, agency: wub.DISPERINDAG, year: 2024,
		status: wub.StatusTrained, completed: day(2024, 5, 10)}.trainee()
	tr.Enrolments = append(tr.Enrolments, wub.Enrolment{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusTrained,
		CompletedOn: day(2024, 6, 3)})
	if _, err := db.CreateTrainee(ctx, tr); err != nil {
		t.Fatal(err)
	}
	return tr.NIK
}

func agencies(t *testing.T, db *store.DB) wub.Agencies {
	as, err := db.Agencies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func TestConsolidateCountsPersonOnce(t *testing.T) {
	db := openDB(t)
	both := twoAgencies(t, db)
	june := day(2024, 6, 1)
	dis, _ := export(t, db, wub.DISPERINDAG, june, nil)
	dkp, _ := export(t, db, wub.DKP, june, nil)
	may, _ := export(t, db, wub.DISPERINDAG, day(2024, 5, 1), nil)
	copyOf := filepath.Join(t.TempDir(), "salinan.xlsx")
	b, _ := os.ReadFile(dis)
	os.WriteFile(copyOf, b, 0o644)
	tampered := filepath.Join(t.TempDir(), "diubah.xlsx")
	f, _ := excelize.OpenFile(dkp)
	f.SetCellStr(xlsx.SheetPeserta, "D2", "Orang Lain")
	f.SaveAs(tampered)
	f.Close()

	var files []*xlsx.Received
	for _, p := range []string{dis, dkp, may, copyOf, tampered} {
		files = append(files, xlsx.ReadSubmissionFile(p))
	}
	c := xlsx.Consolidate(files, xlsx.ConsolidateOptions{Agencies: agencies(t, db), Now: day(2024, 7, 20)})

	// Disperindag: Abdul, Siti and the shared person are Lulus; DKP: the
	// shared person and "Dinas Lain". Five enrolments, four people.
	if c.Enrolments != 5 || c.People != 4 || c.RegencyTotal() != 4 {
		t.Errorf("enrolments %d people %d regency %d, want 5, 4, 4", c.Enrolments, c.People, c.RegencyTotal())
	}
	if len(c.Duplicates) != 1 || c.Duplicates[0].NIK != both || len(c.Duplicates[0].Where) != 2 ||
		c.Duplicates[0].Where[0].Agency != wub.DISPERINDAG || c.Duplicates[0].Where[1].Agency != wub.DKP {
		t.Errorf("duplicates %+v", c.Duplicates)
	}
	sums := map[string]xlsx.AgencySum{}
	for _, s := range c.PerAgency {
		sums[s.Code] = s
	}
	if sums[wub.DISPERINDAG].Enrolments != 3 || sums[wub.DISPERINDAG].People != 3 || sums[wub.DKP].Enrolments != 2 || len(sums) != 2 {
		t.Errorf("per agency %+v", c.PerAgency)
	}
	status := map[string]string{}
	for _, fr := range c.Files {
		status[filepath.Base(fr.Path)] = fr.Status
	}
	want := map[string]string{filepath.Base(dis): xlsx.FileCounted, filepath.Base(dkp): xlsx.FileCounted,
		filepath.Base(may): xlsx.FileSuperseded, "salinan.xlsx": xlsx.FileSame, "diubah.xlsx": xlsx.FileRefused}
	for k, v := range want {
		if status[k] != v {
			t.Errorf("%s: status %q, want %q", k, status[k], v)
		}
	}
	// Every agency of 2024 has a line, the silent ones too.
	if len(c.Agencies) != 6 {
		t.Errorf("%d agency lines, want 6: %+v", len(c.Agencies), c.Agencies)
	}
	for _, a := range c.Agencies {
		if a.Code == wub.DISPERINDAG && (a.Trained != 3 || a.TrainedMonth != 1 || a.Registered != 1 || a.Dropped != 1 || a.Period != "2024-06") {
			t.Errorf("Disperindag line %+v", a)
		}
	}

	c2 := xlsx.Consolidate(files, xlsx.ConsolidateOptions{Agencies: agencies(t, db), OpeningBalance: 8200, Now: day(2024, 7, 20)})
	if c2.RegencyTotal() != 8204 {
		t.Errorf("with opening balance: %d, want 8204", c2.RegencyTotal())
	}
}

// resend exports June, changes the database and exports June again.
func resend(t *testing.T, db *store.DB) (first, second string, added, removed string) {
	t.Helper()
	trs := seedDisperindag(t, db)
	june := day(2024, 6, 1)
	first, _ = export(t, db, wub.DISPERINDAG, june, nil)
	b := day(1999, 9, 9)
	nw := create(t, db, person{nik: nik(10, b, false, 77), name: "Baru Juni", sex: "L", birth: b,
		agency: wub.DISPERINDAG, year: 2024, status: wub.StatusTrained, completed: day(2024, 6, 20)})
	if err := db.DeleteTrainee(ctx, trs[3].ID); err != nil { // Nur Hayati
		t.Fatal(err)
	}
	siti, _ := db.Trainee(ctx, trs[0].ID)
	siti.Address = "Jl. Jokotole 9"
	abdul, _ := db.Trainee(ctx, trs[2].ID)
	abdul.Enrolments[0].Status = wub.StatusDropped
	for _, tr := range []*wub.Trainee{siti, abdul} {
		if _, err := db.UpdateTrainee(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
	second, _ = export(t, db, wub.DISPERINDAG, june, func(s *xlsx.Submission) { s.Now = time.Date(2024, 7, 12, 3, 0, 0, 0, time.UTC) })
	return first, second, nw[0].NIK, trs[3].NIK
}

func TestResentMonthShowsChanges(t *testing.T) {
	db := openDB(t)
	first, second, added, removed := resend(t, db)
	c := xlsx.Consolidate([]*xlsx.Received{xlsx.ReadSubmissionFile(second), xlsx.ReadSubmissionFile(first)},
		xlsx.ConsolidateOptions{Agencies: agencies(t, db), Now: day(2024, 7, 20)})
	if len(c.Changes) != 1 {
		t.Fatalf("%d changes, want 1", len(c.Changes))
	}
	ch := c.Changes[0]
	if ch.From.FileName != filepath.Base(first) || ch.To.FileName != filepath.Base(second) {
		t.Errorf("from %s to %s", ch.From.FileName, ch.To.FileName)
	}
	if len(ch.Added) != 1 || ch.Added[0].NIK != added || len(ch.Removed) != 1 || ch.Removed[0].NIK != removed {
		t.Errorf("added %+v removed %+v", ch.Added, ch.Removed)
	}
	fields := map[string]string{}
	for _, rc := range ch.Changed {
		fields[rc.After.Name] = strings.Join(rc.Fields, ",")
	}
	if len(fields) != 2 || fields["Siti Aminah"] != "Kolom lain (alamat, No. HP, dll.)" || fields["@Abdul Rahman"] != "Status" {
		t.Errorf("changed %v", fields)
	}
	if c.Files[1].Status != xlsx.FileReplaced || c.Files[0].Status != xlsx.FileCounted {
		t.Errorf("statuses %s %s", c.Files[0].Status, c.Files[1].Status)
	}
	var dis xlsx.CalendarRow
	for _, r := range c.Calendar {
		if r.Agency == wub.DISPERINDAG {
			dis = r
		}
	}
	june := dis.Months[5]
	if june.State != xlsx.CalReplaced || june.Versions != 2 || june.Late || !june.Last.Equal(time.Date(2024, 7, 12, 3, 0, 0, 0, time.UTC)) {
		t.Errorf("June cell %+v", june)
	}
}

func TestSubmissionCalendar(t *testing.T) {
	db := openDB(t)
	seedDisperindag(t, db)
	may, _ := export(t, db, wub.DISPERINDAG, day(2024, 5, 1), nil) // made 5 June: on time
	june, _ := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), func(s *xlsx.Submission) {
		s.Now = time.Date(2024, 7, 11, 1, 0, 0, 0, time.UTC) // 11 July: late
	})
	c := xlsx.Consolidate([]*xlsx.Received{xlsx.ReadSubmissionFile(may), xlsx.ReadSubmissionFile(june)},
		xlsx.ConsolidateOptions{Agencies: agencies(t, db), Now: time.Date(2024, 7, 20, 0, 0, 0, 0, time.UTC)})
	rows := map[string][12]xlsx.CalendarCell{}
	var order []string
	for _, r := range c.Calendar {
		rows[r.Agency] = r.Months
		order = append(order, r.Agency)
	}
	if len(order) != 6 || order[0] != wub.DISKOPUKM {
		t.Errorf("calendar agencies %v", order)
	}
	want := []string{xlsx.CalMissing, xlsx.CalMissing, xlsx.CalMissing, xlsx.CalMissing, xlsx.CalReceived, xlsx.CalLate,
		xlsx.CalNotDue, xlsx.CalNotDue, xlsx.CalNotDue, xlsx.CalNotDue, xlsx.CalNotDue, xlsx.CalNotDue}
	for m, w := range want {
		if got := rows[wub.DISPERINDAG][m].State; got != w {
			t.Errorf("Disperindag month %d: %q, want %q", m+1, got, w)
		}
	}
	if rows[wub.DKP][5].State != xlsx.CalMissing || rows[wub.DKP][6].State != xlsx.CalNotDue {
		t.Errorf("DKP %+v", rows[wub.DKP])
	}
	// With the cut-off on the 15th, June is on time.
	c = xlsx.Consolidate([]*xlsx.Received{xlsx.ReadSubmissionFile(june)},
		xlsx.ConsolidateOptions{Agencies: agencies(t, db), LateDay: 15, Now: time.Date(2024, 7, 20, 0, 0, 0, 0, time.UTC)})
	for _, r := range c.Calendar {
		if r.Agency == wub.DISPERINDAG && r.Months[5].State != xlsx.CalReceived {
			t.Errorf("cut-off 15: June %+v", r.Months[5])
		}
	}
}

func TestConsolidatedWorkbook(t *testing.T) {
	db := openDB(t)
	both := twoAgencies(t, db)
	june := day(2024, 6, 1)
	dis, _ := export(t, db, wub.DISPERINDAG, june, nil)
	dkp, _ := export(t, db, wub.DKP, june, nil)
	dis2, _ := export(t, db, wub.DISPERINDAG, june, func(s *xlsx.Submission) { s.Now = time.Date(2024, 7, 9, 0, 0, 0, 0, time.UTC) })
	var files []*xlsx.Received
	for _, p := range []string{dis, dkp, dis2} {
		files = append(files, xlsx.ReadSubmissionFile(p))
	}
	c := xlsx.Consolidate(files, xlsx.ConsolidateOptions{Agencies: agencies(t, db), Now: day(2024, 7, 20)})
	var buf bytes.Buffer
	if err := xlsx.WriteConsolidation(&buf, c, wub.Office{HeadName: "Dra. Hj. Kepala", HeadNIP: "196801011990032001"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rekap.xlsx")
	os.WriteFile(path, buf.Bytes(), 0o644)
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{xlsx.SheetRegency, xlsx.SheetDuplicate, xlsx.SheetLikely, xlsx.SheetCalendar, xlsx.SheetChanges, xlsx.SheetFiles, xlsx.SheetReceipts}
	if got := strings.Join(f.GetSheetList(), ","); got != strings.Join(want, ",") {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows(xlsx.SheetRegency)
	text := flatten(rows)
	for _, s := range []string{"Disperindag|2024|Juni 2024", "DKP|2024|Juni 2024", "Belum ada laporan", "Jumlah kabupaten",
		"Dra. Hj. Kepala", "NIP 196801011990032001"} {
		if !strings.Contains(text, s) {
			t.Errorf("Rekap Kabupaten lacks %q in\n%s", s, text)
		}
	}
	if v, _ := f.GetCellValue(xlsx.SheetDuplicate, "B2"); v != both {
		t.Errorf("Duplikat B2 = %q, want %s", v, both)
	}
	if ct, _ := f.GetCellType(xlsx.SheetDuplicate, "B2"); ct != excelize.CellTypeSharedString {
		t.Errorf("Duplikat NIK cell type %v", ct)
	}
	receipts, _ := f.GetRows(xlsx.SheetReceipts)
	rtext := flatten(receipts)
	for _, r := range files {
		if !strings.Contains(rtext, r.FileSHA256) {
			t.Errorf("berita acara lacks the SHA-256 of %s", r.FileName)
		}
	}
	if n := strings.Count(rtext, "BERITA ACARA PENERIMAAN"); n != 3 {
		t.Errorf("%d berita acara pages, want 3", n)
	}
	cal, _ := f.GetRows(xlsx.SheetCalendar)
	if !strings.Contains(flatten(cal), "Diganti (1×)") {
		t.Errorf("calendar lacks the replaced month: %s", flatten(cal))
	}
	changes, _ := f.GetRows(xlsx.SheetChanges)
	if len(changes) != 2 || !strings.Contains(flatten(changes), "Tidak ada perubahan data") {
		t.Errorf("Perubahan: %q", changes)
	}

	needOpenpyxl(t)
	b := readOpenpyxl(t, path)
	if s := b.Settings[xlsx.SheetReceipts]; s.Breaks != 2 || s.Orientation != "portrait" {
		t.Errorf("berita acara print settings %+v", s)
	}
	if cell := b.Data[xlsx.SheetDuplicate][1][1]; cell[1] != "s" || cell[0] != both {
		t.Errorf("openpyxl Duplikat NIK %v", cell)
	}
}
