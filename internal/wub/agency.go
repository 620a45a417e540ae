package wub

import (
	"sort"
	"time"
)

// Agency codes are stable across renames; names belong to periods.
const (
	DPMPTSP     = "DPMPTSP"
	DISKOPUKM   = "DISKOPUKM"
	DISPERINDAG = "DISPERINDAG"
	DISPORAPAR  = "DISPORAPAR"
	DKPP        = "DKPP"
	DKP         = "DKP"
	DP3AP2KB    = "DP3AP2KB"
)

// AgencyName is an agency's name from a date until the next name starts.
type AgencyName struct {
	ValidFrom time.Time
	Short     string // "Diskop UKM dan Naker"
	Full      string // "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja"
}

// Agency is an organisation (OPD) that has run the WUB program.
type Agency struct {
	Code      string
	Names     []AgencyName // ascending by ValidFrom
	FirstYear int          // first program year it ran
	LastYear  int          // last program year it ran, 0 while it still does
	Order     int
}

// NameOn returns the agency's name in force on date d (the earliest name
// for dates before any name).
func (a Agency) NameOn(d time.Time) AgencyName {
	if len(a.Names) == 0 {
		return AgencyName{Short: a.Code, Full: a.Code}
	}
	cur := a.Names[0]
	for _, n := range a.Names {
		if !n.ValidFrom.After(d) {
			cur = n
		}
	}
	return cur
}

// NameInYear is the name used in reports for a program year: the name in
// force on the last day of that year.
func (a Agency) NameInYear(year int) AgencyName {
	return a.NameOn(time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC))
}

// RunsIn reports whether the agency ran the program in a year.
func (a Agency) RunsIn(year int) bool {
	return year >= a.FirstYear && (a.LastYear == 0 || year <= a.LastYear)
}

// Agencies is the agency history, ordered for display.
type Agencies []Agency

// ByCode finds an agency.
func (as Agencies) ByCode(code string) (Agency, bool) {
	for _, a := range as {
		if a.Code == code {
			return a, true
		}
	}
	return Agency{}, false
}

// InYear returns the agencies that ran the program in a year.
func (as Agencies) InYear(year int) Agencies {
	var out Agencies
	for _, a := range as {
		if a.RunsIn(year) {
			out = append(out, a)
		}
	}
	return out
}

// Sorted returns a copy ordered by Order then code.
func (as Agencies) Sorted() Agencies {
	out := append(Agencies(nil), as...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Order != out[j].Order {
			return out[i].Order < out[j].Order
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// HandoverDate2023 is the day Naker moved from DPMPTSP to Diskop UKM.
var HandoverDate2023 = time.Date(2023, 1, 3, 0, 0, 0, 0, time.UTC)

// Office is the settings that say which office a database belongs to.
type Office struct {
	AgencyCode string
	HeadName   string // Kepala Dinas, for signature blocks
	HeadNIP    string
	Place      string // "Pamekasan", for "Pamekasan, <tanggal>"
}

// Configured reports whether the first-start questions were answered.
func (o Office) Configured() bool { return o.AgencyCode != "" }
