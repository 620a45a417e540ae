package xlsx

import (
	"sort"
	"time"

	"wubdesk/internal/wub"
)

// total fills the agency lines and the regency counts from the counted files.
func (c *Consolidation) total(counted []*FileResult, o ConsolidateOptions) {
	all := map[string]bool{}
	regency := map[string]bool{}
	byAgency := map[string]map[string]bool{}
	sums := map[string]*AgencySum{}
	present := map[string]bool{}
	for _, r := range counted {
		m := r.Meta
		at := AgencyTotal{Code: m.AgencyCode, Name: m.AgencyName, Year: m.Year, Quota: m.Quota,
			Period: m.Period, File: r.FileName, TrainedMonth: m.TrainedMonth}
		if a, ok := o.Agencies.ByCode(m.AgencyCode); ok {
			at.Name = a.NameInYear(m.Year).Short
		}
		if q, ok := o.Quotas[m.AgencyCode]; ok && m.Year == c.Year {
			at.Quota = q
		}
		if byAgency[m.AgencyCode] == nil {
			byAgency[m.AgencyCode] = map[string]bool{}
			sums[m.AgencyCode] = &AgencySum{Code: m.AgencyCode}
		}
		people := map[string]bool{}
		for _, row := range r.Rows {
			switch row.Status {
			case wub.StatusTrained:
				at.Trained++
				people[row.NIK] = true
				all[row.NIK] = true
				byAgency[m.AgencyCode][row.NIK] = true
				if o.OpeningBalance == 0 || m.Year > 2022 {
					regency[row.NIK] = true
				}
			case wub.StatusRegistered:
				at.Registered++
			case wub.StatusDropped:
				at.Dropped++
			}
		}
		at.People = len(people)
		sums[m.AgencyCode].Enrolments += at.Trained
		c.Enrolments += at.Trained
		if t := m.Month(); t.After(c.Month) {
			c.Month = t
		}
		present[m.AgencyCode+"/"+itoa(m.Year)] = true
		c.Agencies = append(c.Agencies, at)
	}
	// Agencies that run in the year but sent nothing still get a line.
	for _, a := range o.Agencies.InYear(c.Year).Sorted() {
		if !present[a.Code+"/"+itoa(c.Year)] {
			q := o.Quotas[a.Code]
			c.Agencies = append(c.Agencies, AgencyTotal{Code: a.Code, Name: a.NameInYear(c.Year).Short, Year: c.Year, Quota: q})
		}
	}
	order := agencyOrder(o.Agencies)
	sort.SliceStable(c.Agencies, func(i, j int) bool {
		x, y := c.Agencies[i], c.Agencies[j]
		if x.Year != y.Year {
			return x.Year < y.Year
		}
		return order(x.Code) < order(y.Code)
	})
	c.People, c.RegencyPeople = len(all), len(regency)
	for code, s := range sums {
		s.People = len(byAgency[code])
		c.PerAgency = append(c.PerAgency, *s)
	}
	sort.Slice(c.PerAgency, func(i, j int) bool { return order(c.PerAgency[i].Code) < order(c.PerAgency[j].Code) })
}

// agencyOrder ranks agency codes for display: the agencies' order, then
// unknown codes alphabetically after them.
func agencyOrder(as wub.Agencies) func(code string) string {
	rank := map[string]string{}
	for i, a := range as.Sorted() {
		rank[a.Code] = string(rune('A' + i))
	}
	return func(code string) string {
		if r, ok := rank[code]; ok {
			return r
		}
		return "~" + code
	}
}

// duplicates lists the NIK found in more than one agency or year among the
// counted files (any status), ordered by NIK.
func duplicates(counted []*FileResult) []Duplicate {
	seen := map[string]*Duplicate{}
	for _, r := range counted {
		for _, row := range r.Rows {
			d := seen[row.NIK]
			if d == nil {
				d = &Duplicate{NIK: row.NIK, Name: row.Name}
				seen[row.NIK] = d
			}
			d.Where = append(d.Where, Appearance{Agency: r.Meta.AgencyCode, Year: r.Meta.Year, Status: row.Status})
		}
	}
	var out []Duplicate
	for _, d := range seen {
		if len(d.Where) > 1 {
			sort.Slice(d.Where, func(i, j int) bool {
				if d.Where[i].Year != d.Where[j].Year {
					return d.Where[i].Year < d.Where[j].Year
				}
				return d.Where[i].Agency < d.Where[j].Agency
			})
			out = append(out, *d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].NIK < out[j].NIK })
	return out
}

// Calendar states of one agency's month.
const (
	CalReceived = "received"
	CalLate     = "late"
	CalReplaced = "replaced"
	CalMissing  = "missing"
	CalNotDue   = "" // not yet due, nothing received
)

// CalendarCell is one agency's month in the submission calendar.
type CalendarCell struct {
	State    string
	Late     bool      // the first version was made after the deadline
	First    time.Time // when the first version was made (sentAt)
	Last     time.Time // when the newest version was made
	Versions int
	File     string // the newest version
}

// CalendarRow is one agency's year.
type CalendarRow struct {
	Agency, Name string
	Months       [12]CalendarCell
}

// sentAt is when a file counts as sent, for the calendar and lateness: the
// time the agency made it, recorded in its Meta sheet under the checksum.
// The time Bagian Perekonomian recorded it is not used: files loaded in a
// batch (a backlog, a new installation) would all look late.
func sentAt(r *FileResult) time.Time { return r.Meta.GeneratedAt }

func calendar(groups map[versionKey][]*FileResult, o ConsolidateOptions) []CalendarRow {
	if o.Year == 0 {
		return nil
	}
	names := map[string]string{}
	var codes []string
	for _, a := range o.Agencies.InYear(o.Year).Sorted() {
		codes = append(codes, a.Code)
		names[a.Code] = a.NameInYear(o.Year).Short
	}
	for k, vs := range groups {
		if _, ok := names[k.agency]; !ok && vs[0].Meta.Year == o.Year {
			codes = append(codes, k.agency)
			names[k.agency] = vs[0].Meta.AgencyName
		}
	}
	now := o.Now.In(wub.WIB)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var out []CalendarRow
	for _, code := range codes {
		row := CalendarRow{Agency: code, Name: names[code]}
		for m := 1; m <= 12; m++ {
			month := time.Date(o.Year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			vs := groups[versionKey{code, wub.Period(month)}]
			cell := &row.Months[m-1]
			if len(vs) == 0 {
				if today.After(wub.SubmissionDeadline(month, o.LateDay)) {
					cell.State = CalMissing
				}
				continue
			}
			first, last := sentAt(vs[0]), sentAt(vs[len(vs)-1])
			cell.First, cell.Last, cell.Versions, cell.File = first, last, len(vs), vs[len(vs)-1].FileName
			cell.Late = wub.SubmissionLate(month, first, o.LateDay)
			switch {
			case len(vs) > 1:
				cell.State = CalReplaced
			case cell.Late:
				cell.State = CalLate
			default:
				cell.State = CalReceived
			}
		}
		out = append(out, row)
	}
	return out
}

// Change is what changed between two versions of an agency's month.
type Change struct {
	Agency, Period string
	From, To       *FileResult
	Added, Removed []wub.SubmissionRow
	Changed        []RowChange
}

// RowChange is a row present in both versions with different values.
type RowChange struct {
	Before, After wub.SubmissionRow
	Fields        []string // Indonesian column names that differ
}

func changes(groups map[versionKey][]*FileResult) []Change {
	var out []Change
	for k, vs := range groups {
		for i := 1; i < len(vs); i++ {
			ch := Diff(vs[i-1].Rows, vs[i].Rows)
			ch.Agency, ch.Period, ch.From, ch.To = k.agency, k.period, vs[i-1], vs[i]
			out = append(out, ch)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Agency != out[j].Agency {
			return out[i].Agency < out[j].Agency
		}
		if out[i].Period != out[j].Period {
			return out[i].Period < out[j].Period
		}
		return older(out[i].From, out[j].From)
	})
	return out
}

// Diff compares two versions of a month's rows by NIK.
func Diff(before, after []wub.SubmissionRow) Change {
	var ch Change
	old := make(map[string]wub.SubmissionRow, len(before))
	for _, r := range before {
		old[r.NIK] = r
	}
	for _, n := range after {
		o, ok := old[n.NIK]
		if !ok {
			ch.Added = append(ch.Added, n)
			continue
		}
		delete(old, n.NIK)
		if o.Hash != n.Hash {
			ch.Changed = append(ch.Changed, RowChange{Before: o, After: n, Fields: changedFields(o, n)})
		}
	}
	for _, r := range before {
		if _, gone := old[r.NIK]; gone {
			ch.Removed = append(ch.Removed, r)
		}
	}
	return ch
}

func changedFields(a, b wub.SubmissionRow) []string {
	var f []string
	add := func(differ bool, name string) {
		if differ {
			f = append(f, name)
		}
	}
	add(a.Name != b.Name, "Nama")
	add(a.Kecamatan != b.Kecamatan, "Kecamatan")
	add(a.Batch != b.Batch, "Angkatan")
	add(a.Status != b.Status, "Status")
	add(!a.CompletedOn.Equal(b.CompletedOn), "Tanggal Selesai")
	if len(f) == 0 {
		f = append(f, "Kolom lain (alamat, No. HP, dll.)")
	}
	return f
}
