package cli

import (
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// outcomesJSON is the "outcomes" member of `wubdesk consolidate --json`:
// the stage figures of the program year, each person once across agencies.
// Stage keys are wub.OutcomeStages (registered, trained, mentored, business,
// licensed, nib, marketed, wamira, capital).
type outcomesJSON struct {
	Year           int                  `json:"year"`
	Stages         map[string]int       `json:"stages"`
	MedianDays     *float64             `json:"median_days_to_business"` // null when no one has both dates
	Agencies       []agencyOutcomesJSON `json:"agencies"`
	WithoutColumns []string             `json:"files_without_outcome_columns"`
}

type agencyOutcomesJSON struct {
	Agency     string         `json:"agency"`
	Known      bool           `json:"known"` // false: its report has no outcome columns; later stages unknown
	Stages     map[string]int `json:"stages"`
	MedianDays *float64       `json:"median_days_to_business"`
}

func stagesJSON(r wub.OutcomeRow) map[string]int {
	m := map[string]int{}
	for _, s := range wub.OutcomeStages {
		m[s] = r.Count(s)
	}
	return m
}

func medianJSON(r wub.OutcomeRow) *float64 {
	if r.MedianN == 0 {
		return nil
	}
	v := r.MedianDays
	return &v
}

func outcomesToJSON(c *xlsx.Consolidation) *outcomesJSON {
	o := c.Outcomes
	if o == nil {
		return nil
	}
	j := &outcomesJSON{Year: c.Year, Stages: stagesJSON(o.Total), MedianDays: medianJSON(o.Total),
		Agencies: []agencyOutcomesJSON{}, WithoutColumns: append([]string{}, o.WithoutColumns...)}
	for _, r := range o.ByAgency {
		j.Agencies = append(j.Agencies, agencyOutcomesJSON{Agency: r.AgencyCode, Known: o.Known[r.AgencyCode],
			Stages: stagesJSON(r), MedianDays: medianJSON(r)})
	}
	return j
}
