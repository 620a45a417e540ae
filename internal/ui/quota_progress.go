package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// progressBar is the regency's large bar: opening balance, recorded and
// what remains, as three segments of one bar.
type progressBar struct {
	widget.BaseWidget
	p wub.Progress
}

func newProgressBar() *progressBar {
	b := &progressBar{}
	b.ExtendBaseWidget(b)
	return b
}

func (b *progressBar) set(p wub.Progress) {
	b.p = p
	b.Refresh()
}

func (b *progressBar) CreateRenderer() fyne.WidgetRenderer {
	r := &progressRenderer{b: b, segs: []*canvas.Rectangle{canvas.NewRectangle(colorRest),
		canvas.NewRectangle(colorOpening), canvas.NewRectangle(colorRecorded)}}
	return r
}

type progressRenderer struct {
	b    *progressBar
	segs []*canvas.Rectangle // background, opening, recorded
}

func (r *progressRenderer) Layout(size fyne.Size) {
	p := r.b.p
	goal := float32(max(p.Goal, p.Realised(), 1))
	wOpen := size.Width * float32(p.Opening) / goal
	wRec := size.Width * float32(p.Recorded) / goal
	r.segs[0].Resize(size)
	r.segs[1].Resize(fyne.NewSize(wOpen, size.Height))
	r.segs[2].Move(fyne.NewPos(wOpen, 0))
	r.segs[2].Resize(fyne.NewSize(wRec, size.Height))
}

func (r *progressRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 30) }

func (r *progressRenderer) Refresh() {
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *progressRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.segs[0], r.segs[1], r.segs[2]}
}
func (r *progressRenderer) Destroy() {}
