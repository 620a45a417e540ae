package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func init() {
	register("person-report", "laporan data pribadi satu NIK (.xlsx atau .pdf): semua data, riwayat dan salinannya", runPersonReport)
}

// runPersonReport writes everything held about a NIK (UU 27/2022 Art.
// 32), the format by the --out extension, and records it in the audit
// (who made it) and the copy log.
func runPersonReport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "person-report", "--db BERKAS --nik NIK --out BERKAS.xlsx|BERKAS.pdf [--user NAMA]")
	dbPath := fs.String("db", "", "berkas basis data")
	nik := fs.String("nik", "", "NIK orang yang datanya dilaporkan")
	out := fs.String("out", "", "berkas yang ditulis: .xlsx (buku kerja) atau .pdf (surat bernomor)")
	user := userFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{fmt.Sprintf("argumen tidak dikenal: %q", pos[0])}
	}
	if strings.TrimSpace(*nik) == "" || strings.TrimSpace(*out) == "" {
		return &UsageError{"--nik NIK dan --out BERKAS wajib diisi"}
	}
	format := app.FormatOf(*out)
	if format == "" {
		return wub.Errorf("pdp_format", filepath.Ext(*out))
	}
	a, err := openAppForWrite(ctx, env, *dbPath, *user, wub.ActExport)
	if err != nil {
		return err
	}
	defer a.Close()
	err = xlsx.WriteFile(*out, func(w io.Writer) error {
		return a.PersonReport(ctx, *nik, format, *out, w)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Laporan data pribadi NIK %s ditulis: %s\n", wub.MaskNIK(*nik), *out)
	return nil
}

// passphrase reads WUBDESK_PASSPHRASE, else asks on the terminal without
// echo (twice when a new copy is locked with it).
func passphrase(env *Env, what string, twice bool) (string, error) {
	if p, ok := os.LookupEnv(app.PassphraseEnv); ok {
		return p, nil
	}
	if !isTerminal(os.Stdin) {
		return "", wub.Errorf("seal_need_key")
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(env.Stderr, prompt)
		restore := noEcho(os.Stdin)
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		restore()
		fmt.Fprintln(env.Stderr)
		return strings.TrimRight(line, "\r\n"), err
	}
	p, err := ask("Kata sandi " + what + ": ")
	if err != nil {
		return "", err
	}
	if twice {
		again, err := ask("Ulangi kata sandi: ")
		if err != nil {
			return "", err
		}
		if again != p {
			return "", wub.Errorf("seal_passphrase_twice")
		}
	}
	return p, nil
}
