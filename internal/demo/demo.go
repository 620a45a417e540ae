package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// Options says how much to generate.
type Options struct {
	Trainees int   // people (NIKs); enrolments are about 3% more
	Seed     int64 // same seed and Trainees, same data
	// Progress, when set, is called from the generating goroutine every
	// few thousand people and once at the end.
	Progress func(done, total int)
}

// YearSummary counts one program year.
type YearSummary struct {
	Year       int
	Batches    int
	Enrolments int
	Trained    int
	Dropped    int
	Registered int
}

// Summary is what was generated.
type Summary struct {
	Trainees   int
	Enrolments int
	Batches    int
	Years      []YearSummary // ascending
}

// The office a demo database pretends to be, when none is set.
var demoOffice = wub.Office{AgencyCode: wub.DISKOPUKM, HeadName: "Drs. Moh. Fathorrahman, M.Si.",
	HeadNIP: "196905121994031007", Place: "Pamekasan"}

type generator struct {
	r        *rand.Rand
	ref      *wub.Reference
	agencies wub.Agencies
	desa     []wub.Desa        // by code, so the order never depends on the CSV
	serials  map[uint64]uint16 // last NIK serial per region+birth date
}

// chunkSize is how many people go into one multi-row INSERT.
const chunkSize = 128

// Generate fills an empty database with o.Trainees people, their batches
// and enrolments, in one transaction. A database that already holds
// trainees is refused (demo_not_empty) and left untouched.
func Generate(ctx context.Context, db *store.DB, o Options) (Summary, error) {
	var sum Summary
	if o.Trainees <= 0 {
		return sum, fmt.Errorf("demo: Trainees must be positive, got %d", o.Trainees)
	}
	live, err := db.CountTrainees(ctx, wub.TraineeFilter{})
	if err != nil {
		return sum, err
	}
	deleted, err := db.CountTrainees(ctx, wub.TraineeFilter{Deleted: true})
	if err != nil {
		return sum, err
	}
	if live+deleted > 0 {
		return sum, wub.Errorf("demo_not_empty", wub.FormatInt(live+deleted))
	}
	as, err := db.Agencies(ctx)
	if err != nil {
		return sum, err
	}
	ref := wub.Ref()
	g := &generator{r: newRand(o.Seed), ref: ref, agencies: as, serials: make(map[uint64]uint16, o.Trainees)}
	g.desa = slices.Clone(ref.Desa)
	slices.SortFunc(g.desa, func(a, b wub.Desa) int { return strings.Compare(a.Code, b.Code) })
	p := g.plan(o.Trainees)

	years := map[int]*YearSummary{}
	for y := firstYear; y <= lastYear; y++ {
		years[y] = &YearSummary{Year: y}
	}
	err = db.BulkLoad(ctx, func(b *store.Bulk) error {
		b.Audit = false
		for i := range p.batches {
			if err := b.InsertBatch(&p.batches[i]); err != nil {
				return err
			}
			years[p.batches[i].Year].Batches++
		}
		// People are made on another goroutine while SQLite writes: the
		// order, and so the data, stay the same.
		gctx, stop := context.WithCancel(ctx)
		defer stop()
		people := make(chan *wub.Trainee, 1024)
		go g.people(gctx, p, people)
		done := 0
		chunk := make([]*wub.Trainee, 0, chunkSize)
		flush := func() error {
			if err := b.InsertMany(chunk); err != nil {
				return fmt.Errorf("demo: peserta ke-%d sampai %d: %w", done+1, done+len(chunk), err)
			}
			for _, t := range chunk {
				for _, e := range t.Enrolments {
					ys := years[e.Year]
					ys.Enrolments++
					switch e.Status {
					case wub.StatusTrained:
						ys.Trained++
					case wub.StatusDropped:
						ys.Dropped++
					default:
						ys.Registered++
					}
				}
				sum.Enrolments += len(t.Enrolments)
				done++
				if o.Progress != nil && done%5000 == 0 {
					o.Progress(done, o.Trainees)
				}
			}
			chunk = chunk[:0]
			return nil
		}
		for t := range people {
			if chunk = append(chunk, t); len(chunk) == chunkSize {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		sum.Trainees = done
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	if o.Progress != nil {
		o.Progress(sum.Trainees, o.Trainees)
	}
	sum.Batches = len(p.batches)
	for y := firstYear; y <= lastYear; y++ {
		sum.Years = append(sum.Years, *years[y])
	}
	office, err := db.Office(ctx)
	if err != nil {
		return sum, err
	}
	if !office.Configured() {
		if err := db.SetOffice(ctx, demoOffice); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// people makes everyone in the plan, batch after batch, until ctx ends.
func (g *generator) people(ctx context.Context, p *plan, out chan<- *wub.Trainee) {
	defer close(out)
	for i := range p.batches {
		bt := &p.batches[i]
		for range p.fresh[i] {
			t := g.person(bt)
			t.Enrolments = []wub.Enrolment{g.enrolment(bt, bt.ID)}
			if g.r.IntN(100) < 3 {
				if j := g.secondBatch(p, bt); j >= 0 {
					t.Enrolments = append(t.Enrolments, g.enrolment(&p.batches[j], p.batches[j].ID))
				}
			}
			select {
			case out <- t:
			case <-ctx.Done():
				return
			}
		}
	}
}
