package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"wubdesk/internal/app"
)

func init() {
	register("sync", "satu putaran sinkron dengan register kabupaten (untuk jadwal tugas)", runSync)
}

type syncJSON struct {
	Pushed  int    `json:"pushed"`
	Pending int    `json:"pending"`
	Hub     string `json:"hub"`
}

// runSync runs one round: the outbox to the hub, then the quotas, target and
// facts back. A failed round exits 2 with the error in words; what was sent
// before the failure stays sent.
func runSync(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "sync", "--db BERKAS [--json] [--all-facts]")
	dbPath := fs.String("db", "", "berkas basis data")
	asJSON := fs.Bool("json", false, `keluaran JSON: {"pushed": N, "pending": N, "hub": URL}`)
	allFacts := fs.Bool("all-facts", false, "perbarui fakta dinas lain untuk semua NIK")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	a, closer, err := openApp(*dbPath)
	if err != nil {
		return err
	}
	defer closer.Close()
	res, err := a.Sync(ctx, app.SyncOptions{AllFacts: *allFacts})
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(syncJSON{Pushed: res.Pushed, Pending: res.Pending, Hub: res.Hub})
	}
	fmt.Fprintf(env.Stdout, "%d perubahan terkirim ke %s, %d menunggu.\n", res.Pushed, res.Hub, res.Pending)
	if res.Rejected > 0 {
		fmt.Fprintf(env.Stdout, "%d perubahan ditolak hub (catatan milik kantor lain).\n", res.Rejected)
	}
	if st, err := a.SyncState(ctx); err == nil {
		if w := app.SkewWords(st); w != "" {
			fmt.Fprintln(env.Stdout, w)
		}
	}
	return nil
}
