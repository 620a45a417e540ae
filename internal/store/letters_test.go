package store

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func letterDate(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestLetterNumbersPerAgencyAndYearNeverReused(t *testing.T) {
	db := openTest(t)
	req := func(kind, key string, date time.Time) wub.LetterRequest {
		return wub.LetterRequest{Kind: kind, Key: key, Subject: "uji " + key, Date: date}
	}
	if _, err := db.IssueLetterNumbers(ctx, []wub.LetterRequest{req(wub.DocHandover, "a", letterDate(2024, 5, 1))}); wub.ErrorCode(err) != "letter_no_office" {
		t.Fatalf("without an office: %v", err)
	}
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DISKOPUKM}); err != nil {
		t.Fatal(err)
	}
	if is, err := db.SetLetterhead(ctx, wub.Letterhead{Classification: "500.3"}); err != nil || is.HasErrors() {
		t.Fatal(err, is)
	}
	got := func(reqs ...wub.LetterRequest) []string {
		t.Helper()
		ns, err := db.IssueLetterNumbers(ctx, reqs)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, len(ns))
		for i, n := range ns {
			out[i] = n.Number
		}
		return out
	}
	want := func(have []string, w ...string) {
		t.Helper()
		if strings.Join(have, " ") != strings.Join(w, " ") {
			t.Errorf("numbers %v, want %v", have, w)
		}
	}
	d := letterDate(2024, 5, 1)
	want(got(req(wub.DocHandover, "pkg1", d), req(wub.DocCertificate, "trainee:1:batch:1", d), req(wub.DocCertificate, "trainee:2:batch:1", d)),
		"500.3/1/DISKOPUKM/2024", "500.3/2/DISKOPUKM/2024", "500.3/3/DISKOPUKM/2024")
	// The same document again keeps its number; a new one takes the next.
	want(got(req(wub.DocCertificate, "trainee:2:batch:1", d), req(wub.DocCoverLetter, "sum", d)),
		"500.3/3/DISKOPUKM/2024", "500.3/4/DISKOPUKM/2024")
	// A new year starts at 1; the classification in force is used.
	if is, err := db.SetLetterhead(ctx, wub.Letterhead{Classification: "800"}); err != nil || is.HasErrors() {
		t.Fatal(err, is)
	}
	want(got(req(wub.DocPersonReport, "trainee:1:report:2025-01-02", letterDate(2025, 1, 2))), "800/1/DISKOPUKM/2025")
	// Another office in the same file (the database was handed over and
	// reconfigured) numbers under its own code: no clash with DISKOPUKM's.
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DPMPTSP}); err != nil {
		t.Fatal(err)
	}
	want(got(req(wub.DocHandover, "pkg1", d)), "800/1/DPMPTSP/2024")
	ns, err := db.LetterNumbers(ctx, 2024)
	if err != nil || len(ns) != 5 {
		t.Fatalf("register of 2024: %d numbers, %v", len(ns), err)
	}
	seen := map[string]bool{}
	for _, n := range ns {
		if seen[n.Number] {
			t.Errorf("number %s twice", n.Number)
		}
		seen[n.Number] = true
		if n.IssuedBy != "tester" || n.Subject == "" || n.Date.IsZero() {
			t.Errorf("register row %+v", n)
		}
	}
	// A number once given is never changed or deleted, even by SQL.
	if _, err := db.w.ExecContext(ctx, "DELETE FROM letter_number"); err == nil {
		t.Error("letter numbers could be deleted")
	}
	if _, err := db.w.ExecContext(ctx, "UPDATE letter_number SET seq = 99"); err == nil {
		t.Error("letter numbers could be changed")
	}
	// Every number is in the audit log.
	if n, _ := db.CountAudit(ctx, wub.AuditFilter{Entity: "letter_number"}); n != 6 {
		t.Errorf("%d audit rows for 6 numbers", n)
	}
}

func TestLetterNumbersTakeTheExportRight(t *testing.T) {
	db := openTest(t)
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DISKOPUKM}); err != nil {
		t.Fatal(err)
	}
	db.role = wub.RoleKepala // the head prints and signs; Kepala has no edit right
	if _, err := db.IssueLetterNumbers(ctx, []wub.LetterRequest{{Kind: wub.DocContractRound, Key: "k"}}); err != nil {
		t.Fatalf("the head cannot number a letter: %v", err)
	}
	if _, err := db.SetLetterhead(ctx, wub.Letterhead{Address: "x"}); wub.ErrorCode(err) != "role_denied" {
		t.Errorf("the head changed the letterhead (settings are the admin's): %v", err)
	}
}

func TestLetterheadSavedAndAuditedWithoutTheImage(t *testing.T) {
	db := openTest(t)
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 8, 8)))
	l := wub.Letterhead{Address: "Jl. Jokotole 1", Phone: "(0324) 1", Email: "a@b.go.id", Website: "b.go.id",
		HeadRank: "Pembina (IV/a)", Classification: "500", Emblem: img.Bytes(), EmblemName: "lambang.png"}
	if is, err := db.SetLetterhead(ctx, l); err != nil || is.HasErrors() {
		t.Fatal(err, is)
	}
	back, err := db.Letterhead(ctx)
	if err != nil || back.Address != l.Address || back.HeadRank != l.HeadRank || !bytes.Equal(back.Emblem, l.Emblem) {
		t.Fatalf("read back %+v, %v", back, err)
	}
	if is, _ := db.SetLetterhead(ctx, wub.Letterhead{Email: "salah"}); !is.HasErrors() {
		t.Error("a wrong e-mail was saved")
	}
	// Saving the same again writes no audit row; the row names the emblem by its file, not its bytes.
	db.SetLetterhead(ctx, l)
	es, err := db.ListAudit(ctx, wub.AuditFilter{Entity: "letterhead"}, 0, 10)
	if err != nil || len(es) != 1 {
		t.Fatalf("%d audit rows, %v", len(es), err)
	}
	if !strings.Contains(es[0].New, "lambang.png") || len(es[0].New) > 400 {
		t.Errorf("audit row %s", es[0].New)
	}
}

func TestPersonDataHoldsDeletedRecordsAndTheirHistory(t *testing.T) {
	db := openTest(t)
	if db.personDataMust(t, "3528045203950001") != nil {
		t.Fatal("an unknown NIK has data")
	}
	a := siti()
	if _, err := db.CreateTrainee(ctx, a); err != nil {
		t.Fatal(err)
	}
	a.Phone = "081299998888"
	if _, err := db.UpdateTrainee(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteTrainee(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	b := siti()
	b.Name = "Siti Aminah Baru"
	if _, err := db.CreateTrainee(ctx, b); err != nil {
		t.Fatal(err)
	}
	p := db.personDataMust(t, "3528 0452 0395 0001")
	if p == nil || len(p.Records) != 2 {
		t.Fatalf("person data %+v", p)
	}
	old := p.Records[0]
	if old.Trainee.DeletedAt.IsZero() || len(old.Trainee.Enrolments) != 1 {
		t.Errorf("the deleted record: %+v", old.Trainee)
	}
	var actions []string
	for _, e := range old.Audit {
		actions = append(actions, e.Entity+":"+e.Action)
	}
	if j := strings.Join(actions, " "); !strings.Contains(j, "trainee:insert") || !strings.Contains(j, "trainee:update") ||
		!strings.Contains(j, "trainee:delete") || !strings.Contains(j, "enrolment:insert") {
		t.Errorf("audit of the deleted record: %s", j)
	}
	if p.Records[1].Trainee.Name != "Siti Aminah Baru" || len(p.Records[1].Timeline) == 0 {
		t.Errorf("the live record: %+v", p.Records[1])
	}
}

func (db *DB) personDataMust(t *testing.T, nik string) *wub.PersonData {
	t.Helper()
	p, err := db.PersonData(ctx, nik)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
