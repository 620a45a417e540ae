package cli

import (
	"context"
	"fmt"
	"strings"

	"wubdesk/internal/hub"
	"wubdesk/internal/wub"
)

func init() {
	registerHub("user add", "tambah pengguna hub (reviewer atau admin), atau ganti sandi dan perannya", runHubUserAdd)
}

func runHubUserAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub user add", "--pg ALAMAT --username NAMA --role reviewer|admin   (sandi dari WUBDESK_PASSWORD atau diketik)")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	username := fs.String("username", "", "nama pengguna hub")
	role := fs.String("role", "", "peran: reviewer (memeriksa bulan) atau admin (juga membuka kembali, mengelola kantor)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*username) == "" || strings.TrimSpace(*role) == "" {
		return &UsageError{"--username dan --role wajib diisi"}
	}
	if *role != hub.RoleReviewer && *role != hub.RoleAdmin {
		return hub.Errorf(400, "hub_role_invalid", *role)
	}
	pw, err := password(env, *username)
	if err != nil {
		return err
	}
	if pw == "" {
		return &UsageError{wub.Message("hub_password_missing", "")}
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	if err := h.AddUser(ctx, *username, pw, *role, "cli"); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Pengguna hub %s (%s) disimpan.\n", strings.TrimSpace(*username), *role)
	return nil
}
