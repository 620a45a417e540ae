package xlsx

import (
	"iter"
	"sort"
	"strconv"

	"wubdesk/internal/wub"
)

// Write is one row of a preview that an import writes: a new trainee, or
// (Update) a registered one the file updates and enrols.
type Write struct {
	Num      int             // the row's number in the sheet
	Trainee  *wub.Trainee    // parsed again from the row's cells; Source is set
	Update   bool            // the NIK is registered: update instead of insert
	Provided map[string]bool // Update only: the fields the row gives a value for
}

// Writes yields the rows an import writes (accepted rows and, when the
// clerk chose "update existing", registered ones) in NIK order: the NIK
// indexes then grow at their end instead of at random places, which keeps
// a large import within SQLite's cache. Each row is parsed again from the
// preview's cells as it is yielded, so nothing but the row numbers is held
// for the whole file. A row that no longer parses (it cannot: the same
// parse found no error at preview) yields its issues as the error.
// The use case that writes them is app.ImportWorkbook.
func (rep *Report) Writes() iter.Seq2[Write, error] {
	return func(yield func(Write, error) bool) {
		defer tightGC()()
		p := rep.parser
		p.agency, p.year = rep.Agency, rep.Year
		p.kecs, p.desas = nil, nil // this goroutine's own caches
		type item struct {
			nik uint64 // a checked NIK is 16 digits: it fits
			i   int32
		}
		order := make([]item, 0, rep.Accepted+rep.Updates)
		for i, r := range rep.Rows {
			if r.Status == Accepted || r.Status == Update {
				n, _ := strconv.ParseUint(rep.NIK(i), 10, 64)
				order = append(order, item{n, int32(i)})
			}
		}
		sort.Slice(order, func(a, b int) bool { return order[a].nik < order[b].nik })
		for _, it := range order {
			r := rep.Rows[it.i]
			sr := rep.arena.unpack(r)
			t, is := p.parse(sr)
			if is.HasErrors() {
				yield(Write{Num: r.Num}, is.Errors())
				return
			}
			t.Source = rep.Source(r)
			w := Write{Num: r.Num, Trainee: t, Update: r.Status == Update}
			if w.Update {
				w.Provided = p.provided(sr)
			}
			if !yield(w, nil) {
				return
			}
		}
	}
}
