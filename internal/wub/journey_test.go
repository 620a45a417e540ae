package wub

import (
	"reflect"
	"testing"
	"time"
)

func jd(s string) time.Time {
	t, err := time.Parse(ISODate, s)
	if err != nil {
		panic(err)
	}
	return t
}

var jToday = jd("2024-06-01")

func TestTrainingOf(t *testing.T) {
	tests := []struct {
		name string
		es   []Enrolment
		want Training
	}{
		{"none", nil, Training{}},
		{"registered only", []Enrolment{{Status: StatusRegistered, Year: 2023, EnrolledOn: jd("2023-02-01")}},
			Training{RegisteredOn: jd("2023-02-01")}},
		{"trained with date", []Enrolment{{Status: StatusTrained, Year: 2022, EnrolledOn: jd("2022-03-01"), CompletedOn: jd("2022-04-10")}},
			Training{Trained: true, CompletedOn: jd("2022-04-10"), Year: 2022, RegisteredOn: jd("2022-03-01")}},
		{"earliest completion wins", []Enrolment{
			{Status: StatusTrained, Year: 2023, CompletedOn: jd("2023-05-01")},
			{Status: StatusTrained, Year: 2021, CompletedOn: jd("2021-07-01")}},
			Training{Trained: true, CompletedOn: jd("2021-07-01"), Year: 2021}},
		{"a dated completion beats an undated one", []Enrolment{
			{Status: StatusTrained, Year: 2021},
			{Status: StatusTrained, Year: 2022, CompletedOn: jd("2022-07-01")}},
			Training{Trained: true, CompletedOn: jd("2022-07-01"), Year: 2022}},
		{"dropped does not count", []Enrolment{{Status: StatusDropped, Year: 2022, CompletedOn: jd("2022-04-10")}},
			Training{}},
		{"deleted does not count", []Enrolment{{Status: StatusTrained, Year: 2022, CompletedOn: jd("2022-04-10"), DeletedAt: jd("2023-01-01")}},
			Training{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TrainingOf(tt.es); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCheckStageDate(t *testing.T) {
	trained := Training{Trained: true, CompletedOn: jd("2023-04-10"), Year: 2023}
	undated := Training{Trained: true, Year: 2022}
	tests := []struct {
		name string
		date time.Time
		tr   Training
		want string // the code, "" for none
	}{
		{"after training", jd("2023-05-01"), trained, ""},
		{"the day of completion", jd("2023-04-10"), trained, ""},
		{"before training is refused", jd("2023-04-09"), trained, "stage_before_training"},
		{"missing", time.Time{}, trained, "stage_date_missing"},
		{"future", jd("2024-06-02"), trained, "stage_date_future"},
		{"not trained", jd("2023-05-01"), Training{RegisteredOn: jd("2023-01-01")}, "stage_not_trained"},
		{"undated training: same year ok", jd("2022-01-01"), undated, ""},
		{"undated training: earlier year refused", jd("2021-12-31"), undated, "stage_before_training_year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := CheckStageDate("started_on", tt.date, tt.tr, jToday)
			got := ""
			if len(is) > 0 {
				got = is[0].Code
				if is[0].Field != "started_on" || is[0].Severity != Error {
					t.Errorf("issue %+v", is[0])
				}
			}
			if got != tt.want {
				t.Errorf("code %q, want %q", got, tt.want)
			}
		})
	}
}

func TestJourneyFacts(t *testing.T) {
	f := JourneyFacts{Trained: true, TrainedOn: jd("2023-04-10"), FirstMentoring: jd("2023-05-01"),
		FirstRunningVisit: jd("2023-06-01"), BusinessStarted: jd("2023-07-01"), FirstLicence: jd("2023-08-01")}
	tests := []struct {
		stage   string
		reached bool
		date    time.Time
	}{
		{StageRegistered, true, time.Time{}},
		{StageTrained, true, jd("2023-04-10")},
		{StageMentored, true, jd("2023-05-01")},
		{StageBusiness, true, jd("2023-06-01")}, // the visit that found it running is earlier
		{StageLicensed, true, jd("2023-08-01")},
		{StageMarketed, false, time.Time{}},
		{StageCapital, false, time.Time{}},
	}
	for _, tt := range tests {
		if got := f.Reached(tt.stage); got != tt.reached {
			t.Errorf("%s reached = %v", tt.stage, got)
		}
		if got := f.Date(tt.stage); !got.Equal(tt.date) {
			t.Errorf("%s date = %v, want %v", tt.stage, got, tt.date)
		}
	}
	if days, ok := f.DaysToBusiness(); !ok || days != 52 {
		t.Errorf("days to business = %d, %v; want 52", days, ok)
	}
	older := JourneyFacts{Trained: true, TrainedOn: jd("2023-04-10"), BusinessStarted: jd("2021-01-01")}
	if _, ok := older.DaysToBusiness(); ok {
		t.Error("a business older than the training counted in the median")
	}
	if _, ok := (JourneyFacts{Trained: true, BusinessStarted: jd("2023-01-01")}).DaysToBusiness(); ok {
		t.Error("an unknown completion date counted in the median")
	}
}

func TestTimelineAndReached(t *testing.T) {
	ev := []StageEvent{
		{Stage: StageLicensed, Date: jd("2023-08-01"), Entity: "licence", EntityID: 2},
		{Stage: StageBusiness, Date: jd("2023-06-01"), Entity: "business", EntityID: 1},
		{Stage: StageLicensed, Date: jd("2023-07-15"), Entity: "licence", EntityID: 3},
		{Stage: StageTrained, Date: jd("2023-04-10"), Entity: "enrolment", EntityID: 1},
		{Stage: StageMentored, Date: jd("2023-06-01"), Entity: "mentoring", EntityID: 9},
	}
	SortTimeline(ev)
	var order []int64
	var stages []string
	for _, e := range ev {
		order = append(order, e.EntityID)
		stages = append(stages, e.Stage)
	}
	// Same day: mentoring before business (stage order).
	if want := []string{StageTrained, StageMentored, StageBusiness, StageLicensed, StageLicensed}; !reflect.DeepEqual(stages, want) {
		t.Errorf("order %v", stages)
	}
	if want := []int64{1, 9, 1, 3, 2}; !reflect.DeepEqual(order, want) {
		t.Errorf("ids %v", order)
	}
	r := Reached(ev)
	if len(r) != 4 || r[3].Stage != StageLicensed || r[3].EntityID != 3 {
		t.Errorf("reached %+v", r)
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		xs   []int
		want float64
	}{{nil, 0}, {[]int{5}, 5}, {[]int{9, 1, 5}, 5}, {[]int{10, 1, 3, 4}, 3.5}}
	for _, tt := range tests {
		if got := Median(tt.xs); got != tt.want {
			t.Errorf("Median(%v) = %v, want %v", tt.xs, got, tt.want)
		}
	}
}

func TestComputeOutcomes(t *testing.T) {
	trained := func(on string) JourneyFacts { return JourneyFacts{Trained: true, TrainedOn: jd(on)} }
	withBiz := func(f JourneyFacts, on string) JourneyFacts { f.BusinessStarted = jd(on); return f }
	people := []PersonJourney{
		{TraineeID: 1, AgencyCode: DKP, KecCode: "35.28.01", Facts: withBiz(trained("2023-03-01"), "2023-03-11")},
		{TraineeID: 2, AgencyCode: DKP, KecCode: "35.28.01", Facts: withBiz(trained("2023-03-01"), "2023-03-31")},
		{TraineeID: 3, AgencyCode: DKP, KecCode: "35.28.02", Facts: trained("2023-03-01")},
		{TraineeID: 4, AgencyCode: DISPERINDAG, KecCode: "", Facts: JourneyFacts{}},                // registered only
		{TraineeID: 1, AgencyCode: DISPERINDAG, KecCode: "35.28.01", Facts: trained("2023-09-01")}, // counted once
	}
	people[1].Facts.FirstCapital = jd("2023-05-01")
	o := ComputeOutcomes(2023, people)
	tot := o.Total
	if tot.Count(StageRegistered) != 4 || tot.Count(StageTrained) != 3 || tot.Count(StageBusiness) != 2 || tot.Count(StageCapital) != 1 {
		t.Fatalf("total %+v", tot.Counts)
	}
	if tot.Percent(StageTrained) != 0.75 || tot.Percent(StageBusiness) != 2.0/3 {
		t.Errorf("percent trained %v business %v", tot.Percent(StageTrained), tot.Percent(StageBusiness))
	}
	if tot.MedianN != 2 || tot.MedianDays != 20 {
		t.Errorf("median %v over %d", tot.MedianDays, tot.MedianN)
	}
	if len(o.ByAgency) != 2 || o.ByAgency[0].AgencyCode != DISPERINDAG || o.ByAgency[1].Count(StageTrained) != 3 {
		t.Errorf("by agency %+v", o.ByAgency)
	}
	if len(o.ByKecamatan) != 3 || o.ByKecamatan[2].KecCode != "" || o.ByKecamatan[0].Count(StageBusiness) != 2 {
		t.Errorf("by kecamatan %+v", o.ByKecamatan)
	}
	sum := 0
	for _, c := range o.Cells {
		sum += c.Count(StageRegistered)
	}
	if len(o.Cells) != 3 || sum != 4 {
		t.Errorf("cells %d, people %d", len(o.Cells), sum)
	}
	if got := OutcomePeople(people, StageBusiness, DKP, "35.28.01"); len(got) != 2 {
		t.Errorf("people behind DKP/01 business: %d", len(got))
	}
	if got := OutcomePeople(people, StageRegistered, "", NoKecamatan); len(got) != 1 || got[0].TraineeID != 4 {
		t.Errorf("people without kecamatan: %+v", got)
	}
	if got := OutcomePeople(people, StageTrained, DISPERINDAG, ""); len(got) != 0 {
		t.Errorf("person 1 counted under a second agency: %+v", got)
	}
	if e := ComputeOutcomes(2020, nil); e.Total.Count(StageTrained) != 0 || e.Total.Percent(StageBusiness) != 0 {
		t.Errorf("empty year %+v", e.Total)
	}
}
