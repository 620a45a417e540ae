package cli

import (
	"context"
	"fmt"
	"strings"

	"wubdesk/internal/app"
)

func init() {
	register("backup", "buat cadangan basis data ke berkas lain (untuk tugas terjadwal)", runBackup)
}

// runBackup copies the database without opening it for writing: it may run
// from the Task Scheduler while the app has the file open. A missing --db
// is an error here, not a new database: backing up an empty file would hide
// a wrong path in a scheduled task.
func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "backup", "--db BERKAS --out BERKAS")
	db := fs.String("db", "", "berkas basis data yang dicadangkan")
	out := fs.String("out", "", "berkas cadangan yang ditulis (boleh di flashdisk; ditimpa bila ada)")
	encrypt := fs.Bool("encrypt", false, "enkripsi cadangan (age): dengan kunci kantor bila ada, selain itu kata sandi dari "+app.PassphraseEnv+" atau ditanyakan")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*db) == "" || strings.TrimSpace(*out) == "" {
		return &UsageError{"--db BERKAS dan --out BERKAS wajib diisi"}
	}
	if *encrypt {
		return sealedBackup(ctx, env, *db, *out) // backup_seal.go
	}
	info, err := app.BackupFile(ctx, *db, app.BackupOptions{Dest: *out})
	if err != nil {
		return err
	}
	logCopy(ctx, env, *db, *out, "")
	fmt.Fprintf(env.Stdout, "Cadangan dibuat: %s (%d KB, skema %d, diperiksa baik)\n", info.Path, (info.Size+1023)/1024, info.SchemaVersion)
	return nil
}
