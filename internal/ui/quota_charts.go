package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// Chart colours, the same as in the exported workbook.
var (
	colorOpening  = color.NRGBA{0x1F, 0x4E, 0x79, 0xFF} // saldo awal
	colorRecorded = color.NRGBA{0x2E, 0x8B, 0x57, 0xFF} // tercatat
	colorRest     = color.NRGBA{0xD9, 0xD9, 0xD9, 0xFF} // sisa, kuota
	colorPace     = color.NRGBA{0xC5, 0x5A, 0x11, 0xFF} // laju kuota
	colorBehind   = color.NRGBA{0xC0, 0x00, 0x00, 0xFF}
)

func chartText(s string, size float32, c color.Color) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	return t
}

// fitText shortens s with "…" until it fits width at the text size.
func fitText(s string, width, size float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= width {
			return t
		}
	}
	return "…"
}

func textColor() color.Color { return theme.Color(theme.ColorNameForeground) }

func mutedColor() color.Color { return theme.Color(theme.ColorNamePlaceHolder) }

// barItem is one bar: a value, and optionally a goal drawn behind it and a
// pace mark (where the value should be today).
type barItem struct {
	label  string
	value  int
	goal   int // 0: no goal bar
	pace   int // 0: no pace mark
	behind bool
}

// barChart draws labelled horizontal bars with their numbers; tapping a
// bar calls onTap with its index (to open the people behind it).
type barChart struct {
	widget.BaseWidget
	title  string
	items  []barItem
	onTap  func(i int)
	labelW float32 // room for the labels
	legend bool    // explain the goal bar and the pace mark
}

// head is the height above the first bar: the title, and the legend.
func (c *barChart) head() float32 {
	if c.legend {
		return chartHead + 20
	}
	return chartHead
}

const (
	barRow    = 24
	barLabelW = 170
	barNumW   = 90
	chartHead = 26
)

func newBarChart(title string, onTap func(int)) *barChart {
	c := &barChart{title: title, onTap: onTap, labelW: barLabelW}
	c.ExtendBaseWidget(c)
	return c
}

func (c *barChart) setItems(items []barItem) {
	c.items = items
	c.Refresh()
}

// Tapped finds the bar under the pointer.
func (c *barChart) Tapped(e *fyne.PointEvent) {
	i := int((e.Position.Y - c.head()) / barRow)
	if c.onTap != nil && e.Position.Y >= c.head() && i >= 0 && i < len(c.items) {
		c.onTap(i)
	}
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{c: c}
	r.rebuild()
	return r
}

type barRenderer struct {
	c       *barChart
	objects []fyne.CanvasObject
	legend  []fyne.CanvasObject
}

func (r *barRenderer) rebuild() {
	r.objects = []fyne.CanvasObject{chartText(r.c.title, theme.TextSize(), textColor())}
	r.objects[0].(*canvas.Text).TextStyle.Bold = true
	r.legend = nil
	if r.c.legend {
		r.legend = legendItems(colorRecorded, T("kuota.chart_realised"), colorRest, T("col.quota"), colorPace, T("kuota.legend_expected"))
	}
	for _, it := range r.c.items {
		fill := colorRecorded
		if it.behind {
			fill = colorBehind
		}
		num := wub.FormatInt(it.value)
		if it.goal > 0 {
			num += " / " + wub.FormatInt(it.goal)
		}
		pace := canvas.NewRectangle(colorPace)
		if it.pace == 0 {
			pace.Hide()
		}
		goal := canvas.NewRectangle(colorRest)
		if it.goal == 0 {
			goal.Hide()
		}
		r.objects = append(r.objects, chartText(fitText(it.label, r.c.labelW-8, theme.TextSize()-1), theme.TextSize()-1, textColor()), goal,
			canvas.NewRectangle(fill), pace, chartText(num, theme.TextSize()-1, textColor()))
	}
	r.objects = append(r.objects, r.legend...)
}

// legendItems makes colour swatches with their texts: colour, text, ...
func legendItems(pairs ...any) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, canvas.NewRectangle(pairs[i].(color.Color)), chartText(pairs[i+1].(string), theme.TextSize()-1, textColor()))
	}
	return out
}

// layoutLegend puts swatches and texts in a row from x at y.
func layoutLegend(objs []fyne.CanvasObject, x, y float32) {
	for i := 0; i+1 < len(objs); i += 2 {
		objs[i].Move(fyne.NewPos(x, y+7))
		objs[i].Resize(fyne.NewSize(14, 6))
		objs[i+1].Move(fyne.NewPos(x+18, y))
		x += 18 + objs[i+1].MinSize().Width + 16
	}
}

func (r *barRenderer) Layout(size fyne.Size) {
	r.objects[0].Move(fyne.NewPos(0, 2))
	top := 0
	for _, it := range r.c.items {
		top = max(top, it.value, it.goal, it.pace)
	}
	lw := r.c.labelW
	plot := size.Width - lw - barNumW
	scale := float32(0)
	if top > 0 && plot > 0 {
		scale = plot / float32(top)
	}
	layoutLegend(r.legend, 0, chartHead-4)
	for i, it := range r.c.items {
		o := r.objects[1+i*5 : 6+i*5]
		y := r.c.head() + float32(i*barRow)
		o[0].Move(fyne.NewPos(0, y+3))
		o[1].Move(fyne.NewPos(lw, y+4))
		o[1].Resize(fyne.NewSize(float32(it.goal)*scale, barRow-8))
		o[2].Move(fyne.NewPos(lw, y+7))
		o[2].Resize(fyne.NewSize(max(float32(it.value)*scale, 1), barRow-14))
		o[3].Move(fyne.NewPos(lw+float32(it.pace)*scale-1, y+1))
		o[3].Resize(fyne.NewSize(3, barRow-2))
		o[4].Move(fyne.NewPos(lw+float32(max(it.value, it.goal, it.pace))*scale+6, y+3))
	}
}

func (r *barRenderer) MinSize() fyne.Size {
	return fyne.NewSize(r.c.labelW+barNumW+100, r.c.head()+float32(len(r.c.items)*barRow+4))
}

func (r *barRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *barRenderer) Destroy()                     {}

// lineChart draws the year's cumulative realised numbers per month against
// the pace line of the quota; tapping a month calls onTap with it (1–12).
type lineChart struct {
	widget.BaseWidget
	title  string
	months []wub.MonthPoint
	onTap  func(month int)
}

const (
	lineLeft   = 64
	lineBottom = 22
)

func newLineChart(title string, onTap func(int)) *lineChart {
	c := &lineChart{title: title, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *lineChart) setMonths(ms []wub.MonthPoint) {
	c.months = ms
	c.Refresh()
}

func (c *lineChart) Tapped(e *fyne.PointEvent) {
	w := (c.Size().Width - lineLeft) / 12
	m := int((e.Position.X-lineLeft)/w) + 1
	if c.onTap != nil && w > 0 && m >= 1 && m <= 12 && m <= len(c.months) && !c.months[m-1].Future {
		c.onTap(m)
	}
}

func (c *lineChart) CreateRenderer() fyne.WidgetRenderer {
	r := &lineRenderer{c: c}
	r.rebuild()
	return r
}

type lineRenderer struct {
	c       *lineChart
	objects []fyne.CanvasObject
	grid    []*canvas.Line
	yLabels []*canvas.Text
	xLabels []*canvas.Text
	pace    []*canvas.Line
	real    []*canvas.Line
	dots    []*canvas.Circle
	legend  []fyne.CanvasObject
	top     int
}

var monthShort = []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

// niceTop rounds a maximum up to 1, 2 or 5 times a power of ten, so that
// the axis reads in round numbers.
func niceTop(v int) int {
	if v <= 0 {
		return 10
	}
	p := math.Pow(10, math.Floor(math.Log10(float64(v))))
	for _, m := range []float64{1, 2, 5, 10} {
		if float64(v) <= m*p {
			return int(m * p)
		}
	}
	return int(10 * p)
}

func (r *lineRenderer) rebuild() {
	title := chartText(r.c.title, theme.TextSize(), textColor())
	title.TextStyle.Bold = true
	r.objects = []fyne.CanvasObject{title}
	r.grid, r.yLabels, r.xLabels, r.pace, r.real, r.dots = nil, nil, nil, nil, nil, nil
	top := 0
	for _, m := range r.c.months {
		top = max(top, m.Pace, m.Cumulative)
	}
	r.top = niceTop(top)
	for i := 0; i <= 4; i++ {
		g := canvas.NewLine(colorRest)
		r.grid = append(r.grid, g)
		r.yLabels = append(r.yLabels, chartText(wub.FormatInt(r.top*i/4), theme.TextSize()-2, mutedColor()))
	}
	for i := range r.c.months {
		r.xLabels = append(r.xLabels, chartText(monthShort[i], theme.TextSize()-2, mutedColor()))
		if i > 0 {
			// A dashed pace line: two short strokes per month.
			for range 2 {
				l := canvas.NewLine(colorPace)
				l.StrokeWidth = 1.5
				r.pace = append(r.pace, l)
			}
			if !r.c.months[i].Future {
				l := canvas.NewLine(colorRecorded)
				l.StrokeWidth = 2.5
				r.real = append(r.real, l)
			}
		}
		if !r.c.months[i].Future {
			r.dots = append(r.dots, canvas.NewCircle(colorRecorded))
		}
	}
	r.legend = legendItems(colorRecorded, T("kuota.chart_realised"), colorPace, T("kuota.chart_pace"))
	for _, g := range r.grid {
		r.objects = append(r.objects, g)
	}
	for _, l := range r.yLabels {
		r.objects = append(r.objects, l)
	}
	for _, l := range r.xLabels {
		r.objects = append(r.objects, l)
	}
	for _, l := range r.pace {
		r.objects = append(r.objects, l)
	}
	for _, l := range r.real {
		r.objects = append(r.objects, l)
	}
	for _, d := range r.dots {
		r.objects = append(r.objects, d)
	}
	r.objects = append(r.objects, r.legend...)
}

func (r *lineRenderer) Layout(size fyne.Size) {
	r.objects[0].Move(fyne.NewPos(0, 2))
	plotTop, plotBottom := float32(chartHead+18), size.Height-lineBottom
	h := plotBottom - plotTop
	w := (size.Width - lineLeft) / 12
	y := func(v int) float32 { return plotBottom - h*float32(v)/float32(r.top) }
	x := func(i int) float32 { return lineLeft + w*float32(i) + w/2 }
	for i, g := range r.grid {
		yy := y(r.top * i / 4)
		g.Position1, g.Position2 = fyne.NewPos(lineLeft, yy), fyne.NewPos(size.Width, yy)
		lbl := r.yLabels[i]
		lbl.Move(fyne.NewPos(lineLeft-8-lbl.MinSize().Width, yy-lbl.MinSize().Height/2))
	}
	for i, l := range r.xLabels {
		l.Move(fyne.NewPos(x(i)-l.MinSize().Width/2, plotBottom+3))
	}
	p, q, d := 0, 0, 0
	for i, m := range r.c.months {
		if i > 0 {
			prev := r.c.months[i-1]
			x0, y0, x1, y1 := x(i-1), y(prev.Pace), x(i), y(m.Pace)
			for k := range 2 {
				a, b := float32(k)/2, float32(k)/2+0.3
				r.pace[p].Position1 = fyne.NewPos(x0+(x1-x0)*a, y0+(y1-y0)*a)
				r.pace[p].Position2 = fyne.NewPos(x0+(x1-x0)*b, y0+(y1-y0)*b)
				p++
			}
			if !m.Future {
				r.real[q].Position1, r.real[q].Position2 = fyne.NewPos(x0, y(prev.Cumulative)), fyne.NewPos(x1, y(m.Cumulative))
				q++
			}
		}
		if !m.Future {
			r.dots[d].Move(fyne.NewPos(x(i)-3.5, y(m.Cumulative)-3.5))
			r.dots[d].Resize(fyne.NewSize(7, 7))
			d++
		}
	}
	layoutLegend(r.legend, lineLeft, chartHead-4)
}

// 380 wide: two charts side by side fit a 1024×768 window (issue 19).
func (r *lineRenderer) MinSize() fyne.Size { return fyne.NewSize(380, 250) }

func (r *lineRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *lineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *lineRenderer) Destroy()                     {}
