package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// fileRun is the progress bar and Cancel of a manual backup or a restore.
// The use case reports its stages to progress (app.FileProgress);
// Cancel is offered while it is safe: a backup leaves no file when it is
// cancelled, a restore leaves the database untouched until it starts to
// put the current file away (wub.StageKeep), when Cancel is switched off.
type fileRun struct {
	u         *App
	restore   bool // the stages of a restore, else of a backup
	bar       *widget.ProgressBar
	stage     *widget.Label
	cancelBtn *widget.Button
	cancel    context.CancelFunc
	ctx       context.Context
	box       *fyne.Container
	hold      func() // tests: runs first in the job
}

func newFileRun(u *App, restore bool) *fileRun {
	r := &fileRun{u: u, restore: restore, bar: widget.NewProgressBar(), stage: widget.NewLabel("")}
	r.cancelBtn = widget.NewButton(T("button.cancel"), func() {
		if r.cancel != nil {
			r.cancel()
			r.cancelBtn.Disable()
			r.stage.SetText(T("regency.file_cancelling"))
		}
	})
	r.box = container.NewVBox(r.stage, container.NewBorder(nil, nil, nil, r.cancelBtn, r.bar))
	r.box.Hide()
	return r
}

// start shows the bar and returns the context the store work runs under.
func (r *fileRun) start() context.Context {
	ctx, cancel := context.WithCancel(r.u.appCtx())
	r.ctx, r.cancel = ctx, cancel
	r.bar.SetValue(0)
	r.cancelBtn.Enable()
	r.stage.SetText(T("regency.file_copy"))
	r.box.Show()
	return ctx
}

// progress is the work's app.FileProgress: it moves the bar on the UI
// goroutine.
func (r *fileRun) progress(stage string, done, total int64) {
	frac := 0.0
	if total > 0 {
		frac = float64(done) / float64(total)
	}
	r.u.jobs.deliver(func() { r.show(stage, frac) })
}

// show maps a stage of the store's work onto the bar.
func (r *fileRun) show(stage string, frac float64) {
	if r.cancel == nil {
		return // already ended
	}
	var v float64
	switch {
	case stage == wub.StageCopy && r.restore:
		v = 0.3 * frac
	case stage == wub.StageCopy:
		v = 0.9 * frac
	case stage == wub.StageCheck && r.restore:
		v = 0.5
	case stage == wub.StageCheck:
		v = 0.95
	case stage == wub.StageKeep:
		v = 0.6 + 0.35*frac
		r.cancelBtn.Disable() // from here on the restore finishes whatever happens
	}
	if v > r.bar.Value {
		r.bar.SetValue(v)
	}
	if r.cancelBtn.Disabled() && stage != wub.StageKeep {
		return // "cancelling…" stays
	}
	switch stage {
	case wub.StageCopy:
		r.stage.SetText(T("regency.file_copy"))
	case wub.StageCheck:
		r.stage.SetText(T("regency.file_check"))
	case wub.StageKeep:
		r.stage.SetText(T("regency.file_keep"))
	}
}

// end hides Cancel and reports whether the work was cancelled (err is the
// work's result: a cancelled run fails with some error or none).
func (r *fileRun) end(err error) (cancelled bool) {
	cancelled = err != nil && r.ctx != nil && r.ctx.Err() != nil
	if r.cancel != nil {
		r.cancel()
	}
	r.cancel = nil
	r.box.Hide()
	return cancelled
}

// restoreView is the window while a restore runs: what it does, the bar
// and Cancel.
func (u *App) restoreView(r *fileRun) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(T("backup.restoring"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 140), container.NewVBox(title, r.box)))
}
