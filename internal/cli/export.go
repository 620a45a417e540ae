package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
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
	db, err := openDB(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	as, err := db.Agencies(ctx)
	if err != nil {
		return err
	}
	a, ok := as.ByCode(strings.ToUpper(strings.TrimSpace(*agency)))
	if !ok {
		return wub.Errorf("agency_unknown", *agency)
	}
	if !a.RunsIn(m.Year()) {
		return wub.Errorf("export_agency_no_program", a.NameInYear(m.Year()).Short, m.Year())
	}
	office, err := db.Office(ctx)
	if err != nil {
		return err
	}
	quota, fac, err := xlsx.SubmissionExtras(ctx, db, a.Code, m.Year())
	if err != nil {
		return err
	}
	journeys, err := db.JourneyFacts(ctx, m.Year(), wub.EndOfMonth(m))
	if err != nil {
		return err
	}
	openDupes, err := db.OpenDuplicateCount(ctx)
	if err != nil {
		return err
	}
	var meta wub.SubmissionMeta
	err = xlsx.WriteFile(*out, func(w io.Writer) error {
		var err error
		meta, err = xlsx.WriteSubmission(w, xlsx.Submission{Agency: a, Month: m, Office: office, Quota: quota, Facilitators: fac,
			Journeys: journeys, OpenDuplicates: openDupes},
			func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
				return db.SubmissionRows(ctx, a.Code, m.Year(), wub.EndOfMonth(m), emit)
			})
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s %s: %d baris peserta (lulus %d, terdaftar %d, keluar %d) -> %s\n",
		a.Code, meta.Period, meta.TraineeRows, meta.TrainedTotal, meta.RegisteredTotal, meta.DroppedTotal, *out)
	// The copy log (issue 24): which NIKs left the PC in this workbook.
	return app.New(db).RecordSubmission(ctx, *out, a.Code, m.Year(), wub.EndOfMonth(m), false)
}
