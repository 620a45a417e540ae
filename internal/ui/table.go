package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowTable is a widget.Table used as a list of records: a click selects a
// whole row, a double click or Enter opens it, the arrow keys move the
// selection. Cells are recycled, so it stays light at any number of rows.
type rowTable struct {
	widget.Table
	selected int // -1 when none
	onOpen   func(row int)
	onSelect func(row int)
	rows     func() int
	widths   []float32     // of the columns as shown (table_fit.go; tests read them)
	natural  []float32     // as designed, each at least its header
	heads    []float32     // what each header needs
	full     *widget.PopUp // a cut cell's text in full (tests read it)
}

// tableColumn describes one column of a rowTable.
type tableColumn struct {
	key   string  // translation key of the header
	sort  string  // sort key, "" when the column does not sort
	width float32 //
}

func newRowTable(cols []tableColumn, rows func() int, text func(row, col int) string,
	header func(col int) string, onHeader func(col int)) *rowTable {
	t := &rowTable{selected: -1, rows: rows}
	t.Length = func() (int, int) { return rows(), len(cols) }
	t.CreateCell = func() fyne.CanvasObject { return newRowCell(t) }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*rowCell)
		c.row = id.Row
		c.label.SetText(text(id.Row, id.Col))
		c.setSelected(id.Row == t.selected)
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			b.SetText("")
			return
		}
		b.SetText(header(id.Col))
		col := id.Col
		b.OnTapped = func() { onHeader(col) }
	}
	t.ExtendBaseWidget(t)
	for i, c := range cols {
		h := headerWidth(header(i))
		w := max(columnWidthIn(c.key, c.width), h)
		t.natural = append(t.natural, w)
		t.heads = append(t.heads, h)
		t.widths = append(t.widths, w)
		t.SetColumnWidth(i, w)
	}
	return t
}

// selectRow marks a row as selected and scrolls to it.
func (t *rowTable) selectRow(row int) {
	if row < 0 || row >= t.rows() {
		return
	}
	t.selected = row
	t.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	t.Refresh()
	if t.onSelect != nil {
		t.onSelect(row)
	}
}

// clearSelection forgets the selected row (after the rows changed).
func (t *rowTable) clearSelection() {
	t.selected = -1
	if t.onSelect != nil {
		t.onSelect(-1)
	}
}

// TypedKey moves the selection with the arrow keys and opens on Enter.
func (t *rowTable) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDown:
		t.selectRow(t.selected + 1)
	case fyne.KeyUp:
		if t.selected > 0 {
			t.selectRow(t.selected - 1)
		}
	case fyne.KeyPageDown:
		t.selectRow(min(t.selected+20, t.rows()-1))
	case fyne.KeyPageUp:
		t.selectRow(max(t.selected-20, 0))
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.selected >= 0 && t.onOpen != nil {
			t.onOpen(t.selected)
		}
	default:
		t.Table.TypedKey(e)
	}
}

// rowCell is one cell: a label over a background that shows selection.
type rowCell struct {
	widget.BaseWidget
	t     *rowTable
	row   int
	label *widget.Label
	bg    *canvas.Rectangle
}

func newRowCell(t *rowTable) *rowCell {
	c := &rowCell{t: t, label: widget.NewLabel(""), bg: canvas.NewRectangle(color.Transparent)}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

func (c *rowCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.label))
}

func (c *rowCell) setSelected(on bool) {
	col := color.Color(color.Transparent)
	if on {
		col = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != col {
		c.bg.FillColor = col
		c.bg.Refresh()
	}
}

// Tapped selects the row and gives the table the keyboard; a cut text
// opens in full beside it (table_fit.go).
func (c *rowCell) Tapped(e *fyne.PointEvent) {
	c.showFull(e)
	c.t.selectRow(c.row)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.t); cv != nil {
		cv.Focus(c.t)
	}
}

// DoubleTapped opens the row.
func (c *rowCell) DoubleTapped(*fyne.PointEvent) {
	c.t.selectRow(c.row)
	if c.t.onOpen != nil {
		c.t.onOpen(c.row)
	}
}

// headerWidth is what a header needs to be read whole: a column never cuts
// or overlaps its header, in either language (issue 19).
func headerWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + 2
}
