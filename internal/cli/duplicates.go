package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"wubdesk/internal/wub"
)

func init() {
	register("duplicates", "daftar kemungkinan ganda (satu orang, dua NIK) yang belum diperiksa", runDuplicates)
}

type dupSide struct {
	NIK  string `json:"nik"`
	Name string `json:"name"`
}

type dupPairJSON struct {
	A      dupSide `json:"a"`
	B      dupSide `json:"b"`
	Reason string  `json:"reason"`
	Score  int     `json:"score"`
}

// runDuplicates lists the open likely pairs of the register, best first:
// the same list as the "Kemungkinan ganda" screen. It exits 0 whether or
// not there are pairs.
func runDuplicates(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "duplicates", "--db BERKAS [--json]")
	dbPath := fs.String("db", "", "berkas basis data")
	asJSON := fs.Bool("json", false, `keluaran JSON: {"pairs": [{"a": {"nik", "name"}, "b": {...}, "reason", "score"}]}`)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	db, closer, err := openApp(*dbPath)
	if err != nil {
		return err
	}
	defer closer.Close()
	pairs, err := db.LikelyDuplicates(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := struct {
			Pairs []dupPairJSON `json:"pairs"`
		}{Pairs: []dupPairJSON{}}
		for _, p := range pairs {
			out.Pairs = append(out.Pairs, dupPairJSON{A: dupSide{p.A.NIK, p.A.Name}, B: dupSide{p.B.NIK, p.B.Name},
				Reason: p.Reason, Score: p.Score})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(env.Stdout, "%d kemungkinan ganda belum diperiksa\n", len(pairs))
	for _, p := range pairs {
		fmt.Fprintf(env.Stdout, "%3d  %s %s  ↔  %s %s  (%s)\n", p.Score, p.A.NIK, p.A.Name, p.B.NIK, p.B.Name, wub.DupReasonText(p.Reason))
	}
	return nil
}
