package wub

import (
	"testing"
)

func TestBuildDashboard2023(t *testing.T) {
	c := DashboardCounts{
		Query:    DashboardQuery{Year: 2023, AsOf: day(2023, 6, 30)},
		Target:   DefaultTarget,
		Agencies: quotaAgencies(),
		Quotas:   map[string]int{DISKOPUKM: 400, DISPERINDAG: 300, DISPORAPAR: 300, DKPP: 300, DKP: 250, DP3AP2KB: 250},
		Opening:  map[string]int{DISPERINDAG: 50},
		Recorded: map[string]int{DISKOPUKM: 210, DISPERINDAG: 100, DISPORAPAR: 149, DKPP: 150, DKP: 125,
			DPMPTSP: 3}, // old data of an agency that left: shown, not lost
		OpeningPeriod:  8200,
		RecordedPeriod: 730,
		PersonsYear:    730, // four of the 734 enrolments are people trained twice
		Monthly:        [12]int{0, 100, 200, 150, 180, 100},
		BySex:          map[string]int{"L": 300, "P": 430},
		ByKec:          map[string]int{"35.28.04": 500, "": 230},
		ByKBLI:         map[string]int{"C": 700, "Z9": 30},
	}
	d := BuildDashboard(c)

	wantRows := []struct {
		code, name                           string
		quota, realised, expected, remaining int
		behind                               bool
	}{
		{DISKOPUKM, "Diskop UKM dan Naker", 400, 210, 200, 190, false},
		{DISPERINDAG, "Disperindag", 300, 150, 150, 150, false}, // 50 opening + 100 recorded: on the mark
		{DISPORAPAR, "Disporapar", 300, 149, 150, 151, true},
		{DKPP, "DKPP", 300, 150, 150, 150, false},
		{DKP, "DKP", 250, 125, 125, 125, false},
		{DP3AP2KB, "DP3AP2KB", 250, 0, 125, 250, true},
		{DPMPTSP, "DPMPTSP", 0, 3, 0, 0, false},
	}
	if len(d.Agencies) != len(wantRows) {
		t.Fatalf("%d agency rows, want %d: %+v", len(d.Agencies), len(wantRows), d.Agencies)
	}
	for i, w := range wantRows {
		r := d.Agencies[i]
		if r.Code != w.code || r.Name != w.name || r.Goal != w.quota || r.Realised() != w.realised ||
			r.Expected != w.expected || r.Remaining() != w.remaining || r.Behind != w.behind {
			t.Errorf("row %d = %+v (realised %d), want %+v", i, r, r.Realised(), w)
		}
		if r.Filter != (FigureFilter{Counting: CountEnrolment, FromYear: 2023, ToYear: 2023, AgencyCode: w.code}) {
			t.Errorf("row %d filter %+v", i, r.Filter)
		}
	}
	if tot := d.Total; tot.Goal != 1800 || tot.Realised() != 787 || tot.Expected != 900 || !tot.Behind {
		t.Errorf("total = %+v", tot)
	}
	if got := FormatPercent(d.Agencies[0].Ratio()); got != "52,5%" {
		t.Errorf("Diskop UKM dan Naker percent %s", got)
	}
	if y := d.Year; y.Goal != 1800 || y.Opening != 50 || y.Recorded != 730 || y.Expected != 900 || !y.Behind ||
		y.Filter.Counting != CountPerson {
		t.Errorf("year = %+v", y)
	}
	if r := d.Regency; r.Realised() != 8930 || FormatPercent(r.Ratio()) != "89,3%" || r.Filter.FromYear != 2020 || r.Filter.ToYear != 2023 {
		t.Errorf("regency = %+v", r)
	}
	wantCum := []int{50, 150, 350, 500, 680, 780, 780, 780, 780, 780, 780, 780}
	for i, m := range d.Months {
		if m.Cumulative != wantCum[i] || m.Pace != 150*(i+1) || m.Future != (i >= 6) || m.Filter.Month != i+1 || !m.Filter.UpToMonth {
			t.Errorf("month %d = %+v", i+1, m)
		}
	}
	f := d.Forecast // 780 in 6 months = 130 a month; 1,070 to go = 8.23 months from end of June
	if f.Realised != 8930 || f.ReachYear != 2024 || f.ReachMonth != 3 || f.NeededPerMonth != 179 || f.OnTrack {
		t.Errorf("forecast = %+v", f)
	}
	if len(d.BySex) != 2 || d.BySex[1].Label != "Perempuan" || d.BySex[1].Count != 430 || d.BySex[1].Filter.Sex != "P" {
		t.Errorf("by sex = %+v", d.BySex)
	}
	if n := len(d.ByKec); n != 14 {
		t.Fatalf("%d kecamatan slices, want 13 + blank", n)
	}
	if last := d.ByKec[13]; last.Key != "" || last.Count != 230 || last.Filter.KecCode != Blank || last.Label != "Tidak diisi" {
		t.Errorf("blank kecamatan = %+v", last)
	}
	if k := d.ByKec[3]; k.Key != "35.28.04" || k.Label != "Pamekasan" || k.Count != 500 {
		t.Errorf("kecamatan Pamekasan = %+v", k)
	}
	if n := len(d.ByKBLI); n != 22 || d.ByKBLI[21].Key != "Z9" || d.ByKBLI[2].Count != 700 {
		t.Errorf("KBLI = %d slices, last %+v", n, d.ByKBLI[n-1])
	}
}

func TestBuildDashboardAgencyHistory(t *testing.T) {
	for _, c := range []struct {
		year  int
		n     int
		diskp string
	}{{2022, 7, "Diskop UKM"}, {2023, 6, "Diskop UKM dan Naker"}, {2024, 6, "Diskop UKM dan Naker"}} {
		d := BuildDashboard(DashboardCounts{Query: DashboardQuery{Year: c.year, AsOf: day(c.year, 12, 31)},
			Target: DefaultTarget, Agencies: quotaAgencies()})
		if len(d.Agencies) != c.n {
			t.Errorf("%d: %d agencies, want %d", c.year, len(d.Agencies), c.n)
		}
		for _, r := range d.Agencies {
			if r.Code == DISKOPUKM && r.Name != c.diskp {
				t.Errorf("%d: %s", c.year, r.Name)
			}
		}
	}
	// One agency's view counts its enrolments and paces its own quota.
	d := BuildDashboard(DashboardCounts{Query: DashboardQuery{Year: 2023, AsOf: day(2023, 3, 31), AgencyCode: DKP},
		Target: DefaultTarget, Agencies: quotaAgencies(), Quotas: map[string]int{DKP: 240},
		Recorded: map[string]int{DKP: 50}, Monthly: [12]int{20, 10, 20}})
	if d.Counting != CountEnrolment || d.Year.Code != DKP || d.Year.Expected != 60 || !d.Year.Behind ||
		d.Months[2].Cumulative != 50 || d.Months[2].Pace != 60 || d.Months[2].Filter.AgencyCode != DKP {
		t.Errorf("DKP view: %+v / %+v", d.Year, d.Months[2])
	}
}
