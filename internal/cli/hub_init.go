package cli

import (
	"context"
	"fmt"
	"strings"

	"wubdesk/internal/hub"
)

func init() {
	registerHub("init", "siapkan basis data hub (migrasi) dan sertifikat hub; aman diulang", runHubInit)
}

func runHubInit(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub init", "--pg ALAMAT [--host NAMA,...]")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	hosts := fs.String("host", "", "nama atau IP server hub untuk sertifikat buatan hub, dipisah koma (localhost dan nama komputer selalu ikut)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	u, err := pgURL(*pg)
	if err != nil {
		return err
	}
	var hs []string
	for _, h := range strings.Split(*hosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			hs = append(hs, h)
		}
	}
	h, res, err := hub.Init(ctx, u, hs)
	if err != nil {
		return err
	}
	defer h.Close()
	if len(res.Applied) > 0 {
		fmt.Fprintf(env.Stdout, "Skema hub diperbarui ke versi %d (migrasi %v).\n", res.Version, res.Applied)
	} else {
		fmt.Fprintf(env.Stdout, "Skema hub sudah versi %d; tidak ada yang diubah.\n", res.Version)
	}
	if res.NewCert {
		fmt.Fprintln(env.Stdout, "Sertifikat hub dibuat (tersimpan di basis data hub).")
	}
	fmt.Fprintf(env.Stdout, "Sidik jari sertifikat (SHA-256), cocokkan di kantor saat pendaftaran:\n%s\n", res.Fingerprint)
	return nil
}
