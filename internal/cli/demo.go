package cli

import (
	"context"
	"fmt"
	"time"

	"wubdesk/internal/demo"
	"wubdesk/internal/wub"
)

func init() {
	register("demo", "isi basis data kosong dengan data contoh (peserta, angkatan, fasilitator, kuota, usaha)", runDemo)
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "demo", "--db BERKAS [--trainees N] [--seed S] [--user NAMA]")
	dbPath := fs.String("db", "", "berkas basis data (dibuat bila belum ada; harus belum berisi peserta)")
	n := fs.Int("trainees", 5000, "jumlah peserta (orang) yang dibuat")
	seed := fs.Int64("seed", 1, "benih acak: benih dan jumlah yang sama memberi data yang sama")
	user := userFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{fmt.Sprintf("argumen tidak dikenal: %q", pos[0])}
	}
	if *n < 1 || *n > 5_000_000 {
		return &UsageError{fmt.Sprintf("--trainees harus antara 1 dan 5.000.000, yang tertulis %d", *n)}
	}
	a, err := openAppForWrite(ctx, env, *dbPath, *user, wub.ActEdit)
	if err != nil {
		return err
	}
	defer a.Close()
	o := demo.Options{Trainees: *n, Seed: *seed}
	if isTerminal(env.Stderr) {
		o.Progress = func(done, total int) {
			fmt.Fprintf(env.Stderr, "\rMembuat data demo: %s dari %s peserta", wub.FormatInt(done), wub.FormatInt(total))
			if done == total {
				fmt.Fprintln(env.Stderr)
			}
		}
	}
	start := time.Now()
	sum, extras, err := a.Demo(ctx, o)
	if wub.ErrorCode(err) == "demo_not_empty" {
		return fmt.Errorf("%s: %w Gunakan berkas baru, misalnya --db demo.db.", a.Path(), err)
	}
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "Data demo dibuat di %s (benih %d) dalam %.1f detik:\n", a.Path(), *seed, time.Since(start).Seconds())
	fmt.Fprintf(w, "  %s peserta, %s keikutsertaan, %s angkatan\n",
		wub.FormatInt(sum.Trainees), wub.FormatInt(sum.Enrolments), wub.FormatInt(sum.Batches))
	fmt.Fprintf(w, "  %-6s %9s %9s %9s %9s %9s\n", "Tahun", "Angkatan", "Ikut", "Lulus", "Keluar", "Terdaftar")
	for _, y := range sum.Years {
		fmt.Fprintf(w, "  %-6d %9s %9s %9s %9s %9s\n", y.Year, wub.FormatInt(y.Batches), wub.FormatInt(y.Enrolments),
			wub.FormatInt(y.Trained), wub.FormatInt(y.Dropped), wub.FormatInt(y.Registered))
	}
	if extras {
		fmt.Fprintln(w, "  juga: kuota per dinas dan tahun, fasilitator dan kontrak, pendampingan, laporan bulanan,")
		fmt.Fprintln(w, "  usaha peserta, izin, produk Wamira Mart dan permodalan")
	} else {
		fmt.Fprintf(w, "  (di atas %s peserta hanya register yang diisi: kuota, fasilitator dan usaha tidak)\n",
			wub.FormatInt(demo.ExtrasLimit))
	}
	return nil
}
