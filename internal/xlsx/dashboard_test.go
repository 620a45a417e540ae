package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

func testAgencies() wub.Agencies {
	n := func(s string) []wub.AgencyName {
		return []wub.AgencyName{{ValidFrom: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Short: s}}
	}
	return wub.Agencies{
		{Code: wub.DPMPTSP, Names: n("DPMPTSP"), FirstYear: 2020, LastYear: 2022, Order: 1},
		{Code: wub.DISKOPUKM, Names: []wub.AgencyName{{ValidFrom: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Short: "Diskop UKM"},
			{ValidFrom: wub.HandoverDate2023, Short: "Diskop UKM dan Naker"}}, FirstYear: 2020, Order: 2},
		{Code: wub.DISPERINDAG, Names: n("Disperindag"), FirstYear: 2020, Order: 3},
		{Code: wub.DISPORAPAR, Names: n("Disporapar"), FirstYear: 2020, Order: 4},
		{Code: wub.DKPP, Names: n("DKPP"), FirstYear: 2020, Order: 5},
		{Code: wub.DKP, Names: n("DKP"), FirstYear: 2020, Order: 6},
		{Code: wub.DP3AP2KB, Names: n("DP3AP2KB"), FirstYear: 2020, Order: 7},
	}
}

func testDashboard() *wub.Dashboard {
	return wub.BuildDashboard(wub.DashboardCounts{
		Query:          wub.DashboardQuery{Year: 2023, AsOf: time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)},
		Target:         wub.DefaultTarget,
		Agencies:       testAgencies(),
		Quotas:         map[string]int{wub.DISKOPUKM: 400, wub.DISPERINDAG: 300, wub.DISPORAPAR: 300, wub.DKPP: 300, wub.DKP: 250, wub.DP3AP2KB: 250},
		Opening:        map[string]int{wub.DISPERINDAG: 50},
		Recorded:       map[string]int{wub.DISKOPUKM: 210, wub.DISPERINDAG: 100, wub.DISPORAPAR: 149, wub.DKPP: 150, wub.DKP: 125},
		OpeningPeriod:  8200,
		RecordedPeriod: 730,
		PersonsYear:    730,
		Monthly:        [12]int{0, 100, 200, 150, 180, 100},
		BySex:          map[string]int{"L": 300, "P": 430},
		ByKec:          map[string]int{"35.28.04": 500, "": 230},
		ByKBLI:         map[string]int{"C": 700, "G": 30},
	})
}

// rowOf finds the row whose column A reads label (the first after `after`).
func rowOf(t *testing.T, f *excelize.File, label string, after int) int {
	t.Helper()
	rows, err := f.GetRows(DashboardSheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if i+1 > after && len(r) > 0 && r[0] == label {
			return i + 1
		}
	}
	t.Fatalf("no row %q", label)
	return 0
}

func num(t *testing.T, f *excelize.File, ref string) float64 {
	t.Helper()
	v, err := f.GetCellValue(DashboardSheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("%s = %q is not a number", ref, v)
	}
	return x
}

func TestWriteDashboard(t *testing.T) {
	d := testDashboard()
	var buf bytes.Buffer
	if err := WriteDashboard(&buf, d); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("WUB_KEEP_XLSX"); dir != "" { // to look at it in a spreadsheet
		os.WriteFile(filepath.Join(dir, "dasbor.xlsx"), buf.Bytes(), 0o644)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	r := rowOf(t, f, "Terealisasi", 0)
	if got := num(t, f, "B"+strconv.Itoa(r)); got != 8930 {
		t.Errorf("realised %v", got)
	}
	p := rowOf(t, f, "Persentase", 0)
	if got := num(t, f, "B"+strconv.Itoa(p)); got != 0.893 {
		t.Errorf("percent %v", got)
	}
	// Excel formats the stored ratio; the displayed text follows the format.
	if shown, _ := f.GetCellValue(DashboardSheet, "B"+strconv.Itoa(p)); shown != "89.3%" {
		t.Errorf("percent shown as %q (format 0.0%%)", shown)
	}
	dp := rowOf(t, f, "Disporapar", 0)
	if got := num(t, f, "E"+strconv.Itoa(dp)); got != 149 {
		t.Errorf("Disporapar realised %v", got)
	}
	if note, _ := f.GetCellValue(DashboardSheet, "I"+strconv.Itoa(dp)); note != "Tertinggal" {
		t.Errorf("Disporapar note %q", note)
	}
	if dk := rowOf(t, f, "Diskop UKM dan Naker", 0); num(t, f, "G"+strconv.Itoa(dk)) != 0.525 {
		t.Errorf("Diskop UKM dan Naker percent")
	}
	jul := rowOf(t, f, "Jul", 0)
	if v, _ := f.GetCellValue(DashboardSheet, "C"+strconv.Itoa(jul)); v != "" {
		t.Errorf("July (after the as-of date) has a cumulative %q", v)
	}
	if got := num(t, f, "D"+strconv.Itoa(jul)); got != 1050 {
		t.Errorf("July pace %v", got)
	}
	for _, want := range []string{"Dengan laju 130,0 orang per bulan tahun ini, target tercapai pada Maret 2024.",
		"Agar target tercapai 31 Desember 2023 perlu 179 orang per bulan."} {
		rowOf(t, f, want, 0)
	}
	checkCharts(t, f, buf.Bytes(), d)
}

var seriesRef = regexp.MustCompile(`<val><numRef><f>([^<]+)</f>`)

// checkCharts opens the workbook's charts and checks that each series
// reads cells holding the dashboard's figures.
func checkCharts(t *testing.T, f *excelize.File, b []byte, d *wub.Dashboard) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	charts := map[string]string{}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			charts[zf.Name] = string(x)
		}
	}
	if len(charts) != 6 {
		t.Fatalf("%d charts, want 6", len(charts))
	}
	values := func(name string) [][]float64 {
		var out [][]float64
		for _, m := range seriesRef.FindAllStringSubmatch(charts[name], -1) {
			rng := strings.ReplaceAll(strings.TrimPrefix(m[1], DashboardSheet+"!"), "$", "")
			from, to, _ := strings.Cut(rng, ":")
			c1, r1, _ := excelize.CellNameToCoordinates(from)
			_, r2, _ := excelize.CellNameToCoordinates(to)
			var vs []float64
			for r := r1; r <= r2; r++ {
				ref, _ := excelize.CoordinatesToCellName(c1, r)
				v, _ := f.GetCellValue(DashboardSheet, ref, excelize.Options{RawCellValue: true})
				x, _ := strconv.ParseFloat(v, 64)
				vs = append(vs, x)
			}
			out = append(out, vs)
		}
		return out
	}
	names := make([]string, 0, len(charts))
	for n := range charts {
		names = append(names, n)
	}
	sort.Strings(names)
	progress := values(names[0])
	if len(progress) != 3 || progress[0][0] != 8200 || progress[1][0] != 730 || progress[2][0] != 1070 {
		t.Errorf("progress chart reads %v", progress)
	}
	agencies := values(names[1])
	if len(agencies) != 3 || len(agencies[2]) != 6 || agencies[0][0] != 400 || agencies[1][3] != 150 || agencies[2][2] != 149 {
		t.Errorf("agency chart reads %v", agencies)
	}
	months := values(names[2])
	if len(months) != 2 || months[0][5] != 780 || months[1][11] != 1800 {
		t.Errorf("monthly chart reads %v", months)
	}
	if !strings.Contains(charts[names[0]], `<barDir val="bar">`) || !strings.Contains(charts[names[2]], "<lineChart>") {
		t.Error("chart types")
	}
	if sex := values(names[3]); len(sex) != 1 || sex[0][0] != 300 || sex[0][1] != 430 {
		t.Errorf("sex chart reads %v", sex)
	}
	if kec := values(names[4]); len(kec) != 1 || len(kec[0]) != 14 || kec[0][13] != 230 {
		t.Errorf("kecamatan chart reads %v", kec)
	}
	if kbli := values(names[5]); len(kbli) != 1 || len(kbli[0]) != 21 {
		t.Errorf("KBLI chart reads %v", kbli)
	}
}
