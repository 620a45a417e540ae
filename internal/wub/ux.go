package wub

import (
	"math"
	"strings"
	"time"
)

// PlaceWarnings warns about a trainee saved without kecamatan or desa: the
// record is kept, but counts by kecamatan (Hasil, Kuota) miss the person.
// The form shows it before it closes (issue 19); saving is never refused.
func (t *Trainee) PlaceWarnings() Issues {
	var out Issues
	if strings.TrimSpace(t.KecCode) == "" {
		out = append(out, issuef("kecamatan", "kecamatan_missing", Warning))
	}
	if strings.TrimSpace(t.DesaCode) == "" {
		out = append(out, issuef("desa", "desa_missing", Warning))
	}
	return out
}

// ProgramPace is the forecast of the program target (issue 19): at the pace
// of the target period so far, the same whichever year a screen shows.
type ProgramPace struct {
	Target   Target
	Realised int       // toward the target, opening balances included
	From     time.Time // first day of the pace: 1 January of the start year
	To       time.Time // last day counted: today, or the deadline once it has passed
	Months   float64   // calendar months From..To
	PerMonth float64   // Realised / Months; 0 before the period starts

	Over bool // the target period has ended
	Met  bool // Realised ≥ the target

	// ReachYear/ReachMonth: when the target is reached at this pace (0 when
	// it has been met, there is no pace, or it would take over a century).
	ReachYear, ReachMonth int
	OnTime                bool // reached by the deadline at this pace
	NeededPerMonth        int  // to reach it by the deadline; 0 when met or over
}

// ProgramForecast computes the program target's forecast on asOf.
func ProgramForecast(t Target, realised int, asOf time.Time) ProgramPace {
	p := ProgramPace{Target: t, Realised: realised, From: time.Date(t.StartYear, 1, 1, 0, 0, 0, 0, time.UTC)}
	dl := t.Deadline()
	p.Met = t.Count > 0 && realised >= t.Count
	p.Over = asOf.After(dl)
	p.To = asOf
	if p.Over {
		p.To = dl
	}
	if p.To.Before(p.From) {
		return p
	}
	p.Months = float64(p.To.Year()-t.StartYear)*12 + monthsIntoYear(p.To)
	if p.Months > 0 {
		p.PerMonth = float64(realised) / p.Months
	}
	if p.Met || p.Over {
		p.OnTime = p.Met
		return p
	}
	remaining := float64(t.Count - realised)
	left := float64(dl.Year()-asOf.Year())*12 + 12 - monthsIntoYear(asOf)
	if left > 0 {
		p.NeededPerMonth = int(math.Ceil(remaining/left - 1e-9))
	}
	if p.PerMonth > 0 && remaining/p.PerMonth <= 1200 {
		k := int(math.Ceil(monthsIntoYear(asOf) + remaining/p.PerMonth - 1e-9))
		p.ReachYear = asOf.Year() + (k-1)/12
		p.ReachMonth = (k-1)%12 + 1
		p.OnTime = p.ReachYear < dl.Year() || p.ReachYear == dl.Year() && p.ReachMonth <= int(dl.Month())
	}
	return p
}
