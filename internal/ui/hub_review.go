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
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/pdf"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// hubReview is one agency's month for the reviewer: the snapshot's figures
// beside the previous month's, the quota and the live figures; the people
// of the month that other agencies also count; the history; then Terima or
// Kembalikan with a required note, Buka kembali (admin, with a reason) and
// the berita acara penerimaan of an accepted month.
type hubReview struct {
	w         *hubWindow
	root      fyne.CanvasObject
	title     *widget.Label
	figures   *widget.Label
	dups      *widget.Label
	history   *widget.Label
	note      *widget.Entry
	acceptBtn *widget.Button
	returnBtn *widget.Button
	reopenBtn *widget.Button
	pdfBtn    *widget.Button
	changed   func() // the calendar reloads after a decision

	agency, month string
	detail        hubapi.MonthDetail
}

func newHubReview(w *hubWindow, changed func()) *hubReview {
	r := &hubReview{w: w, changed: changed}
	r.title = widget.NewLabelWithStyle(T("hubview.review_pick"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Wrapping = fyne.TextWrapWord
	r.figures = widget.NewLabel("")
	r.dups = widget.NewLabel("")
	r.dups.Wrapping = fyne.TextWrapWord
	r.history = widget.NewLabel("")
	r.note = widget.NewMultiLineEntry()
	r.note.SetPlaceHolder(T("hubview.note_hint"))
	r.note.SetMinRowsVisible(2)
	r.acceptBtn = widget.NewButton(T("hubview.accept"), func() { r.decide(true) })
	r.acceptBtn.Importance = widget.SuccessImportance
	r.returnBtn = widget.NewButton(T("hubview.return"), func() { r.decide(false) })
	r.returnBtn.Importance = widget.WarningImportance
	r.reopenBtn = widget.NewButton(T("hubview.reopen"), r.reopen)
	r.pdfBtn = pdfButton(T("hubview.receipt_pdf"), r.printReceipt)
	r.showActions()
	r.root = container.NewVScroll(container.NewVBox(r.title, r.figures, r.dups, r.history,
		widget.NewLabel(T("hubview.note")), r.note,
		container.NewHBox(r.acceptBtn, r.returnBtn, r.reopenBtn, r.pdfBtn)))
	return r
}

// open shows agency's month.
func (r *hubReview) open(agency, month string) {
	r.agency, r.month = agency, month
	r.reload()
}

func (r *hubReview) reload() {
	if r.agency == "" {
		return
	}
	agency, month := r.agency, r.month
	var d hubapi.MonthDetail
	r.w.call(func(ctx context.Context) error {
		var err error
		d, err = r.w.c.Month(ctx, agency, month)
		return err
	}, func() {
		r.detail = d
		r.show()
	})
}

func monthLabel(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return wub.PeriodLabel(t)
}

func (r *hubReview) show() {
	d := r.detail
	st := d.State
	head := fmt.Sprintf("%s — %s: %s", st.Agency, monthLabel(st.Month), wub.MonthStateLabel(st.State))
	if st.Code != "" {
		head += " · " + T("hubview.code", st.Code)
	}
	if st.Late {
		head += " · " + T("review.late", st.Deadline)
	}
	r.title.SetText(head)
	var b strings.Builder
	fmt.Fprintf(&b, "%-34s %10s %10s %10s %10s\n", T("hubview.col_item"), T("hubview.col_sent"), T("hubview.col_prev"), T("hubview.accepted"), T("hubview.live"))
	row := func(label string, f func(hubapi.MonthFigures) int) {
		fmt.Fprintf(&b, "%-34s %10s %10s %10s %10s\n", label, wub.FormatInt(f(d.Figures)), wub.FormatInt(f(d.Previous)),
			wub.FormatInt(f(d.Accepted)), wub.FormatInt(f(d.Live)))
	}
	row(T("hubview.fig_people"), func(f hubapi.MonthFigures) int { return f.People })
	row(T("hubview.fig_enrolments"), func(f hubapi.MonthFigures) int { return f.Enrolments })
	row(T("hubview.fig_trained"), func(f hubapi.MonthFigures) int { return f.Trained })
	row(T("hubview.fig_in_month"), func(f hubapi.MonthFigures) int { return f.InMonth })
	if d.Quota > 0 {
		fmt.Fprintf(&b, "%s\n", T("hubview.quota_line", wub.FormatInt(d.Quota), wub.FormatPercent(float64(d.Figures.Trained)/float64(d.Quota))))
	}
	if d.SentBy != "" {
		fmt.Fprintf(&b, "%s\n", T("hubview.sent_by", d.SentBy, st.SentAt))
	}
	if st.Note != "" {
		fmt.Fprintf(&b, "%s\n", T("hubview.note_line", st.Note, st.By))
	}
	if d.ReopenAsk != "" {
		fmt.Fprintf(&b, "%s\n", T("hubview.reopen_asked", d.ReopenAsk))
	}
	r.figures.TextStyle = fyne.TextStyle{Monospace: true}
	r.figures.SetText(strings.TrimSpace(b.String()))
	if len(d.Duplicates) == 0 {
		r.dups.SetText(T("hubview.no_dups"))
	} else {
		var lines []string
		for _, x := range d.Duplicates {
			var as []string
			for _, f := range x.Agencies {
				as = append(as, fmt.Sprintf("%s %d %s", f.Agency, f.Year, wub.StatusLabel(f.Status)))
			}
			lines = append(lines, x.NIK+": "+strings.Join(as, ", "))
		}
		r.dups.SetText(T("hubview.dups", len(d.Duplicates)) + "\n" + strings.Join(lines, "\n"))
	}
	var hs []string
	for _, e := range d.History {
		line := fmt.Sprintf("%s  %s  %s", e.At, wub.MonthStateLabel(e.State), e.By)
		if e.Note != "" {
			line += " — " + e.Note
		}
		hs = append(hs, line)
	}
	r.history.SetText(strings.Join(hs, "\n"))
	r.showActions()
	r.root.Refresh()
}

func (r *hubReview) showActions() {
	s := r.detail.State.State
	r.acceptBtn.Hidden = s != hubapi.MonthSent
	r.returnBtn.Hidden = s != hubapi.MonthSent
	r.note.Hidden = s != hubapi.MonthSent && s != hubapi.MonthAccepted
	r.reopenBtn.Hidden = s != hubapi.MonthAccepted || !r.w.c.Admin()
	r.pdfBtn.Hidden = s != hubapi.MonthAccepted
}

// decide accepts or returns the month shown; the code it names makes a
// newer send in between a conflict instead of a blind decision.
func (r *hubReview) decide(accept bool) {
	note := strings.TrimSpace(r.note.Text)
	if !accept && note == "" {
		r.w.showError(wub.Errorf("review_note_required"))
		return
	}
	req := hubapi.ReviewRequest{Agency: r.agency, Month: r.month, Accept: accept, Note: note, Code: r.detail.State.Code}
	r.w.jobs.run(func() error {
		_, err := r.w.c.Review(context.Background(), req)
		return err
	}, func(err error) {
		if err != nil { // a conflict: show who decided, and the month as it is now
			r.w.showError(err)
			r.changed()
			return
		}
		r.note.SetText("")
		if accept {
			r.w.notify(T("hubview.accepted_msg", r.agency, monthLabel(r.month)))
		} else {
			r.w.notify(T("hubview.returned_msg", r.agency, monthLabel(r.month)))
		}
		r.changed()
	})
}

// reopen reopens an accepted month; the note box holds the reason.
func (r *hubReview) reopen() {
	reason := strings.TrimSpace(r.note.Text)
	if reason == "" {
		r.w.showError(wub.Errorf("reopen_reason_required"))
		return
	}
	req := hubapi.ReopenRequest{Agency: r.agency, Month: r.month, Reason: reason}
	r.w.call(func(ctx context.Context) error {
		_, err := r.w.c.Reopen(ctx, req)
		return err
	}, func() {
		r.note.SetText("")
		r.w.notify(T("hubview.reopened_msg", r.agency, monthLabel(r.month)))
		r.changed()
	})
}

// receipt is the berita acara penerimaan of the month shown.
func (r *hubReview) receipt() pdf.Receipt {
	d := r.detail
	at, _ := time.Parse(time.RFC3339, d.State.At)
	sent, _ := time.Parse(time.RFC3339, d.State.SentAt)
	month, _ := time.Parse("2006-01", d.State.Month)
	return pdf.Receipt{Kop: pdf.Kop{Agency: "Sekretariat Daerah — Bagian Perekonomian"}, Date: at, Agency: d.State.Agency,
		Month: month, Code: d.State.Code, SentBy: d.SentBy, SentAt: sent, AcceptedBy: d.State.By,
		People: d.Accepted.People, Enrolments: d.Accepted.Enrolments, Trained: d.Accepted.Trained, InMonth: d.Accepted.InMonth,
		Quota: d.Quota, Meta: pdf.Meta{Created: r.w.now(), AppVersion: r.w.opts.Version}}
}

// writeReceipt writes the berita acara to path (through a temporary file).
func (r *hubReview) writeReceipt(path string, done func(error)) {
	rc := r.receipt()
	r.w.jobs.run(func() error {
		return xlsx.WriteFile(path, func(w io.Writer) error { return pdf.WriteReceipt(w, rc) })
	}, done)
}

func (r *hubReview) printReceipt() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		r.writeReceipt(path, func(err error) {
			if err != nil {
				r.w.showError(err)
				return
			}
			r.w.notify(T("hubview.receipt_saved", filepath.Base(path)))
		})
	}, r.w.win)
	d.SetFileName(fmt.Sprintf("BA_penerimaan_%s_%s.pdf", r.agency, r.month))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}
