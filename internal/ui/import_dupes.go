package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// importDupes is the import preview's warning about rows that may be a
// person already registered under another NIK (or an earlier row of the
// file): a summary and the first rows, each with its other record (name,
// agency, year, masked NIK) and a button to open it. The rows can still be
// imported; the pairs then wait on the Kemungkinan ganda screen.
type importDupes struct {
	s     *importScreen
	box   *fyne.Container
	query latest
	dups  []xlsx.RowDup // the last answer (tests read it)
}

const importDupesShown = 5

func newImportDupes(s *importScreen) *importDupes {
	d := &importDupes{s: s, box: container.NewVBox()}
	d.box.Hide()
	return d
}

// check looks for likely duplicates of a fresh preview's rows.
func (d *importDupes) check(rep *xlsx.Report) {
	u := d.s.u
	ctx, current := d.query.start(u.screenCtx())
	d.dups = nil
	d.box.Hide()
	if rep == nil || u.app == nil {
		return
	}
	var dups []xlsx.RowDup
	u.jobs.run(func() error {
		var err error
		dups, err = u.app.ImportDuplicates(ctx, rep)
		return err
	}, func(err error) {
		if !current() || err != nil || d.s.rep != rep {
			return
		}
		d.show(dups)
	})
}

func (d *importDupes) show(dups []xlsx.RowDup) {
	d.dups = dups
	d.box.Objects = nil
	if len(dups) == 0 {
		d.box.Hide()
		d.box.Refresh()
		return
	}
	rows := map[int]bool{}
	for _, x := range dups {
		rows[x.Row] = true
	}
	head := widget.NewLabel(T("impor.dup_summary", len(rows)))
	head.Importance = widget.WarningImportance
	head.Wrapping = fyne.TextWrapWord
	d.box.Add(head)
	for _, x := range dups[:min(len(dups), importDupesShown)] {
		b := x.Pair.B
		where := agencyYear(d.s.u, b.Agency, b.Year)
		if x.OtherNum > 0 {
			where = T("impor.dup_row", x.OtherNum)
		} else if where == "" {
			where = T("dup.no_enrolment")
		}
		l := widget.NewLabel(T("impor.dup_warning", x.Num, b.Name, where, wub.MaskNIK(b.NIK), wub.DupReasonText(x.Pair.Reason)))
		l.Wrapping = fyne.TextWrapWord
		var open fyne.CanvasObject = widget.NewLabel("")
		if b.ID > 0 {
			id := b.ID
			open = widget.NewButton(T("dup.form_open"), func() { openTraineeRecord(d.s.u, id) })
		}
		d.box.Add(container.NewBorder(nil, nil, nil, open, l))
	}
	d.box.Show()
	d.box.Refresh()
}
