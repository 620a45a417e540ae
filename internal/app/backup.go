package app

import (
	"context"
	"os"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// FileProgress reports the stages of a backup or a restore (wub.StageCopy,
// StageCheck, StageKeep) and, where it can be measured, how far the stage
// is: done of total bytes (total 0 when unknown). It is called from the
// working goroutine. Cancelling the context cancels the work while that is
// safe (a restore finishes once it reaches StageKeep).
type FileProgress func(stage string, done, total int64)

// BackupOptions say where a backup goes and who watches it.
type BackupOptions struct {
	Dest     string       // the copy to write (a flash drive, another folder)
	Progress FileProgress // nil: nobody watches
}

func withProgress(ctx context.Context, p FileProgress) context.Context {
	if p == nil {
		return ctx
	}
	return store.WithProgress(ctx, store.Progress(p))
}

// Backup writes a verified copy of the open register to o.Dest. Writers
// are not blocked: the copy is the last committed state when it starts.
func (a *App) Backup(ctx context.Context, o BackupOptions) (wub.BackupInfo, error) {
	return a.db.BackupTo(withProgress(ctx, o.Progress), o.Dest)
}

// BackupFile copies the register at src to o.Dest without opening it for
// writing or migrating it (the headless `wubdesk backup`).
func BackupFile(ctx context.Context, src string, o BackupOptions) (wub.BackupInfo, error) {
	return store.BackupFile(withProgress(ctx, o.Progress), src, o.Dest)
}

// RestoreOptions say which register is replaced by which backup.
type RestoreOptions struct {
	Path     string // the register's file; it must be closed
	From     string // the backup put in its place
	Progress FileProgress
}

// Restore replaces the closed register at o.Path with the backup o.From,
// after checking it in full; the current file is kept in the backups folder
// (kept says where, "" when there was none).
func Restore(ctx context.Context, o RestoreOptions) (kept string, err error) {
	return store.Restore(withProgress(ctx, o.Progress), o.Path, o.From)
}

// VerifyBackup checks a backup file in full and says what it is.
func VerifyBackup(ctx context.Context, path string) (wub.BackupInfo, error) {
	return store.VerifyBackup(ctx, path)
}

// ListBackups lists the backups beside the register at dbPath, newest first.
func ListBackups(dbPath string) ([]wub.BackupInfo, error) { return store.ListBackups(dbPath) }

// BackupDir is the folder of the register's automatic backups.
func BackupDir(dbPath string) string { return store.BackupDir(dbPath) }

// CheckFile checks the register at path without writing it (`wubdesk check`).
func CheckFile(ctx context.Context, path string) (wub.CheckReport, error) {
	return store.CheckFile(ctx, path)
}

// RestoreCredentials reads the register at path (nothing written) and says
// whether it requires sign-in and, if so, whether name and password belong
// to an active user, who is returned: a restore asks an admin first even
// when the current file is too damaged to open.
func RestoreCredentials(ctx context.Context, path, name, password string) (required bool, u wub.User, err error) {
	return store.CheckCredentialsIn(ctx, path, name, password)
}

// NormalizeUserName is a user name as stored (and signed in with).
func NormalizeUserName(s string) string { return store.NormalizeUserName(s) }

// RestoreRules says whose sign-in rules a restore of dbPath from src
// follows: the current file's when it can be read, else the backup's
// (the current file may be the damaged one); required reports whether
// they ask for a user, whose role must allow wub.ActRestore and who is the
// restore's actor (RestoreCredentials checks them against rules).
func RestoreRules(ctx context.Context, dbPath, src string) (rules string, required bool) {
	rules = dbPath
	_, _, err := store.CheckCredentialsIn(ctx, rules, "", "")
	if st, serr := os.Stat(rules); serr != nil || st.Size() == 0 || (err != nil && wub.ErrorCode(err) != "auth_failed") {
		rules = src
	}
	required, _, _ = store.CheckCredentialsIn(ctx, rules, "", "")
	return rules, required
}
