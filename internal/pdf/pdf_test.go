package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// The tests read each PDF back with poppler's pdftotext and open it with
// two more readers (qpdf --check, mutool): Debian packages poppler-utils,
// qpdf and mupdf-tools. Without them the tests say so and skip.
func need(t *testing.T, bins ...string) {
	t.Helper()
	for _, b := range bins {
		if _, err := exec.LookPath(b); err != nil {
			t.Skipf("SKIP: %s not installed (apt-get install poppler-utils qpdf mupdf-tools): PDFs not checked", b)
		}
	}
}

// readBack writes b to a file, checks it opens in qpdf and mutool, and
// returns its text as pdftotext extracts it (layout kept), with runs of
// spaces squeezed to one.
func readBack(t *testing.T, b []byte, name string) string {
	t.Helper()
	need(t, "pdftotext", "qpdf", "mutool")
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("WUBDESK_PDF_DIR"); dir != "" { // for a look: scripts/pdf-screenshots.sh
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check %s: %v\n%s", name, err, out)
	}
	if out, err := exec.Command("mutool", "info", path).CombinedOutput(); err != nil || strings.Contains(string(out), "error") {
		t.Fatalf("mutool info %s: %v\n%s", name, err, out)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", name, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func contains(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q\ntext: %s", w, text)
		}
	}
}

// TestEmblem is a made-up round emblem drawn by the test (the project ships
// no regional emblem).
func testEmblem(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 80, 96))
	for y := 0; y < 96; y++ {
		for x := 0; x < 80; x++ {
			dx, dy := x-40, y-48
			if dx*dx+dy*dy*2/3 < 38*38 {
				img.Set(x, y, color.NRGBA{20, 110, 60, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testKop(t testing.TB) Kop {
	return Kop{Agency: "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja", Letterhead: wub.Letterhead{
		Address: "Jl. Jokotole No. 1, Pamekasan 69317", Phone: "(0324) 322111", Email: "diskop@pamekasankab.go.id",
		HeadRank: "Pembina Utama Muda (IV/c)", Emblem: testEmblem(t), EmblemName: "lambang.png"}}
}

var when = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)

func write(t *testing.T, fn func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	return b.Bytes()
}

func TestHandoverPDF(t *testing.T) {
	h := Handover{Kop: testKop(t), Number: "500.3/7/DISKOPUKM/2026", Date: time.Date(2023, 1, 3, 0, 0, 0, 0, time.UTC),
		Place: "Pamekasan", FileName: "serah-terima.wubho", SHA256: strings.Repeat("ab12", 16),
		From:   Party{FullName: "Dinas Penanaman Modal dan PTSP", ShortName: "DPMPTSP", HeadName: "Ir. Budi Santoso", HeadNIP: "196801011990031001"},
		To:     Party{FullName: "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja", ShortName: "Diskop UKM dan Naker"},
		Counts: []Count{{"Peserta", 1234}, {"Keikutsertaan", 1500}, {"Kuota", 0}, {"Saldo awal", 0}}, Meta: Meta{Created: when, AppVersion: "test"}}
	text := readBack(t, write(t, func(b *bytes.Buffer) error { return WriteHandover(b, h) }), "ba.pdf")
	contains(t, text, "PEMERINTAH KABUPATEN PAMEKASAN", "DINAS KOPERASI, USAHA MIKRO DAN TENAGA KERJA",
		"Jl. Jokotole No. 1", "Telepon (0324) 322111", "Pos-el diskop@pamekasankab.go.id",
		"BERITA ACARA SERAH TERIMA", "Nomor: 500.3/7/DISKOPUKM/2026", "Selasa, tanggal 3 Januari 2023",
		"Ir. Budi Santoso", "NIP 196801011990031001", "1.234", "1.500", "2 jenis data lain dalam paket tidak berisi data (0).", strings.Repeat("ab12", 16), "PIHAK KEDUA",
		"NIP ......................................")
}

func TestCoverLetterPDF(t *testing.T) {
	sum := "3f2a91bc" + strings.Repeat("0", 56)
	c := CoverLetter{Kop: testKop(t), Number: "500.3/8/DISKOPUKM/2026", Date: when, FileName: "WUB_DISKOPUKM_2025-12.xlsx",
		Sub: wub.SubmissionMeta{AgencyCode: "DISKOPUKM", AgencyName: "Diskop UKM dan Naker", Period: "2025-12", Year: 2025,
			TraineeRows: 1250, Quota: 2000, TrainedMonth: 40, TrainedTotal: 1100, RegisteredTotal: 120, DroppedTotal: 30,
			GeneratedAt: time.Date(2026, 1, 4, 3, 0, 0, 0, time.UTC), DataSHA256: sum},
		Signer: Signer{Place: "Pamekasan", Position: "Kepala Dinas Koperasi, Usaha Mikro dan Tenaga Kerja", Name: "Dra. Siti",
			Rank: "Pembina (IV/a)", NIP: "197001011995032001"}, Meta: Meta{Created: when}}
	text := readBack(t, write(t, func(b *bytes.Buffer) error { return WriteCoverLetter(b, c) }), "sp.pdf")
	contains(t, text, "SURAT PENGANTAR", "Nomor: 500.3/8/DISKOPUKM/2026", "Pamekasan, 5 Januari 2026", "Bagian Perekonomian",
		"Desember 2025", "1.250 baris peserta", "1.100", "2.000", "55,0%", "3F2A-91BC", sum, "Pembina (IV/a)", "Dra. Siti")
}

func TestContractRoundPDF(t *testing.T) {
	r := wub.ContractRound{AgencyCode: "DISKOPUKM", Year: 2026, Rows: []wub.RoundRow{
		{Name: "Moh. Rofiq", Role: wub.RoleFacilitator, LastContract: wub.Contract{SPKNumber: "027/01/SPK/2025", Honorarium: 1500000,
			StartDate: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)},
			TraineesMentored: 30, Target: 40, Visits: 1204, Decision: wub.ContractDecision{Decision: wub.DecisionRenew, Note: "kinerja baik"}},
		{Name: "Nur Hasanah", Role: wub.RoleFacilitator, Decision: wub.ContractDecision{Decision: wub.DecisionNotRenew}},
	}}
	c := ContractRound{Kop: testKop(t), Number: "500.3/9/DISKOPUKM/2026", Round: r, Signer: Signer{Date: when, Position: "Kepala Dinas"}}
	text := readBack(t, write(t, func(b *bytes.Buffer) error { return WriteContractRound(b, c) }), "kr.pdf")
	contains(t, text, "PERPANJANGAN KONTRAK", "TAHUN 2026", "kinerja tahun 2025", "Moh. Rofiq", "Rp1.500.000", "1.204",
		"30 dari 40", "(75%)", "PERPANJANG", "TIDAK", "Diperpanjang: 1", "Tidak diperpanjang: 1", "kinerja baik")
}

func TestCertificatesPDF(t *testing.T) {
	c := Certificates{Kop: testKop(t), Batch: wub.Batch{Name: "Angkatan 2", Year: 2025, TrainingType: "Batik Tulis",
		StartDate: time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2025, 6, 6, 0, 0, 0, 0, time.UTC)},
		Venue: "Desa Klampar, Kecamatan Proppo", Signer: Signer{Date: when, Position: "Kepala Dinas"},
		Trainees: []Certificate{{Number: "800/1/DISKOPUKM/2026", Name: "Siti Aminah"}, {Number: "800/2/DISKOPUKM/2026", Name: "Ahmad Fauzi"}}}
	b := write(t, func(b *bytes.Buffer) error { return WriteCertificates(b, c) })
	text := readBack(t, b, "cert.pdf")
	contains(t, text, "SERTIFIKAT", "Siti Aminah", "Ahmad Fauzi", "800/2/DISKOPUKM/2026", "Pelatihan Batik Tulis",
		"2 Juni 2025 s.d. 6 Juni 2025", "Desa Klampar, Kecamatan Proppo")
	if strings.Contains(text, "halaman") || strings.Contains(text, "Pelatihan Pelatihan") {
		t.Errorf("a certificate has a page footer or says Pelatihan twice: %s", text)
	}
}

func TestPersonReportPDF(t *testing.T) {
	p := PersonReport{Kop: testKop(t), Number: "1/DISKOPUKM/2026", Date: when, PrintedBy: "operator",
		Data: wub.PersonData{NIK: "3528045107900001", Records: []wub.PersonRecord{{
			Trainee: wub.Trainee{ID: 1, NIK: "3528045107900001", Name: "Siti Aminah", Sex: "P", Phone: "081299998888",
				Enrolments: []wub.Enrolment{{AgencyCode: "DISKOPUKM", Year: 2024, Status: wub.StatusTrained, BatchName: "Angkatan 1"}}},
			Audit: []wub.AuditEntry{{At: when, Actor: "operator", Entity: "trainee", Action: "update",
				Old: `{"phone":"081234567890"}`, New: `{"phone":"081299998888"}`}},
		}}}, Meta: Meta{Created: when}}
	text := readBack(t, write(t, func(b *bytes.Buffer) error { return WritePersonReport(b, p) }), "pr.pdf")
	contains(t, text, "LAPORAN DATA PRIBADI", "3528045107900001", "Siti Aminah", "081299998888", "Angkatan 1",
		"phone: 081234567890 → 081299998888", "Kunjungan pendampingan", "Tidak ada.")
}
