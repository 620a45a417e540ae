package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/officedoc"
	"wubdesk/internal/wub"
)

// pdfText opens a PDF in qpdf and mutool and returns its text from
// pdftotext (poppler-utils, qpdf, mupdf-tools), whitespace squeezed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	for _, b := range []string{"pdftotext", "qpdf", "mutool"} {
		if _, err := exec.LookPath(b); err != nil {
			t.Skipf("SKIP: %s not installed (apt-get install poppler-utils qpdf mupdf-tools): PDFs not checked", b)
		}
	}
	for _, c := range [][]string{{"qpdf", "--check", path}, {"mutool", "info", path}} {
		if out, err := exec.Command(c[0], c[1:]...).CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", c, err, out)
		}
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func testPNG(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 20, 24))
	for y := range 24 {
		for x := range 20 {
			img.Set(x, y, color.NRGBA{20, 110, 60, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The letterhead is set once in Pengaturan: a wrong e-mail is refused with
// its message, a valid letterhead with an emblem is saved and shown again.
func TestLetterheadPanelSaves(t *testing.T) {
	u, db := newTestUI(t, true)
	s := u.nav.screen("pengaturan").(*settingsScreen)
	u.jobs.wait()
	p := s.kop
	test.Type(p.address, "Jl. Jokotole No. 1, Pamekasan")
	test.Type(p.email, "bukan e-mail")
	test.Tap(p.saveBtn)
	u.jobs.wait()
	if !p.errs.Visible() || !strings.Contains(p.errs.Text, "tidak sah") {
		t.Fatalf("a wrong e-mail was not refused: %q", p.errs.Text)
	}
	if l, _ := db.Letterhead(bg); l.Address != "" {
		t.Fatal("a refused letterhead was saved")
	}
	p.email.SetText("disperindag@pamekasankab.go.id")
	test.Type(p.rank, "Pembina (IV/a)")
	test.Type(p.klas, "500.2")
	p.setEmblem(testPNG(t), "lambang.png")
	test.Tap(p.saveBtn)
	u.jobs.wait()
	l, err := db.Letterhead(bg)
	if err != nil || l.Address != "Jl. Jokotole No. 1, Pamekasan" || l.Email != "disperindag@pamekasankab.go.id" ||
		l.HeadRank != "Pembina (IV/a)" || l.Classification != "500.2" || l.EmblemName != "lambang.png" || len(l.Emblem) == 0 {
		t.Fatalf("saved letterhead %+v, %v", l, err)
	}
	if p.errs.Visible() {
		t.Errorf("error still shown: %q", p.errs.Text)
	}
	// A new Pengaturan shows what was saved.
	again := newLetterheadPanel(u)
	u.jobs.wait()
	if again.klas.Text != "500.2" || !strings.Contains(again.emblemLabel.Text, "lambang.png") {
		t.Errorf("reloaded panel: %q, %q", again.klas.Text, again.emblemLabel.Text)
	}
}

// Serah Terima: after loading a package, "Cetak berita acara (PDF)" writes
// the berita acara numbered from the office's register, which stays
// available after the import.
func TestHandoverScreenPrintsBeritaAcara(t *testing.T) {
	u, db := newTestUI(t, true)
	if is, err := db.SetLetterhead(bg, wub.Letterhead{Address: "Jl. Kabupaten 5", Classification: "500.2"}); err != nil || is.HasErrors() {
		t.Fatal(err, is)
	}
	s := handoverScreenOf(t, u)
	if !s.importPDF.Disabled() || !s.exportPDF.Disabled() {
		t.Fatal("berita acara buttons enabled before any package")
	}
	s.load(handoverPackage(t))
	u.jobs.wait()
	if s.importPDF.Disabled() {
		t.Fatal("no berita acara after loading a package")
	}
	out := filepath.Join(t.TempDir(), "ba.pdf")
	var res officedoc.Result
	u.writePDF(out, s.beritaAcaraOfPackage(s.loadedPkg), func(r officedoc.Result, err error) {
		if err != nil {
			t.Error(err)
		}
		res = r
	})
	u.jobs.wait()
	if res.Number() != "500.2/1/DISPERINDAG/2024" {
		t.Errorf("number %q", res.Number())
	}
	text := pdfText(t, out)
	for _, w := range []string{"BERITA ACARA SERAH TERIMA", "Nomor: 500.2/1/DISPERINDAG/2024", "Ir. Achmad Faisol",
		"Ir. Budi Santoso", "Jl. Kabupaten 5", "Selasa, tanggal 3 Januari 2023", s.loadedPkg.SHA256} {
		if !strings.Contains(text, w) {
			t.Errorf("berita acara lacks %q:\n%s", w, text)
		}
	}
	if !strings.Contains(u.nav.status.Text, "500.2/1/DISPERINDAG/2024") {
		t.Errorf("status %q does not name the number", u.nav.status.Text)
	}
}

// Angkatan and the person's record: certificates of the batch's members
// who passed, each with its own number, and the person's data report.
func TestBatchCertificatesAndPersonReport(t *testing.T) {
	u, db := newTestUI(t, true)
	a := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2024)
	b := seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DISPERINDAG, 2024)
	one := &wub.Batch{AgencyCode: wub.DISPERINDAG, Year: 2024, Name: "Angkatan 1", TrainingType: "Batik Tulis",
		StartDate: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)}
	if err := db.CreateBatch(bg, one); err != nil {
		t.Fatal(err)
	}
	on := time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)
	if _, err := db.EnrolInBatch(bg, one.ID, []int64{a, b}, on); err != nil {
		t.Fatal(err)
	}
	if err := db.SetBatchCompletion(bg, one.ID, []int64{a}, wub.StatusTrained, on); err != nil {
		t.Fatal(err)
	}
	if err := db.SetBatchCompletion(bg, one.ID, []int64{b}, wub.StatusDropped, on); err != nil {
		t.Fatal(err)
	}
	s := u.nav.screen("angkatan").(*batchesScreen)
	u.jobs.wait()
	s.showDetail(one)
	u.jobs.wait()
	m := s.detail.members
	make, name := m.certificateMaker()
	if name != "Sertifikat_Angkatan_1_2024.pdf" {
		t.Errorf("suggested name %q", name)
	}
	out := filepath.Join(t.TempDir(), name)
	u.writePDF(out, make, nil)
	u.jobs.wait()
	text := pdfText(t, out)
	if !strings.Contains(text, "Siti Aminah") || strings.Contains(text, "Ahmad Fauzi") || !strings.Contains(text, "Pelatihan Batik Tulis") {
		t.Errorf("certificates: %s", text)
	}
	if !strings.Contains(u.nav.status.Text, "1 anggota angkatan belum berstatus Lulus") {
		t.Errorf("status %q does not say who got no certificate", u.nav.status.Text)
	}
	// Ticking the member who dropped out asks for their certificate: refused.
	m.picked[b] = true
	make, _ = m.certificateMaker()
	u.writePDF(filepath.Join(t.TempDir(), "x.pdf"), make, func(_ officedoc.Result, err error) {
		if err == nil || !strings.Contains(userMessage(err), "belum berstatus Lulus") {
			t.Errorf("a certificate for a member who dropped out: %v", err)
		}
	})
	u.jobs.wait()

	p := peserta(t, u)
	p.openTrainee(a)
	u.jobs.wait()
	if p.form == nil || !p.form.pdfBtn.Visible() {
		t.Fatal("the person's record has no Cetak data pribadi button")
	}
	make, _ = p.form.personReportMaker()
	out = filepath.Join(t.TempDir(), "data.pdf")
	u.writePDF(out, make, nil)
	u.jobs.wait()
	text = pdfText(t, out)
	for _, w := range []string{"LAPORAN DATA PRIBADI", "3528045203950001", "Siti Aminah", "Angkatan 1", "Sertifikat Siti Aminah"} {
		if !strings.Contains(text, w) {
			t.Errorf("person report lacks %q:\n%s", w, text)
		}
	}
}
