package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

func init() {
	register("check", "periksa keutuhan basis data, versi skema, jumlah data dan cadangan", runCheck)
}

// runCheck exits 0 when the file is sound, 1 when it has a problem (damaged,
// newer schema, not a WUBDesk file, or missing: unlike other commands, check
// never creates the file), 2 when it cannot run.
func runCheck(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "check", "--db BERKAS [--json]")
	db := fs.String("db", "", "berkas basis data yang diperiksa")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*db) == "" {
		return &UsageError{"--db BERKAS wajib diisi"}
	}
	file, done, err := plainOf(env, *db, os.TempDir()) // an encrypted backup: backup_seal.go
	if err != nil {
		return err
	}
	defer done()
	r, err := app.CheckFile(ctx, file)
	if err != nil {
		return err
	}
	r.Path = *db
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else {
		printCheck(env, r)
	}
	if !r.OK {
		return &ExitError{Code: 1}
	}
	return nil
}

func printCheck(env *Env, r wub.CheckReport) {
	w := env.Stdout
	fmt.Fprintf(w, "Berkas: %s\n", r.Path)
	if r.Integrity != "" {
		fmt.Fprintf(w, "Keutuhan: %s\n", r.Integrity)
	}
	if r.SchemaVersion > 0 {
		fmt.Fprintf(w, "Skema: %d (aplikasi: %d)\n", r.SchemaVersion, r.AppSchemaVersion)
	}
	labels := map[string]string{"trainees": "Peserta", "trainees_deleted": "Peserta terhapus", "enrolments": "Keikutsertaan",
		"batches": "Angkatan", "audit": "Log audit", "users": "Pengguna"}
	keys := make([]string, 0, len(r.Counts))
	for k := range r.Counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%s: %d\n", labels[k], r.Counts[k])
	}
	if r.NewestBackup != "" {
		fmt.Fprintf(w, "Cadangan: %d, terbaru %s\n", r.Backups, r.NewestBackup)
	}
	for _, s := range r.Warnings {
		fmt.Fprintf(w, "Perhatian: %s\n", s)
	}
	printUndated(env, r)
	for _, s := range r.Problems {
		fmt.Fprintf(env.Stderr, "MASALAH: %s\n", s)
	}
	if r.OK {
		fmt.Fprintln(w, "Hasil: baik")
	} else {
		fmt.Fprintln(w, "Hasil: ada masalah")
	}
}
