package wub

import (
	"strings"
	"time"
)

// Contract is a facilitator's yearly contract (SPK) with one agency. A new
// year is a new contract; old ones are never overwritten.
type Contract struct {
	ID               int64
	FacilitatorID    int64
	FacilitatorName  string // for lists; not saved
	Year             int
	AgencyCode       string
	SPKNumber        string // nomor kontrak / SPK
	AssignmentNumber string // nomor surat tugas
	StartDate        time.Time
	EndDate          time.Time
	KecCode          string // kecamatan assigned
	Honorarium       int64  // rupiah per month
	TargetTrainees   int    // trainees to mentor
	RenewedFrom      int64  // the previous year's contract this one renews, 0 if none
	Notes            string
	DeletedAt        time.Time
}

// Normalize trims the text fields.
func (c *Contract) Normalize() {
	c.SPKNumber = strings.Join(strings.Fields(c.SPKNumber), " ")
	c.AssignmentNumber = strings.Join(strings.Fields(c.AssignmentNumber), " ")
	c.Notes = strings.TrimSpace(c.Notes)
}

// Check validates a contract on its own (overlaps with other contracts are
// the store's to find): the agency runs the program in the year, the start
// date lies in the year, the end follows the start, amounts are not negative.
func (c *Contract) Check(agencies Agencies) Issues {
	var out Issues
	if c.FacilitatorID == 0 {
		out = append(out, issuef("facilitator", "contract_facilitator_missing", Error))
	}
	out = append(out, (&Enrolment{AgencyCode: c.AgencyCode, Year: c.Year, Status: StatusRegistered}).Check(agencies)...)
	switch {
	case c.StartDate.IsZero():
		out = append(out, issuef("start_date", "contract_start_missing", Error))
	case c.StartDate.Year() != c.Year:
		out = append(out, issuef("start_date", "contract_start_other_year", Error, FormatDate(c.StartDate), c.Year))
	}
	switch {
	case c.EndDate.IsZero():
		out = append(out, issuef("end_date", "contract_end_missing", Error))
	case !c.StartDate.IsZero() && c.EndDate.Before(c.StartDate):
		out = append(out, issuef("end_date", "date_order", Error, FormatDate(c.EndDate), FormatDate(c.StartDate)))
	case c.EndDate.Year() != c.Year:
		out = append(out, issuef("end_date", "contract_end_other_year", Warning, FormatDate(c.EndDate), c.Year))
	}
	if c.KecCode != "" {
		if _, ok := Ref().KecamatanByCode(c.KecCode); !ok {
			out = append(out, issuef("kecamatan", "kecamatan_unknown", Error, c.KecCode))
		}
	}
	if c.Honorarium < 0 {
		out = append(out, issuef("honorarium", "contract_amount_negative", Error))
	}
	if c.TargetTrainees < 0 {
		out = append(out, issuef("target", "contract_amount_negative", Error))
	}
	return out
}

// Overlaps reports whether two contracts share at least one day.
func (c Contract) Overlaps(o Contract) bool {
	return !c.StartDate.After(o.EndDate) && !o.StartDate.After(c.EndDate)
}

// Covers reports whether the contract runs on some day of month ("2023-04").
func (c Contract) Covers(month string) bool {
	first, ok := ParseMonth(month)
	if !ok {
		return false
	}
	last := first.AddDate(0, 1, -1)
	return !c.StartDate.After(last) && !first.After(c.EndDate)
}

// Months lists the months ("YYYY-MM") the contract runs in, in order.
func (c Contract) Months() []string {
	if c.StartDate.IsZero() || c.EndDate.Before(c.StartDate) {
		return nil
	}
	var out []string
	m := time.Date(c.StartDate.Year(), c.StartDate.Month(), 1, 0, 0, 0, 0, time.UTC)
	for !m.After(c.EndDate) {
		out = append(out, FormatMonth(m))
		m = m.AddDate(0, 1, 0)
	}
	return out
}

// RenewFor makes next year's contract from this one: the same agency,
// kecamatan, honorarium and target, the same days of the year (29 February
// becomes 28 February), no SPK or assignment number yet.
func (c Contract) RenewFor(year int) Contract {
	return Contract{FacilitatorID: c.FacilitatorID, FacilitatorName: c.FacilitatorName, Year: year,
		AgencyCode: c.AgencyCode, StartDate: sameDayIn(c.StartDate, year),
		EndDate: sameDayIn(c.EndDate, year+c.EndDate.Year()-c.StartDate.Year()), KecCode: c.KecCode,
		Honorarium: c.Honorarium, TargetTrainees: c.TargetTrainees, RenewedFrom: c.ID}
}

func sameDayIn(d time.Time, year int) time.Time {
	day := d.Day()
	if d.Month() == time.February && day == 29 {
		day = 28
	}
	return time.Date(year, d.Month(), day, 0, 0, 0, 0, time.UTC)
}
