package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// blockingLoad starts a load on the screen shown now whose fetch waits for
// its context to end (or 5 s). It returns a channel that receives the
// fetch's context error and a pointer to whether apply ran.
func blockingLoad(u *App) (<-chan error, *bool) {
	started, ended := make(chan struct{}), make(chan error, 1)
	applied := new(bool)
	load(u, nil, func(ctx context.Context) (int, error) {
		close(started)
		select {
		case <-ctx.Done():
			ended <- ctx.Err()
			return 0, ctx.Err()
		case <-time.After(5 * time.Second):
			ended <- nil
			return 1, nil
		}
	}, func(int) { *applied = true })
	<-started
	return ended, applied
}

func TestLeavingAScreenCancelsItsLoad(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.nav.show("kuota")
	u.jobs.wait()
	ended, applied := blockingLoad(u)
	u.nav.show("hasil") // the clerk goes to another screen
	if err := <-ended; !errors.Is(err, context.Canceled) {
		t.Fatalf("leaving Kuota: its load ended with %v, want cancelled", err)
	}
	u.jobs.wait()
	if *applied {
		t.Error("a cancelled load's result was applied")
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("a cancelled load showed %d dialogs", n)
	}
	// The screen's context is cancelled, the window's is not.
	if u.appCtx().Err() != nil {
		t.Error("leaving a screen cancelled the window's context")
	}

	// Closing the window cancels the load of the screen shown.
	ended, applied = blockingLoad(u)
	u.win.Close()
	if err := <-ended; !errors.Is(err, context.Canceled) {
		t.Fatalf("closing the window: the load ended with %v, want cancelled", err)
	}
	u.jobs.wait()
	if *applied || u.appCtx().Err() == nil {
		t.Errorf("after close: applied %v, window context %v", *applied, u.appCtx().Err())
	}
}

func TestLoadAppliesWhileTheScreenStays(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.nav.show("kuota")
	u.jobs.wait()
	got := 0
	load(u, nil, func(ctx context.Context) (int, error) { return 7, ctx.Err() }, func(v int) { got = v })
	u.jobs.wait()
	if got != 7 {
		t.Errorf("applied %d, want 7", got)
	}
	// Of two loads through one latest, only the newest applies.
	var q latest
	var seen []int
	for _, v := range []int{1, 2} {
		load(u, &q, func(ctx context.Context) (int, error) { return v, nil }, func(v int) { seen = append(seen, v) })
	}
	u.jobs.wait()
	if len(seen) != 1 || seen[0] != 2 {
		t.Errorf("applied %v, want only the newest [2]", seen)
	}
}

// A page asked for before a new search arrives after the search's answer:
// the paged list drops it (the guard Peserta had alone before the list was
// shared).
func TestPagedListDropsPagesOfAnOlderList(t *testing.T) {
	u, _ := newTestUI(t, true)
	release := make(chan struct{})
	list := func(name string, n int, hold bool) pageFetch[string] {
		return func(ctx context.Context, offset, limit int) (page[string], error) {
			if hold && offset > 0 {
				<-release
			}
			var rows []string
			for i := offset; i < min(offset+limit, n); i++ {
				rows = append(rows, name)
			}
			return page[string]{rows: rows, total: n}, nil
		}
	}
	p := newPagedList(u, list("old", 250, true))
	p.reload()
	u.jobs.wait()
	if p.total != 250 {
		t.Fatalf("old list: %d", p.total)
	}
	_ = p.row(150) // asks for page 1 of the old list, which waits
	p.fetch = list("new", 180, false)
	p.reload()
	for queued := 0; queued == 0; { // the new list's answer is in
		time.Sleep(time.Millisecond)
		u.jobs.mu.Lock()
		queued = len(u.jobs.queue)
		u.jobs.mu.Unlock()
	}
	close(release) // now the old page arrives
	u.jobs.wait()
	if p.total != 180 {
		t.Fatalf("new list: %d", p.total)
	}
	if r := p.row(150); r != nil && *r != "new" {
		t.Fatalf("row 150 is %q: the old list's page was kept", *r)
	}
	u.jobs.wait()
	if r := p.row(150); r == nil || *r != "new" {
		t.Fatalf("row 150 after loading: %v", r)
	}
}

// A real screen: a Peserta search answered but not yet shown when the clerk
// opens Kuota is dropped, not shown on the screen left behind.
func TestLeavingPesertaDropsItsSearch(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2023)
	s := peserta(t, u)
	if s.list.total != 1 || s.count.Text != "1 orang" {
		t.Fatalf("before: %d %q", s.list.total, s.count.Text)
	}
	s.search.SetText("tidak ada nama ini")
	for queued := 0; queued == 0; { // its answer (0 people) is in, not yet shown
		time.Sleep(time.Millisecond)
		u.jobs.mu.Lock()
		queued = len(u.jobs.queue)
		u.jobs.mu.Unlock()
	}
	u.nav.show("kuota")
	u.jobs.wait()
	if s.list.total != 1 || s.count.Text != "1 orang" {
		t.Errorf("the left screen took the search's answer: %d %q", s.list.total, s.count.Text)
	}
	u.nav.show("peserta") // coming back reloads with the search typed
	u.jobs.wait()
	if s.list.total != 0 {
		t.Errorf("back on Peserta: %d rows for a name nobody has", s.list.total)
	}
}
