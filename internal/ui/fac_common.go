package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// Helpers shared by the Fasilitator, Angkatan and Kontrak screens.

// columnsLayout lays a row's cells out left to right at fixed widths, all
// as tall as the tallest: a table whose cells may be live widgets (a Select,
// an Entry), for lists of tens of rows where widget.Table's recycling is
// not needed.
type columnsLayout struct{ widths []float32 }

func (l columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		if i < len(l.widths) {
			w += l.widths[i]
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w+theme.Padding()*float32(max(len(objs)-1, 0)), h)
}

func (l columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		w := float32(100)
		if i < len(l.widths) {
			w = l.widths[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}

// columnsRow builds one row of a columnsLayout table.
func columnsRow(widths []float32, cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(columnsLayout{widths}, cells...)
}

// cellLabel is a table cell's text, cut with an ellipsis when too long.
func cellLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// headerLabel is a bold header cell that wraps onto two lines.
func headerLabel(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// blurEntry is an entry that also reports when it loses the focus.
type blurEntry struct {
	entry
	onBlur func()
}

func newBlurEntry(onBlur func()) *blurEntry {
	e := &blurEntry{onBlur: onBlur}
	e.ExtendBaseWidget(e)
	return e
}

func (e *blurEntry) FocusLost() {
	e.entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// parseDateInto reads a typed date; a date that cannot be read is an issue
// on the field. Empty is the zero time.
func parseDateInto(text, fieldName string, is *wub.Issues) time.Time {
	s := strings.TrimSpace(text)
	if s == "" {
		return time.Time{}
	}
	d, err := wub.ParseDate(s)
	if err != nil {
		*is = append(*is, wub.Issue{Field: fieldName, Code: "date_invalid", Severity: wub.Error, Args: []any{s}})
	}
	return d
}

// parseCount reads a whole number typed in a field; "" is 0.
func parseCount(text, fieldName string, is *wub.Issues) int {
	s := strings.ReplaceAll(strings.TrimSpace(text), ".", "")
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		*is = append(*is, wub.Issue{Field: fieldName, Code: "number_invalid", Severity: wub.Error, Args: []any{text}})
	}
	return n
}

// showFields shows each field's issues under it.
func showFields(fields map[string]*field, is wub.Issues) {
	for key, fl := range fields {
		fl.show(is.ForField(key))
	}
}

// agencyShort is an agency's short name in a year.
func (u *App) agencyShort(code string, year int) string {
	if a, ok := u.agencies.ByCode(code); ok {
		return a.NameInYear(year).Short
	}
	return code
}
