package wub

import (
	"regexp"
	"strings"
	"time"
)

// Agency changes: what the economic section (through an office's admin
// today, through the hub later) may change in the agency history without a
// new release. A change is a value so that every front end (the window,
// `wubdesk agency`, a hub sending its configuration to the offices) hands
// the same thing to the store, which checks it against the records.
const (
	AgencyAdd    = "add"    // a new agency with its first name from a date
	AgencyRename = "rename" // a new name of an agency from a date
	AgencyEnd    = "end"    // the last program year an agency runs
)

// AgencyChange is one change of the agency history.
type AgencyChange struct {
	Kind     string    `json:"kind"`
	Code     string    `json:"code"`
	Short    string    `json:"short_name,omitempty"`
	Full     string    `json:"full_name,omitempty"`
	From     time.Time `json:"valid_from,omitzero"`
	LastYear int       `json:"last_year,omitempty"` // AgencyEnd: 0 puts the agency back to running
}

var agencyCodeRE = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,15}$`)

// MinAgencyYear is the first year of the WUB program.
const MinAgencyYear = 2020

// Normalize trims the names and upper-cases the code; a missing full name
// is the short one.
func (c *AgencyChange) Normalize() {
	c.Code = strings.ToUpper(strings.TrimSpace(c.Code))
	c.Short = strings.Join(strings.Fields(c.Short), " ")
	c.Full = strings.Join(strings.Fields(c.Full), " ")
	if c.Full == "" {
		c.Full = c.Short
	}
}

// Check checks a change against the current history (not against the
// records: the store does that). It returns a domain error or nil.
func (as Agencies) Check(c AgencyChange) error {
	a, exists := as.ByCode(c.Code)
	if c.Kind != AgencyEnd && c.Kind != AgencyAdd && c.Kind != AgencyRename {
		return Errorf("agency_change_kind", c.Kind)
	}
	if c.Kind == AgencyAdd {
		if !agencyCodeRE.MatchString(c.Code) {
			return Errorf("agency_code_invalid", c.Code)
		}
		if exists {
			return Errorf("agency_exists", c.Code)
		}
	} else if !exists {
		return Errorf("agency_unknown", c.Code)
	}
	if c.Kind == AgencyEnd {
		if c.LastYear != 0 && c.LastYear < a.FirstYear {
			return Errorf("agency_end_before_first", c.Code, c.LastYear, a.FirstYear)
		}
		return nil
	}
	if c.Short == "" {
		return Errorf("agency_name_missing")
	}
	if c.From.IsZero() {
		return Errorf("agency_from_missing")
	}
	if c.From.Year() < MinAgencyYear {
		return Errorf("agency_from_early", FormatDate(c.From), MinAgencyYear)
	}
	if c.Kind == AgencyRename {
		if len(a.Names) > 0 && !c.From.After(a.Names[0].ValidFrom) {
			return Errorf("agency_rename_before_first", c.Code, FormatDate(c.From), FormatDate(a.Names[0].ValidFrom))
		}
		for _, n := range a.Names {
			if n.ValidFrom.Equal(c.From) {
				return Errorf("agency_name_same_day", c.Code, FormatDate(c.From), n.Short)
			}
		}
		if a.LastYear != 0 && c.From.Year() > a.LastYear {
			return Errorf("agency_rename_after_end", c.Code, FormatDate(c.From), a.LastYear)
		}
		if cur := a.NameOn(c.From); cur.Short == c.Short && cur.Full == c.Full {
			return Errorf("agency_name_unchanged", c.Code, c.Short, FormatDate(c.From))
		}
	}
	// No two agencies may go by the same name at the same time: reports,
	// submissions and the consolidation tell agencies apart by it.
	var next time.Time // the new name holds from c.From until next (zero: for ever)
	if c.Kind == AgencyRename {
		next = endOf(a, nextName(a, c.From))
	}
	for _, o := range as {
		if o.Code == c.Code {
			continue
		}
		for i, n := range o.Names {
			if !strings.EqualFold(n.Short, c.Short) {
				continue
			}
			var until time.Time // o carries n from n.ValidFrom until its next name
			if i+1 < len(o.Names) {
				until = o.Names[i+1].ValidFrom
			}
			until = endOf(o, until)
			if (until.IsZero() || c.From.Before(until)) && (next.IsZero() || n.ValidFrom.Before(next)) {
				return Errorf("agency_name_taken", c.Short, o.Code, FormatDate(n.ValidFrom))
			}
		}
	}
	return nil
}

// endOf bounds the end of a name's period (zero: open) by the end of the
// agency's last program year: a name is free again once its agency ended.
func endOf(a Agency, until time.Time) time.Time {
	if a.LastYear == 0 {
		return until
	}
	end := time.Date(a.LastYear+1, 1, 1, 0, 0, 0, 0, time.UTC)
	if until.IsZero() || end.Before(until) {
		return end
	}
	return until
}

// nextName is the start of the name that follows date d, zero when none.
func nextName(a Agency, d time.Time) time.Time {
	for _, n := range a.Names {
		if n.ValidFrom.After(d) {
			return n.ValidFrom
		}
	}
	return time.Time{}
}

// Describe is the change in one line for the audit screen and the CLI.
func (c AgencyChange) Describe() string {
	switch c.Kind {
	case AgencyAdd:
		return Message("agency_did_add", "", c.Code, c.Short, FormatDate(c.From))
	case AgencyRename:
		return Message("agency_did_rename", "", c.Code, c.Short, FormatDate(c.From))
	case AgencyEnd:
		if c.LastYear == 0 {
			return Message("agency_did_reopen", "", c.Code)
		}
		return Message("agency_did_end", "", c.Code, c.LastYear)
	}
	return c.Kind
}
