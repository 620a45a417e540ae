package wub

import (
	"sort"
	"time"
)

// PersonJourney is one person of a program year's cohort: the agency and
// kecamatan they are counted under and the first date of each stage.
type PersonJourney struct {
	TraineeID  int64
	NIK        string
	Name       string
	AgencyCode string // the agency of the enrolment they are counted under
	KecCode    string // from the trainee's address; "" when unknown
	Facts      JourneyFacts
}

// OutcomeRow counts the people of one group who reached each stage.
type OutcomeRow struct {
	AgencyCode string // "" for all agencies
	KecCode    string // "" for all kecamatan
	Counts     map[string]int
	// MedianDays is the median of days from the training's completion to
	// the business running, over MedianN people whose both dates are known.
	MedianDays float64
	MedianN    int
}

// Count is the number of people who reached a stage.
func (r OutcomeRow) Count(stage string) int { return r.Counts[stage] }

// Base is what a stage's percentage is taken of: registered people for the
// trained stage, trained people for the stages after it.
func (r OutcomeRow) Base(stage string) int {
	switch stage {
	case StageRegistered:
		return r.Counts[StageRegistered]
	case StageTrained:
		return r.Counts[StageRegistered]
	}
	return r.Counts[StageTrained]
}

// Percent is a stage's count as a ratio of its base (0 when the base is 0).
func (r OutcomeRow) Percent(stage string) float64 {
	b := r.Base(stage)
	if b == 0 {
		return 0
	}
	return float64(r.Counts[stage]) / float64(b)
}

// Outcomes are the figures of one program year. Every person is counted
// once in Total, once in one row of ByAgency, once in one row of
// ByKecamatan and once in one cell of Cells.
type Outcomes struct {
	Year        int
	Total       OutcomeRow
	ByAgency    []OutcomeRow // ordered by agency code
	ByKecamatan []OutcomeRow // ordered by kecamatan code ("" last)
	Cells       []OutcomeRow // agency × kecamatan, only non-empty ones
}

// ComputeOutcomes aggregates a cohort. People with the same TraineeID are
// counted once (the first one given wins).
func ComputeOutcomes(year int, people []PersonJourney) Outcomes {
	seen := map[int64]bool{}
	type acc struct {
		row  OutcomeRow
		days []int
	}
	// A group is all agencies or one, and all kecamatan or one (possibly
	// the unknown one, "").
	type key struct {
		agency, kec string
		byKec       bool
	}
	groups := map[key]*acc{}
	get := func(k key) *acc {
		a, ok := groups[k]
		if !ok {
			a = &acc{row: OutcomeRow{AgencyCode: k.agency, KecCode: k.kec, Counts: map[string]int{}}}
			groups[k] = a
		}
		return a
	}
	for _, p := range people {
		if seen[p.TraineeID] {
			continue
		}
		seen[p.TraineeID] = true
		d, hasDays := p.Facts.DaysToBusiness()
		for _, a := range []*acc{get(key{}), get(key{agency: p.AgencyCode}), get(key{kec: p.KecCode, byKec: true}),
			get(key{p.AgencyCode, p.KecCode, true})} {
			for _, s := range OutcomeStages {
				if p.Facts.Reached(s) {
					a.row.Counts[s]++
				}
			}
			if hasDays {
				a.days = append(a.days, d)
			}
		}
	}
	out := Outcomes{Year: year}
	for k, a := range groups {
		a.row.MedianDays, a.row.MedianN = Median(a.days), len(a.days)
		switch {
		case k.agency == "" && !k.byKec:
			out.Total = a.row
		case !k.byKec:
			out.ByAgency = append(out.ByAgency, a.row)
		case k.agency == "":
			out.ByKecamatan = append(out.ByKecamatan, a.row)
		default:
			out.Cells = append(out.Cells, a.row)
		}
	}
	if out.Total.Counts == nil {
		out.Total.Counts = map[string]int{}
	}
	less := func(rs []OutcomeRow) func(i, j int) bool {
		return func(i, j int) bool {
			a, b := rs[i], rs[j]
			if a.AgencyCode != b.AgencyCode {
				return a.AgencyCode < b.AgencyCode
			}
			if (a.KecCode == "") != (b.KecCode == "") {
				return b.KecCode == ""
			}
			return a.KecCode < b.KecCode
		}
	}
	sort.Slice(out.ByAgency, less(out.ByAgency))
	sort.Slice(out.ByKecamatan, less(out.ByKecamatan))
	sort.Slice(out.Cells, less(out.Cells))
	return out
}

// OutcomePeople filters a cohort to the people behind one figure: those in
// the group (agency and kecamatan; "" matches all, and NoKecamatan matches
// people without one) who reached the stage, each once.
func OutcomePeople(people []PersonJourney, stage, agency, kec string) []PersonJourney {
	seen := map[int64]bool{}
	var out []PersonJourney
	for _, p := range people {
		if seen[p.TraineeID] {
			continue
		}
		seen[p.TraineeID] = true
		if agency != "" && p.AgencyCode != agency {
			continue
		}
		if kec == NoKecamatan && p.KecCode != "" || kec != "" && kec != NoKecamatan && p.KecCode != kec {
			continue
		}
		if p.Facts.Reached(stage) {
			out = append(out, p)
		}
	}
	return out
}

// NoKecamatan selects people whose kecamatan is unknown in OutcomePeople.
const NoKecamatan = "-"

// Median of whole numbers (0 for none); the mean of the middle two for an
// even count.
func Median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]int(nil), xs...)
	sort.Ints(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return float64(s[m])
	}
	return float64(s[m-1]+s[m]) / 2
}

// daysBetween counts whole days from a to b.
func daysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }
