package wub

import (
	"fmt"
	"strings"
	"time"
)

// Business states a mentoring visit records for the trainee's business.
const (
	BusinessNotStarted = "not_started" // belum mulai
	BusinessRunning    = "running"     // sudah berjalan
	BusinessStopped    = "stopped"     // berhenti
)

// BusinessStates lists the states in display order.
var BusinessStates = []string{BusinessNotStarted, BusinessRunning, BusinessStopped}

// BusinessStateLabel is the label of a business state.
func BusinessStateLabel(s string) string {
	switch s {
	case BusinessNotStarted:
		return nikText("Belum mulai", "Not started")
	case BusinessRunning:
		return nikText("Sudah berjalan", "Running")
	case BusinessStopped:
		return nikText("Berhenti", "Stopped")
	}
	return s
}

// ParseBusinessState reads a state label or code in either language.
func ParseBusinessState(s string) (string, bool) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case BusinessNotStarted, "belum mulai", "belum", "not started":
		return BusinessNotStarted, true
	case BusinessRunning, "sudah berjalan", "berjalan", "jalan", "aktif":
		return BusinessRunning, true
	case BusinessStopped, "berhenti", "tutup", "sudah berhenti":
		return BusinessStopped, true
	}
	return "", false
}

// Mentoring is one mentoring visit (pendampingan) of a facilitator to a
// trainee.
type Mentoring struct {
	ID              int64
	Date            time.Time
	TraineeID       int64
	TraineeName     string // for lists; not saved
	FacilitatorID   int64
	FacilitatorName string // for lists; not saved
	Notes           string // what was done
	BusinessState   string
	PhotoPath       string // optional, a file the clerk keeps next to the database
}

// Check validates a visit.
func (m *Mentoring) Check(today time.Time) Issues {
	var out Issues
	m.Notes = strings.TrimSpace(m.Notes)
	m.PhotoPath = strings.TrimSpace(m.PhotoPath)
	if m.TraineeID == 0 {
		out = append(out, issuef("trainee", "mentoring_trainee_missing", Error))
	}
	if m.FacilitatorID == 0 {
		out = append(out, issuef("facilitator", "contract_facilitator_missing", Error))
	}
	switch {
	case m.Date.IsZero():
		out = append(out, issuef("date", "mentoring_date_missing", Error))
	case m.Date.After(today):
		out = append(out, issuef("date", "mentoring_date_future", Error, FormatDate(m.Date)))
	}
	switch m.BusinessState {
	case BusinessNotStarted, BusinessRunning, BusinessStopped:
	default:
		out = append(out, issuef("business_state", "business_state_invalid", Error, m.BusinessState))
	}
	return out
}

// ReportDueDay is the day of the following month by which a monthly
// activity report counts as on time (the honorarium is paid after it).
const ReportDueDay = 10

// ActivityReport is a facilitator's monthly activity report.
type ActivityReport struct {
	ID              int64
	FacilitatorID   int64
	FacilitatorName string // for lists; not saved
	Month           string // "2023-04"
	Activities      string
	TraineesVisited int
	SubmittedOn     time.Time
	Notes           string
}

// FormatMonth writes a month as stored: "2023-04".
func FormatMonth(t time.Time) string { return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month())) }

// ParseMonth reads a month as stored ("2023-04") or typed ("04/2023",
// "April 2023", "Apr 2023") and returns its first day.
func ParseMonth(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	y, m := -1, -1
	switch f := strings.Fields(s); {
	case len(s) == 7 && s[4] == '-':
		y, m = digits(s[:4]), digits(s[5:])
	case len(s) == 7 && s[2] == '/':
		m, y = digits(s[:2]), digits(s[3:])
	case len(f) == 2 && len(f[1]) == 4:
		if mm, ok := monthNames[strings.ToLower(f[0])]; ok {
			m, y = mm, digits(f[1])
		}
	}
	if m < 1 || m > 12 || y < 2000 || y > 2100 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), true
}

// digits reads a string of ASCII digits; anything else is -1.
func digits(s string) int {
	if s == "" {
		return -1
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// MonthLabel writes "April 2023".
func MonthLabel(month string) string {
	t, ok := ParseMonth(month)
	if !ok {
		return month
	}
	return MonthName(int(t.Month())) + " " + fmt.Sprint(t.Year())
}

// ReportDue is the last day a report for month counts as on time.
func ReportDue(month string) time.Time {
	t, _ := ParseMonth(month)
	return time.Date(t.Year(), t.Month()+1, ReportDueDay, 0, 0, 0, 0, time.UTC)
}

// OnTime reports whether the report was submitted by its due date.
func (r ActivityReport) OnTime() bool {
	return !r.SubmittedOn.IsZero() && !r.SubmittedOn.After(ReportDue(r.Month))
}

// Check validates a report: a real month, a submission date not before the
// month began and not in the future, no negative counts.
func (r *ActivityReport) Check(today time.Time) Issues {
	var out Issues
	r.Activities = strings.TrimSpace(r.Activities)
	r.Notes = strings.TrimSpace(r.Notes)
	if r.FacilitatorID == 0 {
		out = append(out, issuef("facilitator", "contract_facilitator_missing", Error))
	}
	first, ok := ParseMonth(r.Month)
	if !ok {
		out = append(out, issuef("month", "report_month_invalid", Error, r.Month))
	} else {
		r.Month = FormatMonth(first)
	}
	switch {
	case r.SubmittedOn.IsZero():
		out = append(out, issuef("submitted_on", "report_submitted_missing", Error))
	case r.SubmittedOn.After(today):
		out = append(out, issuef("submitted_on", "report_submitted_future", Error, FormatDate(r.SubmittedOn)))
	case ok && r.SubmittedOn.Before(first):
		out = append(out, issuef("submitted_on", "report_submitted_early", Error, FormatDate(r.SubmittedOn), MonthLabel(r.Month)))
	}
	if r.TraineesVisited < 0 {
		out = append(out, issuef("trainees_visited", "contract_amount_negative", Error))
	}
	return out
}

// ReportTally counts a facilitator's monthly reports over the months a
// contract expected them. A month whose due date is after today and that
// has no report yet is pending, not missing.
type ReportTally struct {
	Expected, OnTime, Late, Missing, Pending int
}

// TallyReports counts submitted (month → submission date) against months.
func TallyReports(months []string, submitted map[string]time.Time, today time.Time) ReportTally {
	var t ReportTally
	for _, m := range months {
		d, ok := submitted[m]
		switch {
		case ok && !d.After(ReportDue(m)):
			t.OnTime++
		case ok:
			t.Late++
		case ReportDue(m).After(today) || ReportDue(m).Equal(today):
			t.Pending++
			continue
		default:
			t.Missing++
		}
		t.Expected++
	}
	return t
}
