package app_test

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/hub"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// office is one office's register enrolled with the test hub.
func office(t *testing.T, h *hubtest.Hub, agency string) (*app.App, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "wub.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Actor = "operator"
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: agency, HeadName: "Kepala"}); err != nil {
		t.Fatal(err)
	}
	a := app.New(db)
	if _, err := a.Enrol(ctx, h.URL, h.AddOffice(t, agency), h.Fingerprint); err != nil {
		t.Fatal(err)
	}
	return a, db
}

func day(s string) time.Time { return wub.ParseISODate(s) }

func person(nik, name string, status string, done string) *wub.Trainee {
	tr := &wub.Trainee{NIK: nik, Name: name, Sex: "P", Phone: "081234567890",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: status,
			EnrolledOn: day("2024-04-02"), CompletedOn: day(done)}}}
	if status == wub.StatusRegistered {
		tr.Enrolments[0].CompletedOn = time.Time{}
	}
	return tr
}

func push(t *testing.T, a *app.App, wantSent int) app.PushResult {
	t.Helper()
	r, err := a.PushMonths(ctx)
	if err != nil || r.Err != nil || r.Sent != wantSent {
		t.Fatalf("push: %+v, %v", r, err)
	}
	return r
}

func stateOf(t *testing.T, a *app.App, month time.Time) wub.MonthReview {
	t.Helper()
	if err := a.RefreshMonths(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := a.MonthReviewOf(ctx, wub.DISPERINDAG, month)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestMonthReviewRoundTrip walks one month through the whole review
// against a real hub on a real PostgreSQL: send → return (with its note in
// the office) → fix → send → accept → an edit refused → reopen (asked by
// the office, decided by the admin) → edit → send → accept; the hub's
// report and reported figures follow.
func TestMonthReviewRoundTrip(t *testing.T) {
	h := hubtest.Start(t)
	a, db := office(t, h, wub.DISPERINDAG)
	may := day("2024-05-01")
	siti := person("3528045203950001", "Siti Aminah", wub.StatusTrained, "2024-05-10")
	if _, err := db.CreateTrainee(ctx, siti); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateTrainee(ctx, person("3528045203950002", "Rina", wub.StatusRegistered, "")); err != nil {
		t.Fatal(err)
	}

	r, err := a.SendMonth(ctx, wub.DISPERINDAG, may, "")
	if err != nil || !r.Waiting {
		t.Fatalf("send: %+v, %v", r, err)
	}
	push(t, a, 1)
	if r = stateOf(t, a, may); r.State != wub.MonthSent || r.Code == "" || r.Waiting {
		t.Fatalf("after push: %+v", r)
	}
	if len(r.Code) != 9 || r.Code[4] != '-' {
		t.Fatalf("verification code %q", r.Code)
	}
	d, err := h.Hub.MonthDetail(ctx, wub.DISPERINDAG, "2024-05")
	if err != nil || d.Figures.People != 2 || d.Figures.Enrolments != 2 || d.Figures.Trained != 1 || d.Figures.InMonth != 1 {
		t.Fatalf("detail: %+v, %v", d, err)
	}

	// A return needs a note; with it, the office sees the note.
	if _, err := h.Hub.Review(ctx, "ekonomi", hubapi.ReviewRequest{Agency: wub.DISPERINDAG, Month: "2024-05"}); err == nil {
		t.Fatal("return without a note accepted")
	}
	if _, err := h.Hub.Review(ctx, "ekonomi", hubapi.ReviewRequest{Agency: wub.DISPERINDAG, Month: "2024-05",
		Note: "Rina belum punya tanggal selesai"}); err != nil {
		t.Fatal(err)
	}
	if r = stateOf(t, a, may); r.State != wub.MonthReturned || r.Note != "Rina belum punya tanggal selesai" || r.DecidedBy != "ekonomi" {
		t.Fatalf("returned: %+v", r)
	}

	// Fix (not locked) and send again; accept.
	rina, _ := db.TraineeByNIK(ctx, "3528045203950002")
	rina.Enrolments[0].Status, rina.Enrolments[0].CompletedOn = wub.StatusTrained, day("2024-05-20")
	if _, err := db.UpdateTrainee(ctx, rina); err != nil {
		t.Fatalf("fix of a returned month: %v", err)
	}
	if _, err := a.SendMonth(ctx, wub.DISPERINDAG, may, ""); err != nil {
		t.Fatal(err)
	}
	push(t, a, 1)
	if _, err := h.Hub.Review(ctx, "ekonomi", hubapi.ReviewRequest{Agency: wub.DISPERINDAG, Month: "2024-05", Accept: true}); err != nil {
		t.Fatal(err)
	}
	if r = stateOf(t, a, may); !r.Locked() {
		t.Fatalf("accepted: %+v", r)
	}
	if _, err := a.SendMonth(ctx, wub.DISPERINDAG, may, ""); wub.ErrorCode(err) != "send_accepted_already" {
		t.Fatalf("accepted month sent again: %v", err)
	}

	// Locked: the status is refused, the phone number is not.
	rina, _ = db.TraineeByNIK(ctx, "3528045203950002")
	rina.Enrolments[0].Status = wub.StatusDropped
	if _, err := db.UpdateTrainee(ctx, rina); wub.ErrorCode(err) != "month_locked" {
		t.Fatalf("edit of an accepted month: %v", err)
	}
	rina, _ = db.TraineeByNIK(ctx, "3528045203950002")
	rina.Phone = "081200001111"
	if _, err := db.UpdateTrainee(ctx, rina); err != nil {
		t.Fatalf("phone correction: %v", err)
	}

	// The reported figure comes from the accepted snapshot.
	f, err := h.Hub.Figures(ctx, "2024-05")
	if err != nil || f.Reported.People != 2 || f.Reported.TrainedPeople != 2 {
		t.Fatalf("figures: %+v, %v", f, err)
	}
	rep := h.Report(t)
	if len(rep.Months) != 1 || rep.Months[0].State != hubapi.MonthAccepted || rep.Months[0].Agency != wub.DISPERINDAG {
		t.Fatalf("report months: %+v", rep.Months)
	}

	// The office asks to reopen; the admin reopens with a reason.
	if err := a.AskReopen(ctx, wub.DISPERINDAG, may, "Rina keluar, bukan lulus"); err != nil {
		t.Fatal(err)
	}
	push(t, a, 1)
	if d, _ = h.Hub.MonthDetail(ctx, wub.DISPERINDAG, "2024-05"); d.ReopenAsk != "Rina keluar, bukan lulus" {
		t.Fatalf("reopen ask on the hub: %q", d.ReopenAsk)
	}
	if _, err := h.Hub.Reopen(ctx, "admin", hubapi.ReopenRequest{Agency: wub.DISPERINDAG, Month: "2024-05"}); err == nil {
		t.Fatal("reopen without a reason")
	}
	if _, err := h.Hub.Reopen(ctx, "admin", hubapi.ReopenRequest{Agency: wub.DISPERINDAG, Month: "2024-05", Reason: "permintaan dinas"}); err != nil {
		t.Fatal(err)
	}
	if r = stateOf(t, a, may); r.State != wub.MonthReopened || r.Locked() {
		t.Fatalf("reopened: %+v", r)
	}
	rina, _ = db.TraineeByNIK(ctx, "3528045203950002")
	rina.Enrolments[0].Status = wub.StatusDropped
	if _, err := db.UpdateTrainee(ctx, rina); err != nil {
		t.Fatalf("edit of a reopened month: %v", err)
	}
	// Until accepted again the reported figure stays the accepted one.
	if f, _ = h.Hub.Figures(ctx, "2024-05"); f.Reported.TrainedPeople != 2 {
		t.Fatalf("reported figure moved: %+v", f.Reported)
	}
	if _, err := a.SendMonth(ctx, wub.DISPERINDAG, may, ""); err != nil {
		t.Fatal(err)
	}
	push(t, a, 1)
	if _, err := h.Hub.Review(ctx, "ekonomi", hubapi.ReviewRequest{Agency: wub.DISPERINDAG, Month: "2024-05", Accept: true}); err != nil {
		t.Fatal(err)
	}
	if r = stateOf(t, a, may); !r.Locked() {
		t.Fatalf("accepted again: %+v", r)
	}
	if f, _ = h.Hub.Figures(ctx, "2024-05"); f.Reported.TrainedPeople != 1 {
		t.Fatalf("reported figure after the second acceptance: %+v", f.Reported)
	}
	if d, _ = h.Hub.MonthDetail(ctx, wub.DISPERINDAG, "2024-05"); len(d.History) != 8 {
		t.Fatalf("history: %+v", d.History)
	}
}

// TestConcurrentReviewers: two reviewers decide the same month at once;
// one decision wins, the other gets a clear conflict naming who decided.
func TestConcurrentReviewers(t *testing.T) {
	h := hubtest.Start(t)
	a, db := office(t, h, wub.DISPERINDAG)
	may := day("2024-05-01")
	if _, err := db.CreateTrainee(ctx, person("3528045203950001", "Siti", wub.StatusTrained, "2024-05-10")); err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 5; round++ {
		if _, err := a.SendMonth(ctx, wub.DISPERINDAG, may, ""); err != nil {
			t.Fatal(err)
		}
		push(t, a, 1)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, req := range []hubapi.ReviewRequest{
			{Agency: wub.DISPERINDAG, Month: "2024-05", Note: "kurang lengkap"},
			{Agency: wub.DISPERINDAG, Month: "2024-05", Note: "dikembalikan juga"},
		} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = h.Hub.Review(ctx, []string{"ani", "budi"}[i], req)
			}()
		}
		wg.Wait()
		var won, lost int
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case hubCode(err) == "review_conflict":
				lost++
			default:
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if won != 1 || lost != 1 {
			t.Fatalf("round %d: %d won, %d lost (%v)", round, won, lost, errs)
		}
		var events int
		h.Hub.Pool.QueryRow(ctx, `SELECT count(*) FROM month_event WHERE state = 'returned'`).Scan(&events)
		if events != round+1 {
			t.Fatalf("round %d: %d return events", round, events)
		}
	}
}

// TestMonthSentOffline: a month sent while the hub is down stays queued
// (the office keeps working) and goes with a later push.
func TestMonthSentOffline(t *testing.T) {
	h := hubtest.Start(t)
	a, db := office(t, h, wub.DISPERINDAG)
	may := day("2024-05-01")
	if _, err := db.CreateTrainee(ctx, person("3528045203950001", "Siti", wub.StatusTrained, "2024-05-10")); err != nil {
		t.Fatal(err)
	}
	h.StopServer()
	if _, err := a.SendMonth(ctx, wub.DISPERINDAG, may, ""); err != nil {
		t.Fatal(err)
	}
	r, err := a.PushMonths(ctx)
	if err != nil || r.Err == nil || r.Sent != 0 || r.Pending != 1 {
		t.Fatalf("offline push: %+v, %v", r, err)
	}
	mr, _ := a.MonthReviewOf(ctx, wub.DISPERINDAG, may)
	if !mr.Waiting || mr.LastError == "" {
		t.Fatalf("offline state: %+v", mr)
	}
	h.StartServer(t)
	// The next sync round (issue 21) takes the queued month along.
	if _, err := a.Sync(ctx, app.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	if mr, _ = a.MonthReviewOf(ctx, wub.DISPERINDAG, may); mr.State != wub.MonthSent || mr.Waiting {
		t.Fatalf("after the hub came back: %+v", mr)
	}
	// The round also brings the decision back, and with it the lock.
	if _, err := h.Hub.Review(ctx, "ekonomi", hubapi.ReviewRequest{Agency: wub.DISPERINDAG, Month: "2024-05", Accept: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Sync(ctx, app.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	if mr, _ = a.MonthReviewOf(ctx, wub.DISPERINDAG, may); !mr.Locked() {
		t.Fatalf("after the round: %+v", mr)
	}
	siti, _ := db.TraineeByNIK(ctx, "3528045203950001")
	siti.Sex = "L"
	if _, err := db.UpdateTrainee(ctx, siti); wub.ErrorCode(err) != "month_locked" {
		t.Fatalf("edit after the round's acceptance: %v", err)
	}
}

func hubCode(err error) string {
	var he *hub.Error
	if errors.As(err, &he) {
		return he.Code
	}
	return ""
}
