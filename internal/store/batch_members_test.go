package store

import (
	"fmt"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// addTrainees registers n people (no enrolments) and returns their IDs.
func addTrainees(t testing.TB, db *DB, from, n int) []int64 {
	t.Helper()
	var ids []int64
	for i := from; i < from+n; i++ {
		tr := &wub.Trainee{NIK: fmt.Sprintf("352805%02d0798%04d", 41+i%28, 1+i), Name: fmt.Sprintf("Peserta %03d", i), Sex: "P"}
		if _, err := db.CreateTrainee(ctx, tr); err != nil {
			t.Fatalf("trainee %d: %v", i, err)
		}
		ids = append(ids, tr.ID)
	}
	return ids
}

func addBatch(t testing.TB, db *DB, agency string, year int, name string) *wub.Batch {
	t.Helper()
	b := &wub.Batch{AgencyCode: agency, Year: year, Name: name, TrainingType: "Batik tulis",
		StartDate: day(year, 3, 1), EndDate: day(year, 3, 5), DesaCode: "35.28.04.1001"}
	if err := db.CreateBatch(ctx, b); err != nil {
		t.Fatalf("batch %s: %v", name, err)
	}
	return b
}

func memberNames(t testing.TB, db *DB, batchID int64) []string {
	t.Helper()
	ms, err := db.BatchMembers(ctx, batchID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}

func TestBatchMembership(t *testing.T) {
	db := openTest(t)
	ids := addTrainees(t, db, 0, 5)
	b1 := addBatch(t, db, wub.DISPERINDAG, 2024, "Angkatan 1")
	b2 := addBatch(t, db, wub.DISPERINDAG, 2024, "Angkatan 2")
	other := addBatch(t, db, wub.DKP, 2024, "Angkatan 1")

	// Peserta 003 is already enrolled with Disperindag 2024 without a batch.
	t3, _ := db.Trainee(ctx, ids[3])
	t3.Enrolments = []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusRegistered}}
	if _, err := db.UpdateTrainee(ctx, t3); err != nil {
		t.Fatal(err)
	}
	res, err := db.EnrolInBatch(ctx, b1.ID, []int64{ids[0], ids[1], ids[2], ids[3]}, day(2024, 2, 20))
	if err != nil {
		t.Fatal(err)
	}
	if res != (wub.EnrolResult{Added: 4}) {
		t.Errorf("first enrol = %+v", res)
	}
	// Enrolling Peserta 001 into batch 2 moves them; 004 is new; 002 twice is counted once.
	res, err = db.EnrolInBatch(ctx, b2.ID, []int64{ids[1], ids[4]}, day(2024, 2, 21))
	if err != nil {
		t.Fatal(err)
	}
	if res != (wub.EnrolResult{Added: 1, Moved: 1}) {
		t.Errorf("second enrol = %+v", res)
	}
	if res, _ := db.EnrolInBatch(ctx, b2.ID, []int64{ids[1]}, day(2024, 2, 21)); res != (wub.EnrolResult{Already: 1}) {
		t.Errorf("enrol again = %+v", res)
	}
	if got := memberNames(t, db, b1.ID); !equalStrings(got, []string{"Peserta 000", "Peserta 002", "Peserta 003"}) {
		t.Errorf("batch 1 = %v", got)
	}
	// Still one enrolment per person, agency and year.
	tr, _ := db.Trainee(ctx, ids[3])
	if len(tr.Enrolments) != 1 || tr.Enrolments[0].BatchID != b1.ID || tr.Enrolments[0].BatchName != "Angkatan 1" {
		t.Errorf("Peserta 003 enrolments = %+v", tr.Enrolments)
	}

	// Moving to another agency's batch is refused; moving a non-member too.
	if err := db.MoveBatchMembers(ctx, b1.ID, other.ID, []int64{ids[0]}, day(2024, 3, 1), ""); wub.ErrorCode(err) != "batch_move_other_year" {
		t.Errorf("move to DKP: %v", err)
	}
	if err := db.MoveBatchMembers(ctx, b1.ID, b2.ID, []int64{ids[4]}, day(2024, 3, 1), ""); wub.ErrorCode(err) != "batch_not_member" {
		t.Errorf("move a non-member: %v", err)
	}
	if err := db.MoveBatchMembers(ctx, b1.ID, b2.ID, []int64{ids[0]}, day(2024, 3, 1), "jadwal bentrok"); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveFromBatch(ctx, b1.ID, []int64{ids[2]}, day(2024, 3, 2), "sakit"); err != nil {
		t.Fatal(err)
	}
	if got := memberNames(t, db, b1.ID); !equalStrings(got, []string{"Peserta 003"}) {
		t.Errorf("batch 1 after move and remove = %v", got)
	}
	tr, _ = db.Trainee(ctx, ids[2])
	if len(tr.Enrolments) != 1 || tr.Enrolments[0].BatchID != 0 {
		t.Errorf("removed trainee keeps the enrolment without a batch: %+v", tr.Enrolments)
	}

	hist, err := db.BatchHistory(ctx, b1.ID)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, h := range hist {
		lines = append(lines, fmt.Sprintf("%s %s %s>%s %s %s", h.TraineeName, h.Action, h.FromBatch, h.ToBatch, wub.ISO(h.Date), h.Reason))
	}
	want := []string{
		"Peserta 000 enrol >Angkatan 1 2024-02-20 ",
		"Peserta 001 enrol >Angkatan 1 2024-02-20 ",
		"Peserta 002 enrol >Angkatan 1 2024-02-20 ",
		"Peserta 003 enrol >Angkatan 1 2024-02-20 ",
		"Peserta 001 move Angkatan 1>Angkatan 2 2024-02-21 ",
		"Peserta 000 move Angkatan 1>Angkatan 2 2024-03-01 jadwal bentrok",
		"Peserta 002 remove Angkatan 1> 2024-03-02 sakit",
	}
	if !equalStrings(lines, want) {
		t.Errorf("history:\n%v\nwant\n%v", lines, want)
	}

	// A batch with members cannot be deleted; an empty one can.
	if err := db.DeleteBatch(ctx, b1.ID); wub.ErrorCode(err) != "batch_has_members" {
		t.Errorf("delete with members: %v", err)
	}
	if err := db.DeleteBatch(ctx, other.ID); err != nil {
		t.Error(err)
	}
}

func TestBatchCompletionCounting(t *testing.T) {
	db := openTest(t)
	ids := addTrainees(t, db, 0, 6)
	b := addBatch(t, db, wub.DKP, 2024, "Angkatan 1")
	b2 := addBatch(t, db, wub.DKP, 2024, "Angkatan 2")
	if _, err := db.EnrolInBatch(ctx, b.ID, ids[:5], day(2024, 2, 20)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EnrolInBatch(ctx, b2.ID, ids[5:], day(2024, 2, 20)); err != nil {
		t.Fatal(err)
	}
	if err := db.SetBatchCompletion(ctx, b.ID, ids[:3], wub.StatusTrained, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetBatchCompletion(ctx, b.ID, ids[3:4], wub.StatusDropped, day(2024, 3, 3)); err != nil {
		t.Fatal(err)
	}
	if err := db.SetBatchCompletion(ctx, b.ID, ids[5:], wub.StatusTrained, day(2024, 3, 3)); wub.ErrorCode(err) != "batch_not_member" {
		t.Errorf("completion of another batch's trainee: %v", err)
	}
	if err := db.SetBatchCompletion(ctx, b.ID, ids[:1], "lulus", day(2024, 3, 3)); wub.ErrorCode(err) != "status_invalid" {
		t.Errorf("bad status: %v", err)
	}
	// One who completed is deleted: they no longer count.
	if err := db.DeleteTrainee(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	ms, err := db.BatchMembers(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	completed, dropped, registered := wub.BatchCompletion(ms)
	if completed != 2 || dropped != 1 || registered != 1 {
		t.Errorf("members: completed %d dropped %d registered %d", completed, dropped, registered)
	}
	for _, m := range ms {
		if m.Status == wub.StatusTrained && !m.CompletedOn.Equal(b.EndDate) {
			t.Errorf("%s completed on %s, want the batch end %s", m.Name, wub.ISO(m.CompletedOn), wub.ISO(b.EndDate))
		}
	}
	sums, err := db.BatchSummaries(ctx, wub.DKP, 2024, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 2 || sums[0].Name != "Angkatan 1" || sums[0].Members != 4 || sums[0].Completed != 2 || sums[0].Dropped != 1 ||
		sums[1].Members != 1 || sums[1].Completed != 0 {
		t.Errorf("summaries = %+v", sums)
	}
	// Completion is the trainee's status: the list shows it as lulus.
	n, err := db.CountTrainees(ctx, wub.TraineeFilter{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusTrained})
	if err != nil || n != 2 {
		t.Errorf("trainees lulus DKP 2024 = %d, %v", n, err)
	}
}

func TestBatchFacilitatorsAndUpdate(t *testing.T) {
	db := openTest(t)
	a := addFacilitator(t, db, 1, "Ahmad")
	c := addFacilitator(t, db, 2, "Chairul")
	b := addBatch(t, db, wub.DKP, 2024, "Angkatan 1")
	if err := db.SetBatchFacilitators(ctx, b.ID, []int64{c.ID, a.ID, a.ID}); err != nil {
		t.Fatal(err)
	}
	fs, _ := db.BatchFacilitators(ctx, b.ID)
	if len(fs) != 2 || fs[0].Name != "Ahmad" || fs[1].Name != "Chairul" {
		t.Errorf("facilitators = %+v", fs)
	}
	if err := db.SetBatchFacilitators(ctx, b.ID, []int64{c.ID}); err != nil {
		t.Fatal(err)
	}
	sums, _ := db.BatchSummaries(ctx, "", 0, "batik")
	if len(sums) != 1 || !equalStrings(sums[0].Facilitators, []string{"Chairul"}) {
		t.Errorf("summaries = %+v", sums)
	}
	if err := db.SetBatchFacilitators(ctx, b.ID, []int64{999}); wub.ErrorCode(err) != "not_found" {
		t.Errorf("unknown facilitator: %v", err)
	}

	b.Name, b.TrainingType = "Angkatan 1A", "Olahan ikan"
	if err := db.UpdateBatch(ctx, b); err != nil {
		t.Fatal(err)
	}
	addBatch(t, db, wub.DKP, 2024, "Angkatan 2")
	b.Name = "Angkatan 2"
	if err := db.UpdateBatch(ctx, b); wub.ErrorCode(err) != "batch_duplicate" {
		t.Errorf("rename onto another batch: %v", err)
	}
	ids := addTrainees(t, db, 0, 1)
	if _, err := db.EnrolInBatch(ctx, b.ID, ids, day(2024, 2, 1)); err != nil {
		t.Fatal(err)
	}
	b.Name, b.Year = "Angkatan 1A", 2023
	if err := db.UpdateBatch(ctx, b); wub.ErrorCode(err) != "batch_has_members" {
		t.Errorf("change the year of a batch with members: %v", err)
	}
	got, _ := db.Batch(ctx, b.ID)
	if got.Name != "Angkatan 1A" || got.Year != 2024 || got.TrainingType != "Olahan ikan" || got.KecCode != "35.28.04" {
		t.Errorf("batch = %+v", got)
	}
}
