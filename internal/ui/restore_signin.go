package ui

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

// restoreSignIn is the admin sign-in the start-up view asks for before a
// restore when the office requires sign-in (restore is admin-only). The
// current file is asked whose rules apply when it can be read, else the
// backup being restored. ok runs on the UI goroutine after a good admin
// sign-in, or at once when sign-in is off.
type restoreSignIn struct {
	name, password *widget.Entry
	form           *dialog.FormDialog
}

func (u *App) withRestoreSignIn(src string, ok func()) {
	dbPath := u.opts.DBPath
	var required bool
	var path string
	u.jobs.run(func() error {
		path, required = app.RestoreRules(context.Background(), dbPath, src)
		return nil
	}, func(error) {
		if !required {
			ok()
			return
		}
		v := &restoreSignIn{name: widget.NewEntry(), password: widget.NewPasswordEntry()}
		u.rel.restoreSignIn = v
		v.form = dialog.NewForm(T("restore_signin.title"), T("signin.button"), T("button.cancel"), []*widget.FormItem{
			widget.NewFormItem(T("signin.name"), v.name),
			widget.NewFormItem(T("signin.password"), v.password),
		}, func(submitted bool) {
			if !submitted {
				return
			}
			name, pw := v.name.Text, v.password.Text
			var user wub.User
			u.jobs.run(func() error {
				var err error
				_, user, err = app.RestoreCredentials(context.Background(), path, name, pw)
				if err == nil && !user.Role.Can(wub.ActRestore) {
					err = wub.Errorf("role_denied", user.Role.Label(), wub.WhoCan(wub.ActRestore))
				}
				return err
			}, func(err error) {
				if err != nil {
					u.showError(err)
					return
				}
				ok()
			})
		}, u.win)
		v.form.Show()
	})
}
