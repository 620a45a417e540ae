package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/instance"
	"wubdesk/internal/wub"
)

func init() {
	register("restore", "pulihkan basis data dari berkas cadangan (berkas saat ini disimpan di folder backups)", runRestore)
}

// runRestore is the window's restore without a window, for an office whose
// file is damaged or emptied (the other commands point here). With sign-in
// required it needs an admin's --user and password: checked against the
// current file when it can be read, else against the backup being restored.
func runRestore(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "restore", "--db BERKAS --from CADANGAN [--user NAMA]")
	dbPath := fs.String("db", "", "basis data yang diganti")
	from := fs.String("from", "", "berkas cadangan yang dipulihkan (diperiksa penuh lebih dulu)")
	user := userFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{fmt.Sprintf("argumen tidak dikenal: %q", pos[0])}
	}
	if strings.TrimSpace(*dbPath) == "" || strings.TrimSpace(*from) == "" {
		fs.Usage()
		return &UsageError{"--db dan --from wajib diisi"}
	}
	lock, err := instance.AcquireQuietly(*dbPath)
	if err != nil {
		return err
	}
	defer lock.Release()
	shown := *from
	plain, done, err := plainOf(env, *from, filepath.Dir(*dbPath)) // an encrypted backup: backup_seal.go
	if err != nil {
		return err
	}
	defer done()
	*from = plain
	if _, err := app.VerifyBackup(ctx, *from); err != nil {
		return wub.Errorf("restore_bad_source", shown, err)
	}
	// Whose rules apply: the current file's when it reads, else the backup's.
	rules, required := app.RestoreRules(ctx, *dbPath, *from)
	actor := ""
	if required {
		if strings.TrimSpace(*user) == "" {
			return &UsageError{wub.Message("cli_user_required", "", PasswordEnv)}
		}
		pw, err := password(env, *user)
		if err != nil {
			return err
		}
		_, u, err := app.RestoreCredentials(ctx, rules, *user, pw)
		if err != nil {
			return err
		}
		if !u.Role.Can(wub.ActRestore) {
			return wub.Errorf("cli_role_denied", u.Name, u.Role.Label())
		}
		actor = u.Name
	}
	kept, err := app.Restore(ctx, app.RestoreOptions{Path: *dbPath, From: *from})
	if err != nil {
		return err
	}
	db, err := app.OpenChecked(ctx, *dbPath)
	if err != nil {
		return damagedAdvice(err)
	}
	db.Close()
	if actor != "" {
		fmt.Fprintf(env.Stdout, "Dipulihkan dari %s oleh %s.\n", shown, actor)
	} else {
		fmt.Fprintf(env.Stdout, "Dipulihkan dari %s.\n", shown)
	}
	if kept != "" {
		fmt.Fprintf(env.Stdout, "Berkas sebelumnya disimpan: %s\n", kept)
	}
	return nil
}
