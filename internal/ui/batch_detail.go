package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// batchDetail is one batch's page: its details, its facilitators and (once
// saved) its trainees.
type batchDetail struct {
	s    *batchesScreen
	orig *wub.Batch

	agency          *codeSelect
	year            *widget.Select
	name, training  *entry
	start, end      *entry
	notes           *entry
	kecamatan, desa *codeSelect
	facs            *widget.CheckGroup
	facIDs          map[string]int64 // check label → facilitator
	fields          map[string]*field
	members         *batchMembers

	saveBtn  *widget.Button
	flow     saveFlow // record_dialog.go
	root     fyne.CanvasObject
	dirty    bool
	loading  bool
	facQuery latest
}

func newBatchDetail(s *batchesScreen, b *wub.Batch) *batchDetail {
	d := &batchDetail{s: s, orig: b, fields: map[string]*field{}, facIDs: map[string]int64{}}
	esc := func() { d.handle(actionEscape) }
	mk := func() *entry {
		e := newEntry(esc)
		e.OnChanged = func(string) { d.changed() }
		return e
	}
	d.name, d.training, d.start, d.end, d.notes = mk(), mk(), mk(), mk(), mk()
	d.name.SetPlaceHolder("Angkatan 1")
	d.start.SetPlaceHolder(T("form.date_hint"))
	d.end.SetPlaceHolder(T("form.date_hint"))
	d.agency = agencyChoice(s.u, false, func(string) { d.changed(); d.loadFacilitators() })
	d.year = yearChoice(s.u, false, func(int) { d.changed(); d.loadFacilitators() })
	d.desa = newCodeSelect(nil, nil, func(string) { d.changed() })
	d.kecamatan = kecamatanChoice(func(code string) { desaOptions(d.desa, code); d.changed() })
	desaOptions(d.desa, "")
	d.facs = widget.NewCheckGroup(nil, func([]string) { d.changed() })
	d.facs.Horizontal = true
	if b.ID != 0 {
		d.members = newBatchMembers(s, b)
	}
	d.build()
	d.load(b)
	return d
}

func (d *batchDetail) add(key, label string, input fyne.CanvasObject) fyne.CanvasObject {
	fl := newField(label, input)
	d.fields[key] = fl
	return fl.box
}

func (d *batchDetail) build() {
	grid := container.NewGridWithColumns(3,
		d.add("agency", T("field.agency"), d.agency.Select),
		d.add("year", T("field.year"), d.year),
		d.add("name", T("field.batch_name"), d.name),
		d.add("training_type", T("field.training_type"), d.training),
		d.add("start_date", T("field.start_date"), d.start),
		d.add("end_date", T("field.end_date"), d.end),
		d.add("kecamatan", T("field.kecamatan"), d.kecamatan.Select),
		d.add("desa", T("field.desa"), d.desa.Select),
		d.add("notes", T("field.notes"), d.notes),
	)
	facHint := widget.NewLabel(T("angkatan.facilitators_hint"))
	facHint.Importance = widget.LowImportance
	body := container.NewVBox(grid, widget.NewLabelWithStyle(T("field.facilitators"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.facs, facHint)
	title := T("angkatan.title_new")
	if d.orig.ID != 0 {
		title = T("angkatan.title_edit")
	}
	back := widget.NewButtonWithIcon(T("button.back"), theme.NavigateBackIcon(), func() { d.handle(actionEscape) })
	d.saveBtn = widget.NewButtonWithIcon(T("button.save"), theme.DocumentSaveIcon(), d.save)
	d.saveBtn.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon(T("button.delete"), theme.DeleteIcon(), func() { d.s.deleteBatch(*d.orig) })
	if d.orig.ID == 0 {
		del.Hide()
	}
	head := container.NewBorder(nil, nil,
		container.NewHBox(back, widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewHBox(del, d.saveBtn))
	top := container.NewVBox(head, body, widget.NewSeparator())
	if d.members == nil {
		d.root = container.NewBorder(top, nil, nil, nil, widget.NewLabel(T("angkatan.save_first")))
		return
	}
	d.root = container.NewBorder(top, nil, nil, nil, d.members.object())
}

func (d *batchDetail) object() fyne.CanvasObject { return d.root }

func (d *batchDetail) load(b *wub.Batch) {
	d.loading = true
	defer func() { d.loading = false }()
	d.agency.setCode(b.AgencyCode)
	if b.Year != 0 {
		d.year.SetSelected(strconv.Itoa(b.Year))
	}
	d.name.SetText(b.Name)
	d.training.SetText(b.TrainingType)
	d.start.SetText(wub.FormatDate(b.StartDate))
	d.end.SetText(wub.FormatDate(b.EndDate))
	d.kecamatan.setCode(b.KecCode)
	desaOptions(d.desa, b.KecCode)
	d.desa.setCode(b.DesaCode)
	d.notes.SetText(b.Notes)
	d.dirty = false
	d.loadFacilitators()
}

// loadFacilitators offers the facilitators with a contract with the
// batch's agency in its year, and keeps those already chosen.
func (d *batchDetail) loadFacilitators() {
	agency := d.agency.code()
	year, _ := strconv.Atoi(d.year.Selected)
	id := d.orig.ID
	var offer, chosen []wub.FacilitatorRow
	_, current := d.facQuery.start(d.s.u.screenCtx())
	d.s.u.jobs.run(func() error {
		ctx := d.s.u.screenCtx()
		var err error
		if id != 0 {
			if chosen, err = d.s.store.BatchFacilitators(ctx, id); err != nil {
				return err
			}
		}
		if agency == "" || year == 0 {
			return nil
		}
		offer, err = d.s.store.SearchFacilitators(ctx, wub.FacilitatorFilter{AgencyCode: agency, Year: year})
		return err
	}, func(err error) {
		if !current() {
			return
		}
		if err != nil {
			d.s.u.showError(err)
			return
		}
		keep := map[int64]bool{} // what is ticked now, or what is saved
		for _, c := range d.facs.Selected {
			keep[d.facIDs[c]] = true
		}
		if !d.dirty {
			for _, c := range chosen {
				keep[c.ID] = true
			}
		}
		d.facIDs = map[string]int64{}
		var opts, sel []string
		for _, f := range append(chosen, offer...) {
			label := f.Name
			if id, dup := d.facIDs[label]; dup {
				if id == f.ID {
					continue
				}
				label = fmt.Sprintf("%s #%d", f.Name, f.ID) // two people of one name
			}
			d.facIDs[label] = f.ID
			opts = append(opts, label)
			if keep[f.ID] {
				sel = append(sel, label)
			}
		}
		wasDirty := d.dirty
		d.facs.Options = opts
		d.facs.SetSelected(sel)
		d.dirty = wasDirty
		d.root.Refresh() // the ticks' height changed: lay the page out again
	})
}

func (d *batchDetail) changed() {
	if !d.loading {
		d.dirty = true
	}
}

func (d *batchDetail) collect() (*wub.Batch, []int64, wub.Issues) {
	var is wub.Issues
	b := &wub.Batch{ID: d.orig.ID, AgencyCode: d.agency.code(), Name: strings.TrimSpace(d.name.Text),
		TrainingType: strings.TrimSpace(d.training.Text), KecCode: d.kecamatan.code(), DesaCode: d.desa.code(),
		Notes: strings.TrimSpace(d.notes.Text)}
	b.Year, _ = strconv.Atoi(d.year.Selected)
	b.StartDate = parseDateInto(d.start.Text, "start_date", &is)
	b.EndDate = parseDateInto(d.end.Text, "end_date", &is)
	var ids []int64
	for _, name := range d.facs.Selected {
		if id, ok := d.facIDs[name]; ok {
			ids = append(ids, id)
		}
	}
	return b, ids, is
}

func (d *batchDetail) save() {
	b, ids, is := d.collect()
	is = append(is, b.Check(d.s.u.agencies)...)
	showFields(d.fields, is)
	d.flow.u, d.flow.btn = d.s.u, d.saveBtn
	d.flow.show = func(is wub.Issues) { showFields(d.fields, is) }
	d.flow.run(is, func(ctx context.Context) (wub.Issues, error) {
		var err error
		if b.ID == 0 {
			err = d.s.store.CreateBatch(ctx, b)
		} else {
			err = d.s.store.UpdateBatch(ctx, b)
		}
		if err != nil {
			return nil, err
		}
		return nil, d.s.store.SetBatchFacilitators(ctx, b.ID, ids)
	}, func(wub.Issues) {
		d.s.u.notify(T("form.saved", b.Name))
		d.dirty = false
		if d.orig.ID == 0 {
			d.s.showDetail(b) // now the trainees can be added
		}
	})
}

func (d *batchDetail) handle(a action) {
	switch a {
	case actionSave:
		d.save()
	case actionEscape:
		if d.dirty {
			d.s.u.confirm(T("form.discard_title"), T("form.discard_confirm"), T("button.discard"), d.s.closeDetail)
			return
		}
		d.s.closeDetail()
	case actionNew:
		d.s.newBatch()
	}
}
