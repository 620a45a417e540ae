package handover

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

var ctx = context.Background()

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// nik makes a valid Pamekasan NIK of a woman for test person i.
func nik(i int) string { return fmt.Sprintf("352805%02d0798%04d", 41+i%28, 1+i) }

func facNIK(i int) string { return fmt.Sprintf("352804%02d0185%04d", 1+i%28, 1+i) }

func openAt(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2023, 1, 3, 9, 0, 0, 0, time.UTC) }
	db.Actor = "tester"
	t.Cleanup(func() { db.Close() })
	return db
}

// must returns v, or stops the test by panicking on err (Go cannot pass
// t along with a call's two results).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

type seeder struct {
	t  testing.TB
	db *store.DB
}

func (s seeder) trainee(i int, name, phone string) int64 {
	tr := &wub.Trainee{NIK: nik(i), Name: name, Sex: "P", DesaCode: "35.28.04.1001", Phone: phone}
	must(s.db.CreateTrainee(ctx, tr))
	return tr.ID
}

// batch makes a batch with its facilitators, enrols the trainees and marks
// the lulus ones trained and the rest dropped.
func (s seeder) batch(agency string, year int, name string, facs, lulus, dropped []int64) int64 {
	b := &wub.Batch{AgencyCode: agency, Year: year, Name: name, TrainingType: "Batik tulis",
		StartDate: day(year, 3, 1), EndDate: day(year, 3, 5), DesaCode: "35.28.04.1001"}
	check(s.t, s.db.CreateBatch(ctx, b))
	check(s.t, s.db.SetBatchFacilitators(ctx, b.ID, facs))
	must(s.db.EnrolInBatch(ctx, b.ID, append(append([]int64{}, lulus...), dropped...), day(year, 3, 1)))
	check(s.t, s.db.SetBatchCompletion(ctx, b.ID, lulus, wub.StatusTrained, day(year, 3, 5)))
	if len(dropped) > 0 {
		check(s.t, s.db.SetBatchCompletion(ctx, b.ID, dropped, wub.StatusDropped, time.Time{}))
	}
	return b.ID
}

func (s seeder) facilitator(i int, name string) int64 {
	f := &wub.Facilitator{NIK: facNIK(i), Name: name, Sex: "L", DesaCode: "35.28.04.1001", Expertise: "batik"}
	must(s.db.CreateFacilitator(ctx, f))
	return f.ID
}

func (s seeder) contract(fac int64, agency string, year int, spk string, renews int64) int64 {
	c := &wub.Contract{FacilitatorID: fac, AgencyCode: agency, Year: year, StartDate: day(year, 1, 2),
		EndDate: day(year, 12, 31), TargetTrainees: 5, Honorarium: 1500000, KecCode: "35.28.04", SPKNumber: spk,
		RenewedFrom: renews}
	must(s.db.CreateContract(ctx, c))
	return c.ID
}

func (s seeder) visit(fac, trainee int64, date time.Time) {
	check(s.t, s.db.SaveMentoring(ctx, &wub.Mentoring{FacilitatorID: fac, TraineeID: trainee, Date: date,
		BusinessState: wub.BusinessRunning, Notes: "kunjungan"}))
}

func (s seeder) quotas(agency string, byYear map[int]int) {
	for y, n := range byYear {
		check(s.t, s.db.SetQuotas(ctx, y, []wub.Quota{{AgencyCode: agency, Year: y, Count: n}}))
	}
}

// giving is the DPMPTSP database of 2020–2022: trainees 0–11 in three
// batches (trainee 0 twice), two facilitators with three contracts (one
// renewing another), mentoring, quotas and an opening balance.
func seedGiving(t testing.TB, dir string) *store.DB {
	db := openAt(t, filepath.Join(dir, "dpmptsp.db"))
	check(t, db.SetOffice(ctx, wub.Office{AgencyCode: wub.DPMPTSP, HeadName: "Ir. Achmad Faisol, M.M.",
		HeadNIP: "197003121996031004", Place: "Pamekasan"}))
	s := seeder{t, db}
	var tr []int64
	for i := range 12 {
		tr = append(tr, s.trainee(i, fmt.Sprintf("Peserta %03d", i), "0812345600"+fmt.Sprint(10+i)))
	}
	fa, fb := s.facilitator(1, "Ahmad Fauzi"), s.facilitator(2, "Badrus Sholeh")
	c21 := s.contract(fa, wub.DPMPTSP, 2021, "027/SPK/2021/01", 0)
	s.contract(fa, wub.DPMPTSP, 2022, "027/SPK/2022/01", c21)
	s.contract(fb, wub.DPMPTSP, 2022, "027/SPK/2022/02", 0)
	s.batch(wub.DPMPTSP, 2020, "Angkatan 2020-I", nil, tr[0:4], nil)
	s.batch(wub.DPMPTSP, 2021, "Angkatan 2021-I", []int64{fa}, tr[4:7], tr[7:8])
	s.batch(wub.DPMPTSP, 2022, "Angkatan 2022-I", []int64{fa, fb}, append([]int64{tr[0]}, tr[8:12]...), nil)
	s.visit(fa, tr[4], day(2022, 2, 1))
	s.visit(fb, tr[8], day(2022, 6, 1))
	s.visit(fb, tr[9], day(2022, 7, 1))
	s.quotas(wub.DPMPTSP, map[int]int{2020: 5, 2021: 5, 2022: 6})
	check(t, db.SetOpeningBalances(ctx, []wub.OpeningBalance{{AgencyCode: wub.DPMPTSP, Year: 2020, Count: 2,
		Note: "dilatih sebelum pencatatan"}}))
	return db
}

// receiving is Diskop UKM's database made before the reorganisation was
// configured (DPMPTSP still running, no 2023 name): trainees 100–104 and
// three people DPMPTSP also trained: 1 recorded alike, 5 and 9 differently.
func seedReceiving(t testing.TB, dir string) *store.DB {
	path := filepath.Join(dir, "diskop.db")
	openAt(t, path).Close()
	raw, err := sql.Open("sqlite", path)
	check(t, err)
	_, err = raw.Exec(`UPDATE agency SET last_year = NULL WHERE code = 'DPMPTSP';
		DELETE FROM agency_name WHERE agency_code = 'DISKOPUKM' AND valid_from = '2023-01-03'`)
	check(t, err)
	check(t, raw.Close())
	db := openAt(t, path)
	check(t, db.SetOffice(ctx, wub.Office{AgencyCode: wub.DISKOPUKM, HeadName: "Drs. Moh. Fathorrahman, M.Si.",
		HeadNIP: "196905121994031007", Place: "Pamekasan"}))
	s := seeder{t, db}
	var tr []int64
	for i := 100; i < 105; i++ {
		tr = append(tr, s.trainee(i, fmt.Sprintf("Warga %03d", i), ""))
	}
	tr = append(tr, s.trainee(1, "Peserta 001", "081234560011"),
		s.trainee(5, "Peserta Lima", "081234560015"), s.trainee(9, "Peserta 009", "087700000000"))
	fc := s.facilitator(3, "Chairul Anam")
	s.contract(fc, wub.DISKOPUKM, 2022, "500/SPK/2022/01", 0)
	s.batch(wub.DISKOPUKM, 2022, "Angkatan 2022-I", []int64{fc}, tr, nil)
	s.quotas(wub.DISKOPUKM, map[int]int{2020: 4, 2021: 4, 2022: 10, 2023: 20})
	return db
}

// register is a store as this package sees a register (app.App in the
// program; the package cannot import app).
type register struct{ *store.DB }

func reg(db *store.DB) register { return register{db} }

func (r register) Now() time.Time { return r.DB.Now() }
func (r register) Actor() string  { return r.DB.Actor }
func (r register) HandoverSchema() Schema {
	return Schema{Version: store.SchemaVersion(), Kinds: store.HandoverKinds()}
}
