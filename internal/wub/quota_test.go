package wub

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestFormatNumbers(t *testing.T) {
	ints := []struct {
		n    int
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1.000"}, {2220, "2.220"}, {10000, "10.000"},
		{1234567, "1.234.567"}, {-2220, "-2.220"}, {-999, "-999"},
	}
	for _, c := range ints {
		if got := FormatInt(c.n); got != c.want {
			t.Errorf("FormatInt(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	pcts := []struct {
		f    float64
		want string
	}{
		{0.82, "82,0%"}, {0, "0,0%"}, {1, "100,0%"}, {2.0 / 30, "6,7%"}, {12.345, "1.234,5%"},
		{-0.05, "-5,0%"}, {-0.0001, "0,0%"}, {math.NaN(), "–"}, {math.Inf(1), "–"}, {0.9999, "100,0%"},
	}
	for _, c := range pcts {
		if got := FormatPercent(c.f); got != c.want {
			t.Errorf("FormatPercent(%v) = %q, want %q", c.f, got, c.want)
		}
	}
	if got := FormatFloat(1234.5, 1); got != "1.234,5" {
		t.Errorf("FormatFloat = %q", got)
	}
	if got := FormatFloat(163.63636, 0); got != "164" {
		t.Errorf("FormatFloat 0 decimals = %q", got)
	}
}

func TestDistribute(t *testing.T) {
	six := []string{"DISKOPUKM", "DISPERINDAG", "DISPORAPAR", "DKPP", "DKP", "DP3AP2KB"}
	cases := []struct {
		name     string
		total    int
		agencies []string
		weights  []float64
		want     []int
	}{
		{"2023 evenly", 1800, six, nil, []int{300, 300, 300, 300, 300, 300}},
		{"ties go first", 1000, six[:3], nil, []int{334, 333, 333}},
		{"seven agencies", 1800, append([]string{"DPMPTSP"}, six...), nil, []int{258, 257, 257, 257, 257, 257, 257}},
		{"exact weights", 1800, six[:3], []float64{3, 2, 1}, []int{900, 600, 300}},
		{"largest remainder", 7, six[:2], []float64{2, 1}, []int{5, 2}},
		{"tie among remainders", 10, six[:3], []float64{1, 1, 2}, []int{3, 2, 5}},
		{"all zero weights = even", 10, six[:3], []float64{0, 0, 0}, []int{4, 3, 3}},
		{"bad weights count zero", 5, six[:3], []float64{1, -3, math.NaN()}, []int{5, 0, 0}},
		{"missing weights count zero", 6, six[:3], []float64{1, 1}, []int{3, 3, 0}},
		{"huge weights", 3, six[:2], []float64{math.MaxFloat64, math.MaxFloat64}, []int{2, 1}},
		{"negative total", -5, six[:2], nil, []int{0, 0}},
		{"no agencies", 5, nil, nil, []int{}},
	}
	for _, c := range cases {
		got := Distribute(c.total, c.agencies, c.weights)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: Distribute(%d, %v) = %v, want %v", c.name, c.total, c.weights, got, c.want)
		}
	}
}

func FuzzDistribute(f *testing.F) {
	f.Add(1800, 6, 1.0, 2.0, 3.0)
	f.Add(10000, 7, 0.0, 0.0, 0.0)
	f.Add(1, 3, -1.0, math.NaN(), math.Inf(1))
	f.Add(math.MaxInt64, 2, 1e308, 1e-308, 5.0)
	f.Fuzz(func(t *testing.T, total, n int, w1, w2, w3 float64) {
		n = ((n % 20) + 20) % 20
		ags := make([]string, n)
		ws := []float64{w1, w2, w3, w1 + w2, w3 * 2}
		got := Distribute(total, ags, ws)
		if len(got) != n {
			t.Fatalf("len %d, want %d", len(got), n)
		}
		sum := 0
		for _, v := range got {
			if v < 0 {
				t.Fatalf("negative share in %v", got)
			}
			sum += v
		}
		want := max(total, 0)
		if n == 0 {
			want = 0
		}
		if sum != want {
			t.Fatalf("Distribute(%d, n=%d, %v) sums to %d", total, n, ws, sum)
		}
	})
}

func TestPace(t *testing.T) {
	year, whole, febNov := 2023, TrainingWindow{1, 12}, TrainingWindow{2, 11}
	cases := []struct {
		w     TrainingWindow
		d     time.Time
		quota int
		want  int
	}{
		{whole, day(2023, 6, 30), 1800, 900},
		{whole, day(2023, 6, 15), 1800, 825},            // 5.5 of 12 months
		{whole, day(2023, 1, 1), 1800, 5},               // 1/31 of a month: 4.84
		{whole, day(2022, 12, 31), 1800, 0},             // before the year
		{whole, day(2024, 1, 1), 1800, 1800},            // after it
		{TrainingWindow{}, day(2023, 3, 31), 1200, 300}, // zero window = whole year
		{febNov, day(2023, 1, 20), 1800, 0},
		{febNov, day(2023, 6, 15), 1800, 810}, // 4.5 of 10 months
		{febNov, day(2023, 11, 30), 1800, 1800},
		{febNov, day(2023, 12, 5), 1800, 1800},
		{whole, day(2023, 6, 30), 0, 0},
	}
	for _, c := range cases {
		if got := Expected(c.quota, c.w, year, c.d); got != c.want {
			t.Errorf("Expected(%d, %v, %s) = %d, want %d", c.quota, c.w, ISO(c.d), got, c.want)
		}
	}
	ends := map[int]float64{1: 0, 2: 0.1, 6: 0.5, 11: 1, 12: 1}
	for m, want := range ends {
		if got := febNov.ShareAtMonthEnd(m); math.Abs(got-want) > 1e-12 {
			t.Errorf("Feb–Nov share at end of month %d = %v, want %v", m, got, want)
		}
	}
}

func TestForecast(t *testing.T) {
	target := Target{Count: 10000, StartYear: 2020, EndYear: 2023}
	cases := []struct {
		name                        string
		realised, yearRealised, yr  int
		asOf                        time.Time
		reachYear, reachMonth, need int
		onTrack, reached            bool
	}{
		// 8,200 + 900 this year by mid-June: 900/5.5 a month, 900 to go = 5.5 months.
		{"on track", 9100, 900, 2023, day(2023, 6, 15), 2023, 11, 139, true, false},
		// 600 by end of June = 100 a month; 1,200 to go = 12 months: June 2024.
		{"late", 8800, 600, 2023, day(2023, 6, 30), 2024, 6, 200, false, false},
		{"no pace", 8200, 0, 2023, day(2023, 3, 31), 0, 0, 200, false, false},
		{"reached", 10000, 1800, 2023, day(2023, 12, 31), 0, 0, 0, true, true},
		// After the deadline: 150 by end of March 2024, 500 to go = 10 months.
		{"past deadline", 9500, 150, 2024, day(2024, 3, 31), 2025, 1, 0, false, false},
	}
	for _, c := range cases {
		f := ForecastTarget(target, c.realised, c.yearRealised, c.yr, c.asOf)
		if f.ReachYear != c.reachYear || f.ReachMonth != c.reachMonth || f.NeededPerMonth != c.need ||
			f.OnTrack != c.onTrack || f.Reached != c.reached {
			t.Errorf("%s: got reach %d-%d need %d onTrack %v reached %v (per month %.2f, left %.2f)", c.name,
				f.ReachYear, f.ReachMonth, f.NeededPerMonth, f.OnTrack, f.Reached, f.PerMonth, f.MonthsLeft)
		}
		if f.Remaining != max(0, 10000-c.realised) {
			t.Errorf("%s: remaining %d", c.name, f.Remaining)
		}
	}
}

func TestCountMonth(t *testing.T) {
	cases := []struct {
		e    Enrolment
		want int
	}{
		{Enrolment{Year: 2023, Status: StatusTrained, CompletedOn: day(2023, 3, 10), EnrolledOn: day(2023, 1, 5)}, 3},
		{Enrolment{Year: 2023, Status: StatusRegistered, EnrolledOn: day(2023, 2, 1)}, 2},
		// Never January for a missing date: the undated month.
		{Enrolment{Year: 2023, Status: StatusRegistered}, UndatedMonth},
		{Enrolment{Year: 2023, Status: StatusTrained, EnrolledOn: day(2023, 11, 5)}, UndatedMonth},
		{Enrolment{Year: 2023, Status: StatusDropped, EnrolledOn: day(2023, 11, 5)}, UndatedMonth},
		{Enrolment{Year: 2023, Status: StatusDropped, EnrolledOn: day(2023, 11, 5), CompletedOn: day(2023, 12, 1)}, 12},
		{Enrolment{Year: 2023, Status: StatusTrained, CompletedOn: day(2024, 1, 5)}, 12},
		{Enrolment{Year: 2023, Status: StatusRegistered, EnrolledOn: day(2022, 12, 20)}, 1},
		// A registered enrolment counts on its enrolment date, not a completion date.
		{Enrolment{Year: 2023, Status: StatusRegistered, EnrolledOn: day(2023, 4, 2), CompletedOn: day(2023, 6, 1)}, 4},
	}
	for _, c := range cases {
		if got := c.e.CountMonth(); got != c.want {
			t.Errorf("%+v: month %d, want %d", c.e, got, c.want)
		}
	}
}

func TestCheckDates(t *testing.T) {
	cases := []struct {
		e    Enrolment
		want []string
	}{
		{Enrolment{Status: StatusRegistered, EnrolledOn: day(2026, 11, 3)}, nil},
		{Enrolment{Status: StatusRegistered}, []string{"enrolled_on_missing"}},
		{Enrolment{Status: StatusTrained}, []string{"enrolled_on_missing", "completed_on_missing"}},
		{Enrolment{Status: StatusTrained, EnrolledOn: day(2026, 11, 3)}, []string{"completed_on_missing"}},
		{Enrolment{Status: StatusDropped, EnrolledOn: day(2026, 11, 3)}, []string{"left_on_missing"}},
		{Enrolment{Status: StatusDropped, EnrolledOn: day(2026, 11, 3), CompletedOn: day(2026, 11, 9)}, nil},
	}
	for _, c := range cases {
		var got []string
		for _, i := range c.e.CheckDates() {
			if i.Severity != Error {
				t.Errorf("%+v: %s is not an error", c.e, i.Code)
			}
			got = append(got, i.Code)
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%+v: %v, want %v", c.e, got, c.want)
		}
	}
	// Left as saved: a warning only; changed: an error again.
	prev := Enrolment{ID: 4, Status: StatusTrained, EnrolledOn: day(2026, 11, 3)}
	same := prev
	if is := same.CheckDatesAgainst(&prev); is.HasErrors() || len(is) != 1 {
		t.Errorf("unchanged undated enrolment: %v", is)
	}
	changed := prev
	changed.Status = StatusDropped
	if is := changed.CheckDatesAgainst(&prev); !is.HasErrors() {
		t.Errorf("changed undated enrolment is not refused: %v", is)
	}
	if got := VerificationCode("800ec7a1ffee"); got != "800E-C7A1" {
		t.Errorf("VerificationCode = %q", got)
	}
}

func TestQuotaChecks(t *testing.T) {
	as := quotaAgencies()
	cases := []struct {
		name  string
		issue Issues
		want  []string
	}{
		{"ok", Quota{DISKOPUKM, 2023, 300}.Check(as), nil},
		{"DPMPTSP left in 2023", Quota{DPMPTSP, 2023, 10}.Check(as), []string{"agency_not_in_year"}},
		{"negative", Quota{DKP, 2023, -1}.Check(as), []string{"quota_negative"}},
		{"unknown", Quota{"NAKER", 2023, 1}.Check(as), []string{"agency_unknown"}},
		{"opening ok", (&OpeningBalance{AgencyCode: DPMPTSP, Year: 2021, Count: 400, Note: " Laporan  2021 "}).Check(as), nil},
		{"opening without note", (&OpeningBalance{AgencyCode: DKP, Year: 2021, Count: 400}).Check(as), []string{"opening_note_missing"}},
		{"opening negative", (&OpeningBalance{AgencyCode: DKP, Year: 2019, Count: -4, Note: "x"}).Check(as), []string{"year_invalid", "opening_negative"}},
		{"target ok", DefaultTarget.Check(), nil},
		{"target period", Target{Count: 1, StartYear: 2023, EndYear: 2022, Window: TrainingWindow{1, 12}}.Check(), []string{"target_period_invalid"}},
		{"target window", Target{Count: 0, StartYear: 2020, EndYear: 2022, Window: TrainingWindow{11, 2}}.Check(), []string{"target_invalid", "window_invalid"}},
	}
	for _, c := range cases {
		if got := c.issue.Codes(); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// quotaAgencies mirrors migration 0001's agency history.
func quotaAgencies() Agencies {
	n := func(s string) []AgencyName { return []AgencyName{{ValidFrom: day(2020, 1, 1), Short: s}} }
	return Agencies{
		{Code: DPMPTSP, Names: n("DPMPTSP"), FirstYear: 2020, LastYear: 2022, Order: 1},
		{Code: DISKOPUKM, Names: []AgencyName{{ValidFrom: day(2020, 1, 1), Short: "Diskop UKM"},
			{ValidFrom: HandoverDate2023, Short: "Diskop UKM dan Naker"}}, FirstYear: 2020, Order: 2},
		{Code: DISPERINDAG, Names: n("Disperindag"), FirstYear: 2020, Order: 3},
		{Code: DISPORAPAR, Names: n("Disporapar"), FirstYear: 2020, Order: 4},
		{Code: DKPP, Names: n("DKPP"), FirstYear: 2020, Order: 5},
		{Code: DKP, Names: n("DKP"), FirstYear: 2020, Order: 6},
		{Code: DP3AP2KB, Names: n("DP3AP2KB"), FirstYear: 2020, Order: 7},
	}
}

func TestParseCount(t *testing.T) {
	cases := map[string]int{"1.800": 1800, "1800": 1800, " 1 800 ": 1800, "1,800": 1800, "": 0, "0": 0, "10.000": 10000}
	for in, want := range cases {
		if got, ok := ParseCount(in); !ok || got != want {
			t.Errorf("ParseCount(%q) = %d, %v", in, got, ok)
		}
	}
	for _, in := range []string{"-5", "1,5x", "abc", "1e3", "12345678901", "."} {
		if _, ok := ParseCount(in); ok {
			t.Errorf("ParseCount(%q) accepted", in)
		}
	}
}
