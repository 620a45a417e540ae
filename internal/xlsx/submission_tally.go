package xlsx

import (
	"sort"
	"time"

	"wubdesk/internal/wub"
)

// counts are enrolments by status: trained (Lulus), registered
// (Terdaftar), dropped (Keluar).
type counts [3]int

func (c counts) sum() int { return c[0] + c[1] + c[2] }

func statusIndex(s string) int {
	switch s {
	case wub.StatusTrained:
		return 0
	case wub.StatusRegistered:
		return 1
	case wub.StatusDropped:
		return 2
	}
	return -1
}

// split is counts in the reporting month and cumulative for the year.
type split struct{ month, total counts }

// tally sums the Peserta rows for the Rekap sheet while they stream past.
type tally struct {
	from, end time.Time
	all       split
	bySex     map[string]*split
	byKec     map[string]*split // by kecamatan code ("" when unknown)
	byKBLI    map[string]*split // by KBLI section ("" when unknown)
	byMonth   [12]counts        // by count month (wub.Enrolment.CountMonth)
	undated   counts            // rows whose count date is missing: in no month
}

func newTally(month time.Time) *tally {
	return &tally{from: month, end: wub.EndOfMonth(month),
		bySex: map[string]*split{}, byKec: map[string]*split{}, byKBLI: map[string]*split{}}
}

func (t *tally) add(tr *wub.Trainee, e *wub.Enrolment) {
	i := statusIndex(e.Status)
	if i < 0 {
		return
	}
	// A row counts in the month its count date falls in (Lulus: the
	// completion date), as the Peserta sheet's "Bulan Dihitung" says; a row
	// without that date counts in the totals and the "tanggal belum diisi"
	// line, never in a month.
	m := e.CountMonth()
	inMonth := e.Year == t.from.Year() && m == int(t.from.Month())
	for _, s := range []*split{&t.all, bucket(t.bySex, tr.Sex), bucket(t.byKec, tr.KecCode), bucket(t.byKBLI, tr.KBLI)} {
		s.total[i]++
		if inMonth {
			s.month[i]++
		}
	}
	switch {
	case m == wub.UndatedMonth:
		t.undated[i]++
	case e.Year == t.from.Year():
		t.byMonth[m-1][i]++
	}
}

func bucket(m map[string]*split, key string) *split {
	s := m[key]
	if s == nil {
		s = &split{}
		m[key] = s
	}
	return s
}

// line is one labelled row of a Rekap breakdown.
type line struct {
	label string
	s     split
}

// sexLines lists L and P (and unknown values when any).
func (t *tally) sexLines() []line {
	out := []line{{"Laki-laki (L)", get(t.bySex, "L")}, {"Perempuan (P)", get(t.bySex, "P")}}
	for _, k := range sortedKeys(t.bySex) {
		if k != "L" && k != "P" {
			out = append(out, line{"Tidak diisi / lain: " + k, *t.bySex[k]})
		}
	}
	return out
}

// kecLines lists every kecamatan of Pamekasan, with zeros, then unknown.
func (t *tally) kecLines() []line {
	var out []line
	known := map[string]bool{}
	for _, k := range wub.Ref().Kecamatan {
		known[k.Code] = true
		out = append(out, line{k.Name, get(t.byKec, k.Code)})
	}
	for _, k := range sortedKeys(t.byKec) {
		if !known[k] {
			label := "Tidak diisi"
			if k != "" {
				label = "Lainnya: " + k
			}
			out = append(out, line{label, *t.byKec[k]})
		}
	}
	return out
}

// kbliLines lists the business sectors that occur, by KBLI letter.
func (t *tally) kbliLines() []line {
	var out []line
	var unknown *split
	for _, k := range sortedKeys(t.byKBLI) {
		s, ok := wub.Ref().KBLIByCode(k)
		if !ok {
			if unknown == nil {
				unknown = &split{}
			}
			for i := range 3 {
				unknown.month[i] += t.byKBLI[k].month[i]
				unknown.total[i] += t.byKBLI[k].total[i]
			}
			continue
		}
		out = append(out, line{s.Code + " – " + s.Title, *t.byKBLI[k]})
	}
	if unknown != nil {
		out = append(out, line{"Tidak diisi", *unknown})
	}
	return out
}

func get(m map[string]*split, k string) split {
	if s := m[k]; s != nil {
		return *s
	}
	return split{}
}

func sortedKeys(m map[string]*split) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
