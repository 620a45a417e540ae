package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

// usersPanel is the "Pengguna" card of Pengaturan (admin only): whether
// sign-in is required, the users, a new user, and for the selected user the
// role, the active flag and a new password.
type usersPanel struct {
	u        *App
	required *widget.Check
	reqNote  *requiredNote
	list     *widget.List
	users    []wub.User
	selected int

	newName, newFull, newPassword *widget.Entry
	newRole                       *codeSelect
	add                           *widget.Button

	role     *codeSelect
	active   *widget.Check
	password *widget.Entry
	save     *widget.Button
	setPW    *widget.Button
	msg      *widget.Label
	box      fyne.CanvasObject
}

func roleSelect() *codeSelect {
	codes := make([]string, len(wub.Roles))
	labels := make([]string, len(wub.Roles))
	for i, r := range wub.Roles {
		codes[i], labels[i] = string(r), r.Label()+" — "+roleHint(r)
	}
	cs := newCodeSelect(codes, labels, nil)
	cs.PlaceHolder = T("form.choose")
	return cs
}

func roleHint(r wub.Role) string {
	switch r {
	case wub.RoleOperator:
		return T("role.hint.operator")
	case wub.RoleKepala:
		return T("role.hint.kepala")
	}
	return T("role.hint.admin")
}

func newUsersPanel(u *App) *usersPanel {
	p := &usersPanel{u: u, selected: -1}
	p.msg = widget.NewLabel("")
	p.msg.Wrapping = fyne.TextWrapWord
	if !u.can(wub.ActManageUsers) {
		p.msg.SetText(T("users.admin_only"))
		p.box = p.msg
		return p
	}
	p.required = widget.NewCheck(T("users.required"), nil)
	p.list = widget.NewList(func() int { return len(p.users) },
		func() fyne.CanvasObject {
			return widget.NewLabel("nama.pengguna — Nama Lengkap Sekali — Operator (nonaktif)")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(userLine(p.users[i])) })
	p.list.OnSelected = func(i widget.ListItemID) { p.pick(i) }

	p.newName, p.newFull, p.newPassword = widget.NewEntry(), widget.NewEntry(), widget.NewPasswordEntry()
	p.newName.SetPlaceHolder(T("users.name_hint"))
	p.newRole = roleSelect()
	p.newRole.setCode(string(wub.RoleOperator))
	p.add = widget.NewButton(T("users.add"), p.addUser)

	p.role = roleSelect()
	p.active = widget.NewCheck(T("users.active"), nil)
	p.password = widget.NewPasswordEntry()
	p.save = widget.NewButton(T("button.save"), p.saveUser)
	p.setPW = widget.NewButton(T("users.set_password"), p.setPassword)
	p.pick(-1)

	addForm := widget.NewForm(
		widget.NewFormItem(T("users.name"), p.newName),
		widget.NewFormItem(T("users.full_name"), p.newFull),
		widget.NewFormItem(T("users.role"), p.newRole.Select),
		widget.NewFormItem(T("signin.password"), p.newPassword),
	)
	editForm := widget.NewForm(
		widget.NewFormItem(T("users.role"), p.role.Select),
		widget.NewFormItem("", p.active),
		widget.NewFormItem(T("users.new_password"), p.password),
	)
	p.reqNote = newRequiredNote(p) // users_required.go: the reason beside the tick
	p.box = container.NewVBox(p.required, p.reqNote.box,
		container.NewGridWrap(fyne.NewSize(560, 130), p.list),
		editForm, container.NewHBox(p.save, p.setPW),
		widget.NewSeparator(), widget.NewLabel(T("users.add_title")), addForm, container.NewHBox(p.add), p.msg)
	p.reload()
	return p
}

func userLine(u wub.User) string {
	s := u.Name
	if u.FullName != "" {
		s += " — " + u.FullName
	}
	s += " — " + u.Role.Label()
	if !u.Active {
		s += " (" + T("users.inactive") + ")"
	}
	return s
}

func (p *usersPanel) reload() {
	db := p.u.app
	var users []wub.User
	var required bool
	p.u.jobs.run(func() error {
		var err error
		if users, err = db.ListUsers(p.u.screenCtx()); err != nil {
			return err
		}
		required, err = db.SignInRequired(p.u.screenCtx())
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.users = users
		p.list.UnselectAll()
		p.list.Refresh()
		p.pick(-1)
		p.required.OnChanged = nil
		p.required.SetChecked(required)
		p.required.OnChanged = p.reqNote.setRequired
	})
}

func (p *usersPanel) pick(i int) {
	p.selected = i
	on := i >= 0 && i < len(p.users)
	for _, w := range []fyne.Disableable{p.role, p.active, p.password, p.save, p.setPW} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if on {
		p.role.setCode(string(p.users[i].Role))
		p.active.SetChecked(p.users[i].Active)
	}
}

// after runs a store call off the UI goroutine, then shows its outcome and
// reloads the list.
func (p *usersPanel) after(work func(ctx context.Context) error, ok string) {
	p.u.jobs.run(func() error { return work(p.u.appCtx()) }, func(err error) {
		if err != nil {
			p.msg.Importance = widget.DangerImportance
			p.msg.SetText(userMessage(err))
			p.reload()
			return
		}
		p.msg.Importance = widget.MediumImportance
		p.msg.SetText(ok)
		p.reload()
	})
}

func (p *usersPanel) addUser() {
	nu := wub.User{Name: p.newName.Text, FullName: p.newFull.Text, Role: wub.Role(p.newRole.code()), Active: true}
	pw := p.newPassword.Text
	p.newPassword.SetText("")
	p.after(func(ctx context.Context) error {
		_, err := p.u.app.CreateUser(ctx, nu, pw)
		return err
	}, T("users.added", app.NormalizeUserName(nu.Name)))
	p.newName.SetText("")
	p.newFull.SetText("")
}

func (p *usersPanel) saveUser() {
	if p.selected < 0 {
		return
	}
	us := p.users[p.selected]
	us.Role, us.Active = wub.Role(p.role.code()), p.active.Checked
	p.after(func(ctx context.Context) error { return p.u.app.UpdateUser(ctx, us) }, T("users.saved", us.Name))
}

func (p *usersPanel) setPassword() {
	if p.selected < 0 {
		return
	}
	us, pw := p.users[p.selected], p.password.Text
	p.password.SetText("")
	p.after(func(ctx context.Context) error { return p.u.app.SetPassword(ctx, us.ID, pw) }, T("users.password_set", us.Name))
}
