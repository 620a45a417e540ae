package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

var ctx = context.Background()

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// nik makes a valid Pamekasan NIK for kecamatan kec (1–13) and a serial.
func nik(kec int, birth time.Time, female bool, serial int) string {
	d := birth.Day()
	if female {
		d += 40
	}
	return fmt.Sprintf("3528%02d%02d%02d%02d%04d", kec, d, int(birth.Month()), birth.Year()%100, serial)
}

func openDB(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "wub.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 7, 5, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { db.Close() })
	return db
}

// person is a trainee with one enrolment, as the tests write them.
type person struct {
	nik, name, sex, desa   string
	birth                  time.Time
	agency                 string
	year                   int
	status                 string
	enrolled, completed    time.Time
	address, phone, kk     string
	kbli, business, educat string
}

func (p person) trainee() *wub.Trainee {
	return &wub.Trainee{NIK: p.nik, KK: p.kk, Name: p.name, Sex: p.sex, BirthPlace: "Pamekasan", BirthDate: p.birth,
		Address: p.address, DesaCode: p.desa, Phone: p.phone, KBLI: p.kbli, BusinessName: p.business, Education: p.educat,
		Enrolments: []wub.Enrolment{{AgencyCode: p.agency, Year: p.year, Status: p.status,
			EnrolledOn: p.enrolled, CompletedOn: p.completed}}}
}

func create(t testing.TB, db *store.DB, ps ...person) []*wub.Trainee {
	t.Helper()
	var out []*wub.Trainee
	for _, p := range ps {
		tr := p.trainee()
		if _, err := db.CreateTrainee(ctx, tr); err != nil {
			t.Fatalf("create %s: %v", p.name, err)
		}
		out = append(out, tr)
	}
	return out
}

// seedDisperindag is the fixture of the export tests: Disperindag's 2024
// trainees as of July 2024, with the cases the Peserta sheet must handle.
func seedDisperindag(t testing.TB, db *store.DB) []*wub.Trainee {
	b1, b2, b3 := day(1995, 3, 12), day(1988, 11, 2), day(2000, 1, 30)
	return create(t, db,
		person{nik: nik(4, b1, true, 1), name: "Siti Aminah", sex: "P", birth: b1, desa: "35.28.04.1001",
			agency: wub.DISPERINDAG, year: 2024, status: wub.StatusTrained, enrolled: day(2024, 5, 2), completed: day(2024, 6, 14),
			address: "Jl. Trunojoyo 5", phone: "081234567890", kk: "3528040101950001", kbli: "C", business: "keripik singkong", educat: "SMA/SMK"},
		person{nik: nik(1, b2, false, 2), name: "=HYPERLINK(\"http://x\",\"klik\")", sex: "L", birth: b2,
			agency: wub.DISPERINDAG, year: 2024, status: wub.StatusRegistered, enrolled: day(2024, 6, 20),
			address: "+62 tidak jelas & <b>tebal</b> _x0041_", kbli: "G"},
		person{nik: nik(2, b3, false, 3), name: "@Abdul Rahman", sex: "L", birth: b3,
			agency: wub.DISPERINDAG, year: 2024, status: wub.StatusTrained, completed: day(2024, 2, 29), address: "-"},
		person{nik: nik(5, b3, true, 4), name: "Nur Hayati", sex: "P", birth: b3,
			agency: wub.DISPERINDAG, year: 2024, status: wub.StatusDropped}, // no dates: in no month ("Tanggal belum diisi"), last
		person{nik: nik(6, b1, false, 5), name: "Selesai Juli", sex: "L", birth: b1,
			agency: wub.DISPERINDAG, year: 2024, status: wub.StatusTrained, enrolled: day(2024, 6, 1), completed: day(2024, 7, 2)},
		person{nik: nik(7, b1, false, 6), name: "Tahun Lalu", sex: "L", birth: b1,
			agency: wub.DISPERINDAG, year: 2023, status: wub.StatusTrained, completed: day(2023, 6, 2)},
		person{nik: nik(8, b1, false, 7), name: "Dinas Lain", sex: "L", birth: b1,
			agency: wub.DKP, year: 2024, status: wub.StatusTrained, completed: day(2024, 6, 2)},
	)
}

// export writes agency's submission for month from db into a file.
func export(t testing.TB, db *store.DB, agency string, month time.Time, mod func(*xlsx.Submission)) (string, wub.SubmissionMeta) {
	t.Helper()
	as, err := db.Agencies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := as.ByCode(agency)
	s := xlsx.Submission{Agency: a, Month: month, AppVersion: "test",
		Office: wub.Office{AgencyCode: agency, HeadName: "Ir. Moh. Fauzi, M.Si.", HeadNIP: "197001011995031001", Place: "Pamekasan"},
		Now:    time.Date(month.Year(), month.Month()+1, 5, 2, 0, 0, 0, time.UTC)}
	if mod != nil {
		mod(&s)
	}
	var buf bytes.Buffer
	meta, err := xlsx.WriteSubmission(&buf, s, func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
		return db.SubmissionRows(ctx, agency, month.Year(), wub.EndOfMonth(month), emit)
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("%s_%s.xlsx", agency, wub.Period(month)))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, meta
}
