package wub

import (
	"fmt"
	"time"
)

// Decisions of the contract round.
const (
	DecisionUndecided = "undecided"
	DecisionRenew     = "renew"
	DecisionNotRenew  = "not_renew"
)

// Decisions lists the decisions in display order.
var Decisions = []string{DecisionUndecided, DecisionRenew, DecisionNotRenew}

// DecisionLabel is the label of a decision.
func DecisionLabel(d string) string {
	switch d {
	case DecisionUndecided, "":
		return nikText("Belum diputuskan", "Undecided")
	case DecisionRenew:
		return nikText("Diperpanjang", "Renew")
	case DecisionNotRenew:
		return nikText("Tidak diperpanjang", "Do not renew")
	}
	return d
}

// ContractDecision is the agency head's decision whether to give a
// facilitator a contract for a year. Every decision is kept: a changed mind
// is a new row, the latest one counts.
type ContractDecision struct {
	ID            int64
	FacilitatorID int64
	AgencyCode    string
	ForYear       int
	Decision      string
	Note          string
	DecidedBy     string
	DecidedAt     time.Time
}

// CheckDecision validates a decision's value.
func CheckDecision(d string) error {
	switch d {
	case DecisionUndecided, DecisionRenew, DecisionNotRenew:
		return nil
	}
	return issuef("decision", "decision_invalid", Error, d)
}

// RoundRow is one facilitator in the contract round for a new year, with
// their record of the year before (the "last year").
type RoundRow struct {
	FacilitatorID int64
	Name          string
	Role          string
	Status        string
	LastContract  Contract // the latest contract with the agency in the last year

	BatchesRun       int // live batches of the agency in the last year they facilitated
	TraineesTrained  int // distinct trainees who completed (lulus) in those batches
	TraineesMentored int // distinct trainees they visited in the last year
	Target           int // the last contract's target of trainees to mentor
	Visits           int // mentoring visits in the last year
	BusinessRunning  int // of the trainees mentored, those whose latest state is running
	Reports          ReportTally

	Decision    ContractDecision // Decision "" when never decided
	NewContract int64            // ID of a contract with the agency in the new year, 0 if none
}

// CurrentDecision is the decision in force ("undecided" when none).
func (r RoundRow) CurrentDecision() string {
	if r.Decision.Decision == "" {
		return DecisionUndecided
	}
	return r.Decision.Decision
}

// Percent is part of whole as a whole percentage, rounded half up; ok is
// false when whole is 0.
func Percent(part, whole int) (int, bool) {
	if whole <= 0 {
		return 0, false
	}
	return (200*part + whole) / (2 * whole), true
}

// PercentText writes Percent as "75%", or "–" when there is no whole.
func PercentText(part, whole int) string {
	p, ok := Percent(part, whole)
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%d%%", p)
}

// ContractRound is the screen and the workbook the agency head decides from.
type ContractRound struct {
	AgencyCode string
	Year       int // the new year; the record is of Year-1
	Rows       []RoundRow
}

// LastYear is the year the record is about.
func (r ContractRound) LastYear() int { return r.Year - 1 }

// Counts returns how many rows are renewed, not renewed and undecided.
func (r ContractRound) Counts() (renew, notRenew, undecided int) {
	for _, row := range r.Rows {
		switch row.CurrentDecision() {
		case DecisionRenew:
			renew++
		case DecisionNotRenew:
			notRenew++
		default:
			undecided++
		}
	}
	return
}

// RenewalResult is what "create contracts" did.
type RenewalResult struct {
	Created  []Contract
	Existing []string // names of renewed facilitators who already had a contract
}
