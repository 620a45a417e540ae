package cli

import (
	"context"
	"fmt"
	"os"

	"wubdesk/internal/app"
	"wubdesk/internal/handover"
	"wubdesk/internal/seal"
	"wubdesk/internal/wub"
)

// sealedBackup is `wubdesk backup --encrypt`: locked to the office key when
// the office has one (a scheduled task needs no passphrase; restore asks
// the admin's), else to a passphrase from WUBDESK_PASSPHRASE or the
// terminal.
func sealedBackup(ctx context.Context, env *Env, dbPath, out string) error {
	k, err := app.OfficeKeyIn(ctx, dbPath)
	if err != nil {
		return err
	}
	var lock *seal.Lock
	if k == nil {
		p, err := passphrase(env, "cadangan baru", true)
		if err != nil {
			return err
		}
		if err := seal.CheckPassphrase(p); err != nil {
			return err
		}
		lock = &seal.Lock{Passphrase: p}
	}
	info, kind, err := app.SealedBackupFile(ctx, dbPath, out, lock)
	if err != nil {
		return err
	}
	logCopy(ctx, env, dbPath, out, kind)
	fmt.Fprintf(env.Stdout, "Cadangan terenkripsi dibuat: %s (%d KB, skema %d, diperiksa baik; %s)\n", info.Path,
		(info.Size+1023)/1024, info.SchemaVersion, wub.LockLabel(wub.CopyRecord{Encrypted: true, Lock: kind}))
	return nil
}

// logCopy records a headless backup in the copy log. The window may have
// the file open (a scheduled task): then the copy is not logged and the
// command says so, without failing the backup.
func logCopy(ctx context.Context, env *Env, dbPath, out, lockKind string) {
	a, c, err := openApp(dbPath)
	if err == nil {
		err = a.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyBackup, Path: out, Encrypted: lockKind != "",
			Lock: lockKind, Everyone: true}, nil)
		c.Close()
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "Perhatian: salinan tidak dicatat di log salinan (%v).\n", err)
	}
}

// unlockFor asks the passphrase of an encrypted copy (WUBDESK_PASSPHRASE or
// the terminal).
func unlockFor(env *Env, path string) (seal.Unlock, error) {
	p, err := passphrase(env, path, false)
	if err != nil {
		return seal.Unlock{}, err
	}
	return seal.Unlock{Passphrase: p}, nil
}

// plainOf is path itself when it is not encrypted; else the passphrase is
// asked and the copy decrypted into dir, and done removes it. A wrong
// passphrase is seal_wrong_key and nothing is written.
func plainOf(env *Env, path, dir string) (plain string, done func(), err error) {
	sealed, err := app.IsSealed(path)
	if err != nil || !sealed {
		return path, func() {}, nil // a missing file is the caller's message
	}
	u, err := unlockFor(env, path)
	if err != nil {
		return "", func() {}, err
	}
	plain, err = app.OpenSealed(path, dir, u)
	if err != nil {
		return "", func() {}, err
	}
	return plain, func() { os.Remove(plain) }, nil
}

// handoverLock is the lock of `handover export`: --to-key, else --encrypt
// with a passphrase; neither leaves the package plain (logged as such).
func handoverLock(env *Env, encrypt bool, toKey string) (*seal.Lock, error) {
	if toKey != "" {
		return app.LockFor(toKey, "", "")
	}
	if !encrypt {
		return nil, nil
	}
	p, err := passphrase(env, "paket", true)
	if err != nil {
		return nil, err
	}
	return app.LockFor("", p, p)
}

// readPackage reads a handover package, asking the passphrase when it is
// encrypted (the one it was locked with, or the admin's when it was locked
// to this office's key).
func readPackage(ctx context.Context, env *Env, path, dbPath string) (*handover.Package, error) {
	pass := ""
	if sealed, _ := app.IsSealed(path); sealed {
		var err error
		if pass, err = passphrase(env, path, false); err != nil {
			return nil, err
		}
	}
	return app.ReadPackage(ctx, path, dbPath, pass)
}
