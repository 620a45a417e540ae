package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// requiredNote explains the "Wajib masuk …" tick beside itself (issue 19):
// ticking it without an admin used to untick it silently and say why 500 px
// lower, off the screen. Now the reason is under the tick, with a button
// that creates the admin there and then requires sign-in.
type requiredNote struct {
	p      *usersPanel
	label  *widget.Label
	create *widget.Button
	box    *fyne.Container
	dlg    *dialog.ConfirmDialog // the new admin's form (tests answer it)
	name   *widget.Entry
	full   *widget.Entry
	pw     *widget.Entry
}

func newRequiredNote(p *usersPanel) *requiredNote {
	n := &requiredNote{p: p, label: widget.NewLabel("")}
	n.label.Wrapping = fyne.TextWrapWord
	n.create = widget.NewButtonWithIcon(T("ux.users_create_admin"), theme.ContentAddIcon(), n.askAdmin)
	n.create.Importance = widget.HighImportance
	n.create.Hide()
	n.box = container.NewVBox(n.label, container.NewHBox(n.create))
	n.box.Hide()
	return n
}

func (n *requiredNote) say(text string, imp widget.Importance, offerAdmin bool) {
	n.label.Importance = imp
	n.label.SetText(text)
	if offerAdmin {
		n.create.Show()
	} else {
		n.create.Hide()
	}
	n.box.Show()
}

// setRequired answers the tick.
func (n *requiredNote) setRequired(on bool) {
	u := n.p.u
	u.jobs.run(func() error { return u.app.RequireSignIn(u.appCtx(), on) }, func(err error) {
		switch {
		case wub.ErrorCode(err) == "auth_no_admin":
			n.say(userMessage(err)+" "+T("ux.users_no_admin_offer"), widget.WarningImportance, true)
		case err != nil:
			n.say(userMessage(err), widget.DangerImportance, false)
		case on:
			n.say(T("users.required_on"), widget.SuccessImportance, false)
		default:
			n.say(T("users.required_off"), widget.MediumImportance, false)
		}
		n.p.reload()
	})
}

// askAdmin asks for the first admin's name and password, creates the admin
// and requires sign-in.
func (n *requiredNote) askAdmin() {
	u := n.p.u
	n.name, n.full, n.pw = widget.NewEntry(), widget.NewEntry(), widget.NewPasswordEntry()
	n.name.SetPlaceHolder(T("users.name_hint"))
	form := widget.NewForm(
		widget.NewFormItem(T("users.name"), n.name),
		widget.NewFormItem(T("users.full_name"), n.full),
		widget.NewFormItem(T("signin.password"), n.pw),
	)
	n.pw.OnSubmitted = func(string) { n.dlg.Confirm() }
	n.dlg = newConfirm(u, T("ux.users_create_admin_title"), T("ux.users_create_admin_ok"), T("button.cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		nu := wub.User{Name: n.name.Text, FullName: n.full.Text}
		pw := n.pw.Text
		var made wub.User
		u.jobs.run(func() error {
			var err error
			made, err = u.app.CreateAdminAndRequireSignIn(u.appCtx(), nu, pw)
			return err
		}, func(err error) {
			if err != nil {
				n.say(userMessage(err), widget.DangerImportance, made.ID == 0)
			} else {
				n.say(T("ux.users_admin_made", made.Name)+" "+T("users.required_on"), widget.SuccessImportance, false)
			}
			n.p.reload()
		})
	})
	u.focus(n.name)
}
