package wub

import (
	"math"
	"time"
)

// Forecast says when the program target is reached at the current pace, and
// what it takes to reach it by the deadline (31 December of the target's
// last year). The pace is this year's realised number (opening balance
// plus recorded) divided by the calendar months of the year elapsed on the
// as-of date; the training window plays no part here.
type Forecast struct {
	Target    int
	Realised  int // toward the target, opening balances included
	Remaining int // Target − Realised, never below 0
	Reached   bool

	YearRealised  int     // realised in the dashboard's year up to AsOf
	ElapsedMonths float64 // calendar months of that year elapsed on AsOf
	PerMonth      float64 // YearRealised / ElapsedMonths; 0 without any pace

	// ReachYear and ReachMonth are the month the target is reached when
	// PerMonth continues from AsOf; both 0 when there is no pace or it
	// would take more than a century.
	ReachYear, ReachMonth int
	OnTrack               bool // reached, or reached by the deadline at this pace

	Deadline       time.Time
	MonthsLeft     float64 // from AsOf to the deadline, 0 once it has passed
	NeededPerMonth int     // to reach the target by the deadline; 0 when reached or too late
}

// ForecastTarget computes the forecast for program year `year` on date asOf.
func ForecastTarget(t Target, realised, yearRealised, year int, asOf time.Time) Forecast {
	f := Forecast{Target: t.Count, Realised: realised, YearRealised: yearRealised, Deadline: t.Deadline()}
	f.Remaining = max(0, t.Count-realised)
	f.Reached = f.Remaining == 0
	switch {
	case asOf.Year() < year:
		f.ElapsedMonths = 0
	case asOf.Year() > year:
		f.ElapsedMonths = 12
	default:
		f.ElapsedMonths = monthsIntoYear(asOf)
	}
	if f.ElapsedMonths > 0 && yearRealised > 0 {
		f.PerMonth = float64(yearRealised) / f.ElapsedMonths
	}
	if !asOf.After(f.Deadline) {
		f.MonthsLeft = float64(f.Deadline.Year()-asOf.Year())*12 + 12 - monthsIntoYear(asOf)
	}
	if f.Reached {
		f.OnTrack = true
		return f
	}
	if f.MonthsLeft > 0 {
		f.NeededPerMonth = int(math.Ceil(float64(f.Remaining)/f.MonthsLeft - 1e-9))
	}
	if f.PerMonth > 0 {
		togo := float64(f.Remaining) / f.PerMonth
		if togo <= 1200 {
			// p is months since 1 January of asOf's year; month k (1-based)
			// covers (k−1, k], so a target reached exactly at a month's end
			// belongs to that month.
			p := monthsIntoYear(asOf) + togo
			k := int(math.Ceil(p - 1e-9))
			f.ReachYear = asOf.Year() + (k-1)/12
			f.ReachMonth = (k-1)%12 + 1
			dl := f.Deadline
			f.OnTrack = f.ReachYear < dl.Year() || f.ReachYear == dl.Year() && f.ReachMonth <= int(dl.Month())
		}
	}
	return f
}
