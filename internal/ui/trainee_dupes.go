package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// formDupes is the trainee form's note "mungkin orang yang sama dengan …":
// as the NIK, name, birth date, sex, desa or phone is typed, the register
// is asked for likely duplicates (through its NIK and birth-date indexes)
// and the best one is named with its agency, year and masked NIK. The clerk
// can open that record, or save anyway: the note never blocks saving.
type formDupes struct {
	f     *traineeForm
	label *widget.Label
	open  *widget.Button
	box   *fyne.Container
	other int64
	query latest
	pairs []wub.DupPair // the last answer (tests read it)
}

// dupKeys are the form fields the rules read.
var dupKeys = map[string]bool{"nik": true, "name": true, "birth_date": true, "sex": true, "desa": true, "kecamatan": true, "phone": true}

func newFormDupes(f *traineeForm) *formDupes {
	d := &formDupes{f: f, label: widget.NewLabel("")}
	d.label.Importance = widget.WarningImportance
	d.label.Wrapping = fyne.TextWrapWord
	d.open = widget.NewButton(T("dup.form_open"), func() { d.openOther() })
	d.box = container.NewBorder(nil, nil, nil, d.open, d.label)
	d.box.Hide()
	return d
}

// changed runs the check when a field the rules read has changed.
func (d *formDupes) changed(key string) {
	if dupKeys[key] {
		d.check()
	}
}

func (d *formDupes) check() {
	u := d.f.s.u
	if u.app == nil {
		return
	}
	t, _ := d.f.collect()
	t.Normalize()
	t.Check(u.today()) // fills a missing sex and birth date from the NIK
	p := wub.DupPersonOf(t)
	ctx, current := d.query.start(u.screenCtx())
	if len(p.NIK) != 16 || wub.NormalizeName(p.Name) == "" {
		d.pairs = nil
		d.box.Hide()
		return
	}
	var pairs []wub.DupPair
	u.jobs.run(func() error {
		var err error
		pairs, err = u.app.DuplicatesOf(ctx, p)
		return err
	}, func(err error) {
		if !current() || err != nil {
			return
		}
		d.pairs = pairs
		if len(pairs) == 0 {
			d.box.Hide()
			return
		}
		b := pairs[0].B
		d.other = b.ID
		where := agencyYear(u, b.Agency, b.Year)
		if where == "" {
			where = T("dup.no_enrolment")
		}
		msg := T("dup.form_warning", b.Name, where, wub.MaskNIK(b.NIK), wub.DupReasonText(pairs[0].Reason))
		if len(pairs) > 1 {
			msg += " " + T("dup.form_more", len(pairs)-1)
		}
		d.label.SetText(msg)
		d.box.Show()
	})
}

func (d *formDupes) openOther() {
	id := d.other
	if id == 0 {
		return
	}
	s := d.f.s
	if d.f.dirty {
		s.u.confirm(T("form.discard_title"), T("form.discard_confirm"), T("button.discard"), func() { s.openTrainee(id) })
		return
	}
	s.openTrainee(id)
}
