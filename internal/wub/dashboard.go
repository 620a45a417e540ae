package wub

import (
	"math"
	"sort"
	"time"
)

// How a figure counts trainees. The regency counts each person once (a
// person trained by two agencies is one resident trained, in the year of
// their first completion); an agency counts its enrolments.
const (
	CountPerson    = "person"
	CountEnrolment = "enrolment"
)

// Blank selects the empty value of a breakdown (no kecamatan or KBLI
// recorded) in a FigureFilter.
const Blank = "-"

// FigureFilter selects the trainees behind a dashboard figure: trained,
// live records of the program years FromYear–ToYear, counted per person or
// per enrolment. Empty fields do not filter; Blank selects an empty value.
type FigureFilter struct {
	Counting   string
	FromYear   int
	ToYear     int
	AgencyCode string // the enrolment's agency (per person: of the first completion)
	Month      int    // 1–12 by count month; 0 = the whole year
	UpToMonth  bool   // months 1–Month (a cumulative figure)
	Sex        string
	KecCode    string
	KBLI       string
	// Repeat (per enrolment) keeps the trained enrolments that are not the
	// person's first completion: trained by a second agency, or again after
	// an earlier year. They make the difference between the sum per agency
	// and the people counted once (issue 19).
	Repeat bool
}

// DashboardQuery asks for the dashboard of a program year as it stands on
// a date. AgencyCode narrows the monthly series and the breakdowns to one
// agency (counted per enrolment); "" shows the regency (per person).
type DashboardQuery struct {
	Year       int
	AsOf       time.Time
	AgencyCode string
}

// DashboardCounts is what the store counts for a dashboard; BuildDashboard
// turns it into the figures shown.
type DashboardCounts struct {
	Query          DashboardQuery
	Target         Target
	Agencies       Agencies
	Quotas         map[string]int // the year's quota per agency
	Opening        map[string]int // the year's opening balance per agency
	Recorded       map[string]int // the year's trained enrolments per agency
	OpeningPeriod  int            // opening balances of the target's years
	RecordedPeriod int            // people first trained in the target's years
	PersonsYear    int            // people first trained in the year
	Monthly        [12]int        // per count month: people, or the agency's enrolments
	Undated        int            // of the same, those whose count date is missing (month 0)
	BySex          map[string]int
	ByKec          map[string]int
	ByKBLI         map[string]int
}

// Progress is realised against a goal: opening balance plus recorded.
type Progress struct {
	Goal     int
	Opening  int
	Recorded int
	Filter   FigureFilter // the people behind Recorded
}

// Realised is opening balance plus recorded.
func (p Progress) Realised() int { return p.Opening + p.Recorded }

// Remaining is what is left to the goal, never below 0.
func (p Progress) Remaining() int { return max(0, p.Goal-p.Realised()) }

// Ratio is realised over the goal; NaN without a goal.
func (p Progress) Ratio() float64 {
	if p.Goal <= 0 {
		return math.NaN()
	}
	return float64(p.Realised()) / float64(p.Goal)
}

// AgencyRow is one agency's line of the year table, counted per enrolment.
type AgencyRow struct {
	Code string
	Name string // the agency's name in the year ("Diskop UKM dan Naker" from 2023)
	Progress
	Expected int  // where it should stand on the as-of date
	Behind   bool // realised below Expected
}

// MonthPoint is one month of the year's chart.
type MonthPoint struct {
	Month      int
	Recorded   int // completions counted in the month
	Cumulative int // the year's opening balance plus months 1–Month
	Pace       int // quota expected by the month's end
	Future     bool
	Filter     FigureFilter // the people behind Cumulative − opening balance
}

// Slice is one bar of a breakdown (by sex, kecamatan or KBLI).
type Slice struct {
	Key    string // code; "" when not recorded
	Label  string
	Count  int
	Filter FigureFilter
}

// Dashboard is everything the Kuota screen and its export show.
type Dashboard struct {
	Query    DashboardQuery
	Target   Target
	Window   TrainingWindow
	Counting string // of Year, Months and the breakdowns

	Regency  Progress    // to the program target, per person
	Year     AgencyRow   // the year (regency or the chosen agency) against its quota
	Agencies []AgencyRow // per enrolment
	Total    AgencyRow   // sum of Agencies
	Months   []MonthPoint
	Undated  int // counted in the year but in no month: "tanggal belum diisi"
	BySex    []Slice
	ByKec    []Slice
	ByKBLI   []Slice
	Forecast Forecast
}

// BuildDashboard computes the dashboard's figures from the counts.
func BuildDashboard(c DashboardCounts) *Dashboard {
	q := c.Query
	y := q.Year
	w := c.Target.Window.Normalized()
	d := &Dashboard{Query: q, Target: c.Target, Window: w, Counting: CountPerson, Undated: c.Undated}
	if q.AgencyCode != "" {
		d.Counting = CountEnrolment
	}
	d.Regency = Progress{Goal: c.Target.Count, Opening: c.OpeningPeriod, Recorded: c.RecordedPeriod,
		Filter: FigureFilter{Counting: CountPerson, FromYear: c.Target.StartYear, ToYear: c.Target.EndYear}}

	row := func(code, name string) AgencyRow {
		r := AgencyRow{Code: code, Name: name, Progress: Progress{Goal: c.Quotas[code], Opening: c.Opening[code],
			Recorded: c.Recorded[code], Filter: FigureFilter{Counting: CountEnrolment, FromYear: y, ToYear: y, AgencyCode: code}}}
		r.Expected = Expected(r.Goal, w, y, q.AsOf)
		r.Behind = r.Realised() < r.Expected
		return r
	}
	seen := map[string]bool{}
	for _, a := range c.Agencies.Sorted().InYear(y) {
		d.Agencies = append(d.Agencies, row(a.Code, a.NameInYear(y).Short))
		seen[a.Code] = true
	}
	// Figures of an agency outside its years (old data) are shown, not lost.
	var extra []string
	for _, m := range []map[string]int{c.Quotas, c.Opening, c.Recorded} {
		for code, n := range m {
			if !seen[code] && n != 0 {
				seen[code] = true
				extra = append(extra, code)
			}
		}
	}
	sort.Strings(extra)
	for _, code := range extra {
		name := code
		if a, ok := c.Agencies.ByCode(code); ok {
			name = a.NameInYear(y).Short
		}
		d.Agencies = append(d.Agencies, row(code, name))
	}
	d.Total = AgencyRow{Code: "", Name: nikText("Jumlah", "Total"),
		Progress: Progress{Filter: FigureFilter{Counting: CountEnrolment, FromYear: y, ToYear: y}}}
	for _, r := range d.Agencies {
		d.Total.Goal += r.Goal
		d.Total.Opening += r.Opening
		d.Total.Recorded += r.Recorded
		d.Total.Expected += r.Expected
	}
	d.Total.Behind = d.Total.Realised() < d.Total.Expected

	base := FigureFilter{Counting: d.Counting, FromYear: y, ToYear: y, AgencyCode: q.AgencyCode}
	if q.AgencyCode == "" {
		d.Year = d.Total
		d.Year.Name = nikText("Kabupaten Pamekasan", "Pamekasan Regency")
		d.Year.Recorded = c.PersonsYear
		d.Year.Filter = base
	} else {
		for _, r := range d.Agencies {
			if r.Code == q.AgencyCode {
				d.Year = r
			}
		}
		if d.Year.Code == "" {
			d.Year = row(q.AgencyCode, q.AgencyCode)
		}
	}
	d.Year.Expected = Expected(d.Year.Goal, w, y, q.AsOf)
	d.Year.Behind = d.Year.Realised() < d.Year.Expected

	cum := d.Year.Opening
	for m := 1; m <= 12; m++ {
		cum += c.Monthly[m-1]
		f := base
		f.Month, f.UpToMonth = m, true
		future := q.AsOf.Year() < y || q.AsOf.Year() == y && int(q.AsOf.Month()) < m
		d.Months = append(d.Months, MonthPoint{Month: m, Recorded: c.Monthly[m-1], Cumulative: cum,
			Pace: int(math.Round(float64(d.Year.Goal) * w.ShareAtMonthEnd(m))), Future: future, Filter: f})
	}

	ref := Ref()
	d.BySex = breakdown(c.BySex, base, func(f *FigureFilter, k string) { f.Sex = k }, SexLabel, []string{"L", "P"})
	var kecs, kblis []string
	for _, k := range ref.Kecamatan {
		kecs = append(kecs, k.Code)
	}
	sort.Strings(kecs) // BPS order
	for _, k := range ref.KBLI {
		kblis = append(kblis, k.Code)
	}
	d.ByKec = breakdown(c.ByKec, base, func(f *FigureFilter, k string) { f.KecCode = k }, ref.KecamatanName, kecs)
	d.ByKBLI = breakdown(c.ByKBLI, base, func(f *FigureFilter, k string) { f.KBLI = k }, func(k string) string {
		if s, ok := ref.KBLIByCode(k); ok {
			return k + " " + s.Title
		}
		return k
	}, kblis)

	d.Forecast = ForecastTarget(c.Target, d.Regency.Realised(), c.openingYear()+c.PersonsYear, y, q.AsOf)
	return d
}

func (c DashboardCounts) openingYear() int {
	n := 0
	for _, v := range c.Opening {
		n += v
	}
	return n
}

// breakdown orders a breakdown: the reference order (every key shown, zero or
// not), then unknown codes, then the blank value when it has any count.
func breakdown(m map[string]int, base FigureFilter, set func(*FigureFilter, string), label func(string) string, order []string) []Slice {
	var out []Slice
	add := func(k string) {
		f := base
		lbl := nikText("Tidak diisi", "Not recorded")
		if k == "" {
			set(&f, Blank)
		} else {
			set(&f, k)
			if l := label(k); l != "" {
				lbl = l
			}
		}
		out = append(out, Slice{Key: k, Label: lbl, Count: m[k], Filter: f})
	}
	known := map[string]bool{}
	for _, k := range order {
		known[k] = true
		add(k)
	}
	var rest []string
	for k, n := range m {
		if !known[k] && k != "" && n != 0 {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		add(k)
	}
	if m[""] != 0 {
		add("")
	}
	return out
}
