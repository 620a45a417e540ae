package officedoc

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

var ctx = context.Background()

func d(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }

func officeDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "kantor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2026, 1, 5, 2, 0, 0, 0, time.UTC) }
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DISKOPUKM, HeadName: "Dra. Siti", HeadNIP: "197001011995032001"}); err != nil {
		t.Fatal(err)
	}
	return db
}

// The decision list keeps its number while the decisions stand and takes a
// new one when a decision changes; an empty round takes none.
func TestContractRoundNumberFollowsTheDecisions(t *testing.T) {
	db := officeDB(t)
	if _, err := ContractRound(ctx, db, "", 2026, io.Discard); wub.ErrorCode(err) != "doc_no_round" {
		t.Fatalf("an empty round: %v", err)
	}
	f := &wub.Facilitator{NIK: "3528040101850001", Name: "Moh. Rofiq", Sex: "L", DesaCode: "35.28.04.1001", Expertise: "batik"}
	if _, err := db.CreateFacilitator(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateContract(ctx, &wub.Contract{FacilitatorID: f.ID, AgencyCode: wub.DISKOPUKM, Year: 2025,
		StartDate: d(2025, 1, 2), EndDate: d(2025, 12, 31), TargetTrainees: 40, Honorarium: 1500000, SPKNumber: "027/01/SPK/2025"}); err != nil {
		t.Fatal(err)
	}
	number := func() string {
		t.Helper()
		res, err := ContractRound(ctx, db, "", 2026, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		return res.Number()
	}
	first := number()
	if first != "1/DISKOPUKM/2026" || number() != first {
		t.Fatalf("numbers %q, %q", first, number())
	}
	if err := db.Decide(ctx, wub.DISKOPUKM, 2026, []wub.ContractDecision{{FacilitatorID: f.ID, Decision: wub.DecisionRenew}}); err != nil {
		t.Fatal(err)
	}
	if n := number(); n != "2/DISKOPUKM/2026" {
		t.Errorf("after a decision: %q", n)
	}
	if n, _ := db.LetterNumbers(ctx, 2026); len(n) != 2 {
		t.Errorf("register: %d numbers", len(n))
	}
}

// A cover letter is made only from a workbook that verifies, of this
// office and, when asked, of the month asked; a refused one takes no number.
func TestCoverLetterRefusesEditedAndForeignWorkbooks(t *testing.T) {
	db := officeDB(t)
	as, _ := db.Agencies(ctx)
	write := func(agency string) string {
		a, _ := as.ByCode(agency)
		path := filepath.Join(t.TempDir(), "WUB_"+agency+"_2025-12.xlsx")
		err := xlsx.WriteFile(path, func(w io.Writer) error {
			_, err := xlsx.WriteSubmission(w, xlsx.Submission{Agency: a, Month: d(2025, 12, 1), Now: db.Now()},
				func(emit func(*wub.Trainee, *wub.Enrolment) error) error { return nil })
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return path
	}
	own, other := write(wub.DISKOPUKM), write(wub.DISPERINDAG)
	if _, err := CoverLetter(ctx, db, xlsx.ReadSubmissionFile(other), time.Time{}, io.Discard); wub.ErrorCode(err) != "doc_workbook_agency" {
		t.Errorf("another office's workbook: %v", err)
	}
	if _, err := CoverLetter(ctx, db, xlsx.ReadSubmissionFile(own), d(2025, 11, 1), io.Discard); wub.ErrorCode(err) != "doc_workbook_period" {
		t.Errorf("the wrong month: %v", err)
	}
	b, _ := os.ReadFile(own)
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	os.WriteFile(edited, append(b[:len(b)-10:len(b)-10], bytes.Repeat([]byte{0}, 10)...), 0o644)
	if _, err := CoverLetter(ctx, db, xlsx.ReadSubmissionFile(edited), time.Time{}, io.Discard); err == nil {
		t.Error("a damaged workbook was accepted")
	}
	if n, _ := db.LetterNumbers(ctx, 2026); len(n) != 0 {
		t.Fatalf("refused letters took %d numbers", len(n))
	}
	var out bytes.Buffer
	res, err := CoverLetter(ctx, db, xlsx.ReadSubmissionFile(own), d(2025, 12, 1), &out)
	if err != nil || res.Number() != "1/DISKOPUKM/2026" || !bytes.HasPrefix(out.Bytes(), []byte("%PDF")) {
		t.Fatalf("cover letter: %v %q", err, res.Number())
	}
}
