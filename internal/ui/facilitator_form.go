package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// facilitatorForm adds or edits a facilitator; a saved facilitator's
// contracts, monthly reports, mentoring visits and status history are
// under the form.
type facilitatorForm struct {
	s    *facilitatorsScreen
	orig *wub.Facilitator

	nik, name, birthDate, address, phone *entry
	expertise, statusDate, reason, notes *entry
	sex, education, role, status         *codeSelect
	kecamatan, desa                      *codeSelect
	fields                               map[string]*field
	records                              *facilitatorRecords

	saveBtn   *widget.Button
	deleteBtn *widget.Button
	root      fyne.CanvasObject

	touched   map[string]bool
	attempted bool
	dirty     bool
	flow      saveFlow // record_dialog.go
	loading   bool
}

func newFacilitatorForm(s *facilitatorsScreen, f *wub.Facilitator) *facilitatorForm {
	ff := &facilitatorForm{s: s, orig: f, fields: map[string]*field{}, touched: map[string]bool{}}
	esc := func() { ff.handle(actionEscape) }
	mk := func(key string) *entry {
		e := newEntry(esc)
		e.OnChanged = func(string) { ff.changed(key) }
		return e
	}
	ff.nik, ff.name, ff.birthDate, ff.address, ff.phone = mk("nik"), mk("name"), mk("birth_date"), mk("address"), mk("phone")
	ff.expertise, ff.statusDate, ff.reason, ff.notes = mk("expertise"), mk("status_date"), mk("status_reason"), mk("notes")
	ff.nik.SetPlaceHolder("3528xxxxxxxxxxxx")
	ff.birthDate.SetPlaceHolder(T("form.date_hint"))
	ff.statusDate.SetPlaceHolder(T("form.date_hint"))
	ff.phone.SetPlaceHolder("08xxxxxxxxxx")
	ff.expertise.SetPlaceHolder(T("fasilitator.expertise_hint"))
	ch := func(key string) func(string) { return func(string) { ff.changed(key) } }
	ff.sex = newCodeSelect([]string{"L", "P"}, []string{wub.SexLabel("L"), wub.SexLabel("P")}, ch("sex"))
	ff.education = newCodeSelect(wub.EducationLevels, wub.EducationLevels, ch("education"))
	var roleLabels, statusLabels []string
	for _, r := range wub.FacilitatorRoles {
		roleLabels = append(roleLabels, wub.RoleLabel(r))
	}
	for _, st := range wub.FacilitatorStatuses {
		statusLabels = append(statusLabels, wub.FacilitatorStatusLabel(st))
	}
	ff.role = newCodeSelect(wub.FacilitatorRoles, roleLabels, ch("role"))
	ff.status = newCodeSelect(wub.FacilitatorStatuses, statusLabels, ch("status"))
	ff.desa = newCodeSelect(nil, nil, ch("desa"))
	ff.kecamatan = kecamatanChoice(func(code string) { desaOptions(ff.desa, code); ff.changed("kecamatan") })
	desaOptions(ff.desa, "")
	for _, cs := range []*codeSelect{ff.sex, ff.education} {
		cs.PlaceHolder = T("form.choose")
	}
	if f.ID != 0 {
		ff.records = newFacilitatorRecords(s, f)
	}
	ff.build()
	ff.load(f)
	return ff
}

func (f *facilitatorForm) add(key, label string, input fyne.CanvasObject) fyne.CanvasObject {
	fl := newField(label, input)
	f.fields[key] = fl
	return fl.box
}

func (f *facilitatorForm) build() {
	section := func(title string) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = widget.HighImportance
		return container.NewVBox(widget.NewSeparator(), l)
	}
	identity := container.NewGridWithColumns(2,
		f.add("nik", T("field.nik"), f.nik),
		f.add("name", T("field.name"), f.name),
		f.add("sex", T("field.sex"), f.sex.Select),
		f.add("birth_date", T("field.birth_date"), f.birthDate),
		f.add("address", T("field.address"), f.address),
		f.add("phone", T("field.phone"), f.phone),
		f.add("kecamatan", T("field.kecamatan"), f.kecamatan.Select),
		f.add("desa", T("field.desa"), f.desa.Select),
		f.add("education", T("field.education"), f.education.Select),
		f.add("expertise", T("field.expertise"), f.expertise),
	)
	work := container.NewGridWithColumns(2,
		f.add("role", T("field.role"), f.role.Select),
		f.add("status", T("field.status"), f.status.Select),
		f.add("status_date", T("field.status_date"), f.statusDate),
		f.add("status_reason", T("field.status_reason"), f.reason),
		f.add("notes", T("field.notes"), f.notes),
	)
	body := container.NewVBox(section(T("form.section_identity")), identity, section(T("fasilitator.section_work")), work)
	if f.records != nil {
		body.Add(section(T("fasilitator.section_records")))
		body.Add(f.records.object())
	}
	title := T("fasilitator.title_new")
	if f.orig.ID != 0 {
		title = T("fasilitator.title_edit")
	}
	back := widget.NewButtonWithIcon(T("button.back"), theme.NavigateBackIcon(), func() { f.handle(actionEscape) })
	f.saveBtn = widget.NewButtonWithIcon(T("button.save"), theme.DocumentSaveIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	f.deleteBtn = widget.NewButtonWithIcon(T("button.delete"), theme.DeleteIcon(), f.s.deleteOrRestore)
	if f.orig.ID == 0 {
		f.deleteBtn.Hide()
	}
	head := container.NewBorder(nil, nil,
		container.NewHBox(back, widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewHBox(f.deleteBtn, f.saveBtn))
	f.root = container.NewBorder(head, nil, nil, nil, container.NewVScroll(container.NewPadded(body)))
}

func (f *facilitatorForm) object() fyne.CanvasObject { return f.root }

func (f *facilitatorForm) focusFirst() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.nik); c != nil {
		c.Focus(f.nik)
	}
}

func (f *facilitatorForm) load(x *wub.Facilitator) {
	f.loading = true
	defer func() { f.loading = false }()
	f.nik.SetText(x.NIK)
	f.name.SetText(x.Name)
	f.sex.setCode(x.Sex)
	f.birthDate.SetText(wub.FormatDate(x.BirthDate))
	f.address.SetText(x.Address)
	f.phone.SetText(x.Phone)
	f.kecamatan.setCode(x.KecCode)
	desaOptions(f.desa, x.KecCode)
	f.desa.setCode(x.DesaCode)
	f.education.setCode(x.Education)
	f.expertise.SetText(x.Expertise)
	f.role.setCode(x.Role)
	f.status.setCode(x.Status)
	f.statusDate.SetText(wub.FormatDate(x.StatusDate))
	f.reason.SetText(x.StatusReason)
	f.notes.SetText(x.Notes)
	f.dirty = false
}

func (f *facilitatorForm) collect() (*wub.Facilitator, wub.Issues) {
	var is wub.Issues
	x := &wub.Facilitator{ID: f.orig.ID, NIK: f.nik.Text, Name: f.name.Text, Sex: f.sex.code(), Address: f.address.Text,
		Phone: f.phone.Text, KecCode: f.kecamatan.code(), DesaCode: f.desa.code(), Education: f.education.code(),
		Expertise: f.expertise.Text, Role: f.role.code(), Status: f.status.code(), StatusReason: f.reason.Text,
		Notes: f.notes.Text}
	x.BirthDate = parseDateInto(f.birthDate.Text, "birth_date", &is)
	x.StatusDate = parseDateInto(f.statusDate.Text, "status_date", &is)
	return x, is
}

// check runs the domain rules on what is typed and shows the messages of
// touched fields, or of all after a save attempt.
func (f *facilitatorForm) check() wub.Issues {
	x, is := f.collect()
	x.Normalize()
	for _, i := range x.Check(f.s.u.today()) {
		if len(is.ForField(i.Field)) > 0 {
			continue // the typed date is wrong; say only that
		}
		is = append(is, i)
	}
	for key, fl := range f.fields {
		if f.attempted || f.touched[key] {
			fl.show(is.ForField(key))
		} else {
			fl.show(nil)
		}
	}
	return is
}

func (f *facilitatorForm) changed(key string) {
	if f.loading {
		return
	}
	f.dirty = true
	f.touched[key] = true
	f.check()
}

func (f *facilitatorForm) save() {
	if f.flow.saving {
		return
	}
	f.attempted = true
	x, _ := f.collect()
	f.flow.u, f.flow.btn = f.s.u, f.saveBtn
	f.flow.show = func(is wub.Issues) { showFields(f.fields, is) }
	f.flow.run(f.check(), func(ctx context.Context) (wub.Issues, error) {
		if x.ID == 0 {
			return f.s.store.CreateFacilitator(ctx, x)
		}
		return f.s.store.UpdateFacilitator(ctx, x)
	}, func(wub.Issues) {
		f.s.u.notify(T("form.saved", x.Name))
		f.dirty = false
		if f.orig.ID == 0 {
			// Stay on the new record so that contracts can be added at once.
			f.s.showForm(x)
			return
		}
		f.s.closeForm(true)
	})
}

func (f *facilitatorForm) handle(a action) {
	switch a {
	case actionSave:
		f.save()
	case actionEscape:
		if f.dirty {
			f.s.u.confirm(T("form.discard_title"), T("form.discard_confirm"), T("button.discard"), func() { f.s.closeForm(true) })
			return
		}
		f.s.closeForm(true)
	case actionNew:
		if f.dirty {
			f.s.u.confirm(T("form.discard_title"), T("form.discard_confirm"), T("button.discard"), f.s.newFacilitator)
			return
		}
		f.s.newFacilitator()
	}
}
