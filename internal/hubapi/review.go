package hubapi

// Additions of issue 22 (review, lock, the economic section's window).
// Added beside hubapi.go so that branches coding against it merge.

// More endpoints.
const (
	PathReopenAsk  = "/api/v1/reopen-ask" // device: ReopenAskRequest → MonthState (the office asks to reopen)
	PathMonth      = "/api/v1/month"      // hub user, GET ?agency=CODE&month=YYYY-MM: → MonthDetail
	PathDuplicates = "/api/v1/duplicates" // hub user, GET: → Duplicates (across agencies)
	PathQuotas     = "/api/v1/quotas"     // hub user, GET ?year=YYYY: → Quotas
	PathDeadline   = "/api/v1/deadline"   // hub user (admin): DeadlineRequest → DeadlineRequest; GET: the setting
)

// Roles of hub users.
const (
	RoleReviewer = "reviewer"
	RoleAdmin    = "admin"
)

// ReopenAskRequest is an office asking the economic section to reopen an
// accepted month; the hub shows it beside the month, the admin decides.
type ReopenAskRequest struct {
	Month  string `json:"month"`
	Reason string `json:"reason"`
}

// MonthDetail is what a reviewer sees of one agency's month: the snapshot's
// figures beside the previous month's and the agency's quota, the live
// figures beside the accepted ones, the likely duplicates across agencies
// that touch the month, and the history of decisions.
type MonthDetail struct {
	State      MonthState   `json:"state"`
	Figures    MonthFigures `json:"figures"`           // the last snapshot sent
	Previous   MonthFigures `json:"previous"`          // the previous month's last snapshot (zero when none)
	Accepted   MonthFigures `json:"accepted"`          // the figures of the last accepted snapshot (the reported figure)
	Live       MonthFigures `json:"live"`              // computed now from the office's synced records
	Quota      int          `json:"quota"`             // the agency's quota for the year, 0 when none
	SentBy     string       `json:"sent_by,omitempty"` // the device (PC) that sent it
	ReopenAsk  string       `json:"reopen_ask,omitempty"`
	Duplicates []CrossDup   `json:"duplicates,omitempty"`
	History    []Decision   `json:"history,omitempty"`
}

// Decision is one audited step of a month (sent, accepted, returned, reopened).
type Decision struct {
	State string `json:"state"`
	By    string `json:"by"`
	At    string `json:"at"`
	Note  string `json:"note,omitempty"`
	Code  string `json:"code,omitempty"`
}

// CrossDup is a NIK counted by more than one agency (the regency counts the
// person once). Agencies lists each agency's year and status.
type CrossDup struct {
	NIK      string `json:"nik"`
	Agencies []Fact `json:"agencies"`
}

// Duplicates is the queue of people counted by several agencies.
type Duplicates struct {
	Items []CrossDup `json:"items"`
}

// Quotas is the economic section's quota per agency for a year beside the
// live figure.
type Quotas struct {
	Year  int          `json:"year"`
	Items []QuotaState `json:"items"`
}

// QuotaState is one agency's quota and its live and accepted figures.
type QuotaState struct {
	Agency   string `json:"agency"`
	Quota    int    `json:"quota"`
	Trained  int    `json:"trained"`  // live: people who completed this year
	Accepted int    `json:"accepted"` // in the last accepted snapshot of the year
}

// DeadlineRequest sets the day of the next month by which a month is due.
type DeadlineRequest struct {
	Day int `json:"day"`
}

// PathFigures: hub user, GET ?month=YYYY-MM → Figures.
const PathFigures = "/api/v1/figures"

// Figures is the regency's reported figure for a month — computed from the
// accepted snapshots, so it does not move when an office edits later —
// beside the live figure from the synced records, and why they differ.
type Figures struct {
	Month    string          `json:"month"`
	Reported RegencyReport   `json:"reported"`
	Live     RegencyReport   `json:"live"`
	Agencies []AgencyFigures `json:"agencies"`
	// Why explains the difference, one line per cause (Indonesian first).
	Why []string `json:"why"`
}

// AgencyFigures is one agency's accepted and live figures for the month.
type AgencyFigures struct {
	Agency   string       `json:"agency"`
	State    string       `json:"state"`
	Accepted MonthFigures `json:"accepted"` // zero when no snapshot of the month was accepted
	Live     MonthFigures `json:"live"`
}
