package wub

import (
	"testing"
	"time"
)

func TestParseMonth(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when refused
	}{
		{"2023-04", "2023-04"},
		{" 2023-12 ", "2023-12"},
		{"04/2023", "2023-04"},
		{"April 2023", "2023-04"},
		{"agt 2022", "2022-08"},
		{"Desember 2020", "2020-12"},
		{"2023-13", ""},
		{"2023-00", ""},
		{"2023-4", ""},
		{"+202-04", ""},
		{"1999-01", ""},
		{"Foo 2023", ""},
		{"", ""},
	}
	for _, tt := range tests {
		m, ok := ParseMonth(tt.in)
		got := ""
		if ok {
			got = FormatMonth(m)
		}
		if got != tt.want {
			t.Errorf("ParseMonth(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2023-04", "04/2023", "Mei 2021", "2023-13", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := ParseMonth(s)
		if !ok {
			return
		}
		if m.Day() != 1 || m.Year() < 2000 || m.Year() > 2100 {
			t.Fatalf("%q gave %v", s, m)
		}
		back, ok := ParseMonth(FormatMonth(m))
		if !ok || !back.Equal(m) {
			t.Fatalf("%q: %s does not read back", s, FormatMonth(m))
		}
	})
}

func TestReportDueAndOnTime(t *testing.T) {
	if got := ReportDue("2023-12"); !got.Equal(d(2024, 1, ReportDueDay)) {
		t.Errorf("due of December = %s", ISO(got))
	}
	tests := []struct {
		sub  time.Time
		want bool
	}{
		{d(2023, 5, 2), true},
		{d(2023, 5, ReportDueDay), true},
		{d(2023, 5, ReportDueDay+1), false},
		{time.Time{}, false},
	}
	for _, tt := range tests {
		r := ActivityReport{Month: "2023-04", SubmittedOn: tt.sub}
		if got := r.OnTime(); got != tt.want {
			t.Errorf("submitted %s: on time = %v, want %v", ISO(tt.sub), got, tt.want)
		}
	}
}

func TestTallyReports(t *testing.T) {
	months := []string{"2023-09", "2023-10", "2023-11", "2023-12"}
	sub := map[string]time.Time{
		"2023-09": d(2023, 10, 3),  // on time
		"2023-10": d(2023, 11, 25), // late
		"2024-01": d(2024, 1, 2),   // not a contract month: ignored
	}
	// On 5 Dec 2023 the November report is not due yet (10 Dec) and neither
	// is December's: both pending, not missing.
	got := TallyReports(months, sub, d(2023, 12, 5))
	want := ReportTally{Expected: 2, OnTime: 1, Late: 1, Missing: 0, Pending: 2}
	if got != want {
		t.Errorf("5 Dec: %+v, want %+v", got, want)
	}
	got = TallyReports(months, sub, d(2024, 2, 1))
	want = ReportTally{Expected: 4, OnTime: 1, Late: 1, Missing: 2}
	if got != want {
		t.Errorf("1 Feb: %+v, want %+v", got, want)
	}
}

func TestMentoringAndReportCheck(t *testing.T) {
	m := Mentoring{Date: d(2023, 5, 1), TraineeID: 1, FacilitatorID: 2, BusinessState: BusinessRunning}
	if is := m.Check(today); len(is) != 0 {
		t.Errorf("valid visit: %v", is.Codes())
	}
	m.BusinessState, m.Date, m.TraineeID = "maju", today.AddDate(0, 0, 1), 0
	if got := m.Check(today).Codes(); !equal(got, []string{"mentoring_trainee_missing", "mentoring_date_future", "business_state_invalid"}) {
		t.Errorf("bad visit: %v", got)
	}
	r := ActivityReport{FacilitatorID: 1, Month: "05/2023", SubmittedOn: d(2023, 6, 3)}
	if is := r.Check(today); len(is) != 0 || r.Month != "2023-05" {
		t.Errorf("valid report: %v, month %q", is.Codes(), r.Month)
	}
	r.SubmittedOn = d(2023, 4, 30)
	if got := r.Check(today).Codes(); !equal(got, []string{"report_submitted_early"}) {
		t.Errorf("early report: %v", got)
	}
	r.Month = "Mei"
	if got := r.Check(today).Codes(); !equal(got, []string{"report_month_invalid"}) {
		t.Errorf("bad month: %v", got)
	}
	for _, s := range []string{"Belum mulai", "sudah  berjalan", "BERHENTI", BusinessRunning} {
		if _, ok := ParseBusinessState(s); !ok {
			t.Errorf("ParseBusinessState(%q) refused", s)
		}
	}
}

func TestPercentAndCompletion(t *testing.T) {
	for _, tt := range []struct{ part, whole, want int }{{1, 3, 33}, {2, 3, 67}, {1, 2, 50}, {0, 5, 0}, {7, 7, 100}, {45, 40, 113}} {
		if got, ok := Percent(tt.part, tt.whole); !ok || got != tt.want {
			t.Errorf("Percent(%d, %d) = %d", tt.part, tt.whole, got)
		}
	}
	if PercentText(1, 0) != "–" || PercentText(3, 4) != "75%" {
		t.Errorf("PercentText: %q %q", PercentText(1, 0), PercentText(3, 4))
	}
	ms := []BatchMember{{Status: StatusTrained}, {Status: StatusTrained}, {Status: StatusDropped}, {Status: StatusRegistered}}
	if c, dr, r := BatchCompletion(ms); c != 2 || dr != 1 || r != 1 {
		t.Errorf("completion = %d %d %d", c, dr, r)
	}
}
