package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/seal"
	"wubdesk/internal/wub"
)

// How a copy that leaves the PC is protected (issue 24, docs/PRIVACY.md):
// the office key (backups), the receiving office's public key (packages),
// a passphrase typed twice, or, by an admin's explicit choice, nothing.

// lockDialog asks for the lock of one copy. Its widgets are fields so that
// tests fill them.
type lockDialog struct {
	u       *App
	choice  *widget.RadioGroup
	key     *widget.Entry
	pass    *widget.Entry
	again   *widget.Entry
	msg     *widget.Label
	dlg     dialog.Dialog
	office  *seal.OfficeKey
	options []string // lock kinds in the order of choice.Options ("" = plain)
	done    func(*seal.Lock)
}

// askLock looks up the office key, then asks how to protect the copy and
// calls done with the lock (nil: plain, an admin's choice) on the UI
// goroutine. Cancel calls nothing.
func (u *App) askLock(forPackage bool, done func(*seal.Lock)) {
	var k *seal.OfficeKey
	u.jobs.run(func() error {
		var err error
		k, err = u.app.OfficeKey(u.appCtx())
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.pdp.lock = newLockDialog(u, forPackage, k, done)
		u.pdp.lock.dlg.Show()
	})
}

func newLockDialog(u *App, forPackage bool, k *seal.OfficeKey, done func(*seal.Lock)) *lockDialog {
	d := &lockDialog{u: u, office: k, done: done}
	var labels []string
	if k != nil && !forPackage {
		d.options, labels = append(d.options, wub.LockOffice), append(labels, T("pdp.lock_office"))
	}
	if forPackage {
		d.options, labels = append(d.options, wub.LockRecipient), append(labels, T("pdp.lock_recipient"))
	}
	d.options, labels = append(d.options, wub.LockPassphrase), append(labels, T("pdp.lock_passphrase"))
	if u.can(wub.ActSettings) {
		d.options, labels = append(d.options, ""), append(labels, T("pdp.lock_plain"))
	}
	d.key = widget.NewEntry()
	d.key.SetPlaceHolder("age1...")
	d.pass = widget.NewPasswordEntry()
	d.again = widget.NewPasswordEntry()
	d.msg = widget.NewLabel("")
	d.msg.Wrapping = fyne.TextWrapWord
	d.msg.Importance = widget.DangerImportance
	d.choice = widget.NewRadioGroup(labels, func(string) { d.update() })
	d.choice.SetSelected(labels[0])
	form := widget.NewForm(widget.NewFormItem(T("pdp.public_key"), d.key),
		widget.NewFormItem(T("pdp.passphrase"), d.pass), widget.NewFormItem(T("pdp.passphrase_again"), d.again))
	intro := widget.NewLabel(T("pdp.lock_intro"))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(intro, d.choice, form, d.msg)
	d.dlg = dialog.NewCustomConfirm(T("pdp.lock_title"), T("pdp.continue"), T("button.cancel"),
		container.NewGridWrap(fyne.NewSize(560, 330), body), func(ok bool) {
			if ok {
				d.submit()
			}
		}, u.win)
	d.update()
	return d
}

func (d *lockDialog) kind() string {
	for i, l := range d.choice.Options {
		if l == d.choice.Selected {
			return d.options[i]
		}
	}
	return wub.LockPassphrase
}

func (d *lockDialog) update() {
	if d.key == nil {
		return
	}
	k := d.kind()
	show := func(w fyne.Widget, on bool) {
		if on {
			w.(interface{ Enable() }).Enable()
		} else {
			w.(interface{ Disable() }).Disable()
		}
	}
	show(d.key, k == wub.LockRecipient)
	show(d.pass, k == wub.LockPassphrase)
	show(d.again, k == wub.LockPassphrase)
	if k == "" {
		d.msg.SetText(T("pdp.lock_plain_warning"))
	} else {
		d.msg.SetText("")
	}
}

// submit builds the lock; a problem shows the dialog again with it.
func (d *lockDialog) submit() {
	var lock *seal.Lock
	var err error
	switch d.kind() {
	case wub.LockOffice:
		lock = &seal.Lock{Office: d.office}
	case wub.LockRecipient:
		lock, err = app.LockFor(d.key.Text, "", "")
	case wub.LockPassphrase:
		lock, err = app.LockFor("", d.pass.Text, d.again.Text)
	}
	if err != nil {
		d.msg.SetText(userMessage(err))
		d.dlg.Show()
		return
	}
	d.done(lock)
}

// passDialog asks the passphrase of an encrypted copy.
type passDialog struct {
	pass *widget.Entry
	dlg  dialog.Dialog
}

// askPassphrase asks for the passphrase of the encrypted file name and calls
// done with it.
func (u *App) askPassphrase(name string, done func(string)) *passDialog {
	p := &passDialog{pass: widget.NewPasswordEntry()}
	msg := widget.NewLabel(T("pdp.passphrase_ask", name))
	msg.Wrapping = fyne.TextWrapWord
	p.dlg = dialog.NewCustomConfirm(T("pdp.passphrase_title"), T("pdp.continue"), T("button.cancel"),
		container.NewGridWrap(fyne.NewSize(480, 130), container.NewVBox(msg, p.pass)), func(ok bool) {
			if ok {
				done(p.pass.Text)
			}
		}, u.win)
	p.dlg.Show()
	u.pdp.pass = p
	return p
}

// pdpDialogs are the personal-data dialogs last shown, for tests.
type pdpDialogs struct {
	lock   *lockDialog
	pass   *passDialog
	person *personDialog
	erase  *eraseDialog
}

// showPDP opens the personal-data views for screenshots (--show):
// "data-pribadi:ID" the record's Data pribadi dialog, "pdp-pengaturan" the
// Pengaturan card, "pdp-kunci" the lock dialog of a backup.
func (n *navigation) showPDP(id string) bool {
	switch {
	case id == "pdp-pengaturan":
		n.show("pengaturan")
		if s, ok := n.built["pengaturan"].(*settingsScreen); ok {
			if sc, ok := s.root.(*container.Scroll); ok {
				var try func(left int)
				try = func(left int) {
					d := fyne.CurrentApp().Driver()
					if y := d.AbsolutePositionForObject(s.pdp.box).Y - d.AbsolutePositionForObject(sc.Content).Y; y > 0 || left == 0 {
						sc.ScrollToOffset(fyne.NewPos(0, y-60))
					} else {
						n.u.jobs.after(500*time.Millisecond, func() { try(left - 1) })
					}
				}
				n.u.jobs.after(1500*time.Millisecond, func() { try(20) })
			}
		}
		return true
	case id == "pdp-kunci":
		n.show("pengaturan")
		n.u.askLock(true, func(*seal.Lock) {})
		return true
	}
	num, ok := strings.CutPrefix(id, "data-pribadi:")
	if !ok {
		return false
	}
	n.showJourney("usaha:" + num)
	var try func(left int)
	try = func(left int) {
		if s, ok := n.built["peserta"].(*traineesScreen); ok && s.form != nil {
			s.form.showPersonData()
		} else if left > 0 {
			n.u.jobs.after(500*time.Millisecond, func() { try(left - 1) })
		}
	}
	n.u.jobs.after(500*time.Millisecond, func() { try(20) })
	return true
}
