package wub

import "time"

// Batch membership changes kept in the history.
const (
	BatchEnrol  = "enrol"  // put into the batch
	BatchMove   = "move"   // moved from another batch of the same agency and year
	BatchRemove = "remove" // taken out of the batch; the enrolment stays
)

// BatchChangeLabel is the label of a membership change.
func BatchChangeLabel(a string) string {
	switch a {
	case BatchEnrol:
		return nikText("Didaftarkan", "Enrolled")
	case BatchMove:
		return nikText("Dipindah", "Moved")
	case BatchRemove:
		return nikText("Dikeluarkan", "Removed")
	}
	return a
}

// BatchMember is a trainee enrolled in a batch.
type BatchMember struct {
	EnrolmentID int64
	TraineeID   int64
	NIK         string
	Name        string
	Sex         string
	DesaName    string
	KecName     string
	Status      string // registered, trained (lulus) or dropped
	EnrolledOn  time.Time
	CompletedOn time.Time
}

// BatchChange is one line of the membership history.
type BatchChange struct {
	ID          int64
	EnrolmentID int64
	TraineeID   int64
	TraineeName string
	Action      string
	FromBatchID int64
	FromBatch   string
	ToBatchID   int64
	ToBatch     string
	Date        time.Time // the day it took effect
	Reason      string
	At          time.Time // when it was recorded
	Actor       string
}

// BatchSummary is one line of the batch list: the batch with its counts
// and its facilitators.
type BatchSummary struct {
	Batch
	Members      int
	Completed    int // lulus: what counts toward the target
	Dropped      int
	Facilitators []string
}

// EnrolResult says what enrolling a selection into a batch did.
type EnrolResult struct {
	Added   int // new in the batch (with a new or an existing enrolment)
	Moved   int // came from another batch of the same agency and year
	Already int // were in the batch already
}

// BatchCompletion counts a batch's members by status; Completed is what
// counts toward the target.
func BatchCompletion(members []BatchMember) (completed, dropped, registered int) {
	for _, m := range members {
		switch m.Status {
		case StatusTrained:
			completed++
		case StatusDropped:
			dropped++
		default:
			registered++
		}
	}
	return
}
