package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func init() {
	register("import", "mengimpor daftar peserta dari berkas Excel (.xlsx, .xls) atau CSV sebuah dinas", runImport)
}

// importJSON is the --json output; scripts and checks depend on it exactly.
type importJSON struct {
	File      string           `json:"file"`
	Sheet     string           `json:"sheet"`
	HeaderRow int              `json:"header_row"`
	RowsRead  int              `json:"rows_read"`
	Accepted  int              `json:"accepted"`
	Committed bool             `json:"committed"`
	Rejected  []importRejected `json:"rejected"`
	Warnings  []importWarning  `json:"warnings"`
	Skipped   []importSkipped  `json:"skipped"`

	// Added by issue 16; absent when empty, so older outputs are unchanged.
	OtherTables    []xlsx.OtherTable `json:"other_tables,omitempty"`    // other visible sheets with a trainee table
	HiddenRows     []int             `json:"hidden_rows,omitempty"`     // rows hidden in Excel that were read
	HiddenColumns  []string          `json:"hidden_columns,omitempty"`  // hidden columns that were read
	TargetWarnings []importTarget    `json:"target_warnings,omitempty"` // the file names another agency or year
	OtherSheets    []importJSON      `json:"other_sheets,omitempty"`    // --all-sheets: the other tables, each its own transaction
}

type importTarget struct {
	Source  string `json:"source"` // title, column, file_name
	Kind    string `json:"kind"`   // agency, year
	Found   string `json:"found"`
	Chosen  string `json:"chosen"`
	Rows    int    `json:"rows,omitempty"`
	Message string `json:"message"`
}

type importRejected struct {
	Row    int      `json:"row"`
	NIK    string   `json:"nik"`
	Errors []string `json:"errors"`
}

type importWarning struct {
	Row   int      `json:"row"`
	Codes []string `json:"codes"`
}

type importSkipped struct {
	Row    int    `json:"row"`
	Reason string `json:"reason"`
}

func runImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "import", "--db BERKAS --agency KODE [--year TTTT] [--sheet NAMA] [--all-sheets] [--dry-run] [--json] [--errors-out BERKAS.xlsx] [--update-existing] [--user NAMA] BERKAS.xlsx")
	dbPath := fs.String("db", "", "berkas basis data (dibuat bila belum ada)")
	agency := fs.String("agency", "", "kode dinas pelaksana, misalnya DISPERINDAG")
	year := fs.String("year", "", "tahun program (boleh dikosongkan bila judul berkas menyebut tahunnya)")
	sheet := fs.String("sheet", "", "nama lembar yang dibaca (bawaan: lembar pertama yang punya kolom NIK dan Nama)")
	dry := fs.Bool("dry-run", false, "hanya periksa; tidak ada yang disimpan")
	asJSON := fs.Bool("json", false, "tulis hasil sebagai satu objek JSON di stdout")
	errorsOut := fs.String("errors-out", "", "simpan baris yang ditolak beserta alasannya ke berkas .xlsx ini")
	update := fs.Bool("update-existing", false, "NIK yang sudah terdaftar: perbarui datanya dan tambahkan keikutsertaan, alih-alih menolak")
	allSheets := fs.Bool("all-sheets", false, "impor juga lembar lain yang berisi tabel peserta, satu transaksi per lembar")
	user := userFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return &UsageError{"sebutkan tepat satu berkas .xlsx yang diimpor"}
	}
	if strings.TrimSpace(*agency) == "" {
		return &UsageError{wub.Message("import_agency_missing", "")}
	}
	y := 0
	if *year != "" {
		y, err = strconv.Atoi(*year)
		if err != nil || y < 2000 || y > 2100 {
			return &UsageError{wub.Message("import_year_flag", "", *year)}
		}
	}
	a, err := openAppForWrite(ctx, env, *dbPath, *user, wub.ActEdit)
	if err != nil {
		return err
	}
	defer a.Close()
	as, err := a.Agencies(ctx)
	if err != nil {
		return err
	}
	code := strings.ToUpper(strings.TrimSpace(*agency))
	if _, ok := as.ByCode(code); !ok {
		var codes []string
		for _, a := range as {
			codes = append(codes, a.Code)
		}
		return &UsageError{wub.Message("agency_unknown", "", *agency) + " (" + strings.Join(codes, ", ") + ")"}
	}
	o := xlsx.Options{Sheet: *sheet, Agency: code, Year: y, UpdateExisting: *update}
	rep, res, committed, err := importSheet(ctx, a, as, pos[0], o, *errorsOut, *dry)
	if err != nil {
		return err
	}
	var others []sheetResult
	if *allSheets {
		for _, t := range rep.OtherTables {
			o.Sheet = t.Sheet
			errs := ""
			if *errorsOut != "" {
				ext := filepath.Ext(*errorsOut)
				errs = strings.TrimSuffix(*errorsOut, ext) + "_" + safeName(t.Sheet) + ext
			}
			r, rs, c, err := importSheet(ctx, a, as, pos[0], o, errs, *dry)
			if err != nil {
				return fmt.Errorf("%s: %w", t.Sheet, err)
			}
			others = append(others, sheetResult{r, rs, c})
		}
	}
	if *asJSON {
		out := importOutput(rep, committed)
		for _, o := range others {
			out.OtherSheets = append(out.OtherSheets, importOutput(o.rep, o.committed))
		}
		return json.NewEncoder(env.Stdout).Encode(out)
	}
	printImport(env, rep, committed, res)
	for _, o := range others {
		fmt.Fprintln(env.Stdout)
		printImport(env, o.rep, o.committed, o.res)
	}
	return nil
}

type sheetResult struct {
	rep       *xlsx.Report
	res       app.ImportResult
	committed bool
}

// importSheet previews one sheet, writes its error report and, unless a
// dry run, commits its rows in one transaction.
func importSheet(ctx context.Context, a *app.App, as wub.Agencies, path string, o xlsx.Options, errorsOut string,
	dry bool) (*xlsx.Report, app.ImportResult, bool, error) {
	var res app.ImportResult
	rep, err := a.PreviewImport(ctx, path, o)
	if err != nil {
		return nil, res, false, err
	}
	if err := rep.Ready(as); err != nil {
		return nil, res, false, err
	}
	if errorsOut != "" {
		if err := writeErrorsFile(errorsOut, rep); err != nil {
			return nil, res, false, err
		}
	}
	if dry || rep.Accepted+rep.Updates == 0 {
		return rep, res, false, nil
	}
	// ImportWorkbook says "saved" only of the file that is still there.
	res, err = a.ImportWorkbook(ctx, rep, nil)
	if err != nil {
		return nil, res, false, err
	}
	return rep, res, true, nil
}

// safeName keeps a sheet name usable in a file name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r == ' ' {
			return '_'
		}
		return r
	}, s)
}

func writeErrorsFile(path string, rep *xlsx.Report) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".wubdesk-errors-*.xlsx")
	if err != nil {
		return fmt.Errorf("laporan kesalahan %s tidak bisa ditulis: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := xlsx.WriteErrors(tmp, rep); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func importOutput(rep *xlsx.Report, committed bool) importJSON {
	out := importJSON{File: rep.File, Sheet: rep.Sheet, HeaderRow: rep.HeaderRow, RowsRead: rep.RowsRead(),
		Accepted: rep.Accepted + rep.Updates, Committed: committed,
		Rejected: []importRejected{}, Warnings: []importWarning{}, Skipped: []importSkipped{}}
	for i, r := range rep.Rows {
		switch r.Status {
		case xlsx.Rejected:
			out.Rejected = append(out.Rejected, importRejected{Row: r.Num, NIK: rep.NIK(i), Errors: r.Errors()})
		case xlsx.Accepted, xlsx.Update:
			if w := r.Warnings(); len(w) > 0 {
				out.Warnings = append(out.Warnings, importWarning{Row: r.Num, Codes: w})
			}
		case xlsx.Skipped:
			out.Skipped = append(out.Skipped, importSkipped{Row: r.Num, Reason: r.Skip()})
		}
	}
	out.OtherTables, out.HiddenRows, out.HiddenColumns = rep.OtherTables, rep.HiddenRows, rep.HiddenColumns
	for _, w := range rep.Target {
		out.TargetWarnings = append(out.TargetWarnings, importTarget{Source: w.Source, Kind: w.Kind, Found: w.Found,
			Chosen: w.Chosen, Rows: w.Rows, Message: w.Message()})
	}
	return out
}

func printImport(env *Env, rep *xlsx.Report, committed bool, res app.ImportResult) {
	w := env.Stdout
	fmt.Fprintf(w, "Berkas %s, lembar %q, judul kolom sampai baris %d.\n", rep.File, rep.Sheet, rep.HeaderRow)
	fmt.Fprintf(w, "%d baris dibaca: %d diterima, %d ditolak, %d dilewati.\n",
		rep.RowsRead(), rep.Accepted+rep.Updates, rep.Rejected, rep.Skipped)
	for _, n := range rep.Notices() {
		fmt.Fprintf(w, "Perhatian: %s\n", n)
	}
	for i, r := range rep.Rows {
		switch r.Status {
		case xlsx.Rejected:
			fmt.Fprintf(w, "  baris %d ditolak: %s\n", r.Num, rep.Reason(i))
		case xlsx.Skipped:
			if r.Skip() != xlsx.SkipBlank {
				fmt.Fprintf(w, "  baris %d dilewati: %s\n", r.Num, xlsx.SkipMessage(r.Skip()))
			}
		}
	}
	switch {
	case committed:
		fmt.Fprintf(w, "Tersimpan: %d peserta baru, %d diperbarui, %d keikutsertaan ditambahkan.\n",
			res.Inserted, res.Updated, res.Enrolled)
	default:
		fmt.Fprintln(w, "Tidak ada yang disimpan.")
	}
}
