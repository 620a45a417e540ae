package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/handover"
	"wubdesk/internal/officedoc"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func init() {
	register("doc", "cetak dokumen resmi sebagai PDF (berita acara, surat pengantar, keputusan kontrak, sertifikat, laporan data pribadi)", runDoc)
}

const docUsage = "--db BERKAS --kind handover|cover-letter|contract-round|certificate|person-report " +
	"[--month TTTT-BB] [--year TTTT] [--batch NOMOR] [--nik NIK] [--package BERKAS] --out BERKAS.pdf"

// runDoc writes one official document as PDF (docs/DOCUMENTS.md):
//
//	handover        --package PAKET.wubho           berita acara serah terima
//	cover-letter    --package LAPORAN.xlsx [--month] surat pengantar laporan bulanan
//	contract-round  --year TTTT                      daftar keputusan perpanjangan kontrak
//	certificate     --batch NOMOR [--nik NIK]        sertifikat (seluruh angkatan atau satu peserta)
//	person-report   --nik NIK                        laporan data pribadi
func runDoc(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "doc", docUsage)
	dbPath := fs.String("db", "", "berkas basis data")
	kind := fs.String("kind", "", "jenis dokumen: "+strings.Join(wub.DocKinds, ", "))
	month := fs.String("month", "", "cover-letter: bulan laporan TTTT-BB (diperiksa terhadap buku kerja)")
	year := fs.String("year", "", "contract-round: tahun kontrak baru TTTT")
	batch := fs.String("batch", "", "certificate: nomor angkatan (lihat layar Angkatan)")
	nik := fs.String("nik", "", "person-report: NIK; certificate: hanya peserta ini")
	pkg := fs.String("package", "", "handover: paket serah terima (.wubho); cover-letter: buku kerja laporan bulanan (.xlsx) yang dikirim")
	out := fs.String("out", "", "berkas PDF yang ditulis")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{fmt.Sprintf("argumen tidak dikenal: %s", strings.Join(pos, " "))}
	}
	k := strings.TrimSpace(*kind)
	known := false
	for _, dk := range wub.DocKinds {
		known = known || dk == k
	}
	switch {
	case k == "":
		return &UsageError{"--kind wajib diisi: " + strings.Join(wub.DocKinds, ", ")}
	case !known:
		return wub.Errorf("letter_kind_unknown", k, strings.Join(wub.DocKinds, ", "))
	case strings.TrimSpace(*out) == "":
		return &UsageError{"--out BERKAS.pdf wajib diisi"}
	}
	need := func(v, flag string) error {
		if strings.TrimSpace(v) == "" {
			return &UsageError{fmt.Sprintf("--kind %s memerlukan %s", k, flag)}
		}
		return nil
	}
	// Check the arguments before opening the database, so that a wrong
	// call takes no letter number.
	var m time.Time
	var y int
	var batchID int64
	var pack *handover.Package
	var workbook *xlsx.Received
	switch k {
	case wub.DocHandover:
		if err := need(*pkg, "--package PAKET.wubho"); err != nil {
			return err
		}
		if pack, err = app.ReadHandover(*pkg); err != nil {
			return err
		}
	case wub.DocCoverLetter:
		if err := need(*pkg, "--package LAPORAN.xlsx (buku kerja laporan bulanan yang dikirim)"); err != nil {
			return err
		}
		if *month != "" {
			if m, err = wub.ParsePeriod(*month); err != nil {
				return err
			}
		}
		if workbook = xlsx.ReadSubmissionFile(*pkg); !workbook.OK() {
			return workbook.Err
		}
	case wub.DocContractRound:
		if err := need(*year, "--year TTTT"); err != nil {
			return err
		}
		if y, err = strconv.Atoi(strings.TrimSpace(*year)); err != nil || y < 2020 || y > 2100 {
			return &UsageError{fmt.Sprintf("--year %q bukan tahun (TTTT, mis. 2025)", *year)}
		}
	case wub.DocCertificate:
		if err := need(*batch, "--batch NOMOR"); err != nil {
			return err
		}
		if batchID, err = strconv.ParseInt(strings.TrimSpace(*batch), 10, 64); err != nil || batchID <= 0 {
			return &UsageError{fmt.Sprintf("--batch %q bukan nomor angkatan", *batch)}
		}
		if *nik != "" {
			if _, err := wub.ParseNIK(*nik); err != nil {
				return err
			}
		}
	case wub.DocPersonReport:
		if err := need(*nik, "--nik NIK"); err != nil {
			return err
		}
		if _, err := wub.ParseNIK(*nik); err != nil {
			return err
		}
	}
	a, closer, err := openApp(*dbPath)
	if err != nil {
		return err
	}
	defer closer.Close()
	var res officedoc.Result
	err = xlsx.WriteFile(*out, func(w io.Writer) error {
		var err error
		switch k {
		case wub.DocHandover:
			res, err = a.HandoverDocument(ctx, pack, w)
		case wub.DocCoverLetter:
			res, err = a.CoverLetterDocument(ctx, workbook, m, w)
		case wub.DocContractRound:
			res, err = a.ContractRoundDocument(ctx, "", y, w)
		case wub.DocCertificate:
			var niks []string
			if *nik != "" {
				niks = []string{*nik}
			}
			res, err = a.CertificatesDocument(ctx, batchID, niks, w)
		case wub.DocPersonReport:
			res, err = a.PersonReportDocument(ctx, *nik, w)
		}
		return err
	})
	if err != nil {
		return err
	}
	nums := make([]string, len(res.Numbers))
	for i, n := range res.Numbers {
		nums[i] = n.Number
	}
	shown := strings.Join(nums, ", ")
	if len(nums) > 3 {
		shown = fmt.Sprintf("%s … %s (%d nomor)", nums[0], nums[len(nums)-1], len(nums))
	}
	fmt.Fprintf(env.Stdout, "%s ditulis: %s\nNomor: %s\n", wub.DocKindLabel(k), *out, shown)
	if res.Note != "" {
		fmt.Fprintln(env.Stdout, res.Note)
	}
	return nil
}
