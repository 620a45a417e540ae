package wub

import "time"

// Two figures inside the stages: of the licensed, those with an NIB; of the
// marketed, those listed in Wamira Mart. They are not stages of the journey
// (the trainee page does not show them as steps) but are counted, listed
// and exported like the stages.
const (
	FigureNIB    = "nib"    // berizin with an NIB (OSS)
	FigureWamira = "wamira" // dipasarkan through Wamira Mart
)

// OutcomeStages are the figures of the outcome tables in the order shown:
// the stages, with NIB after licensed and Wamira Mart after marketed.
var OutcomeStages = []string{StageRegistered, StageTrained, StageMentored, StageBusiness, StageLicensed, FigureNIB,
	StageMarketed, FigureWamira, StageCapital}

// OutcomeLabel names a figure of the outcome tables in the current
// language; the two inner figures are named as parts of their stage.
func OutcomeLabel(stage string) string {
	switch stage {
	case FigureNIB:
		return nikText("Berizin: NIB", "Licensed: NIB")
	case FigureWamira:
		return nikText("Dipasarkan: Wamira Mart", "Marketed: Wamira Mart")
	}
	return StageLabel(stage)
}

// OutcomeLabelID is the Indonesian name of a figure, for workbooks sent to
// the regency whatever the language of the screen.
func OutcomeLabelID(stage string) string {
	switch stage {
	case StageRegistered:
		return "Terdaftar"
	case StageTrained:
		return "Lulus pelatihan"
	case StageMentored:
		return "Didampingi"
	case StageBusiness:
		return "Usaha berjalan"
	case StageLicensed:
		return "Berizin (NIB, P-IRT, halal, merek)"
	case FigureNIB:
		return "   di antaranya ber-NIB"
	case StageMarketed:
		return "Dipasarkan (Wamira Mart atau saluran lain)"
	case FigureWamira:
		return "   di antaranya di Wamira Mart"
	case StageCapital:
		return "Mendapat modal"
	}
	return stage
}

// AsOf keeps what had happened by the end of day d: the dates of the later
// stages after d are dropped (a December report made in January does not
// count a business started in January). Registered and trained are left as
// they are: the rows of a report decide those.
func (f JourneyFacts) AsOf(d time.Time) JourneyFacts {
	cut := func(t time.Time) time.Time {
		if t.After(d) {
			return time.Time{}
		}
		return t
	}
	f.FirstMentoring, f.FirstRunningVisit = cut(f.FirstMentoring), cut(f.FirstRunningVisit)
	f.BusinessStarted, f.FirstLicence, f.FirstNIB = cut(f.BusinessStarted), cut(f.FirstLicence), cut(f.FirstNIB)
	f.FirstMarketing, f.FirstWamira, f.FirstCapital = cut(f.FirstMarketing), cut(f.FirstWamira), cut(f.FirstCapital)
	return f
}

// Merge takes, for each later stage, the earlier date of f and g: the same
// person reported by two agencies reached a stage when either saw it first.
func (f JourneyFacts) Merge(g JourneyFacts) JourneyFacts {
	f.FirstMentoring = earliest(f.FirstMentoring, g.FirstMentoring)
	f.FirstRunningVisit = earliest(f.FirstRunningVisit, g.FirstRunningVisit)
	f.BusinessStarted = earliest(f.BusinessStarted, g.BusinessStarted)
	f.FirstLicence = earliest(f.FirstLicence, g.FirstLicence)
	f.FirstNIB = earliest(f.FirstNIB, g.FirstNIB)
	f.FirstMarketing = earliest(f.FirstMarketing, g.FirstMarketing)
	f.FirstWamira = earliest(f.FirstWamira, g.FirstWamira)
	f.FirstCapital = earliest(f.FirstCapital, g.FirstCapital)
	return f
}

// BetterTraining reports whether a training (trained, completed on) is the
// one a person counts under rather than the current choice: a completed
// training before one that is not, a dated completion before an undated
// one, the earlier date first. It is the rule of the store's cohort, used
// again where submissions are consolidated.
func BetterTraining(trained bool, completed time.Time, curTrained bool, curCompleted time.Time) bool {
	switch {
	case trained != curTrained:
		return trained
	case !trained:
		return false
	case completed.IsZero() != curCompleted.IsZero():
		return !completed.IsZero()
	}
	return completed.Before(curCompleted)
}
