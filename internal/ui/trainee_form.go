package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// traineeForm adds or edits one trainee and their enrolments. Messages
// appear under each field as the clerk types: errors block saving,
// warnings never do.
type traineeForm struct {
	s    *traineesScreen
	orig *wub.Trainee

	nik, kk, name, birthPlace, birthDate *entry
	address, rtrw, phone, business       *entry
	notes                                *entry
	sex, education, kbli                 *codeSelect
	kecamatan, desa                      *codeSelect
	fields                               map[string]*field
	nikNote                              *fyne.Container
	nikNoteText                          *widget.Label
	nikOpen                              *widget.Button
	nikOther                             int64
	nikQuery                             latest
	dupes                                *formDupes // "mungkin orang yang sama" (trainee_dupes.go)
	facts                                *formFacts // "sudah dilatih Disperindag 2022" (trainee_facts.go)

	enrolBox *fyne.Container
	enrols   []*enrolmentRow

	saveBtn   *widget.Button
	deleteBtn *widget.Button
	root      fyne.CanvasObject
	tabs      *container.AppTabs // data and Usaha, for a saved trainee
	journey   *journeyView

	touched    map[string]bool
	nikWasLeft bool // the clerk has left the NIK field once (trainee_form_keys.go)
	warnedOK   bool // the clerk has seen the warnings and chose to save (trainee_form_keys.go)
	warnDialog *dialog.ConfirmDialog
	attempted  bool
	dirty      bool
	flow       saveFlow // the save (record_dialog.go)
	loading    bool

	pdfBtn *widget.Button // the person's data report (pdf_docs.go)
	pdpBtn *widget.Button // "Data pribadi" (pdp_person.go)
}

func newTraineeForm(s *traineesScreen, t *wub.Trainee) *traineeForm {
	f := &traineeForm{s: s, orig: t, fields: map[string]*field{}, touched: map[string]bool{}}
	esc := func() { f.handle(actionEscape) }
	mk := func(key string) *entry {
		e := newEntry(esc)
		e.OnChanged = func(string) { f.changed(key) }
		return e
	}
	f.nik, f.kk, f.name = mk("nik"), mk("kk"), mk("name")
	f.birthPlace, f.birthDate = mk("birth_place"), mk("birth_date")
	f.address, f.rtrw, f.phone, f.business = mk("address"), mk("rt_rw"), mk("phone"), mk("business")
	f.notes = mk("notes")
	f.notes.MultiLine = true
	f.notes.SetMinRowsVisible(2)
	f.nik.SetPlaceHolder("3528xxxxxxxxxxxx")
	f.kk.SetPlaceHolder(T("form.optional"))
	f.birthDate.SetPlaceHolder(T("form.date_hint"))
	f.phone.SetPlaceHolder("08xxxxxxxxxx")
	f.rtrw.SetPlaceHolder("001/002")
	f.nik.OnChanged = func(string) { f.changed("nik"); f.lookupNIK() }
	f.nik.onBlur = f.nikLeft

	f.sex = newCodeSelect([]string{"L", "P"}, []string{wub.SexLabel("L"), wub.SexLabel("P")}, func(string) { f.changed("sex") })
	f.education = newCodeSelect(wub.EducationLevels, wub.EducationLevels, func(string) { f.changed("education") })
	var kbliCodes, kbliLabels []string
	for _, k := range wub.Ref().KBLI {
		kbliCodes = append(kbliCodes, k.Code)
		kbliLabels = append(kbliLabels, k.Code+" — "+k.Title)
	}
	f.kbli = newCodeSelect(kbliCodes, kbliLabels, func(string) { f.changed("kbli") })
	var kecCodes, kecNames []string
	for _, k := range wub.Ref().Kecamatan {
		kecCodes = append(kecCodes, k.Code)
		kecNames = append(kecNames, k.Name)
	}
	f.desa = newCodeSelect(nil, nil, func(string) { f.changed("desa") })
	f.desa.PlaceHolder = T("form.choose_kecamatan_first")
	f.kecamatan = newCodeSelect(kecCodes, kecNames, func(code string) {
		f.fillDesa(code)
		f.changed("kecamatan")
	})
	for _, cs := range []*codeSelect{f.sex, f.education, f.kbli, f.kecamatan} {
		cs.PlaceHolder = T("form.choose")
	}

	f.nikNoteText = widget.NewLabel("")
	f.nikNoteText.Importance = widget.WarningImportance
	f.nikNoteText.Wrapping = fyne.TextWrapWord
	f.nikOpen = widget.NewButton(T("form.open_existing"), func() { f.openOther() })
	f.nikNote = container.NewBorder(nil, nil, nil, f.nikOpen, f.nikNoteText)
	f.nikNote.Hide()
	f.dupes = newFormDupes(f)
	f.facts = newFormFacts(f)

	f.enrolBox = container.NewVBox()
	f.build()
	f.load(t)
	f.wireKeys()
	f.showSavedWarnings()
	f.dupes.check()
	f.facts.check()
	return f
}

func (f *traineeForm) add(key, label string, input fyne.CanvasObject) fyne.CanvasObject {
	fl := newField(label, input)
	f.fields[key] = fl
	return fl.box
}

func (f *traineeForm) build() {
	section := func(title string) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = widget.HighImportance
		return container.NewVBox(widget.NewSeparator(), l)
	}
	identity := container.NewGridWithColumns(2,
		container.NewVBox(f.add("nik", T("field.nik"), f.nik), f.nikNote, f.dupes.box, f.facts.label),
		f.add("kk", T("field.kk"), f.kk),
		f.add("name", T("field.name"), f.name),
		f.add("sex", T("field.sex"), f.sex.Select),
		f.add("birth_place", T("field.birth_place"), f.birthPlace),
		f.add("birth_date", T("field.birth_date"), f.birthDate),
	)
	address := container.NewGridWithColumns(2,
		f.add("address", T("field.address"), f.address),
		f.add("rt_rw", T("field.rt_rw"), f.rtrw),
		f.add("kecamatan", T("field.kecamatan"), f.kecamatan.Select),
		f.add("desa", T("field.desa"), f.desa.Select),
		f.add("phone", T("field.phone"), f.phone),
	)
	business := container.NewGridWithColumns(2,
		f.add("education", T("field.education"), f.education.Select),
		f.add("kbli", T("field.kbli"), f.kbli.Select),
		f.add("business", T("field.business_name"), f.business),
		f.add("notes", T("field.notes"), f.notes),
	)
	addEnrol := widget.NewButtonWithIcon(T("form.add_enrolment"), theme.ContentAddIcon(), func() {
		f.addEnrolment(wub.Enrolment{AgencyCode: f.s.u.office.AgencyCode, Year: f.s.u.today().Year(), Status: wub.StatusRegistered})
		f.changed("enrolment")
	})
	body := container.NewVBox(
		section(T("form.section_identity")), identity,
		section(T("form.section_address")), address,
		section(T("form.section_business")), business,
		section(T("form.section_enrolment")), f.enrolBox, container.NewHBox(addEnrol),
	)

	title := T("form.title_new")
	if f.orig.ID != 0 {
		title = T("form.title_edit")
	}
	back := widget.NewButtonWithIcon(T("button.back"), theme.NavigateBackIcon(), func() { f.handle(actionEscape) })
	f.saveBtn = widget.NewButtonWithIcon(T("button.save"), theme.DocumentSaveIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	f.deleteBtn = widget.NewButtonWithIcon(T("button.delete"), theme.DeleteIcon(), f.s.deleteOrRestore)
	if f.orig.ID == 0 {
		f.deleteBtn.Hide()
	}
	if !f.s.u.can(wub.ActEdit) {
		f.saveBtn.Hide()
		f.deleteBtn.Hide()
		title += " — " + T("form.read_only")
	}
	f.pdfBtn = pdfButton(T("pdf.print_person"), f.printPersonReport) // pdf_docs.go
	if f.orig.ID == 0 {
		f.pdfBtn.Hide()
	}
	f.pdpBtn = f.dataButton() // pdp_person.go
	head := container.NewBorder(nil, nil, container.NewHBox(back, widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewHBox(f.pdpBtn, f.pdfBtn, f.deleteBtn, f.saveBtn))
	hint := widget.NewLabel(T("form.shortcuts"))
	hint.Importance = widget.LowImportance
	f.root = container.NewBorder(head, hint, nil, nil, f.withJourney(container.NewVScroll(container.NewPadded(body))))
}

func (f *traineeForm) object() fyne.CanvasObject { return f.root }

func (f *traineeForm) focusFirst() { f.s.u.focus(f.nik) }

func (f *traineeForm) load(t *wub.Trainee) {
	f.loading = true
	defer func() { f.loading = false }()
	f.nik.SetText(t.NIK)
	f.kk.SetText(t.KK)
	f.name.SetText(t.Name)
	f.sex.setCode(t.Sex)
	f.birthPlace.SetText(t.BirthPlace)
	f.birthDate.SetText(wub.FormatDate(t.BirthDate))
	f.address.SetText(t.Address)
	f.rtrw.SetText(t.RTRW)
	f.kecamatan.setCode(t.KecCode)
	f.fillDesa(t.KecCode)
	f.desa.setCode(t.DesaCode)
	f.phone.SetText(t.Phone)
	f.education.setCode(t.Education)
	f.kbli.setCode(t.KBLI)
	f.business.SetText(t.BusinessName)
	f.notes.SetText(t.Notes)
	for _, e := range t.Enrolments {
		f.addEnrolment(e)
	}
	f.dirty = false
}

func (f *traineeForm) fillDesa(kecCode string) {
	var codes, names []string
	for _, d := range wub.Ref().DesaIn(kecCode) {
		codes = append(codes, d.Code)
		name := d.Name
		if d.Kelurahan {
			name += " (" + T("form.kelurahan") + ")"
		}
		names = append(names, name)
	}
	f.desa.setOptions(codes, names)
	if kecCode != "" {
		f.desa.PlaceHolder = T("form.choose")
	}
}

// collect reads the widgets into a trainee; parse problems of typed dates
// come back as issues on their fields.
func (f *traineeForm) collect() (*wub.Trainee, wub.Issues) {
	t := &wub.Trainee{ID: f.orig.ID, NIK: f.nik.Text, KK: f.kk.Text, Name: f.name.Text, Sex: f.sex.code(),
		BirthPlace: f.birthPlace.Text, Address: f.address.Text, RTRW: f.rtrw.Text, KecCode: f.kecamatan.code(),
		DesaCode: f.desa.code(), Phone: f.phone.Text, Education: f.education.code(), KBLI: f.kbli.code(),
		BusinessName: f.business.Text, Notes: f.notes.Text}
	var is wub.Issues
	if s := strings.TrimSpace(f.birthDate.Text); s != "" {
		d, err := wub.ParseDate(s)
		if err != nil {
			is = append(is, wub.Issue{Field: "birth_date", Code: "date_invalid", Severity: wub.Error, Args: []any{s}})
		}
		t.BirthDate = d
	}
	for i, r := range f.enrols {
		e, eis := r.collect(i)
		t.Enrolments = append(t.Enrolments, e)
		is = append(is, eis...)
	}
	return t, is
}

// check runs the domain rules on what is typed (no database: it is quick
// enough for every keystroke) and shows the messages of touched fields, or
// of all fields after a save attempt.
func (f *traineeForm) check() wub.Issues {
	t, is := f.collect()
	t.Normalize()
	badDate := len(is.ForField("birth_date")) > 0
	for _, i := range append(t.Check(f.s.u.today()), t.PlaceWarnings()...) {
		if badDate && i.Field == "birth_date" {
			continue // the typed date is wrong; say only that
		}
		is = append(is, i)
	}
	for i := range t.Enrolments {
		for _, x := range append(t.Enrolments[i].Check(f.s.u.agencies), f.enrols[i].dateIssues(&t.Enrolments[i])...) {
			x.Field = "enrolment." + strconv.Itoa(i) + "." + x.Field
			is = append(is, x)
		}
	}
	f.showIssues(is)
	return is
}

func (f *traineeForm) showIssues(is wub.Issues) {
	for key, fl := range f.fields {
		if f.attempted || f.touched[key] {
			fl.show(f.oneNIKMessage(key, is.ForField(key)))
		} else {
			fl.show(nil)
		}
	}
	for i, r := range f.enrols {
		var mine wub.Issues
		prefix := "enrolment." + strconv.Itoa(i) + "."
		for _, x := range is {
			if strings.HasPrefix(x.Field, prefix) {
				mine = append(mine, x)
			}
		}
		if f.attempted || f.touched["enrolment"] {
			r.msg.show(mine)
		}
	}
}

func (f *traineeForm) changed(key string) {
	if f.loading {
		return
	}
	f.dirty = true
	f.touched[key] = true
	if key == "birth_date" && strings.TrimSpace(f.birthDate.Text) == "" {
		f.touched[key] = false
	}
	if key == "nik" && !f.nikWasLeft && len(wub.NormalizeNIK(f.nik.Text)) < 16 {
		f.touched[key] = false // "NIK harus 16 digit" waits for the 16th digit or leaving the field
	}
	f.check()
	f.dupes.changed(key)
	f.facts.changed(key)
}

// lookupNIK announces, as the NIK is typed, that it is already registered.
func (f *traineeForm) lookupNIK() {
	nik := wub.NormalizeNIK(f.nik.Text)
	ctx, current := f.nikQuery.start(f.s.u.screenCtx())
	if len(nik) != 16 {
		f.nikNote.Hide()
		return
	}
	var id int64
	var where string
	f.s.u.jobs.run(func() error {
		var err error
		id, where, err = f.s.store.DescribeNIK(ctx, nik)
		return err
	}, func(err error) {
		if !current() || err != nil {
			return
		}
		if id == 0 || id == f.orig.ID {
			f.nikNote.Hide()
			return
		}
		f.nikOther = id
		f.nikNoteText.SetText(T("form.nik_registered", where))
		f.nikNote.Show()
		f.dupes.box.Hide() // one message for one duplicate
		f.check()
	})
}

func (f *traineeForm) openOther() {
	id := f.nikOther
	if id == 0 {
		return
	}
	if f.dirty {
		f.s.u.confirm(T("form.discard_title"), T("form.discard_confirm"), T("button.discard"), func() { f.s.openTrainee(id) })
		return
	}
	f.s.openTrainee(id)
}

func (f *traineeForm) save() {
	if f.flow.saving || !f.s.u.can(wub.ActEdit) {
		return
	}
	f.attempted = true
	is := f.check()
	if is.HasErrors() {
		f.s.u.notify(T("form.fix_errors", len(is.Errors())))
		return
	}
	if f.confirmWarnings(is) {
		return
	}
	t, _ := f.collect()
	f.flow.u, f.flow.btn, f.flow.show = f.s.u, f.saveBtn, f.showIssues
	f.flow.run(is, func(ctx context.Context) (wub.Issues, error) {
		if t.ID == 0 {
			return f.s.store.CreateTrainee(ctx, t)
		}
		return f.s.store.UpdateTrainee(ctx, t)
	}, func(warns wub.Issues) {
		msg := T("form.saved", t.Name)
		if len(warns) > 0 {
			msg = T("form.saved_with_warnings", t.Name, len(warns))
		}
		f.s.u.notify(msg)
		f.dirty = false
		f.s.closeForm(true)
	})
}

func (f *traineeForm) handle(a action) {
	switch a {
	case actionSave:
		f.save()
	case actionEscape:
		if f.dirty {
			f.s.u.confirm(T("form.discard_title"), T("form.discard_confirm"), T("button.discard"), func() { f.s.closeForm(false) })
			return
		}
		f.s.closeForm(false)
	case actionNew:
		if f.dirty {
			f.s.u.confirm(T("form.discard_title"), T("form.discard_confirm"), T("button.discard"), f.s.newTrainee)
			return
		}
		f.s.newTrainee()
	}
}
