package store

import (
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// roundSeed is a small database whose contract round for Diskop UKM 2023
// was worked out by hand (see the comments next to each fact).
type roundSeed struct {
	db              *DB
	ahmad, badriyah *wub.Facilitator
	lastA           *wub.Contract
}

func seedRound(t *testing.T) roundSeed {
	db := openTest(t)
	db.Now = func() time.Time { return time.Date(2023, 1, 20, 8, 0, 0, 0, time.UTC) }
	a := addFacilitator(t, db, 1, "Ahmad")
	b := addFacilitator(t, db, 2, "Badriyah")
	c := addFacilitator(t, db, 3, "Chairul")
	dw := addFacilitator(t, db, 4, "Dewi")
	lastA := addContract(t, db, a.ID, wub.DISKOPUKM, 2022, day(2022, 1, 1), day(2022, 12, 31), 10, "A/2022")
	addContract(t, db, b.ID, wub.DISKOPUKM, 2022, day(2022, 7, 1), day(2022, 12, 31), 5, "B/2022")
	addContract(t, db, c.ID, wub.DISPERINDAG, 2022, day(2022, 1, 1), day(2022, 12, 31), 8, "") // other agency
	addContract(t, db, dw.ID, wub.DISKOPUKM, 2021, day(2021, 1, 1), day(2021, 12, 31), 8, "")  // other year

	tr := addTrainees(t, db, 0, 10) // t0 .. t9
	batch := func(agency string, year int, name string, facs []int64, lulus, dropped, registered []int64) *wub.Batch {
		bt := addBatch(t, db, agency, year, name)
		if err := db.SetBatchFacilitators(ctx, bt.ID, facs); err != nil {
			t.Fatal(err)
		}
		all := append(append(append([]int64{}, lulus...), dropped...), registered...)
		if len(all) > 0 {
			if _, err := db.EnrolInBatch(ctx, bt.ID, all, day(year, 3, 1)); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.SetBatchCompletion(ctx, bt.ID, lulus, wub.StatusTrained, day(year, 3, 5)); err != nil {
			t.Fatal(err)
		}
		if err := db.SetBatchCompletion(ctx, bt.ID, dropped, wub.StatusDropped, time.Time{}); err != nil {
			t.Fatal(err)
		}
		return bt
	}
	// B1 (Ahmad, Badriyah): t1 t2 t3 lulus, t4 dropped.
	batch(wub.DISKOPUKM, 2022, "B1", []int64{a.ID, b.ID}, tr[1:4], tr[4:5], nil)
	// B2 (Ahmad): t5 t6 lulus, t7 registered; t6 is deleted later.
	batch(wub.DISKOPUKM, 2022, "B2", []int64{a.ID}, tr[5:7], nil, tr[7:8])
	// B3 (Ahmad): empty and deleted: not a batch run.
	b3 := batch(wub.DISKOPUKM, 2022, "B3", []int64{a.ID}, nil, nil, nil)
	if err := db.DeleteBatch(ctx, b3.ID); err != nil {
		t.Fatal(err)
	}
	// B4 (Ahmad) is Disperindag's, B5 (Ahmad) is of 2021: neither counts.
	batch(wub.DISPERINDAG, 2022, "B4", []int64{a.ID}, tr[8:9], nil, nil)
	batch(wub.DISKOPUKM, 2021, "B5", []int64{a.ID}, tr[9:10], nil, nil)
	if err := db.DeleteTrainee(ctx, tr[6]); err != nil {
		t.Fatal(err)
	}
	// So: Ahmad ran 2 batches with 4 lulus (t1 t2 t3 t5); Badriyah 1 batch, 3 lulus.

	visit := func(f *wub.Facilitator, trainee int64, date time.Time, state string) *wub.Mentoring {
		m := &wub.Mentoring{FacilitatorID: f.ID, TraineeID: trainee, Date: date, BusinessState: state, Notes: "kunjungan"}
		if err := db.SaveMentoring(ctx, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	visit(a, tr[1], day(2022, 3, 1), wub.BusinessRunning)
	visit(a, tr[1], day(2022, 8, 1), wub.BusinessStopped)
	visit(a, tr[2], day(2022, 5, 1), wub.BusinessRunning)
	visit(a, tr[5], day(2022, 6, 1), wub.BusinessNotStarted)
	visit(a, tr[5], day(2022, 11, 1), wub.BusinessRunning)
	visit(b, tr[2], day(2022, 12, 1), wub.BusinessStopped) // t2's latest: stopped
	visit(b, tr[3], day(2022, 9, 1), wub.BusinessRunning)
	visit(a, tr[9], day(2021, 6, 1), wub.BusinessRunning) // 2021: not counted
	visit(a, tr[1], day(2023, 1, 5), wub.BusinessRunning) // 2023: not counted, nor its state
	del := visit(a, tr[3], day(2022, 10, 1), wub.BusinessRunning)
	if err := db.DeleteMentoring(ctx, del.ID); err != nil {
		t.Fatal(err)
	}
	// Ahmad: 5 visits to t1 t2 t5; running at the end of 2022: t5 only.
	// Badriyah: 2 visits to t2 t3; running: t3.

	report := func(f *wub.Facilitator, month string, sub time.Time) *wub.ActivityReport {
		r := &wub.ActivityReport{FacilitatorID: f.ID, Month: month, SubmittedOn: sub, Activities: "laporan"}
		if err := db.SaveActivityReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	report(a, "2022-01", day(2022, 2, 5))  // on time
	report(a, "2022-02", day(2022, 3, 10)) // on time: the 10th is the last day
	report(a, "2022-03", day(2022, 4, 11)) // late
	report(a, "2022-05", day(2022, 6, 1))  // on time
	report(a, "2022-12", day(2023, 1, 9))  // on time
	report(b, "2022-06", day(2022, 7, 1))  // before Badriyah's contract: ignored
	report(b, "2022-07", day(2022, 8, 10)) // on time
	report(b, "2022-08", day(2022, 9, 20)) // late
	gone := report(b, "2022-12", day(2023, 1, 3))
	if err := db.DeleteActivityReport(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	// Ahmad: 12 months, 4 on time, 1 late, 7 missing. Badriyah: 6, 1, 1, 4.
	return roundSeed{db: db, ahmad: a, badriyah: b, lastA: lastA}
}

func TestContractRoundFigures(t *testing.T) {
	s := seedRound(t)
	round, err := s.db.ContractRound(ctx, wub.DISKOPUKM, 2023)
	if err != nil {
		t.Fatal(err)
	}
	type figures struct {
		Name                               string
		Batches, Trained, Mentored, Target int
		Visits, Running                    int
		Reports                            wub.ReportTally
		LastSPK                            string
	}
	want := []figures{
		{"Ahmad", 2, 4, 3, 10, 5, 1, wub.ReportTally{Expected: 12, OnTime: 4, Late: 1, Missing: 7}, "A/2022"},
		{"Badriyah", 1, 3, 2, 5, 2, 1, wub.ReportTally{Expected: 6, OnTime: 1, Late: 1, Missing: 4}, "B/2022"},
	}
	if len(round.Rows) != len(want) {
		t.Fatalf("round has %d rows, want %d: %+v", len(round.Rows), len(want), round.Rows)
	}
	for i, r := range round.Rows {
		got := figures{r.Name, r.BatchesRun, r.TraineesTrained, r.TraineesMentored, r.Target, r.Visits, r.BusinessRunning,
			r.Reports, r.LastContract.SPKNumber}
		if got != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got, want[i])
		}
		if r.CurrentDecision() != wub.DecisionUndecided || r.NewContract != 0 {
			t.Errorf("%s: decision %q, new contract %d", r.Name, r.CurrentDecision(), r.NewContract)
		}
	}
	if p := wub.PercentText(round.Rows[0].BusinessRunning, round.Rows[0].TraineesMentored); p != "33%" {
		t.Errorf("Ahmad's running share = %s", p)
	}
	// Before the 10th of January the December report is not yet missing.
	s.db.Now = func() time.Time { return time.Date(2023, 1, 5, 8, 0, 0, 0, time.UTC) }
	round, _ = s.db.ContractRound(ctx, wub.DISKOPUKM, 2023)
	if got := round.Rows[1].Reports; got != (wub.ReportTally{Expected: 5, OnTime: 1, Late: 1, Missing: 3, Pending: 1}) {
		t.Errorf("Badriyah on 5 January: %+v", got)
	}
}

func TestContractRoundRenewSome(t *testing.T) {
	s := seedRound(t)
	db := s.db
	if _, err := db.CreateRenewedContracts(ctx, wub.DISKOPUKM, 2023); wub.ErrorCode(err) != "round_no_renewals" {
		t.Errorf("create with nothing decided: %v", err)
	}
	// The head renews everyone, then changes their mind about Badriyah.
	if err := db.RenewAll(ctx, wub.DISKOPUKM, 2023); err != nil {
		t.Fatal(err)
	}
	err := db.Decide(ctx, wub.DISKOPUKM, 2023, []wub.ContractDecision{
		{FacilitatorID: s.ahmad.ID, Decision: wub.DecisionRenew},
		{FacilitatorID: s.badriyah.ID, Decision: wub.DecisionNotRenew, Note: "laporan sering terlambat"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Decide(ctx, wub.DISKOPUKM, 2023, []wub.ContractDecision{{FacilitatorID: s.ahmad.ID, Decision: "ya"}}); wub.ErrorCode(err) != "decision_invalid" {
		t.Errorf("bad decision: %v", err)
	}
	other := addFacilitator(t, db, 9, "Zainal")
	if err := db.Decide(ctx, wub.DISKOPUKM, 2023, []wub.ContractDecision{{FacilitatorID: other.ID, Decision: wub.DecisionRenew}}); wub.ErrorCode(err) != "round_not_in_round" {
		t.Errorf("decision for someone outside the round: %v", err)
	}

	res, err := db.CreateRenewedContracts(ctx, wub.DISKOPUKM, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Created) != 1 || len(res.Existing) != 0 {
		t.Fatalf("created %+v", res)
	}
	cs, err := db.Contracts(ctx, ContractFilter{AgencyCode: wub.DISKOPUKM, Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 {
		t.Fatalf("2023 contracts: %+v", cs)
	}
	c := cs[0]
	if c.FacilitatorID != s.ahmad.ID || !c.StartDate.Equal(day(2023, 1, 1)) || !c.EndDate.Equal(day(2023, 12, 31)) ||
		c.TargetTrainees != 10 || c.Honorarium != s.lastA.Honorarium || c.KecCode != s.lastA.KecCode ||
		c.SPKNumber != "" || c.RenewedFrom != s.lastA.ID {
		t.Errorf("new contract = %+v", c)
	}

	// A second click creates nothing twice.
	res, err = db.CreateRenewedContracts(ctx, wub.DISKOPUKM, 2023)
	if err != nil || len(res.Created) != 0 || !equalStrings(res.Existing, []string{"Ahmad"}) {
		t.Errorf("second click: %+v, %v", res, err)
	}
	if cs, _ := db.Contracts(ctx, ContractFilter{AgencyCode: wub.DISKOPUKM, Year: 2023}); len(cs) != 1 {
		t.Errorf("after the second click: %d contracts", len(cs))
	}

	// Last year's decisions stay on record.
	round, _ := db.ContractRound(ctx, wub.DISKOPUKM, 2023)
	if round.Rows[0].NewContract == 0 || round.Rows[1].NewContract != 0 ||
		round.Rows[1].CurrentDecision() != wub.DecisionNotRenew || round.Rows[1].Decision.Note != "laporan sering terlambat" ||
		round.Rows[1].Decision.DecidedBy != "tester" {
		t.Errorf("round after creating: %+v", round.Rows)
	}
	if r, n, u := round.Counts(); r != 1 || n != 1 || u != 0 {
		t.Errorf("counts = %d %d %d", r, n, u)
	}
	hist, _ := db.DecisionHistory(ctx, wub.DISKOPUKM, 2023, s.badriyah.ID)
	if len(hist) != 2 || hist[0].Decision != wub.DecisionRenew || hist[1].Decision != wub.DecisionNotRenew {
		t.Errorf("Badriyah's decisions = %+v", hist)
	}
	hist, _ = db.DecisionHistory(ctx, wub.DISKOPUKM, 2023, s.ahmad.ID)
	if len(hist) != 1 {
		t.Errorf("Ahmad's unchanged decision was recorded %d times", len(hist))
	}
	// The next round (2024) starts from the 2023 contract.
	next, _ := db.ContractRound(ctx, wub.DISKOPUKM, 2024)
	if len(next.Rows) != 1 || next.Rows[0].Name != "Ahmad" || next.Rows[0].LastContract.ID != c.ID {
		t.Errorf("round 2024 = %+v", next.Rows)
	}
}

func TestContractRoundAgencyGone(t *testing.T) {
	db := openTest(t)
	a := addFacilitator(t, db, 1, "Ahmad")
	addContract(t, db, a.ID, wub.DPMPTSP, 2022, day(2022, 1, 1), day(2022, 12, 31), 10, "")
	if err := db.RenewAll(ctx, wub.DPMPTSP, 2023); err != nil {
		t.Fatal(err)
	}
	// DPMPTSP left the program in 2023: no contract can be made, and none is.
	if _, err := db.CreateRenewedContracts(ctx, wub.DPMPTSP, 2023); wub.ErrorCode(err) != "agency_not_in_year" {
		t.Errorf("renew with DPMPTSP in 2023: %v", err)
	}
	if cs, _ := db.Contracts(ctx, ContractFilter{Year: 2023}); len(cs) != 0 {
		t.Errorf("contracts made: %+v", cs)
	}
}
