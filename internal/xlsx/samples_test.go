package xlsx_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// recordSamples writes a database for Bagian Perekonomian that has received
// the sample files, for the Konsolidasi screenshot.
func recordSamples(t *testing.T, path string, files []*xlsx.Received) {
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DISKOPUKM, Place: "Pamekasan"}); err != nil {
		t.Fatal(err)
	}
	for _, r := range files {
		if _, _, err := db.RecordSubmission(ctx, r.ReceivedSubmission, r.Rows); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSamples writes sample submissions and a consolidated workbook for
// the screenshots in docs/ (scripts/submission-screenshots.sh):
//
//	WUBDESK_SAMPLES_DIR=/tmp/samples [WUBDESK_SAMPLES_DB=/tmp/samples.db] go test -run TestSamples ./internal/xlsx/
func TestSamples(t *testing.T) {
	dir := os.Getenv("WUBDESK_SAMPLES_DIR")
	if dir == "" {
		t.Skip("set WUBDESK_SAMPLES_DIR to write the sample workbooks")
	}
	db, err := store.Open(filepath.Join(t.TempDir(), "samples.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Now = func() time.Time { return time.Date(2024, 7, 1, 8, 0, 0, 0, time.UTC) }
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DISPERINDAG, HeadName: "Ir. Moh. Fauzi, M.Si.",
		HeadNIP: "197001011995031001", Place: "Pamekasan"}); err != nil {
		t.Fatal(err)
	}
	as := agencies(t, db)
	year := as.InYear(2024)
	sizes := map[string]int{wub.DISKOPUKM: 160, wub.DISPERINDAG: 140, wub.DISPORAPAR: 60, wub.DKPP: 90, wub.DKP: 70, wub.DP3AP2KB: 110}
	r := rand.New(rand.NewPCG(7, 2024))
	first := []string{"Siti", "Nur", "Moh.", "Abd.", "Ahmad", "Fatimah", "Hasan", "Zainab", "Rofiqi", "Halimah", "Sulaiman", "Aisyah"}
	last := []string{"Aminah", "Hayati", "Rahman", "Fauzi", "Hidayat", "Zahra", "Kholil", "Maimunah", "Syafi'i", "Qomariyah"}
	kbli := []string{"C", "G", "I", "A", "S", "C", "G"}
	desa := wub.Ref().Desa
	serial := 0
	var shared []*wub.Trainee
	err = db.Bulk(ctx, func(b *store.Bulk) error {
		b.Audit = false
		for _, a := range year {
			for i := 0; i < sizes[a.Code]; i++ {
				serial++
				female := r.IntN(2) == 0
				birth := time.Date(1970+r.IntN(35), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
				d := desa[r.IntN(len(desa))]
				sex := "L"
				if female {
					sex = "P"
				}
				e := wub.Enrolment{AgencyCode: a.Code, Year: 2024, BatchName: fmt.Sprintf("Angkatan %d", 1+r.IntN(3)),
					EnrolledOn: time.Date(2024, time.Month(1+r.IntN(6)), 1+r.IntN(20), 0, 0, 0, 0, time.UTC)}
				switch p := r.IntN(10); {
				case p < 7:
					e.Status, e.CompletedOn = wub.StatusTrained, e.EnrolledOn.AddDate(0, 0, 7+r.IntN(20))
				case p < 9:
					e.Status = wub.StatusRegistered
				default:
					e.Status = wub.StatusDropped
					if serial%3 != 0 { // the rest left without a date: "Tanggal belum diisi"
						e.CompletedOn = e.EnrolledOn.AddDate(0, 0, 10)
					}
				}
				if e.CompletedOn.After(time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)) {
					e.CompletedOn = time.Date(2024, 6, 28, 0, 0, 0, 0, time.UTC)
				}
				tr := &wub.Trainee{NIK: nik(kecNum(d.KecamatanCode), birth, female, serial), Name: first[r.IntN(len(first))] + " " + last[r.IntN(len(last))],
					Sex: sex, BirthPlace: "Pamekasan", BirthDate: birth, Address: fmt.Sprintf("Dusun %s", last[r.IntN(len(last))]),
					DesaCode: d.Code, KecCode: d.KecamatanCode, Phone: fmt.Sprintf("0819%08d", serial), Education: wub.EducationLevels[1+r.IntN(7)],
					KBLI: kbli[r.IntN(len(kbli))], Enrolments: []wub.Enrolment{e}}
				tr.BusinessName = businesses[serial%len(businesses)]
				if i%25 == 3 && a.Code != wub.DISKOPUKM { // trained before by Diskop UKM dan Naker
					tr.Enrolments = append(tr.Enrolments, wub.Enrolment{AgencyCode: wub.DISKOPUKM, Year: 2024,
						Status: wub.StatusTrained, CompletedOn: time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)})
				}
				if err := b.Insert(tr); err != nil {
					return err
				}
				shared = append(shared, tr)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	office, _ := db.Office(ctx)
	var fac *xlsx.Table // the facilitators of the last file written
	write := func(code string, month time.Time, at time.Time) string {
		a, _ := as.ByCode(code)
		quota := sizes[code] + 40
		var buf bytes.Buffer
		_, err := xlsx.WriteSubmission(&buf, xlsx.Submission{Agency: a, Month: month, Office: office, Quota: quota, Now: at, Facilitators: fac},
			func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
				return db.SubmissionRows(ctx, code, 2024, wub.EndOfMonth(month), emit)
			})
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("%s_%s_%s.xlsx", code, wub.Period(month), at.Format("0102")))
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var files []string
	for m := 1; m <= 6; m++ {
		for i, a := range year {
			if a.Code == wub.DKPP && m == 6 || a.Code == wub.DP3AP2KB && m == 2 {
				continue // not sent
			}
			day := 3 + i + m%3
			if a.Code == wub.DISPORAPAR && m == 4 {
				day = 16 // late
			}
			files = append(files, write(a.Code, time.Date(2024, time.Month(m), 1, 0, 0, 0, 0, time.UTC),
				time.Date(2024, time.Month(m+1), day, 2, 0, 0, 0, time.UTC)))
		}
	}
	// Disperindag sends June again after correcting two records.
	fix := shared[sizes[wub.DISKOPUKM]+5]
	fix.Enrolments[0].Status, fix.Enrolments[0].CompletedOn = wub.StatusTrained, time.Date(2024, 6, 27, 0, 0, 0, 0, time.UTC)
	if _, err := db.UpdateTrainee(ctx, fix); err != nil {
		t.Fatal(err)
	}
	fac = &xlsx.Table{Columns: []xlsx.SheetColumn{{Header: "No", Kind: xlsx.KindInt}, {Header: "NIK", Kind: xlsx.KindID},
		{Header: "Nama", Kind: xlsx.KindText}, {Header: "Keahlian", Kind: xlsx.KindText}, {Header: "Mulai", Kind: xlsx.KindDate},
		{Header: "Selesai", Kind: xlsx.KindDate}},
		Rows: [][]string{{"1", "3528045203800011", "Dra. Hj. Maimunah", "Pengolahan pangan", "2024-02-01", "2024-11-30"},
			{"2", "3528041203850012", "Moh. Kholil, S.E.", "Pemasaran digital", "2024-03-01", "2024-12-20"}}}
	files = append(files, write(wub.DISPERINDAG, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 7, 15, 3, 0, 0, 0, time.UTC)))
	var read []*xlsx.Received
	for _, p := range files {
		read = append(read, xlsx.ReadSubmissionFile(p))
	}
	if path := os.Getenv("WUBDESK_SAMPLES_DB"); path != "" {
		recordSamples(t, path, read)
	}
	c := xlsx.Consolidate(read, xlsx.ConsolidateOptions{Agencies: as, OpeningBalance: 8200, Now: time.Date(2024, 7, 20, 2, 0, 0, 0, time.UTC)})
	var buf bytes.Buffer
	if err := xlsx.WriteConsolidation(&buf, c, wub.Office{Place: "Pamekasan"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Rekap_Kabupaten_2024-06.xlsx"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files, %d people, %d duplicates", len(files), c.People, len(c.Duplicates))
}

// businesses are the trainees' own names for their businesses, some long
// enough to wrap on the printed Peserta sheet.
var businesses = []string{"", "keripik singkong", "warung kopi dan kue basah Bu Siti di pasar Kolpajung",
	"jahit dan bordir kebaya", "", "bengkel las dan cat motor", "batik tulis Pamekasan motif sekar jagad", "toko kelontong"}

func kecNum(code string) int {
	var n int
	fmt.Sscanf(code[len(code)-2:], "%d", &n)
	return n
}
