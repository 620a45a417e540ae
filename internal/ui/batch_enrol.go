package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// enrolLimit bounds one search's results in the enrol dialog.
const enrolLimit = 200

// enrolDialog picks trainees from the trainee list (by search, several at
// once) and enrols them in the batch.
type enrolDialog struct {
	m        *batchMembers
	search   *entry
	onlyThis *widget.Check
	results  []wub.TraineeRow
	picked   map[int64]bool
	list     *widget.List
	count    *widget.Label
	enrolBtn *widget.Button
	d        dialog.Dialog
	query    latest
}

func (m *batchMembers) openEnrol() {
	e := &enrolDialog{m: m, picked: map[int64]bool{}}
	b := m.batch
	e.search = newEntry(nil)
	e.search.SetPlaceHolder(T("peserta.search_hint"))
	e.search.OnChanged = func(string) { e.find() }
	e.onlyThis = widget.NewCheck(T("angkatan.only_agency_year", m.s.u.agencyShort(b.AgencyCode, b.Year), b.Year), func(bool) { e.find() })
	e.onlyThis.Checked = true
	e.count = widget.NewLabel("")
	e.list = widget.NewList(func() int { return len(e.results) }, func() fyne.CanvasObject {
		return columnsRow(memberWidths, widget.NewCheck("", nil), cellLabel(""), cellLabel(""), cellLabel(""), cellLabel(""))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*fyne.Container).Objects
		r := e.results[i]
		c := row[0].(*widget.Check)
		c.OnChanged = nil
		c.SetChecked(e.picked[r.ID])
		c.OnChanged = func(on bool) { e.picked[r.ID] = on; e.updateCount() }
		enrol := ""
		if r.Year != 0 {
			enrol = m.s.u.agencyShort(r.AgencyCode, r.Year) + " " + strconv.Itoa(r.Year)
		}
		for j, t := range []string{r.Name, wub.MaskNIK(r.NIK), r.DesaName, enrol} {
			row[j+1].(*widget.Label).SetText(t)
		}
	})
	pickAll := widget.NewButton(T("angkatan.pick_all"), func() {
		for _, r := range e.results {
			e.picked[r.ID] = true
		}
		e.list.Refresh()
		e.updateCount()
	})
	e.enrolBtn = widget.NewButton(T("angkatan.enrol_picked", 0), e.submit)
	e.enrolBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(T("button.cancel"), func() { e.d.Hide() })
	top := container.NewVBox(e.search, container.NewBorder(nil, nil, e.onlyThis, pickAll), e.count)
	body := container.NewBorder(top, container.NewHBox(cancel, e.enrolBtn), nil, nil, e.list)
	e.d = dialog.NewCustomWithoutButtons(T("angkatan.enrol_title", b.Name), container.NewGridWrap(fyne.NewSize(760, 480), body), m.s.u.win)
	e.d.SetOnClosed(func() { m.enrol = nil })
	m.enrol = e
	e.d.Show()
	e.updateCount()
	e.find()
}

func (e *enrolDialog) find() {
	b := e.m.batch
	f := wub.TraineeFilter{Text: e.search.Text}
	if e.onlyThis.Checked {
		f.AgencyCode, f.Year = b.AgencyCode, b.Year
	}
	ctx, current := e.query.start(e.m.s.u.screenCtx())
	var rows []wub.TraineeRow
	e.m.s.u.jobs.run(func() error {
		var err error
		rows, err = e.m.s.store.SearchTrainees(ctx, f, 0, enrolLimit)
		return err
	}, func(err error) {
		if !current() || err != nil {
			return
		}
		e.results = rows
		e.list.Refresh()
		e.updateCount()
	})
}

func (e *enrolDialog) pickedIDs() []int64 {
	var ids []int64
	for id, on := range e.picked {
		if on {
			ids = append(ids, id)
		}
	}
	return ids
}

func (e *enrolDialog) updateCount() {
	n := len(e.pickedIDs())
	e.count.SetText(T("angkatan.results", len(e.results), enrolLimit))
	e.enrolBtn.SetText(T("angkatan.enrol_picked", n))
	if n == 0 {
		e.enrolBtn.Disable()
	} else {
		e.enrolBtn.Enable()
	}
}

func (e *enrolDialog) submit() {
	ids := e.pickedIDs()
	if len(ids) == 0 {
		return
	}
	b := e.m.batch
	var res wub.EnrolResult
	e.enrolBtn.Disable()
	e.m.s.u.jobs.run(func() error {
		var err error
		res, err = e.m.s.store.EnrolInBatch(e.m.s.u.appCtx(), b.ID, ids, b.StartDate)
		return err
	}, func(err error) {
		e.enrolBtn.Enable()
		if err != nil {
			e.m.s.u.showError(err)
			return
		}
		e.m.s.u.notify(T("angkatan.enrolled", res.Added, res.Moved, res.Already))
		e.d.Hide()
		e.m.load()
	})
}
