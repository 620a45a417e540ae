package wub

import (
	"math"
	"sort"
	"strings"
	"time"
)

// Target is the program's promise: Count residents trained over the program
// years StartYear–EndYear (inclusive). Window is the part of each year in
// which training takes place; the pace of a quota is spread over it.
type Target struct {
	Count     int
	StartYear int
	EndYear   int
	Window    TrainingWindow
	UpdatedAt time.Time
}

// DefaultTarget is what a new database starts with (migration 0005): 10,000
// residents over 2020–2023, the years in which the program's 8,200 + 1,800
// were planned, training spread over the whole year.
var DefaultTarget = Target{Count: 10000, StartYear: 2020, EndYear: 2023, Window: TrainingWindow{From: 1, To: 12}}

// Deadline is the last day of the target period.
func (t Target) Deadline() time.Time { return time.Date(t.EndYear, 12, 31, 0, 0, 0, 0, time.UTC) }

// Check validates a target typed by a clerk.
func (t Target) Check() Issues {
	var out Issues
	if t.Count <= 0 {
		out = append(out, issuef("target", "target_invalid", Error, t.Count))
	}
	if t.StartYear < 2020 || t.StartYear > 2100 {
		out = append(out, issuef("start_year", "year_invalid", Error, t.StartYear))
	}
	if t.EndYear < t.StartYear || t.EndYear > 2100 {
		out = append(out, issuef("end_year", "target_period_invalid", Error, t.StartYear, t.EndYear))
	}
	w := t.Window
	if w.From < 1 || w.From > 12 || w.To < w.From || w.To > 12 {
		out = append(out, issuef("window", "window_invalid", Error, w.From, w.To))
	}
	return out
}

// TrainingWindow is the months of a year (From–To, 1–12, inclusive) over
// which a year's quota is expected to be reached evenly. The default is
// the whole year; an office that trains from February to November sets
// {2, 11}, so that its pace mark does not fall behind in January.
type TrainingWindow struct{ From, To int }

// Normalized returns the whole year for a zero or broken window.
func (w TrainingWindow) Normalized() TrainingWindow {
	if w.From < 1 || w.From > 12 || w.To < w.From || w.To > 12 {
		return TrainingWindow{1, 12}
	}
	return w
}

// Months is the number of training months.
func (w TrainingWindow) Months() int { w = w.Normalized(); return w.To - w.From + 1 }

// ShareAtMonthEnd is the share of the year's quota expected by the end of
// month m (1–12).
func (w TrainingWindow) ShareAtMonthEnd(m int) float64 {
	w = w.Normalized()
	done := float64(m - w.From + 1)
	return clamp01(done / float64(w.Months()))
}

// ShareAt is the share of program year's quota expected by the end of day
// d: the window's months before d's month count whole, d's month counts
// day/days-in-month; nothing before the window starts, all after it ends.
func (w TrainingWindow) ShareAt(year int, d time.Time) float64 {
	w = w.Normalized()
	switch {
	case d.Year() < year:
		return 0
	case d.Year() > year:
		return 1
	}
	m := int(d.Month())
	done := float64(m-w.From) + float64(d.Day())/float64(daysIn(d.Year(), m))
	return clamp01(done / float64(w.Months()))
}

// Expected is where a quota should stand on date d of a program year: the
// quota times the share of the window elapsed, rounded to the nearest whole
// person.
func Expected(quota int, w TrainingWindow, year int, d time.Time) int {
	return int(math.Round(float64(quota) * w.ShareAt(year, d)))
}

// Quota is an agency's number to train in a program year.
type Quota struct {
	AgencyCode string
	Year       int
	Count      int
}

// Check validates a quota against the agency history.
func (q Quota) Check(as Agencies) Issues {
	out := checkAgencyYear(as, q.AgencyCode, q.Year)
	if q.Count < 0 {
		out = append(out, issuef("quota", "quota_negative", Error, q.Count))
	}
	return out
}

// OpeningBalance is the number an agency trained in a year before its
// records were kept in WUBDesk (the 2020–2022 figures from the annual
// reports), with a note saying where the number comes from.
type OpeningBalance struct {
	AgencyCode string
	Year       int
	Count      int
	Note       string
	UpdatedAt  time.Time
}

// Check validates an opening balance: agency and year as for an
// enrolment, a count of zero or more, and a note on its source.
func (o *OpeningBalance) Check(as Agencies) Issues {
	o.Note = strings.Join(strings.Fields(o.Note), " ")
	out := checkAgencyYear(as, o.AgencyCode, o.Year)
	if o.Count < 0 {
		out = append(out, issuef("count", "opening_negative", Error, o.Count))
	}
	if o.Note == "" && o.Count > 0 {
		out = append(out, issuef("note", "opening_note_missing", Error))
	}
	return out
}

func checkAgencyYear(as Agencies, code string, year int) Issues {
	var out Issues
	a, ok := as.ByCode(code)
	if !ok {
		out = append(out, issuef("agency", "agency_unknown", Error, code))
	}
	if year < 2020 || year > 2100 {
		out = append(out, issuef("year", "year_invalid", Error, year))
	} else if ok && !a.RunsIn(year) {
		out = append(out, issuef("agency", "agency_not_in_year", Error, a.NameInYear(year).Short, year))
	}
	return out
}

// Distribute splits total over len(agencies) shares in proportion to
// weights (all equal when weights is nil or has no positive weight). It uses
// the largest-remainder method, so the shares always add up to total
// exactly; ties go to the earlier agency. Negative, NaN and infinite weights
// count as zero, a negative total as zero.
func Distribute(total int, agencies []string, weights []float64) []int {
	n := len(agencies)
	out := make([]int, n)
	if n == 0 || total <= 0 {
		return out
	}
	w := make([]float64, n)
	var maxW float64
	for i := range w {
		if i < len(weights) && weights[i] > 0 && !math.IsInf(weights[i], 0) {
			w[i] = weights[i]
			maxW = math.Max(maxW, w[i])
		}
	}
	if maxW == 0 {
		for i := range w {
			w[i] = 1
		}
		maxW = 1
	}
	var sum float64
	for i := range w {
		w[i] /= maxW // scaled so the sum cannot overflow
		sum += w[i]
	}
	frac := make([]float64, n)
	given := 0
	for i := range w {
		exact := float64(total) * (w[i] / sum)
		f := math.Floor(exact)
		if f >= float64(total) {
			out[i] = total
		} else {
			out[i] = int(f)
		}
		frac[i] = exact - f
		given += out[i]
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	// Largest remainder first; stable so that ties keep agency order.
	sort.SliceStable(order, func(a, b int) bool { return frac[order[a]] > frac[order[b]] })
	for k := 0; given < total; k = (k + 1) % n {
		if w[order[k]] > 0 {
			out[order[k]]++
			given++
		}
	}
	// Rounding in floating point can hand out one too many; take it back
	// from the smallest remainders.
	for k := n - 1; given > total; k = (k - 1 + n) % n {
		if out[order[k]] > 0 {
			out[order[k]]--
			given--
		}
	}
	return out
}

// UndatedMonth is the count month of an enrolment whose count date is
// missing: it is counted in a "tanggal belum diisi" line, never in a month.
const UndatedMonth = 0

func clamp01(f float64) float64 { return math.Max(0, math.Min(1, f)) }

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// monthsIntoYear is how many months of d's year have passed at the end of
// day d: 15 June (of 30 days) is 5.5.
func monthsIntoYear(d time.Time) float64 {
	m := int(d.Month())
	return float64(m-1) + float64(d.Day())/float64(daysIn(d.Year(), m))
}

// CountMonth is the month (1–12) of the program year in which an enrolment
// counts: the month of its CountDate, or January or December when that
// date falls before or after the program year (a 2022 course finished in
// January 2023 counts in December 2022), or 0 (UndatedMonth) when its count
// date was never filled in. The store's enrolment.count_month column
// computes the same.
func (e Enrolment) CountMonth() int {
	d := e.CountDate()
	switch {
	case d.IsZero():
		return UndatedMonth
	case d.Year() < e.Year:
		return 1
	case d.Year() > e.Year:
		return 12
	}
	return int(d.Month())
}
