package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/seal"
)

// Encrypted backups in the Cadangan card (issue 24): a backup to a folder
// is locked as the clerk chose (askLock); restoring an encrypted backup
// asks its passphrase, decrypts it beside the database and restores that
// as any backup. A wrong passphrase says so and changes nothing.

// backupSealed writes an encrypted (or, nil lock, plain) backup into dir.
func (p *backupPanel) backupSealed(dir string, lock *seal.Lock) {
	ext := ".db"
	if lock != nil {
		ext = ".db" + seal.Ext
	}
	name := fmt.Sprintf("%s-cadangan-%s%s", trimExt(filepath.Base(p.u.opts.DBPath)), p.u.now().Format("20060102-150405"), ext)
	dest := filepath.Join(dir, name)
	p.u.notify(T("backup.working"))
	ctx, hold := p.run.start(), p.run.hold
	p.backupTo.Disable()
	p.u.jobs.run(func() error {
		if hold != nil {
			hold()
		}
		_, err := p.u.app.BackupCopy(ctx, dest, lock)
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
		if lock == nil {
			p.u.notify(T("pdp.backup_plain_done", dest))
			return
		}
		p.u.notify(T("pdp.backup_sealed_done", dest))
	})
}

// askSealedRestore handles an encrypted backup: it asks the passphrase,
// decrypts the file beside the database, and continues with the plain
// copy. False when src is not encrypted.
func (p *backupPanel) askSealedRestore(src string) bool {
	sealed, err := app.IsSealed(src)
	if err != nil || !sealed {
		return false
	}
	p.u.askPassphrase(filepath.Base(src), func(pass string) {
		var plain string
		p.u.jobs.run(func() error {
			var err error
			plain, err = p.u.app.OpenSealedCopy(p.u.appCtx(), src, pass)
			return err
		}, func(err error) {
			if err != nil {
				p.u.showError(err)
				return
			}
			p.askRestore(plain)
		})
	})
	return true
}

// removeSealTemp removes the decrypted copy of an encrypted backup once it
// was restored (only files app.OpenSealed names).
func removeSealTemp(path string) {
	if b := filepath.Base(path); strings.HasPrefix(b, ".wubdesk-seal-") && strings.HasSuffix(b, ".tmp") {
		os.Remove(path)
	}
}
