package cli

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

// pdfText checks a PDF opens in qpdf and mutool and returns its text from
// pdftotext, whitespace squeezed (poppler-utils, qpdf, mupdf-tools).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	for _, b := range []string{"pdftotext", "qpdf", "mutool"} {
		if _, err := exec.LookPath(b); err != nil {
			t.Skipf("SKIP: %s not installed (apt-get install poppler-utils qpdf mupdf-tools): PDFs not checked", b)
		}
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check %s: %v\n%s", path, err, out)
	}
	if out, err := exec.Command("mutool", "info", path).CombinedOutput(); err != nil {
		t.Fatalf("mutool info %s: %v\n%s", path, err, out)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	if dir := os.Getenv("WUBDESK_PDF_DIR"); dir != "" { // scripts/pdf-screenshots.sh
		b, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o644)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func emblemPNG(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 60, 72))
	for y := range 72 {
		for x := range 60 {
			if (x-30)*(x-30)+(y-36)*(y-36)*2/3 < 28*28 {
				img.Set(x, y, color.NRGBA{20, 110, 60, 255})
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// docDB is a demo office (Diskop UKM dan Naker, 2020–2024) with its
// letterhead set.
func docDB(t *testing.T, path string) {
	t.Helper()
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"demo", "--db", path, "--trainees", "300"}, &out, &errb); code != 0 {
		t.Fatalf("demo: %s", errb.String())
	}
	db, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	is, err := db.SetLetterhead(context.Background(), wub.Letterhead{Address: "Jl. Kabupaten No. 107, Pamekasan 69317",
		Phone: "(0324) 322111", Email: "diskopukm@pamekasankab.go.id", HeadRank: "Pembina Utama Muda (IV/c)",
		Classification: "500.3", Emblem: emblemPNG(t), EmblemName: "lambang.png"})
	if err != nil || is.HasErrors() {
		t.Fatal(err, is)
	}
}

func TestDocCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kantor.db")
	docDB(t, path)
	ctx := context.Background()
	db, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// A batch with members who passed, and one person's NIK.
	var batchID int64
	var trained, other []wub.BatchMember
	for y := 2024; y >= 2020 && batchID == 0; y-- {
		bs, err := db.BatchSummaries(ctx, wub.DISKOPUKM, y, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bs {
			ms, err := db.BatchMembers(ctx, b.ID)
			if err != nil {
				t.Fatal(err)
			}
			trained, other = nil, nil
			for _, m := range ms {
				if m.Status == wub.StatusTrained {
					trained = append(trained, m)
				} else {
					other = append(other, m)
				}
			}
			if len(trained) > 2 {
				batchID = b.ID
				break
			}
		}
	}
	if batchID == 0 {
		t.Fatal("no demo batch with members who passed")
	}
	if len(other) == 0 { // one member dropped out
		last := trained[len(trained)-1]
		if err := db.SetBatchCompletion(ctx, batchID, []int64{last.TraineeID}, wub.StatusDropped, last.CompletedOn); err != nil {
			t.Fatal(err)
		}
		trained, other = trained[:len(trained)-1], []wub.BatchMember{last}
	}
	person := trained[0]
	db.Close()
	bid := strconv.FormatInt(batchID, 10)

	// A submission workbook to send with its cover letter.
	wb := filepath.Join(dir, "WUB_DISKOPUKM_2024-06.xlsx")
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Run(ctx, args, &out, &errb)
		return code, out.String(), errb.String()
	}
	if code, _, e := run("export", "--db", path, "--agency", "DISKOPUKM", "--month", "2024-06", "--out", wb); code != 0 {
		t.Fatal(e)
	}
	// A handover package from another office.
	giving := filepath.Join(dir, "dpmptsp.db")
	givingDB(t, giving, wub.DPMPTSP)
	pkg := filepath.Join(dir, "serah-terima.wubho")
	if code, _, e := run("handover", "export", "--db", giving, "--to", "DISKOPUKM", "--date", "2023-01-03", "--out", pkg); code != 0 {
		t.Fatal(e)
	}
	out := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
		pdf    string   // file written
		text   []string // in the PDF
	}{
		{"no kind", []string{"doc", "--db", path, "--out", out("x.pdf")}, 2, "--kind wajib diisi", "", nil},
		{"unknown kind", []string{"doc", "--db", path, "--kind", "surat", "--out", out("x.pdf")}, 2, "tidak dikenal", "", nil},
		{"no out", []string{"doc", "--db", path, "--kind", "person-report", "--nik", person.NIK}, 2, "--out", "", nil},
		{"handover without package", []string{"doc", "--db", path, "--kind", "handover", "--out", out("x.pdf")}, 2, "--package", "", nil},
		{"cover letter wrong month", []string{"doc", "--db", path, "--kind", "cover-letter", "--package", wb, "--month", "2024-05", "--out", out("x.pdf")}, 2, "bukan Mei 2024", "", nil},
		{"bad year", []string{"doc", "--db", path, "--kind", "contract-round", "--year", "25", "--out", out("x.pdf")}, 2, "bukan tahun", "", nil},
		{"no such batch", []string{"doc", "--db", path, "--kind", "certificate", "--batch", "99999", "--out", out("x.pdf")}, 2, "tidak ada", "", nil},
		{"certificate of a member who did not pass", []string{"doc", "--db", path, "--kind", "certificate", "--batch", bid, "--nik", other[0].NIK, "--out", out("x.pdf")}, 2, "belum berstatus Lulus", "", nil},
		{"unknown NIK", []string{"doc", "--db", path, "--kind", "person-report", "--nik", "3528010101010001", "--out", out("x.pdf")}, 2, "Tidak ada data", "", nil},

		{"handover", []string{"doc", "--db", path, "--kind", "handover", "--package", pkg, "--out", out("berita-acara.pdf")}, 0, "",
			"berita-acara.pdf", []string{"BERITA ACARA SERAH TERIMA", "Nomor: 500.3/1/DISKOPUKM/", "Selasa, tanggal 3 Januari 2023",
				"Kepala Uji", "Pembina Utama Muda (IV/c)", "Drs. Moh. Fathorrahman, M.Si.", "Jl. Kabupaten No. 107", "Pos-el diskopukm@pamekasankab.go.id"}},
		{"cover letter", []string{"doc", "--db", path, "--kind", "cover-letter", "--package", wb, "--month", "2024-06", "--out", out("surat-pengantar.pdf")}, 0, "",
			"surat-pengantar.pdf", []string{"SURAT PENGANTAR", "Nomor: 500.3/2/DISKOPUKM/", "Juni 2024", "WUB_DISKOPUKM_2024-06.xlsx", "Kode verifikasi"}},
		{"contract round", []string{"doc", "--db", path, "--kind", "contract-round", "--year", "2024", "--out", out("keputusan-kontrak.pdf")}, 0, "",
			"keputusan-kontrak.pdf", []string{"PERPANJANGAN KONTRAK", "TAHUN 2024", "Nomor: 500.3/3/DISKOPUKM/", "Diperpanjang:"}},
		{"certificates of a batch", []string{"doc", "--db", path, "--kind", "certificate", "--batch", bid, "--out", out("sertifikat.pdf")}, 0, "",
			"sertifikat.pdf", []string{"SERTIFIKAT", trained[0].Name, trained[1].Name, "Nomor: 500.3/4/DISKOPUKM/"}},
		{"one certificate", []string{"doc", "--db", path, "--kind", "certificate", "--batch", bid, "--nik", person.NIK, "--out", out("sertifikat-satu.pdf")}, 0, "",
			"sertifikat-satu.pdf", []string{"SERTIFIKAT", person.Name, "Nomor: 500.3/4/DISKOPUKM/"}},
		{"person report", []string{"doc", "--db", path, "--kind", "person-report", "--nik", person.NIK, "--out", out("data-pribadi.pdf")}, 0, "",
			"data-pribadi.pdf", []string{"LAPORAN DATA PRIBADI", person.NIK, person.Name, "Keikutsertaan", "Riwayat perubahan", "Sertifikat " + person.Name}},
	}
	for _, tt := range tests {
		code, stdout, stderr := run(tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.name, code, stderr, tt.code, tt.stderr)
			continue
		}
		if tt.pdf == "" {
			continue
		}
		if !strings.Contains(stdout, "Nomor: 500.3/") {
			t.Errorf("%s: stdout %q names no number", tt.name, stdout)
		}
		text := pdfText(t, out(tt.pdf))
		for _, w := range tt.text {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the PDF lacks %q\n%s", tt.name, w, text)
			}
		}
	}
	// Every failed call left no file and took no number: the register holds
	// exactly the documents written, the same certificate kept its number,
	// and each batch member who passed has their own.
	if _, err := os.Stat(out("x.pdf")); err == nil {
		t.Error("a failed doc command left x.pdf behind")
	}
	db, err = app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ns, err := db.LetterNumbers(ctx, time.Now().In(wub.WIB).Year())
	if err != nil {
		t.Fatal(err)
	}
	if want := 4 + len(trained); len(ns) != want {
		t.Errorf("the register holds %d numbers, want %d (handover, cover letter, round, %d certificates, person report)", len(ns), want, len(trained))
	}
}
