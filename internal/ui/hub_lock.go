package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// The lock of an accepted month (issue 22): a change that would alter the
// figures of a month the economic section accepted is refused by the store
// with month_locked; the window shows the message with the offer to ask
// for reopening ("minta buka kembali").

// monthLockDialog is the refusal on screen (kept for tests).
type monthLockDialog struct {
	d      dialog.Dialog
	msg    *widget.Label
	askBtn *widget.Button
}

// showLocked shows a month_locked refusal with the reopen offer; false when
// err is no lock.
func (u *App) showLocked(err error) bool {
	agency, month, ok := wub.LockedMonth(err)
	if !ok {
		return false
	}
	ld := &monthLockDialog{msg: widget.NewLabel(err.Error())}
	ld.msg.Wrapping = fyne.TextWrapWord
	ld.askBtn = widget.NewButton(T("review.ask_reopen"), func() {
		ld.d.Hide()
		u.askReopen(agency, month)
	})
	ld.askBtn.Importance = widget.HighImportance
	ld.d = dialog.NewCustom(T("review.locked_title"), T("button.close"),
		container.NewVBox(container.NewGridWrap(fyne.NewSize(520, 110), ld.msg), ld.askBtn), u.win)
	u.lastLock = ld
	ld.d.Show()
	return true
}

// askReopen asks why, then queues the request to reopen agency's month
// (YYYY-MM) for the hub and pushes it when the hub is reachable.
func (u *App) askReopen(agency, month string) {
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder(T("review.reopen_reason_hint"))
	reason.Validator = func(s string) error {
		if len([]rune(s)) < 3 {
			return wub.Errorf("reopen_reason_required")
		}
		return nil
	}
	t, _ := time.Parse("2006-01", month)
	form := dialog.NewForm(T("review.ask_reopen_title", wub.PeriodLabel(t)), T("review.ask_reopen_send"), T("button.cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("review.reason"), reason)}, func(ok bool) {
			if !ok {
				return
			}
			text := reason.Text
			var pushed PushSummary
			u.jobs.run(func() error {
				var err error
				pushed, err = u.askReopenWork(agency, t, text)
				return err
			}, func(err error) {
				if err != nil {
					u.showError(err)
					return
				}
				u.notify(pushed.message(t))
			})
		}, u.win)
	form.Resize(fyne.NewSize(520, 260))
	form.Show()
}

// PushSummary is what a push of the month queue did, for a short message.
type PushSummary struct {
	Sent    int
	Pending int
	Err     error
}

func (p PushSummary) message(month time.Time) string {
	if p.Err != nil || p.Pending > 0 {
		return T("review.queued", wub.PeriodLabel(month))
	}
	return T("review.sent", wub.PeriodLabel(month))
}

func (u *App) askReopenWork(agency string, month time.Time, reason string) (PushSummary, error) {
	ctx := u.appCtx()
	if err := u.app.AskReopen(ctx, agency, month, reason); err != nil {
		return PushSummary{}, err
	}
	r, err := u.app.PushMonths(ctx)
	return PushSummary{Sent: r.Sent, Pending: r.Pending, Err: r.Err}, err
}
