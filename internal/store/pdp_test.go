package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func tallySums(t *testing.T, db *DB) (int, int) {
	t.Helper()
	var e, p int
	db.r.QueryRow("SELECT coalesce(sum(n), 0) FROM enrolment_tally").Scan(&e)
	db.r.QueryRow("SELECT coalesce(sum(n), 0) FROM person_tally").Scan(&p)
	return e, p
}

func ahmad() *wub.Trainee {
	return &wub.Trainee{NIK: "3528041203900002", Name: "Ahmad Fauzi", Sex: "L", DesaCode: "35.28.02.2001",
		Phone: "081298765432", Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusTrained,
			EnrolledOn: time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC), CompletedOn: time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)}}}
}

// An erased person is gone from search, the person's report, the audit
// log, submissions and backups made after, while every tally and count
// stays (VerifyTallies), and the other person is untouched.
func TestErasePersonKeepsCounts(t *testing.T) {
	db := openTest(t)
	s, a := siti(), ahmad()
	s.Address, s.KK = "Jl. Melati 7", "3528040101950009"
	for _, p := range []*wub.Trainee{s, a} {
		if _, err := db.CreateTrainee(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	s.Phone = "081111111111"
	if _, err := db.CorrectTrainee(ctx, s, "permintaan yang bersangkutan"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CorrectTrainee(ctx, s, " "); wub.ErrorCode(err) != "pdp_reason_required" {
		t.Fatalf("no reason: %v", err)
	}
	cid, err := db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyExport, Path: "x.xlsx", Note: "Laporan"}, []string{s.NIK})
	if err != nil {
		t.Fatal(err)
	}
	e0, p0 := tallySums(t, db)
	before, _ := db.Dashboard(ctx, wub.DashboardQuery{Year: 2022})

	es, err := db.ErasePerson(ctx, s.NIK, wub.EraseOnRequest, "surat permohonan 1 Juni 2024")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Enrolments != 1 || es[0].Name != "Siti Aminah" || es[0].Pseudonym != wub.ErasedPseudonym(s.ID) {
		t.Fatalf("erasure: %+v", es)
	}
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatal(err)
	}
	if e1, p1 := tallySums(t, db); e1 != e0 || p1 != p0 {
		t.Fatalf("tallies %d/%d, were %d/%d", e1, p1, e0, p0)
	}
	after, _ := db.Dashboard(ctx, wub.DashboardQuery{Year: 2022})
	if fmt.Sprintf("%+v", before) != fmt.Sprintf("%+v", after) {
		t.Fatalf("dashboard changed:\n%v\n%v", before, after)
	}
	for _, q := range []string{"Siti", "3528045203950001", "0001"} {
		if rows, _ := db.SearchTrainees(ctx, wub.TraineeFilter{Text: q}, 0, 10); len(rows) != 0 {
			t.Errorf("search %q finds %+v", q, rows)
		}
	}
	if p, _ := db.PersonData(ctx, s.NIK); p != nil {
		t.Errorf("person data after erasure: %+v", p)
	}
	var leaks int
	db.r.QueryRow(`SELECT count(*) FROM audit WHERE old LIKE '%Siti%' OR new LIKE '%Siti%' OR old LIKE '%081111%' OR new LIKE '%5203950001%'`).Scan(&leaks)
	if leaks != 0 {
		t.Errorf("%d audit rows still hold the person", leaks)
	}
	var rows int
	err = db.SubmissionRows(ctx, wub.DISPERINDAG, 2022, time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC), func(t2 *wub.Trainee, e *wub.Enrolment) error {
		rows++
		if t2.NIK == s.NIK || strings.Contains(t2.Name, "Siti") || t2.Phone != "" || t2.Address != "" {
			t.Errorf("submission row holds the person: %+v", t2)
		}
		return nil
	})
	if err != nil || rows != 1 {
		t.Fatalf("submission rows %d, %v (the counted record stays)", rows, err)
	}
	// A backup made after holds nothing of her; Ahmad is whole.
	dest := filepath.Join(t.TempDir(), "after.db")
	if _, err := db.BackupTo(ctx, dest); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(dest)
	for _, x := range []string{"3528045203950001", "Siti Aminah", "Jl. Melati", "081111111111", "3528040101950009"} {
		if bytes.Contains(b, []byte(x)) {
			t.Errorf("backup after erasure holds %q", x)
		}
	}
	if !bytes.Contains(b, []byte("Ahmad Fauzi")) {
		t.Error("the other person is gone from the backup")
	}
	// The copy log keeps the fact of the copy, under the pseudonym.
	ps, err := db.PeopleInCopy(ctx, cid)
	if err != nil || len(ps) != 1 || !ps[0].Erased {
		t.Fatalf("people in copy: %+v %v", ps, err)
	}
	if _, err := db.ErasePerson(ctx, s.NIK, wub.EraseOnRequest, "lagi"); wub.ErrorCode(err) != "pdp_nik_unknown" {
		t.Fatalf("erase twice: %v", err)
	}
}

// The person's data holds the access rows, corrections and copies of that
// NIK and nothing of another person.
func TestPersonDataCopiesAndAccess(t *testing.T) {
	db := openTest(t)
	s, a := siti(), ahmad()
	db.CreateTrainee(ctx, s)
	db.CreateTrainee(ctx, a)
	db.AuditAccess(ctx, s.ID, wub.AccessViewNIK, "form", 1)
	db.AuditAccess(ctx, a.ID, wub.AccessViewNIK, "form", 1)
	db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyHandover, Path: "p.wubho", Encrypted: true, Lock: wub.LockRecipient}, []string{a.NIK})
	db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyExport, Path: "s.xlsx"}, []string{s.NIK})
	db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyBackup, Path: "b.db", Everyone: true}, nil)
	p, err := db.PersonData(ctx, s.NIK)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Copies) != 2 || p.Copies[0].Path != "s.xlsx" || !p.Copies[1].Everyone {
		t.Fatalf("copies: %+v", p.Copies)
	}
	var access int
	for _, e := range p.Records[0].Audit {
		if e.Entity == "access" {
			access++
		}
		if strings.Contains(e.New+e.Old, a.NIK) || strings.Contains(e.New+e.Old, "Ahmad") {
			t.Errorf("another person's row: %+v", e)
		}
	}
	if access != 1 {
		t.Errorf("%d access rows, want 1", access)
	}
	cs, _ := db.Copies(ctx, 0)
	if len(cs) != 3 || cs[0].People != 2 {
		t.Errorf("copy log: %+v", cs)
	}
}

func TestRetentionDue(t *testing.T) {
	db := openTest(t)
	db.CreateTrainee(ctx, siti())  // last 2022-06-10
	db.CreateTrainee(ctx, ahmad()) // last 2023-03-01
	today := time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
	due, err := db.RetentionDue(ctx, 5, today)
	if err != nil || len(due) != 1 || due[0].Name != "Siti Aminah" || wub.ISO(due[0].Due) != "2027-06-10" {
		t.Fatalf("%+v %v", due, err)
	}
	if due, _ := db.RetentionDue(ctx, 10, today); len(due) != 0 {
		t.Fatalf("10 years: %+v", due)
	}
}

func TestBreachLog(t *testing.T) {
	db := openTest(t)
	if _, err := db.AddBreach(ctx, wub.Breach{}); wub.ErrorCode(err) != "pdp_breach_what" {
		t.Fatal(err)
	}
	id, err := db.AddBreach(ctx, wub.Breach{FoundOn: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), What: "flashdisk hilang"})
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := db.Breaches(ctx)
	if len(bs) != 1 || bs[0].ID != id || bs[0].What != "flashdisk hilang" {
		t.Fatalf("%+v", bs)
	}
}
