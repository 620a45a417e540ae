package wub

import (
	"fmt"
	"strings"
	"time"
)

// SubmissionFormat is the version of the monthly submission workbook (its
// sheets, columns and the canonical form its checksum is computed over). A
// reader refuses a newer format instead of guessing.
const SubmissionFormat = 1

// DefaultLateDay is the day of the following month after which a monthly
// submission is late (setting "submission.late_day").
const DefaultLateDay = 10

// WIB is the time zone of Pamekasan (UTC+7), used to decide on which day a
// submission was made.
var WIB = time.FixedZone("WIB", 7*3600)

// ParsePeriod reads a reporting month written as YYYY-MM and returns its
// first day.
func ParsePeriod(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("2006-01", s)
	if err != nil || len(s) != 7 || t.Year() < 2020 || t.Year() > 2100 {
		return time.Time{}, Errorf("period_invalid", s)
	}
	return t, nil
}

// Period writes the month of t as YYYY-MM.
func Period(t time.Time) string { return t.Format("2006-01") }

// PeriodLabel writes a month as "Juni 2024".
func PeriodLabel(month time.Time) string {
	return fmt.Sprintf("%s %d", MonthName(int(month.Month())), month.Year())
}

// EndOfMonth is the last day of the month of t (midnight UTC, like stored dates).
func EndOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
}

// SubmissionDeadline is the last day on which the submission for a month is
// on time: the lateDay-th of the following month.
func SubmissionDeadline(month time.Time, lateDay int) time.Time {
	if lateDay < 1 || lateDay > 28 {
		lateDay = DefaultLateDay
	}
	return time.Date(month.Year(), month.Month()+1, lateDay, 0, 0, 0, 0, time.UTC)
}

// SubmissionLate reports whether a submission for month made at t (any
// zone) came after the deadline, judged by the calendar day in Pamekasan.
func SubmissionLate(month, at time.Time, lateDay int) bool {
	l := at.In(WIB)
	day := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
	return day.After(SubmissionDeadline(month, lateDay))
}

// SubmissionMeta is what the hidden Meta sheet of a submission records. The
// checksum covers every field (see internal/xlsx) so that an edit to the
// workbook after export is detected.
type SubmissionMeta struct {
	Format          int
	AgencyCode      string
	AgencyName      string
	Period          string // YYYY-MM
	Year            int    // program year
	AppVersion      string
	GeneratedAt     time.Time
	TraineeRows     int // rows of the Peserta sheet
	FacilitatorRows int // rows of the Fasilitator sheet (0 when absent)
	Quota           int // the agency's quota for the year, 0 when none was set
	// Totals of the Peserta sheet by status: this month and cumulative.
	TrainedMonth, TrainedTotal       int
	RegisteredMonth, RegisteredTotal int
	DroppedMonth, DroppedTotal       int
	DataSHA256                       string // hex, over the canonical form
}

// Month returns the first day of the reporting month.
func (m SubmissionMeta) Month() time.Time {
	t, _ := ParsePeriod(m.Period)
	return t
}

// SubmissionRow is what the consolidation keeps of one Peserta row: enough
// to count people, list duplicates and show what changed when a month is
// sent again.
type SubmissionRow struct {
	NIK         string
	Name        string
	Kecamatan   string
	Status      string // StatusTrained, ...
	Batch       string
	CompletedOn time.Time
	Hash        string // hex SHA-256 of the whole row, to see other changes
}

// ReceivedSubmission is a submission workbook that Bagian Perekonomian has
// read: the file, when it arrived and what its Meta sheet says.
type ReceivedSubmission struct {
	ID         int64
	FileName   string
	FileSHA256 string
	ReceivedAt time.Time
	Meta       SubmissionMeta
}
