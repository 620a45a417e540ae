package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wubdesk/internal/handover"
	"wubdesk/internal/seal"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// Encryption at rest for copies that leave the PC (issue 24): backups and
// handover packages are age files (internal/seal). The office has an age
// X25519 key pair; its private key is kept in the settings sealed with the
// admin's passphrase, so a backup is encrypted to the office without
// asking and opens with the admin's passphrase anywhere (the sealed key
// travels in the file's header). A package for another office is locked
// to that office's public key or to a passphrase. A plain copy is an
// admin's explicit choice, recorded in the copy log and the audit.

const (
	keyOfficePublic = "pdp.office_public"
	keyOfficeSealed = "pdp.office_sealed"
)

// PassphraseEnv holds the passphrase of encrypted copies for headless
// commands; without it they ask on the terminal.
const PassphraseEnv = "WUBDESK_PASSPHRASE"

func officeKeyOf(kv map[string]string) *seal.OfficeKey {
	if kv[keyOfficePublic] == "" || kv[keyOfficeSealed] == "" {
		return nil
	}
	b, err := base64.StdEncoding.DecodeString(kv[keyOfficeSealed])
	if err != nil {
		return nil
	}
	return &seal.OfficeKey{Public: kv[keyOfficePublic], Sealed: b}
}

// OfficeKey is the office's key pair, nil when none was made.
func (a *App) OfficeKey(ctx context.Context) (*seal.OfficeKey, error) {
	kv := map[string]string{}
	for _, k := range []string{keyOfficePublic, keyOfficeSealed} {
		v, err := a.db.Setting(ctx, k)
		if err != nil {
			return nil, err
		}
		kv[k] = v
	}
	return officeKeyOf(kv), nil
}

// OfficeKeyIn reads the office key of a database file without opening it.
func OfficeKeyIn(ctx context.Context, dbPath string) (*seal.OfficeKey, error) {
	kv, err := store.SettingsIn(ctx, dbPath, keyOfficePublic, keyOfficeSealed)
	if err != nil {
		return nil, err
	}
	return officeKeyOf(kv), nil
}

// MakeOfficeKey makes the office's key pair, sealed with the admin's
// passphrase (admin; audited as settings). With a key already there, old
// must open it: the pair stays and is sealed again with the new
// passphrase (copies made before still open with the old one).
func (a *App) MakeOfficeKey(ctx context.Context, old, passphrase string) (seal.OfficeKey, error) {
	cur, err := a.OfficeKey(ctx)
	if err != nil {
		return seal.OfficeKey{}, err
	}
	var k seal.OfficeKey
	if cur != nil {
		k, err = cur.Reseal(old, passphrase)
	} else {
		k, err = seal.NewOfficeKey(passphrase)
	}
	if err != nil {
		return seal.OfficeKey{}, err
	}
	err = a.db.SetSettings(ctx, map[string]string{keyOfficePublic: k.Public,
		keyOfficeSealed: base64.StdEncoding.EncodeToString(k.Sealed)})
	return k, err
}

func lockKind(l *seal.Lock) string {
	switch {
	case l == nil:
		return ""
	case l.Passphrase != "":
		return wub.LockPassphrase
	case l.Office != nil:
		return wub.LockOffice
	}
	return wub.LockRecipient
}

// BackupLock is the lock of a backup when the front end asked for none:
// the office key, else seal_no_office_key (ask a passphrase instead).
func (a *App) BackupLock(ctx context.Context) (*seal.Lock, error) {
	k, err := a.OfficeKey(ctx)
	if err != nil {
		return nil, err
	}
	if k == nil {
		return nil, wub.Errorf("seal_no_office_key")
	}
	return &seal.Lock{Office: k}, nil
}

// allowPlain refuses a plain copy to anyone but an admin.
func (a *App) allowPlain() error {
	if !a.db.Can(wub.ActSettings) {
		return wub.Errorf("seal_plain_admin")
	}
	return nil
}

// BackupCopy writes a verified backup of the open register to out,
// encrypted with lock, or plain when lock is nil (an admin only), and logs
// the copy. The plain intermediate stays beside the database, never at out.
func (a *App) BackupCopy(ctx context.Context, out string, lock *seal.Lock) (store.BackupInfo, error) {
	if lock == nil {
		if err := a.allowPlain(); err != nil {
			return store.BackupInfo{}, err
		}
		info, err := a.db.BackupTo(ctx, out)
		if err != nil {
			return info, err
		}
		return info, a.logBackup(ctx, out, nil)
	}
	tmp, err := plainTemp(filepath.Dir(a.db.Path))
	if err != nil {
		return store.BackupInfo{}, err
	}
	defer os.Remove(tmp)
	info, err := a.db.BackupTo(ctx, tmp)
	if err != nil {
		return info, err
	}
	if err := seal.EncryptFile(tmp, out, *lock); err != nil {
		return info, err
	}
	info.Path = out
	if st, err := os.Stat(out); err == nil {
		info.Size = st.Size()
	}
	return info, a.logBackup(ctx, out, lock)
}

func (a *App) logBackup(ctx context.Context, out string, lock *seal.Lock) error {
	_, err := a.db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyBackup, Path: out, Encrypted: lock != nil,
		Lock: lockKind(lock), Everyone: true}, nil)
	return err
}

// RecordCopy logs a copy made without the register open (a headless
// backup while the window has the file).
func (a *App) RecordCopy(ctx context.Context, c wub.CopyRecord, niks []string) error {
	_, err := a.db.RecordCopy(ctx, c, niks)
	return err
}

// SealedBackupFile is the headless backup: src copied to out without
// opening it for writing, encrypted with lock, or with the office key read
// from the copy itself when lock is nil. It returns the lock kind used.
func SealedBackupFile(ctx context.Context, src, out string, lock *seal.Lock) (store.BackupInfo, string, error) {
	tmp, err := plainTemp(filepath.Dir(src))
	if err != nil {
		return store.BackupInfo{}, "", err
	}
	defer os.Remove(tmp)
	info, err := store.BackupFile(ctx, src, tmp)
	if err != nil {
		return info, "", err
	}
	if lock == nil {
		k, err := OfficeKeyIn(ctx, tmp)
		if err != nil {
			return info, "", err
		}
		if k == nil {
			return info, "", wub.Errorf("seal_no_office_key")
		}
		lock = &seal.Lock{Office: k}
	}
	if err := seal.EncryptFile(tmp, out, *lock); err != nil {
		return info, "", err
	}
	info.Path = out
	if st, err := os.Stat(out); err == nil {
		info.Size = st.Size()
	}
	return info, lockKind(lock), nil
}

// plainTemp names a new temporary file in dir (the database's folder, on
// the PC) for a plain intermediate copy.
func plainTemp(dir string) (string, error) {
	removeStalePlain(dir)
	f, err := os.CreateTemp(dir, ".wubdesk-seal-*.tmp")
	if err != nil {
		return "", err
	}
	name := f.Name()
	f.Close()
	os.Remove(name) // the writers create it themselves
	return name, nil
}

// IsSealed reports whether a file is an encrypted copy.
func IsSealed(path string) (bool, error) { return seal.FileIsSealed(path) }

// OpenSealed decrypts an encrypted copy to a new plain file in dir and
// returns its path (the caller removes it). A wrong passphrase is
// seal_wrong_key and writes nothing.
func OpenSealed(src, dir string, u seal.Unlock) (string, error) {
	tmp, err := plainTemp(dir)
	if err != nil {
		return "", err
	}
	if err := seal.DecryptFile(src, tmp, u); err != nil {
		return "", err
	}
	return tmp, nil
}

// RestoreSealed restores dbPath from an encrypted backup: decrypted beside
// the database, verified whole, then restored as a plain backup is. A
// wrong passphrase changes nothing.
func RestoreSealed(ctx context.Context, dbPath, src string, u seal.Unlock) (kept string, err error) {
	plain, err := OpenSealed(src, filepath.Dir(dbPath), u)
	if err != nil {
		return "", err
	}
	defer os.Remove(plain)
	if _, err := store.VerifyBackup(ctx, plain); err != nil {
		return "", wub.Errorf("restore_bad_source", filepath.Base(src), err)
	}
	return store.Restore(ctx, dbPath, plain)
}

// ReadPackage reads a handover package, decrypting it first when it is
// sealed: with the passphrase it was locked with, or (a package locked to
// this office's public key) the office key of dbPath opened with the
// admin's passphrase.
func ReadPackage(ctx context.Context, path, dbPath, passphrase string) (*handover.Package, error) {
	sealed, err := seal.FileIsSealed(path)
	if err != nil {
		return nil, wub.Errorf("handover_not_package", filepath.Base(path), err)
	}
	if !sealed {
		return handover.ReadFile(path)
	}
	if passphrase == "" {
		return nil, wub.Errorf("seal_need_key")
	}
	u := seal.Unlock{Passphrase: passphrase}
	if st, err := os.Stat(dbPath); err == nil && st.Size() > 0 {
		if u.Office, err = OfficeKeyIn(ctx, dbPath); err != nil {
			return nil, err
		}
	}
	return readSealedPackage(path, u)
}

// SealHandover encrypts a package just written (in place, under its own
// name: the header tells it is sealed) and logs it with the NIKs it holds.
// A nil lock leaves it plain: an admin's choice, logged as such.
func (a *App) SealHandover(ctx context.Context, ex *handover.Exported, lock *seal.Lock) error {
	_, err := a.SealHandoverPackage(ctx, ex, lock)
	return err
}

// SealHandoverPackage is SealHandover returning the package as written
// (plain, verified), for its berita acara.
func (a *App) SealHandoverPackage(ctx context.Context, ex *handover.Exported, lock *seal.Lock) (*handover.Package, error) {
	if lock == nil {
		if err := a.allowPlain(); err != nil {
			os.Remove(ex.Path)
			os.Remove(ex.BeritaAcara)
			return nil, err
		}
	}
	p, err := handover.ReadFile(ex.Path)
	if err != nil {
		return nil, err
	}
	var niks []string
	for _, r := range p.Rows["trainee"] {
		if s, ok := r["nik"].(string); ok {
			niks = append(niks, s)
		}
	}
	if lock != nil {
		tmp := ex.Path + ".plain"
		if err := os.Rename(ex.Path, tmp); err != nil {
			return nil, err
		}
		err := seal.EncryptFile(tmp, ex.Path, *lock)
		os.Remove(tmp)
		if err != nil {
			return nil, err
		}
	}
	note := fmt.Sprintf("%s → %s, %s", p.Manifest.From.ShortName, p.Manifest.To.ShortName, p.Manifest.HandoverDate)
	_, err = a.db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyHandover, Path: ex.Path, Encrypted: lock != nil,
		Lock: lockKind(lock), Note: note}, niks)
	return p, err
}

// ReadPackage reads a handover package for the open register, decrypting
// it with the passphrase (its own, or the admin's for this office's key).
func (a *App) ReadPackage(ctx context.Context, path, passphrase string) (*handover.Package, error) {
	sealed, err := seal.FileIsSealed(path)
	if err != nil || !sealed {
		return handover.ReadFile(path)
	}
	if passphrase == "" {
		return nil, wub.Errorf("seal_need_key")
	}
	k, err := a.OfficeKey(ctx)
	if err != nil {
		return nil, err
	}
	return readSealedPackage(path, seal.Unlock{Passphrase: passphrase, Office: k})
}

func readSealedPackage(path string, u seal.Unlock) (*handover.Package, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := seal.Decrypt(f, u)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return handover.Read(data, filepath.Base(path))
}

// LockFor builds a package's lock from what the clerk chose: a public key
// (age1...) or a passphrase typed twice.
func LockFor(publicKey, passphrase, again string) (*seal.Lock, error) {
	if k := strings.TrimSpace(publicKey); k != "" {
		if err := seal.CheckPublicKey(k); err != nil {
			return nil, err
		}
		return &seal.Lock{Recipients: []string{k}}, nil
	}
	if passphrase != again {
		return nil, wub.Errorf("seal_passphrase_twice")
	}
	if err := seal.CheckPassphrase(passphrase); err != nil {
		return nil, err
	}
	return &seal.Lock{Passphrase: passphrase}, nil
}

// OpenSealedCopy decrypts an encrypted backup beside the open register
// with the passphrase (its own, or the admin's for the office key) and
// returns the plain copy's path (the caller removes it).
func (a *App) OpenSealedCopy(ctx context.Context, src, passphrase string) (string, error) {
	k, err := a.OfficeKey(ctx)
	if err != nil {
		return "", err
	}
	return OpenSealed(src, filepath.Dir(a.db.Path), seal.Unlock{Passphrase: passphrase, Office: k})
}

// removeStalePlain removes decrypted copies left by a restore the clerk
// cancelled (older than ten minutes, so no copy in use is touched).
func removeStalePlain(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, ".wubdesk-seal-*.tmp"))
	for _, f := range old {
		if st, err := os.Stat(f); err == nil && time.Since(st.ModTime()) > 10*time.Minute {
			os.Remove(f)
		}
	}
}
