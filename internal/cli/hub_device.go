package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
)

func init() {
	registerHub("office list", "daftar kantor dan perangkatnya (sinkron terakhir, dicabut)", runHubOfficeList)
	registerHub("device revoke", "cabut satu perangkat (lihat id-nya di `hub office list`)", runHubDeviceRevoke)
}

func runHubOfficeList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub office list", "--pg ALAMAT [--json]")
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
	ds, err := h.Devices(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ds)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Dinas\tPerangkat\tNama PC\tSinkron terakhir\tNomor urut\tStatus")
	for _, d := range ds {
		if d.ID == "" {
			fmt.Fprintf(tw, "%s\t-\t\t\t\tbelum ada perangkat\n", d.Agency)
			continue
		}
		last, state := d.LastSync, "aktif"
		if last == "" {
			last = "belum pernah"
		}
		if d.Revoked != "" {
			state = "dicabut " + d.Revoked
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", d.Agency, d.ID, d.Name, last, d.Through, state)
	}
	return tw.Flush()
}

func runHubDeviceRevoke(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub device revoke", "--pg ALAMAT --device ID")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	id := fs.String("device", "", "id perangkat (UUID)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*id) == "" {
		return &UsageError{"--device ID wajib diisi"}
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	if err := h.RevokeDevice(ctx, strings.ToLower(strings.TrimSpace(*id)), "cli"); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Perangkat %s dicabut.\n", strings.TrimSpace(*id))
	return nil
}
