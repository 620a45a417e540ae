package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

func init() {
	registerHub("review", "terima (--accept) atau kembalikan (--return CATATAN) laporan satu dinas satu bulan", runHubReview)
	registerHub("reopen", "buka kembali bulan yang sudah diterima (--reason ALASAN); dinas harus kirim lagi", runHubReopen)
	registerHub("deadline", "batas kirim: tanggal bulan berikutnya (--day N, mis. 5)", runHubDeadline)
}

// runHubReview accepts or returns an agency's month on the hub, as the
// review screen does; exit 2 when it cannot (not sent, decided already, a
// return without a note).
func runHubReview(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub review", `--pg ALAMAT --agency KODE --month TTTT-BB (--accept | --return "CATATAN") [--by NAMA] [--json]`)
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	agency := fs.String("agency", "", "kode dinas")
	month := fs.String("month", "", "bulan TTTT-BB")
	accept := fs.Bool("accept", false, "terima laporan (bulan itu dikunci)")
	ret := fs.String("return", "", "kembalikan laporan dengan catatan ini (wajib diisi)")
	by := fs.String("by", "cli", "nama pemeriksa yang dicatat di audit")
	asJSON := fs.Bool("json", false, "tulis status bulan sebagai JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("argumen tidak dikenal: %s", strings.Join(rest, " "))}
	}
	if *accept == (strings.TrimSpace(*ret) != "") {
		return &UsageError{`pilih salah satu: --accept atau --return "CATATAN"`}
	}
	if strings.TrimSpace(*agency) == "" || strings.TrimSpace(*month) == "" {
		return &UsageError{"--agency KODE dan --month TTTT-BB wajib diisi"}
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	st, err := h.Review(ctx, *by, hubapi.ReviewRequest{Agency: *agency, Month: *month, Accept: *accept, Note: *ret})
	if err != nil {
		return err
	}
	return printMonth(env, st, *asJSON)
}

func printMonth(env *Env, st hubapi.MonthState, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	fmt.Fprintf(env.Stdout, "%s %s: %s", st.Agency, st.Month, wub.MonthStateLabel(st.State))
	if st.Code != "" {
		fmt.Fprintf(env.Stdout, " (kode verifikasi %s)", st.Code)
	}
	fmt.Fprintln(env.Stdout)
	return nil
}

func runHubReopen(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub reopen", `--pg ALAMAT --agency KODE --month TTTT-BB --reason "ALASAN" [--by NAMA] [--json]`)
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	agency := fs.String("agency", "", "kode dinas")
	month := fs.String("month", "", "bulan TTTT-BB")
	reason := fs.String("reason", "", "alasan membuka kembali (wajib)")
	by := fs.String("by", "cli", "nama admin yang dicatat di audit")
	asJSON := fs.Bool("json", false, "tulis status bulan sebagai JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	st, err := h.Reopen(ctx, *by, hubapi.ReopenRequest{Agency: *agency, Month: *month, Reason: *reason})
	if err != nil {
		return err
	}
	return printMonth(env, st, *asJSON)
}

func runHubDeadline(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub deadline", "--pg ALAMAT [--day N]")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	day := fs.Int("day", 0, "tanggal bulan berikutnya, 1–28 (tanpa --day: tampilkan)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	if *day != 0 {
		if err := h.SetDeadlineDay(ctx, *day, "cli"); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "Batas kirim: tanggal %d bulan berikutnya.\n", h.DeadlineDay(ctx))
	return nil
}
