package demo

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"wubdesk/internal/wub"
)

// Years the demo covers; the last one is still running.
const firstYear, lastYear = 2020, 2024

// yearWeights shape the people by the year of their first enrolment like the
// real program: about 8,200 of the 10,000 target trained in 2020–2022
// (2,220 in 2022), 1,800 in 2023 and fewer in 2024.
var yearWeights = map[int]int{2020: 2980, 2021: 3000, 2022: 2220, 2023: 1800, 2024: 900}

// agencyWeights split a year between the agencies that ran it. From 2023
// Diskop UKM also carries Naker's share, which DPMPTSP had before.
func agencyWeight(code string, year int) int {
	switch code {
	case wub.DPMPTSP, wub.DISPORAPAR:
		return 12
	case wub.DISKOPUKM:
		if year >= 2023 {
			return 26
		}
		return 16
	case wub.DISPERINDAG:
		return 18
	case wub.DKPP, wub.DKP, wub.DP3AP2KB:
		return 14
	}
	return 10 // an agency added after this was written
}

// batchSize is the usual number of people in one angkatan.
const batchSize = 30

type weighted struct {
	v string
	w int
}

func pick(r *rand.Rand, ws []weighted) string {
	total := 0
	for _, w := range ws {
		total += w.w
	}
	n := r.IntN(total)
	for _, w := range ws {
		if n < w.w {
			return w.v
		}
		n -= w.w
	}
	return ws[len(ws)-1].v
}

func one[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// apportion splits n in proportion to weights (largest remainder, ties to
// the earlier entry), so the parts always sum to n.
func apportion(n int, weights []int) []int {
	total := 0
	for _, w := range weights {
		total += w
	}
	out := make([]int, len(weights))
	if total == 0 {
		return out
	}
	rest := n
	rem := make([]int, len(weights))
	for i, w := range weights {
		out[i] = n * w / total
		rem[i] = n * w % total
		rest -= out[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rem[b] - rem[a] })
	for i := 0; i < rest; i++ {
		out[order[i%len(order)]]++
	}
	return out
}

type agencyYear struct {
	agency string
	year   int
}

// plan is every batch of the demo and how many new people each receives.
type plan struct {
	batches []wub.Batch
	fresh   []int                // new people per batch
	byAY    map[agencyYear][]int // batch indexes of an agency-year
	ays     []agencyYear         // in year, then agency order
}

func (g *generator) plan(people int) *plan {
	p := &plan{byAY: map[agencyYear][]int{}}
	years := make([]int, 0, lastYear-firstYear+1)
	ws := make([]int, 0, cap(years))
	for y := firstYear; y <= lastYear; y++ {
		years = append(years, y)
		ws = append(ws, yearWeights[y])
	}
	for i, n := range apportion(people, ws) {
		year := years[i]
		as := g.agencies.InYear(year)
		aw := make([]int, len(as))
		for j, a := range as {
			aw[j] = agencyWeight(a.Code, year)
		}
		for j, c := range apportion(n, aw) {
			if c == 0 {
				continue
			}
			g.addBatches(p, as[j].Code, year, c)
		}
	}
	return p
}

// addBatches splits an agency-year's people over batches held at dates
// spread over February–November, numbered in date order.
func (g *generator) addBatches(p *plan, agency string, year, people int) {
	r := g.r
	nb := max(1, (people+batchSize/2)/batchSize)
	starts := make([]time.Time, nb)
	for i := range starts {
		starts[i] = time.Date(year, 2, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(300))
	}
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	ones := make([]int, nb)
	for i := range ones {
		ones[i] = 1
	}
	types := trainingTypes[agency]
	if agency == wub.DISKOPUKM && year >= wub.HandoverDate2023.Year() {
		types = append(slices.Clip(types), nakerTypes...)
	}
	if len(types) == 0 {
		types = []string{"Kewirausahaan"}
	}
	ay := agencyYear{agency, year}
	p.ays = append(p.ays, ay)
	for i, n := range apportion(people, ones) {
		d := one(r, g.desa)
		b := wub.Batch{
			AgencyCode: agency, Year: year, Name: "Angkatan " + strconv.Itoa(i+1), TrainingType: one(r, types),
			StartDate: starts[i], EndDate: starts[i].AddDate(0, 0, 2+r.IntN(8)), DesaCode: d.Code, KecCode: d.KecamatanCode,
		}
		p.byAY[ay] = append(p.byAY[ay], len(p.batches))
		p.batches = append(p.batches, b)
		p.fresh = append(p.fresh, n)
	}
}

// secondBatch picks, for someone first trained in batch b, a batch of
// another agency in the same year or of any agency in a later year.
func (g *generator) secondBatch(p *plan, b *wub.Batch) int {
	var cands []agencyYear
	for _, ay := range p.ays {
		if ay.year > b.Year || (ay.year == b.Year && ay.agency != b.AgencyCode) {
			cands = append(cands, ay)
		}
	}
	if len(cands) == 0 {
		return -1
	}
	return one(g.r, p.byAY[one(g.r, cands)])
}

// enrolment is a person's place in a batch: past batches are mostly
// completed (about 5% dropped out); in the last year, batches that end
// after the start of September are still running.
func (g *generator) enrolment(b *wub.Batch, batchID int64) wub.Enrolment {
	r := g.r
	e := wub.Enrolment{AgencyCode: b.AgencyCode, Year: b.Year, BatchID: batchID}
	e.EnrolledOn = b.StartDate.AddDate(0, 0, -r.IntN(15))
	if e.EnrolledOn.Year() < b.Year {
		e.EnrolledOn = b.StartDate
	}
	switch {
	case b.Year == lastYear && !b.EndDate.Before(time.Date(lastYear, 9, 1, 0, 0, 0, 0, time.UTC)):
		e.Status = wub.StatusRegistered
	case r.IntN(100) < 5:
		// Keluar counts on the day the trainee left: midway through the
		// batch (no random draw, so the rest of the demo stays as it was).
		e.Status = wub.StatusDropped
		e.CompletedOn = b.StartDate.AddDate(0, 0, int(b.EndDate.Sub(b.StartDate).Hours()/48))
	default:
		e.Status = wub.StatusTrained
		e.CompletedOn = b.EndDate
	}
	return e
}
