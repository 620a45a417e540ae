package hubsync_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/hubsync"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// The office side against the REAL hub on a real PostgreSQL (issue 21):
// hubtest starts both. Each office is a real SQLite register in
// t.TempDir(), enrolled through the HTTPS API like `wubdesk enrol`.

func TestMain(m *testing.M) { hubtest.Main(m) }

var ctx = context.Background()

// office is one office's register and its use cases.
type office struct {
	agency string
	db     *store.DB
	app    *app.App
	first  int // the office's people are numbered first … first+n-1 (overlaps give shared NIKs)
	n      int
}

func nik(i int) string {
	// 35.28 (Pamekasan), a kecamatan code, a birth date, a serial: 16 digits.
	return fmt.Sprintf("352804%02d%02d%02d%04d", i%28+1, (i/28)%12+1, 80+(i/336)%20, i%10000)
}

// newOffice makes a register for agency holding people first … first+n-1,
// each enrolled with the agency in 2024 (every third one trained).
func newOffice(t testing.TB, agency string, first, n int) *office {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), agency+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Actor = "operator"
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: agency}); err != nil {
		t.Fatal(err)
	}
	o := &office{agency: agency, db: db, app: app.New(db), first: first}
	o.add(t, n)
	return o
}

// add registers n more people.
func (o *office) add(t testing.TB, n int) {
	t.Helper()
	start := o.first + o.n
	err := o.db.Bulk(ctx, func(b *store.Bulk) error {
		for i := start; i < start+n; i++ {
			st := wub.StatusRegistered
			var done time.Time
			if i%3 == 0 {
				st, done = wub.StatusTrained, time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
			}
			tr := &wub.Trainee{NIK: nik(i), Name: fmt.Sprintf("Peserta %d", i), Sex: "L",
				Enrolments: []wub.Enrolment{{AgencyCode: o.agency, Year: 2024, Status: st,
					EnrolledOn: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), CompletedOn: done}}}
			tr.Normalize()
			if err := b.Insert(tr); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	o.n += n
}

// enrol enrols the office at url with a fresh code (trust on first use).
func (o *office) enrol(t testing.TB, h *hubtest.Hub, url string) {
	t.Helper()
	link, err := o.app.Enrol(ctx, url, h.AddOffice(t, o.agency), "")
	if err != nil {
		t.Fatal(err)
	}
	if link.Fingerprint != h.Fingerprint {
		t.Fatalf("trusted fingerprint %s, the hub's is %s", link.Fingerprint, h.Fingerprint)
	}
}

// syncUntilDone runs rounds until one succeeds (a fault may fail a few).
func (o *office) syncUntilDone(t testing.TB) wub.SyncResult {
	t.Helper()
	var last error
	for i := 0; i < 20; i++ {
		res, err := o.app.Sync(ctx, app.SyncOptions{})
		if err == nil {
			if res.Pending != 0 {
				t.Fatalf("%s: a good round left %d pending", o.agency, res.Pending)
			}
			return res
		}
		last = err
		time.Sleep(300 * time.Millisecond)
	}
	t.Fatalf("%s: sync never completed: %v", o.agency, last)
	return wub.SyncResult{}
}

// recount is what the hub's report must say, counted from the offices' own
// SQLite registers: per office its live trainees and live enrolments; for
// the regency each NIK once (live trainees), and the NIKs with a live
// trained enrolment.
func recount(t testing.TB, offices ...*office) hubapi.Report {
	t.Helper()
	var r hubapi.Report
	people, trained := map[string]bool{}, map[string]bool{}
	for _, o := range offices {
		var or hubapi.OfficeReport
		or.Agency = o.agency
		err := o.db.Bulk(ctx, func(b *store.Bulk) error { // a read inside the writer: the register as committed
			rows, err := b.Tx().QueryContext(ctx, "SELECT nik FROM trainee WHERE deleted_at IS NULL")
			if err != nil {
				return err
			}
			for rows.Next() {
				var n string
				rows.Scan(&n)
				people[n] = true
				or.People++
			}
			rows.Close()
			rows, err = b.Tx().QueryContext(ctx, `SELECT t.nik, e.status FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
				WHERE e.deleted_at IS NULL`)
			if err != nil {
				return err
			}
			for rows.Next() {
				var n, st string
				rows.Scan(&n, &st)
				or.Enrolments++
				if st == wub.StatusTrained {
					trained[n] = true
				}
			}
			rows.Close()
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		r.Offices = append(r.Offices, or)
		r.Regency.Enrolments += or.Enrolments
	}
	r.Regency.People, r.Regency.TrainedPeople = len(people), len(trained)
	sort.Slice(r.Offices, func(i, j int) bool { return r.Offices[i].Agency < r.Offices[j].Agency })
	return r
}

// sameCounts fails unless the hub's report equals the recount: nothing
// lost, nothing doubled.
func sameCounts(t testing.TB, h *hubtest.Hub, offices ...*office) {
	t.Helper()
	want := recount(t, offices...)
	got := h.Report(t)
	byAgency := map[string]hubapi.OfficeReport{}
	for _, o := range got.Offices {
		byAgency[o.Agency] = o
	}
	for _, w := range want.Offices {
		g := byAgency[w.Agency]
		if g.People != w.People || g.Enrolments != w.Enrolments {
			t.Errorf("%s on the hub: %d people, %d enrolments; the office holds %d, %d", w.Agency, g.People, g.Enrolments, w.People, w.Enrolments)
		}
		if g.LastSync == "" {
			t.Errorf("%s: the hub has no last sync", w.Agency)
		}
	}
	if got.Regency != want.Regency {
		t.Errorf("regency on the hub %+v, recount from the offices %+v", got.Regency, want.Regency)
	}
}

// threeOffices are three agencies whose people overlap: DISPERINDAG 0–299,
// DKPP 200–449, DISKOPUKM 400–549.
func threeOffices(t testing.TB) []*office {
	return []*office{newOffice(t, wub.DISPERINDAG, 0, 300), newOffice(t, wub.DKPP, 200, 250), newOffice(t, wub.DISKOPUKM, 400, 150)}
}

// TestSyncThreeOffices: three agencies enrol and sync; the counts agree;
// each office then learns the others' facts for its NIKs, offline too; the
// quota the economic section sets reaches the office.
func TestSyncThreeOffices(t *testing.T) {
	h := hubtest.StartShared(t)
	offs := threeOffices(t)
	for _, o := range offs {
		o.enrol(t, h, h.URL)
		res := o.syncUntilDone(t)
		if res.Pushed != 2*o.n || res.Hub != h.URL {
			t.Errorf("%s: first round pushed %d (hub %s), want %d", o.agency, res.Pushed, res.Hub, 2*o.n)
		}
	}
	sameCounts(t, h, offs...)
	// Facts: DISPERINDAG's person 250 was also registered by DKPP.
	a := offs[0]
	if _, err := a.app.Sync(ctx, app.SyncOptions{AllFacts: true}); err != nil {
		t.Fatal(err)
	}
	facts, err := a.app.HubFacts(ctx, []string{nik(250), nik(10)}, false)
	if err != nil {
		t.Fatal(err)
	}
	if fs := facts[nik(250)]; len(fs) != 1 || fs[0].Agency != wub.DKPP || fs[0].Year != 2024 {
		t.Fatalf("facts of a shared NIK: %+v", fs)
	}
	if len(facts[nik(10)]) != 0 {
		t.Fatalf("a NIK only this office holds has facts %+v", facts[nik(10)])
	}
	if note := a.app.FactNote(ctx, facts[nik(250)]); note == "" {
		t.Fatal("no words for the fact")
	}
	// The economic section sets a quota; the next round applies it.
	if err := h.Hub.SetQuota(ctx, wub.DISPERINDAG, 2024, 777, "test"); err != nil {
		t.Fatal(err)
	}
	a.syncUntilDone(t)
	qs, err := a.db.Quotas(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	var got int
	for _, q := range qs {
		if q.AgencyCode == wub.DISPERINDAG {
			got = q.Count
		}
	}
	if got != 777 {
		t.Fatalf("quota from the hub: %+v", qs)
	}
	// Changes after the first sync: one more person, one deletion.
	a.add(t, 5)
	tid := firstTraineeID(t, a)
	if err := a.db.DeleteTrainee(ctx, tid); err != nil {
		t.Fatal(err)
	}
	st, _ := a.app.SyncState(ctx)
	if st.Pending == 0 {
		t.Fatal("changes after the sync are not waiting")
	}
	a.syncUntilDone(t)
	sameCounts(t, h, offs...)
}

func firstTraineeID(t testing.TB, o *office) int64 {
	t.Helper()
	var id int64
	err := o.db.Bulk(ctx, func(b *store.Bulk) error {
		return b.Tx().QueryRowContext(ctx, "SELECT id FROM trainee WHERE deleted_at IS NULL ORDER BY id LIMIT 1").Scan(&id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestSyncClockHoursOff: an office whose clock is five hours ahead syncs
// like any other (the hub orders by sequence, not by the office's times);
// the state tells the clerk the clock is off.
func TestSyncClockHoursOff(t *testing.T) {
	h := hubtest.StartShared(t)
	offs := threeOffices(t)
	off := offs[1]
	off.db.Now = func() time.Time { return time.Now().Add(5 * time.Hour) }
	for _, o := range offs {
		o.enrol(t, h, h.URL)
		o.syncUntilDone(t)
	}
	off.add(t, 20)
	off.syncUntilDone(t)
	sameCounts(t, h, offs...)
	st, err := off.app.SyncState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Skew < 4*time.Hour || app.SkewWords(st) == "" {
		t.Fatalf("skew %v, words %q", st.Skew, app.SkewWords(st))
	}
	if w := app.SkewWords(wub.SyncState{Skew: time.Minute}); w != "" {
		t.Fatalf("a minute off is worded %q", w)
	}
}

// TestSyncRevokedDevice: a revoked device's round fails with words that say
// so, nothing is lost from the outbox; after a new enrolment the office
// syncs again and nothing is doubled.
func TestSyncRevokedDevice(t *testing.T) {
	h := hubtest.StartShared(t)
	offs := threeOffices(t)
	for _, o := range offs {
		o.enrol(t, h, h.URL)
		o.syncUntilDone(t)
	}
	o := offs[2]
	link, _ := o.db.HubLink(ctx)
	if err := h.Hub.RevokeDevice(ctx, link.DeviceID, "test"); err != nil {
		t.Fatal(err)
	}
	o.add(t, 10)
	_, err := o.app.Sync(ctx, app.SyncOptions{})
	if !hubsync.IsRevoked(err) {
		t.Fatalf("a revoked device's round: %v", err)
	}
	st, _ := o.app.SyncState(ctx)
	if st.ErrorCode != "sync_revoked" || st.LastError == "" || st.Pending != 20 {
		t.Fatalf("state after revocation %+v", st)
	}
	o.enrol(t, h, h.URL)
	o.syncUntilDone(t)
	sameCounts(t, h, offs...)
}

// TestEnrolPins: a wrong --pin is refused with both fingerprints named; an
// office enrolled with a pin refuses a hub that shows another certificate.
func TestEnrolPins(t *testing.T) {
	h := hubtest.StartShared(t)
	o := newOffice(t, wub.DKP, 0, 3)
	wrong := "00" + h.Fingerprint[2:]
	_, err := o.app.Enrol(ctx, h.URL, h.AddOffice(t, wub.DKP), wrong)
	if hubsync.ErrorCode(err) != "sync_pin_mismatch" {
		t.Fatalf("wrong pin: %v", err)
	}
	if _, err := o.app.Enrol(ctx, h.URL, h.AddOffice(t, wub.DKP), hubsync.FormatPin(h.Fingerprint)); err != nil {
		t.Fatal(err)
	}
	// Another hub on another certificate at the address the office trusts.
	other := hubtest.StartShared(t)
	link, _ := o.db.HubLink(ctx)
	link.URL = other.URL
	if err := o.db.SetHubLink(ctx, link); err != nil {
		t.Fatal(err)
	}
	_, err = o.app.Sync(ctx, app.SyncOptions{})
	if hubsync.ErrorCode(err) != "sync_cert_changed" {
		t.Fatalf("changed certificate: %v", err)
	}
	// An unreachable hub.
	other.StopServer()
	_, err = o.app.Sync(ctx, app.SyncOptions{})
	if !hubsync.IsUnreachable(err) {
		t.Fatalf("stopped hub: %v", err)
	}
	st, _ := o.app.SyncState(ctx)
	if st.ErrorCode != "sync_unreachable" || st.Pending != 6 {
		t.Fatalf("state while the hub is down: %+v", st)
	}
	// A code for another agency.
	_, err = o.app.Enrol(ctx, h.URL, h.AddOffice(t, wub.DKPP), "")
	if hubsync.ErrorCode(err) != "sync_agency_mismatch" {
		t.Fatalf("code of another agency: %v", err)
	}
}
