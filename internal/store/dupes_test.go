package store

import (
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// twoRecords registers one person twice: Moh. Rofiq with Disperindag in
// 2021 and, a digit of the NIK mistyped, Mohammad Rofiq with Diskop UKM in
// 2023, both trained; plus his twin sister, who must never be paired.
func twoRecords(t *testing.T, db *DB) (a, b, twin *wub.Trainee) {
	t.Helper()
	birth := time.Date(1990, 3, 12, 0, 0, 0, 0, time.UTC)
	a = &wub.Trainee{NIK: "3528041203900002", Name: "Moh. Rofiq", Sex: "L", BirthDate: birth, DesaCode: "35.28.04.1001",
		Phone: "081234567890", Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2021, Status: wub.StatusTrained}}}
	b = &wub.Trainee{NIK: "3528041203900003", Name: "Mohammad Rofiq, S.Pd", Sex: "L", BirthDate: birth, DesaCode: "35.28.04.1001",
		KBLI: "C", Enrolments: []wub.Enrolment{{AgencyCode: wub.DISKOPUKM, Year: 2023, Status: wub.StatusTrained},
			{AgencyCode: wub.DISPERINDAG, Year: 2021, Status: wub.StatusRegistered}}}
	twin = &wub.Trainee{NIK: "3528045203900004", Name: "Siti Rofiqoh", Sex: "P", BirthDate: birth, DesaCode: "35.28.04.1001",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2022, Status: wub.StatusTrained}}}
	for _, p := range []*wub.Trainee{a, b, twin} {
		if _, err := db.CreateTrainee(ctx, p); err != nil {
			t.Fatal(p.Name, err)
		}
	}
	return a, b, twin
}

func countOnce(t *testing.T, db *DB) (people, enrolments int) {
	t.Helper()
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM person_first").Scan(&people); err != nil {
		t.Fatal(err)
	}
	if err := db.r.QueryRowContext(ctx, "SELECT coalesce(sum(n), 0) FROM enrolment_tally").Scan(&enrolments); err != nil {
		t.Fatal(err)
	}
	return people, enrolments
}

func TestLikelyDuplicatesMergeAndUndo(t *testing.T) {
	db := openTest(t)
	a, b, _ := twoRecords(t, db)
	pairs, err := db.LikelyDuplicates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 1 || pairs[0].A.ID != a.ID || pairs[0].B.ID != b.ID || pairs[0].Reason != wub.DupNIKOneDigit {
		t.Fatalf("pairs %+v", pairs)
	}
	if pairs[0].B.Agency != wub.DISKOPUKM || pairs[0].B.Year != 2023 {
		t.Fatalf("B should carry its latest enrolment: %+v", pairs[0].B)
	}
	people, enrolments := countOnce(t, db)
	if people != 3 || enrolments != 4 {
		t.Fatalf("before merge: %d people, %d enrolments", people, enrolments)
	}

	// Keep a's record, with b's NIK and KBLI.
	result := wub.MergeResult(a, b, map[string]bool{"nik": true, "kbli": true})
	id, err := db.MergeTrainees(ctx, a.ID, b.ID, result, wub.DupNIKOneDigit)
	if err != nil {
		t.Fatal(err)
	}
	people, enrolments = countOnce(t, db)
	if people != 2 || enrolments != 3 {
		t.Fatalf("after merge: %d people, %d enrolments; want 2 and 3 (the registered Disperindag 2021 row of b goes)", people, enrolments)
	}
	kept, err := db.Trainee(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.NIK != b.NIK || kept.KBLI != "C" || kept.Name != "Moh. Rofiq" || len(kept.Enrolments) != 2 {
		t.Fatalf("kept %+v", kept)
	}
	got := map[string]int{}
	for _, e := range kept.Enrolments {
		got[e.AgencyCode] = e.Year
		if e.Status != wub.StatusTrained {
			t.Fatalf("the trained enrolment should win the clash: %+v", e)
		}
	}
	if got[wub.DISPERINDAG] != 2021 || got[wub.DISKOPUKM] != 2023 {
		t.Fatalf("each enrolment keeps its agency and year: %v", got)
	}
	if ps, _ := db.LikelyDuplicates(ctx); len(ps) != 0 {
		t.Fatalf("merged pair still open: %+v", ps)
	}
	var n int
	db.r.QueryRowContext(ctx, "SELECT count(*) FROM audit WHERE entity='trainee_merge' AND new LIKE '%Mohammad Rofiq%' AND new LIKE '%Moh. Rofiq%'").Scan(&n)
	if n != 1 {
		t.Fatalf("the audit row must hold both records whole (%d rows)", n)
	}
	ms, err := db.Merges(ctx, 10)
	if err != nil || len(ms) != 1 || ms[0].ID != id {
		t.Fatalf("merges %+v %v", ms, err)
	}

	if err := db.UndoMerge(ctx, id); err != nil {
		t.Fatal(err)
	}
	people, enrolments = countOnce(t, db)
	if people != 3 || enrolments != 4 {
		t.Fatalf("after undo: %d people, %d enrolments", people, enrolments)
	}
	for _, want := range []*wub.Trainee{a, b} {
		back, err := db.Trainee(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if back.NIK != want.NIK || back.Name != want.Name || back.KBLI != want.KBLI || len(back.Enrolments) != len(want.Enrolments) {
			t.Fatalf("not restored: %+v, want %+v", back, want)
		}
	}
	if err := db.UndoMerge(ctx, id); err == nil {
		t.Fatal("undoing twice should be refused")
	}
	if ps, _ := db.LikelyDuplicates(ctx); len(ps) != 1 {
		t.Fatalf("the pair comes back after undo: %+v", ps)
	}
}

func TestDismissPairIsRemembered(t *testing.T) {
	db := openTest(t)
	a, b, _ := twoRecords(t, db)
	if err := db.DismissPair(ctx, b.ID, a.ID, "kakak beradik"); err != nil {
		t.Fatal(err)
	}
	if err := db.DismissPair(ctx, a.ID, b.ID, "again"); err != nil {
		t.Fatal(err)
	}
	if ps, _ := db.LikelyDuplicates(ctx); len(ps) != 0 {
		t.Fatalf("dismissed pair shown: %+v", ps)
	}
	// the form no longer warns when either record is edited
	ps, err := db.DuplicatesOf(ctx, wub.DupPersonOf(a))
	if err != nil || len(ps) != 0 {
		t.Fatalf("DuplicatesOf after dismissal %+v %v", ps, err)
	}
	if n, _ := db.OpenDuplicateCount(ctx); n != 0 {
		t.Fatalf("open %d", n)
	}
}

func TestDuplicatesOfWhileTyping(t *testing.T) {
	db := openTest(t)
	a, _, _ := twoRecords(t, db)
	typed := wub.DupPerson{NIK: "3528041203090002", Name: "M. Rofiq", Sex: "L", BirthDate: a.BirthDate}
	ps, err := db.DuplicatesOf(ctx, typed)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].B.ID != a.ID || ps[0].Reason != wub.DupNIKSwapped {
		t.Fatalf("pairs %+v", ps)
	}
	if ps, _ := db.DuplicatesOf(ctx, wub.DupPerson{NIK: "3528041203900099", Name: "Ahmad Fauzi", Sex: "L"}); len(ps) != 0 {
		t.Fatalf("someone else: %+v", ps)
	}
	rows := []wub.DupPerson{{NIK: "3528041203900092", Name: "Mohammad Rofiq", Sex: "L", BirthDate: a.BirthDate, Phone: "081234567890", Ref: 7}}
	ps, err = db.DuplicatesAmong(ctx, rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 || ps[0].A.Ref != 7 || ps[0].A.ID != 0 || ps[0].B.ID == 0 {
		t.Fatalf("import rows %+v", ps)
	}
}

func TestSearchFindsAnyRunOfNIKDigits(t *testing.T) {
	db := openTest(t)
	p := &wub.Trainee{NIK: "3528094102990010", Name: "Khotijah", Sex: "P", Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusRegistered}}}
	other := &wub.Trainee{NIK: "3528041203900002", Name: "Ahmad", Sex: "L"}
	for _, x := range []*wub.Trainee{p, other} {
		if _, err := db.CreateTrainee(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{"0941029", "0010", "2990", "3528094102990010", "352809", "35.28.09", "9410 2990"} {
		l, err := db.ListTrainees(ctx, wub.TraineeFilter{Text: q}, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Rows) != 1 || l.Rows[0].ID != p.ID {
			t.Fatalf("%q found %+v", q, l.Rows)
		}
		rows, err := db.SearchTrainees(ctx, wub.TraineeFilter{Text: q}, 0, 50)
		if err != nil || len(rows) != 1 {
			t.Fatalf("SearchTrainees %q: %+v %v", q, rows, err)
		}
	}
	if l, _ := db.ListTrainees(ctx, wub.TraineeFilter{Text: "3528"}, 0, 50); len(l.Rows) != 2 {
		t.Fatalf("3528 should find both: %+v", l.Rows)
	}
}

func TestDigitsIndexText(t *testing.T) {
	for in, want := range map[string]string{"3528": "", "35280": "280", "352804": "2804", "3528041": "041",
		"3528094102990010": "094102990010", "0941029": "", "3527011": "27011"} {
		if got := digitsIndexText(in); got != want {
			t.Errorf("digitsIndexText(%q) = %q, want %q", in, got, want)
		}
	}
}

// fillFixtureDupes writes what migration 0010 added: a dismissed pair and
// a merge (for the schema fixture of version 10 and later).
func fillFixtureDupes(t *testing.T, db *DB) {
	t.Helper()
	birth := time.Date(1991, 7, 9, 0, 0, 0, 0, time.UTC)
	a := &wub.Trainee{NIK: "3528050907910005", Name: "Abd. Rahman", Sex: "L", BirthDate: birth,
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DKPP, Year: 2022, Status: wub.StatusTrained}}}
	b := &wub.Trainee{NIK: "3528050907910050", Name: "Abdul Rahman", Sex: "L", BirthDate: birth,
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPORAPAR, Year: 2024, Status: wub.StatusRegistered}}}
	twin := &wub.Trainee{NIK: "3528050907910006", Name: "Abd. Rahim", Sex: "L", BirthDate: birth}
	for _, p := range []*wub.Trainee{a, b, twin} {
		if _, err := db.CreateTrainee(ctx, p); err != nil {
			t.Fatal(p.Name, err)
		}
	}
	if err := db.DismissPair(ctx, a.ID, twin.ID, "kembar"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MergeTrainees(ctx, a.ID, b.ID, wub.MergeResult(a, b, nil), wub.DupNIKOneDigit); err != nil {
		t.Fatal(err)
	}
}
