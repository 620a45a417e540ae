package store

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// person makes a trainee with a valid NIK from serial i (1–9999), born
// 12 March 1990; the NIK's day is 52 for women.
func dashPerson(i int, name, sex, kec, kbli string, es ...wub.Enrolment) *wub.Trainee {
	d := 12
	if sex == "P" {
		d += 40
	}
	return &wub.Trainee{NIK: fmt.Sprintf("352804%02d0390%04d", d, i), Name: name, Sex: sex,
		BirthDate: date(1990, 3, 12), KecCode: kec, KBLI: kbli, Enrolments: es}
}

func trained(agency string, year int, completed time.Time) wub.Enrolment {
	return wub.Enrolment{AgencyCode: agency, Year: year, Status: wub.StatusTrained, CompletedOn: completed}
}

// seedDashboard builds the database whose figures the tests below compute
// by hand:
//
//	P1  L 35.28.04 C  Disperindag 2022 lulus 10/11/2022; DKP 2023 lulus 15/03/2023
//	P2  P 35.28.04 C  Diskop UKM 2023 lulus 20/02/2023 (its DKPP 2023 enrolment deleted)
//	P3  P 35.28.01 G  Diskop UKM 2023 lulus 05/05/2023; Disperindag 2023 lulus 01/04/2023
//	P4  L 35.28.01 -  DKPP 2023 lulus, no dates (counts in January)
//	P5  P  -       A  DKP 2023 terdaftar
//	P6  L 35.28.13 A  Disporapar 2023 keluar
//	P7  P 35.28.04 C  DP3AP2KB 2022 lulus 10/01/2023 (counts in December 2022)
//	P8  L 35.28.02 C  Diskop UKM 2023 lulus 30/06/2023, person deleted
//	P9  P 35.28.02 G  DKPP 2023 lulus 10/06/2023, deleted and restored
//	P10 L 35.28.04 C  DPMPTSP 2022 lulus 01/08/2022
//
// Opening balances 2020–2022 add up to 8,200; Disperindag has 120 for
// early 2023. Quotas 2023: 400, 300, 400, 400, 300, 0 (sum 1,800).
func seedDashboard(t *testing.T) (*DB, map[string]int64) {
	t.Helper()
	db := openTest(t)
	ids := map[string]int64{}
	people := []*wub.Trainee{
		dashPerson(1, "P1 Ahmad", "L", "35.28.04", "C", trained(wub.DISPERINDAG, 2022, date(2022, 11, 10)), trained(wub.DKP, 2023, date(2023, 3, 15))),
		dashPerson(2, "P2 Badriyah", "P", "35.28.04", "C", trained(wub.DISKOPUKM, 2023, date(2023, 2, 20)), trained(wub.DKPP, 2023, date(2023, 3, 1))),
		dashPerson(3, "P3 Chotimah", "P", "35.28.01", "G", trained(wub.DISKOPUKM, 2023, date(2023, 5, 5)), trained(wub.DISPERINDAG, 2023, date(2023, 4, 1))),
		dashPerson(4, "P4 Dul", "L", "35.28.01", "", trained(wub.DKPP, 2023, time.Time{})),
		dashPerson(5, "P5 Erna", "P", "", "A", wub.Enrolment{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusRegistered, EnrolledOn: date(2023, 6, 1)}),
		dashPerson(6, "P6 Fauzi", "L", "35.28.13", "A", wub.Enrolment{AgencyCode: wub.DISPORAPAR, Year: 2023, Status: wub.StatusDropped}),
		dashPerson(7, "P7 Ghina", "P", "35.28.04", "C", trained(wub.DP3AP2KB, 2022, date(2023, 1, 10))),
		dashPerson(8, "P8 Hasan", "L", "35.28.02", "C", trained(wub.DISKOPUKM, 2023, date(2023, 6, 30))),
		dashPerson(9, "P9 Ifa", "P", "35.28.02", "G", trained(wub.DKPP, 2023, date(2023, 6, 10))),
		dashPerson(10, "P10 Jamal", "L", "35.28.04", "C", trained(wub.DPMPTSP, 2022, date(2022, 8, 1))),
	}
	for _, p := range people {
		if _, err := db.CreateTrainee(ctx, p); err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		ids[p.Name[:strIndex(p.Name, ' ')]] = p.ID
	}
	p2, _ := db.Trainee(ctx, ids["P2"])
	p2.Enrolments = p2.Enrolments[:1] // the DKPP enrolment goes
	if _, err := db.UpdateTrainee(ctx, p2); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteTrainee(ctx, ids["P8"]); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteTrainee(ctx, ids["P9"]); err != nil {
		t.Fatal(err)
	}
	if err := db.RestoreTrainee(ctx, ids["P9"]); err != nil {
		t.Fatal(err)
	}

	var obs []wub.OpeningBalance
	agencies7 := []string{wub.DPMPTSP, wub.DISKOPUKM, wub.DISPERINDAG, wub.DISPORAPAR, wub.DKPP, wub.DKP, wub.DP3AP2KB}
	for year, counts := range map[int][]int{
		2020: {400, 450, 400, 350, 300, 300, 300}, // 2,500
		2021: {400, 500, 450, 400, 350, 350, 350}, // 2,800
		2022: {450, 500, 450, 400, 400, 350, 350}, // 2,900
	} {
		for i, n := range counts {
			obs = append(obs, wub.OpeningBalance{AgencyCode: agencies7[i], Year: year, Count: n, Note: fmt.Sprintf("Laporan tahunan %d", year)})
		}
	}
	obs = append(obs, wub.OpeningBalance{AgencyCode: wub.DISPERINDAG, Year: 2023, Count: 120, Note: "Rekap manual Januari–Maret 2023"})
	if err := db.SetOpeningBalances(ctx, obs); err != nil {
		t.Fatal(err)
	}
	quotas := []wub.Quota{{AgencyCode: wub.DISKOPUKM, Year: 2023, Count: 400}, {AgencyCode: wub.DISPERINDAG, Year: 2023, Count: 300}, {AgencyCode: wub.DISPORAPAR, Year: 2023, Count: 400},
		{AgencyCode: wub.DKPP, Year: 2023, Count: 400}, {AgencyCode: wub.DKP, Year: 2023, Count: 300}, {AgencyCode: wub.DP3AP2KB, Year: 2023, Count: 0}}
	if err := db.SetQuotas(ctx, 2023, quotas); err != nil {
		t.Fatal(err)
	}
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatal(err)
	}
	return db, ids
}

func strIndex(s string, b byte) int {
	for i := range len(s) {
		if s[i] == b {
			return i
		}
	}
	return len(s)
}

func TestDashboardSeeded2023(t *testing.T) {
	db, _ := seedDashboard(t)
	d, err := db.Dashboard(ctx, wub.DashboardQuery{Year: 2023, AsOf: time.Date(2023, 6, 30, 15, 4, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	// Regency: 8,200 + 120 opening; 7 people recorded (P1, P7, P10 in 2022; P2, P3, P4, P9 in 2023).
	if r := d.Regency; r.Opening != 8320 || r.Recorded != 7 || r.Realised() != 8327 || wub.FormatPercent(r.Ratio()) != "83,3%" {
		t.Errorf("regency = %+v", r)
	}
	want := []struct {
		code, name                  string
		quota, opening, rec, expect int
		behind                      bool
	}{
		{wub.DISKOPUKM, "Diskop UKM dan Naker", 400, 0, 2, 200, true}, // P2, P3 (P8 deleted)
		{wub.DISPERINDAG, "Disperindag", 300, 120, 1, 150, true},      // P3
		{wub.DISPORAPAR, "Disporapar", 400, 0, 0, 200, true},          // P6 dropped out
		{wub.DKPP, "DKPP", 400, 0, 2, 200, true},                      // P4, P9 (P2's deleted)
		{wub.DKP, "DKP", 300, 0, 1, 150, true},                        // P1 (P5 only registered)
		{wub.DP3AP2KB, "DP3AP2KB", 0, 0, 0, 0, false},
	}
	if len(d.Agencies) != len(want) {
		t.Fatalf("%d agencies in 2023: %+v", len(d.Agencies), d.Agencies)
	}
	for i, w := range want {
		r := d.Agencies[i]
		if r.Code != w.code || r.Name != w.name || r.Goal != w.quota || r.Opening != w.opening || r.Recorded != w.rec ||
			r.Expected != w.expect || r.Behind != w.behind {
			t.Errorf("%s = %+v", w.code, r)
		}
	}
	if tot := d.Total; tot.Goal != 1800 || tot.Realised() != 126 || tot.Expected != 900 {
		t.Errorf("total (per enrolment) = %+v", tot)
	}
	// Per person the year has 120 + 4: P3's two enrolments count once, P1 counts in 2022.
	if y := d.Year; y.Opening != 120 || y.Recorded != 4 || y.Expected != 900 || d.Counting != wub.CountPerson {
		t.Errorf("year = %+v", y)
	}
	// P4 was trained without a completion date: counted in the year, in
	// no month (it used to be put in January).
	cum := []int{120, 121, 121, 122, 122, 123, 123, 123, 123, 123, 123, 123}
	if d.Undated != 1 {
		t.Errorf("undated = %d, want 1 (P4)", d.Undated)
	}
	for i, m := range d.Months {
		if m.Cumulative != cum[i] || m.Pace != 150*(i+1) {
			t.Errorf("month %d = %+v", i+1, m)
		}
	}
	counts := func(ss []wub.Slice) map[string]int {
		out := map[string]int{}
		for _, s := range ss {
			if s.Count != 0 {
				out[s.Key] = s.Count
			}
		}
		return out
	}
	if got := counts(d.BySex); fmt.Sprint(got) != "map[L:1 P:3]" {
		t.Errorf("by sex %v", got)
	}
	if got := counts(d.ByKec); fmt.Sprint(got) != "map[35.28.01:2 35.28.02:1 35.28.04:1]" {
		t.Errorf("by kecamatan %v", got)
	}
	if got := counts(d.ByKBLI); fmt.Sprint(got) != "map[:1 C:1 G:2]" {
		t.Errorf("by KBLI %v", got)
	}
	// 124 this year in 6 months; 1,673 to go at 20.67 a month: March 2030.
	// By 31 December 2023: 1,673 / 6 = 278.8 a month.
	if f := d.Forecast; f.Remaining != 1673 || f.ReachYear != 2030 || f.ReachMonth != 3 || f.NeededPerMonth != 279 || f.OnTrack {
		t.Errorf("forecast = %+v", f)
	}
}

func TestDashboardAgencyHistoryAndOneAgency(t *testing.T) {
	db, _ := seedDashboard(t)
	d, err := db.Dashboard(ctx, wub.DashboardQuery{Year: 2022, AsOf: date(2022, 12, 31)})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	rec := map[string]int{}
	for _, r := range d.Agencies {
		names = append(names, r.Name)
		rec[r.Code] = r.Recorded
	}
	if !slices.Equal(names, []string{"DPMPTSP", "Diskop UKM", "Disperindag", "Disporapar", "DKPP", "DKP", "DP3AP2KB"}) {
		t.Errorf("2022 agencies %v", names)
	}
	if rec[wub.DPMPTSP] != 1 || rec[wub.DISPERINDAG] != 1 || rec[wub.DP3AP2KB] != 1 || d.Year.Recorded != 3 || d.Year.Opening != 2900 {
		t.Errorf("2022 recorded %v, year %+v", rec, d.Year)
	}
	// P7 finished in January 2023 a 2022 course: December 2022.
	if d.Months[11].Recorded != 1 || d.Months[10].Recorded != 1 || d.Months[7].Recorded != 1 {
		t.Errorf("2022 months %+v", d.Months)
	}

	k, err := db.Dashboard(ctx, wub.DashboardQuery{Year: 2023, AsOf: date(2023, 6, 30), AgencyCode: wub.DKPP})
	if err != nil {
		t.Fatal(err)
	}
	if k.Counting != wub.CountEnrolment || k.Year.Recorded != 2 || k.Year.Goal != 400 || k.Months[0].Recorded != 0 ||
		k.Months[5].Cumulative != 1 || k.Months[5].Pace != 200 || k.Undated != 1 {
		t.Errorf("DKPP view: %+v %+v", k.Year, k.Months)
	}
}

func TestFigurePeople(t *testing.T) {
	db, _ := seedDashboard(t)
	d, err := db.Dashboard(ctx, wub.DashboardQuery{Year: 2023, AsOf: date(2023, 6, 30)})
	if err != nil {
		t.Fatal(err)
	}
	slice := func(ss []wub.Slice, key string) wub.FigureFilter {
		for _, s := range ss {
			if s.Key == key {
				return s.Filter
			}
		}
		t.Fatalf("no slice %q", key)
		return wub.FigureFilter{}
	}
	cases := []struct {
		name string
		f    wub.FigureFilter
		want string
	}{
		{"regency recorded", d.Regency.Filter, "P1 P10 P2 P3 P4 P7 P9"},
		{"Diskop UKM dan Naker 2023", d.Agencies[0].Filter, "P2 P3"},
		{"year per person", d.Year.Filter, "P2 P3 P4 P9"},
		{"cumulative to April", d.Months[3].Filter, "P2 P3 P4"},
		{"no KBLI", slice(d.ByKBLI, ""), "P4"},
		{"kecamatan Tlanakan", slice(d.ByKec, "35.28.01"), "P3 P4"},
		{"women", slice(d.BySex, "P"), "P2 P3 P9"},
		{"total per enrolment", d.Total.Filter, "P1 P2 P3 P3 P4 P9"},
		{"per person, first with Disperindag", wub.FigureFilter{Counting: wub.CountPerson, FromYear: 2020, ToYear: 2023,
			AgencyCode: wub.DISPERINDAG}, "P1 P3"},
	}
	// Both plans (walk the names, or gather and sort) give the same pages.
	for _, bias := range []float64{0, 1e18} {
		figureWalkBias = bias
		for _, c := range cases {
			rows, err := db.FigurePeople(ctx, c.f, 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, r := range rows {
				got = append(got, r.Name[:strIndex(r.Name, ' ')])
				if i > 0 && r.Name < rows[i-1].Name {
					t.Errorf("%s: %q after %q", c.name, r.Name, rows[i-1].Name)
				}
			}
			if s := fmt.Sprint(got); s != "["+c.want+"]" {
				t.Errorf("%s (bias %g): %s, want [%s]", c.name, bias, s, c.want)
			}
			n, err := db.CountFigurePeople(ctx, c.f)
			if err != nil || n != len(rows) {
				t.Errorf("%s: count %d, %v", c.name, n, err)
			}
		}
		// Per person the row shows the enrolment that counts: P3's first completion is Disperindag's.
		rows, _ := db.FigurePeople(ctx, d.Year.Filter, 1, 1)
		if len(rows) != 1 || rows[0].Name != "P3 Chotimah" || rows[0].AgencyCode != wub.DISPERINDAG || rows[0].Year != 2023 {
			t.Errorf("page 2 of 1 = %+v", rows)
		}
	}
	figureWalkBias = 20
}

func TestQuotasAndOpeningBalances(t *testing.T) {
	db := openTest(t)
	tg, err := db.Target(ctx)
	if err != nil || tg.Count != 10000 || tg.StartYear != 2020 || tg.EndYear != 2023 || tg.Window != (wub.TrainingWindow{From: 1, To: 12}) {
		t.Fatalf("seeded target %+v, %v", tg, err)
	}
	tg.Window = wub.TrainingWindow{From: 2, To: 11}
	tg.EndYear = 2024
	if err := db.SetTarget(ctx, tg); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Target(ctx); got.Window.From != 2 || got.EndYear != 2024 || got.UpdatedAt.IsZero() {
		t.Errorf("target after set %+v", got)
	}
	if err := db.SetTarget(ctx, wub.Target{Count: 0, StartYear: 2020, EndYear: 2023}); wub.ErrorCode(err) != "target_invalid" {
		t.Errorf("bad target: %v", err)
	}

	// 1,800 evenly over 2023's agencies, then one moved by hand.
	as, _ := db.Agencies(ctx)
	var codes []string
	for _, a := range as.InYear(2023) {
		codes = append(codes, a.Code)
	}
	shares := wub.Distribute(1800, codes, nil)
	var qs []wub.Quota
	for i, c := range codes {
		qs = append(qs, wub.Quota{AgencyCode: c, Year: 2023, Count: shares[i]})
	}
	qs[0].Count += 50
	qs[5].Count -= 50
	if err := db.SetQuotas(ctx, 2023, qs); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Quotas(ctx, 2023)
	sum := 0
	for _, q := range got {
		sum += q.Count
	}
	if len(got) != 6 || sum != 1800 || got[0].Count != 350 || got[5].Count != 250 {
		t.Errorf("quotas %+v", got)
	}
	bad := append(qs, wub.Quota{AgencyCode: wub.DPMPTSP, Year: 2023, Count: 10})
	if err := db.SetQuotas(ctx, 2023, bad); wub.ErrorCode(err) != "agency_not_in_year" {
		t.Errorf("DPMPTSP 2023 quota: %v", err)
	}
	if err := db.SetQuotas(ctx, 2023, append(qs, qs[0])); wub.ErrorCode(err) != "quota_duplicate" {
		t.Errorf("duplicate quota: %v", err)
	}
	if got2, _ := db.Quotas(ctx, 2023); !slices.Equal(got, got2) {
		t.Error("a refused change was saved")
	}
	if a, _ := db.AuditFor(ctx, "quota", 2023); len(a) != 1 {
		t.Errorf("quota audit %+v", a)
	}

	ob := []wub.OpeningBalance{{AgencyCode: wub.DPMPTSP, Year: 2022, Count: 450, Note: "Laporan 2022"}}
	if err := db.SetOpeningBalances(ctx, ob); err != nil {
		t.Fatal(err)
	}
	if err := db.SetOpeningBalances(ctx, []wub.OpeningBalance{{AgencyCode: wub.DKP, Year: 2022, Count: 10}}); wub.ErrorCode(err) != "opening_note_missing" {
		t.Errorf("no note: %v", err)
	}
	ob[0].Count = 460
	if err := db.SetOpeningBalances(ctx, ob); err != nil {
		t.Fatal(err)
	}
	all, _ := db.OpeningBalances(ctx, 0)
	if len(all) != 1 || all[0].Count != 460 || all[0].Note != "Laporan 2022" {
		t.Errorf("opening balances %+v", all)
	}
	if err := db.SetOpeningBalances(ctx, []wub.OpeningBalance{{AgencyCode: wub.DPMPTSP, Year: 2022}}); err != nil {
		t.Fatal(err)
	}
	if all, _ := db.OpeningBalances(ctx, 2022); len(all) != 0 {
		t.Errorf("not removed: %+v", all)
	}
	var actions []string
	audit, _ := db.AuditFor(ctx, "opening_balance", 2022)
	for _, a := range audit {
		actions = append(actions, a.Action)
	}
	if fmt.Sprint(actions) != "[insert update delete]" {
		t.Errorf("opening balance audit %v", actions)
	}
}
