package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// formFacts is the trainee form's note of what other agencies registered
// for the NIK being typed, from the regency register (issue 21): "sudah
// dilatih Disperindag 2022". The hub is asked at entry time (a few seconds
// at most); offline the last known facts answer. Only for an enrolled
// office; it never blocks saving.
type formFacts struct {
	f     *traineeForm
	label *widget.Label
	query latest
	nik   string // the NIK of the last answer (tests read it)
	facts []wub.HubFact
}

func newFormFacts(f *traineeForm) *formFacts {
	l := widget.NewLabel("")
	l.Importance = widget.WarningImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return &formFacts{f: f, label: l}
}

func (x *formFacts) changed(key string) {
	if key == "nik" {
		x.check()
	}
}

func (x *formFacts) check() {
	u := x.f.s.u
	if u.app == nil {
		return
	}
	nik := strings.TrimSpace(x.f.nik.Text)
	ctx, current := x.query.start()
	if len(nik) != 16 || strings.Trim(nik, "0123456789") != "" {
		x.facts, x.nik = nil, ""
		x.label.Hide()
		return
	}
	var facts []wub.HubFact
	var note string
	a := u.app
	u.jobs.run(func() error {
		all, err := a.HubFacts(ctx, []string{nik}, true)
		if err != nil {
			return err
		}
		facts = all[nik]
		note = a.FactNote(ctx, facts)
		return nil
	}, func(err error) {
		if !current() || err != nil {
			return
		}
		x.nik, x.facts = nik, facts
		if note == "" {
			x.label.Hide()
			return
		}
		x.label.SetText(T("sync.fact_title") + ": " + note)
		x.label.Show()
	})
}
