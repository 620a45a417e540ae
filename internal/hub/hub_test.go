package hub_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"wubdesk/internal/hub"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/pgtest"
)

func TestMain(m *testing.M) { hubtest.Main(m) }

var ctx = context.Background()

func code(err error) string {
	var he *hub.Error
	if errors.As(err, &he) {
		return he.Code
	}
	var ce *hubtest.CallError
	if errors.As(err, &ce) {
		return ce.Body.Code
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// Four hub processes initialising one empty database at once: the schema is
// applied once, under the advisory lock; a second init changes nothing.
func TestMigrateIdempotentAndConcurrent(t *testing.T) {
	url := pgtest.Database(t)
	if _, err := hub.Open(ctx, url); code(err) != "hub_not_initialised" {
		t.Fatalf("open before init: %v", err)
	}
	var wg sync.WaitGroup
	applied := make([][]int, 4)
	errs := make([]error, 4)
	for i := range applied {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, err := hub.Connect(ctx, url)
			if err != nil {
				errs[i] = err
				return
			}
			defer h.Close()
			applied[i], errs[i] = hub.Migrate(ctx, h.Pool)
		}()
	}
	wg.Wait()
	n, all := 0, 0
	for i := range applied {
		if errs[i] != nil {
			t.Fatalf("migrate %d: %v", i, errs[i])
		}
		if len(applied[i]) > 0 {
			n, all = n+1, len(applied[i])
			if applied[i][0] != 1 || applied[i][all-1] != hub.SchemaVersion() {
				t.Errorf("applied %v, want 1 … %d", applied[i], hub.SchemaVersion())
			}
		}
	}
	if n != 1 {
		t.Fatalf("%d of 4 concurrent inits applied migrations, want exactly 1", n)
	}
	h, r1, err := hub.Init(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if len(r1.Applied) != 0 || !r1.NewCert || len(r1.Fingerprint) != 64 {
		t.Fatalf("first init after migrate: %+v", r1)
	}
	h2, r2, err := hub.Init(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer h2.Close()
	if len(r2.Applied) != 0 || r2.NewCert || r2.Fingerprint != r1.Fingerprint {
		t.Fatalf("second init changed something: %+v vs %+v", r2, r1)
	}
	var versions int
	h.Pool.QueryRow(ctx, "SELECT count(*) FROM schema_version").Scan(&versions)
	if versions != all {
		t.Fatalf("schema_version has %d rows", versions)
	}
	if _, err := hub.Open(ctx, url); err != nil {
		t.Fatalf("open after init: %v", err)
	}
}

// device is an enrolled test device talking HTTPS to the hub.
type device struct {
	t   *testing.T
	h   *hubtest.Hub
	url string
	hubapi.EnrolResponse
}

func enrol(t *testing.T, h *hubtest.Hub, agency string) *device {
	t.Helper()
	return &device{t: t, h: h, url: h.URL, EnrolResponse: h.Enrol(t, agency)}
}

func (d *device) push(changes ...hubapi.Change) (hubapi.PushResponse, error) {
	var resp hubapi.PushResponse
	_, err := hubtest.Call(d.url, d.h.Fingerprint, d.Token, "POST", hubapi.PathPush, hubapi.PushRequest{Changes: changes}, &resp)
	return resp, err
}

func (d *device) mustPush(changes ...hubapi.Change) hubapi.PushResponse {
	d.t.Helper()
	r, err := d.push(changes...)
	if err != nil {
		d.t.Fatalf("push: %v", err)
	}
	return r
}

var gidN int

func gid() string {
	gidN++
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", gidN)
}

func trainee(seq int64, g, nik string) hubapi.Change {
	return hubapi.Change{Seq: seq, Entity: "trainee", GID: g, Op: hubapi.OpUpsert, At: "2026-12-01T00:00:00Z",
		Data: map[string]any{"nik": nik, "name": "Siti Aminah"}}
}

func enrolment(seq int64, g, traineeGID, status string, year int) hubapi.Change {
	return hubapi.Change{Seq: seq, Entity: "enrolment", GID: g, Op: hubapi.OpUpsert, At: "2026-12-01T00:00:00Z",
		Data: map[string]any{"trainee_gid": traineeGID, "status": status, "year": year}}
}

func officeOf(r hubapi.Report, agency string) hubapi.OfficeReport {
	for _, o := range r.Offices {
		if o.Agency == agency {
			return o
		}
	}
	return hubapi.OfficeReport{}
}

func TestEnrolAndRevoke(t *testing.T) {
	h := hubtest.StartShared(t)
	c := h.AddOffice(t, "DISKOP")
	var resp hubapi.EnrolResponse
	if _, err := hubtest.Call(h.URL, h.Fingerprint, "", "POST", hubapi.PathEnrol, hubapi.EnrolRequest{Code: c, DeviceName: "PC-1"}, &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Agency != "DISKOP" || resp.Token == "" || resp.Fingerprint != h.Fingerprint || resp.DeviceID == "" {
		t.Fatalf("enrol: %+v", resp)
	}
	// The hub keeps only a hash of the token and of the code.
	var n int
	h.Hub.Pool.QueryRow(ctx, "SELECT count(*) FROM device WHERE token_hash = convert_to($1, 'UTF8')", resp.Token).Scan(&n)
	if n != 0 {
		t.Fatal("the token is stored in clear")
	}
	// One-time: the same code again (typed in lower case with spaces) is refused.
	_, err := hubtest.Call(h.URL, h.Fingerprint, "", "POST", hubapi.PathEnrol, hubapi.EnrolRequest{Code: " " + c + " "}, nil)
	if code(err) != "hub_code_used" {
		t.Fatalf("reused code: %v", err)
	}
	if _, err := hubtest.Call(h.URL, h.Fingerprint, "", "POST", hubapi.PathEnrol, hubapi.EnrolRequest{Code: "AAAA-BBBB-CCCC-DDDD"}, nil); code(err) != "hub_code_invalid" {
		t.Fatalf("unknown code: %v", err)
	}
	// An expired code.
	old := h.AddOffice(t, "DISKOP")
	h.Shift(8 * 24 * time.Hour)
	if _, err := hubtest.Call(h.URL, h.Fingerprint, "", "POST", hubapi.PathEnrol, hubapi.EnrolRequest{Code: old}, nil); code(err) != "hub_code_expired" {
		t.Fatalf("expired code: %v", err)
	}
	h.Shift(-8 * 24 * time.Hour)

	d := &device{t: t, h: h, url: h.URL, EnrolResponse: resp}
	d.mustPush(trainee(1, gid(), "3528010101900001"))
	// A wrong certificate is not trusted.
	if _, err := hubtest.Call(h.URL, "00"+h.Fingerprint[2:], d.Token, "GET", hubapi.PathOffice, nil, nil); err == nil {
		t.Fatal("a client pinned to another fingerprint connected")
	}
	pending := h.AddOffice(t, "DISKOP")
	nrev, err := h.Hub.RevokeOffice(ctx, "DISKOP", "test")
	if err != nil || nrev != 1 {
		t.Fatalf("revoke: %d %v", nrev, err)
	}
	if _, err := d.push(trainee(2, gid(), "3528010101900002")); code(err) != "hub_device_revoked" {
		t.Fatalf("push after revoke: %v", err)
	}
	if _, err := hubtest.Call(h.URL, h.Fingerprint, "", "POST", hubapi.PathEnrol, hubapi.EnrolRequest{Code: pending}, nil); code(err) != "hub_code_expired" {
		t.Fatalf("a code issued before the revocation still works: %v", err)
	}
	if _, err := hubtest.Call(h.URL, h.Fingerprint, "nonsense", "POST", hubapi.PathPush, hubapi.PushRequest{}, nil); code(err) != "hub_token_invalid" {
		t.Fatalf("unknown token: %v", err)
	}
	// Each decision is audited.
	for _, a := range []string{"office_added", "enrol_code_issued", "device_enrolled", "enrol_refused", "push", "office_revoked", "refused_revoked"} {
		var k int
		h.Hub.Pool.QueryRow(ctx, "SELECT count(*) FROM hub_audit WHERE action = $1", a).Scan(&k)
		if k == 0 {
			t.Errorf("no %s in hub_audit", a)
		}
	}
	// A new code after the revocation enrols the office again.
	d2 := enrol(t, h, "DISKOP")
	d2.mustPush(trainee(1, gid(), "3528010101900003"))
	// One device revoked by its id.
	if err := h.Hub.RevokeDevice(ctx, d2.DeviceID, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := d2.push(trainee(2, gid(), "3528010101900004")); code(err) != "hub_device_revoked" {
		t.Fatalf("push of a revoked device: %v", err)
	}
	ds, err := h.Hub.Devices(ctx)
	if err != nil || len(ds) != 2 || ds[0].Revoked == "" || ds[1].Revoked == "" || ds[1].Through != 1 {
		t.Fatalf("devices: %+v %v", ds, err)
	}
}

// The same batch twice and batches out of order end in the same state;
// Through is the highest seq with no gap below it.
func TestPushIdempotentAndOutOfOrder(t *testing.T) {
	h := hubtest.StartShared(t)
	d := enrol(t, h, "DISKOP")
	t1, e1 := gid(), gid()
	b1 := []hubapi.Change{trainee(1, t1, "3528010101900011"), enrolment(2, e1, t1, "registered", 2026)}
	later := enrolment(4, e1, t1, "trained", 2026)
	b2 := []hubapi.Change{{Seq: 3, Entity: "trainee", GID: t1, Op: hubapi.OpUpsert, Data: map[string]any{"nik": "3528010101900012"}}, later}

	// b2 first: held, but Through stays 0 (seq 1–2 missing).
	r := d.mustPush(b2...)
	if r.Through != 0 || r.Applied != 2 {
		t.Fatalf("b2 first: %+v", r)
	}
	r = d.mustPush(b1...)
	if r.Through != 4 || r.Applied != 2 {
		t.Fatalf("b1 second: %+v", r)
	}
	// Again, both: all duplicates.
	r = d.mustPush(append(append([]hubapi.Change{}, b1...), b2...)...)
	if r.Through != 4 || r.Duplicates != 4 || r.Applied != 0 {
		t.Fatalf("repeat: %+v", r)
	}
	// A seq twice in one batch counts once.
	r = d.mustPush(trainee(5, gid(), "3528010101900013"), trainee(5, gid(), "3528010101900014"))
	if r.Applied != 1 || r.Duplicates != 1 || r.Through != 5 {
		t.Fatalf("seq twice in a batch: %+v", r)
	}
	rep := h.Report(t)
	// The trainee has the NIK of seq 3 (later), the enrolment the status of seq 4.
	if rep.Regency.People != 2 || rep.Regency.Enrolments != 1 || rep.Regency.TrainedPeople != 1 {
		t.Fatalf("regency: %+v", rep.Regency)
	}
	var nik, status string
	h.Hub.Pool.QueryRow(ctx, "SELECT t.nik, e.status FROM trainee t JOIN enrolment e ON e.trainee_gid = t.gid WHERE t.gid = $1", t1).Scan(&nik, &status)
	if nik != "3528010101900012" || status != "trained" {
		t.Fatalf("latest by seq: nik %s status %s", nik, status)
	}
	// A delete, then the trainee's enrolment, counted nowhere.
	d.mustPush(hubapi.Change{Seq: 6, Entity: "enrolment", GID: e1, Op: hubapi.OpDelete})
	rep = h.Report(t)
	if rep.Regency.Enrolments != 0 || rep.Regency.TrainedPeople != 0 || officeOf(rep, "DISKOP").Enrolments != 0 {
		t.Fatalf("after delete: %+v", rep)
	}
	// Bad changes are refused for good, and count as delivered.
	r = d.mustPush(hubapi.Change{Seq: 7, Entity: "trainee", GID: "not-a-uuid", Op: hubapi.OpUpsert},
		hubapi.Change{Seq: 8, Entity: "trainee", GID: gid(), Op: "merge"})
	if len(r.Rejected) != 2 || r.Through != 8 || r.Rejected[0].Code != "hub_change_gid" || r.Rejected[1].Code != "hub_change_op" {
		t.Fatalf("bad changes: %+v", r)
	}
	r = d.mustPush(hubapi.Change{Seq: 0, Entity: "trainee", GID: gid(), Op: hubapi.OpUpsert},
		hubapi.Change{Seq: 9, Entity: "trainee", GID: gid(), Op: hubapi.OpHandover, Data: map[string]any{"to_agency": "DKPP"}})
	if len(r.Rejected) != 2 || r.Through != 9 || r.Rejected[0].Code != "hub_change_seq" || r.Rejected[1].Code != "hub_record_unknown" {
		t.Fatalf("seq 0 and a handover of an unknown record: %+v", r)
	}
	h.Report(t) // counters = recount
}

// An office cannot change another office's record; a handover passes it.
func TestOwnershipAndHandover(t *testing.T) {
	h := hubtest.StartShared(t)
	a := enrol(t, h, "DISKOP")
	b := enrol(t, h, "DISPERINDAG")
	tg, eg := gid(), gid()
	a.mustPush(trainee(1, tg, "3528010101900021"), enrolment(2, eg, tg, "trained", 2025))

	r := b.mustPush(hubapi.Change{Seq: 1, Entity: "trainee", GID: tg, Op: hubapi.OpUpsert, Data: map[string]any{"nik": "3528010101900099"}},
		hubapi.Change{Seq: 2, Entity: "enrolment", GID: eg, Op: hubapi.OpDelete},
		hubapi.Change{Seq: 3, Entity: "trainee", GID: tg, Op: hubapi.OpHandover, Data: map[string]any{"to_agency": "DISPERINDAG"}})
	if len(r.Rejected) != 3 || r.Through != 3 {
		t.Fatalf("foreign changes: %+v", r)
	}
	for _, x := range r.Rejected {
		if x.Code != "hub_not_owner" || x.Reason == "" {
			t.Fatalf("rejected: %+v", x)
		}
	}
	var nik string
	h.Hub.Pool.QueryRow(ctx, "SELECT nik FROM trainee WHERE gid = $1", tg).Scan(&nik)
	if nik != "3528010101900021" {
		t.Fatalf("another office changed the NIK to %s", nik)
	}
	// B learns that DISKOP trained this NIK (agency, year, status only).
	var facts hubapi.FactsResponse
	if _, err := hubtest.Call(h.URL, h.Fingerprint, b.Token, "POST", hubapi.PathFacts, hubapi.FactsRequest{NIKs: []string{"3528010101900021", "3528010101909999"}}, &facts); err != nil {
		t.Fatal(err)
	}
	if len(facts.Facts) != 1 || facts.Facts[0] != (hubapi.Fact{NIK: "3528010101900021", Agency: "DISKOP", Year: 2025, Status: "trained"}) {
		t.Fatalf("facts: %+v", facts)
	}
	// A's own record is no fact for A.
	if _, err := hubtest.Call(h.URL, h.Fingerprint, a.Token, "POST", hubapi.PathFacts, hubapi.FactsRequest{NIKs: []string{"3528010101900021"}}, &facts); err != nil || len(facts.Facts) != 0 {
		t.Fatalf("own facts: %+v %v", facts, err)
	}

	// A hands both over to DISPERINDAG; B's next change takes them.
	a.mustPush(hubapi.Change{Seq: 3, Entity: "trainee", GID: tg, Op: hubapi.OpHandover, Data: map[string]any{"to_agency": "DISPERINDAG"}},
		hubapi.Change{Seq: 4, Entity: "enrolment", GID: eg, Op: hubapi.OpHandover, Data: map[string]any{"to_agency": "DISPERINDAG"}})
	r = b.mustPush(trainee(4, tg, "3528010101900021"), enrolment(5, eg, tg, "trained", 2025))
	if len(r.Rejected) != 0 || r.Applied != 2 {
		t.Fatalf("takeover: %+v", r)
	}
	rep := h.Report(t)
	if o := officeOf(rep, "DISKOP"); o.People != 0 || o.Enrolments != 0 {
		t.Fatalf("DISKOP after handover: %+v", o)
	}
	if o := officeOf(rep, "DISPERINDAG"); o.People != 1 || o.Enrolments != 1 {
		t.Fatalf("DISPERINDAG after handover: %+v", o)
	}
	if rep.Regency.People != 1 || rep.Regency.TrainedPeople != 1 {
		t.Fatalf("regency after handover: %+v", rep.Regency)
	}
	// Now A may not change it any more.
	r = a.mustPush(trainee(5, tg, "3528010101900021"))
	if len(r.Rejected) != 1 || r.Rejected[0].Code != "hub_not_owner" {
		t.Fatalf("old owner after takeover: %+v", r)
	}
}

// Two agencies training the same NIK: the regency counts the person once.
func TestReportCountsEachNIKOnce(t *testing.T) {
	h := hubtest.StartShared(t)
	a := enrol(t, h, "DISKOP")
	b := enrol(t, h, "DKPP")
	ta1, ta2, tb1 := gid(), gid(), gid()
	a.mustPush(trainee(1, ta1, "3528010101900031"), trainee(2, ta2, "3528010101900032"),
		enrolment(3, gid(), ta1, "trained", 2025), enrolment(4, gid(), ta1, "registered", 2026), enrolment(5, gid(), ta2, "dropped", 2026))
	b.mustPush(trainee(1, tb1, "3528010101900031"), enrolment(2, gid(), tb1, "trained", 2026))
	rep := h.Report(t)
	if o := officeOf(rep, "DISKOP"); o.People != 2 || o.Enrolments != 3 || o.LastSync == "" {
		t.Fatalf("DISKOP: %+v", o)
	}
	if o := officeOf(rep, "DKPP"); o.People != 1 || o.Enrolments != 1 {
		t.Fatalf("DKPP: %+v", o)
	}
	if rep.Regency != (hubapi.RegencyReport{People: 2, Enrolments: 4, TrainedPeople: 1}) {
		t.Fatalf("regency: %+v", rep.Regency)
	}
	// A NIK corrected on A's trainee moves its trained enrolment with it.
	a.mustPush(trainee(6, ta1, "3528010101900033"))
	rep = h.Report(t)
	if rep.Regency != (hubapi.RegencyReport{People: 3, Enrolments: 4, TrainedPeople: 2}) {
		t.Fatalf("regency after a NIK correction: %+v", rep.Regency)
	}
	// The report over HTTPS needs a hub user.
	if _, err := hubtest.Call(h.URL, h.Fingerprint, a.Token, "GET", hubapi.PathReport, nil, nil); code(err) != "hub_token_invalid" {
		t.Fatalf("a device read the report: %v", err)
	}
	h.AddUser(t, "ekonomi", "rahasia-panjang-1", hub.RoleReviewer)
	var s hubapi.SignInResponse
	if _, err := hubtest.Call(h.URL, h.Fingerprint, "", "POST", hubapi.PathSession, hubapi.SignInRequest{Username: "ekonomi", Password: "rahasia-panjang-1"}, &s); err != nil {
		t.Fatal(err)
	}
	var viaAPI hubapi.Report
	if _, err := hubtest.Call(h.URL, h.Fingerprint, s.Token, "GET", hubapi.PathReport, nil, &viaAPI); err != nil {
		t.Fatal(err)
	}
	if viaAPI.Regency != rep.Regency || s.Role != hub.RoleReviewer {
		t.Fatalf("report over HTTPS: %+v, role %s", viaAPI.Regency, s.Role)
	}
}

func TestSignInSlowed(t *testing.T) {
	h := hubtest.StartShared(t)
	h.AddUser(t, "admin", "kata-sandi-kuat", hub.RoleAdmin)
	// The hub's clock stands still here but for Shift: a second of the real
	// clock passing during the test must not end a wait early.
	base := time.Now()
	h.Hub.Now = func() time.Time { return base }
	for i := 0; i < 3; i++ {
		if _, err := h.Hub.SignIn(ctx, "admin", "salah"); code(err) != "hub_signin_failed" {
			t.Fatalf("attempt %d: %v", i, err)
		}
	}
	// Now even the right password must wait.
	if _, err := h.Hub.SignIn(ctx, "admin", "kata-sandi-kuat"); code(err) != "hub_signin_wait" {
		t.Fatalf("after 3 failures: %v", err)
	}
	base = base.Add(2 * time.Second)
	if _, err := h.Hub.SignIn(ctx, "admin", "salah"); code(err) != "hub_signin_failed" {
		t.Fatalf("4th: %v", err)
	}
	base = base.Add(1 * time.Second)
	if _, err := h.Hub.SignIn(ctx, "admin", "kata-sandi-kuat"); code(err) != "hub_signin_wait" {
		t.Fatalf("the wait doubles: %v", err)
	}
	base = base.Add(2 * time.Second)
	s, err := h.Hub.SignIn(ctx, "admin", "kata-sandi-kuat")
	if err != nil || s.Role != hub.RoleAdmin {
		t.Fatalf("after the wait: %+v %v", s, err)
	}
	// Unknown names are slowed alike.
	for i := 0; i < 3; i++ {
		h.Hub.SignIn(ctx, "nobody", "x")
	}
	if _, err := h.Hub.SignIn(ctx, "nobody", "x"); code(err) != "hub_signin_wait" {
		t.Fatalf("unknown name: %v", err)
	}
	// Sessions: valid, hashed, expiring.
	u, err := h.Hub.UserBySession(ctx, s.Token)
	if err != nil || u.Username != "admin" {
		t.Fatalf("session: %+v %v", u, err)
	}
	base = base.Add(hub.SessionLife + time.Minute)
	if _, err := h.Hub.UserBySession(ctx, s.Token); code(err) != "hub_session_expired" {
		t.Fatalf("expired session: %v", err)
	}
	var stored string
	h.Hub.Pool.QueryRow(ctx, "SELECT password_hash FROM hub_user WHERE username = 'admin'").Scan(&stored)
	if len(stored) < 20 || stored[:9] != "$argon2id" {
		t.Fatalf("password stored as %q", stored[:min(9, len(stored))])
	}
	if err := h.Hub.AddUser(ctx, "x", "short", hub.RoleAdmin, "test"); code(err) != "hub_password_short" {
		t.Fatalf("short password: %v", err)
	}
	if err := h.Hub.AddUser(ctx, "x", "long-enough-pw", "boss", "test"); code(err) != "hub_role_invalid" {
		t.Fatalf("bad role: %v", err)
	}
}

func TestOfficeState(t *testing.T) {
	h := hubtest.StartShared(t)
	d := enrol(t, h, "DISKOP")
	if err := h.Hub.SetQuota(ctx, "DISKOP", 2026, 120, "test"); err != nil {
		t.Fatal(err)
	}
	h.Hub.SetQuota(ctx, "DKPP", 2026, 80, "test")
	if err := h.Hub.SetTarget(ctx, 1000, "2025-01-01", "2029-12-31", "test"); err != nil {
		t.Fatal(err)
	}
	if err := h.Hub.SetTarget(ctx, 1000, "2029-01-01", "2025-12-31", "test"); code(err) != "hub_target_invalid" {
		t.Fatalf("target ending before it starts: %v", err)
	}
	var st hubapi.OfficeState
	if _, err := hubtest.Call(h.URL, h.Fingerprint, d.Token, "GET", hubapi.PathOffice, nil, &st); err != nil {
		t.Fatal(err)
	}
	if st.Agency != "DISKOP" || len(st.Quotas) != 1 || st.Quotas[0] != (hubapi.Quota{Agency: "DISKOP", Year: 2026, People: 120}) ||
		st.Target != (hubapi.Target{People: 1000, From: "2025-01-01", Until: "2029-12-31"}) || st.Months == nil || st.ServerNow == "" {
		t.Fatalf("office state: %+v", st)
	}
	if _, err := time.Parse(time.RFC3339, st.ServerNow); err != nil {
		t.Fatal(err)
	}
	var health map[string]bool
	if _, err := hubtest.Call(h.URL, h.Fingerprint, "", "GET", hubapi.PathHealth, nil, &health); err != nil || !health["ok"] {
		t.Fatalf("health: %v %v", health, err)
	}
	if _, err := hubtest.Call(h.URL, h.Fingerprint, "", "GET", "/api/v1/nothing", nil, nil); code(err) != "hub_not_found" {
		t.Fatalf("unknown path: %v", err)
	}
}

// Six offices push at once, registering overlapping NIKs (the same people
// trained by several agencies) and, by mistake, the same record ids: each
// record has one owner, the others are refused, and the counters equal a
// recount of the records.
func TestConcurrentOffices(t *testing.T) {
	h := hubtest.StartShared(t)
	agencies := []string{"DISKOP", "DKPP", "DISPERINDAG", "DINSOS", "DISNAKER", "DISPAR"}
	devs := make([]*device, len(agencies))
	for i, a := range agencies {
		devs[i] = enrol(t, h, a)
	}
	var wg sync.WaitGroup
	rejected := make([]int, len(devs))
	errs := make([]error, len(devs))
	for i, d := range devs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seq := int64(0)
			for batch := 0; batch < 5; batch++ {
				var cs []hubapi.Change
				for k := 0; k < 40; k++ {
					p := batch*40 + k // person p, shared by all offices
					seq++
					tg := fmt.Sprintf("%08d-0000-4000-8000-%012d", i, p)
					if k%10 == 0 {
						tg = fmt.Sprintf("ffffffff-0000-4000-8000-%012d", p) // the same id in every office
					}
					cs = append(cs, trainee(seq, tg, fmt.Sprintf("35280101018%05d", p)))
					seq++
					status := "registered"
					if (p+i)%2 == 0 {
						status = "trained"
					}
					cs = append(cs, enrolment(seq, fmt.Sprintf("%08d-0000-4000-9000-%012d", i, p), tg, status, 2026))
				}
				r, err := d.push(cs...)
				if err != nil {
					errs[i] = err
					return
				}
				rejected[i] += len(r.Rejected)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", agencies[i], err)
		}
	}
	total := 0
	for _, n := range rejected {
		total += n
	}
	if total != 20*5 { // 20 ids shared by all: 5 of 6 offices refused for each
		t.Fatalf("%d refusals, want %d", total, 20*5)
	}
	rep := h.Report(t) // fails unless counters = recount
	if rep.Regency.People != 200 {
		t.Fatalf("regency people %d, want 200", rep.Regency.People)
	}
}

// Changes PostgreSQL could not store (a NUL in the data, an invalid UTF-8
// gid) are refused one by one; the rest of the batch is applied.
func TestPushRefusesUnstorableChanges(t *testing.T) {
	h := hubtest.StartShared(t)
	d := enrol(t, h, "DISKOP")
	r := d.mustPush(hubapi.Change{Seq: 1, Entity: "trainee", GID: gid(), Op: hubapi.OpUpsert, Data: map[string]any{"nik": "3528010101900051", "name": "A\x00B"}},
		hubapi.Change{Seq: 2, Entity: "trainee", GID: "\xff\x00bad", Op: hubapi.OpUpsert},
		trainee(3, gid(), "3528010101900052"))
	if r.Through != 3 || r.Applied != 1 || len(r.Rejected) != 2 || r.Rejected[0].Code != "hub_change_data" || r.Rejected[1].Code != "hub_change_gid" {
		t.Fatalf("%+v", r)
	}
	if rep := h.Report(t); rep.Regency.People != 1 {
		t.Fatalf("%+v", rep.Regency)
	}
}
