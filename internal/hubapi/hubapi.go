// Package hubapi is the wire contract between an office's WUBDesk and the
// regency hub (issues 21 and 22): endpoint paths and the JSON bodies, and
// nothing else. Both sides import it; neither imports the other. Standard
// library only.
//
// Transport: HTTPS always (the regency's certificate, or the hub's own
// self-signed one, which the office pins by its SHA-256 fingerprint at
// enrolment). JSON bodies, UTF-8. Errors: a non-2xx status with an Error
// body. Device calls carry "Authorization: Bearer <device token>"; hub-user
// calls carry "Authorization: Bearer <session token>".
//
// Ids: every record has a global id (UUID v4 text, lower case) made where the
// record is made, so records made offline never collide. Sequence numbers
// belong to a device (one PC of one office; several clerks on several PCs
// later are several devices of the same office), so the hub applies each
// change exactly once by (device, seq).
package hubapi

// Version is the protocol version sent in the Hub-Protocol header.
const Version = "1"

// Endpoints (all POST unless noted).
const (
	PathEnrol    = "/api/v1/enrol"    // EnrolRequest → EnrolResponse (no auth: the code is the credential)
	PathPush     = "/api/v1/push"     // device: PushRequest → PushResponse
	PathFacts    = "/api/v1/facts"    // device: FactsRequest → FactsResponse
	PathOffice   = "/api/v1/office"   // device, GET: → OfficeState (quotas, targets, month states)
	PathSend     = "/api/v1/send"     // device: SendRequest → MonthState (issue 22)
	PathSession  = "/api/v1/session"  // hub user: SignInRequest → SignInResponse
	PathReport   = "/api/v1/report"   // hub user, GET: → Report
	PathReview   = "/api/v1/review"   // hub user (reviewer): ReviewRequest → MonthState (issue 22)
	PathReopen   = "/api/v1/reopen"   // hub user (admin): ReopenRequest → MonthState (issue 22)
	PathCalendar = "/api/v1/calendar" // hub user, GET ?year=YYYY: → Calendar (issue 22)
	PathHealth   = "/api/v1/health"   // GET, no auth: → {"ok": true}
)

// Error is the body of every non-2xx answer. Code is a wub error code
// (messages in Indonesian and English live in internal/wub).
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// EnrolRequest trades a one-time enrolment code for a device credential.
type EnrolRequest struct {
	Code       string `json:"code"`
	DeviceName string `json:"device_name"` // the PC's name, for the hub's list
}

// EnrolResponse is sent once; the hub keeps only a hash of Token.
type EnrolResponse struct {
	DeviceID    string `json:"device_id"`   // UUID
	OfficeID    string `json:"office_id"`   // UUID of the office on the hub
	Agency      string `json:"agency"`      // agency code the office was added for
	Token       string `json:"token"`       // device credential
	Fingerprint string `json:"fingerprint"` // SHA-256 of the hub's certificate, hex, as the hub sees it
}

// Change is one record's state after a change made in the office. Data is the
// whole record (the hub keeps the latest by Seq per record, so a batch that
// arrives twice or out of order ends in the same state). Op is "upsert" or
// "delete" (soft delete: the record stays, counted nowhere), or "handover"
// (Data: {"to_agency": CODE}: the record's ownership passes to the office of
// that agency when that office next pushes it).
type Change struct {
	Seq    int64          `json:"seq"`    // the device's sequence, 1, 2, 3, … without gaps
	Entity string         `json:"entity"` // "trainee", "enrolment", "facilitator", "batch", …
	GID    string         `json:"gid"`    // the record's global id
	Op     string         `json:"op"`
	At     string         `json:"at"` // RFC 3339 UTC, the office's clock (never trusted for order)
	Data   map[string]any `json:"data,omitempty"`
}

// Change operations.
const (
	OpUpsert   = "upsert"
	OpDelete   = "delete"
	OpHandover = "handover"
)

// PushRequest is one batch, in one hub transaction.
type PushRequest struct {
	Changes []Change `json:"changes"`
}

// PushResponse: Through is the highest seq the hub holds for the device with
// no gap below it; the office may forget its outbox up to it. Applied and
// Duplicates count this batch's changes. Rejected lists changes the hub
// refused for good (e.g. another office's record), each with its reason;
// they count as delivered.
type PushResponse struct {
	Through    int64      `json:"through"`
	Applied    int        `json:"applied"`
	Duplicates int        `json:"duplicates"`
	Rejected   []Rejected `json:"rejected,omitempty"`
}

// Rejected is a change the hub will never apply.
type Rejected struct {
	Seq    int64  `json:"seq"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// FactsRequest asks what other agencies registered for these NIKs.
type FactsRequest struct {
	NIKs []string `json:"niks"`
}

// Fact is another agency's enrolment of a NIK: no personal data of the other
// office's record, only agency, year and status.
type Fact struct {
	NIK    string `json:"nik"`
	Agency string `json:"agency"`
	Year   int    `json:"year"`
	Status string `json:"status"`
}

// FactsResponse lists facts of other offices only.
type FactsResponse struct {
	Facts []Fact `json:"facts"`
}

// OfficeState is what comes back to an office besides facts.
type OfficeState struct {
	Agency    string       `json:"agency"`
	Quotas    []Quota      `json:"quotas"`
	Target    Target       `json:"target"`
	Months    []MonthState `json:"months"`
	ServerNow string       `json:"server_now"` // RFC 3339 UTC (the office shows a clock far off)
}

// Quota is the economic section's quota for an agency and year.
type Quota struct {
	Agency string `json:"agency"`
	Year   int    `json:"year"`
	People int    `json:"people"`
}

// Target is the program target and its period.
type Target struct {
	People int    `json:"people"`
	From   string `json:"from"` // YYYY-MM-DD
	Until  string `json:"until"`
}

// Month review states (issue 22).
const (
	MonthNotSent  = "not_sent"
	MonthSent     = "sent"
	MonthReturned = "returned"
	MonthAccepted = "accepted"
	MonthReopened = "reopened"
)

// MonthState is one agency's month on the hub.
type MonthState struct {
	Agency   string `json:"agency"`
	Month    string `json:"month"` // YYYY-MM
	State    string `json:"state"`
	Code     string `json:"code,omitempty"` // verification code of the last snapshot sent
	Note     string `json:"note,omitempty"` // the reviewer's note (required for a return) or the reopen reason
	By       string `json:"by,omitempty"`   // hub user who decided
	At       string `json:"at,omitempty"`   // RFC 3339 UTC of the last change of state
	SentAt   string `json:"sent_at,omitempty"`
	Late     bool   `json:"late,omitempty"` // sent (or not yet) after the deadline
	Deadline string `json:"deadline,omitempty"`
}

// SendRequest is an office's month: a snapshot of the month's people and
// figures with the verification code of the workbook written for it.
type SendRequest struct {
	Month   string        `json:"month"`
	Code    string        `json:"code"`
	Figures MonthFigures  `json:"figures"`
	People  []MonthPerson `json:"people"`
}

// MonthFigures are the counts a month's workbook reports.
type MonthFigures struct {
	People     int `json:"people"`     // each NIK once, the year up to the month's end
	Enrolments int `json:"enrolments"` // enrolments counted in the year up to the month's end
	Trained    int `json:"trained"`    // people who completed
	InMonth    int `json:"in_month"`   // enrolments counted in this month
}

// MonthPerson is one counted enrolment in the snapshot.
type MonthPerson struct {
	GID        string `json:"gid"` // the enrolment's global id
	TraineeGID string `json:"trainee_gid"`
	NIK        string `json:"nik"`
	Status     string `json:"status"`
	CountMonth string `json:"count_month"` // YYYY-MM
}

// SignInRequest / SignInResponse: a hub user's session.
type SignInRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// SignInResponse carries a session token and the user's role ("reviewer", "admin").
type SignInResponse struct {
	Token string `json:"token"`
	Role  string `json:"role"`
}

// ReviewRequest accepts or returns an agency's month. Note is required to return.
type ReviewRequest struct {
	Agency string `json:"agency"`
	Month  string `json:"month"`
	Accept bool   `json:"accept"`
	Note   string `json:"note,omitempty"`
	Code   string `json:"code,omitempty"` // the verification code the reviewer looked at ("" any); a newer send is a conflict
}

// ReopenRequest reopens an accepted month (admin); Reason is required.
type ReopenRequest struct {
	Agency string `json:"agency"`
	Month  string `json:"month"`
	Reason string `json:"reason"`
}

// Report is `wubdesk hub report --json` (a contract: extend only by adding).
type Report struct {
	Offices []OfficeReport `json:"offices"`
	Regency RegencyReport  `json:"regency"`
	Months  []MonthState   `json:"months"`
}

// OfficeReport is one office's live figures on the hub.
type OfficeReport struct {
	Agency     string `json:"agency"`
	People     int    `json:"people"`
	Enrolments int    `json:"enrolments"`
	LastSync   string `json:"last_sync"` // RFC 3339 UTC, "" when never
}

// RegencyReport counts each NIK once across agencies.
type RegencyReport struct {
	People        int `json:"people"`
	Enrolments    int `json:"enrolments"`
	TrainedPeople int `json:"trained_people"`
}

// Calendar is agency × month for a year.
type Calendar struct {
	Year   int          `json:"year"`
	Months []MonthState `json:"months"`
}
