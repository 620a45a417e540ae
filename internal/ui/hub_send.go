package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// hubSendPanel is Kirim Laporan's part for the regency register (issue
// 22): "Kirim ke register kabupaten" beside the workbook when the office
// is enrolled, the chosen month's state with the reviewer's note, the
// states of the other months, and "Minta buka kembali" for an accepted one.
type hubSendPanel struct {
	s         *submissionScreen
	box       *fyne.Container
	sendCheck *widget.Check  // send the month with the workbook
	state     *widget.Label  // the chosen month on the hub
	months    *widget.Label  // every known month, newest first
	pushBtn   *widget.Button // send what waits now
	reopenBtn *widget.Button
	pdfBtn    *widget.Button // the berita acara penerimaan of an accepted month
	enrolled  bool
	reviews   []wub.MonthReview
}

func newHubSendPanel(s *submissionScreen) *hubSendPanel {
	p := &hubSendPanel{s: s}
	p.sendCheck = widget.NewCheck(T("review.send_check"), nil)
	p.sendCheck.SetChecked(true)
	p.state = widget.NewLabel("")
	p.state.Wrapping = fyne.TextWrapWord
	p.months = widget.NewLabel("")
	p.months.Wrapping = fyne.TextWrapWord
	p.pushBtn = widget.NewButtonWithIcon(T("review.push_now"), theme.UploadIcon(), p.pushNow)
	p.reopenBtn = widget.NewButton(T("review.ask_reopen"), func() {
		if a, ok := s.agency(); ok {
			s.u.askReopen(a.Code, wub.Period(s.period()))
		}
	})
	p.pdfBtn = pdfButton(T("hubview.receipt_pdf"), p.printReceipt)
	p.box = container.NewVBox(p.sendCheck, p.state, container.NewHBox(p.pushBtn, p.reopenBtn, p.pdfBtn), p.months)
	p.box.Hide()
	return p
}

// refresh loads the office's month states (asking the hub when reachable).
func (p *hubSendPanel) refresh() {
	a, ok := p.s.agency()
	if !ok || p.s.u.app == nil {
		p.box.Hide()
		return
	}
	var enrolled bool
	var reviews []wub.MonthReview
	p.s.u.jobs.run(func() error {
		ctx := p.s.u.screenCtx()
		enrolled = p.s.u.app.Enrolled(ctx)
		if enrolled {
			ctx2, cancel := context.WithTimeout(ctx, 10*time.Second)
			_ = p.s.u.app.RefreshMonths(ctx2) // offline: the states as last known
			cancel()
		}
		var err error
		reviews, err = p.s.u.app.MonthReviews(ctx, a.Code)
		return err
	}, func(err error) {
		if err != nil {
			p.s.u.showError(err)
			return
		}
		p.enrolled, p.reviews = enrolled, reviews
		p.show()
	})
}

// show puts the loaded states on screen for the chosen month.
func (p *hubSendPanel) show() {
	if !p.enrolled && len(p.reviews) == 0 {
		p.box.Hide()
		return
	}
	p.box.Show()
	p.sendCheck.Hidden = !p.enrolled
	month := wub.Period(p.s.period())
	cur := wub.MonthReview{Month: month}
	waiting := 0
	var lines []string
	for _, r := range p.reviews {
		if r.Month == month {
			cur = r
		}
		if r.Waiting || r.AskWaiting {
			waiting++
		}
		lines = append(lines, fmt.Sprintf("%s: %s", wub.PeriodLabel(r.Period()), reviewWords(r)))
	}
	text := T("review.state_line", wub.PeriodLabel(p.s.period()), reviewWords(cur))
	if cur.Note != "" {
		text += "\n" + T("review.note_line", cur.Note, cur.DecidedBy)
	}
	if cur.Locked() {
		text += "\n" + T("review.locked_hint")
	}
	if cur.LastError != "" {
		text += "\n" + cur.LastError
	}
	p.state.SetText(text)
	if len(lines) > 0 {
		p.months.SetText(T("review.months") + "\n" + strings.Join(lines, "\n"))
	} else {
		p.months.SetText("")
	}
	p.pushBtn.Hidden = waiting == 0 || !p.enrolled
	p.reopenBtn.Hidden = !cur.Locked() || !p.enrolled || cur.AskWaiting
	p.pdfBtn.Hidden = !cur.Locked()
	p.box.Refresh()
	if p.s.root != nil {
		p.s.root.Refresh() // the card grows: lay the screen out again
	}
}

// reviewWords is a month's state in words, with what waits.
func reviewWords(r wub.MonthReview) string {
	w := wub.MonthStateLabel(r.State)
	switch {
	case r.Waiting:
		w = wub.Message("month_state_queued", "")
	case r.AskWaiting:
		w += " — " + T("review.ask_waiting")
	}
	if r.Code != "" && !r.Waiting {
		w += " (" + r.Code + ")"
	}
	if r.Late && r.State != wub.MonthAccepted {
		w += " — " + T("review.late", r.Deadline)
	}
	return w
}

// afterExport sends the month whose workbook was just written, when the
// office is enrolled and the clerk left the box ticked.
func (p *hubSendPanel) afterExport(agency string, month time.Time, meta wub.SubmissionMeta) {
	if !p.enrolled || !p.sendCheck.Checked {
		return
	}
	code := wub.VerificationCode(meta.DataSHA256)
	var sum PushSummary
	p.s.u.jobs.run(func() error {
		ctx := p.s.u.appCtx()
		if _, err := p.s.u.app.SendMonth(ctx, agency, month, code); err != nil {
			return err
		}
		r, err := p.s.u.app.PushMonths(ctx)
		sum = PushSummary{Sent: r.Sent, Pending: r.Pending, Err: r.Err}
		return err
	}, func(err error) {
		if err != nil {
			p.s.u.showError(err)
			return
		}
		p.s.u.notify(sum.message(month))
		p.refresh()
	})
}

// pushNow sends what waits in the queue.
func (p *hubSendPanel) pushNow() {
	p.pushBtn.Disable()
	var sum PushSummary
	p.s.u.jobs.run(func() error {
		r, err := p.s.u.app.PushMonths(p.s.u.appCtx())
		sum = PushSummary{Sent: r.Sent, Pending: r.Pending, Err: r.Err}
		return err
	}, func(err error) {
		p.pushBtn.Enable()
		if err != nil {
			p.s.u.showError(err)
			return
		}
		if sum.Err != nil {
			p.s.u.showError(sum.Err)
		} else {
			p.s.u.notify(T("review.pushed", sum.Sent))
		}
		p.refresh()
	})
}

// printReceipt asks where to save the berita acara penerimaan of the
// chosen (accepted) month and writes it.
func (p *hubSendPanel) printReceipt() {
	a, ok := p.s.agency()
	if !ok {
		return
	}
	month := p.s.period()
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		p.writeReceipt(a.Code, month, path)
	}, p.s.u.win)
	d.SetFileName(fmt.Sprintf("BA_penerimaan_%s_%s.pdf", a.Code, wub.Period(month)))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

func (p *hubSendPanel) writeReceipt(agency string, month time.Time, path string) {
	p.s.u.jobs.run(func() error {
		return xlsx.WriteFile(path, func(w io.Writer) error {
			return p.s.u.app.MonthReceipt(p.s.u.appCtx(), agency, month, w)
		})
	}, func(err error) {
		if err != nil {
			p.s.u.showError(err)
			return
		}
		p.s.u.notify(T("hubview.receipt_saved", filepath.Base(path)))
	})
}
