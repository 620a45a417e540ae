package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

// signInView asks for a user name and password when the office has turned
// sign-in on. Nothing of the register is shown before it succeeds.
type signInView struct {
	u        *App
	app      *app.App
	name     *widget.Entry
	password *widget.Entry
	msg      *widget.Label
	button   *widget.Button
	done     func()
	root     fyne.CanvasObject
}

// showSignIn replaces the window's content with the sign-in form; done runs
// after a good sign-in (a.Actor() is then the user's name).
func (u *App) showSignIn(a *app.App, done func()) *signInView {
	v := &signInView{u: u, app: a, done: done}
	v.name = widget.NewEntry()
	v.name.SetPlaceHolder(T("signin.name"))
	v.password = widget.NewPasswordEntry()
	v.password.SetPlaceHolder(T("signin.password"))
	v.password.OnSubmitted = func(string) { v.submit() }
	v.name.OnSubmitted = func(string) { u.win.Canvas().Focus(v.password) }
	v.msg = widget.NewLabel("")
	v.msg.Importance = widget.DangerImportance
	v.msg.Wrapping = fyne.TextWrapWord
	v.button = widget.NewButton(T("signin.button"), v.submit)
	v.button.Importance = widget.HighImportance
	title := widget.NewLabel(T("signin.title"))
	title.TextStyle = fyne.TextStyle{Bold: true}
	form := widget.NewForm(
		widget.NewFormItem(T("signin.name"), v.name),
		widget.NewFormItem(T("signin.password"), v.password),
	)
	v.root = container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 260),
		container.NewVBox(title, form, container.NewHBox(v.button), v.msg)))
	u.win.SetContent(v.root)
	u.win.Canvas().Focus(v.name)
	u.rel.signIn = v
	return v
}

func (v *signInView) submit() {
	name, pw := v.name.Text, v.password.Text
	v.button.Disable()
	var user wub.User
	v.u.jobs.run(func() error {
		var err error
		user, err = v.app.SignIn(context.Background(), name, pw)
		return err
	}, func(err error) {
		v.button.Enable()
		v.password.SetText("")
		if err != nil {
			v.msg.SetText(userMessage(err))
			return
		}
		v.u.rel.user = user
		v.u.rel.signIn = nil
		v.done()
	})
}
