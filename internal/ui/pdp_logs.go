package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/officedoc"
	"wubdesk/internal/wub"
)

// The logs of the "Data pribadi" card: people past the retention period,
// the copies that left the PC, and the breach log with its letters.

// textList is a list of one-line texts.
func textList(rows *[]string, selected func(int)) *widget.List {
	l := widget.NewList(func() int { return len(*rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText((*rows)[i]) })
	if selected != nil {
		l.OnSelected = func(i widget.ListItemID) { selected(i) }
	}
	return l
}

// reviewView is the retention review (tests reach its rows).
type reviewView struct {
	cases []wub.RetentionCase
	rows  []string
	list  *widget.List
	info  *widget.Label
	dlg   dialog.Dialog
}

func (p *pdpPanel) showReview() {
	v := &reviewView{info: widget.NewLabel("")}
	v.info.Wrapping = fyne.TextWrapWord
	v.list = textList(&v.rows, func(i int) {
		c := v.cases[i]
		v.list.UnselectAll()
		if !p.u.can(wub.ActSettings) {
			return
		}
		p.u.askErase(c.NIK, c.Name, wub.EraseRetention, func([]wub.Erasure) { p.loadReview(v) })
	})
	v.dlg = dialog.NewCustom(T("pdp.review"), T("button.close"),
		container.NewGridWrap(fyne.NewSize(640, 420), container.NewBorder(v.info, nil, nil, nil, v.list)), p.u.win)
	v.dlg.Show()
	p.reviewView = v
	p.loadReview(v)
}

func (p *pdpPanel) loadReview(v *reviewView) {
	var cs []wub.RetentionCase
	var years int
	p.u.jobs.run(func() error {
		var err error
		cs, years, err = p.u.app.RetentionDue(p.u.appCtx())
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		v.cases, v.rows = cs, nil
		for _, c := range cs {
			v.rows = append(v.rows, fmt.Sprintf("%s · %s · %s · %s %s · %s %s", wub.MaskNIK(c.NIK), c.Name, c.Desa,
				T("pdp.last"), wub.FormatDate(c.Last), T("pdp.due"), wub.FormatDate(c.Due)))
		}
		v.info.SetText(T("pdp.review_intro", years, len(cs)))
		v.list.Refresh()
	})
}

// copiesView is the copy log.
type copiesView struct {
	copies []wub.CopyRecord
	rows   []string
	list   *widget.List
}

func copyLine(c wub.CopyRecord) string {
	who := fmt.Sprintf("%d", c.People)
	if c.Everyone {
		who = T("pdp.everyone", c.People)
	}
	return fmt.Sprintf("#%d · %s · %s · %s · %s · %s · %s", c.ID, c.At.In(wub.WIB).Format("02/01/2006 15:04"), orDash(c.Actor),
		wub.CopyKindLabel(c.Kind), who, wub.LockLabel(c), filepath.Base(c.Path))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func (p *pdpPanel) showCopies() {
	v := &copiesView{}
	v.list = textList(&v.rows, nil)
	p.copiesView = v
	p.u.jobs.run(func() error {
		var err error
		v.copies, err = p.u.app.Copies(p.u.appCtx(), 1000)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		for _, c := range v.copies {
			v.rows = append(v.rows, copyLine(c))
		}
		intro := widget.NewLabel(T("pdp.copies_intro", len(v.copies)))
		intro.Wrapping = fyne.TextWrapWord
		dialog.NewCustom(T("pdp.copies"), T("button.close"),
			container.NewGridWrap(fyne.NewSize(720, 420), container.NewBorder(intro, nil, nil, nil, v.list)), p.u.win).Show()
	})
}

// breachView is the breach log and its form.
type breachView struct {
	breaches []wub.Breach
	copies   []wub.CopyRecord
	rows     []string
	list     *widget.List
	selected int
	found    *widget.Entry
	what     *widget.Entry
	copy     *widget.Select
	measures *widget.Entry
	add      *widget.Button
	toPeople *widget.Button
	toAuth   *widget.Button
}

func (p *pdpPanel) showBreaches() {
	v := &breachView{selected: -1}
	p.breachView = v
	v.list = textList(&v.rows, func(i int) { v.selected = i; v.toPeople.Enable(); v.toAuth.Enable() })
	v.found = widget.NewEntry()
	v.found.SetText(wub.FormatDate(p.u.today()))
	v.what = widget.NewEntry()
	v.what.SetPlaceHolder(T("pdp.breach_what_hint"))
	v.copy = widget.NewSelect(nil, nil)
	v.copy.PlaceHolder = T("pdp.breach_copy_none")
	v.measures = widget.NewMultiLineEntry()
	v.add = widget.NewButton(T("pdp.breach_add"), func() { p.addBreach(v) })
	v.toPeople = widget.NewButton(T("pdp.breach_letter_people"), func() { p.breachLetter(v, true) })
	v.toAuth = widget.NewButton(T("pdp.breach_letter_auth"), func() { p.breachLetter(v, false) })
	v.toPeople.Disable()
	v.toAuth.Disable()
	form := widget.NewForm(widget.NewFormItem(T("pdp.breach_found"), v.found), widget.NewFormItem(T("pdp.breach_what"), v.what),
		widget.NewFormItem(T("pdp.breach_copy"), v.copy), widget.NewFormItem(T("pdp.breach_measures"), v.measures))
	intro := widget.NewLabel(T("pdp.breach_intro"))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewVBox(intro, form, container.NewHBox(v.add)),
		container.NewHBox(v.toPeople, v.toAuth), nil, nil, v.list)
	dialog.NewCustom(T("pdp.breaches"), T("button.close"), container.NewGridWrap(fyne.NewSize(720, 520), body), p.u.win).Show()
	p.loadBreaches(v)
}

func (p *pdpPanel) loadBreaches(v *breachView) {
	var bs []wub.Breach
	var cs []wub.CopyRecord
	p.u.jobs.run(func() error {
		var err error
		if bs, err = p.u.app.Breaches(p.u.appCtx()); err != nil {
			return err
		}
		cs, err = p.u.app.Copies(p.u.appCtx(), 200)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		v.breaches, v.copies, v.rows = bs, cs, nil
		for _, b := range bs {
			line := fmt.Sprintf("#%d · %s · %s", b.ID, wub.FormatDate(b.FoundOn), b.What)
			if b.CopyID != 0 {
				line += fmt.Sprintf(" · %s #%d", T("pdp.breach_copy"), b.CopyID)
			}
			v.rows = append(v.rows, line)
		}
		opts := []string{T("pdp.breach_copy_none")}
		for _, c := range cs {
			opts = append(opts, copyLine(c))
		}
		v.copy.SetOptions(opts)
		v.selected = -1
		v.list.UnselectAll()
		v.list.Refresh()
	})
}

func (p *pdpPanel) addBreach(v *breachView) {
	found, err := wub.ParseDate(v.found.Text)
	if err != nil || found.IsZero() {
		p.u.showError(wub.Errorf("date_invalid", v.found.Text))
		return
	}
	b := wub.Breach{FoundOn: found, What: strings.TrimSpace(v.what.Text), Measures: strings.TrimSpace(v.measures.Text)}
	if i := v.copy.SelectedIndex(); i > 0 && i-1 < len(v.copies) {
		b.CopyID = v.copies[i-1].ID
	}
	p.u.jobs.run(func() error {
		_, err := p.u.app.AddBreach(p.u.appCtx(), b)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		v.what.SetText("")
		v.measures.SetText("")
		p.u.notify(T("pdp.breach_saved"))
		p.loadBreaches(v)
	})
}

func (p *pdpPanel) breachLetter(v *breachView, toPeople bool) {
	if v.selected < 0 || v.selected >= len(v.breaches) {
		return
	}
	b := v.breaches[v.selected]
	name := fmt.Sprintf("Pemberitahuan_insiden_%d_otoritas.pdf", b.ID)
	if toPeople {
		name = fmt.Sprintf("Pemberitahuan_insiden_%d_peserta.pdf", b.ID)
	}
	p.u.printPDF(name, func(ctx context.Context, w io.Writer) (officedoc.Result, error) {
		return p.u.app.BreachNotice(ctx, b, toPeople, w)
	})
}
