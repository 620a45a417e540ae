package cli

import (
	"context"
	"fmt"
	"strings"
)

func init() {
	registerHub("quota set", "tetapkan kuota orang sebuah dinas untuk satu tahun (dikirim ke kantor saat sinkron)", runHubQuotaSet)
	registerHub("target set", "tetapkan target program dan masanya (dikirim ke kantor saat sinkron)", runHubTargetSet)
}

func runHubQuotaSet(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub quota set", "--pg ALAMAT --agency KODE --year TTTT --people N")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	agency := fs.String("agency", "", "kode dinas")
	year := fs.Int("year", 0, "tahun program")
	people := fs.Int("people", -1, "kuota (jumlah orang)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*agency) == "" || *year == 0 || *people < 0 {
		return &UsageError{"--agency, --year dan --people wajib diisi"}
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	a := strings.ToUpper(strings.TrimSpace(*agency))
	if err := h.SetQuota(ctx, a, *year, *people, "cli"); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Kuota %s %d: %d orang.\n", a, *year, *people)
	return nil
}

func runHubTargetSet(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub target set", "--pg ALAMAT --people N --from TTTT-BB-HH --until TTTT-BB-HH")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	people := fs.Int("people", -1, "target (jumlah orang)")
	from := fs.String("from", "", "awal masa target, TTTT-BB-HH")
	until := fs.String("until", "", "akhir masa target, TTTT-BB-HH")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *people < 0 || *from == "" || *until == "" {
		return &UsageError{"--people, --from dan --until wajib diisi"}
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	if err := h.SetTarget(ctx, *people, *from, *until, "cli"); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Target program: %d orang, %s s.d. %s.\n", *people, *from, *until)
	return nil
}
