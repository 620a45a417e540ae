package wub

import (
	"sort"
	"time"
)

// The stages of a trainee's journey after the training, in order. A stage
// is reached on the date of its earliest record.
const (
	StageRegistered = "registered" // terdaftar
	StageTrained    = "trained"    // lulus pelatihan
	StageMentored   = "mentored"   // didampingi (first mentoring visit)
	StageBusiness   = "business"   // usaha berjalan
	StageLicensed   = "licensed"   // berizin (NIB, P-IRT, halal, merek)
	StageMarketed   = "marketed"   // dipasarkan (Wamira Mart or another channel)
	StageCapital    = "capital"    // mendapat modal
)

// Stages lists the stages in journey order.
var Stages = []string{StageRegistered, StageTrained, StageMentored, StageBusiness, StageLicensed, StageMarketed, StageCapital}

// StageIndex is the position of a stage in Stages, -1 when unknown.
func StageIndex(stage string) int {
	for i, s := range Stages {
		if s == stage {
			return i
		}
	}
	return -1
}

// StageLabel is the name of a stage in the current language.
func StageLabel(stage string) string {
	switch stage {
	case StageRegistered:
		return nikText("Terdaftar", "Registered")
	case StageTrained:
		return nikText("Lulus pelatihan", "Trained")
	case StageMentored:
		return nikText("Didampingi", "Mentored")
	case StageBusiness:
		return nikText("Usaha berjalan", "Business running")
	case StageLicensed:
		return nikText("Berizin", "Licensed")
	case StageMarketed:
		return nikText("Dipasarkan", "Marketed")
	case StageCapital:
		return nikText("Mendapat modal", "Got capital")
	}
	return stage
}

// Training is what the journey rules need to know of a person's training:
// whether they completed one and when (the earliest completion).
type Training struct {
	Trained      bool
	CompletedOn  time.Time // zero when the completion date was never recorded
	Year         int       // program year of that training
	RegisteredOn time.Time
}

// TrainingOf summarises a person's live enrolments.
func TrainingOf(es []Enrolment) Training {
	var t Training
	for _, e := range es {
		if !e.DeletedAt.IsZero() {
			continue
		}
		if reg := e.EnrolledOn; !reg.IsZero() && (t.RegisteredOn.IsZero() || reg.Before(t.RegisteredOn)) {
			t.RegisteredOn = reg
		}
		if e.Status != StatusTrained {
			continue
		}
		first := !t.Trained
		switch {
		case first:
		case !e.CompletedOn.IsZero() && (t.CompletedOn.IsZero() || e.CompletedOn.Before(t.CompletedOn)):
		case e.CompletedOn.IsZero() && t.CompletedOn.IsZero() && e.Year < t.Year:
		default:
			continue
		}
		t.Trained, t.CompletedOn, t.Year = true, e.CompletedOn, e.Year
	}
	return t
}

// From is the earliest date a later stage may carry: the completion date,
// or, for trainings imported without one, the first day of the program
// year (so that a date years before the training is still caught).
func (t Training) From() time.Time {
	if !t.CompletedOn.IsZero() {
		return t.CompletedOn
	}
	if t.Year == 0 {
		return time.Time{}
	}
	return time.Date(t.Year, 1, 1, 0, 0, 0, 0, time.UTC)
}

// CheckStageDate checks the date of a record that marks a stage after the
// training: it is required, not in the future, and not before the training
// was completed. A person who has not completed a training cannot reach the
// later stages.
func CheckStageDate(field string, d time.Time, tr Training, today time.Time) Issues {
	if d.IsZero() {
		return Issues{issuef(field, "stage_date_missing", Error)}
	}
	if !tr.Trained {
		return Issues{issuef(field, "stage_not_trained", Error)}
	}
	if d.After(today) {
		return Issues{issuef(field, "stage_date_future", Error, FormatDate(d))}
	}
	if from := tr.From(); d.Before(from) {
		if tr.CompletedOn.IsZero() {
			return Issues{issuef(field, "stage_before_training_year", Error, FormatDate(d), tr.Year)}
		}
		return Issues{issuef(field, "stage_before_training", Error, FormatDate(d), FormatDate(from))}
	}
	return nil
}

// StageEvent is one entry of a trainee's timeline: a record that marks a
// stage, with its date and who recorded it.
type StageEvent struct {
	Stage      string
	Date       time.Time
	RecordedBy string // the clerk's user name, or "pendamping: <name>" for a mentoring visit
	Title      string // what happened: "NIB 1234…", "Wamira Mart Pademawu"
	Detail     string // a second line: amounts, numbers, products
	Entity     string // the record behind it: enrolment, mentoring, business, licence, channel, listing, capital
	EntityID   int64
	BusinessID int64 // the business it belongs to, 0 when none

	// Corrections (journey_edit.go in the store): the last change of the
	// record after it was recorded, and for the deleted list, when and by
	// whom it was deleted.
	ChangedAt time.Time
	ChangedBy string
	DeletedAt time.Time
	DeletedBy string
}

// SortTimeline orders events by date, then by stage, then by record.
func SortTimeline(ev []StageEvent) {
	sort.SliceStable(ev, func(i, j int) bool {
		a, b := ev[i], ev[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		if ia, ib := StageIndex(a.Stage), StageIndex(b.Stage); ia != ib {
			return ia < ib
		}
		if a.Entity != b.Entity {
			return a.Entity < b.Entity
		}
		return a.EntityID < b.EntityID
	})
}

// Reached returns, for each stage in order, its earliest event; stages not
// reached are left out.
func Reached(ev []StageEvent) []StageEvent {
	first := map[string]StageEvent{}
	for _, e := range ev {
		if e.Date.IsZero() {
			continue
		}
		if f, ok := first[e.Stage]; !ok || e.Date.Before(f.Date) {
			first[e.Stage] = e
		}
	}
	var out []StageEvent
	for _, s := range Stages {
		if e, ok := first[s]; ok {
			out = append(out, e)
		}
	}
	return out
}

// JourneyFacts are the first dates of each stage of one person, from plain
// inputs: the store fills them from enrolments, mentoring visits and the
// business records. A zero date means the stage was not reached.
type JourneyFacts struct {
	RegisteredOn      time.Time
	TrainedOn         time.Time // completion date; zero with Trained when unknown
	Trained           bool
	FirstMentoring    time.Time // first mentoring visit
	FirstRunningVisit time.Time // first visit that found the business running
	BusinessStarted   time.Time // earliest start date of a business record
	FirstLicence      time.Time
	FirstMarketing    time.Time // first Wamira Mart listing or other channel
	FirstCapital      time.Time
	FirstNIB          time.Time // first licence of kind NIB (within FirstLicence's stage)
	FirstWamira       time.Time // first Wamira Mart listing (within FirstMarketing's stage)
}

// Date is the date a stage was reached (zero when not reached). A business
// counts as running from its recorded start, or from the first mentoring
// visit that found it running, whichever is earlier.
func (f JourneyFacts) Date(stage string) time.Time {
	switch stage {
	case StageRegistered:
		return f.RegisteredOn
	case StageTrained:
		return f.TrainedOn
	case StageMentored:
		return f.FirstMentoring
	case StageBusiness:
		return earliest(f.BusinessStarted, f.FirstRunningVisit)
	case StageLicensed:
		return f.FirstLicence
	case StageMarketed:
		return f.FirstMarketing
	case StageCapital:
		return f.FirstCapital
	case FigureNIB:
		return f.FirstNIB
	case FigureWamira:
		return f.FirstWamira
	}
	return time.Time{}
}

// Reached reports whether the person reached a stage. Registered and
// trained are known even without dates.
func (f JourneyFacts) Reached(stage string) bool {
	switch stage {
	case StageRegistered:
		return true
	case StageTrained:
		return f.Trained
	}
	return !f.Date(stage).IsZero()
}

// DaysToBusiness is the number of days from the training's completion to
// the business running; ok is false when either date is unknown or the
// business is older than this training (a second training).
func (f JourneyFacts) DaysToBusiness() (days int, ok bool) {
	b := f.Date(StageBusiness)
	if f.TrainedOn.IsZero() || b.IsZero() || b.Before(f.TrainedOn) {
		return 0, false
	}
	return daysBetween(f.TrainedOn, b), true
}

// earliest is the earlier of two dates, ignoring zero ones.
func earliest(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero():
		return a
	case b.Before(a):
		return b
	}
	return a
}

// Earliest is the earliest non-zero date of ds (zero when none).
func Earliest(ds ...time.Time) time.Time {
	var out time.Time
	for _, d := range ds {
		out = earliest(out, d)
	}
	return out
}
