package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/seal"
	"wubdesk/internal/wub"
)

// backupPanel is the "Cadangan" card of Pengaturan: the automatic backups
// beside the database, a backup to any folder (a flash drive), and restore
// from a listed backup or any file (admin only).
type backupPanel struct {
	u        *App
	info     *widget.Label
	list     *widget.List
	backups  []wub.BackupInfo
	selected int
	backupTo *widget.Button
	restore  *widget.Button
	fromFile *widget.Button
	box      *fyne.Container
	run      *fileRun // backup_progress.go: the manual backup's bar and Cancel
}

func newBackupPanel(u *App) *backupPanel {
	p := &backupPanel{u: u, selected: -1}
	p.info = widget.NewLabel("")
	p.info.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(func() int { return len(p.backups) },
		func() fyne.CanvasObject { return widget.NewLabel("00/00/0000 00:00 (sebelum konsolidasi) 00000 KB") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := p.backups[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s — %s KB", backupLabel(b), wub.FormatInt(int((b.Size+1023)/1024))))
		})
	p.list.OnSelected = func(i widget.ListItemID) { p.selected = i; p.updateButtons() }
	p.list.OnUnselected = func(widget.ListItemID) { p.selected = -1; p.updateButtons() }
	p.backupTo = widget.NewButton(T("backup.to_folder"), func() {
		d := u.newFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				u.askLock(false, func(l *seal.Lock) { p.backupSealed(dir.Path(), l) }) // pdp_backup.go
			}
		})
		d.Show()
	})
	p.restore = widget.NewButton(T("backup.restore_selected"), func() {
		if p.selected >= 0 && p.selected < len(p.backups) {
			p.askRestore(p.backups[p.selected].Path)
		}
	})
	p.fromFile = widget.NewButton(T("backup.restore_file"), func() {
		d := u.newFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				r.Close()
				p.askRestore(r.URI().Path())
			}
		})
		d.SetFilter(storage.NewExtensionFileFilter([]string{".db", seal.Ext}))
		d.Show()
	})
	listBox := container.NewGridWrap(fyne.NewSize(560, 150), p.list)
	p.run = newFileRun(u, false)
	p.box = container.NewVBox(p.info, listBox, container.NewHBox(p.backupTo, p.restore, p.fromFile), p.run.box)
	p.updateButtons()
	p.reload()
	return p
}

func (p *backupPanel) updateButtons() {
	admin := p.u.can(wub.ActRestore)
	if p.selected >= 0 && admin {
		p.restore.Enable()
	} else {
		p.restore.Disable()
	}
	if admin {
		p.fromFile.Enable()
	} else {
		p.fromFile.Disable()
	}
	if p.u.can(wub.ActBackup) {
		p.backupTo.Enable()
	} else {
		p.backupTo.Disable()
	}
}

// reload lists the backups beside the database.
func (p *backupPanel) reload() {
	path := p.u.app.Path()
	var list []wub.BackupInfo
	p.u.jobs.run(func() error {
		var err error
		list, err = app.ListBackups(path)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.backups = list
		p.selected = -1
		p.list.UnselectAll()
		p.list.Refresh()
		text := T("backup.auto", app.BackupDir(p.u.opts.DBPath)) // as the status line shows it
		if len(list) > 0 {
			text += "\n" + T("backup.newest", backupLabel(list[0]))
		}
		p.info.SetText(text)
		p.updateButtons()
	})
}

// backupToFolder writes a backup named after the database and the time into
// dir (a flash drive).
func (p *backupPanel) backupToFolder(dir string) {
	name := fmt.Sprintf("%s-cadangan-%s.db", trimExt(filepath.Base(p.u.app.Path())), p.u.now().Format("20060102-150405"))
	dest := filepath.Join(dir, name)
	p.u.notify(T("backup.working"))
	ctx, hold := p.run.start(), p.run.hold
	p.backupTo.Disable()
	p.u.jobs.run(func() error {
		if hold != nil {
			hold()
		}
		_, err := p.u.app.Backup(ctx, app.BackupOptions{Dest: dest, Progress: p.run.progress})
		return err
	}, func(err error) {
		p.updateButtons()
		if p.run.end(err) {
			p.u.notify(T("regency.backup_cancelled"))
			return
		}
		if err != nil {
			p.u.showError(err)
			return
		}
		p.u.notify(T("backup.done", dest))
	})
}

// askRestore checks a backup, says what it is and asks before replacing the
// database with it.
func (p *backupPanel) askRestore(src string) {
	if p.askSealedRestore(src) { // pdp_backup.go: an encrypted backup asks its passphrase first
		return
	}
	var info wub.BackupInfo
	p.u.jobs.run(func() error {
		var err error
		info, err = app.VerifyBackup(p.u.screenCtx(), src)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(wub.Errorf("restore_bad_source", filepath.Base(src), err))
			return
		}
		msg := T("backup.restore_confirm", filepath.Base(src), backupLabel(info), info.SchemaVersion)
		p.u.confirm(T("backup.restore_title"), msg, T("button.restore"), func() { p.u.restoreNow(src) })
	})
}

// restoreNow closes the database (keeping the instance lock), restores src
// over it and opens it again as at start.
func (u *App) restoreNow(src string) { u.restoreWith(src, newFileRun(u, true)) }

// restoreWith is restoreNow with its progress bar and Cancel (tests hold it).
func (u *App) restoreWith(src string, run *fileRun) {
	db := u.app
	path := db.Path()
	ctx, hold := run.start(), run.hold
	u.win.SetContent(u.restoreView(run))
	var kept string
	u.jobs.run(func() error {
		if hold != nil {
			hold()
		}
		db.Close()
		var err error
		kept, err = app.Restore(ctx, app.RestoreOptions{Path: path, From: src, Progress: run.progress})
		removeSealTemp(src) // pdp_backup.go: the decrypted copy of an encrypted backup
		return err
	}, func(err error) {
		u.setApp(nil)
		u.opts.DBPath = path
		u.Open()
		if run.end(err) {
			u.showMessage(T("backup.restore_title"), T("regency.restore_cancelled"))
			return
		}
		if err != nil {
			u.showError(err)
			return
		}
		lbl := widget.NewLabel(T("backup.restored", kept))
		lbl.Wrapping = fyne.TextWrapBreak
		dialog.NewCustom(T("backup.restore_title"), T("button.close"),
			container.NewGridWrap(fyne.NewSize(520, 100), lbl), u.win).Show()
	})
}

func trimExt(name string) string { return name[:len(name)-len(filepath.Ext(name))] }
