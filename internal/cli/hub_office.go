package cli

import (
	"context"
	"fmt"
	"strings"
	"time"
)

func init() {
	registerHub("office add", "tambah kantor dinas dan cetak kode pendaftaran sekali pakai (baris terakhir)", runHubOfficeAdd)
	registerHub("office revoke", "cabut semua perangkat kantor dinas", runHubOfficeRevoke)
}

func runHubOfficeAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub office add", "--pg ALAMAT --agency KODE [--name NAMA] [--valid-days 7]")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	agency := fs.String("agency", "", "kode dinas, misalnya DISKOP")
	name := fs.String("name", "", "nama kantor (bebas, untuk daftar hub)")
	days := fs.Int("valid-days", 7, "berapa hari kode pendaftaran berlaku")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*agency) == "" {
		return &UsageError{"--agency KODE wajib diisi"}
	}
	if *days < 1 || *days > 90 {
		return &UsageError{"--valid-days harus 1–90"}
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	code, _, err := h.AddOffice(ctx, *agency, *name, time.Duration(*days)*24*time.Hour, "cli")
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Kode pendaftaran untuk %s (sekali pakai, berlaku %d hari). Ketik di kantor: Pengaturan → Register kabupaten, atau `wubdesk enrol`:\n",
		strings.ToUpper(strings.TrimSpace(*agency)), *days)
	fmt.Fprintln(env.Stdout, code)
	return nil
}

func runHubOfficeRevoke(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub office revoke", "--pg ALAMAT --agency KODE")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	agency := fs.String("agency", "", "kode dinas")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*agency) == "" {
		return &UsageError{"--agency KODE wajib diisi"}
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	n, err := h.RevokeOffice(ctx, *agency, "cli")
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d perangkat %s dicabut; kode pendaftaran yang belum dipakai dibatalkan.\n", n, strings.ToUpper(strings.TrimSpace(*agency)))
	return nil
}
