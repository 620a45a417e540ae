package hubsync_test

import (
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/hubsync"
	"wubdesk/internal/wub"
)

// Faults of issue 21, each against the real hub and PostgreSQL. After every
// fault, once sync completes, the hub's per-office and regency counts equal
// a recount from the offices' own registers (sameCounts).

// TestFaultHubKilledMidBatch: the hub process is killed (SIGKILL) while a
// push transaction is open; the round fails as "hub unreachable", the
// outbox keeps everything the hub did not acknowledge, and after the hub
// is back the next round completes.
func TestFaultHubKilledMidBatch(t *testing.T) {
	h := hubtest.Start(t)
	offs := threeOffices(t)
	p := hubtest.StartProcess(t, h.PGURL, "", 3*time.Second)
	for _, o := range offs {
		o.enrol(t, h, p.URL)
	}
	o := offs[0]
	done := make(chan error, 1)
	go func() {
		_, err := o.app.Sync(ctx, app.SyncOptions{Batch: 200})
		done <- err
	}()
	time.Sleep(1500 * time.Millisecond) // inside the first push's transaction
	p.Kill()
	err := <-done
	if !hubsync.IsUnreachable(err) {
		t.Fatalf("round cut by a killed hub: %v", err)
	}
	st, _ := o.app.SyncState(ctx)
	if st.Pending != 2*o.n || st.ErrorCode != "sync_unreachable" || st.LastError == "" {
		t.Fatalf("after the kill: %+v", st)
	}
	p = p.Restart(t)
	for _, o := range offs {
		o.syncUntilDone(t)
	}
	sameCounts(t, h, offs...)
}

// cutProxy is a loopback TCP proxy in front of the hub that, while cuts
// remain, cuts a connection in the middle of the hub's answer once the
// office has sent a large request on it (a push, which the hub has then
// applied): the office never reads the answer.
type cutProxy struct {
	ln      net.Listener
	target  string
	cuts    atomic.Int32
	cutDone atomic.Int32
	wg      sync.WaitGroup
}

func newCutProxy(t *testing.T, target string, cuts int32) *cutProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, target: target}
	p.cuts.Store(cuts)
	go p.serve()
	t.Cleanup(func() { ln.Close() })
	return p
}

func (p *cutProxy) url() string { return "https://" + p.ln.Addr().String() }

func (p *cutProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.handle(c)
	}
}

func (p *cutProxy) handle(c net.Conn) {
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	var sent atomic.Int64 // office → hub bytes on this connection
	closeBoth := func() { c.Close(); s.Close() }
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := c.Read(buf)
			if n > 0 {
				sent.Add(int64(n))
				if _, werr := s.Write(buf[:n]); werr != nil {
					break
				}
			}
			if err != nil {
				break
			}
		}
		closeBoth()
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := s.Read(buf)
		if n > 0 {
			if sent.Load() > 20_000 && p.cuts.Load() > 0 {
				p.cuts.Add(-1)
				p.cutDone.Add(1)
				c.Write(buf[:n/2])
				closeBoth()
				return
			}
			if _, werr := c.Write(buf[:n]); werr != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	closeBoth()
}

// TestFaultConnectionCutMidResponse: the hub applies a batch but the answer
// never arrives (cut by the proxy, three times). The office sends the
// batch again; the hub answers it as duplicates; nothing is doubled.
func TestFaultConnectionCutMidResponse(t *testing.T) {
	h := hubtest.StartShared(t)
	offs := threeOffices(t)
	px := newCutProxy(t, h.Addr, 3)
	for _, o := range offs {
		o.enrol(t, h, px.url())
	}
	o := offs[0]
	_, err := o.app.Sync(ctx, app.SyncOptions{Batch: 200})
	if err == nil || px.cutDone.Load() == 0 {
		t.Fatalf("the cut round: %v (cuts %d)", err, px.cutDone.Load())
	}
	if r := h.Report(t); len(r.Offices) == 0 || r.Regency.People == 0 {
		t.Fatalf("the hub holds nothing of the batch whose answer was cut: %+v", r)
	}
	for _, o := range offs {
		o.syncUntilDone(t)
	}
	if px.cutDone.Load() < 3 {
		t.Fatalf("only %d cuts happened", px.cutDone.Load())
	}
	sameCounts(t, h, offs...)
}

// TestFaultBatchTwiceOutOfOrder: batches arrive out of order and one twice;
// Through waits for the gap to close; a batch delivered again after a newer
// change to the same record does not bring the old state back.
func TestFaultBatchTwiceOutOfOrder(t *testing.T) {
	h := hubtest.StartShared(t)
	offs := threeOffices(t)
	for _, o := range offs[1:] {
		o.enrol(t, h, h.URL)
		o.syncUntilDone(t)
	}
	o := offs[0]
	o.enrol(t, h, h.URL)
	all, err := o.db.OutboxBatch(ctx, 10000)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2*o.n {
		t.Fatalf("outbox %d, want %d", len(all), 2*o.n)
	}
	b1, b2, b3 := all[:200], all[200:400], all[400:]
	c, err := o.app.HubClient(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	push := func(name string, b []hubapi.Change, wantThrough int64, wantDup int) {
		t.Helper()
		r, err := c.Push(ctx, b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Through != wantThrough || r.Duplicates != wantDup || len(r.Rejected) != 0 {
			t.Fatalf("%s: through %d dup %d rejected %v; want through %d dup %d", name, r.Through, r.Duplicates, r.Rejected, wantThrough, wantDup)
		}
	}
	push("third batch first", b3, 0, 0)
	push("second batch", b2, 0, 0)
	push("second batch again", b2, 0, len(b2))
	push("first batch", b1, int64(len(all)), 0)
	push("first batch again", b1, int64(len(all)), len(b1))
	if err := o.db.TrimOutbox(ctx, int64(len(all))); err != nil {
		t.Fatal(err)
	}
	// A newer change (the first person deleted), then the old batch again.
	if err := o.db.DeleteTrainee(ctx, firstTraineeID(t, o)); err != nil {
		t.Fatal(err)
	}
	o.syncUntilDone(t)
	push("first batch, late", b1, int64(len(all))+2, len(b1))
	sameCounts(t, h, offs...)
}

// TestFaultPostgresRestartDuringSync: PostgreSQL restarts while an office
// pushes many small batches; the round may fail or the hub may retry; once
// a round completes the counts agree.
func TestFaultPostgresRestartDuringSync(t *testing.T) {
	h := hubtest.Start(t)
	offs := []*office{newOffice(t, wub.DISPERINDAG, 0, 2000), newOffice(t, wub.DKPP, 1500, 300)}
	for _, o := range offs {
		o.enrol(t, h, h.URL)
	}
	done := make(chan error, 1)
	go func() {
		_, err := offs[0].app.Sync(ctx, app.SyncOptions{Batch: 50})
		done <- err
	}()
	time.Sleep(500 * time.Millisecond)
	if err := h.PG.Restart(); err != nil {
		t.Fatal(err)
	}
	err := <-done
	t.Logf("the round during the restart: %v", err)
	for _, o := range offs {
		o.syncUntilDone(t)
	}
	sameCounts(t, h, offs...)
}
