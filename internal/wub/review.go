package wub

import (
	"strings"
	"time"
)

// Month review states on the regency hub (issue 22); the same words as
// hubapi's Month* constants, which the wire carries.
const (
	MonthNotSent  = "not_sent"
	MonthSent     = "sent"
	MonthReturned = "returned"
	MonthAccepted = "accepted"
	MonthReopened = "reopened"
)

// MonthReview is one agency's month as the office knows it: the hub's
// decision (mirrored from its answers) and what still waits to be sent.
type MonthReview struct {
	Agency    string
	Month     string // YYYY-MM
	State     string // Month* ("" when the hub has never answered for it)
	Code      string // verification code of the last snapshot sent
	Note      string // the reviewer's note or the reopen reason
	DecidedBy string
	DecidedAt string // RFC 3339 UTC
	SentAt    string
	Deadline  string // YYYY-MM-DD
	Late      bool
	// Waiting is set while a snapshot of the month is queued for the hub
	// and not yet taken; AskWaiting while a reopen request is.
	Waiting    bool
	AskWaiting bool
	LastError  string // the last failed attempt to send, in words
}

// Locked reports whether the month's figures may no longer change.
func (m MonthReview) Locked() bool { return m.State == MonthAccepted }

// Period is the month's first day.
func (m MonthReview) Period() time.Time {
	t, _ := time.Parse("2006-01", m.Month)
	return t
}

// MonthStateLabel is the state in words for the office's and the hub's
// screens.
func MonthStateLabel(state string) string {
	return Message("month_state_"+strings.TrimSpace(orNotSent(state)), "")
}

func orNotSent(s string) string {
	if s == "" {
		return MonthNotSent
	}
	return s
}

// LockedMonth reads the agency and month (YYYY-MM) out of a month_locked
// error, for the "minta buka kembali" offer beside its message.
func LockedMonth(err error) (agency, month string, ok bool) {
	e, isErr := err.(*Err)
	if !isErr || e.Code != "month_locked" || len(e.Args) < 3 {
		return "", "", false
	}
	agency, _ = e.Args[1].(string)
	month, _ = e.Args[2].(string)
	return agency, month, month != ""
}
