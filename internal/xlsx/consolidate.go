package xlsx

import (
	"sort"
	"time"

	"wubdesk/internal/wub"
)

// RegencyTarget is the program's target: 10,000 residents trained.
const RegencyTarget = 10000

// ConsolidateOptions tune a consolidation. Every field is optional.
type ConsolidateOptions struct {
	Agencies wub.Agencies // names and which agencies run in a year (default: from the files)
	Year     int          // program year of the calendar and agency table (default: latest in the files)
	LateDay  int          // a month is late after this day of the next month (default 10)
	Now      time.Time    // for "missing" in the calendar (default time.Now())
	// OpeningBalance is the number trained in 2020–2022 before WUBDesk; when
	// set, it is added to the regency total and files of 2020–2022 are not
	// counted again (they still show in the duplicates).
	OpeningBalance int
	Target         int            // default RegencyTarget
	Quotas         map[string]int // by agency code for Year; overrides the quota in the files
}

// Status of a file in a consolidation.
const (
	FileCounted    = "counted"    // its rows are in the totals
	FileReplaced   = "replaced"   // a newer file of the same agency and month replaced it
	FileSuperseded = "superseded" // a later month of the same agency and year is counted (totals are cumulative)
	FileSame       = "same"       // an identical copy of another file given
	FileRefused    = "refused"    // not a submission, or edited after export
)

// Consolidation is the result: totals per agency and for the regency, the
// people in more than one agency or year, the submission calendar and what
// changed in re-sent months.
type Consolidation struct {
	Year           int
	Month          time.Time // the latest reporting month counted
	Files          []*FileResult
	Agencies       []AgencyTotal
	Enrolments     int // Lulus enrolments in the counted files
	People         int // distinct NIK among them: each person once
	PerAgency      []AgencySum
	RegencyPeople  int // distinct NIK counted toward the target (after the opening balance years when it is set)
	OpeningBalance int
	Target         int
	Duplicates     []Duplicate
	Calendar       []CalendarRow
	Changes        []Change
	LateDay        int
	Now            time.Time
	// Outcomes are the stage figures of Year (consolidate_outcomes.go).
	Outcomes *RegencyOutcomes

	// LikelyDuplicates are NIKs that are likely one person (consolidate_dupes.go).
	LikelyDuplicates []LikelyDuplicate
}

// RegencyTotal is the number counted toward the target.
func (c *Consolidation) RegencyTotal() int { return c.OpeningBalance + c.RegencyPeople }

// FileResult is one input file and what the consolidation did with it.
type FileResult struct {
	*Received
	Status string
	Note   string // why it is not counted, for people ("" when counted)
}

// AgencyTotal is one agency's line for one program year, from its counted file.
type AgencyTotal struct {
	Code, Name   string
	Year         int
	Quota        int
	Period       string // month of the counted file
	File         string
	TrainedMonth int // Lulus in the reporting month
	Trained      int // Lulus, cumulative: the enrolments counted
	People       int // distinct NIK among them
	Registered   int
	Dropped      int
}

// AgencySum is an agency over all the years counted.
type AgencySum struct {
	Code       string
	Enrolments int // Lulus enrolments
	People     int // distinct NIK among them
}

// Percent is cumulative Lulus over the quota (0 when no quota).
func (a AgencyTotal) Percent() float64 {
	if a.Quota <= 0 {
		return 0
	}
	return float64(a.Trained) / float64(a.Quota)
}

// Duplicate is a NIK in more than one agency or year.
type Duplicate struct {
	NIK, Name string
	Where     []Appearance
}

// Appearance is where a duplicated NIK occurs.
type Appearance struct {
	Agency string
	Year   int
	Status string
}

// Consolidate combines submissions. Files that are not valid are listed
// with their reason and left out; of the valid ones, each agency and year
// counts its newest month (its totals are cumulative) in its newest
// version; identical copies count once.
func Consolidate(files []*Received, o ConsolidateOptions) *Consolidation {
	if o.LateDay == 0 {
		o.LateDay = wub.DefaultLateDay
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Target == 0 {
		o.Target = RegencyTarget
	}
	c := &Consolidation{OpeningBalance: o.OpeningBalance, Target: o.Target, LateDay: o.LateDay, Now: o.Now}
	valid := c.classify(files)
	if o.Year == 0 {
		for _, r := range valid {
			o.Year = max(o.Year, r.Meta.Year)
		}
	}
	c.Year = o.Year
	groups := groupVersions(valid)
	counted := c.pickCounted(groups)
	c.total(counted, o)
	c.outcomes(counted)
	c.Duplicates = duplicates(counted)
	c.LikelyDuplicates = likelyDuplicates(counted)
	c.Calendar = calendar(groups, o)
	c.Changes = changes(groups)
	return c
}

// classify marks refused files and identical copies; it returns the valid,
// distinct files.
func (c *Consolidation) classify(files []*Received) []*FileResult {
	var valid []*FileResult
	seen := map[string]*FileResult{}
	for _, r := range files {
		fr := &FileResult{Received: r, Status: FileCounted}
		c.Files = append(c.Files, fr)
		switch first := seen[r.FileSHA256]; {
		case !r.OK():
			fr.Status, fr.Note = FileRefused, reasonText(r.Err)
		case first != nil:
			fr.Status, fr.Note = FileSame, wub.Message("submission_same_file", "", r.FileName, first.FileName)
		default:
			seen[r.FileSHA256] = fr
			valid = append(valid, fr)
		}
	}
	return valid
}

// versionKey is one agency's month.
type versionKey struct {
	agency string
	period string
}

// groupVersions sorts the versions of each agency-month oldest first.
func groupVersions(valid []*FileResult) map[versionKey][]*FileResult {
	g := map[versionKey][]*FileResult{}
	for _, r := range valid {
		k := versionKey{r.Meta.AgencyCode, r.Meta.Period}
		g[k] = append(g[k], r)
	}
	for _, vs := range g {
		sort.SliceStable(vs, func(i, j int) bool { return older(vs[i], vs[j]) })
	}
	return g
}

// older orders versions of a month: by when they were made, then received.
func older(a, b *FileResult) bool {
	if !a.Meta.GeneratedAt.Equal(b.Meta.GeneratedAt) {
		return a.Meta.GeneratedAt.Before(b.Meta.GeneratedAt)
	}
	return a.ReceivedAt.Before(b.ReceivedAt)
}

// pickCounted chooses, per agency and year, the newest version of the
// latest month; the others are marked replaced or superseded.
func (c *Consolidation) pickCounted(groups map[versionKey][]*FileResult) []*FileResult {
	type ay struct {
		agency string
		year   int
	}
	best := map[ay]*FileResult{}
	for _, vs := range groups {
		newest := vs[len(vs)-1]
		for _, v := range vs[:len(vs)-1] {
			v.Status = FileReplaced
			v.Note = wub.Message("submission_replaced", "", v.FileName, newest.FileName)
		}
		k := ay{newest.Meta.AgencyCode, newest.Meta.Year}
		if b := best[k]; b == nil || b.Meta.Period < newest.Meta.Period {
			if b != nil {
				b.Status = FileSuperseded
				b.Note = wub.Message("submission_superseded", "", b.FileName, newest.FileName)
			}
			best[k] = newest
		} else {
			newest.Status = FileSuperseded
			newest.Note = wub.Message("submission_superseded", "", newest.FileName, b.FileName)
		}
	}
	var out []*FileResult
	for _, r := range best {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Meta.Year != out[j].Meta.Year {
			return out[i].Meta.Year < out[j].Meta.Year
		}
		return out[i].Meta.AgencyCode < out[j].Meta.AgencyCode
	})
	return out
}
