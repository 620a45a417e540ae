package store

import (
	"database/sql"
	"fmt"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func jday(s string) time.Time { return wub.ParseISODate(s) }

// trainedSiti is a trainee who completed a Disperindag training on 10 April 2023.
func trainedSiti(t *testing.T, db *DB) *wub.Trainee {
	t.Helper()
	tr := siti()
	tr.Enrolments = []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2023, Status: wub.StatusTrained,
		EnrolledOn: jday("2023-03-01"), CompletedOn: jday("2023-04-10")}}
	tr.BusinessName = "Keripik Tette Bu Siti"
	if _, err := db.CreateTrainee(ctx, tr); err != nil {
		t.Fatal(err)
	}
	return tr
}

func mustBusiness(t *testing.T, db *DB, traineeID int64, started string) *wub.Business {
	t.Helper()
	b := &wub.Business{TraineeID: traineeID, Name: "Keripik Tette Bu Siti", KBLI: "C", DesaCode: "35.28.04.1001",
		StartedOn: jday(started), Turnover: wub.Turnover1to5, Workers: 2, Products: "keripik tette"}
	if _, err := db.SaveBusiness(ctx, b); err != nil {
		t.Fatal(err)
	}
	return b
}

func countRows(t *testing.T, db *DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.r.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStageDateBeforeTrainingIsRefused(t *testing.T) {
	db := openTest(t)
	tr := trainedSiti(t, db)
	untrained := siti()
	untrained.NIK, untrained.Name = "3528044506880003", "Nur Aini"
	untrained.Enrolments[0].Status = wub.StatusRegistered
	if _, err := db.CreateTrainee(ctx, untrained); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		trainee int64
		started string
		want    string
	}{
		{"before completion", tr.ID, "2023-04-09", "stage_before_training"},
		{"not trained", untrained.ID, "2023-05-01", "stage_not_trained"},
		{"future", tr.ID, "2024-07-01", "stage_date_future"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := &wub.Business{TraineeID: c.trainee, Name: "Usaha", StartedOn: jday(c.started)}
			_, err := db.SaveBusiness(ctx, b)
			if wub.ErrorCode(err) != c.want {
				t.Fatalf("err %v, want %s", err, c.want)
			}
			if n := countRows(t, db, "SELECT count(*) FROM business"); n != 0 {
				t.Fatalf("%d businesses saved", n)
			}
		})
	}
	// On the day of completion it is accepted and audited.
	b := mustBusiness(t, db, tr.ID, "2023-04-10")
	audit, _ := db.AuditFor(ctx, "business", b.ID)
	if len(audit) != 1 || audit[0].Actor != "tester" || b.RecordedBy != "tester" {
		t.Errorf("audit %+v recorded by %q", audit, b.RecordedBy)
	}
	// An edit that moves the start before the training is refused too.
	b.StartedOn = jday("2023-01-01")
	if _, err := db.SaveBusiness(ctx, b); wub.ErrorCode(err) != "stage_before_training" {
		t.Errorf("edit: %v", err)
	}
}

func TestRecordsNeedABusiness(t *testing.T) {
	db := openTest(t)
	trainedSiti(t, db)
	cases := []struct {
		name string
		add  func() error
	}{
		{"licence", func() error {
			_, err := db.AddLicence(ctx, &wub.Licence{BusinessID: 99, Kind: wub.LicenceNIB, Number: "1234567890123", IssuedOn: jday("2023-06-01")})
			return err
		}},
		{"channel", func() error {
			_, err := db.AddChannel(ctx, &wub.Channel{BusinessID: 99, Kind: wub.ChannelMarketplace, StartedOn: jday("2023-06-01")})
			return err
		}},
		{"capital", func() error {
			_, err := db.AddCapital(ctx, &wub.Capital{BusinessID: 99, Source: wub.CapitalKUR, Amount: 5_000_000, ReceivedOn: jday("2023-06-01")})
			return err
		}},
		{"product", func() error {
			_, err := db.SaveProduct(ctx, &wub.Product{BusinessID: 99, Name: "Keripik", Price: 10000})
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.add(); wub.ErrorCode(err) != "business_required" {
				t.Errorf("err %v", err)
			}
		})
	}
}

func TestTimelineSortedWithRecorder(t *testing.T) {
	db := openTest(t)
	tr := trainedSiti(t, db)
	b := mustBusiness(t, db, tr.ID, "2023-05-02")
	db.Actor = "operator2"
	steps := []func() (wub.Issues, error){
		func() (wub.Issues, error) {
			return db.AddCapital(ctx, &wub.Capital{BusinessID: b.ID, Source: wub.CapitalKUR, Provider: "BRI Unit Pademawu",
				Amount: 10_000_000, ReceivedOn: jday("2023-11-20")})
		},
		func() (wub.Issues, error) {
			return db.AddLicence(ctx, &wub.Licence{BusinessID: b.ID, Kind: wub.LicenceNIB, Number: "0220001234567", IssuedOn: jday("2023-06-15")})
		},
		func() (wub.Issues, error) {
			return db.AddChannel(ctx, &wub.Channel{BusinessID: b.ID, Kind: wub.ChannelMarketplace, Detail: "Shopee", StartedOn: jday("2023-08-01")})
		},
	}
	for _, s := range steps {
		if _, err := s(); err != nil {
			t.Fatal(err)
		}
	}
	ev, err := db.Timeline(ctx, tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	var stages []string
	for i, e := range ev {
		stages = append(stages, e.Stage)
		if i > 0 && e.Date.Before(ev[i-1].Date) {
			t.Errorf("not sorted at %d: %v after %v", i, e.Date, ev[i-1].Date)
		}
	}
	want := []string{wub.StageRegistered, wub.StageTrained, wub.StageBusiness, wub.StageLicensed, wub.StageMarketed, wub.StageCapital}
	if len(stages) != len(want) {
		t.Fatalf("stages %v", stages)
	}
	for i := range want {
		if stages[i] != want[i] {
			t.Fatalf("stages %v, want %v", stages, want)
		}
	}
	if ev[1].RecordedBy != "tester" || ev[2].RecordedBy != "tester" || ev[3].RecordedBy != "operator2" {
		t.Errorf("recorded by %q %q %q", ev[1].RecordedBy, ev[2].RecordedBy, ev[3].RecordedBy)
	}
	if ev[5].Detail != "Rp10.000.000 · Keripik Tette Bu Siti" || ev[3].Title != "NIB (OSS) 0220001234567" {
		t.Errorf("capital %q licence %q", ev[5].Detail, ev[3].Title)
	}
	// Deleting the business takes its records off the timeline.
	if err := db.DeleteBusiness(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if ev, _ := db.Timeline(ctx, tr.ID); len(ev) != 2 {
		t.Errorf("after delete: %d events", len(ev))
	}
}

func TestConfirmBusinessRunning(t *testing.T) {
	db := openTest(t)
	tr := trainedSiti(t, db)
	id, created, err := db.ConfirmBusinessRunning(ctx, tr.ID, jday("2023-07-01"), 0)
	if err != nil || !created {
		t.Fatalf("first visit: %v created=%v", err, created)
	}
	bs, _ := db.Businesses(ctx, tr.ID)
	if len(bs) != 1 || bs[0].Name != "Keripik Tette Bu Siti" || bs[0].Source != "mentoring" || !bs[0].StartedOn.Equal(jday("2023-07-01")) {
		t.Fatalf("business from visit %+v", bs)
	}
	// A later visit confirms without change; an earlier one moves the start back.
	if id2, created, err := db.ConfirmBusinessRunning(ctx, tr.ID, jday("2023-09-01"), 0); err != nil || created || id2 != id {
		t.Fatalf("later visit: %d %v %v", id2, created, err)
	}
	if _, _, err := db.ConfirmBusinessRunning(ctx, tr.ID, jday("2023-06-01"), 0); err != nil {
		t.Fatal(err)
	}
	bs, _ = db.Businesses(ctx, tr.ID)
	if len(bs) != 1 || !bs[0].StartedOn.Equal(jday("2023-06-01")) {
		t.Fatalf("after earlier visit %+v", bs)
	}
	if _, _, err := db.ConfirmBusinessRunning(ctx, tr.ID, jday("2023-01-01"), 0); wub.ErrorCode(err) != "stage_before_training" {
		t.Errorf("visit before training: %v", err)
	}
	if a, _ := db.AuditFor(ctx, "business", id); len(a) != 2 {
		t.Errorf("audit rows %d, want insert + update", len(a))
	}
}

// TestMentoringHook records mentoring visits through the facilitators'
// service and checks that they become the mentored stage, in the timeline
// and in the outcome figures.
func TestMentoringHook(t *testing.T) {
	db := openTest(t)
	tr := trainedSiti(t, db)
	f := addFacilitator(t, db, 1, "Moh. Rofiq")
	for _, v := range []struct {
		date, state string
	}{{"2023-05-10", wub.BusinessNotStarted}, {"2023-06-20", wub.BusinessRunning}} {
		m := &wub.Mentoring{Date: jday(v.date), TraineeID: tr.ID, FacilitatorID: f.ID, BusinessState: v.state}
		if err := db.SaveMentoring(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	// The visit that found the business running recorded it.
	if bs, err := db.Businesses(ctx, tr.ID); err != nil || len(bs) != 1 || !bs[0].StartedOn.Equal(jday("2023-06-20")) || bs[0].Source != "mentoring" {
		t.Fatalf("businesses from the visit: %+v, %v", bs, err)
	}
	ev, err := db.Timeline(ctx, tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := wub.Reached(ev)
	if len(r) < 3 || r[2].Stage != wub.StageMentored || !r[2].Date.Equal(jday("2023-05-10")) || r[2].RecordedBy != "Moh. Rofiq" {
		t.Fatalf("reached %+v", r)
	}
	o, err := db.Outcomes(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if o.Total.Count(wub.StageMentored) != 1 || o.Total.Count(wub.StageBusiness) != 1 || o.Total.MedianDays != 71 {
		t.Errorf("outcomes %+v median %v", o.Total.Counts, o.Total.MedianDays)
	}
}

// TestMigrationFromFoundation opens a file at schema 1 that holds a
// trainee and checks 0007 adds the journey tables and keeps the data.
func TestMigrationFromFoundation(t *testing.T) {
	path := t.TempDir() + "/old.db"
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations()
	if _, err := raw.Exec(ms[0].sql); err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(fmt.Sprintf(`PRAGMA application_id = %d; PRAGMA user_version = 1;
		INSERT INTO trainee (nik, name, sex, created_at, updated_at) VALUES ('3528045203950001', 'Siti', 'P', 'x', 'x')`, ApplicationID))
	if err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.UserVersion(ctx); v != SchemaVersion() || v < 7 {
		t.Fatalf("version %d", v)
	}
	if n := countRows(t, db, "SELECT count(*) FROM trainee"); n != 1 {
		t.Errorf("trainees %d", n)
	}
	for _, table := range []string{"business", "licence", "marketing_channel", "capital", "outlet", "product", "listing"} {
		if ok, err := hasTable(ctx, db.r, table); !ok || err != nil {
			t.Errorf("table %s missing (%v)", table, err)
		}
	}
}

func TestJourneyBulkIsAllOrNothing(t *testing.T) {
	db := openTest(t)
	tr := trainedSiti(t, db)
	err := db.JourneyBulk(ctx, func(jb *JourneyBatch) error {
		b := &wub.Business{TraineeID: tr.ID, Name: "Keripik", StartedOn: jday("2023-05-01")}
		if err := jb.SaveBusiness(b); err != nil {
			return err
		}
		return jb.AddLicence(&wub.Licence{BusinessID: b.ID, Kind: wub.LicenceNIB, Number: "1", IssuedOn: jday("2022-01-01")})
	})
	if wub.ErrorCode(err) != "stage_before_training" {
		t.Fatalf("err %v", err)
	}
	if n := countRows(t, db, "SELECT count(*) FROM business"); n != 0 {
		t.Errorf("%d businesses kept after the rollback", n)
	}
}
