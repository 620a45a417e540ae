package cli

import (
	"context"
	"fmt"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

func init() {
	register("export", "ekspor laporan bulanan satu dinas (buku kerja .xlsx untuk Bagian Perekonomian)", runExport)
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "export", "--db BERKAS --agency KODE --month TTTT-BB --out BERKAS.xlsx")
	dbPath := fs.String("db", "", "berkas basis data")
	agency := fs.String("agency", "", "kode dinas, mis. DISPERINDAG")
	month := fs.String("month", "", "bulan laporan TTTT-BB, mis. 2024-06 (tahun program = tahun bulan itu)")
	out := fs.String("out", "", "berkas .xlsx yang ditulis")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("argumen tidak dikenal: %s", strings.Join(rest, " "))}
	}
	for _, req := range []struct{ v, name string }{{*agency, "--agency KODE"}, {*month, "--month TTTT-BB"}, {*out, "--out BERKAS.xlsx"}} {
		if strings.TrimSpace(req.v) == "" {
			return &UsageError{req.name + " wajib diisi"}
		}
	}
	m, err := wub.ParsePeriod(*month)
	if err != nil {
		return err
	}
	a, db, err := openApp(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	meta, err := a.ExportSubmission(ctx, app.ExportRequest{Agency: *agency, Month: m, Path: *out})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s %s: %d baris peserta (lulus %d, terdaftar %d, keluar %d) -> %s\n",
		meta.AgencyCode, meta.Period, meta.TraineeRows, meta.TrainedTotal, meta.RegisteredTotal, meta.DroppedTotal, *out)
	return nil
}
