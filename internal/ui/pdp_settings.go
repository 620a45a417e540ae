package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/seal"
	"wubdesk/internal/wub"
)

// pdpPanel is the "Data pribadi" card of Pengaturan (issue 24): the record
// of processing (what the office processes and why, the retention, who has
// access), the office's encryption key, and the retention review, copy log
// and breach log (pdp_logs.go).
type pdpPanel struct {
	u                            *App
	record                       *widget.Label
	retention                    *widget.Entry
	purpose, recipients, officer *widget.Entry
	save                         *widget.Button
	publicKey                    *widget.Entry
	makeKey                      *widget.Button
	review, copies, breach       *widget.Button
	box                          *fyne.Container
	key                          *seal.OfficeKey

	reviewView *reviewView // the dialogs last opened (tests)
	copiesView *copiesView
	breachView *breachView
}

func newPDPPanel(u *App) *pdpPanel {
	p := &pdpPanel{u: u}
	p.record = widget.NewLabel("")
	p.record.Wrapping = fyne.TextWrapWord
	p.retention = widget.NewEntry()
	p.purpose = widget.NewMultiLineEntry()
	p.purpose.Wrapping = fyne.TextWrapWord
	p.recipients = widget.NewMultiLineEntry()
	p.recipients.Wrapping = fyne.TextWrapWord
	p.officer = widget.NewEntry()
	p.officer.SetPlaceHolder(T("pdp.officer_hint"))
	p.save = widget.NewButton(T("button.save"), p.saveRecord)
	p.publicKey = widget.NewEntry()
	p.publicKey.Disable() // selectable for copy, not editable
	p.makeKey = widget.NewButton(T("pdp.key_make"), p.askKey)
	p.review = widget.NewButton(T("pdp.review"), p.showReview)
	p.copies = widget.NewButton(T("pdp.copies"), p.showCopies)
	p.breach = widget.NewButton(T("pdp.breaches"), p.showBreaches)
	if !u.can(wub.ActSettings) {
		p.save.Disable()
		p.makeKey.Disable()
		p.breach.Disable()
	}
	if !u.can(wub.ActAudit) && !u.can(wub.ActSettings) {
		p.copies.Disable()
		p.review.Disable()
	}
	form := widget.NewForm(
		widget.NewFormItem(T("pdp.retention"), container.NewBorder(nil, nil, nil, widget.NewLabel(T("pdp.retention_unit")), p.retention)),
		widget.NewFormItem(T("pdp.purpose"), container.NewGridWrap(fyne.NewSize(520, 80), p.purpose)),
		widget.NewFormItem(T("pdp.recipients"), container.NewGridWrap(fyne.NewSize(520, 80), p.recipients)),
		widget.NewFormItem(T("pdp.officer"), p.officer),
	)
	keyNote := widget.NewLabel(T("pdp.key_note"))
	keyNote.Wrapping = fyne.TextWrapWord
	keyNote.Importance = widget.LowImportance
	p.box = container.NewVBox(widget.NewLabelWithStyle(T("pdp.record_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.record, form, container.NewHBox(p.save),
		widget.NewLabelWithStyle(T("pdp.key_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.publicKey, keyNote, container.NewHBox(p.makeKey),
		widget.NewLabelWithStyle(T("pdp.logs_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(p.review, p.copies, p.breach))
	p.reload()
	return p
}

// reload reads the record of processing and the office key.
func (p *pdpPanel) reload() {
	var rec wub.ProcessingRecord
	var ps app.ProcessingSettings
	var k *seal.OfficeKey
	p.u.jobs.run(func() error {
		var err error
		if rec, ps, err = p.u.app.Processing(p.u.appCtx()); err != nil {
			return err
		}
		k, err = p.u.app.OfficeKey(p.u.appCtx())
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.key = k
		p.retention.SetText(strconv.Itoa(ps.RetentionYears))
		p.purpose.SetText(ps.Purpose)
		p.recipients.SetText(ps.Recipients)
		p.officer.SetText(ps.Officer)
		p.record.SetText(recordText(rec))
		if k != nil {
			p.publicKey.SetText(k.Public)
			p.makeKey.SetText(T("pdp.key_reseal"))
		} else {
			p.publicKey.SetText(T("pdp.key_none"))
			p.makeKey.SetText(T("pdp.key_make"))
		}
	})
}

// recordText is the record of processing as the panel shows it.
func recordText(r wub.ProcessingRecord) string {
	var users []string
	for _, u := range r.Access {
		if u.Active {
			users = append(users, fmt.Sprintf("%s (%s)", u.Name, u.Role.Label()))
		}
	}
	access := T("pdp.access_single")
	if r.SigninRequired && len(users) > 0 {
		access = strings.Join(users, ", ")
	}
	return T("pdp.record_text", r.Basis, strings.Join(r.Categories, ", "), r.Retention, access)
}

func (p *pdpPanel) saveRecord() {
	years, err := app.ParseRetention(p.retention.Text)
	if err != nil {
		p.u.showError(err)
		return
	}
	ps := app.ProcessingSettings{RetentionYears: years, Purpose: p.purpose.Text, Recipients: p.recipients.Text, Officer: p.officer.Text}
	p.u.jobs.run(func() error { return p.u.app.SaveProcessing(p.u.appCtx(), ps) }, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.u.notify(T("settings.saved"))
		p.reload()
	})
}

// askKey makes the office key, or seals it again with a new passphrase
// (the old one opens it first).
func (p *pdpPanel) askKey() {
	old := widget.NewPasswordEntry()
	pass := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem(T("pdp.passphrase"), pass), widget.NewFormItem(T("pdp.passphrase_again"), again)}
	if p.key != nil {
		items = append([]*widget.FormItem{widget.NewFormItem(T("pdp.passphrase_old"), old)}, items...)
	}
	d := dialog.NewForm(T("pdp.key_title"), T("button.save"), T("button.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if pass.Text != again.Text {
			p.u.showError(wub.Errorf("seal_passphrase_twice"))
			return
		}
		p.makeOfficeKey(old.Text, pass.Text)
	}, p.u.win)
	d.Resize(fyne.NewSize(480, 240))
	d.Show()
}

func (p *pdpPanel) makeOfficeKey(old, pass string) {
	p.u.jobs.run(func() error {
		_, err := p.u.app.MakeOfficeKey(p.u.appCtx(), old, pass)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.u.notify(T("pdp.key_saved"))
		p.reload()
	})
}
