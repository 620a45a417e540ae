package hubsync_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
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

// Scale of issue 21 (docs/PERFORMANCE.md), over loopback against the real
// hub and PostgreSQL:
//
//	go test -tags migrated_fynedo ./internal/hubsync -run '^$' -bench 'Sync' -benchtime 1x

// bigOffice loads n people (one enrolment each) with BulkLoad.
func bigOffice(b *testing.B, agency string, first, n int) *office {
	b.Helper()
	db, err := store.Open(filepath.Join(b.TempDir(), agency+".db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: agency}); err != nil {
		b.Fatal(err)
	}
	err = db.BulkLoad(ctx, func(bk *store.Bulk) error {
		const chunk = 1000
		ts := make([]*wub.Trainee, 0, chunk)
		flush := func() error {
			if len(ts) == 0 {
				return nil
			}
			if err := bk.InsertMany(ts); err != nil {
				return err
			}
			ts = ts[:0]
			return nil
		}
		for i := first; i < first+n; i++ {
			st := wub.StatusRegistered
			if i%3 == 0 {
				st = wub.StatusTrained
			}
			t := &wub.Trainee{NIK: nik(i), Name: fmt.Sprintf("Peserta %d", i), Sex: "L",
				Enrolments: []wub.Enrolment{{AgencyCode: agency, Year: 2024, Status: st}}}
			t.Normalize()
			ts = append(ts, t)
			if len(ts) == chunk {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return flush()
	})
	if err != nil {
		b.Fatal(err)
	}
	return &office{agency: agency, db: db, app: app.New(db), first: first, n: n}
}

// BenchmarkFirstSync100k: the first sync of an office with 100,000 people
// (200,000 changes and the facts of 100,000 NIKs). Target ≤ 60 s.
func BenchmarkFirstSync100k(b *testing.B) {
	n := 100_000
	if s := os.Getenv("WUBDESK_BENCH_PEOPLE"); s != "" { // a smaller office for profiling
		n, _ = strconv.Atoi(s)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		h := hubtest.Start(b)
		o := bigOffice(b, wub.DISPERINDAG, 0, n)
		o.enrol(b, h, h.URL)
		b.StartTimer()
		start := time.Now()
		batch, _ := strconv.Atoi(os.Getenv("WUBDESK_BENCH_BATCH"))
		res, err := o.app.Sync(ctx, app.SyncOptions{Batch: batch, Progress: func(pushed, pending int) {
			if pending == 0 {
				b.Logf("pushed %d in %v", pushed, time.Since(start))
			}
		}})
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		b.StopTimer()
		if res.Pushed != 2*n || res.Pending != 0 {
			b.Fatalf("pushed %d, pending %d", res.Pushed, res.Pending)
		}
		b.ReportMetric(el.Seconds(), "s/first-sync")
		sameCounts(b, h, o)
	}
}

// BenchmarkSync100Changes: 100 changes (50 people with their enrolments)
// from the office's commit to the hub's acknowledgement. Target ≤ 1 s.
func BenchmarkSync100Changes(b *testing.B) {
	h := hubtest.Start(b)
	o := newOffice(b, wub.DKPP, 0, 1000)
	o.enrol(b, h, h.URL)
	o.syncUntilDone(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		o.add(b, 50)
		res, err := o.app.Sync(ctx, app.SyncOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Pushed != 100 {
			b.Fatalf("pushed %d", res.Pushed)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/100-changes")
	}
}

// BenchmarkSyncSixOfficesTwentyViewers: six offices (5,000 people each,
// overlapping) sync at once while 20 viewers read the hub's report in a
// loop; reported: the wall time until all six are in, and the viewers'
// slowest and mean report time.
func BenchmarkSyncSixOfficesTwentyViewers(b *testing.B) {
	agencies := []string{wub.DISPERINDAG, wub.DKPP, wub.DISKOPUKM, wub.DKP, wub.DPMPTSP, wub.DISPORAPAR}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		h := hubtest.Start(b)
		h.AddUser(b, "ekonomi", "sandi-ekonomi-2026", hub.RoleReviewer)
		var sess hubapi.SignInResponse
		if _, err := hubtest.Call(h.URL, h.Fingerprint, "", "POST", hubapi.PathSession,
			hubapi.SignInRequest{Username: "ekonomi", Password: "sandi-ekonomi-2026"}, &sess); err != nil {
			b.Fatal(err)
		}
		var offs []*office
		for k, a := range agencies {
			o := bigOffice(b, a, k*4000, 5000)
			o.enrol(b, h, h.URL)
			offs = append(offs, o)
		}
		b.StartTimer()
		start := time.Now()
		stop := make(chan struct{})
		var vw sync.WaitGroup
		var mu sync.Mutex
		var reads int
		var slowest, total time.Duration
		for v := 0; v < 20; v++ {
			vw.Add(1)
			go func() {
				defer vw.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					t0 := time.Now()
					var r hubapi.Report
					if _, err := hubtest.Call(h.URL, h.Fingerprint, sess.Token, "GET", hubapi.PathReport, nil, &r); err != nil {
						b.Error(err)
						return
					}
					d := time.Since(t0)
					mu.Lock()
					reads++
					total += d
					slowest = max(slowest, d)
					mu.Unlock()
				}
			}()
		}
		var ow sync.WaitGroup
		for _, o := range offs {
			ow.Add(1)
			go func() {
				defer ow.Done()
				if _, err := o.app.Sync(ctx, app.SyncOptions{}); err != nil {
					b.Error(o.agency, err)
				}
			}()
		}
		ow.Wait()
		el := time.Since(start)
		close(stop)
		vw.Wait()
		b.StopTimer()
		b.ReportMetric(el.Seconds(), "s/six-offices")
		if reads > 0 {
			b.ReportMetric(float64(reads), "reports")
			b.ReportMetric(float64(total.Milliseconds())/float64(reads), "ms/report-mean")
			b.ReportMetric(float64(slowest.Milliseconds()), "ms/report-max")
		}
		sameCounts(b, h, offs...)
	}
}
