package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// dupReview shows one pair side by side: every field of both records, the
// fields that differ in bold and marked, a choice per field of the value
// to keep (the NIK decides which record stays), both records' enrolments,
// and the buttons Gabungkan, Bukan orang yang sama and Buka.
type dupReview struct {
	s      *dupesScreen
	root   *fyne.Container
	body   *fyne.Container
	reason *widget.Label

	pair    *wub.DupPair
	a, b    *wub.Trainee
	choices map[string]*widget.RadioGroup
	query   latest

	mergeBtn, dismissBtn, openABtn, openBBtn *widget.Button
}

func newDupReview(s *dupesScreen) *dupReview {
	r := &dupReview{s: s, choices: map[string]*widget.RadioGroup{}}
	r.reason = widget.NewLabel(T("dup.choose_pair"))
	r.reason.Wrapping = fyne.TextWrapWord
	r.body = container.NewVBox()
	r.mergeBtn = widget.NewButtonWithIcon(T("dup.merge"), theme.ContentCopyIcon(), r.merge)
	r.mergeBtn.Importance = widget.HighImportance
	r.dismissBtn = widget.NewButtonWithIcon(T("dup.dismiss"), theme.CancelIcon(), r.dismiss)
	r.openABtn = widget.NewButton(T("dup.open_a"), func() { r.open(r.a) })
	r.openBBtn = widget.NewButton(T("dup.open_b"), func() { r.open(r.b) })
	buttons := container.NewHBox(r.mergeBtn, r.dismissBtn, r.openABtn, r.openBBtn)
	r.root = container.NewBorder(r.reason, buttons, nil, nil, container.NewVScroll(r.body))
	r.update()
	return r
}

func (r *dupReview) object() fyne.CanvasObject { return r.root }

func (r *dupReview) update() {
	ok := r.a != nil && r.b != nil
	for _, b := range []*widget.Button{r.mergeBtn, r.dismissBtn} {
		if ok && r.s.canReview() {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	for _, b := range []*widget.Button{r.openABtn, r.openBBtn} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// show loads both records of a pair (nil clears the view).
func (r *dupReview) show(p *wub.DupPair) {
	ctx, current := r.query.start(r.s.u.screenCtx())
	r.pair, r.a, r.b = p, nil, nil
	r.body.Objects = nil
	r.body.Refresh()
	r.update()
	if p == nil {
		r.reason.SetText(T("dup.none"))
		return
	}
	pair := *p
	r.pair = &pair
	r.reason.SetText(T("dup.reason", wub.DupReasonText(pair.Reason), pair.Score))
	var a, b *wub.Trainee
	r.s.u.jobs.run(func() error {
		var err error
		if a, err = r.s.u.app.Trainee(ctx, pair.A.ID); err != nil {
			return err
		}
		b, err = r.s.u.app.Trainee(ctx, pair.B.ID)
		return err
	}, func(err error) {
		if !current() {
			return
		}
		if err != nil {
			r.s.u.showError(err)
			return
		}
		r.a, r.b = a, b
		r.build()
		r.update()
	})
}

// fieldText is a field's value as the clerk reads it.
func fieldText(t *wub.Trainee, f string) string {
	v := wub.MergeValue(t, f)
	switch f {
	case "sex":
		if v != "" {
			return wub.SexLabel(v)
		}
	case "birth_date":
		if !t.BirthDate.IsZero() {
			return wub.FormatDate(t.BirthDate)
		}
	case "desa":
		if v != "" {
			return wub.Ref().DesaName(v)
		}
	}
	return v
}

var mergeFieldKeys = map[string]string{
	"nik": "field.nik", "kk": "field.kk", "name": "field.name", "sex": "field.sex", "birth_place": "field.birth_place",
	"birth_date": "field.birth_date", "address": "field.address", "rt_rw": "field.rt_rw", "desa": "field.desa",
	"phone": "field.phone", "education": "field.education", "kbli": "field.kbli", "business_name": "field.business_name",
	"notes": "field.notes",
}

func (r *dupReview) build() {
	a, b := r.a, r.b
	grid := container.NewGridWithColumns(4,
		widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{}),
		widget.NewLabelWithStyle(T("dup.record_a"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(T("dup.record_b"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(T("dup.keep"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	r.choices = map[string]*widget.RadioGroup{}
	for _, f := range wub.MergeFields {
		va, vb := fieldText(a, f), fieldText(b, f)
		differ := wub.MergeValue(a, f) != wub.MergeValue(b, f)
		name := widget.NewLabel(T(mergeFieldKeys[f]))
		la, lb := widget.NewLabel(va), widget.NewLabel(vb)
		la.Wrapping, lb.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
		if differ {
			// the differences stand out: bold, in the warning colour, marked
			name.TextStyle.Bold = true
			name.SetText("≠ " + name.Text)
			la.TextStyle.Bold, lb.TextStyle.Bold = true, true
			la.Importance, lb.Importance = widget.WarningImportance, widget.WarningImportance
		}
		choice := widget.NewRadioGroup([]string{"A", "B"}, nil)
		choice.Horizontal = true
		choice.Required = true
		choice.SetSelected(defaultChoice(a, b, f))
		if !differ {
			choice.Disable()
		}
		r.choices[f] = choice
		grid.Add(name)
		grid.Add(la)
		grid.Add(lb)
		grid.Add(choice)
	}
	enrols := container.NewGridWithColumns(2, r.enrolmentList(T("dup.record_a"), a), r.enrolmentList(T("dup.record_b"), b))
	note := widget.NewLabel(T("dup.merge_note"))
	note.Wrapping = fyne.TextWrapWord
	r.body.Objects = []fyne.CanvasObject{grid, widget.NewSeparator(), enrols, note}
	r.body.Refresh()
}

// defaultChoice proposes A's value unless it is empty and B's is not; for
// the NIK, the one that agrees with the recorded birth date.
func defaultChoice(a, b *wub.Trainee, f string) string {
	if f == "nik" {
		if !nikAgreesWith(a) && nikAgreesWith(b) {
			return "B"
		}
		return "A"
	}
	if strings.TrimSpace(wub.MergeValue(a, f)) == "" && strings.TrimSpace(wub.MergeValue(b, f)) != "" {
		return "B"
	}
	return "A"
}

func nikAgreesWith(t *wub.Trainee) bool {
	n, err := wub.ParseNIK(t.NIK)
	if err != nil || t.BirthDate.IsZero() {
		return false
	}
	return n.Day == t.BirthDate.Day() && n.Month == int(t.BirthDate.Month()) && n.YY == t.BirthDate.Year()%100
}

func (r *dupReview) enrolmentList(title string, t *wub.Trainee) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(title+" — "+T("form.section_enrolment"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(t.Enrolments) == 0 {
		box.Add(widget.NewLabel(T("dup.no_enrolments")))
	}
	for _, e := range t.Enrolments {
		box.Add(widget.NewLabel(fmt.Sprintf("%s · %s", agencyYear(r.s.u, e.AgencyCode, e.Year), wub.StatusLabel(e.Status))))
	}
	return box
}

// chosen returns the record to keep, the one to drop and the merged
// fields: the record whose NIK is chosen stays.
func (r *dupReview) chosen() (keep, drop *wub.Trainee, result wub.Trainee) {
	keepSide := r.choices["nik"].Selected
	keep, drop = r.a, r.b
	if keepSide == "B" {
		keep, drop = r.b, r.a
	}
	fromDrop := map[string]bool{}
	for f, c := range r.choices {
		fromDrop[f] = c.Selected != keepSide
	}
	return keep, drop, wub.MergeResult(keep, drop, fromDrop)
}

func (r *dupReview) merge() {
	if r.a == nil || r.b == nil || r.pair == nil {
		return
	}
	keep, drop, result := r.chosen()
	reason := r.pair.Reason
	r.s.u.confirm(T("dup.merge"), T("dup.merge_confirm", drop.Name, wub.MaskNIK(drop.NIK), keep.Name, wub.MaskNIK(result.NIK)),
		T("dup.merge"), func() {
			r.s.u.jobs.run(func() error {
				_, err := r.s.u.app.MergeTrainees(r.s.u.appCtx(), keep.ID, drop.ID, result, reason)
				return err
			}, func(err error) {
				if err != nil {
					r.s.u.showError(err)
					return
				}
				r.s.u.notify(T("dup.merge_done"))
				r.s.reload()
			})
		})
}

func (r *dupReview) dismiss() {
	if r.a == nil || r.b == nil || r.pair == nil {
		return
	}
	aID, bID, reason := r.a.ID, r.b.ID, r.pair.Reason
	r.s.u.jobs.run(func() error {
		return r.s.u.app.DismissPair(r.s.u.appCtx(), aID, bID, reason)
	}, func(err error) {
		if err != nil {
			r.s.u.showError(err)
			return
		}
		r.s.u.notify(T("dup.dismiss_done"))
		r.s.reload()
	})
}

func (r *dupReview) open(t *wub.Trainee) {
	if t != nil {
		openTraineeRecord(r.s.u, t.ID)
	}
}
