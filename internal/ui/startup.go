package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/instance"
	"wubdesk/internal/wub"
)

// reliability is the App's state for the one-instance lock and the
// signed-in user (startup.go, signin.go).
type reliability struct {
	lock    *instance.Lock
	user    wub.User          // zero when sign-in is off: the one clerk may do everything
	damaged *wub.DamagedError // while the damaged-file view is shown
	signIn  *signInView       // while the sign-in form is shown (tests)

	restoreSignIn *restoreSignIn // the admin sign-in before a restore at start (tests)
}

// acquireInstance takes the database's instance lock. When another WUBDesk
// has the file open, that one is asked to come to the front and this window
// says so instead of opening the file a second time.
func (u *App) acquireInstance() bool {
	l, err := instance.Acquire(u.opts.DBPath)
	if err != nil {
		var le *instance.LockedError
		if !errors.As(err, &le) {
			// Not another window: the lock file could not be made (a full
			// disk, ...). Say that, not "already open".
			u.win.SetContent(u.messageView(T("startup.lock_failed_title"), T("startup.lock_failed", userMessage(err)),
				widget.NewButton(T("button.close"), func() { u.fyne.Quit() })))
			return false
		}
		u.win.SetContent(u.messageView(T("startup.locked_title"), userMessage(err)+"\n\n"+T("startup.locked_hint"),
			widget.NewButton(T("button.close"), func() { u.fyne.Quit() })))
		return false
	}
	u.rel.lock = l
	l.OnActivate(func() {
		fyne.Do(func() {
			u.win.Show()
			u.win.RequestFocus()
		})
	})
	return true
}

// releaseInstance gives the lock up after the database is closed.
func (u *App) releaseInstance() {
	if u.rel.lock != nil {
		u.rel.lock.Release()
		u.rel.lock = nil
	}
}

// can reports whether the session may do something: everything without
// sign-in, what the role allows with it.
func (u *App) can(a wub.Action) bool {
	if u.rel.user.Name == "" {
		return true
	}
	return u.rel.user.Role.Can(a)
}

// afterOpen is the start-of-day work that runs in the background once the
// window is usable: the integrity check OpenChecked left for a large file,
// then the day's first backup. Damage found now replaces the app with the
// damaged-file view (nothing more is written to the file); a failed backup
// is reported, not fatal.
func (u *App) afterOpen(db *app.App) {
	var damaged *wub.DamagedError
	u.jobs.run(func() error {
		ctx := context.Background()
		if err := db.CheckOpened(ctx); err != nil {
			if errors.As(err, &damaged) {
				db.Close()
				return nil
			}
			return err
		}
		_, _, err := db.StartOfDayBackup(ctx)
		return err
	}, func(err error) {
		if damaged != nil {
			if u.app == db {
				u.setApp(nil)
			}
			u.win.SetContent(u.damagedView(damaged))
			return
		}
		if err != nil {
			u.showError(err)
		}
		u.milestone("check_and_backup_done")
	})
}

func (u *App) messageView(title, msg string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	head := widget.NewLabel(title)
	head.TextStyle = fyne.TextStyle{Bold: true}
	body := widget.NewLabel(msg)
	body.Wrapping = fyne.TextWrapWord
	// The buttons stay in view and a long text (30 lines of SQLite findings)
	// scrolls above them (issue 19); 640×440 fits a 1024×768 screen.
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 440),
		container.NewBorder(head, container.NewHBox(buttons...), nil, nil, container.NewVScroll(body))))
}

// damagedView is shown instead of the app when the database file cannot be
// trusted: what was found, and the way out (the newest good backup, another
// backup file, or, for a missing file, an empty database).
func (u *App) damagedView(de *wub.DamagedError) fyne.CanvasObject {
	msg := userMessage(de.Detail)
	var buttons []fyne.CanvasObject
	if de.HasBackup {
		msg += "\n\n" + T("startup.damaged_backup", backupLabel(de.Backup))
		restore := widget.NewButton(T("startup.restore_newest"), func() { u.restoreAtStart(de.Backup.Path) })
		restore.Importance = widget.HighImportance
		buttons = append(buttons, restore)
	} else {
		msg += "\n\n" + T("startup.damaged_no_backup")
	}
	buttons = append(buttons, widget.NewButton(T("startup.restore_other"), func() {
		d := u.newFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			u.restoreAtStart(r.URI().Path())
		})
		d.Show()
	}))
	if de.Missing {
		buttons = append(buttons, widget.NewButton(T("startup.start_empty"), func() {
			u.confirm(T("startup.start_empty"), T("startup.start_empty_confirm"), T("startup.start_empty"), func() {
				u.jobs.run(func() error {
					return app.Create(u.opts.DBPath)
				}, func(err error) {
					if err != nil {
						u.showError(err)
						return
					}
					u.Open()
				})
			})
		}))
	}
	buttons = append(buttons, widget.NewButton(T("button.close"), func() { u.fyne.Quit() }))
	u.rel.damaged = de
	return u.messageView(T("startup.damaged_title"), msg, buttons...)
}

// restoreAtStart restores a backup over the damaged file and opens it,
// after an admin's sign-in when the office requires sign-in.
func (u *App) restoreAtStart(src string) {
	u.withRestoreSignIn(src, func() { u.restoreAtStartNow(src) })
}

func (u *App) restoreAtStartNow(src string) {
	u.win.SetContent(u.loadingView(T("backup.restoring")))
	u.jobs.run(func() error {
		_, err := app.Restore(context.Background(), app.RestoreOptions{Path: u.opts.DBPath, From: src})
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			if u.rel.damaged != nil {
				u.win.SetContent(u.damagedView(u.rel.damaged))
			}
			return
		}
		u.rel.damaged = nil
		u.Open()
	})
}

// backupLabel names a backup for a clerk: when it was made and why.
func backupLabel(b wub.BackupInfo) string {
	return fmt.Sprintf("%s (%s)", b.At.Format("02/01/2006 15:04"), reasonLabel(b.Reason))
}

func reasonLabel(reason string) string {
	switch reason {
	case wub.ReasonDaily:
		return T("backup.reason.daily")
	case wub.ReasonImport:
		return T("backup.reason.import")
	case wub.ReasonConsolidation:
		return T("backup.reason.consolidation")
	case wub.ReasonMigration:
		return T("backup.reason.migration")
	case wub.ReasonRestore:
		return T("backup.reason.restore")
	}
	return T("backup.reason.manual")
}
