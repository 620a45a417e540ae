package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// DashboardSheet is the name of the dashboard export's only sheet.
const DashboardSheet = "Dasbor"

// Short Indonesian month names for the chart's axis; the export is a
// report for Indonesian offices whatever the app's language.
var monthsShort = []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

var monthsLong = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
	"Oktober", "November", "Desember"}

// Colours shared by the tables and the charts.
const (
	colOpening  = "1F4E79" // saldo awal
	colRecorded = "2E8B57" // tercatat
	colRest     = "D9D9D9" // sisa
	colPace     = "C55A11" // laju kuota
	colBehind   = "C00000"
)

// WriteDashboard writes the dashboard as one sheet: the tables on the left
// (numbers as numbers, formatted #,##0 and 0,0% so that Excel shows them
// the Indonesian way on an Indonesian Windows) and native Excel charts on
// the right, drawn from those cells.
func WriteDashboard(w io.Writer, d *wub.Dashboard) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", DashboardSheet); err != nil {
		return err
	}
	s, err := newSheet(f)
	if err != nil {
		return err
	}
	s.write(d)
	if s.err != nil {
		return s.err
	}
	if err := s.charts(d); err != nil {
		return err
	}
	return writeWithDimensions(f, w)
}

type sheet struct {
	f                                   *excelize.File
	err                                 error
	title, head, text, num, pct, behind int
	row                                 int
	progressRow, agencyFirst            int
	monthFirst, sexFirst, kecFirst      int
	kbliFirst, kbliLast, kecLast        int
}

func newSheet(f *excelize.File) (*sheet, error) {
	s := &sheet{f: f, row: 1}
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	styles := []struct {
		dst *int
		st  excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.head, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}},
		{&s.text, excelize.Style{}},
		{&s.num, excelize.Style{NumFmt: 3}}, // #,##0
		{&s.pct, excelize.Style{CustomNumFmt: ptr("0.0%")}},
		{&s.behind, excelize.Style{Font: &excelize.Font{Bold: true, Color: colBehind}}},
	}
	for _, st := range styles {
		id, err := f.NewStyle(&st.st)
		if err != nil {
			return nil, err
		}
		*st.dst = id
	}
	// A report page: landscape, one page wide (tables and charts side by side).
	if err := f.SetPageLayout(DashboardSheet, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"),
		FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return nil, err
	}
	if err := f.SetSheetProps(DashboardSheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return nil, err
	}
	for col, width := range map[string]float64{"A": 30, "B": 11, "C": 11, "D": 11, "E": 12, "F": 11, "G": 11, "H": 13, "I": 16} {
		if err := f.SetColWidth(DashboardSheet, col, col, width); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func ptr[T any](v T) *T { return &v }

func dashCell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// put writes values from column A of the current row with one style, and
// moves to the next row.
func (s *sheet) put(style int, vals ...any) {
	for i, v := range vals {
		if s.err != nil {
			return
		}
		if v == nil {
			continue
		}
		s.err = s.f.SetCellValue(DashboardSheet, dashCell(i+1, s.row), v)
		st := style
		if _, isText := v.(string); isText && (style == s.num || style == s.pct) {
			st = s.text
		}
		if s.err == nil {
			s.err = s.f.SetCellStyle(DashboardSheet, dashCell(i+1, s.row), dashCell(i+1, s.row), st)
		}
	}
	s.row++
}

func (s *sheet) style(col, style int) {
	if s.err == nil {
		s.err = s.f.SetCellStyle(DashboardSheet, dashCell(col, s.row-1), dashCell(col, s.row-1), style)
	}
}

// ratio is a cell value for a ratio: the number, or "–" without a goal.
func ratio(p wub.Progress) any {
	r := p.Ratio()
	if r != r { // NaN
		return wub.NoValue
	}
	return r
}

func (s *sheet) write(d *wub.Dashboard) {
	q := d.Query
	who := "Kabupaten Pamekasan"
	if q.AgencyCode != "" {
		who = d.Year.Name
	}
	s.put(s.title, fmt.Sprintf("Dasbor Kuota Program WUB %d — %s", q.Year, who))
	s.put(s.text, fmt.Sprintf("Keadaan per %s. Kabupaten dihitung per orang (setiap NIK sekali, pada tahun lulus pertamanya); dinas dihitung per pendaftaran.",
		fmt.Sprintf("%d %s %d", q.AsOf.Day(), monthsLong[q.AsOf.Month()-1], q.AsOf.Year())))
	s.row++

	s.put(s.head, fmt.Sprintf("Capaian target %d–%d", d.Target.StartYear, d.Target.EndYear), "Jumlah")
	s.progressRow = s.row
	r := d.Regency
	s.put(s.num, "Saldo awal (sebelum WUBDesk)", r.Opening)
	s.put(s.num, "Tercatat di WUBDesk (orang)", r.Recorded)
	s.put(s.num, "Sisa menuju target", r.Remaining())
	s.put(s.num, "Terealisasi", r.Realised())
	s.put(s.num, "Target", r.Goal)
	s.put(s.pct, "Persentase", ratio(r))
	s.row++

	fc := d.Forecast
	s.put(s.head, "Perkiraan", "")
	switch {
	case fc.Reached:
		s.put(s.text, "Target sudah tercapai.")
	case fc.ReachYear > 0:
		s.put(s.text, fmt.Sprintf("Dengan laju %s orang per bulan tahun ini, target tercapai pada %s %d.",
			wub.FormatFloat(fc.PerMonth, 1), monthsLong[fc.ReachMonth-1], fc.ReachYear))
	default:
		s.put(s.text, "Belum ada realisasi tahun ini untuk menghitung laju.")
	}
	if fc.NeededPerMonth > 0 {
		s.put(s.text, fmt.Sprintf("Agar target tercapai %d Desember %d perlu %s orang per bulan.",
			fc.Deadline.Day(), fc.Deadline.Year(), wub.FormatInt(fc.NeededPerMonth)))
	}
	s.row++

	s.put(s.head, fmt.Sprintf("Per dinas %d (pendaftaran)", q.Year), "Kuota", "Saldo awal",
		"Tercatat", "Terealisasi", "Sisa", "Persentase", "Seharusnya", "Keterangan")
	s.agencyFirst = s.row
	for _, a := range append(append([]wub.AgencyRow(nil), d.Agencies...), d.Total) {
		note := "Sesuai laju"
		if a.Behind {
			note = "Tertinggal"
		}
		s.put(s.num, a.Name, a.Goal, a.Opening, a.Recorded, a.Realised(), a.Remaining(), nil, a.Expected, note)
		s.row-- // the percentage goes into the same row
		s.put(s.pct, nil, nil, nil, nil, nil, nil, ratio(a.Progress))
		if a.Behind {
			s.style(9, s.behind)
		}
	}
	s.row++

	count := "orang"
	if d.Counting == wub.CountEnrolment {
		count = "pendaftaran"
	}
	s.put(s.head, fmt.Sprintf("Per bulan %d (%s)", q.Year, count), "Tercatat", "Kumulatif", "Laju kuota")
	s.monthFirst = s.row
	for _, m := range d.Months {
		var cum any = m.Cumulative
		if m.Future {
			cum = nil // no line into the future
		}
		s.put(s.num, monthsShort[m.Month-1], m.Recorded, cum, m.Pace)
	}
	if d.Undated > 0 { // counted in the year, in no month (below the chart's twelve rows)
		s.put(s.num, undatedLabel, d.Undated, nil, nil)
	}
	s.row++

	s.sexFirst = s.breakdown(fmt.Sprintf("Jenis kelamin (%s)", count), d.BySex)
	s.kecFirst = s.breakdown(fmt.Sprintf("Kecamatan (%s)", count), d.ByKec)
	s.kecLast = s.row - 2
	s.kbliFirst = s.breakdown(fmt.Sprintf("Bidang usaha KBLI (%s)", count), d.ByKBLI)
	s.kbliLast = s.row - 2
}

func (s *sheet) breakdown(title string, ss []wub.Slice) int {
	s.put(s.head, title, "Jumlah")
	first := s.row
	for _, x := range ss {
		s.put(s.num, shorten(x.Label, 34), x.Count)
	}
	s.row++
	return first
}

// shorten cuts a long label (KBLI titles) so that chart axes stay legible.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func ref(col string, from, to int) string {
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", DashboardSheet, col, from, col, to)
}

func (s *sheet) charts(d *wub.Dashboard) error {
	title := func(t string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t, Font: &excelize.Font{Bold: true, Size: 12}}}}
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	axisFont := excelize.Font{Color: "404040", Size: 9}
	numAxis := excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}, Font: axisFont}
	catAxis := excelize.ChartAxis{Font: axisFont}
	listAxis := excelize.ChartAxis{Font: axisFont, ReverseOrder: true} // first row on top
	bottom := excelize.ChartLegend{Position: "bottom"}
	p := s.progressRow
	last := len(d.Agencies) + s.agencyFirst - 1
	charts := []struct {
		at string
		c  *excelize.Chart
	}{
		{"K1", &excelize.Chart{Type: excelize.BarStacked, Title: title("Capaian target program"), Legend: bottom,
			Dimension: excelize.ChartDimension{Width: 640, Height: 170}, YAxis: numAxis,
			Series: []excelize.ChartSeries{
				{Name: ref("A", p, p), Values: ref("B", p, p), Fill: fill(colOpening)},
				{Name: ref("A", p+1, p+1), Values: ref("B", p+1, p+1), Fill: fill(colRecorded)},
				{Name: ref("A", p+2, p+2), Values: ref("B", p+2, p+2), Fill: fill(colRest)},
			}}},
		{"K11", &excelize.Chart{Type: excelize.Col, Title: title(fmt.Sprintf("Kuota dan realisasi per dinas %d", d.Query.Year)),
			Legend: bottom, Dimension: excelize.ChartDimension{Width: 640, Height: 300}, XAxis: catAxis, YAxis: numAxis,
			Series: []excelize.ChartSeries{
				{Name: ref("B", s.agencyFirst-1, s.agencyFirst-1), Categories: ref("A", s.agencyFirst, last), Values: ref("B", s.agencyFirst, last), Fill: fill(colRest)},
				{Name: ref("H", s.agencyFirst-1, s.agencyFirst-1), Categories: ref("A", s.agencyFirst, last), Values: ref("H", s.agencyFirst, last), Fill: fill(colPace)},
				{Name: ref("E", s.agencyFirst-1, s.agencyFirst-1), Categories: ref("A", s.agencyFirst, last), Values: ref("E", s.agencyFirst, last), Fill: fill(colRecorded)},
			}}},
		{"K28", &excelize.Chart{Type: excelize.Line, Title: title(fmt.Sprintf("Realisasi kumulatif %d dan laju kuota", d.Query.Year)),
			Legend: bottom, Dimension: excelize.ChartDimension{Width: 640, Height: 300}, XAxis: catAxis, YAxis: numAxis, ShowBlanksAs: "gap",
			Series: []excelize.ChartSeries{
				{Name: ref("C", s.monthFirst-1, s.monthFirst-1), Categories: ref("A", s.monthFirst, s.monthFirst+11), Values: ref("C", s.monthFirst, s.monthFirst+11),
					Fill: fill(colRecorded), Line: excelize.LineOptions{Width: 2.5},
					Marker: excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: fill(colRecorded)}},
				{Name: ref("D", s.monthFirst-1, s.monthFirst-1), Categories: ref("A", s.monthFirst, s.monthFirst+11), Values: ref("D", s.monthFirst, s.monthFirst+11),
					Fill: fill(colPace), Line: excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash},
					Marker: excelize.ChartMarker{Symbol: "none"}},
			}}},
		{"K45", &excelize.Chart{Type: excelize.Pie, Title: title("Jenis kelamin"), Legend: bottom,
			Dimension: excelize.ChartDimension{Width: 300, Height: 260}, PlotArea: excelize.ChartPlotArea{ShowPercent: true},
			Series: []excelize.ChartSeries{{Name: ref("B", s.sexFirst-1, s.sexFirst-1), Categories: ref("A", s.sexFirst, s.sexFirst+1),
				Values: ref("B", s.sexFirst, s.sexFirst+1), DataPoint: []excelize.ChartDataPoint{{Index: 0, Fill: fill(colOpening)}, {Index: 1, Fill: fill(colPace)}}}}}},
		{"K59", &excelize.Chart{Type: excelize.Bar, Title: title("Per kecamatan"), Legend: excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 640, Height: 360}, YAxis: numAxis, XAxis: listAxis,
			Series: []excelize.ChartSeries{{Name: ref("B", s.kecFirst-1, s.kecFirst-1), Categories: ref("A", s.kecFirst, s.kecLast),
				Values: ref("B", s.kecFirst, s.kecLast), Fill: fill(colRecorded)}}}},
		{"K79", &excelize.Chart{Type: excelize.Bar, Title: title("Per bidang usaha (KBLI)"), Legend: excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 640, Height: 480}, YAxis: numAxis, XAxis: listAxis,
			Series: []excelize.ChartSeries{{Name: ref("B", s.kbliFirst-1, s.kbliFirst-1), Categories: ref("A", s.kbliFirst, s.kbliLast),
				Values: ref("B", s.kbliFirst, s.kbliLast), Fill: fill(colOpening)}}}},
	}
	for _, c := range charts {
		c.c.Format = excelize.GraphicOptions{PrintObject: ptr(true)}
		if c.c.Type != excelize.Pie {
			c.c.VaryColors = ptr(false) // one colour per series, as the table's legend says
			c.c.GapWidth = ptr(uint(60))
		}
		if err := s.f.AddChart(DashboardSheet, c.at, c.c); err != nil {
			return err
		}
	}
	return nil
}
