package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Resize fits the columns into the width the table has (issue 19): at
// 1024×768 Peserta lost Tahun and Status and Impor its "Alasan" off the
// right edge. Columns wider than their header give up width in proportion
// to what they can spare, never below what the header needs; cell texts
// then end in "…" and open in full on a tap (showFull).
func (t *rowTable) Resize(s fyne.Size) {
	t.fit(s.Width)
	t.Table.Resize(s)
}

func (t *rowTable) fit(width float32) {
	if len(t.natural) == 0 {
		return
	}
	avail := width - theme.ScrollBarSize() - 4
	var sum, spare float32
	for i, w := range t.natural {
		sum += w
		spare += w - min(w, t.heads[i])
	}
	factor := float32(0)
	if sum > avail && spare > 0 {
		factor = min(1, (sum-avail)/spare)
	}
	for i, w := range t.natural {
		nw := w - (w-min(w, t.heads[i]))*factor
		if t.widths[i] != nw {
			t.widths[i] = nw
			t.SetColumnWidth(i, nw)
		}
	}
}

// showFull opens a cut cell text in full under the pointer.
func (c *rowCell) showFull(e *fyne.PointEvent) {
	text := c.label.Text
	if text == "" || e == nil {
		return
	}
	need := fyne.MeasureText(text, theme.TextSize(), c.label.TextStyle).Width + 2*theme.InnerPadding()
	if need <= c.Size().Width+1 {
		return
	}
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	w := min(need, 520)
	l.Resize(fyne.NewSize(w, 10))
	box := container.NewGridWrap(fyne.NewSize(w, l.MinSize().Height), l)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Add(e.Position)
	c.t.full = widget.NewPopUp(box, cv)
	c.t.full.ShowAtPosition(pos)
}
