package xlsx_test

import (
	"archive/zip"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// expectedRows is the Peserta sheet the database should give for
// Disperindag, June 2024: built from the stored trainees, in count-date
// order, with the rows that must be left out removed.
func expectedRows(t *testing.T, db *store.DB, names ...string) [][]string {
	t.Helper()
	var out [][]string
	for i, name := range names {
		var tr *wub.Trainee
		rows, _ := db.SearchTrainees(ctx, wub.TraineeFilter{}, 0, 100)
		for _, r := range rows {
			if r.Name == name {
				tr, _ = db.Trainee(ctx, r.ID)
			}
		}
		if tr == nil {
			t.Fatalf("no trainee %q", name)
		}
		e := tr.Enrolments[0]
		addr := tr.Address
		ref := wub.Ref()
		desa, kec := "", ""
		if tr.DesaCode != "" {
			desa = ref.DesaName(tr.DesaCode)
		}
		if tr.KecCode != "" {
			kec = ref.KecamatanName(tr.KecCode)
		}
		business := tr.BusinessName
		if s, ok := ref.KBLIByCode(tr.KBLI); ok {
			business = s.Code + " – " + s.Title
			if tr.BusinessName != "" {
				business += ": " + tr.BusinessName
			}
		}
		status := map[string]string{wub.StatusTrained: "Lulus", wub.StatusRegistered: "Terdaftar", wub.StatusDropped: "Keluar"}[e.Status]
		out = append(out, []string{strconv.Itoa(i + 1), tr.NIK, tr.KK, tr.Name, tr.Sex, tr.BirthPlace, wub.ISO(tr.BirthDate),
			addr, desa, kec, tr.Phone, tr.Education, business, e.BatchName, status, wub.ISO(e.CompletedOn)})
	}
	return out
}

// readPeserta reads the Peserta sheet with excelize, dates as YYYY-MM-DD.
func readPeserta(t *testing.T, path string) ([][]string, *excelize.File) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rows, err := f.GetRows(xlsx.SheetPeserta)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, r := range rows[1:] {
		row := make([]string, 16)
		copy(row, r)
		for _, c := range []int{6, 15} { // shown dd/mm/yyyy
			if row[c] != "" {
				d, err := wub.ParseDate(row[c])
				if err != nil {
					t.Fatalf("date cell %q: %v", row[c], err)
				}
				row[c] = wub.ISO(d)
			}
		}
		out = append(out, row)
	}
	return out, f
}

func TestSubmissionMatchesDatabase(t *testing.T) {
	db := openDB(t)
	seedDisperindag(t, db)
	gone := create(t, db, person{nik: nik(9, day(1990, 1, 1), false, 9), name: "Dihapus", sex: "L", birth: day(1990, 1, 1),
		agency: wub.DISPERINDAG, year: 2024, status: wub.StatusTrained, completed: day(2024, 3, 1)})
	if err := db.DeleteTrainee(ctx, gone[0].ID); err != nil {
		t.Fatal(err)
	}
	path, meta := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), nil)

	want := expectedRows(t, db, "@Abdul Rahman", "Siti Aminah", `=HYPERLINK("http://x","klik")`, "Nur Hayati")
	got, f := readPeserta(t, path)
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		for c := range want[i] {
			if got[i][c] != want[i][c] {
				t.Errorf("row %d column %d = %q, want %q", i+1, c+1, got[i][c], want[i][c])
			}
		}
	}
	// Cell types: NIK, No. KK and phone are strings; dates are numbers
	// shown dd/mm/yyyy; NIK column is Text-formatted.
	for _, c := range []string{"B2", "B3", "C3", "K3"} {
		if ct, _ := f.GetCellType(xlsx.SheetPeserta, c); ct != excelize.CellTypeInlineString {
			t.Errorf("%s has type %v, want a string", c, ct)
		}
	}
	for _, c := range []string{"G2", "P2", "Q2"} {
		ct, _ := f.GetCellType(xlsx.SheetPeserta, c)
		id, _ := f.GetCellStyle(xlsx.SheetPeserta, c)
		st, _ := f.GetStyle(id)
		if ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber || st.CustomNumFmt == nil || *st.CustomNumFmt != "dd/mm/yyyy" {
			t.Errorf("%s: type %v, style %+v", c, ct, st)
		}
	}
	if vis, _ := f.GetSheetVisible(xlsx.SheetMeta); vis {
		t.Error("Meta sheet is visible")
	}
	if p, _ := f.GetPanes(xlsx.SheetPeserta); !p.Freeze || p.YSplit != 1 {
		t.Errorf("panes %+v", p)
	}
	if pl, _ := f.GetPageLayout(xlsx.SheetPeserta); pl.Orientation == nil || *pl.Orientation != "landscape" || *pl.Size != 9 {
		t.Errorf("page layout %+v", pl)
	}
	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		names[d.Name+"@"+d.Scope] = d.RefersTo
	}
	if titles := names["_xlnm.Print_Titles@Peserta"]; (titles != "'Peserta'!$1:$1" && titles != "'Peserta'!$A:$A,'Peserta'!$1:$1") ||
		!strings.HasSuffix(names["_xlnm._FilterDatabase@Peserta"], "$R$5") {
		t.Errorf("defined names %v", names)
	}

	// Totals: Siti completed in June; Abdul in February; the registered
	// row counts on its enrolment date (June); Nur Hayati has no date: in
	// the totals, in no month.
	if meta.TraineeRows != 4 || meta.TrainedMonth != 1 || meta.TrainedTotal != 2 || meta.RegisteredMonth != 1 ||
		meta.RegisteredTotal != 1 || meta.DroppedMonth != 0 || meta.DroppedTotal != 1 {
		t.Errorf("meta %+v", meta)
	}
	r := xlsx.ReadSubmissionFile(path)
	if !r.OK() || r.Meta != meta || len(r.Rows) != 4 || r.Rows[1].NIK != want[1][1] || r.Rows[1].Status != wub.StatusTrained {
		t.Errorf("read back: %v %+v %+v", r.Err, r.Meta, r.Rows)
	}

	// Rekap: kop, totals, signature block.
	rekap, _ := f.GetRows(xlsx.SheetRekap)
	text := flatten(rekap)
	for _, s := range []string{"DINAS PERINDUSTRIAN DAN PERDAGANGAN", "Periode: Juni 2024", "Pamekasan, 5 Juli 2024",
		"Kepala Dinas Perindustrian dan Perdagangan", "Ir. Moh. Fauzi, M.Si.", "NIP 197001011995031001", "Lulus (dihitung ke target)"} {
		if !strings.Contains(text, s) {
			t.Errorf("Rekap lacks %q", s)
		}
	}
	if !hasChart(t, path) {
		t.Error("no chart in the workbook")
	}
}

func TestSubmissionMonthAndQuota(t *testing.T) {
	db := openDB(t)
	seedDisperindag(t, db)
	path, meta := export(t, db, wub.DISPERINDAG, day(2024, 7, 1), func(s *xlsx.Submission) { s.Quota = 40 })
	if meta.TraineeRows != 5 || meta.TrainedMonth != 1 || meta.TrainedTotal != 3 || meta.Quota != 40 {
		t.Errorf("July meta %+v", meta)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(xlsx.SheetRekap, excelize.Options{RawCellValue: true})
	found := false
	for _, r := range rows {
		if len(r) >= 3 && strings.HasPrefix(r[0], "Capaian") {
			found = r[2] == "0.075" // 3 of 40
		}
	}
	if !found {
		t.Errorf("no quota percentage 0.075 in Rekap: %q", flatten(rows))
	}
}

func TestSubmissionWithFacilitators(t *testing.T) {
	db := openDB(t)
	seedDisperindag(t, db)
	fas := &xlsx.Table{Columns: []xlsx.SheetColumn{{Header: "No", Kind: xlsx.KindInt}, {Header: "NIK", Kind: xlsx.KindID},
		{Header: "Nama", Kind: xlsx.KindText}, {Header: "Tanggal Tugas", Kind: xlsx.KindDate}},
		Rows: [][]string{{"1", "3528045203950011", "-Budi", "2024-05-02"}, {"2", "3528045203950012", "Ani", ""}}}
	path, meta := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), func(s *xlsx.Submission) { s.Facilitators = fas })
	if meta.FacilitatorRows != 2 {
		t.Errorf("meta %+v", meta)
	}
	if r := xlsx.ReadSubmissionFile(path); !r.OK() {
		t.Fatalf("read back: %v", r.Err)
	}
	f, _ := excelize.OpenFile(path)
	f.SetCellStr(xlsx.SheetFasilitator, "C3", "Ana")
	f.SaveAs(path + ".edited.xlsx")
	f.Close()
	if r := xlsx.ReadSubmissionFile(path + ".edited.xlsx"); wub.ErrorCode(r.Err) != "submission_tampered" {
		t.Errorf("edited Fasilitator: %v", r.Err)
	}
}

// TestNoFormulaFromUserData checks that no cell in any sheet has a formula:
// values that start with =, +, - or @ are stored as text with the
// quote-prefix style.
func TestNoFormulaFromUserData(t *testing.T) {
	db := openDB(t)
	seedDisperindag(t, db)
	path, _ := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), nil)
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	formula := regexp.MustCompile(`<f[ >/]`)
	sheets := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if formula.Match(b) {
			t.Errorf("%s has a formula element", zf.Name)
		}
	}
	if sheets < 3 {
		t.Fatalf("only %d sheets checked", sheets)
	}
	f, _ := excelize.OpenFile(path)
	defer f.Close()
	for _, c := range []string{"D2", "D4", "H2", "H4"} { // @Abdul, =HYPERLINK, "-", "+62 …"
		v, _ := f.GetCellValue(xlsx.SheetPeserta, c)
		id, _ := f.GetCellStyle(xlsx.SheetPeserta, c)
		if !strings.ContainsAny(v[:1], "=+-@") || id == 0 {
			t.Errorf("%s = %q with style %d", c, v, id)
		}
		if fm, _ := f.GetCellFormula(xlsx.SheetPeserta, c); fm != "" {
			t.Errorf("%s has formula %q", c, fm)
		}
	}
	styles := readZip(t, path, "xl/styles.xml")
	if !strings.Contains(styles, `quotePrefix="true"`) && !strings.Contains(styles, `quotePrefix="1"`) {
		t.Error("no quotePrefix style in styles.xml")
	}
}

func flatten(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "|"))
		b.WriteByte('\n')
	}
	return b.String()
}

func readZip(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return string(b)
}

// hasChart reports whether the Rekap sheet has a drawing with a chart.
func hasChart(t *testing.T, path string) bool {
	rels := readZip(t, path, "xl/worksheets/_rels/sheet1.xml.rels")
	drawing := readZip(t, path, "xl/drawings/_rels/drawing1.xml.rels")
	chart := readZip(t, path, "xl/charts/chart1.xml")
	return strings.Contains(rels, "drawing1.xml") && strings.Contains(drawing, "chart1.xml") && strings.Contains(chart, "<barChart>")
}
