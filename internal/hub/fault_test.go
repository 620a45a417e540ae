package hub_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
)

func batchOf(first, n int, prefix string) []hubapi.Change {
	var cs []hubapi.Change
	for i := 0; i < n; i++ {
		g := fmt.Sprintf("%s-0000-4000-8000-%012d", prefix, first+i)
		cs = append(cs, trainee(int64(first+i), g, fmt.Sprintf("35280101019%05d", first+i)))
	}
	return cs
}

func countRecords(t *testing.T, h *hubtest.Hub) (records, applied int) {
	t.Helper()
	h.Hub.Pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM record), (SELECT count(*) FROM applied_change)").Scan(&records, &applied)
	return
}

// The hub process is killed (SIGKILL) while a batch's transaction is open:
// nothing of the batch stays; a new hub process takes the same batch whole.
func TestFaultHubKilledMidBatch(t *testing.T) {
	h := hubtest.Start(t)
	d := enrol(t, h, "DISKOP")
	d.mustPush(batchOf(1, 50, "aaaaaaaa")...)

	p := hubtest.StartProcess(t, h.PGURL, "", 30*time.Second) // every push hangs inside its transaction
	d.url = p.URL
	errc := make(chan error, 1)
	go func() { _, err := d.push(batchOf(51, 200, "aaaaaaaa")...); errc <- err }()
	// Wait until the batch is inside the transaction (its locks held).
	deadline := time.Now().Add(30 * time.Second)
	for {
		var n int
		h.Hub.Pool.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'wubdesk-hub' AND state = 'idle in transaction'").Scan(&n)
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the push never reached its transaction")
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.Kill()
	if err := <-errc; err == nil {
		t.Fatal("the push succeeded although the hub was killed")
	}
	// PostgreSQL rolls the cut transaction back (at once or when it notices the
	// connection gone).
	deadline = time.Now().Add(20 * time.Second)
	for {
		var n int
		h.Hub.Pool.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'").Scan(&n)
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the killed hub's transaction is still open")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r, a := countRecords(t, h); r != 50 || a != 50 {
		t.Fatalf("after the kill: %d records, %d applied changes; want 50 and 50", r, a)
	}
	p = p.Restart(t)
	d.url = p.URL
	r := d.mustPush(batchOf(51, 200, "aaaaaaaa")...)
	if r.Applied != 200 || r.Duplicates != 0 || r.Through != 250 {
		t.Fatalf("re-push: %+v", r)
	}
	rep := h.Report(t)
	if rep.Regency.People != 250 || officeOf(rep, "DISKOP").People != 250 {
		t.Fatalf("after re-push: %+v", rep)
	}
}

// PostgreSQL restarted between batches (and killed as in a crash): the
// hub's pool reconnects; nothing lost, nothing doubled.
func TestFaultPostgresRestartedBetweenBatches(t *testing.T) {
	h := hubtest.Start(t)
	d := enrol(t, h, "DISKOP")
	d.mustPush(batchOf(1, 100, "bbbbbbbb")...)
	if err := h.PG.Restart(); err != nil {
		t.Fatal(err)
	}
	r := d.mustPush(batchOf(101, 100, "bbbbbbbb")...)
	if r.Through != 200 {
		t.Fatalf("after restart: %+v", r)
	}
	if err := h.PG.Kill(); err != nil {
		t.Fatal(err)
	}
	// While PostgreSQL is down the hub answers 503, not a crash.
	if _, err := d.push(batchOf(201, 10, "bbbbbbbb")...); code(err) != "hub_db_unavailable" {
		t.Fatalf("push with PostgreSQL down: %v", err)
	}
	if err := h.PG.Start(); err != nil {
		t.Fatal(err)
	}
	// The batch the office could not deliver, and a duplicate of the one before.
	r = d.mustPush(append(batchOf(201, 100, "bbbbbbbb"), batchOf(150, 10, "bbbbbbbb")...)...)
	if r.Through != 300 || r.Applied != 100 || r.Duplicates != 10 {
		t.Fatalf("after crash and start: %+v", r)
	}
	if rep := h.Report(t); rep.Regency.People != 300 {
		t.Fatalf("people %d, want 300", rep.Regency.People)
	}
	if rec, a := countRecords(t, h); rec != 300 || a != 300 {
		t.Fatalf("%d records, %d applied changes", rec, a)
	}
}

// The HTTP server stopped and started between batches (a hub restart).
func TestFaultServerRestarted(t *testing.T) {
	h := hubtest.StartShared(t)
	d := enrol(t, h, "DISKOP")
	d.mustPush(batchOf(1, 10, "cccccccc")...)
	h.StopServer()
	if _, err := d.push(batchOf(11, 10, "cccccccc")...); err == nil {
		t.Fatal("push to a stopped hub succeeded")
	}
	h.StartServer(t)
	if r := d.mustPush(batchOf(11, 10, "cccccccc")...); r.Through != 20 {
		t.Fatalf("after restart: %+v", r)
	}
}

// Personal data (NIK, names) never reaches the hub's log or its audit.
func TestNoPersonalDataInLogs(t *testing.T) {
	h := hubtest.StartShared(t)
	a := enrol(t, h, "DISKOP")
	b := enrol(t, h, "DKPP")
	tg := gid()
	a.mustPush(trainee(1, tg, "3528019988776655"), enrolment(2, gid(), tg, "trained", 2026))
	b.mustPush(hubapi.Change{Seq: 1, Entity: "trainee", GID: tg, Op: hubapi.OpUpsert, Data: map[string]any{"nik": "3528011122334455", "name": "Siti Aminah"}})
	hubtest.Call(h.URL, h.Fingerprint, b.Token, "POST", hubapi.PathFacts, hubapi.FactsRequest{NIKs: []string{"3528019988776655"}}, nil)
	h.Hub.SignIn(context.Background(), "nobody", "3528019988776655")
	var audit string
	h.Hub.Pool.QueryRow(ctx, "SELECT string_agg(actor || ' ' || action || ' ' || detail::text, E'\n') FROM hub_audit").Scan(&audit)
	for _, secret := range []string{"3528019988776655", "3528011122334455", "Siti", "Aminah"} {
		if strings.Contains(h.Logs(), secret) {
			t.Errorf("the hub's log holds %q:\n%s", secret, h.Logs())
		}
		if strings.Contains(audit, secret) {
			t.Errorf("hub_audit holds %q:\n%s", secret, audit)
		}
	}
	if !strings.Contains(h.Logs(), "hub push") || !strings.Contains(audit, "hub_not_owner") {
		t.Fatalf("log or audit missing:\n%s\n%s", h.Logs(), audit)
	}
}
