package store_test

import (
	"slices"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// BenchmarkDuplicatesOf is the check while a clerk types a new person
// (target ≤ 16 ms): 200 people of the register typed again with one NIK
// digit changed, looked up through the NIK and birth-date indexes.
//
//	WUB_BENCH_DB_100K=/tmp/bench-100k.db go test -tags migrated_fynedo -run '^$' -bench DuplicatesOf -benchtime 3x ./internal/store
func BenchmarkDuplicatesOf(b *testing.B) {
	db := benchDB(b, "WUB_BENCH_DB_100K", 100_000)
	var typed []wub.DupPerson
	for i := range 200 {
		t, err := db.Trainee(ctx, int64(1+i*500))
		if err != nil {
			b.Fatal(err)
		}
		p := wub.DupPersonOf(t)
		p.ID = 0
		n := []byte(p.NIK)
		n[14] = '0' + (n[14]-'0'+1)%10
		p.NIK = string(n)
		typed = append(typed, p)
	}
	var wall []time.Duration
	found := 0
	for b.Loop() {
		for _, p := range typed {
			start := time.Now()
			ps, err := db.DuplicatesOf(ctx, p)
			if err != nil {
				b.Fatal(err)
			}
			wall = append(wall, time.Since(start))
			found += min(len(ps), 1)
		}
	}
	if found == 0 {
		b.Fatal("no typed person matched its own record")
	}
	slices.Sort(wall)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(wall[len(wall)/2]), "p50-ms")
	b.ReportMetric(ms(wall[len(wall)*95/100]), "p95-ms")
	b.ReportMetric(ms(wall[len(wall)-1]), "max-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkLikelyDuplicates is the full scan of the register as the review
// queue, Kuota and the command read it (cache cleared each time).
func BenchmarkLikelyDuplicates(b *testing.B) {
	db := benchDB(b, "WUB_BENCH_DB_100K", 100_000)
	for b.Loop() {
		db.ForgetDuplicateScan()
		if _, err := db.LikelyDuplicates(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
