package hub_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"wubdesk/internal/hub"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/pgtest"
)

// BenchmarkReportMillionPeople: the regency figures (per office and the
// regency, each NIK once) with 1,000,000 people on the hub, 1,150,000
// trainee records (150,000 NIKs registered by two agencies) and 1,300,000
// enrolments, bulk-loaded with COPY. Target ≤ 100 ms (docs/PERFORMANCE.md).
//
//	go test ./internal/hub -run '^$' -bench ReportMillionPeople -benchtime 3x
func BenchmarkReportMillionPeople(b *testing.B) {
	const people, shared, offices = 1_000_000, 150_000, 6
	pg := pgtest.Start(b)
	url := pg.NewDatabase(b)
	h, _, err := hub.Init(ctx, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	start := time.Now()
	var ids []string
	for i := 0; i < offices; i++ {
		_, id, err := h.AddOffice(ctx, fmt.Sprintf("DINAS%d", i+1), "", 0, "bench")
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, id)
	}
	conn, err := h.Pool.Acquire(ctx)
	if err != nil {
		b.Fatal(err)
	}
	nik := func(i int) string { return fmt.Sprintf("3528%012d", i) }
	tgid := func(i int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", i) }
	egid := func(i int) string { return fmt.Sprintf("00000000-0000-4000-9000-%012d", i) }
	// Trainees: person i at office i%6; the first `shared` also at office (i+1)%6.
	var peopleOf, enrolOf [offices]int
	copyRows := func(table string, cols []string, n int, row func(i int) []any) {
		if _, err := conn.Conn().CopyFrom(context.Background(), pgx.Identifier{table}, cols, pgx.CopyFromFunc(func() func() ([]any, error) {
			i := 0
			return func() ([]any, error) {
				if i >= n {
					return nil, nil
				}
				r := row(i)
				i++
				return r, nil
			}
		}())); err != nil {
			b.Fatal(err)
		}
	}
	copyRows("trainee", []string{"gid", "owner", "nik", "live"}, people+shared, func(i int) []any {
		p, o := i, i%offices
		if i >= people {
			p, o = i-people, (i-people+1)%offices
		}
		peopleOf[o]++
		return []any{tgid(i), ids[o], nik(p), true}
	})
	// Enrolments: one per trainee record; every third trained; 150,000 more a second year.
	copyRows("enrolment", []string{"gid", "owner", "trainee_gid", "nik", "year", "status", "live"}, people+shared+shared, func(i int) []any {
		t := i
		if i >= people+shared {
			t = i - people - shared
		}
		p, o := t, t%offices
		if t >= people {
			p, o = t-people, (t-people+1)%offices
		}
		status := "registered"
		if p%3 == 0 {
			status = "trained"
		}
		enrolOf[o]++
		return []any{egid(i), ids[o], tgid(t), nik(p), 2025 + i%2, status, true}
	})
	copyRows("person", []string{"nik", "trainees", "trained"}, people, func(i int) []any {
		n, tr := 1, 0
		if i < shared {
			n = 2
		}
		if i%3 == 0 {
			tr = n
		}
		return []any{nik(i), n, tr}
	})
	if _, err := conn.Exec(ctx, "UPDATE office_tally SET regency_people = $2, regency_trained = $3 WHERE office = $1", ids[0], people, (people+2)/3); err != nil {
		b.Fatal(err)
	}
	for o := range ids {
		if _, err := conn.Exec(ctx, "UPDATE office_tally SET people = $2, enrolments = $3 WHERE office = $1", ids[o], peopleOf[o], enrolOf[o]); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := conn.Exec(ctx, "VACUUM ANALYZE"); err != nil {
		b.Fatal(err)
	}
	conn.Release()
	b.Logf("loaded %d people in %s", people, time.Since(start).Round(time.Second))
	r, err := h.Report(ctx) // warm
	if err != nil {
		b.Fatal(err)
	}
	if r.Regency.People != people || r.Regency.TrainedPeople != (people+2)/3 || r.Regency.Enrolments != people+2*shared {
		b.Fatalf("report: %+v", r.Regency)
	}
	if rc, err := h.Recount(ctx); err != nil || rc.Regency != r.Regency {
		b.Fatalf("recount %+v differs from the counters %+v (%v)", rc.Regency, r.Regency, err)
	}
	b.ResetTimer()
	var worst time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := h.Report(ctx); err != nil {
			b.Fatal(err)
		}
		worst = max(worst, time.Since(t0))
	}
	b.StopTimer()
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
	if worst > 100*time.Millisecond {
		b.Errorf("the regency figures took %s at %d people; the target is ≤ 100 ms", worst, people)
	}
}

// BenchmarkPushFirstSync: an office's first sync over HTTPS on loopback —
// 10,000 people and 10,000 enrolments, in batches of 1,000 changes (the
// office's half of the 100,000-people target is in internal/hubsync).
//
//	go test ./internal/hub -run '^$' -bench PushFirstSync -benchtime 1x
func BenchmarkPushFirstSync(b *testing.B) {
	const people, batch = 10_000, 1000
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		h := hubtest.Start(b)
		tok := h.Enrol(b, "DISKOP").Token
		var all []hubapi.Change
		for p := 0; p < people; p++ {
			tg := fmt.Sprintf("00000000-0000-4000-8000-%012d", p)
			all = append(all, trainee(int64(2*p+1), tg, fmt.Sprintf("3528%012d", p)),
				enrolment(int64(2*p+2), fmt.Sprintf("00000000-0000-4000-9000-%012d", p), tg, "trained", 2026))
		}
		b.StartTimer()
		t0 := time.Now()
		for k := 0; k < len(all); k += batch {
			var resp hubapi.PushResponse
			if _, err := hubtest.Call(h.URL, h.Fingerprint, tok, "POST", hubapi.PathPush, hubapi.PushRequest{Changes: all[k:min(k+batch, len(all))]}, &resp); err != nil {
				b.Fatal(err)
			}
		}
		el := time.Since(t0)
		b.StopTimer()
		b.ReportMetric(float64(len(all))/el.Seconds(), "changes/s")
		if r := h.Report(b); r.Regency.People != people {
			b.Fatalf("people %d", r.Regency.People)
		}
		b.StartTimer()
	}
}
