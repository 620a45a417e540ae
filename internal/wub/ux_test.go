package wub

import (
	"testing"
	"time"
)

func TestProgramForecast(t *testing.T) {
	tg := Target{Count: 1200, StartYear: 2024, EndYear: 2025}
	jul := time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)
	// 240 in the first six months: about 40 a month, 960 to go: reached
	// about two years later, after the deadline; 960 over 18 months left
	// needs about 54 a month.
	p := ProgramForecast(tg, 240, jul)
	if p.Over || p.Met || p.PerMonth < 39 || p.PerMonth > 41 || p.OnTime {
		t.Fatalf("%+v", p)
	}
	if p.ReachYear != 2026 || p.ReachMonth < 5 || p.ReachMonth > 8 {
		t.Fatalf("reach %d-%d", p.ReachYear, p.ReachMonth)
	}
	if p.NeededPerMonth < 53 || p.NeededPerMonth > 55 {
		t.Fatalf("needed %d", p.NeededPerMonth)
	}
	// The same numbers on the same day give the same forecast: the year a
	// screen shows is not an input any more.
	// After the deadline: met or not, no date after it.
	late := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	if p := ProgramForecast(tg, 1000, late); !p.Over || p.Met || p.ReachYear != 0 || p.NeededPerMonth != 0 || p.Months != 24 {
		t.Fatalf("over, missed: %+v", p)
	}
	if p := ProgramForecast(tg, 1300, late); !p.Over || !p.Met {
		t.Fatalf("over, met: %+v", p)
	}
	if p := ProgramForecast(tg, 0, time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)); p.PerMonth != 0 || p.Months != 0 {
		t.Fatalf("before the start: %+v", p)
	}
}

func TestPlaceWarnings(t *testing.T) {
	tr := Trainee{}
	if c := tr.PlaceWarnings().Codes(); len(c) != 2 || c[0] != "kecamatan_missing" || c[1] != "desa_missing" {
		t.Fatalf("%v", c)
	}
	tr = Trainee{KecCode: "35.28.04", DesaCode: "35.28.04.1001"}
	if len(tr.PlaceWarnings()) != 0 {
		t.Fatal("warned with both set")
	}
}
