package store

import (
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func accept(t *testing.T, db *DB, agency, month, state string) {
	t.Helper()
	if err := db.SetMonthStates(ctx, []wub.MonthReview{{Agency: agency, Month: month, State: state,
		Code: "ABCD-1234", DecidedBy: "ekonomi", DecidedAt: "2022-07-03T02:00:00Z"}}); err != nil {
		t.Fatal(err)
	}
}

func wantLocked(t *testing.T, what string, err error, month string) {
	t.Helper()
	if wub.ErrorCode(err) != "month_locked" {
		t.Fatalf("%s: err = %v, want month_locked", what, err)
	}
	if !strings.Contains(err.Error(), month) || !strings.Contains(err.Error(), "minta buka kembali") {
		t.Fatalf("%s: message %q does not name %s and offer minta buka kembali", what, err, month)
	}
}

// TestAcceptedMonthIsLocked: once the hub has accepted June 2022 for
// Disperindag, every change that would alter its figures is refused with a
// message naming the month, whatever store method makes it; corrections
// that do not alter figures go through; a reopened month is free again.
func TestAcceptedMonthIsLocked(t *testing.T) {
	db := openTest(t)
	s := siti() // Disperindag 2022, trained 10 June 2022: counted in June
	if _, err := db.CreateTrainee(ctx, s); err != nil {
		t.Fatal(err)
	}
	accept(t, db, wub.DISPERINDAG, "2022-06", wub.MonthAccepted)

	// A phone number and the name alter no figure.
	got, _ := db.Trainee(ctx, s.ID)
	got.Phone, got.Name = "081299990000", "Siti Aminah Rahayu"
	if _, err := db.UpdateTrainee(ctx, got); err != nil {
		t.Fatalf("phone correction refused: %v", err)
	}

	cases := []struct {
		name string
		edit func(tr *wub.Trainee)
	}{
		{"status", func(tr *wub.Trainee) { tr.Enrolments[0].Status = wub.StatusDropped }},
		{"completion date out of the month", func(tr *wub.Trainee) {
			tr.Enrolments[0].CompletedOn = time.Date(2022, 8, 1, 0, 0, 0, 0, time.UTC)
		}},
		{"sex", func(tr *wub.Trainee) { tr.Sex = "L" }},
		{"enrolment removed", func(tr *wub.Trainee) { tr.Enrolments = nil }},
	}
	for _, c := range cases {
		tr, _ := db.Trainee(ctx, s.ID)
		c.edit(tr)
		_, err := db.UpdateTrainee(ctx, tr)
		wantLocked(t, c.name, err, "Juni 2022")
	}
	wantLocked(t, "delete", db.DeleteTrainee(ctx, s.ID), "Juni 2022")

	// An import adding someone counted in May (inside the accepted
	// year-to-date figures) is refused whole.
	mk := func(nik string, done time.Time) *wub.Trainee {
		tr := &wub.Trainee{NIK: nik, Name: "Ahmad", Sex: "L", Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG,
			Year: 2022, Status: wub.StatusTrained, EnrolledOn: done.AddDate(0, 0, -10), CompletedOn: done}}}
		tr.Normalize()
		return tr
	}
	err := db.Bulk(ctx, func(b *Bulk) error {
		return b.Insert(mk("3528041203900002", time.Date(2022, 5, 20, 0, 0, 0, 0, time.UTC)))
	})
	wantLocked(t, "import into May", err, "Juni 2022")
	// July is not locked; nor is another agency's June.
	if err := db.Bulk(ctx, func(b *Bulk) error {
		return b.Insert(mk("3528041203900003", time.Date(2022, 7, 20, 0, 0, 0, 0, time.UTC)))
	}); err != nil {
		t.Fatalf("July refused: %v", err)
	}
	other := mk("3528041203900004", time.Date(2022, 6, 20, 0, 0, 0, 0, time.UTC))
	other.Enrolments[0].AgencyCode = wub.DKPP
	if err := db.Bulk(ctx, func(b *Bulk) error { return b.Insert(other) }); err != nil {
		t.Fatalf("DKPP June refused: %v", err)
	}
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatal(err)
	}

	// Reopened: the change goes through.
	accept(t, db, wub.DISPERINDAG, "2022-06", wub.MonthReopened)
	tr, _ := db.Trainee(ctx, s.ID)
	tr.Enrolments[0].Status = wub.StatusDropped
	if _, err := db.UpdateTrainee(ctx, tr); err != nil {
		t.Fatalf("reopened month still locked: %v", err)
	}
	if n := countRows(t, db, `SELECT count(*) FROM audit WHERE entity = 'month_state'`); n != 2 {
		t.Fatalf("%d audit rows of month states, want 2", n)
	}
}

// TestMonthQueue: a newer send of a month replaces the waiting one; a
// delivery records the hub's state.
func TestMonthQueue(t *testing.T) {
	db := openTest(t)
	if _, err := db.QueueMonth(ctx, OutboxSend, "DKPP", "2024-05", "AAAA-0001", []byte(`{"month":"2024-05"}`)); err != nil {
		t.Fatal(err)
	}
	id, err := db.QueueMonth(ctx, OutboxSend, "DKPP", "2024-05", "AAAA-0002", []byte(`{"month":"2024-05"}`))
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.WaitingMonths(ctx)
	if err != nil || len(w) != 1 || w[0].Code != "AAAA-0002" {
		t.Fatalf("waiting = %+v, %v", w, err)
	}
	rs, _ := db.MonthReviews(ctx, "DKPP")
	if len(rs) != 1 || !rs[0].Waiting || rs[0].State != "" {
		t.Fatalf("reviews = %+v", rs)
	}
	if err := db.MonthFailed(ctx, id, "hub tidak menjawab", false); err != nil {
		t.Fatal(err)
	}
	if r, _ := db.MonthReview(ctx, "DKPP", "2024-05"); r.LastError != "hub tidak menjawab" {
		t.Fatalf("last error = %q", r.LastError)
	}
	if err := db.MonthDelivered(ctx, id, wub.MonthReview{Agency: "DKPP", Month: "2024-05", State: wub.MonthSent, Code: "AAAA-0002"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.WaitingMonthCount(ctx); n != 0 {
		t.Fatalf("%d still waiting", n)
	}
	r, _ := db.MonthReview(ctx, "DKPP", "2024-05")
	if r.Waiting || r.State != wub.MonthSent || r.Code != "AAAA-0002" {
		t.Fatalf("review = %+v", r)
	}
}
