package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
)

func init() {
	registerHub("report", "angka hub saat ini: per kantor dan kabupaten (tiap NIK sekali)", runHubReport)
}

func runHubReport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub report", "--pg ALAMAT [--json]")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	asJSON := fs.Bool("json", false, "tulis sebagai JSON di stdout")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	r, err := h.Report(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Dinas\tOrang\tPendaftaran\tSinkron terakhir")
	for _, o := range r.Offices {
		last := o.LastSync
		if last == "" {
			last = "belum pernah"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", o.Agency, o.People, o.Enrolments, last)
	}
	tw.Flush()
	fmt.Fprintf(env.Stdout, "Kabupaten: %d orang (tiap NIK sekali), %d pendaftaran, %d orang lulus.\n",
		r.Regency.People, r.Regency.Enrolments, r.Regency.TrainedPeople)
	return nil
}
